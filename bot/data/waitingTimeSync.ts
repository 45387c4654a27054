/**
 * Import runs and the scheduled sync. Every import (command line or schedule) is recorded with
 * its outcome, so admins and the health details can see the last one. The schedule fetches
 * WAITING_TIMES_SYNC_URL every WAITING_TIMES_SYNC_DAYS days; a lease row in the database makes
 * sure only one instance imports at a time, and a crashed instance's lease simply expires.
 */
import { randomUUID } from 'node:crypto';
import type { Db } from './db.ts';
import type { LoadedReferenceData } from './referenceData.ts';
import type { Logger } from '../logger.ts';
import { describeSource, readSource, SourceError, type FetchOptions } from './waitingTimeSource.ts';
import { importWaitingTimes, type ImportOutcome } from './waitingTimeImporter.ts';
import { acquireLease, releaseLease } from './jobLease.ts';

export type RunTrigger = 'cli' | 'schedule';
export type RunStatus = 'running' | 'imported' | 'rejected' | 'failed';

/** A run as admins see it. */
export interface ImportRunView {
  id: string;
  trigger: RunTrigger;
  source: string;
  status: RunStatus;
  startedAt: string;
  finishedAt: string | null;
  summary: RunSummary;
}

/** The stored summary of a run (no patient data: only counts and record-level reasons). */
export interface RunSummary {
  format?: string;
  total?: number;
  imported?: number;
  created?: number;
  updated?: number;
  unchanged?: number;
  skipped?: number;
  skippedByReason?: Record<string, number>;
  providersCreated?: number;
  locationsCreated?: number;
  agbCodesLearnt?: number;
  reason?: string | null;
  /** The first unusable records, with number, reason code and reason. */
  problems?: { line: number; code: string; reason: string }[];
}

function summaryOf(outcome: ImportOutcome): RunSummary {
  return {
    format: outcome.format, total: outcome.total, imported: outcome.imported, created: outcome.created, updated: outcome.updated, unchanged: outcome.unchanged,
    skipped: outcome.skipped, skippedByReason: outcome.skippedByReason as Record<string, number>, providersCreated: outcome.providersCreated,
    locationsCreated: outcome.locationsCreated, agbCodesLearnt: outcome.agbCodesLearnt, reason: outcome.rejectedBecause, problems: outcome.errors.slice(0, 100),
  };
}

function toView(run: { id: string; trigger: string; source: string; status: string; startedAt: Date; finishedAt: Date | null; summary: string }): ImportRunView {
  let summary: RunSummary = {};
  try {
    summary = JSON.parse(run.summary) as RunSummary;
  } catch {
    // A summary is informative only; an unreadable one shows as empty.
  }
  return { id: run.id, trigger: run.trigger as RunTrigger, source: run.source, status: run.status as RunStatus, startedAt: run.startedAt.toISOString(), finishedAt: run.finishedAt?.toISOString() ?? null, summary };
}

/** Reads a source, imports it and records the run. Never throws for a bad source or file: the run says what happened. */
export async function runImport(
  db: Db,
  reference: LoadedReferenceData,
  source: string,
  trigger: RunTrigger,
  options: FetchOptions & { now?: () => Date } = {},
): Promise<{ run: ImportRunView; outcome: ImportOutcome | null }> {
  const now = options.now ?? (() => new Date());
  const started = await db.waitingTimeImportRun.create({ data: { trigger, source: describeSource(source), startedAt: now() } });
  let status: RunStatus;
  let summary: RunSummary;
  let outcome: ImportOutcome | null = null;
  try {
    const file = await readSource(source, options);
    outcome = await importWaitingTimes(db, reference, file.name, file.content, now());
    status = outcome.status;
    summary = summaryOf(outcome);
  } catch (error) {
    if (!(error instanceof SourceError)) {
      await db.waitingTimeImportRun.update({ where: { id: started.id }, data: { status: 'failed', finishedAt: now(), summary: JSON.stringify({ reason: `import failed: ${(error as Error).message}` }) } });
      throw error;
    }
    status = 'failed';
    summary = { reason: error.message };
  }
  const finished = await db.waitingTimeImportRun.update({ where: { id: started.id }, data: { status, finishedAt: now(), summary: JSON.stringify(summary) } });
  return { run: toView(finished), outcome };
}

/** The latest runs, newest first. */
export async function recentRuns(db: Db, take = 20): Promise<ImportRunView[]> {
  return (await db.waitingTimeImportRun.findMany({ orderBy: { startedAt: 'desc' }, take })).map(toView);
}

/** The last run and the last successful one: what the health details and the admin view show. */
export async function syncStatus(db: Db, schedule: { url: string | null; days: number }): Promise<{
  scheduled: boolean;
  everyDays: number;
  source: string | null;
  lastRun: ImportRunView | null;
  lastImported: ImportRunView | null;
  nextDueAt: string | null;
}> {
  const [last, lastImported, lastScheduled] = await Promise.all([
    db.waitingTimeImportRun.findFirst({ orderBy: { startedAt: 'desc' } }),
    db.waitingTimeImportRun.findFirst({ where: { status: 'imported' }, orderBy: { startedAt: 'desc' } }),
    db.waitingTimeImportRun.findFirst({ where: { trigger: 'schedule', status: 'imported' }, orderBy: { startedAt: 'desc' } }),
  ]);
  const nextDueAt = schedule.url ? (lastScheduled ? new Date(lastScheduled.startedAt.getTime() + schedule.days * 86_400_000).toISOString() : 'now') : null;
  return {
    scheduled: schedule.url !== null,
    everyDays: schedule.days,
    source: schedule.url ? describeSource(schedule.url) : null,
    lastRun: last ? toView(last) : null,
    lastImported: lastImported ? toView(lastImported) : null,
    nextDueAt,
  };
}

// ---------------------------------------------------------------------------------------------
// Lease (one instance at a time; bot/data/jobLease.ts)

export const SYNC_LEASE = 'waiting-times-sync';
const LEASE_MS = 30 * 60_000;

export interface SyncOptions extends FetchOptions {
  url: string;
  days: number;
  /** How often to check whether a sync is due; default hourly. */
  checkEveryMs?: number;
  now?: () => Date;
  owner?: string;
  /** Called after a successful import (e.g. to drop cached figures). */
  onImported?: (outcome: ImportOutcome) => void;
}

/** One check: imports when the last scheduled import is older than `days` and this instance gets the lease. */
export async function syncIfDue(db: Db, reference: LoadedReferenceData, logger: Logger, options: SyncOptions): Promise<'not_due' | 'leased_elsewhere' | RunStatus> {
  const now = options.now ?? (() => new Date());
  const owner = options.owner ?? `instance-${process.pid}-${randomUUID().slice(0, 8)}`;
  const due = async () => {
    const last = await db.waitingTimeImportRun.findFirst({ where: { trigger: 'schedule', status: 'imported' }, orderBy: { startedAt: 'desc' } });
    return !last || now().getTime() - last.startedAt.getTime() >= options.days * 86_400_000;
  };
  if (!(await due())) return 'not_due';
  if (!(await acquireLease(db, SYNC_LEASE, owner, now(), new Date(now().getTime() + LEASE_MS)))) return 'leased_elsewhere';
  try {
    // Another instance may have finished a run between our check and the lease.
    if (!(await due())) return 'not_due';
    const { run, outcome } = await runImport(db, reference, options.url, 'schedule', options);
    const log = run.status === 'imported' ? logger.info.bind(logger) : logger.warn.bind(logger);
    log({ status: run.status, source: run.source, summary: { ...run.summary, problems: run.summary.problems?.length ?? 0 } }, 'waiting-time sync ran');
    if (outcome?.status === 'imported') options.onImported?.(outcome);
    return run.status;
  } finally {
    await releaseLease(db, SYNC_LEASE, owner);
  }
}

/** Checks now and then every checkEveryMs; stop() waits for a run in progress. */
export function startWaitingTimeSync(db: Db, reference: LoadedReferenceData, logger: Logger, options: SyncOptions) {
  const owner = options.owner ?? `instance-${process.pid}-${randomUUID().slice(0, 8)}`;
  let running: Promise<unknown> = Promise.resolve();
  let busy = false;
  const tick = () => {
    if (busy) return;
    busy = true;
    running = syncIfDue(db, reference, logger, { ...options, owner })
      .catch((e: unknown) => logger.error({ err: { message: (e as Error).message } }, 'waiting-time sync failed'))
      .finally(() => (busy = false));
  };
  tick();
  const timer = setInterval(tick, options.checkEveryMs ?? 3_600_000);
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}

/** The health details' part: is the data being refreshed, and did the last run work? No problems listed. */
export async function waitingTimesHealth(db: Db, schedule: { url: string | null; days: number }) {
  const status = await syncStatus(db, schedule);
  const brief = (run: ImportRunView | null) =>
    run ? { status: run.status, trigger: run.trigger, finishedAt: run.finishedAt, imported: run.summary.imported ?? 0, skipped: run.summary.skipped ?? 0, reason: run.summary.reason ?? null } : null;
  return { sync: { scheduled: status.scheduled, everyDays: status.everyDays, nextDueAt: status.nextDueAt }, lastRun: brief(status.lastRun), lastImportedAt: status.lastImported?.finishedAt ?? null };
}
