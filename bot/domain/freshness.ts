/**
 * How old a waiting-time figure may be before we say so. NZa refreshes every two weeks, so a
 * figure older than six weeks has missed several refreshes: it is shown with its date and a
 * "may be out of date" note. Older than six months it no longer says anything about today's
 * wait and is not presented as current (no number; only "the last figure was from …").
 * Demo figures are labelled demo instead and are not aged.
 */

/** Six weeks. */
export const AGING_AFTER_DAYS = 42;
/** Six calendar months. */
export const OUTDATED_AFTER_MONTHS = 6;

export type Freshness = 'current' | 'aging' | 'outdated';

function addMonths(day: string, months: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1 + months, 1));
  // Clamp the day to the month's length: 31 August + 6 months is 28/29 February.
  const last = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 0)).getUTCDate();
  date.setUTCDate(Math.min(d, last));
  return date.toISOString().slice(0, 10);
}

/** Freshness of a figure measured on `measuredAt` as seen on `today` (both YYYY-MM-DD). */
export function freshnessOf(measuredAt: string, today: string): Freshness {
  if (addMonths(measuredAt, OUTDATED_AFTER_MONTHS) < today) return 'outdated';
  const ageDays = (Date.parse(`${today}T00:00:00Z`) - Date.parse(`${measuredAt}T00:00:00Z`)) / 86_400_000;
  return ageDays > AGING_AFTER_DAYS ? 'aging' : 'current';
}

/** The worse of two (outdated > aging > current). */
export function worstFreshness(values: readonly Freshness[]): Freshness {
  return values.includes('outdated') ? 'outdated' : values.includes('aging') ? 'aging' : 'current';
}
