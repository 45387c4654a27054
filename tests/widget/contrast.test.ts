import { describe, expect, it } from 'vitest';
import { contrastRatio, defaultPrimary, parseHex, safePrimary } from '../../web-widget/src/contrast.ts';

const white: [number, number, number] = [255, 255, 255];

describe('WCAG contrast', () => {
  it('parses #rgb and #rrggbb only', () => {
    expect(parseHex('#00607a')).toEqual([0, 96, 122]);
    expect(parseHex('#FFF')).toEqual([255, 255, 255]);
    expect(parseHex('red')).toBeNull();
    expect(parseHex('#12345')).toBeNull();
    expect(parseHex('rgb(0,0,0)')).toBeNull();
  });

  it('computes the ratios of the WCAG definition', () => {
    expect(contrastRatio([0, 0, 0], white)).toBeCloseTo(21, 5);
    expect(contrastRatio(white, white)).toBeCloseTo(1, 5);
    // Reference values from the WebAIM contrast checker.
    expect(contrastRatio(parseHex('#767676')!, white)).toBeCloseTo(4.54, 2);
    expect(contrastRatio(parseHex('#777777')!, white)).toBeCloseTo(4.48, 2);
    expect(contrastRatio(parseHex('#00607a')!, white)).toBeCloseTo(7.11, 2);
  });

  it('keeps a tenant colour that carries white text at 4.5:1 or more', () => {
    expect(safePrimary('#7a1f5c')).toEqual({ color: '#7a1f5c', adjusted: false });
    expect(safePrimary('#767676')).toEqual({ color: '#767676', adjusted: false });
  });

  it('falls back to the safe default for a light, invalid or missing colour', () => {
    expect(safePrimary('#777777')).toEqual({ color: defaultPrimary, adjusted: true });
    expect(safePrimary('#ffdd00')).toEqual({ color: defaultPrimary, adjusted: true });
    expect(safePrimary('#00a3e0')).toEqual({ color: defaultPrimary, adjusted: true });
    expect(safePrimary('javascript:alert(1)')).toEqual({ color: defaultPrimary, adjusted: true });
    expect(safePrimary(undefined)).toEqual({ color: defaultPrimary, adjusted: false });
    expect(contrastRatio(parseHex(defaultPrimary)!, white)).toBeGreaterThanOrEqual(4.5);
  });
});
