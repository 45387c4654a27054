import { randomUUID } from 'node:crypto';
import type { Logger } from '../logger.ts';
import type { ClaimedDelivery, OutboxStore } from '../data/outbox.ts';
import { deliveryHeader, eventHeader, signatureHeader, signWebhook, timestampHeader } from './webhookSignature.ts';

export interface WebhookWorkerOptions {
  fetch?: typeof fetch;
  now?: () => Date;
  /** Rows a worker holds per round. */
  batchSize?: number;
  /** Must exceed the request timeout, or a slow delivery could be taken over while still running. */
  leaseMs?: number;
  timeoutMs?: number;
  pollMs?: number;
  /** First retry after baseDelayMs, doubling up to maxDelayMs; the row fails after maxAttempts. */
  baseDelayMs?: number;
  maxDelayMs?: number;
  maxAttempts?: number;
  /** 0..1 spread on each delay so receivers that were down are not hit by every sender at once. */
  jitter?: () => number;
}

/** Exponential backoff: base · 2^(attempt−1), capped, with ±20 % jitter. */
export function backoffMs(attempt: number, base: number, max: number, jitter: number): number {
  const raw = Math.min(max, base * 2 ** Math.max(0, attempt - 1));
  return Math.round(raw * (0.8 + 0.4 * jitter));
}

/**
 * Delivers the outbox: takes due rows with a lease, POSTs each signed body, logs every attempt and
 * retries with backoff. At-least-once: a crash after the receiver answered but before the row was
 * marked means one more delivery with the same X-Wachtwijzer-Delivery id, which receivers deduplicate.
 */
export class WebhookWorker {
  private readonly owner = `worker-${randomUUID()}`;
  private readonly o: Required<WebhookWorkerOptions>;
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<unknown> | null = null;
  private stopped = true;

  constructor(
    private readonly outbox: OutboxStore,
    private readonly logger: Logger,
    options: WebhookWorkerOptions = {},
  ) {
    this.o = {
      fetch: options.fetch ?? fetch,
      now: options.now ?? (() => new Date()),
      batchSize: options.batchSize ?? 20,
      leaseMs: options.leaseMs ?? 60_000,
      timeoutMs: options.timeoutMs ?? 10_000,
      pollMs: options.pollMs ?? 2_000,
      baseDelayMs: options.baseDelayMs ?? 10_000,
      maxDelayMs: options.maxDelayMs ?? 3_600_000,
      // With the defaults: 10 s, 20 s, … capped at an hour; about 12 hours in all.
      maxAttempts: options.maxAttempts ?? 20,
      jitter: options.jitter ?? Math.random,
    };
  }

  /** One round: deliver whatever is due now. Returns the number of rows attempted. */
  async runOnce(): Promise<number> {
    const due = await this.outbox.claimDue(this.owner, this.o.now(), this.o.leaseMs, this.o.batchSize);
    await Promise.all(due.map((d) => this.deliver(d)));
    return due.length;
  }

  private async deliver(d: ClaimedDelivery): Promise<void> {
    const attempt = d.attempts + 1;
    const started = this.o.now();
    const t0 = performance.now();
    let statusCode: number | null = null;
    let error: string | null = null;
    if (!d.endpoint.active) {
      await this.outbox.recordAttempt(d.id, this.owner, { number: attempt, at: started, statusCode: null, error: 'endpoint switched off', durationMs: 0 }, { kind: 'failed' });
      return;
    }
    try {
      const timestamp = Math.floor(started.getTime() / 1000);
      const response = await this.o.fetch(d.endpoint.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'user-agent': 'Wachtwijzer-Webhooks/1',
          [deliveryHeader]: d.id,
          [eventHeader]: d.eventType,
          [timestampHeader]: String(timestamp),
          [signatureHeader]: signWebhook(d.endpoint.secret, timestamp, d.payload),
        },
        body: d.payload,
        redirect: 'manual',
        signal: AbortSignal.timeout(this.o.timeoutMs),
      });
      statusCode = response.status;
      await response.arrayBuffer().catch(() => undefined);
      if (!response.ok) error = `HTTP ${response.status}`;
    } catch (e) {
      error = (e as Error).name === 'TimeoutError' ? 'timeout' : `network: ${(e as Error).message}`.slice(0, 300);
    }
    const durationMs = Math.round(performance.now() - t0);
    const next =
      error === null
        ? ({ kind: 'delivered' } as const)
        : attempt >= this.o.maxAttempts
          ? ({ kind: 'failed' } as const)
          : ({ kind: 'retry', at: new Date(this.o.now().getTime() + backoffMs(attempt, this.o.baseDelayMs, this.o.maxDelayMs, this.o.jitter())) } as const);
    await this.outbox.recordAttempt(d.id, this.owner, { number: attempt, at: started, statusCode, error, durationMs }, next);
    if (error) this.logger.warn({ delivery: d.id, attempt, statusCode, error, next: next.kind }, 'webhook delivery failed');
  }

  /** Polls until stop(). */
  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    const tick = () => {
      if (this.stopped) return;
      this.running = this.runOnce()
        .catch((e: unknown) => this.logger.error({ err: { message: (e as Error).message } }, 'webhook worker round failed'))
        .finally(() => {
          this.running = null;
          if (!this.stopped) this.timer = setTimeout(tick, this.o.pollMs);
        });
    };
    tick();
  }

  /** Stops polling and waits for the round in flight (its leases are released as it finishes). */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.running;
  }
}
