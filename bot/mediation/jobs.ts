import type { Logger } from '../logger.ts';
import type { CaseStore } from '../data/caseStore.ts';
import type { OutboxStore } from '../data/outbox.ts';
import { startRetentionJob, type OncePerPeriod } from './retention.ts';
import { WebhookWorker } from './webhookWorker.ts';
import { guardedFetch } from './webhookFetch.ts';

/** The mediation side's background work (webhook delivery, daily retention), started by bot/main.ts. */
export function startMediationJobs(deps: { cases: CaseStore; outbox: OutboxStore; production: boolean }, logger: Logger, options: { oncePerPeriod?: OncePerPeriod } = {}) {
  // Production delivers only to public addresses, checked again on every connection (DNS rebinding).
  const worker = new WebhookWorker(deps.outbox, logger, { fetch: guardedFetch({ refusePrivate: deps.production }) });
  worker.start();
  const retention = startRetentionJob(deps.cases, logger, { oncePerPeriod: options.oncePerPeriod });
  return {
    async stop() {
      await Promise.all([worker.stop(), retention.stop()]);
    },
  };
}
