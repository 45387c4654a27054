import { randomBytes, randomUUID } from 'node:crypto';
import { kindOf, type Db, type Prisma } from './db.ts';
import { Prisma as Sql } from '../../generated/prisma/client.ts';

type Tx = Prisma.TransactionClient;

/** What a receiver gets. Thin by design: no patient data travels to a URL an admin typed in; the
 * receiver reads the case itself with its API token (GET /api/cases/{reference}), which is audited. */
export interface CaseEventPayload {
  type: 'case.created' | 'case.updated' | 'case.deleted' | 'case.withdrawn';
  change?: string;
  case: {
    reference: string;
    status: string;
    priority: number | null;
    specialty: string | null;
    treeknormExceeded: boolean | null;
    firstContactDueAt: string | null;
    updatedAt: string;
  };
}

/**
 * Writes one outbox row per active endpoint of the insurer, inside the caller's transaction: the
 * event exists exactly when the case change does. The row id is the delivery id on every retry.
 */
export async function enqueueCaseEvent(tx: Tx, tenantId: string, event: CaseEventPayload, now: Date): Promise<number> {
  const endpoints = await tx.webhookEndpoint.findMany({ where: { tenantId, active: true }, select: { id: true } });
  for (const endpoint of endpoints) {
    const id = randomUUID();
    const body = { id, type: event.type, occurredAt: now.toISOString(), insurer: tenantId, ...(event.change ? { change: event.change } : {}), case: event.case };
    await tx.webhookOutbox.create({
      data: { id, tenantId, endpointId: endpoint.id, eventType: event.type, caseReference: event.case.reference, payload: JSON.stringify(body), nextAttemptAt: now, createdAt: now },
    });
  }
  return endpoints.length;
}

export interface ClaimedDelivery {
  id: string;
  eventType: string;
  payload: string;
  attempts: number;
  endpoint: { id: string; url: string; secret: string; active: boolean };
}

export interface EndpointView {
  id: string;
  url: string;
  active: boolean;
  createdAt: string;
}

/** Outbox rows for the delivery worker, and the tenant's endpoints and delivery log for admins. */
export class OutboxStore {
  constructor(private readonly db: Db) {}

  /**
   * Takes up to `limit` due rows with a lease for `owner`. One UPDATE … RETURNING, so two workers
   * (in one process or on several instances) never take the same row while its lease runs. A crashed
   * worker's rows come back when the lease ends and are sent again with the same delivery id.
   * On PostgreSQL the inner SELECT locks the rows it picks and skips rows another instance is
   * picking at that moment (FOR UPDATE SKIP LOCKED), so concurrent workers never wait on each other;
   * SQLite has one writer at a time, so the UPDATE alone is enough there.
   */
  async claimDue(owner: string, now: Date, leaseMs: number, limit: number): Promise<ClaimedDelivery[]> {
    const leaseUntil = new Date(now.getTime() + leaseMs);
    const claimed = await this.db.$queryRaw<{ id: string }[]>`
      UPDATE "WebhookOutbox" SET "leaseOwner" = ${owner}, "leaseUntil" = ${leaseUntil}
      WHERE "id" IN (
        SELECT "id" FROM "WebhookOutbox"
        WHERE "status" = 'pending' AND "nextAttemptAt" <= ${now} AND ("leaseUntil" IS NULL OR "leaseUntil" <= ${now})
        ORDER BY "nextAttemptAt" LIMIT ${limit}
        ${kindOf(this.db) === 'postgresql' ? Sql.raw('FOR UPDATE SKIP LOCKED') : Sql.empty}
      )
      RETURNING "id"`;
    if (claimed.length === 0) return [];
    const rows = await this.db.webhookOutbox.findMany({ where: { id: { in: claimed.map((c) => c.id) }, leaseOwner: owner }, include: { endpoint: true }, orderBy: { nextAttemptAt: 'asc' } });
    return rows.map((r) => ({ id: r.id, eventType: r.eventType, payload: r.payload, attempts: r.attempts, endpoint: { id: r.endpoint.id, url: r.endpoint.url, secret: r.endpoint.secret, active: r.endpoint.active } }));
  }

  /** Records one attempt and its result, only while `owner` still holds the lease. */
  async recordAttempt(
    id: string,
    owner: string,
    attempt: { number: number; at: Date; statusCode: number | null; error: string | null; durationMs: number },
    next: { kind: 'delivered' } | { kind: 'retry'; at: Date } | { kind: 'failed' },
  ): Promise<void> {
    await this.db.$transaction(async (tx) => {
      await tx.webhookAttempt.create({ data: { outboxId: id, attempt: attempt.number, at: attempt.at, statusCode: attempt.statusCode, error: attempt.error, durationMs: attempt.durationMs } });
      await tx.webhookOutbox.updateMany({
        where: { id, leaseOwner: owner },
        data: {
          attempts: attempt.number,
          leaseOwner: null,
          leaseUntil: null,
          lastError: attempt.error,
          ...(next.kind === 'delivered' ? { status: 'delivered', deliveredAt: attempt.at } : next.kind === 'failed' ? { status: 'failed' } : { nextAttemptAt: next.at }),
        },
      });
    });
  }

  async listEndpoints(tenantId: string): Promise<EndpointView[]> {
    const rows = await this.db.webhookEndpoint.findMany({ where: { tenantId, active: true }, orderBy: { createdAt: 'asc' } });
    return rows.map((r) => ({ id: r.id, url: r.url, active: r.active, createdAt: r.createdAt.toISOString() }));
  }

  /** Creates an endpoint; a secret is generated when none is given (returned once by the caller). */
  async createEndpoint(tenantId: string, input: { url: string; secret?: string; createdById: string }): Promise<EndpointView & { secret: string }> {
    const secret = input.secret ?? `whsec_${randomBytes(24).toString('base64url')}`;
    const row = await this.db.webhookEndpoint.create({ data: { tenantId, url: input.url, secret, createdById: input.createdById } });
    return { id: row.id, url: row.url, active: row.active, createdAt: row.createdAt.toISOString(), secret };
  }

  /** Switches an endpoint off (kept for the delivery log); false when it is not this tenant's. */
  async deactivateEndpoint(tenantId: string, id: string): Promise<boolean> {
    const { count } = await this.db.webhookEndpoint.updateMany({ where: { id, tenantId, active: true }, data: { active: false } });
    return count === 1;
  }

  async listDeliveries(tenantId: string, page: number, pageSize: number) {
    const where = { tenantId };
    const [rows, total] = await Promise.all([
      this.db.webhookOutbox.findMany({ where, orderBy: [{ createdAt: 'desc' }, { id: 'desc' }], skip: (page - 1) * pageSize, take: pageSize, include: { attemptLog: { orderBy: { attempt: 'asc' } } } }),
      this.db.webhookOutbox.count({ where }),
    ]);
    return {
      total,
      items: rows.map((r) => ({
        id: r.id, endpointId: r.endpointId, eventType: r.eventType, caseReference: r.caseReference, status: r.status, attempts: r.attempts,
        nextAttemptAt: r.status === 'pending' ? r.nextAttemptAt.toISOString() : null, deliveredAt: r.deliveredAt?.toISOString() ?? null, lastError: r.lastError,
        createdAt: r.createdAt.toISOString(),
        log: r.attemptLog.map((a) => ({ attempt: a.attempt, at: a.at.toISOString(), statusCode: a.statusCode, error: a.error, durationMs: a.durationMs })),
      })),
    };
  }
}
