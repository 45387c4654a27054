import { describe, expect, it } from 'vitest';
import { containsBsn, isBsn, maskBsn } from '../../bot/domain/bsn.ts';

/** A 9-digit number starting with `prefix` that passes the elfproef (test data, no real person). */
function validBsnStartingWith(prefix: string): string {
  for (let n = 0; n < 1_000_000; n++) {
    const candidate = (prefix + String(n).padStart(9 - prefix.length, '0')).slice(0, 9);
    if (isBsn(candidate)) return candidate;
  }
  throw new Error('none');
}

describe('BSN (elfproef)', () => {
  it('passes the elfproef for 111222333 and 123456782, not for 123456789', () => {
    expect(isBsn('111222333')).toBe(true);
    expect(isBsn('123456782')).toBe(true);
    expect(isBsn('123456789')).toBe(false);
    expect(isBsn('000000000')).toBe(false);
  });

  it.each([
    ['mijn bsn is 111222333', 'mijn bsn is •••••••••'],
    ['BSN: 1112.22.333', 'BSN: ••••.••.•••'],
    ['111 222 333', '••• ••• •••'],
    ['111-222-333', '•••-•••-•••'],
    ['het is 111222333.', 'het is •••••••••.'],
    ['bel 06 12345678 of 111222333', 'bel 06 12345678 of •••••••••'],
    // Called a BSN by the patient: masked even when mistyped.
    ['bsn 123456789', 'bsn •••••••••'],
  ])('masks «%s»', (text, masked) => {
    expect(maskBsn(text)).toBe(masked);
    expect(containsBsn(text)).toBe(true);
  });

  it.each(['0612345678', '06-12345678', 'mijn polis is 123456789', 'geboren 12-04-1961', 'postcode 3011 AB, 20 weken', 'ZB-7K4Q-9XMD'])('leaves «%s» alone', (text) => {
    expect(maskBsn(text)).toBe(text);
  });

  it('leaves a phone number written +31 6 … or +31 (0)6 … alone even when its last 9 digits pass the elfproef', () => {
    const digits = validBsnStartingWith('6');
    const phone = `+31 6 ${digits.slice(1)}`;
    expect(maskBsn(phone)).toBe(phone);
    expect(maskBsn(`+31 (0)6 ${digits.slice(1)}`)).toBe(`+31 (0)6 ${digits.slice(1)}`);
  });
});
