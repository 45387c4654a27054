import { z } from 'zod';
import type { Db } from './db.ts';

const officeHoursSchema = z.object({
  timezone: z.string().default('Europe/Amsterdam'),
  days: z.record(z.string(), z.tuple([z.string(), z.string()])).default({}),
  phone: z.string().nullable().default(null),
});

/** A tenant's own words for one language; what is left out comes from locales/. */
const tenantTexts = z.object({
  launcher: z.string().trim().min(1).max(80).optional(),
  subtitle: z.string().trim().min(1).max(120).optional(),
  /** Replaces the welcome's first message (who the assistant is). */
  greeting: z.string().trim().min(1).max(500).optional(),
});
export type TenantTexts = z.infer<typeof tenantTexts>;

export const customerServiceSchema = z.object({
  phone: z.string().nullable().default(null),
  url: z.object({ nl: z.string().nullable().default(null), en: z.string().nullable().default(null) }).default({ nl: null, en: null }),
});

const themeSchema = z.object({
  primaryColor: z.string().optional(),
  title: z.string().optional(),
  position: z.enum(['bottom-right', 'bottom-left']).optional(),
  texts: z.object({ nl: tenantTexts.optional(), en: tenantTexts.optional() }).optional(),
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
  customerService: z.infer<typeof customerServiceSchema>;
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
    // A malformed setting must not break the conversation: the card then names the insurance card.
    customerService: customerServiceSchema.safeParse(JSON.parse(row.customerService || '{}')).data ?? { phone: null, url: { nl: null, en: null } },
    responseWorkingDays: row.responseWorkingDays,
    retentionDays: row.retentionDays,
    directLineSecretHash: row.directLineSecretHash,
    isDemo: row.isDemo,
  };
}

/**
 * Tenant look-ups; settings are parsed from their JSON columns here, once. Every turn needs its
 * tenant, and settings change rarely, so they are cached for a short while (a change shows on
 * every instance within the TTL).
 */
export class TenantRepository {
  private readonly cache = new Map<string, { at: number; value: TenantSettings | null }>();

  constructor(
    private readonly db: Db,
    private readonly ttlMs = 30_000,
  ) {}

  async find(id: string): Promise<TenantSettings | null> {
    const hit = this.cache.get(id);
    if (hit && Date.now() - hit.at < this.ttlMs) return hit.value;
    const row = await this.db.tenant.findUnique({ where: { id } });
    const value = row ? toSettings(row) : null;
    // Unknown ids are not cached: a caller cannot fill the cache with made-up tenants.
    if (value) this.cache.set(id, { at: Date.now(), value });
    return value;
  }

  async findBySecretHash(hash: string): Promise<TenantSettings | null> {
    const row = await this.db.tenant.findFirst({ where: { directLineSecretHash: hash } });
    return row ? toSettings(row) : null;
  }

  private listCache: { at: number; value: TenantSettings[] } | null = null;

  async list(): Promise<TenantSettings[]> {
    if (this.listCache && Date.now() - this.listCache.at < this.ttlMs) return this.listCache.value;
    const value = (await this.db.tenant.findMany({ orderBy: { id: 'asc' } })).map(toSettings);
    this.listCache = { at: Date.now(), value };
    return value;
  }

  /**
   * Changes the settings a tenant's admin may change: its customer-service route and its promised
   * first contact. Other instances see the change within the cache's TTL.
   */
  async updateAdminSettings(id: string, change: { customerService?: TenantSettings['customerService']; responseWorkingDays?: number }): Promise<TenantSettings | null> {
    const data = {
      ...(change.customerService ? { customerService: JSON.stringify(change.customerService) } : {}),
      ...(change.responseWorkingDays !== undefined ? { responseWorkingDays: change.responseWorkingDays } : {}),
    };
    const row = await this.db.tenant.update({ where: { id }, data }).catch(() => null);
    this.invalidate();
    return row ? toSettings(row) : null;
  }

  /** Forgets cached settings (after an admin changes a tenant on this instance). */
  invalidate(): void {
    this.cache.clear();
    this.listCache = null;
  }
}
