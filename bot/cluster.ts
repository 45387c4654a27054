import { availableParallelism } from 'node:os';

/**
 * How many server processes to run on one port when --workers / WORKERS is not given: one per
 * core (a turn is CPU-bound in the process), at most 8 (they share one database).
 */
export function defaultWorkers(cores = availableParallelism()): number {
  return Math.max(1, Math.min(8, cores));
}

/** --workers N from the command line, else WORKERS from the environment, else the default. */
export function workersFrom(argv: readonly string[], env: NodeJS.ProcessEnv, cores = availableParallelism()): number {
  const i = argv.indexOf('--workers');
  const raw = i >= 0 ? argv[i + 1] : env.WORKERS;
  if (raw === undefined || raw === '') return defaultWorkers(cores);
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1 || n > 64) throw new Error(`--workers must be a whole number from 1 to 64, not "${raw}"`);
  return n;
}

/** The message a worker sends (and is sent) when a Direct Line conversation has new activities. */
interface Notice {
  directLineActivities: string;
}
const isNotice = (m: unknown): m is Notice => typeof (m as Notice | null)?.directLineActivities === 'string';

/**
 * The primary of `--workers N` (node:cluster, one port): forks the workers, replaces one that
 * dies, relays "new activities" notices between them (a WebSocket on one worker hears of a reply
 * written by another at once, not at its next poll), and on SIGTERM/SIGINT lets every worker
 * shut down gracefully before it exits. Never resolves.
 */
export async function runPrimary(workers: number, log: (line: string) => void = (l) => process.stderr.write(`${l}\n`)): Promise<never> {
  const cluster = (await import('node:cluster')).default;
  let stopping = false;
  let alive = 0;
  const fork = () => {
    const worker = cluster.fork();
    alive += 1;
    worker.on('message', (message: unknown) => {
      if (!isNotice(message)) return;
      for (const other of Object.values(cluster.workers ?? {})) if (other && other !== worker && other.isConnected()) other.send(message);
    });
  };
  for (let i = 0; i < workers; i++) fork();
  cluster.on('exit', (worker, code, signal) => {
    alive -= 1;
    if (stopping) {
      if (alive === 0) process.exit(0);
      return;
    }
    log(`worker ${worker.process.pid} stopped (${signal ?? code}); starting another`);
    fork();
  });
  const stop = () => {
    if (stopping) return;
    stopping = true;
    for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill('SIGTERM');
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
  return new Promise<never>(() => undefined);
}

/**
 * In a cluster worker: tells the other workers (through the primary) of every conversation the
 * notifier announces, and announces theirs here. Outside a cluster it does nothing.
 */
export function shareNoticesAcrossWorkers(notifier: { notify(conversationId: string): void }): void {
  if (!process.send || !process.env.NODE_UNIQUE_ID) return;
  const notifyLocally = notifier.notify.bind(notifier);
  notifier.notify = (conversationId: string) => {
    if (process.connected) process.send!({ directLineActivities: conversationId } satisfies Notice);
    notifyLocally(conversationId);
  };
  process.on('message', (message: unknown) => {
    if (isNotice(message)) notifyLocally(message.directLineActivities);
  });
}
