import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '../../bot/data/databaseUrl.ts';

const day = 86_400_000;
const isoDay = (d: Date) => d.toISOString().slice(0, 10);

/**
 * The synthetic NZa fixture (tests/fixtures/waiting-times) dated relative to `today`: its figures
 * measured two weeks ago (current, never "may be out of date") and its future-dated record still
 * in the future. For tests that import with the real clock, so they do not change verdict as the
 * calendar moves on; tests with a fixed clock read the file as it is.
 */
export function recentNzaFixture(name: 'nza-zorgbeeld.xml' | 'nza-zorgbeeld.json', today = new Date()): string {
  return readFileSync(join(projectRoot, 'tests/fixtures/waiting-times', name), 'utf8')
    .replaceAll('2026-11-10T00:00:00', `${isoDay(new Date(today.getTime() - 14 * day))}T00:00:00`)
    .replaceAll('2027-06-01T00:00:00', `${isoDay(new Date(today.getTime() + 200 * day))}T00:00:00`);
}
