import { describe, expect, it } from 'vitest';
import { freePort, startServerProcess } from '../support/serverProcess.ts';
import { freshDatabase } from '../support/db.ts';

const startProcess = (databaseUrl: string, port: number) => startServerProcess(databaseUrl, port);

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
