import { describe, expect, it } from 'vitest';
import { freePort, startServerProcess } from '../support/serverProcess.ts';
import { createDb } from '../../bot/data/db.ts';
import { freshDatabase, onPostgres } from '../support/db.ts';
import { answerFor, keesFirstMessage } from '../support/patientAnswers.ts';

type Activity = { type: string; from?: { id: string }; text?: string; channelData?: { slot?: string; caseReference?: string }; suggestedActions?: { actions: { title?: string; value?: unknown }[] } };

const startProcess = (databaseUrl: string, port: number) => startServerProcess(databaseUrl, port, { LOG_LEVEL: 'warn', DATABASE_POOL_SIZE: '4' });

interface Patient {
  conversationId: string;
  headers: Record<string, string>;
}

async function open(base: string): Promise<Patient> {
  const gen = (await (await fetch(`${base}/v3/directline/tokens/generate`, { method: 'POST', headers: { 'content-type': 'application/json', origin: base }, body: '{"tenant":"demo-verzekeraar"}' })).json()) as { token: string; conversationId: string };
  const headers = { authorization: `Bearer ${gen.token}`, 'content-type': 'application/json' };
  await fetch(`${base}/v3/directline/conversations`, { method: 'POST', headers });
  return { conversationId: gen.conversationId, headers };
}

const send = (base: string, p: Patient, text: string) =>
  fetch(`${base}/v3/directline/conversations/${p.conversationId}/activities`, { method: 'POST', headers: p.headers, body: JSON.stringify({ type: 'message', text, from: { id: 'patient' } }) });

async function lastQuestion(base: string, p: Patient): Promise<Activity | undefined> {
  const page = (await (await fetch(`${base}/v3/directline/conversations/${p.conversationId}/activities`, { headers: p.headers })).json()) as { activities: Activity[] };
  return page.activities.filter((a) => a.type === 'message' && a.from?.id !== 'patient').at(-1);
}

describe.skipIf(!onPostgres)('instances as processes on one PostgreSQL database', () => {
  it('loses nothing and doubles nothing when one instance is killed (kill -9) during hand-offs; the other carries on', { timeout: 240_000 }, async () => {
    const { url: databaseUrl, db: setup } = await freshDatabase();
    await setup.$disconnect();
    const [portA, portB] = [await freePort(), await freePort()];
    const a = await startProcess(databaseUrl, portA);
    const b = await startProcess(databaseUrl, portB);
    const [baseA, baseB] = [`http://127.0.0.1:${portA}`, `http://127.0.0.1:${portB}`];
    try {
      // Six patients reach the final confirmation, their turns spread over both instances.
      const patients: Patient[] = [];
      for (let i = 0; i < 6; i++) {
        const p = await open(i % 2 ? baseA : baseB);
        await send(baseA, p, keesFirstMessage);
        for (let turn = 0; turn < 30; turn++) {
          const q = await lastQuestion(turn % 2 ? baseA : baseB, p);
          const slot = q?.channelData?.slot;
          if (!slot) throw new Error(`patient ${i} was not asked anything: ${q?.text}`);
          if (slot === 'confirm') break;
          await send(turn % 2 ? baseB : baseA, p, answerFor(slot, q.suggestedActions?.actions ?? []));
        }
        patients.push(p);
      }
      // All confirm on A at once; A dies while the hand-offs are in flight.
      const inFlight = patients.map((p) => send(baseA, p, 'Ja, dat klopt').then((r) => r.status, () => 'dropped'));
      await new Promise((r) => setTimeout(r, 150));
      a.child.kill('SIGKILL');
      await a.exited;
      await Promise.all(inFlight);
      // Each patient's client looks on B and, where no case was confirmed, sends the confirmation again.
      for (const p of patients) {
        const q = await lastQuestion(baseB, p);
        if (!q?.channelData?.caseReference) await send(baseB, p, 'Ja, dat klopt');
      }
      const db = createDb(databaseUrl, { poolSize: 2 });
      try {
        for (const p of patients) {
          const cases = await db.case.findMany({ where: { conversationId: p.conversationId } });
          expect(cases, `patient ${p.conversationId}: exactly one case`).toHaveLength(1);
          const q = await lastQuestion(baseB, p);
          const page = (await (await fetch(`${baseB}/v3/directline/conversations/${p.conversationId}/activities`, { headers: p.headers })).json()) as { activities: Activity[] };
          expect(page.activities.some((x) => x.channelData?.caseReference === cases[0]!.reference), `the patient was told the reference (${q?.text})`).toBe(true);
        }
      } finally {
        await db.$disconnect();
      }
      // B still serves a new patient.
      const fresh = await open(baseB);
      expect((await send(baseB, fresh, 'Wat is een Treeknorm?')).status).toBe(200);
      expect((await lastQuestion(baseB, fresh))?.text).toBeTruthy();
    } finally {
      a.child.kill('SIGKILL');
      b.child.kill('SIGTERM');
      await b.exited;
    }
  });
});
