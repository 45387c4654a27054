import { randomInt } from 'node:crypto';
import type { Db } from './db.ts';

export interface NewCase {
  insurerTenantId: string;
  sourceTenantId: string;
  conversationId: string | null;
  idempotencyKey: string;
  locale: 'nl' | 'en';
  channel: string;
  priority: number;
  request: Record<string, unknown>;
  transcript: unknown[] | null;
  firstContactDueAt: Date | null;
}

export interface StoredCase {
  id: string;
  reference: string;
  status: string;
  priority: number;
  createdAt: Date;
  insurerTenantId: string;
  locale: string;
  channel: string;
  request: Record<string, unknown>;
}

// Crockford base32 without I, L, O, U: references are read aloud on the phone.
const alphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** A reference such as ZB-7K4Q-9XMD: short, unambiguous, not guessable in sequence. */
export function newCaseReference(): string {
  const part = () => Array.from({ length: 4 }, () => alphabet[randomInt(alphabet.length)]).join('');
  return `ZB-${part()}-${part()}`;
}

function toStored(row: { id: string; reference: string; status: string; priority: number; createdAt: Date; insurerTenantId: string; locale: string; channel: string; request: string }): StoredCase {
  return { ...row, request: JSON.parse(row.request) as Record<string, unknown> };
}

/** Mediation cases. Every read for staff is scoped by insurer here, not in the callers. */
export class CaseStore {
  constructor(private readonly db: Db) {}

  /** Stores a case once per idempotency key: a retried or double-sent hand-off returns the first case. */
  async create(input: NewCase): Promise<{ case: StoredCase; created: boolean }> {
    const existing = await this.db.case.findUnique({ where: { idempotencyKey: input.idempotencyKey } });
    if (existing) return { case: toStored(existing), created: false };
    for (let attempt = 0; attempt < 5; attempt++) {
      try {
        const row = await this.db.$transaction(async (tx) => {
          const created = await tx.case.create({
            data: {
              reference: newCaseReference(),
              insurerTenantId: input.insurerTenantId,
              sourceTenantId: input.sourceTenantId,
              conversationId: input.conversationId,
              idempotencyKey: input.idempotencyKey,
              locale: input.locale,
              channel: input.channel,
              priority: input.priority,
              request: JSON.stringify(input.request),
              transcript: input.transcript ? JSON.stringify(input.transcript) : null,
              firstContactDueAt: input.firstContactDueAt,
            },
          });
          await tx.caseEvent.create({ data: { caseId: created.id, type: 'created', actorType: 'patient', data: JSON.stringify({ channel: input.channel }) } });
          return created;
        });
        return { case: toStored(row), created: true };
      } catch (error) {
        // A unique violation is either a concurrent double-send (same key) or a reference collision.
        if ((error as { code?: string }).code !== 'P2002') throw error;
        const raced = await this.db.case.findUnique({ where: { idempotencyKey: input.idempotencyKey } });
        if (raced) return { case: toStored(raced), created: false };
      }
    }
    throw new Error('Could not allocate a unique case reference');
  }

  /** The case if it belongs to this insurer; null for unknown and for other insurers' cases alike. */
  async findForInsurer(reference: string, insurerTenantId: string): Promise<StoredCase | null> {
    const row = await this.db.case.findFirst({ where: { reference, insurerTenantId } });
    return row ? toStored(row) : null;
  }
}
