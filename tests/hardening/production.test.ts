import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../../bot/data/databaseUrl.ts';
import { loadConfig } from '../../bot/config.ts';
import { freshDatabase } from '../support/db.ts';

const freePort = () =>
  new Promise<number>((resolve) => {
    const srv = createServer().listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });

describe('production mode with the README variable names (defect 6)', () => {
  it('starts with MicrosoftAppId / MicrosoftAppPassword / MicrosoftAppTenantId, serves, and verifies Bot Framework tokens', async () => {
    const { url: databaseUrl, db } = await freshDatabase();
    await db.$disconnect();
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    // Only the README's names: none of the SDK's clientId / clientSecret / tenantId.
    const env: Record<string, string> = {
      PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp',
      NODE_ENV: 'production', DATABASE_URL: databaseUrl, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'info',
      PUBLIC_URL: 'https://wachtwijzer.example.nl',
      MicrosoftAppId: '00000000-0000-0000-0000-00000000abcd', MicrosoftAppPassword: 'not-a-real-secret', MicrosoftAppTenantId: '00000000-0000-0000-0000-0000000000ef',
    };
    const child = spawn(process.execPath, ['--import', 'tsx', 'bot/main.ts'], { cwd: projectRoot, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout!.on('data', (d) => (out += String(d)));
    child.stderr!.on('data', (d) => (out += String(d)));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    try {
      const started = Date.now();
      while (!out.includes('"listening"')) {
        if (Date.now() - started > 75_000 || child.exitCode !== null) throw new Error(`server did not start: ${out}`);
        await new Promise((r) => setTimeout(r, 100));
      }
      expect(out).toContain('authentication on');
      expect((await fetch(`${base}/healthz`)).status).toBe(200);
      // Authentication is really on: an unsigned activity is refused.
      const r = await fetch(`${base}/api/messages`, {
        method: 'POST', headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ type: 'message', text: 'hi', channelId: 'msteams', serviceUrl: 'https://smba.trafficmanager.net/emea/', conversation: { id: 'c' }, from: { id: 'u' }, recipient: { id: 'b' } }),
      });
      expect(r.status).toBe(401);
      // The stream URL is the configured public one, whatever Host the caller sends.
      const gen = await fetch(`${base}/v3/directline/tokens/generate`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: 'Bearer nope' }, body: '{"tenant":"demo-verzekeraar"}' });
      expect(gen.status).toBeLessThan(500);
    } finally {
      child.kill('SIGTERM');
      await exited;
    }
    expect(out).not.toMatch(/ClientId required/);
  }, 120_000);

  it('refuses to start in production without PUBLIC_URL or without Bot Framework credentials', () => {
    expect(() => loadConfig({ NODE_ENV: 'production', MicrosoftAppId: 'x', MicrosoftAppPassword: 'y' })).toThrow(/PUBLIC_URL is required/);
    expect(() => loadConfig({ NODE_ENV: 'production', PUBLIC_URL: 'https://w.example' })).toThrow(/MicrosoftAppId/);
    expect(loadConfig({ NODE_ENV: 'production', PUBLIC_URL: 'https://w.example', MicrosoftAppId: 'x', MicrosoftAppPassword: 'y' }).botAuthEnabled).toBe(true);
  });
});
