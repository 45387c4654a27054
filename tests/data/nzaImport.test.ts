// The NZa Zorgbeeld WaitingTimeMSZ data as the service delivers it (XML, and JSON with the same
// field names): unknown clinics become providers, unusable records are skipped and reported,
// more than 5 % unusable imports nothing, and nothing stored is lost.
// Fixture: tests/fixtures/waiting-times/nza-zorgbeeld.{xml,json} (synthetic; generate-nza-zorgbeeld.ts).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { projectRoot } from '../../bot/data/databaseUrl.ts';
import type { Db } from '../../bot/data/db.ts';
import { loadReferenceData } from '../../bot/data/referenceData.ts';
import { importWaitingTimes } from '../../bot/data/waitingTimeImporter.ts';
import { WaitingTimeRepository } from '../../bot/data/waitingTimes.ts';
import { loadProviders } from '../../bot/data/providers.ts';
import { freshDatabase } from '../support/db.ts';

const fixture = (name: string) => readFileSync(join(projectRoot, 'tests/fixtures/waiting-times', name), 'utf8');
const now = new Date('2026-11-24T12:00:00Z');
const reference = loadReferenceData();

async function snapshot(db: Db) {
  return { waitingTimes: await db.waitingTime.count(), hospitals: await db.hospital.count(), locations: await db.location.count() };
}

describe('importing the NZa Zorgbeeld answer', () => {
  let db: Db;
  beforeEach(async () => {
    ({ db } = await freshDatabase());
  });
  afterEach(async () => db.$disconnect());

  it.each(['nza-zorgbeeld.xml', 'nza-zorgbeeld.json'])('%s: imports the 104 usable records, skips the 5 unusable ones with record number and reason', async (name) => {
    const outcome = await importWaitingTimes(db, reference, name, fixture(name), now);
    expect(outcome).toMatchObject({
      format: name.endsWith('.xml') ? 'nza-xml' : 'nza-json',
      status: 'imported',
      total: 109,
      imported: 104,
      created: 104,
      skipped: 5,
      skippedByReason: { no_specialism_code: 1, bad_wait: 2, future_date: 1, bad_postcode: 1 },
      providersCreated: 5,
      locationsCreated: 7,
      agbCodesLearnt: 2,
    });
    expect(outcome.errors).toEqual([
      { line: 11, code: 'no_specialism_code', reason: expect.stringMatching(/"Overige"/) },
      { line: 31, code: 'bad_wait', reason: 'WaitingTime -3 is negative' },
      { line: 51, code: 'bad_wait', reason: expect.stringMatching(/4000 days is more than 3 years/) },
      { line: 71, code: 'future_date', reason: expect.stringMatching(/2027-06-01 is in the future/) },
      { line: 91, code: 'bad_postcode', reason: expect.stringMatching(/PostalCode "12AB"/) },
    ]);
  });

  it('XML and JSON of the same answer store the same rows', async () => {
    await importWaitingTimes(db, reference, 'a.xml', fixture('nza-zorgbeeld.xml'), now);
    const again = await importWaitingTimes(db, reference, 'a.json', fixture('nza-zorgbeeld.json'), now);
    expect(again).toMatchObject({ status: 'imported', created: 0, updated: 0, unchanged: 104, providersCreated: 0, locationsCreated: 0 });
  });

  it('creates an unknown clinic from its record: name, AGB codes with leading zero, KvK, address, PC4 coordinates, source and date', async () => {
    await importWaitingTimes(db, reference, 'a.xml', fixture('nza-zorgbeeld.xml'), now);
    const clinic = await db.hospital.findFirstOrThrow({ where: { agbCode: '06999941' }, include: { locations: { orderBy: { name: 'asc' } } } });
    expect(clinic).toMatchObject({ officialName: 'Voorbeeldkliniek Orthopedie B.V.', kvkNumber: '12345678', kind: 'zbc', origin: 'NZa Zorgbeeld (WaitingTimeMSZ)' });
    expect(clinic.originDate?.toISOString().slice(0, 10)).toBe('2026-11-10');
    expect(clinic.locations).toHaveLength(2);
    const pc4 = reference.pc4.get('3511')!;
    expect(clinic.locations[1]).toMatchObject({
      name: 'Voorbeeldkliniek Utrecht', agbCode: '06999952', street: 'Proefweg', houseNumber: '12a', postcode: '3511AA', pc4: '3511', city: 'Utrecht',
      latitude: pc4.latitude, longitude: pc4.longitude, origin: 'NZa Zorgbeeld (WaitingTimeMSZ)',
    });
    // A location without its own AGB code is known by its NZa LocationKey.
    const eye = await db.location.findFirstOrThrow({ where: { name: 'Oogkliniek Voorbeeld Eindhoven' } });
    expect(eye).toMatchObject({ agbCode: null, nzaLocationKey: '00000010-0000-4000-8000-000000000004', city: 'Eindhoven' });
    const haag = await db.location.findFirstOrThrow({ where: { agbCode: '06999973' } });
    expect(haag.city).toBe("'s-Gravenhage");
  });

  it('a known hospital, matched by name and address, gets its AGB codes from the file and keeps them on the next seed', async () => {
    await importWaitingTimes(db, reference, 'a.xml', fixture('nza-zorgbeeld.xml'), now);
    expect(await db.hospital.findUniqueOrThrow({ where: { id: 'maasstad-ziekenhuis' } })).toMatchObject({ agbCode: '06999921', origin: 'reference' });
    expect(await db.location.findUniqueOrThrow({ where: { id: 'maasstad-rotterdam' } })).toMatchObject({ agbCode: '06999931' });
    const { seedReference } = await import('../../prisma/seed.ts');
    await seedReference(db);
    expect((await db.hospital.findUniqueOrThrow({ where: { id: 'maasstad-ziekenhuis' } })).agbCode).toBe('06999921');
  });

  it('imported providers are listed with the reference hospitals, and their figures are real (never demo)', async () => {
    await importWaitingTimes(db, reference, 'a.xml', fixture('nza-zorgbeeld.xml'), now);
    const providers = await loadProviders(db, reference);
    expect(providers.slice(0, reference.hospitals.length).map((h) => h.id)).toEqual(reference.hospitals.map((h) => h.id));
    expect(providers.map((h) => h.officialName)).toEqual(expect.arrayContaining(['Voorbeeldkliniek Orthopedie B.V.', 'Oogkliniek Voorbeeld', 'Huidkliniek Proef']));
    const figures = await new WaitingTimeRepository(db, 0, reference).currentFigures();
    const clinic = figures.filter((f) => f.locationId.startsWith('nza-loc-06999951'));
    expect(clinic.length).toBeGreaterThan(0);
    expect(clinic.every((f) => !f.isDemo)).toBe(true);
  });

  it('where real figures exist for a location and specialism, its demo figures are not used, even if they look newer', async () => {
    // The demo seed is dated 2026-11-01; the hospital's own figure is older.
    const older = 'hospital,location,specialism,care_type,waiting_days,waiting_weeks,measured_at,source\nMaasstad Ziekenhuis,,0305,outpatient,35,,2026-10-01,https://example.org/wachttijden\n';
    const outcome = await importWaitingTimes(db, reference, 'h.csv', older, now);
    expect(outcome.status).toBe('imported');
    const figures = await new WaitingTimeRepository(db, 0, reference).currentFigures();
    const maasstad0305 = figures.filter((f) => f.locationId === 'maasstad-rotterdam' && f.specialismCode === '0305');
    expect(maasstad0305).toEqual([expect.objectContaining({ careType: 'outpatient', days: 35, isDemo: false })]);
    // Other specialisms of the same location keep their (labelled) demo figures.
    expect(figures.some((f) => f.locationId === 'maasstad-rotterdam' && f.specialismCode === '0301' && f.isDemo)).toBe(true);
  });

  it('more than 5 % unusable records: nothing is imported, nothing stored is touched', async () => {
    const records = JSON.parse(fixture('nza-zorgbeeld.json')) as Record<string, string>[];
    records.push({ ...records[0]!, Specialism: 'Kaakchirurgie', Treatment: 'x1' }, { ...records[0]!, WaitingTime: 'veel', Treatment: 'x2' });
    const before = await snapshot(db);
    const outcome = await importWaitingTimes(db, reference, 'b.json', JSON.stringify(records), now);
    expect(outcome).toMatchObject({ status: 'rejected', total: 111, skipped: 7, imported: 0, providersCreated: 0 });
    expect(outcome.rejectedBecause).toMatch(/7 of 111 records \(6\.3 %\)/);
    expect(await snapshot(db)).toEqual(before);
  });

  it.each([
    ['truncated XML', '<?xml version="1.0"?><TL_RESTs><TL_REST><Date>2026-11-10</Date>', /not valid XML/],
    ['another XML document', '<?xml version="1.0"?><html><body>Service unavailable</body></html>', /<TL_RESTs> root/],
    ['an empty answer', '<TL_RESTs></TL_RESTs>', /no waiting-time records/],
    ['broken JSON', '[{"Date": ', /not valid JSON/],
  ])('%s: nothing is imported and the reason is given', async (_label, content, reason) => {
    const before = await snapshot(db);
    const outcome = await importWaitingTimes(db, reference, 'x', content, now);
    expect(outcome.status).toBe('rejected');
    expect(outcome.rejectedBecause).toMatch(reason);
    expect(await snapshot(db)).toEqual(before);
  });

  it('a later answer adds a new measurement and keeps the history', async () => {
    await importWaitingTimes(db, reference, 'a.xml', fixture('nza-zorgbeeld.xml'), now);
    const later = fixture('nza-zorgbeeld.xml').replaceAll('2026-11-10T00:00:00', '2026-11-24T00:00:00');
    const outcome = await importWaitingTimes(db, reference, 'b.xml', later, new Date('2026-11-25T12:00:00Z'));
    expect(outcome).toMatchObject({ status: 'imported', created: 104, providersCreated: 0, locationsCreated: 0 });
    expect(await db.waitingTime.count({ where: { source: 'NZa Zorgbeeld (WaitingTimeMSZ)' } })).toBe(208);
  });
});
