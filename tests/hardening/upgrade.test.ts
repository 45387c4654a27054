import { connect } from 'node:net';
import { EventEmitter } from 'node:events';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/server.ts';
import { parseUpgradeTarget } from '../../bot/channels/directline/stream.ts';
import { installProcessGuard } from '../../bot/processGuard.ts';
import { createLogger } from '../../bot/logger.ts';

/** Sends a raw WebSocket upgrade and returns the status line the server answers with. */
function rawUpgrade(url: string, target: string): Promise<string> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname, () => {
      socket.write(`GET ${target} HTTP/1.1\r\nHost: ${hostname}:${port}\r\nConnection: Upgrade\r\nUpgrade: websocket\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n`);
    });
    let data = '';
    socket.on('data', (chunk) => (data += chunk.toString('latin1')));
    socket.on('close', () => resolve(data.split('\r\n')[0] ?? ''));
    socket.on('error', reject);
    socket.setTimeout(5000, () => socket.destroy(new Error('no answer')));
  });
}

describe('a malformed WebSocket upgrade gets a 400 and the server serves on (defect 1)', () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer();
  });
  afterAll(async () => s.close());

  it.each([
    ['bad percent-encoding in the conversation id', '/v3/directline/conversations/%E0%A4%A/stream'],
    ['an invalid request target', '//[x'],
    ['a watermark that is not a number', '/v3/directline/conversations/abc/stream?watermark=x'],
  ])('%s', async (_name, target) => {
    expect(await rawUpgrade(s.url, target)).toMatch(/^HTTP\/1\.1 400 /);
    const health = await fetch(`${s.url}/healthz`);
    expect(health.status).toBe(200);
  });

  it('an upgrade on a path that is not a stream is 404, not a hanging socket', async () => {
    expect(await rawUpgrade(s.url, '/api/messages')).toMatch(/^HTTP\/1\.1 404 /);
  });

  it('an upgrade without a token is 401', async () => {
    expect(await rawUpgrade(s.url, '/v3/directline/conversations/abc/stream')).toMatch(/^HTTP\/1\.1 401 /);
  });

  it('parses the conversation id only from well-formed targets', () => {
    expect(parseUpgradeTarget('/v3/directline/conversations/a%20b/stream?t=x')).toMatchObject({ conversationId: 'a b' });
    expect(parseUpgradeTarget('/v3/directline/conversations/%E0%A4%A/stream')).toBe('malformed');
    expect(parseUpgradeTarget('//[x')).toBe('malformed');
    expect(parseUpgradeTarget('/elsewhere')).toBeNull();
  });
});

describe('the process-level guard', () => {
  it('logs an uncaught error at fatal level and keeps the process alive', () => {
    const proc = new EventEmitter();
    const lines: string[] = [];
    const logger = createLogger('info');
    const fatal = logger.fatal.bind(logger);
    logger.fatal = ((obj: unknown, msg: string) => void lines.push(`${msg} ${JSON.stringify(obj)}`)) as typeof fatal;
    const guard = installProcessGuard(logger, proc as never);
    proc.emit('uncaughtException', new Error('boom'));
    proc.emit('unhandledRejection', 'nope');
    expect(guard.caught()).toBe(2);
    expect(lines[0]).toMatch(/uncaught exception.*boom/);
    expect(lines[1]).toMatch(/unhandled promise rejection.*nope/);
  });
});
