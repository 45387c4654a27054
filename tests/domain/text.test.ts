import { describe, expect, it } from 'vitest';
import { matchTokens, normalizeText, toMatchKey } from '../../bot/domain/text.ts';

describe('normalizeText', () => {
  it.each([
    ['Máxima  MC', 'maxima mc'],
    ['  Univé\tZorg ', 'unive zorg'],
    ['Röntgen', 'rontgen'],
    ['CRÈME', 'creme'],
  ])('%j → %j', (input, expected) => {
    expect(normalizeText(input)).toBe(expected);
  });
});

describe('toMatchKey (names compared without punctuation)', () => {
  it.each([
    ["'s-Hertogenbosch", 's hertogenbosch'],
    ['a.s.r.', 'asr'],
    ['St. Antonius', 'sint antonius'],
    ['Zorg & Zekerheid', 'zorg en zekerheid'],
    ['Canisius-Wilhelmina', 'canisius wilhelmina'],
    ['!!!', ''],
  ])('%j → %j', (input, expected) => {
    expect(toMatchKey(input)).toBe(expected);
  });

  it('splits into words', () => {
    expect(matchTokens('Het Maasstad-ziekenhuis')).toEqual(['het', 'maasstad', 'ziekenhuis']);
  });
});
