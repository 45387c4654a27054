/**
 * npm run bench:storage [-- --turns 4000 --rounds 3]
 *
 * The storage part of a Direct Line turn on SQLite, in one process, without HTTP or the agent:
 * append the patient's activity, read and write the conversation state (eTag), append five
 * replies, read the page a poll reads. The same sequence runs on two fresh databases: with the
 * WAL checkpoints on their own thread (bot/data/walCheckpointer.ts, as the server runs) and with
 * SQLite's automatic checkpoints inside the commits. better-sqlite3 is synchronous, so the wall
 * time of a turn's storage is time the event loop of that instance is blocked. Prints the wall time
 * per turn (p50, p99, p99.9, max, how many above 2 ms) and the CPU per turn. Figures only.
 */
import { mkdirSync, rmSync } from 'node:fs';
import { availableParallelism, cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { projectRoot } from '../bot/data/databaseUrl.ts';
import { createDb, tuneSqlite } from '../bot/data/db.ts';
import { DirectLineStore } from '../bot/data/directLineStore.ts';
import { PrismaStorage } from '../bot/data/prismaStorage.ts';
import { SqliteHotPath } from '../bot/data/sqliteHotPath.ts';
import { startWalCheckpointer } from '../bot/data/walCheckpointer.ts';
import { deployMigrations } from '../scripts/migrate.ts';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  const value = i > 0 ? Number(process.argv[i + 1]) : fallback;
  if (!Number.isInteger(value) || value <= 0) throw new Error(`--${name} must be a positive whole number`);
  return value;
};
const turns = arg('turns', 4000);
const rounds = arg('rounds', 3);
const conversations = 200;

process.stdout.write(
  `bench:storage ${new Date().toISOString()}\nmachine: ${availableParallelism()} cores (${cpus()[0]?.model ?? 'unknown CPU'}), load average ${loadavg().map((l) => l.toFixed(2)).join(' ')}; node ${process.version}; SQLite\n` +
    `${turns} turns per round over ${conversations} conversations, ${rounds} rounds after a warm-up; per turn: 1 + 5 activities appended, state read and written, one page read\n\n`,
);

async function measure(label: string, withThread: boolean): Promise<void> {
  const dir = join(projectRoot, '.tmp/bench-storage', String(process.pid), withThread ? 'thread' : 'auto');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const url = `file:${join(dir, 'storage.db')}`;
  await deployMigrations(url);
  const db = createDb(url);
  await tuneSqlite(db);
  const checkpointer = withThread ? await startWalCheckpointer(db, url) : null;
  await db.tenant.create({ data: { id: 'bench', displayName: 'Bench', kind: 'insurer' } });
  const hot = new SqliteHotPath(db);
  const store = new DirectLineStore(db, hot);
  const storage = new PrismaStorage(db, hot);
  for (let i = 0; i < conversations; i++) await store.createConversation({ id: `c${i}`, tenantId: 'bench', locale: 'nl' });
  // About the sizes of the benchmark's real turns: a 2 kB state, replies of some 600 bytes each.
  const state = { conversation: { facts: 'x'.repeat(2000) } };
  const replies = Array.from({ length: 5 }, (_, i) => ({ type: 'message', text: `${'Een antwoord met wat tekst erin. '.repeat(18)}${i}` }));
  const turn = async (k: number) => {
    const id = `c${k % conversations}`;
    const key = `directline/bench/conversations/${id}`;
    await store.append(id, 'user', [{ type: 'message', text: 'Hoe lang is de wachttijd voor de oogarts in het Maasstad?' }]);
    const read = await storage.read([key]);
    await storage.write({ [key]: { ...state, eTag: (read[key] as { eTag?: string } | undefined)?.eTag ?? '*' } });
    await store.append(id, 'bot', replies);
    await store.sinceAsJson(id, 0, 6);
  };
  for (let k = 0; k < 2000; k++) await turn(k);
  for (let r = 0; r < rounds; r++) {
    const wall: number[] = [];
    const cpu = process.cpuUsage();
    for (let k = 0; k < turns; k++) {
      const began = performance.now();
      await turn(k);
      wall.push(performance.now() - began);
    }
    const used = process.cpuUsage(cpu);
    wall.sort((a, b) => a - b);
    const at = (q: number) => wall[Math.min(wall.length - 1, Math.floor(q * wall.length))]!.toFixed(2);
    process.stdout.write(
      `${label.padEnd(34)} wall per turn p50 ${at(0.5)} ms, p99 ${at(0.99)}, p99.9 ${at(0.999)}, max ${wall.at(-1)!.toFixed(2)}; ${wall.filter((w) => w > 2).length} above 2 ms; CPU ${((used.user + used.system) / turns).toFixed(0)} µs per turn\n`,
    );
  }
  await checkpointer?.stop();
  await db.$disconnect();
  rmSync(dir, { recursive: true, force: true });
}

await measure('checkpoints on their own thread', true);
await measure('SQLite automatic checkpoints', false);
rmSync(join(projectRoot, '.tmp/bench-storage', String(process.pid)), { recursive: true, force: true });
process.exit(0);
