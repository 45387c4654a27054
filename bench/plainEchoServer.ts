/**
 * The protocol's floor for bench:conversation: a plain-Node Direct Line 3.0 echo server, in
 * memory, with the same requests and answers as the real one (tokens/generate, conversations,
 * POST and GET activities with watermarks, Bearer tokens bound to a conversation). No framework,
 * no SDK, no database: what is left is HTTP and JSON on this machine. Run in its own process;
 * prints "PORT <n>" when it listens.
 */
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

interface Conversation {
  token: string;
  activities: Record<string, unknown>[];
}
const conversations = new Map<string, Conversation>();
const byToken = new Map<string, string>();
const bot = { id: 'echo', name: 'Echo', role: 'bot' };

function send(res: ServerResponse, status: number, body: unknown): void {
  const json = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(json) });
  res.end(json);
}

function readBody(req: IncomingMessage): Promise<unknown> {
  return new Promise((resolve) => {
    let data = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => (data += chunk));
    req.on('end', () => {
      try {
        resolve(data ? JSON.parse(data) : {});
      } catch {
        resolve(undefined);
      }
    });
  });
}

function append(id: string, c: Conversation, activity: Record<string, unknown>): string {
  const activityId = `${id}|${String(c.activities.length + 1).padStart(7, '0')}`;
  c.activities.push({ ...activity, id: activityId, conversation: { id }, timestamp: new Date().toISOString(), channelId: 'directline' });
  return activityId;
}

const server = createServer(async (req, res) => {
  const url = new URL(req.url ?? '/', 'http://localhost');
  const parts = url.pathname.split('/').filter(Boolean); // v3 directline ...
  if (parts[0] !== 'v3' || parts[1] !== 'directline') return send(res, 404, { error: 'not found' });
  const body = req.method === 'POST' ? await readBody(req) : undefined;
  if (body === undefined && req.method === 'POST') return send(res, 400, { error: 'invalid JSON' });
  if (req.method === 'POST' && parts[2] === 'tokens' && parts[3] === 'generate') {
    const id = randomBytes(16).toString('base64url');
    const token = `dlt_${randomBytes(32).toString('base64url')}`;
    conversations.set(id, { token, activities: [] });
    byToken.set(token, id);
    return send(res, 200, { conversationId: id, token, expires_in: 1800 });
  }
  const token = /^Bearer (\S+)$/.exec(req.headers.authorization ?? '')?.[1];
  if (!token) return send(res, 401, { error: 'token required' });
  if (req.method === 'POST' && parts[2] === 'conversations' && parts.length === 3) {
    const id = byToken.get(token);
    const c = id === undefined ? undefined : conversations.get(id);
    if (id === undefined || !c) return send(res, 403, { error: 'token not valid' });
    const created = c.activities.length === 0;
    if (created) append(id, c, { type: 'message', from: bot, text: 'Hello' });
    return send(res, created ? 201 : 200, { conversationId: id, token, expires_in: 1800 });
  }
  const id = parts[3] ?? '';
  const c = conversations.get(id);
  if (parts[2] !== 'conversations' || parts[4] !== 'activities' || !c) return send(res, 404, { error: 'not found' });
  if (c.token !== token) return send(res, 403, { error: 'token is for another conversation' });
  if (req.method === 'POST') {
    const activity = body as { type?: unknown; text?: unknown; from?: { id?: unknown } };
    if (activity.type !== 'message' || typeof activity.text !== 'string') return send(res, 400, { error: 'a message with text is required' });
    const userId = append(id, c, { type: 'message', text: activity.text, from: { id: String(activity.from?.id ?? 'user'), role: 'user' } });
    append(id, c, { type: 'message', text: `echo: ${activity.text}`, from: bot, replyToId: userId });
    return send(res, 200, { id: userId });
  }
  if (req.method === 'GET') {
    const watermark = Number(url.searchParams.get('watermark') || 0);
    return send(res, 200, { activities: c.activities.slice(watermark), watermark: String(c.activities.length) });
  }
  return send(res, 405, { error: 'method not allowed' });
});
server.keepAliveTimeout = 30_000;
server.listen(Number(process.env.BENCH_PORT ?? 0), '127.0.0.1', () => {
  process.stdout.write(`PORT ${(server.address() as AddressInfo).port}\n`);
});
process.on('SIGTERM', () => {
  server.closeAllConnections();
  server.close(() => process.exit(0));
});
