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
