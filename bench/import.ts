/**
 * npm run bench:import — imports one generated NZa Zorgbeeld WaitingTimeMSZ answer of the live
 * service's size (11,000 records, 335 providers, 811 locations, XML) into a fresh, seeded SQLite
 * database, and prints how long it took: first import (everything new, providers and locations
 * created) and a re-import of the same file (everything already there). Target: <= 20 s.
 * Synthetic data: made-up providers, codes and figures in the service's layout.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cpus, loadavg } from 'node:os';
import { createDb, tuneSqlite } from '../bot/data/db.ts';
import { projectRoot } from '../bot/data/databaseUrl.ts';
import { loadReferenceData } from '../bot/data/referenceData.ts';
import { importWaitingTimes } from '../bot/data/waitingTimeImporter.ts';
import { mulberry32 } from '../bot/domain/demoWaitingTimes.ts';
import { deployMigrations } from '../scripts/migrate.ts';
import { seed } from '../prisma/seed.ts';
import { guid, toNzaXml, type NzaRecord } from './nzaLayout.ts';

const ROWS = 11_000;
const PROVIDERS = 335;
const LOCATIONS = 811;
const reference = loadReferenceData();
const random = mulberry32(15);
const pc4s = [...reference.pc4.keys()];
const specialisms = reference.specialisms;
const TYPES = ['Polikliniekbezoek', 'Diagnostiek', 'Behandeling', 'Behandeling'] as const;
// 117 treatments over the specialisms, each with one care type.
const treatments = Array.from({ length: 117 }, (_, i) => ({ key: guid(0x30, i + 1), name: `Behandeling ${i + 1}`, type: TYPES[i % TYPES.length]!, specialism: specialisms[i % specialisms.length]! }));

// The first providers are reference hospitals (matched by name and address); the rest are clinics nobody knows.
interface Site { provider: string; providerAgb: string; location: string; locationAgb: string; postcode: string; city: string; key: string }
const sites: Site[] = [];
const known = reference.hospitals.filter((h) => h.locations.every((l) => l.postcode));
for (let p = 0; p < PROVIDERS; p++) {
  const hospital = p < known.length ? known[p]! : null;
  const providerAgb = `06${String(900000 + p).padStart(6, '0')}`;
  const count = hospital ? hospital.locations.length : 1 + Math.floor(random() * 3.5);
  for (let l = 0; l < count && sites.length < LOCATIONS; l++) {
    const location = hospital?.locations[l];
    const pc4 = location?.pc4 ?? pc4s[Math.floor(random() * pc4s.length)]!;
    sites.push({
      provider: hospital?.officialName ?? `Benchmarkkliniek ${p + 1}`,
      providerAgb,
      location: location?.name ?? `Benchmarkkliniek ${p + 1} locatie ${l + 1}`,
      locationAgb: `06${String(500000 + sites.length).padStart(6, '0')}`,
      postcode: location?.postcode ?? `${pc4}AB`,
      city: location?.city.toUpperCase() ?? 'PLAATS',
      key: guid(0x40, sites.length + 1),
    });
  }
}
while (sites.length < LOCATIONS) sites.push({ ...sites[sites.length - 1]!, location: `Extra locatie ${sites.length}`, locationAgb: `06${String(500000 + sites.length).padStart(6, '0')}`, key: guid(0x40, sites.length + 1) });

const records: NzaRecord[] = [];
for (let i = 0; records.length < ROWS; i++) {
  const site = sites[i % sites.length]!;
  const treatment = treatments[(i * 7 + Math.floor(i / sites.length) * 13) % treatments.length]!;
  const insufficient = random() < 0.15;
  records.push({
    Date: '2026-11-10T00:00:00',
    ...(insufficient ? {} : { WaitingTime: String(Math.round(5 + random() * 120)) }),
    InsufficientObservations: insufficient ? 'Ja' : 'Nee',
    KVKNumber: String(10_000_000 + (i % PROVIDERS)),
    CareProvider: site.provider,
    CareProvider_AGBCode: site.providerAgb,
    LocationKey: site.key,
    Location_AGBCode: site.locationAgb,
    Location: site.location,
    Street: 'Benchmarkstraat',
    StreetNumber: String(1 + (i % 200)),
    PostalCode: site.postcode,
    City: site.city,
    TreatmentKey: treatment.key,
    TreatmentNumber: String(i),
    // One record per location and treatment: the name carries the round so none is a duplicate.
    Treatment: `${treatment.name} (${Math.floor(i / sites.length)})`,
    TreatmentType: treatment.type,
    Specialism: `${treatment.specialism.nameNl} (${Number(treatment.specialism.code)})`,
    AllCareproviders: 'false',
  });
}
// A realistic handful of unusable records (1 %): no specialism code.
for (let i = 0; i < ROWS / 100; i++) records[i * 100 + 50]!.Specialism = 'Overige';

const dir = join(projectRoot, '.tmp/bench');
rmSync(join(dir, 'import.db'), { force: true });
mkdirSync(dir, { recursive: true });
const xml = toNzaXml(records);
const xmlFile = join(dir, 'nza-waitingtimemsz.xml');
writeFileSync(xmlFile, xml);
const url = `file:${join(dir, 'import.db')}`;
process.stderr.write(`[bench] migrating and seeding ${url}…\n`);
await deployMigrations(url);
const db = createDb(url);
await tuneSqlite(db);
await seed(db, { production: false, demoPassword: 'demo' });

const now = new Date('2026-11-24T12:00:00Z');
process.stderr.write(`[bench] importing ${records.length.toLocaleString('en')} records (${(xml.length / 1e6).toFixed(1)} MB XML, ${sites.length} locations)…\n`);
const load = loadavg()[0]!;
const c0 = process.cpuUsage();
const t0 = performance.now();
const first = await importWaitingTimes(db, reference, 'nza-waitingtimemsz.xml', xml, now);
const t1 = performance.now();
const c1 = process.cpuUsage(c0);
const second = await importWaitingTimes(db, reference, 'nza-waitingtimemsz.xml', xml, now);
const t2 = performance.now();
const c2 = process.cpuUsage(c0);
const cpu = (u: NodeJS.CpuUsage) => `${((u.user + u.system) / 1e6).toFixed(1)} s`;
await db.$disconnect();

const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
process.stdout.write(
  [
    `bench:import — ${records.length.toLocaleString('en')} NZa WaitingTimeMSZ records (XML, ${(xml.length / 1e6).toFixed(1)} MB), SQLite`,
    `  first import:  ${s(t1 - t0)} wall, ${cpu(c1)} CPU of this process  (${first.status}: ${first.imported} imported, ${first.skipped} skipped, ${first.providersCreated} providers and ${first.locationsCreated} locations created, ${first.agbCodesLearnt} AGB codes learnt)`,
    `  re-import:     ${s(t2 - t1)} wall, ${cpu({ user: c2.user - c1.user, system: c2.system - c1.system })} CPU  (${second.status}: ${second.unchanged} already there, ${second.created} new)`,
    `  target: <= 20 s wall for the first import — ${t1 - t0 <= 20_000 ? 'met' : 'NOT met'} (load average ${load.toFixed(1)} on ${cpus().length} cores when it started; CPU time is this process alone, SQLite included)`,
    '',
  ].join('\n'),
);
if (first.status !== 'imported' || second.created !== 0) process.exitCode = 1;
