import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../../bot/data/databaseUrl.ts';
import { freshDatabase } from '../support/db.ts';

const freePort = () =>
  new Promise<number>((resolve) => {
    const srv = createServer().listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });

async function startProcess(databaseUrl: string, port: number): Promise<{ child: ChildProcess; output: () => string; exited: Promise<number | null> }> {
  const child = spawn(join(projectRoot, 'node_modules/.bin/tsx'), ['bot/main.ts'], {
    cwd: projectRoot,
    env: { ...process.env, DATABASE_URL: databaseUrl, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'info', NODE_ENV: 'development' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (d) => (out += String(d)));
  child.stderr!.on('data', (d) => (out += String(d)));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const start = Date.now();
  while (!out.includes('Wachtwijzer is running')) {
    if (Date.now() - start > 60_000) throw new Error(`server did not start: ${out}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return { child, output: () => out, exited };
}

describe('the server as a process', () => {
  it('prints its URLs and demo accounts, keeps a conversation across a restart, and stops cleanly on SIGTERM', async () => {
    const { url: databaseUrl, db } = await freshDatabase();
    await db.$disconnect();
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    const first = await startProcess(databaseUrl, port);
    expect(first.output()).toContain(`/v3/directline`);
    expect(first.output()).toContain('mediator@demo-verzekeraar.test');

    const gen = await (await fetch(`${base}/v3/directline/tokens/generate`, { method: 'POST', headers: { 'content-type': 'application/json', origin: base }, body: '{"tenant":"demo-verzekeraar"}' })).json() as { token: string; conversationId: string };
    const auth = { authorization: `Bearer ${gen.token}`, 'content-type': 'application/json' };
    await fetch(`${base}/v3/directline/conversations`, { method: 'POST', headers: auth });
    await fetch(`${base}/v3/directline/conversations/${gen.conversationId}/activities`, { method: 'POST', headers: auth, body: JSON.stringify({ type: 'message', text: 'Kan mijn zorgverzekeraar voor mij bemiddelen?', from: { id: 'p1' } }) });

    first.child.kill('SIGTERM');
    expect(await first.exited).toBe(0);
    expect(first.output()).toContain('stopped');

    const second = await startProcess(databaseUrl, port);
    const page = await (await fetch(`${base}/v3/directline/conversations/${gen.conversationId}/activities`, { headers: auth })).json() as { activities: { text?: string; channelData?: { slot?: string } }[] };
    expect(page.activities.some((a) => a.channelData?.slot === 'consent')).toBe(true);
    // The state survived too: the next answer continues the question instead of starting over.
    await fetch(`${base}/v3/directline/conversations/${gen.conversationId}/activities`, { method: 'POST', headers: auth, body: '{"type":"message","text":"Ja, ik geef toestemming","from":{"id":"p1"}}' });
    const after = await (await fetch(`${base}/v3/directline/conversations/${gen.conversationId}/activities`, { headers: auth })).json() as { activities: { channelData?: { slot?: string } }[] };
    expect(after.activities.at(-1)?.channelData?.slot).toBe('fullName');
    second.child.kill('SIGTERM');
    expect(await second.exited).toBe(0);
  }, 60_000);
});
