import type { CaseStore } from '../data/caseStore.ts';
import type { Logger } from '../logger.ts';

/**
 * Retention: anonymises resolved and closed cases once their tenant's retentionDays have passed.
 * The clock is injected so tests can move time; returns how many cases were anonymised.
 */
export async function runRetention(cases: Pick<CaseStore, 'anonymiseExpired'>, now: Date): Promise<number> {
  return cases.anonymiseExpired(now);
}

/**
 * Erasure on the patient's request: cases not yet picked up are deleted, the others lose the
 * patient's data. For the conversation: `services.eraseCasesForConversation(conversationId)`.
 */
export function eraseCasesForConversation(cases: Pick<CaseStore, 'eraseForConversation'>, now: () => Date = () => new Date()) {
  return (conversationId: string) => cases.eraseForConversation(conversationId, now());
}

const dayMs = 86_400_000;

/**
 * Runs `work` on this instance only when no other instance ran it this period (a lease in the
 * database, bot/data/jobLease.ts); the default runs it always (one instance, tests).
 */
export type OncePerPeriod = (name: string, work: () => Promise<number>) => Promise<{ ran: true; result: number } | { ran: false }>;
const always: OncePerPeriod = async (_name, work) => ({ ran: true, result: await work() });

/** Runs retention now and then daily (on one instance a day when `oncePerPeriod` is a lease); stop() clears the timer. */
export function startRetentionJob(cases: Pick<CaseStore, 'anonymiseExpired'>, logger: Logger, options: { now?: () => Date; intervalMs?: number; oncePerPeriod?: OncePerPeriod } = {}) {
  const now = options.now ?? (() => new Date());
  const once = options.oncePerPeriod ?? always;
  let running: Promise<unknown> = Promise.resolve();
  const run = () => {
    running = once('case-retention', () => runRetention(cases, now()))
      .then((outcome) =>
        outcome.ran ? logger.info({ anonymised: outcome.result }, 'retention job ran') : logger.debug('retention job: another instance ran it this period'),
      )
      .catch((e: unknown) => logger.error({ err: { message: (e as Error).message } }, 'retention job failed'));
  };
  run();
  const timer = setInterval(run, options.intervalMs ?? dayMs);
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
