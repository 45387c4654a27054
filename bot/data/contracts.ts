import { randomUUID } from 'node:crypto';
import type { Db } from './db.ts';
import { parseContractsCsv, type Contract } from '../domain/contracts.ts';
import { getHospitalIndex, type HospitalRecord } from './referenceData.ts';

export interface ContractUploadOutcome {
  status: 'stored' | 'rejected';
  errors: { line: number; reason: string }[];
  stored: number;
  /** Lines whose AGB code is not (yet) a known provider: stored, and matched once the provider appears. */
  unknownAgb: number;
  superseded: number;
  batch: string | null;
}

/**
 * The insurers' contract lists. An upload replaces the tenant's current list in one transaction;
 * the previous rows are kept, marked superseded. Reads are cached briefly per tenant.
 */
export class ContractStore {
  private readonly cache = new Map<string, { at: number; contracts: Contract[] }>();

  constructor(
    private readonly db: Db,
    private readonly ttlMs = 60_000,
  ) {}

  /** Validates and stores a CSV for a tenant; a file with any bad line stores nothing. */
  async upload(tenantId: string, csv: string, hospitals: readonly HospitalRecord[], specialisms: ReadonlySet<string>, now = new Date()): Promise<ContractUploadOutcome> {
    const parsed = parseContractsCsv(csv, specialisms);
    const errors = [...parsed.errors];
    const index = getHospitalIndex({ hospitals });
    const byAgb = new Map<string, string>();
    for (const h of hospitals) {
      if (h.agbCode) byAgb.set(h.agbCode, h.id);
      for (const l of h.locations) if (l.agbCode) byAgb.set(l.agbCode, h.id);
    }
    let unknownAgb = 0;
    const resolved = parsed.rows.map((row) => {
      let hospitalId: string | null = null;
      if (row.agbCode) {
        hospitalId = byAgb.get(row.agbCode) ?? null;
        if (!hospitalId) unknownAgb += 1;
      } else if (row.providerName) {
        hospitalId = index.resolveHospital(row.providerName, { fuzzy: false })?.hospital.id ?? null;
        if (!hospitalId) errors.push({ line: row.line, reason: `unknown provider "${row.providerName}": use its AGB code or its official name` });
      }
      return { ...row, hospitalId };
    });
    const rejected = { status: 'rejected' as const, errors: errors.sort((a, b) => a.line - b.line), stored: 0, unknownAgb: 0, superseded: 0, batch: null };
    if (errors.length > 0) return rejected;
    if (resolved.length === 0) return { ...rejected, errors: [{ line: 0, reason: 'the file has no contract lines' }] };

    const batch = `contracts-${now.toISOString().slice(0, 10)}-${randomUUID().slice(0, 8)}`;
    const superseded = await this.db.$transaction(async (tx) => {
      const old = await tx.contractedProvider.updateMany({ where: { tenantId, supersededAt: null }, data: { supersededAt: now } });
      await tx.contractedProvider.createMany({
        data: resolved.map((r) => ({
          tenantId, agbCode: r.agbCode, providerName: r.providerName, hospitalId: r.hospitalId, specialismCode: r.specialismCode, contracted: r.contracted,
          validFrom: r.validFrom ? new Date(`${r.validFrom}T00:00:00Z`) : null, validUntil: r.validUntil ? new Date(`${r.validUntil}T00:00:00Z`) : null,
          uploadBatch: batch, uploadedAt: now,
        })),
      });
      return old.count;
    });
    this.cache.delete(tenantId);
    return { status: 'stored', errors: [], stored: resolved.length, unknownAgb, superseded, batch };
  }

  /** The tenant's current contract list (empty when it never uploaded one). */
  async current(tenantId: string): Promise<Contract[]> {
    const hit = this.cache.get(tenantId);
    if (hit && Date.now() - hit.at < this.ttlMs) return hit.contracts;
    const rows = await this.db.contractedProvider.findMany({ where: { tenantId, supersededAt: null }, orderBy: { id: 'asc' } });
    const contracts: Contract[] = rows.map((r) => ({
      agbCode: r.agbCode, providerName: r.providerName, hospitalId: r.hospitalId, specialismCode: r.specialismCode, contracted: r.contracted,
      validFrom: r.validFrom?.toISOString().slice(0, 10) ?? null, validUntil: r.validUntil?.toISOString().slice(0, 10) ?? null,
    }));
    this.cache.set(tenantId, { at: Date.now(), contracts });
    return contracts;
  }

  /** The current list with its upload batch and date, for the admin view. */
  async describe(tenantId: string): Promise<{ uploadedAt: string | null; batch: string | null; contracts: Contract[] }> {
    const first = await this.db.contractedProvider.findFirst({ where: { tenantId, supersededAt: null }, orderBy: { uploadedAt: 'desc' } });
    return { uploadedAt: first?.uploadedAt.toISOString() ?? null, batch: first?.uploadBatch ?? null, contracts: await this.current(tenantId) };
  }
}
