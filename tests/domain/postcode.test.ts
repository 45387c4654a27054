// Dutch postcodes: four digits 1000–9999, optionally two letters; SA, SD and SS are not issued.
import { describe, expect, it } from 'vitest';
import { extractPostcode, normalizePostcode, parsePostcode, toPc4 } from '../../bot/domain/postcode.ts';

describe('parsePostcode', () => {
  it.each([
    ['3011 ab', '3011AB'],
    ['3011AB', '3011AB'],
    [' 3011  AB ', '3011AB'],
    ['3011', '3011'],
    ['9999zz', '9999ZZ'],
    ['1000AA', '1000AA'],
  ])('%j → %s', (input, expected) => {
    expect(normalizePostcode(input)).toBe(expected);
  });

  it.each([
    ['', 'empty'],
    ['   ', 'empty'],
    ['301', 'malformed'],
    ['30111', 'malformed'],
    ['3011 A', 'malformed'],
    ['3011 ABC', 'malformed'],
    ['AB 3011', 'malformed'],
    ['3011-AB', 'malformed'],
    ['0123AB', 'starts_with_zero'],
    ['0999', 'starts_with_zero'],
    ['1234SS', 'letters_not_issued'],
    ['1234 sa', 'letters_not_issued'],
    ['1234SD', 'letters_not_issued'],
  ])('%j is rejected as %s', (input, problem) => {
    expect(parsePostcode(input)).toEqual({ ok: false, problem });
  });

  it('extracts the PC4', () => {
    expect(toPc4('8025 ab')).toBe('8025');
    expect(toPc4('nope')).toBeNull();
  });
});

describe('extractPostcode (a postcode inside a sentence)', () => {
  it.each([
    ['Mijn postcode is 3011 AB', '3011AB'],
    ['ik woon op 3079dz in Rotterdam', '3079DZ'],
    ['postcode: 8025', '8025'],
    ['3011', '3011'],
    ['ik wacht al sinds 2024 op een nieuwe heup', null],
    ['ik woon in 3011 en ik wacht 13 weken', null],
    ['3 maanden', null],
    ['geen postcode hier', null],
  ])('%j → %s', (text, expected) => {
    expect(extractPostcode(text)).toBe(expected);
  });
});
