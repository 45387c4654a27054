// How old a waiting-time figure may be: older than six weeks is said with its date ("may be out
// of date"); older than six months is not presented as a current wait at all.
import { describe, expect, it } from 'vitest';
import { freshnessOf, worstFreshness } from '../../bot/domain/freshness.ts';

describe('freshness of a figure', () => {
  it.each([
    ['2026-11-10', '2026-11-24', 'current'],
    ['2026-11-10', '2026-12-22', 'current'], // exactly 42 days
    ['2026-11-10', '2026-12-23', 'aging'],
    ['2026-11-10', '2027-05-10', 'aging'], // exactly six months
    ['2026-11-10', '2027-05-11', 'outdated'],
    ['2026-08-31', '2027-02-28', 'aging'], // six months from 31 August is 28 February
    ['2026-08-31', '2027-03-01', 'outdated'],
  ])('measured %s, seen %s: %s', (measured, today, expected) => {
    expect(freshnessOf(measured, today)).toBe(expected);
  });

  it('the worst of several wins', () => {
    expect(worstFreshness(['current', 'aging'])).toBe('aging');
    expect(worstFreshness(['current', 'outdated', 'aging'])).toBe('outdated');
    expect(worstFreshness([])).toBe('current');
  });
});
