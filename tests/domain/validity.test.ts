import { describe, expect, it } from 'vitest';
import { dutchCalendarDate, isValidOn } from '../../bot/domain/validity.ts';

describe('the Dutch calendar date of a moment', () => {
  it('is the date in the Netherlands, not in UTC', () => {
    expect(dutchCalendarDate(new Date('2026-12-31T23:30:00Z'))).toBe('2027-01-01');
    expect(dutchCalendarDate(new Date('2026-07-01T21:59:00Z'))).toBe('2026-07-01');
    expect(dutchCalendarDate(new Date('2026-07-01T22:00:00Z'))).toBe('2026-07-02');
  });

  it('stays right when moments alternate (the last answer is remembered, not reused for another moment)', () => {
    const a = new Date('2021-03-01T12:00:00Z');
    const b = new Date('2026-12-02T12:00:00Z');
    for (let i = 0; i < 3; i++) {
      expect(dutchCalendarDate(a)).toBe('2021-03-01');
      expect(dutchCalendarDate(b)).toBe('2026-12-02');
      expect(dutchCalendarDate(new Date(b.getTime()))).toBe('2026-12-02');
    }
  });

  it('refuses an invalid date', () => {
    expect(() => dutchCalendarDate(new Date('not a date'))).toThrow(RangeError);
  });

  it('counts both ends of a validity period', () => {
    const v = { validFrom: '2021-01-01', validFromKind: 'exact' as const, validUntil: '2022-12-31' };
    expect(isValidOn(v, '2021-01-01')).toBe(true);
    expect(isValidOn(v, '2022-12-31')).toBe(true);
    expect(isValidOn(v, '2023-01-01')).toBe(false);
    expect(isValidOn({ validFrom: '2021-01-01', validFromKind: 'exact', validUntil: null }, '2099-01-01')).toBe(true);
  });
});
