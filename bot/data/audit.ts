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

/** Filters of the audit view: one case, one person or token, one action (or family), a date range. */
export interface AuditFilter {
  caseReference?: string;
  actorId?: string;
  action?: string;
  /** YYYY-MM-DD, inclusive, UTC. */
  from?: string;
  to?: string;
}

/** Names of mediators and tokens by id, for one tenant. */
export type NameLookup = (tenantId: string, ids: readonly string[]) => Promise<Map<string, string>>;

function auditWhere(tenantId: string, f: AuditFilter): Prisma.AuditEventWhereInput {
  const at = f.from || f.to ? { ...(f.from ? { gte: new Date(`${f.from}T00:00:00Z`) } : {}), ...(f.to ? { lt: new Date(Date.parse(`${f.to}T00:00:00Z`) + 86_400_000) } : {}) } : undefined;
  return {
    tenantId,
    ...(f.caseReference ? { caseReference: f.caseReference } : {}),
    ...(f.actorId ? { actorId: f.actorId } : {}),
    ...(f.action ? { action: f.action.endsWith('.') ? { startsWith: f.action } : f.action } : {}),
    ...(at ? { at } : {}),
  };
}

const onBehalfId = (v: string | null) => (v?.startsWith('mediator:') ? v.slice('mediator:'.length) : null);

async function withNames(rows: Prisma.AuditEventModel[], tenantId: string, names: NameLookup): Promise<AuditRow[]> {
  const ids = [...new Set(rows.flatMap((r) => [r.actorType === 'mediator' || r.actorType === 'api_token' ? r.actorId : null, onBehalfId(r.onBehalfOf)]).filter((v): v is string => !!v))];
  const byId = await names(tenantId, ids);
  return rows.map((r) => ({
    id: r.id, at: r.at.toISOString(), actorType: r.actorType, actorId: r.actorId, actorName: (r.actorId && byId.get(r.actorId)) ?? null, actorRole: r.actorRole,
    onBehalfOf: r.onBehalfOf, onBehalfOfName: byId.get(onBehalfId(r.onBehalfOf) ?? '') ?? null,
    action: r.action, outcome: r.outcome, caseReference: r.caseReference, ipHash: r.ipHash, userAgent: r.userAgent,
    details: JSON.parse(r.details) as Record<string, unknown>,
  }));
}

/**
 * One CSV field, safe to open in a spreadsheet: a value starting with =, +, -, @, tab or carriage
 * return is prefixed with an apostrophe (OWASP "CSV injection"), and quotes are doubled.
 */
export function csvField(value: unknown): string {
  let text = value === null || value === undefined ? '' : typeof value === 'string' ? value : JSON.stringify(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n;']/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export const auditCsvColumns = ['at', 'action', 'outcome', 'actorType', 'actorId', 'actorName', 'actorRole', 'onBehalfOf', 'onBehalfOfName', 'caseReference', 'ipHash', 'userAgent', 'details'] as const;

/** The rows as CSV (RFC 4180, CRLF line ends, header first). */
export function auditCsv(rows: readonly AuditRow[]): string {
  const lines = [auditCsvColumns.join(',')];
  for (const r of rows) lines.push(auditCsvColumns.map((c) => csvField(r[c])).join(','));
  return `${lines.join('\r\n')}\r\n`;
}

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
  /** The mediator's or token's name at reading time (the log itself stores ids only). */
  actorName: string | null;
  actorRole: string | null;
  onBehalfOf: string | null;
  onBehalfOfName: string | null;
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

  async list(tenantId: string, filter: AuditFilter & { page: number; pageSize: number }, names: NameLookup = async () => new Map()): Promise<{ items: AuditRow[]; total: number }> {
    const where = auditWhere(tenantId, filter);
    const [rows, total] = await Promise.all([
      this.db.auditEvent.findMany({ where, orderBy: [{ at: 'desc' }, { id: 'desc' }], skip: (filter.page - 1) * filter.pageSize, take: filter.pageSize }),
      this.db.auditEvent.count({ where }),
    ]);
    return { total, items: await withNames(rows, tenantId, names) };
  }

  /** Up to `limit` rows for an export, newest first. */
  async export(tenantId: string, filter: AuditFilter, names: NameLookup, limit = 10_000): Promise<AuditRow[]> {
    const rows = await this.db.auditEvent.findMany({ where: auditWhere(tenantId, filter), orderBy: [{ at: 'desc' }, { id: 'desc' }], take: limit });
    return withNames(rows, tenantId, names);
  }
}
