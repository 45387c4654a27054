import { describe, expect, it } from 'vitest';
import { addWorkingDays, dutchPublicHolidays, easterSunday } from '../../bot/domain/workingDays.ts';

const d = (iso: string) => new Date(`${iso}T10:00:00Z`);

describe('Dutch working days (Algemene termijnenwet art. 3)', () => {
  it.each([
    [2024, '2024-03-31'],
    [2025, '2025-04-20'],
    [2026, '2026-04-05'],
    [2027, '2027-03-28'],
  ])('Easter %i is %s', (year, iso) => {
    expect(easterSunday(year).toISOString().slice(0, 10)).toBe(iso);
  });

  it('knows the holidays of 2026, with Koningsdag on the 27th and Hemelvaart 39 days after Easter', () => {
    expect([...dutchPublicHolidays(2026)].sort()).toEqual([
      '2026-01-01', '2026-04-05', '2026-04-06', '2026-04-27', '2026-05-05', '2026-05-14', '2026-05-24', '2026-05-25', '2026-12-25', '2026-12-26',
    ]);
  });

  it('moves Koningsdag to 26 April when the 27th is a Sunday (2025)', () => {
    expect(dutchPublicHolidays(2025).has('2025-04-26')).toBe(true);
  });

  it.each([
    ['Monday + 2', '2026-11-23', 2, '2026-11-25'],
    ['Thursday + 2 skips the weekend', '2026-11-26', 2, '2026-11-30'],
    ['Christmas Eve + 2 skips Christmas and the weekend', '2026-12-24', 2, '2026-12-29'],
    ['Friday before Easter + 1 skips Easter Monday', '2026-04-03', 1, '2026-04-07'],
  ])('%s', (_name, from, days, expected) => {
    expect(addWorkingDays(d(from), days).toISOString().slice(0, 10)).toBe(expected);
  });
});
