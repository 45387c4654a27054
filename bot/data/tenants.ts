import { z } from 'zod';
import type { Db } from './db.ts';

const officeHoursSchema = z.object({
  timezone: z.string().default('Europe/Amsterdam'),
  days: z.record(z.string(), z.tuple([z.string(), z.string()])).default({}),
  phone: z.string().nullable().default(null),
});

const themeSchema = z.object({
  primaryColor: z.string().optional(),
  title: z.string().optional(),
  position: z.enum(['bottom-right', 'bottom-left']).optional(),
});

export interface TenantSettings {
  id: string;
  displayName: string;
  kind: 'insurer' | 'hospital';
  insurerConcern: string | null;
  allowedOrigins: string[];
  theme: z.infer<typeof themeSchema>;
  defaultLocale: 'nl' | 'en';
  formality: 'u' | 'je';
  officeHours: z.infer<typeof officeHoursSchema>;
  responseWorkingDays: number;
  retentionDays: number;
  directLineSecretHash: string | null;
  isDemo: boolean;
}

type TenantRow = Awaited<ReturnType<Db['tenant']['findUnique']>> & object;

function toSettings(row: TenantRow): TenantSettings {
  return {
    id: row.id,
    displayName: row.displayName,
    kind: row.kind === 'hospital' ? 'hospital' : 'insurer',
    insurerConcern: row.insurerConcern,
    allowedOrigins: z.array(z.string()).parse(JSON.parse(row.allowedOrigins)),
    theme: themeSchema.parse(JSON.parse(row.theme)),
    defaultLocale: row.defaultLocale === 'en' ? 'en' : 'nl',
    formality: row.formality === 'je' ? 'je' : 'u',
    officeHours: officeHoursSchema.parse(JSON.parse(row.officeHours)),
    responseWorkingDays: row.responseWorkingDays,
    retentionDays: row.retentionDays,
    directLineSecretHash: row.directLineSecretHash,
    isDemo: row.isDemo,
  };
}

/** Tenant look-ups; settings are parsed from their JSON columns here, once. */
export class TenantRepository {
  constructor(private readonly db: Db) {}

  async find(id: string): Promise<TenantSettings | null> {
    const row = await this.db.tenant.findUnique({ where: { id } });
    return row ? toSettings(row) : null;
  }

  async findBySecretHash(hash: string): Promise<TenantSettings | null> {
    const row = await this.db.tenant.findFirst({ where: { directLineSecretHash: hash } });
    return row ? toSettings(row) : null;
  }

  async list(): Promise<TenantSettings[]> {
    return (await this.db.tenant.findMany({ orderBy: { id: 'asc' } })).map(toSettings);
  }
}
