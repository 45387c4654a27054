import { describe, expect, it } from 'vitest';
import { weekStartOf, weeklyFigures, type WeeklyRow } from '../../bot/domain/weeklyFigures.ts';

const row = (createdAt: string, extra: Partial<WeeklyRow> = {}): WeeklyRow => ({ createdAt: new Date(createdAt), firstContactAt: null, firstContactDueAt: null, outcomeKind: null, daysSaved: null, ...extra });

describe('weekly figures for the stats page', () => {
  it('starts weeks on Monday (UTC)', () => {
    expect(weekStartOf(new Date('2026-12-06T23:59:00Z')).toISOString()).toBe('2026-11-30T00:00:00.000Z'); // a Sunday
    expect(weekStartOf(new Date('2026-11-30T00:00:00Z')).toISOString()).toBe('2026-11-30T00:00:00.000Z'); // a Monday
  });

  it('counts requests, first contacts on time, patients helped and weeks saved per week, oldest first, with empty weeks', () => {
    const now = new Date('2026-12-02T12:00:00Z');
    const weeks = weeklyFigures([
      row('2026-12-01T09:00:00Z', { firstContactAt: new Date('2026-12-01T15:00:00Z'), firstContactDueAt: new Date('2026-12-03T09:00:00Z'), outcomeKind: 'faster_place_found', daysSaved: 70 }),
      row('2026-11-30T09:00:00Z', { firstContactAt: new Date('2026-12-04T09:00:00Z'), firstContactDueAt: new Date('2026-12-02T09:00:00Z'), outcomeKind: 'no_faster_option' }),
      row('2026-11-18T09:00:00Z'),
      // Before the window: not counted.
      row('2026-09-01T09:00:00Z', { outcomeKind: 'faster_place_found' }),
    ], now, 4);
    expect(weeks.map((w) => w.weekStart)).toEqual(['2026-11-09', '2026-11-16', '2026-11-23', '2026-11-30']);
    expect(weeks[3]).toEqual({ weekStart: '2026-11-30', created: 2, firstContactMade: 2, firstContactOnTime: 1, helped: 1, weeksSaved: 10 });
    expect(weeks[1]).toMatchObject({ created: 1, helped: 0 });
    expect(weeks[0]).toMatchObject({ created: 0 });
  });
});
