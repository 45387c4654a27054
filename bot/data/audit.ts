import { createHmac, randomBytes } from 'node:crypto';
import type { Db, Prisma } from './db.ts';

/** Who acts, on whose behalf and from where: the NEN 7513 "user and access point" of every log row. */
export interface Actor {
  type: 'mediator' | 'api_token' | 'system' | 'patient';
  id: string | null;
  role: string | null;
  /** Display name for case history (claimed by); never written to the audit log. */
  name: string | null;
  /** The insurer tenant the actor works for (null for the patient and for system jobs). */
  tenantId: string | null;
  onBehalfOf: string | null;
  ipHash: string | null;
  userAgent: string | null;
}

export const systemActor = (job: string): Actor => ({ type: 'system', id: job, role: null, name: job, tenantId: null, onBehalfOf: null, ipHash: null, userAgent: null });

export interface AuditEntry {
  tenantId: string;
  action: string;
  outcome?: 'success' | 'not_found' | 'conflict' | 'denied' | 'rejected';
  caseId?: string | null;
  caseReference?: string | null;
  /** No personal data: filters, counts, statuses, references. */
  details?: Record<string, unknown>;
}

type Tx = Prisma.TransactionClient | Db;

/** Writes one audit row; pass the transaction client so the row commits (or not) with the change. */
export async function writeAudit(tx: Tx, actor: Actor, entry: AuditEntry, at: Date = new Date()): Promise<void> {
  await tx.auditEvent.create({
    data: {
      at,
      tenantId: entry.tenantId,
      actorType: actor.type,
      actorId: actor.id,
      actorRole: actor.role,
      onBehalfOf: actor.onBehalfOf,
      action: entry.action,
      outcome: entry.outcome ?? 'success',
      caseId: entry.caseId ?? null,
      caseReference: entry.caseReference ?? null,
      ipHash: actor.ipHash,
      userAgent: actor.userAgent,
      details: JSON.stringify(entry.details ?? {}),
    },
  });
}

export interface AuditRow {
  id: string;
  at: string;
  actorType: string;
  actorId: string | null;
  actorRole: string | null;
  onBehalfOf: string | null;
  action: string;
  outcome: string;
  caseReference: string | null;
  ipHash: string | null;
  userAgent: string | null;
  details: Record<string, unknown>;
}

/**
 * Reading the access log (one tenant's, paged, newest first) and hashing access points.
 * There is deliberately no update or delete here; the database refuses both as well.
 */
export class AuditLog {
  private key: Promise<string> | null = null;

  constructor(private readonly db: Db) {}

  /** HMAC of the client IP with a per-installation key: the same IP links up, a lookup table does not reverse it. */
  async hashIp(ip: string | undefined): Promise<string | null> {
    if (!ip) return null;
    this.key ??= this.loadKey();
    return createHmac('sha256', await this.key).update(ip).digest('hex').slice(0, 32);
  }

  private async loadKey(): Promise<string> {
    const name = 'audit-ip-hmac';
    const existing = await this.db.systemSecret.findUnique({ where: { name } });
    if (existing) return existing.value;
    try {
      return (await this.db.systemSecret.create({ data: { name, value: randomBytes(32).toString('base64url') } })).value;
    } catch {
      // Another instance created it first.
      return (await this.db.systemSecret.findUniqueOrThrow({ where: { name } })).value;
    }
  }

  /** Writes one row outside any transaction (reads, log-ins, admin actions). */
  async record(actor: Actor, entry: AuditEntry, at: Date = new Date()): Promise<void> {
    await writeAudit(this.db, actor, entry, at);
  }

  async list(tenantId: string, filter: { caseReference?: string; page: number; pageSize: number }): Promise<{ items: AuditRow[]; total: number }> {
    const where = { tenantId, ...(filter.caseReference ? { caseReference: filter.caseReference } : {}) };
    const [rows, total] = await Promise.all([
      this.db.auditEvent.findMany({ where, orderBy: [{ at: 'desc' }, { id: 'desc' }], skip: (filter.page - 1) * filter.pageSize, take: filter.pageSize }),
      this.db.auditEvent.count({ where }),
    ]);
    return {
      total,
      items: rows.map((r) => ({
        id: r.id, at: r.at.toISOString(), actorType: r.actorType, actorId: r.actorId, actorRole: r.actorRole, onBehalfOf: r.onBehalfOf,
        action: r.action, outcome: r.outcome, caseReference: r.caseReference, ipHash: r.ipHash, userAgent: r.userAgent,
        details: JSON.parse(r.details) as Record<string, unknown>,
      })),
    };
  }
}
