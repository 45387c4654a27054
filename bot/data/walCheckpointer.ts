import { once } from 'node:events';
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import { kindOf, sqliteConnection, type Db } from './db.ts';
import { sqliteFilePath } from './databaseUrl.ts';

/**
 * SQLite's WAL checkpoints on a worker thread of their own. By default the connection whose
 * commit makes the WAL pass 1,000 pages copies them into the database file and syncs it, inside
 * that commit. better-sqlite3 is synchronous, so that copy and sync blocked the event loop of the
 * instance that happened to commit, and every request it was serving waited (`npm run
 * bench:storage` shows the turns' storage time with and without this thread). Here the main
 * connection never checkpoints; a thread with its own connection does, PASSIVE (it never blocks
 * a reader or a writer, it copies what no reader still needs), ten times a second.
 *
 * If the thread cannot start or stops by itself, the connection checkpoints again as before:
 * the WAL must never grow without end.
 */
export interface WalCheckpointer {
  /** Ends the thread (shutdown); the connection checkpoints by itself again. */
  stop(): Promise<void>;
}

export const defaultCheckpointEveryMs = 100;
// SQLite's own default, restored when the thread is gone.
const autoCheckpointPages = 1000;
// A WAL that once grew (a long read held its pages) is cut back to this size when it is reused.
const journalSizeLimitBytes = 64 * 1024 * 1024;

// The thread's code, plain CommonJS (no TypeScript loader in worker threads under every runner).
const threadCode = `
const { workerData, parentPort } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.file, { fileMustExist: true });
const checkpoint = () => {
  try {
    db.pragma('wal_checkpoint(PASSIVE)');
  } catch {
    // busy or locked: the next round catches up
  }
};
const timer = setInterval(checkpoint, workerData.everyMs);
parentPort.on('message', (message) => {
  if (message !== 'stop') return;
  clearInterval(timer);
  checkpoint();
  db.close();
  parentPort.close();
});
parentPort.postMessage('ready');
`;

const noCheckpointer: WalCheckpointer = { stop: async () => undefined };

/** Starts the checkpoint thread for a SQLite database (PostgreSQL: nothing to do). */
export async function startWalCheckpointer(db: Db, databaseUrl: string, options: { everyMs?: number; onProblem?: (message: string) => void } = {}): Promise<WalCheckpointer> {
  if (kindOf(db) !== 'sqlite') return noCheckpointer;
  const connection = await sqliteConnection(db);
  if (!connection) return noCheckpointer;
  const restore = () => {
    try {
      if (connection.open) connection.pragma(`wal_autocheckpoint = ${autoCheckpointPages}`);
    } catch {
      // the connection is closing
    }
  };
  const worker = new Worker(threadCode, {
    eval: true,
    workerData: { driver: createRequire(import.meta.url).resolve('better-sqlite3'), file: sqliteFilePath(databaseUrl), everyMs: options.everyMs ?? defaultCheckpointEveryMs },
  });
  let stopping = false;
  const failed = (error: Error) => options.onProblem?.(`WAL checkpoint thread failed: ${error.message}`);
  // once() leaves no listener behind and rejects when the thread fails before it is ready.
  const started = await once(worker, 'message').then(
    () => true,
    (error: Error) => {
      failed(error);
      return false;
    },
  );
  if (!started) {
    await worker.terminate();
    return noCheckpointer;
  }
  connection.pragma(`journal_size_limit = ${journalSizeLimitBytes}`);
  connection.pragma('wal_autocheckpoint = 0');
  worker.on('error', failed);
  worker.once('exit', () => {
    if (!stopping) options.onProblem?.('WAL checkpoint thread stopped; the connection checkpoints by itself again');
    restore();
  });
  // The thread never keeps the process alive (tests, scripts, shutdown).
  worker.unref();
  return {
    async stop() {
      if (stopping) return;
      stopping = true;
      restore();
      const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
      // Held until it has gone: at shutdown it may be the last thing keeping the process alive.
      worker.ref();
      worker.postMessage('stop');
      await Promise.race([exited, new Promise<void>((resolve) => setTimeout(resolve, 2000).unref())]);
      await worker.terminate();
    },
  };
}
