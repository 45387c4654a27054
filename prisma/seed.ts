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
import { sha256 } from '../bot/channels/directline/tokens.ts';
import { demoAccounts, demoDirectLineSecret, demoTenants } from './demoData.ts';

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
}

export async function seedDemo(db: Db, password: string): Promise<void> {
  for (const t of demoTenants) {
    const data = {
      displayName: t.displayName, kind: t.kind, insurerConcern: t.insurerConcern,
      allowedOrigins: JSON.stringify(t.allowedOrigins), theme: JSON.stringify(t.theme), defaultLocale: t.defaultLocale,
      formality: t.formality, officeHours: JSON.stringify(t.officeHours), responseWorkingDays: t.responseWorkingDays,
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
  if (!options.production) await seedDemo(db, options.demoPassword);
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
