/**
 * The insurer's figures per week for the stats page: requests made, first contacts on time,
 * patients helped sooner and weeks saved, for the last N weeks (weeks start on Monday, in UTC,
 * by the day the request was made). Pure: the store reads the rows, this counts them.
 */

const dayMs = 86_400_000;

export interface WeeklyRow {
  createdAt: Date;
  firstContactAt: Date | null;
  firstContactDueAt: Date | null;
  outcomeKind: string | null;
  daysSaved: number | null;
}

export interface WeekFigures {
  /** The Monday the week starts on, YYYY-MM-DD (UTC). */
  weekStart: string;
  created: number;
  firstContactMade: number;
  firstContactOnTime: number;
  helped: number;
  weeksSaved: number;
}

/** Monday 00:00 UTC of the week `at` falls in. */
export function weekStartOf(at: Date): Date {
  const day = new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate()));
  const sinceMonday = (day.getUTCDay() + 6) % 7;
  return new Date(day.getTime() - sinceMonday * dayMs);
}

/** The first moment counted: the start of the oldest of the last `weeks` weeks (this week included). */
export function weeklyWindowStart(now: Date, weeks: number): Date {
  return new Date(weekStartOf(now).getTime() - (weeks - 1) * 7 * dayMs);
}

/** Oldest week first; weeks without requests are there with zeros, so a chart has no gaps. */
export function weeklyFigures(rows: readonly WeeklyRow[], now: Date, weeks = 8): WeekFigures[] {
  const start = weeklyWindowStart(now, weeks);
  const result: WeekFigures[] = Array.from({ length: weeks }, (_, i) => ({
    weekStart: new Date(start.getTime() + i * 7 * dayMs).toISOString().slice(0, 10),
    created: 0, firstContactMade: 0, firstContactOnTime: 0, helped: 0, weeksSaved: 0,
  }));
  for (const row of rows) {
    const index = Math.floor((weekStartOf(row.createdAt).getTime() - start.getTime()) / (7 * dayMs));
    const week = result[index];
    if (!week) continue;
    week.created += 1;
    if (row.firstContactAt) {
      week.firstContactMade += 1;
      if (row.firstContactDueAt && row.firstContactAt <= row.firstContactDueAt) week.firstContactOnTime += 1;
    }
    if (row.outcomeKind === 'faster_place_found') week.helped += 1;
    if (row.daysSaved !== null && row.daysSaved > 0) week.weeksSaved += row.daysSaved / 7;
  }
  for (const week of result) week.weeksSaved = Math.round(week.weeksSaved * 10) / 10;
  return result;
}
