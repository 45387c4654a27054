import { randomInt } from 'node:crypto';
import type { Db, Prisma } from './db.ts';
import { Prisma as Sql } from '../../generated/prisma/client.ts';
import { badRequest, conflict, forbidden, notFound, AppError } from '../errors.ts';
import { weeklyFigures, weeklyWindowStart } from '../domain/weeklyFigures.ts';
import { allowedTransitions, canTransition, canWithdraw, caseStatuses, contactMadeStatuses, finishedStatuses, isCaseStatus, openStatuses, releasableStatuses, reopenableStatuses, type CaseStatus, type OutcomeKind } from '../domain/caseStatus.ts';
import { casePriority, displayedUrgencyDays, isOverdue, reportsWorsening, urgencyAnchor } from '../domain/casePriority.ts';
import { addWorkingDays } from '../domain/workingDays.ts';
import { writeAudit, type Actor } from './audit.ts';
import { enqueueCaseEvent, type CaseEventPayload } from './outbox.ts';
import { emptySearchKeys, searchKeysOf, searchTerms, type SearchTerms } from '../domain/caseSearch.ts';

type Tx = Prisma.TransactionClient;
type CaseRow = Prisma.CaseModel;

export interface NewCase {
  insurerTenantId: string;
  sourceTenantId: string;
  conversationId: string | null;
  idempotencyKey: string;
  locale: 'nl' | 'en';
  channel: string;
  /** Ignored: the priority is computed from the request (bot/domain/casePriority.ts). Kept for callers. */
  priority?: number;
  request: Record<string, unknown>;
  transcript: unknown[] | null;
  /** When undefined, computed from the insurer's promised working days. */
  firstContactDueAt?: Date | null;
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
const dayMs = 86_400_000;
/** Over several statuses each is read up to the requested page; deeper pages need a status filter. */
const maxMergedRows = 10_000;

/** A reference such as ZB-7K4Q-9XMD: short, unambiguous, not guessable in sequence. */
export function newCaseReference(): string {
  const part = () => Array.from({ length: 4 }, () => alphabet[randomInt(alphabet.length)]).join('');
  return `ZB-${part()}-${part()}`;
}

const parseRequest = (json: string) => JSON.parse(json) as Record<string, unknown>;

function toStored(row: CaseRow, now: Date = new Date()): StoredCase {
  return {
    id: row.id, reference: row.reference, status: row.status, priority: casePriority(row.urgencyAnchorAt, now), createdAt: row.createdAt,
    insurerTenantId: row.insurerTenantId, locale: row.locale, channel: row.channel, request: parseRequest(row.request),
  };
}

const patientActor: Actor = { type: 'patient', id: null, role: null, name: null, tenantId: null, onBehalfOf: null, ipHash: null, userAgent: null };
const statusOf = (row: CaseRow): CaseStatus => (isCaseStatus(row.status) ? row.status : 'new');
const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);
const str = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);

function eventPayload(type: CaseEventPayload['type'], row: CaseRow, now: Date, sequence: number, change?: string): CaseEventPayload {
  return {
    type,
    sequence,
    ...(change ? { change } : {}),
    case: {
      reference: row.reference, status: row.status, priority: type === 'case.deleted' ? null : casePriority(row.urgencyAnchorAt, now), specialty: row.specialty,
      treeknormExceeded: row.treeknormExceeded, firstContactDueAt: row.firstContactDueAt?.toISOString() ?? null, updatedAt: now.toISOString(),
    },
  };
}

/**
 * Numbers the case's next event and writes it to the outbox, in the caller's transaction: the
 * sequence is the case's own counter, so after an outage a receiver can still order what it gets.
 */
async function emitCaseEvent(tx: Tx, type: CaseEventPayload['type'], row: CaseRow, now: Date, change?: string): Promise<void> {
  const { sequence } = await tx.case.update({ where: { id: row.id }, data: { sequence: { increment: 1 } }, select: { sequence: true } });
  await enqueueCaseEvent(tx, row.insurerTenantId, eventPayload(type, row, now, sequence, change), now);
}

/** What a recorded outcome holds; free text is limited to where and when. */
export type Outcome =
  | { kind: 'faster_place_found'; provider: string; location?: string; date: string; originalDate?: string }
  | { kind: Exclude<OutcomeKind, 'faster_place_found'> };

/** Days between the date the patient would have been treated and the faster date (null when unknown). */
export function daysSavedBy(outcome: Outcome): number | null {
  if (outcome.kind !== 'faster_place_found' || !outcome.originalDate) return null;
  return Math.round((Date.parse(outcome.originalDate) - Date.parse(outcome.date)) / dayMs);
}

/** Queue filters of GET /api/cases, already validated. */
export interface CaseQuery {
  status?: CaseStatus[];
  specialty?: string;
  treeknormExceeded?: boolean;
  overdue?: boolean;
  minAgeDays?: number;
  /** Free-text search (bot/domain/caseSearch.ts). */
  q?: string;
  /** Holder: a mediator's (or token's) id, or null for cases nobody holds. */
  assignee?: string | null;
  /** Change feed: only cases changed after this moment, oldest change first, cursor-paged. */
  updatedSince?: Date;
  cursor?: QueueCursor;
  sort: 'priority' | 'due';
  page: number;
  pageSize: number;
}

/** Where the next page of the change feed starts: after this (updatedAt, id). */
export interface QueueCursor {
  updatedAt: Date;
  id: string;
}

export const encodeCursor = (c: QueueCursor): string => Buffer.from(JSON.stringify([c.updatedAt.toISOString(), c.id])).toString('base64url');

/** The cursor of a string from a client, or null when it is not one of ours. */
export function decodeCursor(value: string): QueueCursor | null {
  try {
    const parsed = JSON.parse(Buffer.from(value, 'base64url').toString('utf8')) as unknown;
    if (!Array.isArray(parsed) || parsed.length !== 2 || typeof parsed[0] !== 'string' || typeof parsed[1] !== 'string') return null;
    const at = new Date(parsed[0]);
    return Number.isNaN(at.getTime()) || parsed[1].length > 40 ? null : { updatedAt: at, id: parsed[1] };
  } catch {
    return null;
  }
}

/** Another case of the same patient (same policy number, or same date of birth and name). */
export interface DuplicateLink {
  reference: string;
  status: string;
  createdAt: string;
  match: 'policyNumber' | 'nameAndDateOfBirth';
}

type PatientKeys = { id: string; reference: string; status: string; createdAt: Date; searchPolicy: string | null; searchName: string | null; patientBirthDate: string | null };

const holderOf = (row: { claimedById: string | null; claimedByName: string | null; claimedByKind?: string | null }) =>
  row.claimedById ? { id: row.claimedById, name: row.claimedByName, kind: row.claimedByKind === 'api_token' ? ('api_token' as const) : ('mediator' as const) } : null;

/**
 * May this actor change a case someone holds? The holder, admins, and anyone when a system token
 * holds it: a token's claim must never lock the insurer's people out of a case.
 */
const holderKind = (actor: Actor): 'api_token' | 'mediator' => (actor.type === 'api_token' ? 'api_token' : 'mediator');

/** How many weeks the stats answer per week (this week included). */
const statsWeeks = 8;

/** The note a reopening leaves; the console shows it like any note. */
export const reopenNotePrefix = 'Heropend / Reopened: ';

function mayWork(row: { claimedById: string | null; claimedByKind: string | null }, actor: Actor): boolean {
  if (!row.claimedById || row.claimedById === actor.id || actor.role === 'admin') return true;
  return row.claimedByKind === 'api_token' && actor.type !== 'api_token';
}

const likeEscape = (v: string) => v.replace(/[\\%_]/g, (c) => `\\${c}`);

/** The search as a Prisma filter (counts, the change feed). */
function searchWhere(t: SearchTerms): Prisma.CaseWhereInput {
  const or: Prisma.CaseWhereInput[] = [];
  if (t.reference) or.push({ reference: t.reference });
  if (t.policy) or.push({ searchPolicy: t.policy });
  if (t.phone) or.push({ searchPhone: { contains: t.phone } });
  if (t.email) or.push({ searchEmail: { contains: t.email } });
  if (t.nameWords.length) or.push({ AND: t.nameWords.map((w) => ({ searchName: { contains: w } })) });
  return or.length ? { OR: or } : { id: { in: [] } };
}

/** The same search as SQL for the queue's own per-status queries. */
function searchSql(t: SearchTerms): Sql.Sql {
  const or: Sql.Sql[] = [];
  if (t.reference) or.push(Sql.sql`"reference" = ${t.reference}`);
  if (t.policy) or.push(Sql.sql`"searchPolicy" = ${t.policy}`);
  if (t.phone) or.push(Sql.sql`"searchPhone" LIKE ${`%${likeEscape(t.phone)}%`} ESCAPE '\\'`);
  if (t.email) or.push(Sql.sql`"searchEmail" LIKE ${`%${likeEscape(t.email)}%`} ESCAPE '\\'`);
  if (t.nameWords.length) or.push(Sql.sql`(${Sql.join(t.nameWords.map((w) => Sql.sql`"searchName" LIKE ${`%${likeEscape(w)}%`} ESCAPE '\\'`), ' AND ')})`);
  return or.length ? Sql.sql`(${Sql.join(or, ' OR ')})` : Sql.sql`1 = 0`;
}

export interface QueueItem {
  reference: string;
  status: string;
  priority: number;
  urgencyDays: number;
  /** The patient reported worsening complaints: shown first, with this flag. */
  worseningReported: boolean;
  createdAt: string;
  ageDays: number;
  locale: string;
  channel: string;
  specialty: string | null;
  treatment: string | null;
  waitingWeeks: number | null;
  treeknormWeeks: number | null;
  treeknormExceeded: boolean | null;
  firstContactDueAt: string | null;
  overdue: boolean;
  claimedBy: { id: string; name: string | null; kind: 'mediator' | 'api_token' } | null;
  updatedAt: string;
  postponed: boolean | null;
  /** Another open case of the same patient exists (see DuplicateLink). */
  duplicate: boolean;
}

export interface CaseDetail {
  reference: string;
  status: string;
  priority: number;
  createdAt: string;
  insurer: string;
  locale: string;
  channel: string;
  request: Record<string, unknown>;
  updatedAt: string;
  urgencyDays: number;
  /** The patient reported worsening complaints: shown first, with this flag. */
  worseningReported: boolean;
  firstContactDueAt: string | null;
  firstContactAt: string | null;
  overdue: boolean;
  claimedBy: { id: string; name: string | null; kind: 'mediator' | 'api_token' } | null;
  claimedAt: string | null;
  closedReason: string | null;
  outcome: Outcome | null;
  transcript: unknown[] | null;
  anonymised: boolean;
  allowedTransitions: readonly CaseStatus[];
  /** True when another open case of the same patient exists; both cases link each other. */
  duplicate: boolean;
  duplicates: DuplicateLink[];
  /** Resolved and closed cases can be reopened (with a reason) when the patient calls back. */
  reopenable: boolean;
}

/** One entry of a case's history (CaseEvent), as the case screen shows it. */
export interface CaseHistoryItem {
  type: string;
  at: string;
  actorType: string;
  actorId: string | null;
  /** For status changes and assignments: the status or holder before and after. */
  from: string | null;
  to: string | null;
}

export interface NoteView {
  id: string;
  text: string;
  author: { id: string; name: string };
  createdAt: string;
}

function detailOf(row: CaseRow, now: Date, duplicates: DuplicateLink[] = []): CaseDetail {
  const status = statusOf(row);
  return {
    reference: row.reference, status: row.status, priority: casePriority(row.urgencyAnchorAt, now), createdAt: row.createdAt.toISOString(),
    insurer: row.insurerTenantId, locale: row.locale, channel: row.channel, request: parseRequest(row.request), updatedAt: row.updatedAt.toISOString(),
    urgencyDays: displayedUrgencyDays(row.urgencyAnchorAt, now, row.worseningReported), worseningReported: row.worseningReported, firstContactDueAt: row.firstContactDueAt?.toISOString() ?? null,
    firstContactAt: row.firstContactAt?.toISOString() ?? null, overdue: isOverdue(row, now),
    claimedBy: holderOf(row), claimedAt: row.claimedAt?.toISOString() ?? null,
    closedReason: row.closedReason, outcome: row.outcome ? (JSON.parse(row.outcome) as Outcome) : null,
    transcript: row.transcript ? (JSON.parse(row.transcript) as unknown[]) : null, anonymised: row.anonymisedAt !== null,
    allowedTransitions: allowedTransitions(status),
    duplicate: duplicates.some((d) => (openStatuses as readonly string[]).includes(d.status)) && (openStatuses as readonly string[]).includes(status),
    duplicates,
    reopenable: (reopenableStatuses as readonly string[]).includes(status) && row.anonymisedAt === null,
  };
}

/** The request with everything that identifies the patient removed; what the insurer's figures need stays. */
function anonymisedRequest(request: Record<string, unknown>): Record<string, unknown> {
  const consent = (request.consent ?? {}) as Record<string, unknown>;
  return {
    ...request,
    postcode: null,
    patient: { fullName: null, dateOfBirth: null, policyNumber: null, phone: null, email: null },
    consent: { given: consent.given ?? null, at: consent.at ?? null, text: null },
    anonymised: true,
  };
}

/** Mediation cases. Staff reach them only through forInsurer(): the one place tenant isolation lives. */
export class CaseStore {
  constructor(private readonly db: Db) {}

  /**
   * Stores a case once per idempotency key: a retried or double-sent hand-off returns the first case.
   * The case, its history, its audit row and its webhook outbox rows commit together or not at all.
   */
  async create(input: NewCase, now: Date = new Date()): Promise<{ case: StoredCase; created: boolean }> {
    const existing = await this.db.case.findUnique({ where: { idempotencyKey: input.idempotencyKey } });
    if (existing) return { case: toStored(existing, now), created: false };
    const anchor = urgencyAnchor(now, input.request);
    for (let attempt = 0; attempt < 5; attempt++) {
      try {
        const row = await this.db.$transaction(async (tx) => {
          let due = input.firstContactDueAt;
          if (due === undefined) {
            const tenant = await tx.tenant.findUnique({ where: { id: input.insurerTenantId }, select: { responseWorkingDays: true } });
            due = tenant ? addWorkingDays(now, tenant.responseWorkingDays) : null;
          }
          const created = await tx.case.create({
            data: {
              reference: newCaseReference(),
              insurerTenantId: input.insurerTenantId,
              sourceTenantId: input.sourceTenantId,
              conversationId: input.conversationId,
              idempotencyKey: input.idempotencyKey,
              locale: input.locale,
              channel: input.channel,
              priority: casePriority(anchor, now),
              urgencyAnchorAt: anchor,
              specialty: str(input.request.specialty),
              treeknormExceeded: typeof input.request.treeknormExceeded === 'boolean' ? input.request.treeknormExceeded : null,
              worseningReported: reportsWorsening(input.request),
              request: JSON.stringify(input.request),
              ...searchKeysOf(input.request),
              transcript: input.transcript ? JSON.stringify(input.transcript) : null,
              firstContactDueAt: due,
              createdAt: now,
            },
          });
          await tx.caseEvent.create({ data: { caseId: created.id, type: 'created', actorType: 'patient', data: JSON.stringify({ channel: input.channel }), createdAt: now } });
          const patient: Actor = { type: 'patient', id: null, role: null, name: null, tenantId: null, onBehalfOf: null, ipHash: null, userAgent: null };
          await writeAudit(tx, patient, { tenantId: created.insurerTenantId, action: 'case.create', caseId: created.id, caseReference: created.reference, details: { channel: input.channel, source: input.sourceTenantId } }, now);
          await emitCaseEvent(tx, 'case.created', created, now);
          return created;
        });
        return { case: toStored(row, now), created: true };
      } catch (error) {
        // A unique violation is either a concurrent double-send (same key) or a reference collision.
        if ((error as { code?: string }).code !== 'P2002') throw error;
        const raced = await this.db.case.findUnique({ where: { idempotencyKey: input.idempotencyKey } });
        if (raced) return { case: toStored(raced, now), created: false };
      }
    }
    throw new Error('Could not allocate a unique case reference');
  }

  /**
   * Cases stored before search keys existed get them once (at start). A raw UPDATE, so updatedAt
   * stays: the change feed must not report a change nobody made.
   */
  async backfillSearchKeys(batchSize = 500): Promise<number> {
    let done = 0;
    let after = '';
    for (;;) {
      const rows = await this.db.case.findMany({
        where: { anonymisedAt: null, searchName: null, searchPhone: null, searchPolicy: null, searchEmail: null, patientBirthDate: null, id: { gt: after } },
        select: { id: true, request: true }, orderBy: { id: 'asc' }, take: batchSize,
      });
      if (rows.length === 0) return done;
      for (const row of rows) {
        const k = searchKeysOf(parseRequest(row.request));
        if (Object.values(k).every((v) => v === null)) continue;
        await this.db.$executeRaw`UPDATE "Case" SET "searchName" = ${k.searchName}, "searchPhone" = ${k.searchPhone}, "searchPolicy" = ${k.searchPolicy}, "searchEmail" = ${k.searchEmail}, "patientBirthDate" = ${k.patientBirthDate} WHERE "id" = ${row.id}`;
        done += 1;
      }
      after = rows[rows.length - 1]!.id;
    }
  }

  /** The case if it belongs to this insurer; null for unknown and for other insurers' cases alike. Not audited: internal use. */
  async findForInsurer(reference: string, insurerTenantId: string): Promise<StoredCase | null> {
    const row = await this.db.case.findFirst({ where: { reference, insurerTenantId } });
    return row ? toStored(row) : null;
  }

  /** Staff access to one insurer's cases; every query below carries that insurer's id. */
  forInsurer(insurerTenantId: string): InsurerCases {
    return new InsurerCases(this.db, insurerTenantId);
  }

  /**
   * The patient's own view: the case only when reference and date of birth both match, else null
   * (the same for a wrong date as for an unknown reference). Audited as a patient read.
   */
  async findByReferenceForPatient(reference: string, dateOfBirth: string, now: Date = new Date(), scope?: { tenantId: string; kind: 'insurer' | 'hospital' }): Promise<{ status: CaseStatus; outcomeKind: OutcomeKind | null; updatedAt: Date } | null> {
    const row = await this.db.case.findUnique({ where: { reference } });
    if (!row || row.anonymisedAt) return null;
    // Another insurer's case, or one started on another site, answers exactly like an unknown reference.
    if (scope && (scope.kind === 'insurer' ? row.insurerTenantId !== scope.tenantId : row.sourceTenantId !== scope.tenantId)) return null;
    const patient = (parseRequest(row.request).patient ?? {}) as Record<string, unknown>;
    if (typeof patient.dateOfBirth !== 'string' || patient.dateOfBirth !== dateOfBirth) return null;
    const actor: Actor = { type: 'patient', id: null, role: null, name: null, tenantId: null, onBehalfOf: null, ipHash: null, userAgent: null };
    await writeAudit(this.db, actor, { tenantId: row.insurerTenantId, action: 'case.status.patient', caseId: row.id, caseReference: row.reference }, now);
    return { status: statusOf(row), outcomeKind: (row.outcomeKind as OutcomeKind | null) ?? null, updatedAt: row.updatedAt };
  }

  /**
   * Retention: anonymises resolved and closed cases whose tenant's retention period (from the moment
   * they finished) has passed. Returns the number anonymised; each tenant's batch leaves one audit row.
   */
  async anonymiseExpired(now: Date, batchSize = 200): Promise<number> {
    const tenants = await this.db.tenant.findMany({ select: { id: true, retentionDays: true } });
    let total = 0;
    for (const tenant of tenants) {
      const cutoff = new Date(now.getTime() - tenant.retentionDays * dayMs);
      for (;;) {
        const due = await this.db.case.findMany({
          where: { insurerTenantId: tenant.id, status: { in: [...finishedStatuses] }, anonymisedAt: null, finishedAt: { lte: cutoff } },
          select: { id: true }, take: batchSize,
        });
        if (due.length === 0) break;
        const references = await this.db.$transaction(async (tx) => {
          const done: string[] = [];
          for (const { id } of due) {
            const row = await this.anonymiseInTx(tx, id, now);
            if (row) done.push(row.reference);
          }
          const job: Actor = { type: 'system', id: 'retention', role: null, name: null, tenantId: null, onBehalfOf: tenant.id, ipHash: null, userAgent: null };
          await writeAudit(tx, job, { tenantId: tenant.id, action: 'retention.anonymise', details: { count: done.length, retentionDays: tenant.retentionDays, references: done } }, now);
          return done;
        });
        total += references.length;
        if (due.length < batchSize) break;
      }
    }
    return total;
  }

  /**
   * Erasure on the patient's request: cases nobody has picked up yet are deleted; the others keep their
   * workflow record for the insurer but lose the patient's data. Leaves audit rows without personal data.
   */
  async eraseForConversation(conversationId: string, now: Date = new Date()): Promise<{ deleted: number; anonymised: number }> {
    return this.db.$transaction(async (tx) => {
      const rows = await tx.case.findMany({ where: { conversationId } });
      const patient: Actor = { type: 'patient', id: null, role: null, name: null, tenantId: null, onBehalfOf: null, ipHash: null, userAgent: null };
      let deleted = 0;
      let anonymised = 0;
      for (const row of rows) {
        if (row.status === 'new') {
          await emitCaseEvent(tx, 'case.deleted', row, now, 'erased');
          await tx.case.delete({ where: { id: row.id } });
          deleted += 1;
        } else {
          await this.anonymiseInTx(tx, row.id, now);
          anonymised += 1;
        }
        await writeAudit(tx, patient, { tenantId: row.insurerTenantId, action: 'case.erase', caseId: row.id, caseReference: row.reference, details: { mode: row.status === 'new' ? 'deleted' : 'anonymised' } }, now);
      }
      return { deleted, anonymised };
    });
  }

  /** The patient's own case, found by the conversation that filed it (the chat proves it is theirs). Not audited: no data leaves. */
  async forConversation(reference: string, conversationId: string): Promise<{ status: CaseStatus; firstContactDueAt: Date | null } | null> {
    const row = await this.db.case.findFirst({ where: { reference, conversationId } });
    return row && !row.anonymisedAt ? { status: statusOf(row), firstContactDueAt: row.firstContactDueAt } : null;
  }

  /**
   * The patient withdraws their request in the chat that filed it: the case becomes `withdrawn` for the
   * mediator (a final status), loses the patient's data at once as an erasure would, and a
   * `case.withdrawn` webhook event goes out. Status change, erasure, history, audit and outbox commit together.
   */
  async withdrawForConversation(reference: string, conversationId: string, now: Date = new Date()): Promise<{ status: 'withdrawn' } | { status: 'not_found' } | { status: 'not_open'; current: CaseStatus }> {
    return this.db.$transaction(async (tx) => {
      const row = await tx.case.findFirst({ where: { reference, conversationId } });
      if (!row || row.anonymisedAt) return { status: 'not_found' as const };
      const from = statusOf(row);
      if (!canWithdraw(from)) return { status: 'not_open' as const, current: from };
      const { count } = await tx.case.updateMany({ where: { id: row.id, status: from }, data: { status: 'withdrawn', finishedAt: now } });
      if (count === 0) {
        const current = await tx.case.findUniqueOrThrow({ where: { id: row.id } });
        return { status: 'not_open' as const, current: statusOf(current) };
      }
      await tx.caseEvent.create({ data: { caseId: row.id, type: 'status', actorType: 'patient', data: JSON.stringify({ from, to: 'withdrawn' }), createdAt: now } });
      await writeAudit(tx, patientActor, { tenantId: row.insurerTenantId, action: 'case.withdraw', caseId: row.id, caseReference: row.reference, details: { from } }, now);
      const updated = await this.anonymiseInTx(tx, row.id, now, false);
      await emitCaseEvent(tx, 'case.withdrawn', updated ?? row, now, 'withdrawn');
      return { status: 'withdrawn' as const };
    });
  }

  /** The patient's own words added to their open case as a note (author: the patient), audited; the mediator is told by webhook. */
  async addPatientNote(reference: string, conversationId: string, text: string, now: Date = new Date()): Promise<boolean> {
    return this.db.$transaction(async (tx) => {
      const row = await tx.case.findFirst({ where: { reference, conversationId } });
      if (!row || row.anonymisedAt || !openStatuses.includes(statusOf(row))) return false;
      const created = await tx.caseNote.create({ data: { caseId: row.id, authorId: 'patient', authorName: 'Patiënt (chat)', text, createdAt: now } });
      await tx.caseEvent.create({ data: { caseId: row.id, type: 'note', actorType: 'patient', data: JSON.stringify({ noteId: created.id }), createdAt: now } });
      await writeAudit(tx, patientActor, { tenantId: row.insurerTenantId, action: 'case.note.add', caseId: row.id, caseReference: row.reference, details: { noteId: created.id, length: text.length, author: 'patient' } }, now);
      await emitCaseEvent(tx, 'case.updated', row, now, 'patient_note');
      return true;
    });
  }

  private async anonymiseInTx(tx: Tx, id: string, now: Date, notify = true): Promise<CaseRow | null> {
    const row = await tx.case.findUnique({ where: { id } });
    if (!row || row.anonymisedAt) return null;
    await tx.caseNote.deleteMany({ where: { caseId: id } });
    const updated = await tx.case.update({
      where: { id },
      data: { request: JSON.stringify(anonymisedRequest(parseRequest(row.request))), ...emptySearchKeys, transcript: null, conversationId: null, closedReason: null, anonymisedAt: now },
    });
    await tx.caseEvent.create({ data: { caseId: id, type: 'anonymised', actorType: 'system', createdAt: now } });
    if (notify) await emitCaseEvent(tx, 'case.updated', updated, now, 'anonymised');
    return updated;
  }
}

/**
 * One insurer's cases, as its mediators and systems see them. Every query carries insurerTenantId, so
 * another insurer's case is indistinguishable from one that does not exist (404, never 403). Every
 * read and change writes a NEN 7513 audit row; changes write it in the same transaction.
 */
export class InsurerCases {
  constructor(
    private readonly db: Db,
    readonly insurerTenantId: string,
  ) {}

  private audit(tx: Tx | Db, actor: Actor, action: string, row: { id: string; reference: string } | null, now: Date, details?: Record<string, unknown>, outcome?: 'success' | 'not_found' | 'conflict' | 'denied' | 'rejected', reference?: string) {
    return writeAudit(tx, actor, { tenantId: this.insurerTenantId, action, outcome, caseId: row?.id ?? null, caseReference: row?.reference ?? reference ?? null, details }, now);
  }

  /** Logs the failed attempt (outside the rolled-back transaction) and answers 404. */
  private async missing(actor: Actor, action: string, reference: string, now: Date): Promise<never> {
    await this.audit(this.db, actor, action, null, now, undefined, 'not_found', reference);
    throw notFound(`No case ${reference}`);
  }

  private find(tx: Tx | Db, reference: string) {
    return tx.case.findFirst({ where: { reference, insurerTenantId: this.insurerTenantId } });
  }

  /**
   * The queue: filtered, most urgent first (or by due time), one page. Audited as a search.
   * Each status is read in its own index order (insurer, status, sort key) with light columns only,
   * and the lists are merged here: no query has to sort the insurer's whole queue with its JSON.
   */
  async list(query: CaseQuery, actor: Actor, now: Date = new Date()): Promise<{ items: QueueItem[]; total: number; nextCursor: string | null }> {
    let statuses: CaseStatus[] = query.status?.length ? [...new Set(query.status)] : [...caseStatuses];
    // Only cases still waiting for first contact can be overdue; they have no firstContactAt by
    // construction (it is set when they leave claimed), so "overdue" is a due-date range on the index.
    if (query.overdue === true) statuses = statuses.filter((st) => st === 'new' || st === 'claimed');
    const terms = query.q ? searchTerms(query.q) : null;
    const base: Prisma.CaseWhereInput = {
      insurerTenantId: this.insurerTenantId,
      ...(query.specialty ? { specialty: query.specialty } : {}),
      ...(query.treeknormExceeded !== undefined ? { treeknormExceeded: query.treeknormExceeded } : {}),
      ...(query.minAgeDays !== undefined ? { createdAt: { lte: new Date(now.getTime() - query.minAgeDays * dayMs) } } : {}),
      ...(query.assignee !== undefined ? { claimedById: query.assignee } : {}),
      ...(terms ? searchWhere(terms) : {}),
    };
    const whereFor = (status: CaseStatus): Prisma.CaseWhereInput => {
      const waiting = status === 'new' || status === 'claimed';
      if (query.overdue === true) return { ...base, status, firstContactDueAt: { lt: now } };
      if (query.overdue === false && waiting) return { ...base, status, AND: [{ OR: [{ firstContactDueAt: null }, { firstContactDueAt: { gte: now } }] }] };
      return { ...base, status };
    };
    const { page, pageSize, ...filters } = query;
    const logged = { ...filters, q: undefined, cursor: undefined, updatedSince: query.updatedSince?.toISOString() };
    const finish = async (items: QueueItem[], total: number, nextCursor: string | null) => {
      // A search may be a patient's name: the log keeps which kinds of term were tried, never the text.
      if (terms) await this.audit(this.db, actor, 'case.search', null, now, { kinds: terms.kinds, length: query.q!.length, filters: logged, total, references: items.map((i) => i.reference) });
      else await this.audit(this.db, actor, 'case.list', null, now, { filters: logged, page, pageSize, total, references: items.map((i) => i.reference) });
      return { items, total, nextCursor };
    };

    if (query.updatedSince || query.cursor) {
      // The change feed: oldest change first, so a system that stores the last cursor misses nothing.
      const feed: Prisma.CaseWhereInput = { AND: [{ OR: statuses.map(whereFor) }, ...(query.updatedSince ? [{ updatedAt: { gt: query.updatedSince } }] : [])] };
      const after: Prisma.CaseWhereInput = query.cursor ? { OR: [{ updatedAt: { gt: query.cursor.updatedAt } }, { updatedAt: query.cursor.updatedAt, id: { gt: query.cursor.id } }] } : {};
      const [rows, total] = await Promise.all([
        this.db.case.findMany({ where: { AND: [feed, after] }, orderBy: [{ updatedAt: 'asc' }, { id: 'asc' }], take: pageSize + 1 }),
        this.db.case.count({ where: feed }),
      ]);
      const pageRows = rows.slice(0, pageSize);
      const last = pageRows[pageRows.length - 1];
      const dups = await this.duplicatesOf(pageRows);
      return finish(pageRows.map((r) => this.queueItem(r, now, dups)), total, rows.length > pageSize && last ? encodeCursor({ updatedAt: last.updatedAt, id: last.id }) : null);
    }

    const offset = (page - 1) * pageSize;
    if (statuses.length > 1 && offset + pageSize > maxMergedRows) {
      throw badRequest(`page: over several statuses the queue pages up to ${maxMergedRows} cases; filter by status to go deeper`);
    }
    // The page's ids come from one explicit query per status so the plan is ours: most-urgent-first
    // walks (insurer, status, urgencyAnchorAt, firstContactDueAt) and filters "overdue" inside it.
    // Wrapping the due date in COALESCE(…, NULL) (same value, valid SQL everywhere) keeps SQLite's
    // planner, which has no statistics, from switching to the due-date index and sorting the insurer's
    // whole queue instead (bench/queue.ts: 0.05 ms vs 100 ms at 100,000 cases).
    const due = query.sort === 'due' ? Sql.sql`"firstContactDueAt"` : Sql.sql`COALESCE("firstContactDueAt", NULL)`;
    const conditions = (status: CaseStatus): Sql.Sql[] => {
      const c = [Sql.sql`"insurerTenantId" = ${this.insurerTenantId}`, Sql.sql`"status" = ${status}`];
      if (query.specialty) c.push(Sql.sql`"specialty" = ${query.specialty}`);
      if (query.treeknormExceeded !== undefined) c.push(Sql.sql`"treeknormExceeded" = ${query.treeknormExceeded}`);
      if (query.minAgeDays !== undefined) c.push(Sql.sql`"createdAt" <= ${new Date(now.getTime() - query.minAgeDays * dayMs)}`);
      if (query.assignee !== undefined) c.push(query.assignee === null ? Sql.sql`"claimedById" IS NULL` : Sql.sql`"claimedById" = ${query.assignee}`);
      if (terms) c.push(searchSql(terms));
      const waiting = status === 'new' || status === 'claimed';
      if (query.overdue === true) c.push(Sql.sql`${due} < ${now}`);
      if (query.overdue === false && waiting) c.push(Sql.sql`(${due} IS NULL OR ${due} >= ${now})`);
      return c;
    };
    const order = query.sort === 'due' ? Sql.sql`"firstContactDueAt" ASC, "id" ASC` : Sql.sql`"urgencyAnchorAt" ASC, "id" ASC`;
    type Light = { id: string; urgencyAnchorAt: Date | string; firstContactDueAt: Date | string | null };
    const lightPage = (status: CaseStatus, skip: number, take: number) =>
      this.db.$queryRaw<Light[]>`SELECT "id", "urgencyAnchorAt", "firstContactDueAt" FROM "Case" WHERE ${Sql.join(conditions(status), ' AND ')} ORDER BY ${order} LIMIT ${take} OFFSET ${skip}`;
    const time = (v: Date | string | null) => (v === null ? Number.MAX_SAFE_INTEGER : new Date(v).getTime());
    // The same order in JS, for merging the per-status lists.
    const key = (r: Light): (number | string)[] => (query.sort === 'due' ? [time(r.firstContactDueAt), r.id] : [time(r.urgencyAnchorAt), r.id]);
    const compare = (a: (number | string)[], b: (number | string)[]) => {
      for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i]! < b[i]! ? -1 : 1;
      return 0;
    };
    const [perStatus, counts] = await Promise.all([
      Promise.all(statuses.map((status) => (statuses.length === 1 ? lightPage(status, offset, pageSize) : lightPage(status, 0, offset + pageSize)))),
      Promise.all(statuses.map((status) => this.db.case.count({ where: whereFor(status) }))),
    ]);
    const pageIds = (statuses.length === 1 ? perStatus[0] ?? [] : perStatus.flat().sort((a, b) => compare(key(a), key(b))).slice(offset, offset + pageSize)).map((r) => r.id);
    const rows = pageIds.length === 0 ? [] : await this.db.case.findMany({ where: { id: { in: pageIds }, insurerTenantId: this.insurerTenantId } });
    const byId = new Map(rows.map((r) => [r.id, r]));
    const dups = await this.duplicatesOf(rows);
    const items = pageIds.flatMap((id) => {
      const r = byId.get(id);
      return r ? [this.queueItem(r, now, dups)] : [];
    });
    return finish(items, counts.reduce((a, b) => a + b, 0), null);
  }

  private queueItem(r: CaseRow, now: Date, dups: Map<string, DuplicateLink[]>): QueueItem {
    const request = parseRequest(r.request);
    const open = (openStatuses as readonly string[]).includes(r.status);
    return {
      reference: r.reference, status: r.status, priority: casePriority(r.urgencyAnchorAt, now), urgencyDays: displayedUrgencyDays(r.urgencyAnchorAt, now, r.worseningReported),
      worseningReported: r.worseningReported,
      createdAt: r.createdAt.toISOString(), ageDays: Math.floor((now.getTime() - r.createdAt.getTime()) / dayMs), locale: r.locale, channel: r.channel,
      specialty: r.specialty, treatment: str(request.treatment), waitingWeeks: num(request.waitingWeeks), treeknormWeeks: num(request.treeknormWeeks),
      treeknormExceeded: r.treeknormExceeded, firstContactDueAt: r.firstContactDueAt?.toISOString() ?? null, overdue: isOverdue(r, now),
      claimedBy: holderOf(r), updatedAt: r.updatedAt.toISOString(), postponed: typeof request.postponed === 'boolean' ? request.postponed : null,
      duplicate: open && (dups.get(r.id) ?? []).some((d) => (openStatuses as readonly string[]).includes(d.status)),
    };
  }

  /**
   * Other cases of the same patients (one query for a whole page): the same policy number, or the
   * same date of birth with the same name. Anonymised cases have no keys left and never match.
   */
  private async duplicatesOf(rows: readonly PatientKeys[]): Promise<Map<string, DuplicateLink[]>> {
    const result = new Map<string, DuplicateLink[]>();
    const policies = [...new Set(rows.map((r) => r.searchPolicy).filter((v): v is string => v !== null))];
    const births = [...new Set(rows.filter((r) => r.searchName).map((r) => r.patientBirthDate).filter((v): v is string => v !== null))];
    if (policies.length === 0 && births.length === 0) return result;
    const candidates = await this.db.case.findMany({
      where: { insurerTenantId: this.insurerTenantId, OR: [...(policies.length ? [{ searchPolicy: { in: policies } }] : []), ...(births.length ? [{ patientBirthDate: { in: births } }] : [])] },
      select: { id: true, reference: true, status: true, createdAt: true, searchPolicy: true, searchName: true, patientBirthDate: true },
      orderBy: { createdAt: 'asc' }, take: 500,
    });
    for (const row of rows) {
      const links: DuplicateLink[] = [];
      for (const other of candidates) {
        if (other.id === row.id) continue;
        const match = row.searchPolicy && other.searchPolicy === row.searchPolicy ? 'policyNumber'
          : row.patientBirthDate && row.searchName && other.patientBirthDate === row.patientBirthDate && other.searchName === row.searchName ? 'nameAndDateOfBirth' : null;
        if (match) links.push({ reference: other.reference, status: other.status, createdAt: other.createdAt.toISOString(), match });
      }
      if (links.length) result.set(row.id, links);
    }
    return result;
  }

  /** One case in full. `action` names the kind of read for the log (read, FHIR export). */
  async get(reference: string, actor: Actor, now: Date = new Date(), action = 'case.read'): Promise<CaseDetail> {
    const row = await this.find(this.db, reference);
    if (!row) return this.missing(actor, action, reference, now);
    await this.audit(this.db, actor, action, row, now);
    return detailOf(row, now, (await this.duplicatesOf([row])).get(row.id));
  }

  /**
   * The case's history for the case screen: what happened, when, by whom (the actor's id; the route
   * puts names to them). Status changes carry from/to. An anonymised or withdrawn case keeps it.
   */
  async history(reference: string): Promise<CaseHistoryItem[]> {
    const row = await this.db.case.findFirst({ where: { reference, insurerTenantId: this.insurerTenantId }, select: { id: true } });
    if (!row) return [];
    const events = await this.db.caseEvent.findMany({ where: { caseId: row.id }, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }], take: 500 });
    return events.map((e) => {
      let data: Record<string, unknown> = {};
      try {
        data = JSON.parse(e.data) as Record<string, unknown>;
      } catch {
        // An unreadable payload still shows as the event it is.
      }
      return {
        type: e.type, at: e.createdAt.toISOString(), actorType: e.actorType, actorId: e.actorId,
        from: typeof data.from === 'string' ? data.from : null, to: typeof data.to === 'string' ? data.to : null,
      };
    });
  }

  /** Claims a `new` case; of simultaneous claims exactly one wins (conditional UPDATE … WHERE status = 'new'). */
  async claim(reference: string, actor: Actor, now: Date = new Date()): Promise<CaseDetail> {
    // One conditional UPDATE … RETURNING: SQLite runs it atomically, so only one claimant gets the row.
    const claimed = await this.db.$transaction(async (tx) => {
      const [row] = await tx.case.updateManyAndReturn({
        where: { reference, insurerTenantId: this.insurerTenantId, status: 'new' },
        data: { status: 'claimed', claimedById: actor.id, claimedByName: actor.name, claimedByKind: holderKind(actor), claimedAt: now },
      });
      if (!row) return null;
      await tx.caseEvent.create({ data: { caseId: row.id, type: 'status', actorType: actor.type, actorId: actor.id, data: JSON.stringify({ from: 'new', to: 'claimed' }), createdAt: now } });
      await this.audit(tx, actor, 'case.claim', row, now, { from: 'new', to: 'claimed' });
      await emitCaseEvent(tx, 'case.updated', row, now, 'claim');
      return row;
    });
    if (claimed) return this.withDuplicates(claimed, now);
    // Not claimed: unknown (404) or not new (409 via the general path, which also logs it).
    return this.transition(reference, 'claimed', actor, now, { action: 'case.claim' });
  }

  /** Puts a claimed or in-progress case back in the queue (its holder, or an admin for any case). */
  async release(reference: string, actor: Actor, now: Date = new Date()): Promise<CaseDetail> {
    return this.transition(reference, 'new', actor, now, { action: 'case.release', allowedFrom: releasableStatuses });
  }

  /**
   * Reopens a resolved or closed case when the patient calls back: it goes to in_progress with the
   * reopener as holder, and the reason becomes a note so the next reader sees why.
   */
  async reopen(reference: string, reason: string, actor: Actor, now: Date = new Date()): Promise<CaseDetail> {
    return this.transition(reference, 'in_progress', actor, now, { action: 'case.reopen', allowedFrom: reopenableStatuses, reason });
  }

  /**
   * Gives the case to a colleague of the same insurer (admins, the holder, or anyone when a system
   * token holds it). A new case becomes claimed by the colleague; a case in work keeps its status.
   */
  async assign(reference: string, to: { id: string; name: string }, actor: Actor, now: Date = new Date()): Promise<CaseDetail> {
    let failure: { outcome: 'conflict' | 'denied'; error: AppError; row: CaseRow } | null = null;
    const result = await this.db.$transaction(async (tx) => {
      const row = await this.find(tx, reference);
      if (!row) return null;
      const from = statusOf(row);
      if (!(openStatuses as readonly string[]).includes(from)) {
        failure = { outcome: 'conflict', row, error: conflict(`A ${from} case cannot be assigned; reopen it first`, { status: from, allowed: allowedTransitions(from) }) };
        return row;
      }
      if (!mayWork(row, actor) || (from === 'new' && actor.role !== 'admin')) {
        failure = { outcome: 'denied', row, error: forbidden(from === 'new' ? 'Only an admin may assign a case nobody holds; claim it first' : 'Only the holder or an admin may assign this case', { holder: holderOf(row) }) };
        return row;
      }
      const to_status: CaseStatus = from === 'new' ? 'claimed' : from;
      const { count } = await tx.case.updateMany({
        where: { id: row.id, insurerTenantId: this.insurerTenantId, status: from, claimedById: row.claimedById },
        data: { status: to_status, claimedById: to.id, claimedByName: to.name, claimedByKind: 'mediator', claimedAt: now },
      });
      if (count === 0) {
        const current = (await this.find(tx, reference)) ?? row;
        failure = { outcome: 'conflict', row: current, error: conflict('The case changed meanwhile; reload it', { status: current.status, allowed: allowedTransitions(statusOf(current)), holder: holderOf(current) }) };
        return row;
      }
      const updated = await tx.case.findUniqueOrThrow({ where: { id: row.id } });
      await tx.caseEvent.create({ data: { caseId: row.id, type: 'assign', actorType: actor.type, actorId: actor.id, data: JSON.stringify({ from: row.claimedById, to: to.id, status: to_status }), createdAt: now } });
      await this.audit(tx, actor, 'case.assign', row, now, { fromHolder: row.claimedById, toHolder: to.id, from, to: to_status });
      await emitCaseEvent(tx, 'case.updated', updated, now, 'assign');
      return updated;
    });
    if (!result) return this.missing(actor, 'case.assign', reference, now);
    if (failure) {
      const f = failure as { outcome: 'conflict' | 'denied'; error: AppError; row: CaseRow };
      await this.audit(this.db, actor, 'case.assign', f.row, now, { toHolder: to.id }, f.outcome);
      throw f.error;
    }
    return this.withDuplicates(result, now);
  }

  private async withDuplicates(row: CaseRow, now: Date): Promise<CaseDetail> {
    return detailOf(row, now, (await this.duplicatesOf([row])).get(row.id));
  }

  /**
   * Moves a case along the workflow. The UPDATE is conditional on the status just read, so a change
   * made in between makes this one fail with 409 instead of silently overwriting it.
   */
  async transition(reference: string, to: CaseStatus, actor: Actor, now: Date = new Date(), options: { action?: string; reason?: string; allowedFrom?: readonly CaseStatus[] } = {}): Promise<CaseDetail> {
    const action = options.action ?? 'case.status';
    let failure: { outcome: 'conflict' | 'denied'; error: AppError; row: CaseRow } | null = null;
    const result = await this.db.$transaction(async (tx) => {
      const row = await this.find(tx, reference);
      if (!row) return null;
      const from = statusOf(row);
      const reopening = action === 'case.reopen';
      if (options.allowedFrom ? !options.allowedFrom.includes(from) : !canTransition(from, to)) {
        const allowed = allowedTransitions(from);
        failure = { outcome: 'conflict', row, error: conflict(`A ${from} case cannot become ${to}`, { status: from, allowed, holder: holderOf(row) }) };
        return row;
      }
      if (reopening && row.anonymisedAt) {
        failure = { outcome: 'conflict', row, error: conflict('This case was anonymised; the patient must make a new request', { status: from, allowed: [] }) };
        return row;
      }
      // Reopening is for whoever takes the patient's call; everything else needs the holder, an admin, or a case a system token holds.
      if (!reopening && from !== 'new' && !mayWork(row, actor)) {
        failure = { outcome: 'denied', row, error: forbidden(`${row.claimedByName ?? 'Another mediator'} holds this case; ask them or an admin`, { holder: holderOf(row) }) };
        return row;
      }
      const data: Prisma.CaseUpdateManyMutationInput = { status: to };
      if (to === 'claimed') Object.assign(data, { claimedById: actor.id, claimedByName: actor.name, claimedByKind: holderKind(actor), claimedAt: now });
      if (to === 'new') Object.assign(data, { claimedById: null, claimedByName: null, claimedByKind: null, claimedAt: null });
      if (reopening) Object.assign(data, { claimedById: actor.id, claimedByName: actor.name, claimedByKind: holderKind(actor), claimedAt: now, finishedAt: null, closedReason: null });
      if (contactMadeStatuses.includes(to) && !row.firstContactAt && from !== 'new') data.firstContactAt = now;
      if (finishedStatuses.includes(to)) data.finishedAt = now;
      if (to === 'closed') data.closedReason = options.reason ?? null;
      const { count } = await tx.case.updateMany({ where: { id: row.id, insurerTenantId: this.insurerTenantId, status: from }, data });
      if (count === 0) {
        // Someone else changed it between our read and write: report the state they left.
        const current = (await this.find(tx, reference)) ?? row;
        failure = { outcome: 'conflict', row: current, error: conflict(`The case changed meanwhile; it is now ${current.status}`, { status: current.status, allowed: allowedTransitions(statusOf(current)) }) };
        return row;
      }
      const updated = (await tx.case.findUniqueOrThrow({ where: { id: row.id } }));
      if (reopening && options.reason) {
        await tx.caseNote.create({ data: { caseId: row.id, authorId: actor.id ?? actor.type, authorName: actor.name ?? actor.type, text: `${reopenNotePrefix}${options.reason}`, createdAt: now } });
      }
      await tx.caseEvent.create({ data: { caseId: row.id, type: 'status', actorType: actor.type, actorId: actor.id, data: JSON.stringify({ from, to, ...(to === 'closed' || reopening ? { reason: true } : {}) }), createdAt: now } });
      await this.audit(tx, actor, action, row, now, { from, to });
      await emitCaseEvent(tx, 'case.updated', updated, now, action === 'case.status' ? `status:${to}` : action.replace('case.', ''));
      return updated;
    });
    if (!result) return this.missing(actor, action, reference, now);
    if (failure) {
      const f = failure as { outcome: 'conflict' | 'denied'; error: AppError; row: CaseRow };
      await this.audit(this.db, actor, action, f.row, now, { to }, f.outcome);
      throw f.error;
    }
    return this.withDuplicates(result, now);
  }

  async addNote(reference: string, text: string, actor: Actor, now: Date = new Date()): Promise<NoteView> {
    const note = await this.db.$transaction(async (tx) => {
      const row = await this.find(tx, reference);
      if (!row) return null;
      const created = await tx.caseNote.create({ data: { caseId: row.id, authorId: actor.id ?? actor.type, authorName: actor.name ?? actor.type, text, createdAt: now } });
      await tx.caseEvent.create({ data: { caseId: row.id, type: 'note', actorType: actor.type, actorId: actor.id, data: JSON.stringify({ noteId: created.id }), createdAt: now } });
      await this.audit(tx, actor, 'case.note.add', row, now, { noteId: created.id, length: text.length });
      // Receivers learn that a note exists, never its text (they read it with their token).
      await emitCaseEvent(tx, 'case.updated', row, now, 'note');
      return created;
    });
    if (!note) return this.missing(actor, 'case.note.add', reference, now);
    return { id: note.id, text: note.text, author: { id: note.authorId, name: note.authorName }, createdAt: note.createdAt.toISOString() };
  }

  async listNotes(reference: string, actor: Actor, now: Date = new Date()): Promise<NoteView[]> {
    const row = await this.find(this.db, reference);
    if (!row) return this.missing(actor, 'case.note.read', reference, now);
    const notes = await this.db.caseNote.findMany({ where: { caseId: row.id }, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] });
    await this.audit(this.db, actor, 'case.note.read', row, now, { count: notes.length });
    return notes.map((n) => ({ id: n.id, text: n.text, author: { id: n.authorId, name: n.authorName }, createdAt: n.createdAt.toISOString() }));
  }

  /**
   * Records the outcome. Allowed while the case is being worked (claimed, in progress) and once on a
   * finished case that has none yet; a recorded outcome is not overwritten, so reported figures hold.
   */
  async setOutcome(reference: string, outcome: Outcome, actor: Actor, now: Date = new Date()): Promise<CaseDetail> {
    let failure: { outcome: 'conflict' | 'denied'; error: AppError; row: CaseRow } | null = null;
    const result = await this.db.$transaction(async (tx) => {
      const row = await this.find(tx, reference);
      if (!row) return null;
      const status = statusOf(row);
      const open = status === 'claimed' || status === 'in_progress';
      if (status === 'new' || (!open && row.outcomeKind !== null)) {
        failure = { outcome: 'conflict', row, error: conflict(status === 'new' ? 'Claim the case before recording an outcome' : 'This finished case already has an outcome', { status, allowed: allowedTransitions(status) }) };
        return row;
      }
      if (!mayWork(row, actor)) {
        failure = { outcome: 'denied', row, error: forbidden(`${row.claimedByName ?? 'Another mediator'} holds this case; ask them or an admin`, { holder: holderOf(row) }) };
        return row;
      }
      const { count } = await tx.case.updateMany({
        where: { id: row.id, insurerTenantId: this.insurerTenantId, status: row.status, outcomeKind: row.outcomeKind },
        data: { outcome: JSON.stringify(outcome), outcomeKind: outcome.kind, daysSaved: daysSavedBy(outcome) },
      });
      if (count === 0) {
        failure = { outcome: 'conflict', row, error: conflict('The case changed meanwhile; reload it', { status: row.status, allowed: allowedTransitions(status) }) };
        return row;
      }
      const updated = await tx.case.findUniqueOrThrow({ where: { id: row.id } });
      await tx.caseEvent.create({ data: { caseId: row.id, type: 'outcome', actorType: actor.type, actorId: actor.id, data: JSON.stringify({ kind: outcome.kind }), createdAt: now } });
      await this.audit(tx, actor, 'case.outcome', row, now, { kind: outcome.kind });
      await emitCaseEvent(tx, 'case.updated', updated, now, 'outcome');
      return updated;
    });
    if (!result) return this.missing(actor, 'case.outcome', reference, now);
    if (failure) {
      const f = failure as { outcome: 'conflict' | 'denied'; error: AppError; row: CaseRow };
      await this.audit(this.db, actor, 'case.outcome', f.row, now, { kind: outcome.kind }, f.outcome);
      throw f.error;
    }
    return this.withDuplicates(result, now);
  }

  /** The figures insurers report: cases, outcomes, share helped, days and weeks saved, first contact on time. */
  async stats(actor: Actor, now: Date = new Date(), range: { from?: Date; to?: Date } = {}) {
    const where: Prisma.CaseWhereInput = {
      insurerTenantId: this.insurerTenantId,
      ...(range.from || range.to ? { createdAt: { ...(range.from ? { gte: range.from } : {}), ...(range.to ? { lt: range.to } : {}) } } : {}),
    };
    const weekWindow = weeklyWindowStart(now, statsWeeks);
    const [byStatus, byOutcome, saved, contacts, overdueOpen, recent] = await Promise.all([
      this.db.case.groupBy({ by: ['status'], where, _count: { _all: true } }),
      this.db.case.groupBy({ by: ['outcomeKind'], where: { ...where, outcomeKind: { not: null } }, _count: { _all: true } }),
      this.db.case.findMany({ where: { ...where, daysSaved: { not: null } }, select: { daysSaved: true } }),
      this.db.case.findMany({ where: { ...where, firstContactAt: { not: null }, firstContactDueAt: { not: null } }, select: { createdAt: true, firstContactAt: true, firstContactDueAt: true } }),
      this.db.case.count({ where: { ...where, status: { in: ['new', 'claimed'] }, firstContactAt: null, firstContactDueAt: { lt: now } } }),
      // The last weeks, whatever the range: the stats page shows the trend.
      this.db.case.findMany({ where: { insurerTenantId: this.insurerTenantId, createdAt: { gte: weekWindow } }, select: { createdAt: true, firstContactAt: true, firstContactDueAt: true, outcomeKind: true, daysSaved: true } }),
    ]);
    const statusCounts = Object.fromEntries(caseStatuses.map((s) => [s, byStatus.find((b) => b.status === s)?._count._all ?? 0]));
    const outcomeCounts = Object.fromEntries(['faster_place_found', 'no_faster_option', 'patient_declined', 'not_reachable'].map((k) => [k, byOutcome.find((b) => b.outcomeKind === k)?._count._all ?? 0]));
    const withOutcome = Object.values(outcomeCounts).reduce((a, b) => a + b, 0);
    const helped = outcomeCounts.faster_place_found ?? 0;
    const days = saved.map((s) => s.daysSaved ?? 0).sort((a, b) => a - b);
    const totalDays = days.reduce((a, b) => a + b, 0);
    const median = days.length === 0 ? null : days.length % 2 ? days[(days.length - 1) / 2]! : (days[days.length / 2 - 1]! + days[days.length / 2]!) / 2;
    const onTime = contacts.filter((c) => c.firstContactAt! <= c.firstContactDueAt!).length;
    // How long patients wait for the first call: the median in hours, from the request to the first contact.
    const hoursToContact = contacts.map((c) => (c.firstContactAt!.getTime() - c.createdAt.getTime()) / 3_600_000).sort((a, b) => a - b);
    const medianHours = hoursToContact.length === 0 ? null
      : hoursToContact.length % 2 ? hoursToContact[(hoursToContact.length - 1) / 2]! : (hoursToContact[hoursToContact.length / 2 - 1]! + hoursToContact[hoursToContact.length / 2]!) / 2;
    const round1 = (x: number) => Math.round(x * 10) / 10;
    const result = {
      insurer: this.insurerTenantId,
      from: range.from?.toISOString() ?? null,
      to: range.to?.toISOString() ?? null,
      cases: { total: Object.values(statusCounts).reduce((a, b) => a + b, 0), byStatus: statusCounts },
      outcomes: { total: withOutcome, byKind: outcomeCounts },
      helped,
      shareHelped: withOutcome === 0 ? null : round1((helped / withOutcome) * 100) / 100,
      daysSaved: { cases: days.length, total: totalDays, mean: days.length ? round1(totalDays / days.length) : null, median },
      weeksSaved: { total: round1(totalDays / 7), mean: days.length ? round1(totalDays / days.length / 7) : null },
      perWeek: weeklyFigures(recent, now, statsWeeks),
      firstContact: { made: contacts.length, onTime, shareOnTime: contacts.length ? round1((onTime / contacts.length) * 100) / 100 : null, overdueOpen, medianHours: medianHours === null ? null : round1(medianHours) },
    };
    await this.audit(this.db, actor, 'stats.read', null, now, { from: result.from, to: result.to });
    return result;
  }
}
