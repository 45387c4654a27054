/**
 * Idempotent seed: reference data (specialisms, hospitals and locations) always; demo tenants,
 * mediators and demo waiting times only outside production. Safe to run on every start.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { verify } from '@node-rs/argon2';
import { loadConfig } from '../bot/config.ts';
import { createDb, type Db } from '../bot/data/db.ts';
import { projectRoot } from '../bot/data/databaseUrl.ts';
import { hashPassword } from '../bot/mediation/auth.ts';
import { sha256 } from '../bot/hash.ts';
import { demoAccounts, demoDirectLineSecret, demoTenants } from './demoData.ts';
import { loadReferenceData } from '../bot/data/referenceData.ts';
import { generateDemoWaitingTimes } from '../bot/domain/demoWaitingTimes.ts';

// A fixed date keeps the demo figures identical on every machine and every run.
const DEMO_MEASURED_AT = '2026-11-01';

function readSpecialisms(): { code: string; nameNl: string; nameEn: string }[] {
  const lines = readFileSync(join(projectRoot, 'reference/specialisms.csv'), 'utf8').trim().split(/\r?\n/).slice(1);
  return lines.map((line) => {
    const [code, nameNl, nameEn] = line.split(',');
    if (!code || !nameNl || !nameEn) throw new Error(`reference/specialisms.csv: bad line "${line}"`);
    return { code, nameNl, nameEn };
  });
}

export async function seedReference(db: Db): Promise<void> {
  for (const s of readSpecialisms()) {
    await db.specialism.upsert({ where: { code: s.code }, create: s, update: s });
  }
  const reference = loadReferenceData();
  await db.$transaction(async (tx) => {
    for (const h of reference.hospitals) {
      // An AGB code an import learnt is kept unless the reference data itself has one (nothing stored is lost).
      const hospital = { officialName: h.officialName, kind: h.kind, aliases: JSON.stringify(h.aliases), website: h.website, ...(h.agbCode ? { agbCode: h.agbCode } : {}) };
      await tx.hospital.upsert({ where: { id: h.id }, create: { id: h.id, ...hospital, agbCode: h.agbCode }, update: hospital });
      for (const l of h.locations) {
        const location = { hospitalId: h.id, name: l.name, city: l.city, postcode: l.postcode, pc4: l.pc4, latitude: l.latitude, longitude: l.longitude, hasEmergency: l.hasEmergency, ...(l.agbCode ? { agbCode: l.agbCode } : {}) };
        await tx.location.upsert({ where: { id: l.id }, create: { id: l.id, ...location, agbCode: l.agbCode }, update: location });
      }
    }
  }, { timeout: 60_000 });
}

/** Demo waiting times for every location and common specialism; generated once, always labelled demo. */
export async function seedDemoWaitingTimes(db: Db): Promise<number> {
  if ((await db.waitingTime.count({ where: { isDemo: true } })) > 0) return 0;
  const reference = loadReferenceData();
  const rows = generateDemoWaitingTimes(reference.hospitals, reference.specialisms, { seed: 'wachtwijzer-demo', measuredAt: DEMO_MEASURED_AT });
  const data = rows.map((r) => ({
    locationId: r.locationId, specialismCode: r.specialismCode, careType: r.careType, treatment: null, days: r.insufficient ? null : r.days,
    insufficient: r.insufficient, measuredAt: new Date(`${r.measuredAt}T00:00:00Z`), source: r.source, isDemo: true, importBatch: 'demo-seed',
  }));
  for (let i = 0; i < data.length; i += 2000) await db.waitingTime.createMany({ data: data.slice(i, i + 2000) });
  return data.length;
}

export async function seedDemo(db: Db, password: string): Promise<void> {
  for (const t of demoTenants) {
    const data = {
      displayName: t.displayName, kind: t.kind, insurerConcern: t.insurerConcern,
      allowedOrigins: JSON.stringify(t.allowedOrigins), theme: JSON.stringify(t.theme), defaultLocale: t.defaultLocale,
      formality: t.formality, officeHours: JSON.stringify(t.officeHours), customerService: JSON.stringify(t.customerService), responseWorkingDays: t.responseWorkingDays,
      retentionDays: t.retentionDays, directLineSecretHash: sha256(demoDirectLineSecret(t.id)), isDemo: true,
    };
    await db.tenant.upsert({ where: { id: t.id }, create: { id: t.id, ...data }, update: data });
  }
  for (const a of demoAccounts(password)) {
    const existing = await db.mediator.findUnique({ where: { email: a.email } });
    // Re-hash only when DEMO_PASSWORD changed: argon2 is deliberately slow.
    const same = existing ? await verify(existing.passwordHash, password).catch(() => false) : false;
    const passwordHash = same && existing ? existing.passwordHash : await hashPassword(password);
    await db.mediator.upsert({
      where: { email: a.email },
      create: { email: a.email, name: a.name, role: a.role, tenantId: a.tenant, passwordHash, isDemo: true },
      update: { name: a.name, role: a.role, tenantId: a.tenant, passwordHash, isDemo: true },
    });
  }
}

export async function seed(db: Db, options: { production: boolean; demoPassword: string }): Promise<void> {
  await seedReference(db);
  if (!options.production) {
    await seedDemo(db, options.demoPassword);
    await seedDemoWaitingTimes(db);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const config = loadConfig();
  const db = createDb(config.DATABASE_URL);
  seed(db, { production: config.isProduction, demoPassword: config.DEMO_PASSWORD })
    .then(async () => {
      await db.$disconnect();
      process.stderr.write(`Seeded reference data${config.isProduction ? '' : ' and demo tenants, accounts'}.\n`);
    })
    .catch(async (error: unknown) => {
      await db.$disconnect();
      process.stderr.write(`seed: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exit(1);
    });
}
