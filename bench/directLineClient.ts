/**
 * The one Direct Line client of the conversation benchmarks: every target (Wachtwijzer, the echo
 * agent, the plain-Node echo server) is driven by this code, so their figures compare. A patient
 * opens a conversation as the widget does (tokens/generate, then conversations), sends a message
 * and then polls GET activities every 5 ms with its watermark until the reply to that message is
 * there. A turn's latency is the time from sending until the reply is read.
 *
 * Each patient has its own keep-alive connection, as each patient has their own phone or browser.
 * (One pool shared by all patients, as before, reused its most recent sockets and left the rest
 * idle: the server's workers then carried unequal shares, and a socket idle past the server's
 * keep-alive timeout was now and then reused just as the server closed it, an ECONNRESET no
 * browser shows its user.)
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { projectRoot } from '../bot/data/databaseUrl.ts';

export interface Activity {
  id?: string;
  type: string;
  from?: { id: string };
  replyToId?: string;
  text?: string;
  channelData?: { slot?: string; caseReference?: string };
  suggestedActions?: { actions: { title?: string; value?: unknown }[] };
}

// A browser keeps up to 6 connections per host; a patient's requests follow one another, so one is used.
const newConnection = () => new Agent({ keepAlive: true, maxSockets: 6 });
export const pollEveryMs = 5;
const replyTimeoutMs = 10_000;

/** A small JSON request over a keep-alive agent (less client CPU than fetch, the same for all targets). */
function call(agent: Agent, method: 'GET' | 'POST', url: URL, token: string | undefined, body?: unknown, origin?: string): Promise<{ status: number; json: unknown }> {
  return new Promise((resolve, reject) => {
    const payload = body === undefined ? undefined : JSON.stringify(body);
    const headers: Record<string, string | number> = {};
    if (payload !== undefined) {
      headers['content-type'] = 'application/json';
      headers['content-length'] = Buffer.byteLength(payload);
    }
    if (token) headers.authorization = `Bearer ${token}`;
    if (origin) headers.origin = origin;
    const req = request(url, { method, agent, headers }, (res) => {
      let data = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (data += chunk));
      res.on('end', () => {
        try {
          resolve({ status: res.statusCode ?? 0, json: data ? JSON.parse(data) : undefined });
        } catch (error) {
          reject(error as Error);
        }
      });
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(payload);
  });
}

export interface Patient {
  base: string;
  conversationId: string;
  token: string;
  watermark: string;
  userId: string;
  /** The bot's messages of the last turn. */
  lastBot: Activity[];
  turns: number;
  cases: number;
  /** The patient's own connection. */
  agent: Agent;
}

export async function openPatient(base: string, n: number): Promise<Patient> {
  const agent = newConnection();
  const gen = await call(agent, 'POST', new URL(`${base}/tokens/generate`), undefined, { tenant: 'demo-verzekeraar', locale: 'nl' }, 'http://localhost:8080');
  if (gen.status !== 200) throw new Error(`tokens/generate ${gen.status}`);
  const { token, conversationId } = gen.json as { token: string; conversationId: string };
  const p: Patient = { base, conversationId, token, watermark: '', userId: `bench-${n}`, lastBot: [], turns: 0, cases: 0, agent };
  const start = await call(agent, 'POST', new URL(`${base}/conversations`), token, { user: { id: p.userId } });
  if (start.status !== 200 && start.status !== 201) throw new Error(`conversations ${start.status}`);
  await pollUntil(p, (bot) => bot.length > 0);
  return p;
}

/**
 * New patients connect one after another, as patients arrive in life, not all in the same few
 * milliseconds: node:cluster hands a new connection to the worker that acknowledged its last one
 * first, so 200 connections opened at once went 130 to one worker and 70 to the other (the busier
 * one then set the tail), where connections arriving one by one alternate between the workers.
 */
async function openPatients(base: string, n: number): Promise<Patient[]> {
  const list: Patient[] = [];
  for (let i = 0; i < n; i++) list.push(await openPatient(base, i));
  return list;
}

async function readNew(p: Patient): Promise<Activity[]> {
  const r = await call(p.agent, 'GET', new URL(`${p.base}/conversations/${encodeURIComponent(p.conversationId)}/activities?watermark=${p.watermark}`), p.token);
  if (r.status !== 200) throw new Error(`poll ${r.status}`);
  const body = r.json as { activities: Activity[]; watermark: string };
  p.watermark = body.watermark;
  return body.activities.filter((a) => a.from?.id !== p.userId && a.type === 'message');
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Polls every 5 ms until `done` holds for the bot messages read since the last turn. */
async function pollUntil(p: Patient, done: (bot: Activity[]) => boolean): Promise<void> {
  const seen: Activity[] = [];
  const deadline = performance.now() + replyTimeoutMs;
  for (;;) {
    seen.push(...(await readNew(p)));
    if (done(seen)) {
      p.lastBot = seen;
      return;
    }
    if (performance.now() > deadline) throw new Error('no reply within 10 s');
    await sleep(pollEveryMs);
  }
}

/** One turn: send, then poll until a reply to this message is readable. Answers the latency in ms. */
export async function turn(p: Patient, text: string): Promise<number> {
  const started = performance.now();
  const sent = await call(p.agent, 'POST', new URL(`${p.base}/conversations/${encodeURIComponent(p.conversationId)}/activities`), p.token, { type: 'message', text, from: { id: p.userId }, locale: 'nl' });
  if (sent.status !== 200) throw new Error(`send ${sent.status}`);
  const id = (sent.json as { id: string }).id;
  await pollUntil(p, (bot) => bot.some((a) => a.replyToId === id));
  p.turns += 1;
  return performance.now() - started;
}

/** Closes the patients' connections (they leave). */
export function closePatients(list: Patient[]): void {
  for (const p of list) p.agent.destroy();
}

export interface RunResult {
  turns: number;
  errors: number;
  perSecond: number;
  p50: number;
  p95: number;
  p99: number;
  /** CPU time of the server's processes per turn (user + system), from /proc: robust on a busy machine. */
  serverCpuMsPerTurn: number;
  /** CPU time of this client process per turn (it shares the machine with the server). */
  clientCpuMsPerTurn: number;
  firstError?: string;
}

const percentile = (sorted: number[], q: number) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]! : NaN);
const exponential = (mean: number) => -Math.log(1 - Math.random()) * mean;

/**
 * N patients for `seconds`, each turn followed by an exponential think time (mean thinkMs; 0 = none).
 * `say` answers what a patient says next.
 */
export async function runPatients(opts: {
  base: string;
  patients: number;
  seconds: number;
  thinkMs: number;
  /** What the i-th patient says next. */
  say: (p: Patient, i: number) => string;
  serverPids: () => number[];
  /** Patients to go on with (their conversations continue where the previous run left them); else new ones. */
  continuing?: Patient[];
  onStart?: () => void;
  onTurn?: (ms: number) => void;
  onError?: (e: unknown) => void;
}): Promise<RunResult & { patientsUsed: Patient[] }> {
  const list = opts.continuing ?? (await openPatients(opts.base, opts.patients));
  const latencies: number[] = [];
  let errors = 0;
  let firstError: string | undefined;
  opts.onStart?.();
  const cpuBefore = cpuMs(opts.serverPids());
  const clientBefore = process.cpuUsage();
  const began = performance.now();
  const end = Date.now() + opts.seconds * 1000;
  await Promise.all(
    list.map(async (p, i) => {
      // New patients arrive spread over one think time; continuing ones are somewhere in their thinking.
      if (opts.thinkMs) await sleep(opts.continuing ? exponential(opts.thinkMs) : Math.random() * opts.thinkMs);
      while (Date.now() < end) {
        try {
          const ms = await turn(p, opts.say(p, i));
          latencies.push(ms);
          opts.onTurn?.(ms);
        } catch (error) {
          errors += 1;
          firstError ??= error instanceof Error ? error.message : String(error);
          opts.onError?.(error);
        }
        // A think time never runs past the end, so turns/s counts the run's own window.
        if (opts.thinkMs) await sleep(Math.min(exponential(opts.thinkMs), Math.max(0, end - Date.now())));
      }
    }),
  );
  const elapsedS = (performance.now() - began) / 1000;
  const cpu = cpuMs(opts.serverPids()) - cpuBefore;
  const client = process.cpuUsage(clientBefore);
  latencies.sort((a, b) => a - b);
  return {
    patientsUsed: list,
    turns: latencies.length,
    errors,
    perSecond: latencies.length / elapsedS,
    p50: percentile(latencies, 0.5),
    p95: percentile(latencies, 0.95),
    p99: percentile(latencies, 0.99),
    serverCpuMsPerTurn: latencies.length ? cpu / latencies.length : NaN,
    clientCpuMsPerTurn: latencies.length ? (client.user + client.system) / 1000 / latencies.length : NaN,
    ...(firstError ? { firstError } : {}),
  };
}

// ---- server processes -------------------------------------------------------------------------

const clockTicks = 100; // USER_HZ on Linux

/** The pid and every descendant (cluster workers). */
export function processTree(pid: number): number[] {
  const out = [pid];
  try {
    for (const task of readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean)) out.push(...processTree(Number(task)));
  } catch {
    // process gone or /proc unavailable
  }
  return out;
}

/** User + system CPU of the processes, in ms. */
export function cpuMs(pids: number[]): number {
  let ticks = 0;
  for (const pid of pids) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      ticks += Number(fields[11]) + Number(fields[12]);
    } catch {
      // gone
    }
  }
  return (ticks * 1000) / clockTicks;
}

/** Resident set size of the processes, in MB. */
export function rssMb(pids: number[]): number {
  let kb = 0;
  for (const pid of pids) {
    try {
      kb += Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);
    } catch {
      // gone
    }
  }
  return kb / 1024;
}

/** Starts a TypeScript server file under node (no tsx wrapper process) and waits for "PORT n". */
export async function startServer(file: string, env: Record<string, string> = {}, nodeArgs: string[] = []): Promise<{ child: ChildProcess; port: number; pids: () => number[] }> {
  // BENCH_SERVER_NODE_ARGS: extra flags for the server processes (cluster workers inherit them), to compare V8 settings.
  const extra = (process.env.BENCH_SERVER_NODE_ARGS ?? '').split(' ').filter(Boolean);
  const child = spawn(process.execPath, [...extra, ...nodeArgs, '--import', 'tsx', file], { cwd: projectRoot, stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, ...env } });
  const port = await new Promise<number>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (d) => {
      out += String(d);
      const m = /PORT (\d+)/.exec(out);
      if (m) resolve(Number(m[1]));
    });
    child.on('exit', (code) => reject(new Error(`${file} exited with ${code}`)));
  });
  return { child, port, pids: () => processTree(child.pid!) };
}
