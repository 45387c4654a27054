import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { projectRoot } from '../../bot/data/databaseUrl.ts';
import type { Db } from '../../bot/data/db.ts';
import { loadReferenceData } from '../../bot/data/referenceData.ts';
import { detectFormat, importWaitingTimes } from '../../bot/data/waitingTimeImporter.ts';
import { WaitingTimeRepository } from '../../bot/data/waitingTimes.ts';
import { freshDatabase } from '../support/db.ts';

const fixture = (name: string) => readFileSync(join(projectRoot, 'tests/fixtures/waiting-times', name), 'utf8');
const now = new Date('2026-11-24T12:00:00Z');

describe('importing waiting times into the database', () => {
  let db: Db;
  beforeEach(async () => {
    ({ db } = await freshDatabase());
  });
  afterEach(async () => db.$disconnect());

  it.each([
    ['nza-good.json', 'nza-json'],
    ['nza-good.csv', 'nza-csv'],
    ['hospital-good.csv', 'hospital-csv'],
  ])('recognises %s as %s', (name, format) => {
    expect(detectFormat(name, fixture(name))).toBe(format);
  });

  it.each(['nza-good.json', 'nza-good.csv', 'hospital-good.csv'])('imports %s in one go, and a second import changes nothing', async (name) => {
    const before = await db.waitingTime.count();
    const first = await importWaitingTimes(db, loadReferenceData(), name, fixture(name), now);
    expect(first.errors).toEqual([]);
    expect(first.created).toBeGreaterThan(0);
    const after = await db.waitingTime.count();
    expect(after - before).toBe(first.created);
    const second = await importWaitingTimes(db, loadReferenceData(), name, fixture(name), now);
    expect(second).toMatchObject({ created: 0, updated: 0, unchanged: first.imported });
    expect(await db.waitingTime.count()).toBe(after);
  });

  it.each(['nza-bad.json', 'nza-bad.csv', 'hospital-bad.csv'])('imports nothing from %s and reports every bad line with a reason', async (name) => {
    const before = await db.waitingTime.count();
    const outcome = await importWaitingTimes(db, loadReferenceData(), name, fixture(name), now);
    expect(outcome.errors.length).toBeGreaterThan(0);
    for (const e of outcome.errors) {
      expect(e.line).toBeGreaterThanOrEqual(0);
      expect(e.reason.length).toBeGreaterThan(5);
    }
    expect(outcome.imported).toBe(0);
    expect(await db.waitingTime.count()).toBe(before);
  });

  it('makes the imported figure the current one over the older demo figure (latest measurement wins)', async () => {
    const outcome = await importWaitingTimes(db, loadReferenceData(), 'hospital-good.csv', fixture('hospital-good.csv'), now);
    expect(outcome.errors).toEqual([]);
    const figures = await new WaitingTimeRepository(db, 0).currentFigures();
    const maasstad = figures.find((f) => f.locationId.startsWith('maasstad') && f.specialismCode === '0305' && f.careType === 'outpatient');
    expect(maasstad).toMatchObject({ days: 35, isDemo: false });
  });

  it('never shows a figure for a row with insufficient observations', async () => {
    await importWaitingTimes(db, loadReferenceData(), 'nza-good.json', fixture('nza-good.json'), now);
    const figures = await new WaitingTimeRepository(db, 0).currentFigures();
    for (const f of figures.filter((x) => x.insufficient)) expect(f.days).toBeNull();
  });
});
