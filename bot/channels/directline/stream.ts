import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import type { Logger } from '../../logger.ts';
import { AppError } from '../../errors.ts';
import { AdaptivePoll } from './notifier.ts';
import { parseWatermark, type DirectLineService } from './service.ts';

const pathPattern = /^\/v3\/directline\/conversations\/([^/]+)\/stream$/;

/** Close reason when a newer socket takes over a conversation's stream (as Direct Line does). */
export const collisionReason = 'collision';
export const collisionCode = 4000;

const reasons: Record<number, string> = { 400: 'Bad Request', 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found', 503: 'Service Unavailable' };

/** Ends an upgrade that will not become a WebSocket with a plain HTTP status. */
function refuse(socket: Duplex, status: number): void {
  if (socket.destroyed) return;
  socket.end(`HTTP/1.1 ${status} ${reasons[status] ?? 'Error'}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
}

/**
 * The conversation id and query of a stream upgrade; null when the path is not a stream path (another
 * upgrade handler may own it); 'malformed' when the target cannot be parsed or decoded.
 */
export function parseUpgradeTarget(raw: string | undefined): { url: URL; conversationId: string } | null | 'malformed' {
  let url: URL;
  try {
    url = new URL(raw ?? '/', 'http://localhost');
  } catch {
    return 'malformed';
  }
  const match = pathPattern.exec(url.pathname);
  if (!match?.[1]) return null;
  try {
    const conversationId = decodeURIComponent(match[1]);
    return conversationId.length > 0 && conversationId.length <= 200 ? { url, conversationId } : 'malformed';
  } catch {
    return 'malformed';
  }
}

/**
 * Direct Line's WebSocket stream: `{activities, watermark}` frames as activities are stored,
 * starting after the `watermark` parameter. The service's notifier makes it immediate; a database
 * poll picks up activities written by other instances, soon after activity and slower while the
 * conversation is quiet (pollMs doubling up to maxPollMs). One socket per conversation: a newer
 * one closes the older with reason "collision".
 */
export function attachDirectLineStream(server: Server, service: DirectLineService, logger: Logger, pollMs = 1000, maxPollMs = 15_000): { close(): void } {
  const wss = new WebSocketServer({ noServer: true, maxPayload: 64 * 1024 });
  const sockets = new Set<WebSocket>();
  const byConversation = new Map<string, WebSocket>();

  const onUpgrade = (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    // A client that resets mid-handshake must not raise an unhandled 'error' on the raw socket.
    socket.on('error', () => socket.destroy());
    // Hostile or broken request targets ("//[x", bad percent-encoding) end in a 400, never an
    // exception: an exception in an 'upgrade' listener takes the whole process down.
    const target = parseUpgradeTarget(req.url);
    if (target === 'malformed') return refuse(socket, 400);
    // This is the server's only upgrade handler: anything else is not a WebSocket we serve.
    if (!target) return refuse(socket, 404);
    const { url, conversationId } = target;
    const token = url.searchParams.get('t') ?? undefined;
    let watermark: number;
    try {
      watermark = parseWatermark(url.searchParams.get('watermark') ?? undefined);
    } catch {
      return refuse(socket, 400);
    }
    service
      .authorize(token ? `Bearer ${token}` : req.headers.authorization, conversationId)
      .then(() => wss.handleUpgrade(req, socket, head, (ws) => serve(ws, conversationId, watermark)))
      .catch((error: unknown) => {
        if (!(error instanceof AppError)) logger.error({ err: error instanceof Error ? error.message : String(error) }, 'stream upgrade failed');
        refuse(socket, error instanceof AppError ? error.status : 503);
      });
  };

  function serve(ws: WebSocket, conversationId: string, start: number): void {
    sockets.add(ws);
    const older = byConversation.get(conversationId);
    byConversation.set(conversationId, ws);
    if (older && older.readyState === older.OPEN) older.close(collisionCode, collisionReason);
    let watermark = start;
    let busy = false;
    let again = false;
    const poll = new AdaptivePoll(pollMs, maxPollMs, service.notifier.crossInstance);
    let pollTimer: ReturnType<typeof setTimeout> | undefined;
    const flush = async () => {
      if (busy) {
        again = true;
        return;
      }
      busy = true;
      try {
        do {
          again = false;
          const page = await service.sinceAsJson(conversationId, watermark);
          if (page.count > 0 && ws.readyState === ws.OPEN) {
            watermark = page.watermark;
            poll.activity();
            ws.send(page.json);
          }
        } while (again);
      } catch (error) {
        logger.warn({ err: error instanceof Error ? error.message : String(error), conversationId }, 'stream flush failed');
      } finally {
        busy = false;
      }
    };
    // One poll chain per socket: every (re)schedule replaces the pending timer.
    const schedule = () => {
      clearTimeout(pollTimer);
      pollTimer = setTimeout(() => {
        void flush().finally(() => {
          if (ws.readyState === ws.OPEN) schedule();
        });
      }, poll.next());
    };
    const unsubscribe = service.notifier.subscribe(conversationId, () => {
      // The patient or the agent just wrote: a reply written by another instance may follow soon.
      poll.activity();
      void flush();
      schedule();
    });
    schedule();
    // An empty frame keeps proxies from closing an idle socket (Direct Line does the same).
    const heartbeat = setInterval(() => ws.readyState === ws.OPEN && ws.send(''), 25_000);
    ws.on('close', () => {
      sockets.delete(ws);
      if (byConversation.get(conversationId) === ws) byConversation.delete(conversationId);
      unsubscribe();
      clearTimeout(pollTimer);
      clearInterval(heartbeat);
    });
    ws.on('error', () => ws.terminate());
    void flush();
  }

  server.on('upgrade', onUpgrade);
  return {
    close() {
      server.off('upgrade', onUpgrade);
      for (const ws of sockets) ws.close(1001, 'server shutting down');
      wss.close();
    },
  };
}
