/**
 * npm run bench:conversation [-- --patients 200 --seconds 60 --saturation-seconds 15 --workers 1]
 *
 * Real conversations over the self-hosted Direct Line on loopback, against the Wachtwijzer agent
 * and, in the same run and the same way, an echo agent on the same server, SDK, storage and
 * database (bench/conversationServer.ts, a separate process, as a real server would be). A
 * turn's latency is the time from sending the patient's message until the last reply of that
 * turn is readable (POST activity, then GET activities with the watermark).
 *   load:        N patients, each sending a turn every 2 s on average (exponential think time)
 *   saturation:  the same patients with no think time: turns per second
 * Prints p50/p95/p99, errors and the ratios. Figures only; no pass/fail here.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { projectRoot } from '../bot/data/databaseUrl.ts';
import { answerFor, keesFirstMessage } from '../tests/support/patientAnswers.ts';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const patients = arg('patients', 200);
const seconds = arg('seconds', 60);
const saturationSeconds = arg('saturation-seconds', 15);
const thinkMs = 2000;
const workers = arg('workers', 1);

type Activity = { id?: string; type: string; from?: { id: string }; text?: string; channelData?: { slot?: string; caseReference?: string }; suggestedActions?: { actions: { title?: string; value?: unknown }[] } };

const child = spawn(join(projectRoot, 'node_modules/.bin/tsx'), ['bench/conversationServer.ts'], {
  cwd: projectRoot,
  stdio: ['ignore', 'pipe', 'inherit'],
  env: { ...process.env, BENCH_WORKERS: String(workers) },
});
const port = await new Promise<number>((resolve, reject) => {
  let out = '';
  child.stdout!.on('data', (d) => {
    out += String(d);
    const m = /PORT (\d+)/.exec(out);
    if (m) resolve(Number(m[1]));
  });
  child.on('exit', (code) => reject(new Error(`bench server exited with ${code}`)));
});
const base = `http://127.0.0.1:${port}`;

interface Patient {
  dl: string;
  conversationId: string;
  token: string;
  watermark: string;
  userId: string;
  lastBot: Activity[];
  cases: number;
}

async function openPatient(prefix: string, n: number): Promise<Patient> {
  const json = { 'content-type': 'application/json' };
  const dl = `${base}${prefix}/v3/directline`;
  const gen = (await (await fetch(`${dl}/tokens/generate`, { method: 'POST', headers: { ...json, origin: 'http://localhost:8080' }, body: '{"tenant":"demo-verzekeraar","locale":"nl"}' })).json()) as { token: string; conversationId: string };
  const p: Patient = { dl, conversationId: gen.conversationId, token: gen.token, watermark: '', userId: `bench-${n}`, lastBot: [], cases: 0 };
  await fetch(`${dl}/conversations`, { method: 'POST', headers: { ...json, authorization: `Bearer ${p.token}` }, body: JSON.stringify({ user: { id: p.userId } }) });
  await readNew(p);
  return p;
}

async function readNew(p: Patient): Promise<Activity[]> {
  const r = await fetch(`${p.dl}/conversations/${p.conversationId}/activities?watermark=${p.watermark}`, { headers: { authorization: `Bearer ${p.token}` } });
  if (!r.ok) throw new Error(`poll ${r.status}`);
  const body = (await r.json()) as { activities: Activity[]; watermark: string };
  p.watermark = body.watermark;
  const bot = body.activities.filter((a) => a.from?.id !== p.userId && a.type === 'message');
  if (bot.length) p.lastBot = bot;
  return bot;
}

/**
 * The next thing a patient says: answer the slot asked; after a case, start over (a real
 * patient files one request per conversation, then asks anew from the beginning).
 */
function nextMessage(p: Patient, echoAgent: boolean): string {
  if (echoAgent) return 'Hoe lang is de wachttijd voor de oogarts in het Maasstad?';
  if (p.lastBot.some((a) => a.channelData?.caseReference)) {
    p.cases += 1;
    return 'opnieuw beginnen';
  }
  const ask = [...p.lastBot].reverse().find((a) => a.channelData?.slot);
  if (!ask) return keesFirstMessage;
  return answerFor(ask.channelData!.slot!, ask.suggestedActions?.actions ?? []);
}

async function turn(p: Patient, echoAgent: boolean): Promise<number> {
  const started = performance.now();
  const r = await fetch(`${p.dl}/conversations/${p.conversationId}/activities`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${p.token}` },
    body: JSON.stringify({ type: 'message', text: nextMessage(p, echoAgent), from: { id: p.userId }, locale: 'nl' }),
  });
  if (!r.ok) throw new Error(`send ${r.status}`);
  const replies = await readNew(p);
  if (replies.length === 0) throw new Error('no reply readable after the turn');
  return performance.now() - started;
}

const percentile = (sorted: number[], q: number) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]! : NaN);
const exponential = (mean: number) => -Math.log(1 - Math.random()) * mean;

async function run(prefix: string, echoAgent: boolean, withThink: boolean, durationS: number) {
  const list = await Promise.all(Array.from({ length: patients }, (_, i) => openPatient(prefix, i)));
  const latencies: number[] = [];
  let errors = 0;
  const end = Date.now() + durationS * 1000;
  await Promise.all(
    list.map(async (p) => {
      if (withThink) await new Promise((r) => setTimeout(r, Math.random() * thinkMs));
      while (Date.now() < end) {
        try {
          latencies.push(await turn(p, echoAgent));
        } catch {
          errors += 1;
        }
        if (withThink) await new Promise((r) => setTimeout(r, exponential(thinkMs)));
      }
    }),
  );
  latencies.sort((a, b) => a - b);
  return {
    turns: latencies.length,
    errors,
    perSecond: latencies.length / durationS,
    p50: percentile(latencies, 0.5),
    p95: percentile(latencies, 0.95),
    p99: percentile(latencies, 0.99),
    cases: list.reduce((n, p) => n + p.cases, 0),
  };
}

const fmt = (x: number) => x.toFixed(1).padStart(7);
process.stdout.write(`bench:conversation — ${patients} patients, load ${seconds} s (think time ${thinkMs} ms), saturation ${saturationSeconds} s, SQLite, loopback, ${workers} server process(es)\n\n`);
const loadWw = await run('', false, true, seconds);
const loadEcho = await run('/echo', true, true, seconds);
process.stdout.write('load             turns   errors   turns/s    p50 ms    p95 ms    p99 ms\n');
process.stdout.write(`wachtwijzer  ${String(loadWw.turns).padStart(9)} ${String(loadWw.errors).padStart(8)} ${fmt(loadWw.perSecond)}   ${fmt(loadWw.p50)}   ${fmt(loadWw.p95)}   ${fmt(loadWw.p99)}   (${loadWw.cases} cases stored)\n`);
process.stdout.write(`echo agent   ${String(loadEcho.turns).padStart(9)} ${String(loadEcho.errors).padStart(8)} ${fmt(loadEcho.perSecond)}   ${fmt(loadEcho.p50)}   ${fmt(loadEcho.p95)}   ${fmt(loadEcho.p99)}\n`);
process.stdout.write(`ratio p95 wachtwijzer/echo: ${(loadWw.p95 / loadEcho.p95).toFixed(2)}   target: wachtwijzer p95 ≤ 50 ms, no errors\n\n`);

const satWw = await run('', false, false, saturationSeconds);
const satEcho = await run('/echo', true, false, saturationSeconds);
process.stdout.write('saturation     turns/s    p50 ms    p95 ms   errors\n');
process.stdout.write(`wachtwijzer  ${fmt(satWw.perSecond)}   ${fmt(satWw.p50)}   ${fmt(satWw.p95)}   ${satWw.errors}\n`);
process.stdout.write(`echo agent   ${fmt(satEcho.perSecond)}   ${fmt(satEcho.p50)}   ${fmt(satEcho.p95)}   ${satEcho.errors}\n`);
process.stdout.write(`ratio turns/s wachtwijzer/echo: ${(satWw.perSecond / satEcho.perSecond).toFixed(2)}   target ≥ 0.5\n`);

child.kill('SIGTERM');
process.exit(0);
