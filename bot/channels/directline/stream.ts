import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import type { Logger } from '../../logger.ts';
import { AppError } from '../../errors.ts';
import { parseWatermark, type DirectLineService } from './service.ts';

const pathPattern = /^\/v3\/directline\/conversations\/([^/]+)\/stream$/;

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
 * Direct Line's WebSocket stream: `{activities, watermark}` frames as activities are stored.
 * In-process events make it immediate; a slow database poll picks up activities written by
 * other instances.
 */
export function attachDirectLineStream(server: Server, service: DirectLineService, logger: Logger, pollMs = 1000): { close(): void } {
  const wss = new WebSocketServer({ noServer: true, maxPayload: 64 * 1024 });
  const sockets = new Set<WebSocket>();

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
    let watermark = start;
    let busy = false;
    let again = false;
    const flush = async () => {
      if (busy) {
        again = true;
        return;
      }
      busy = true;
      try {
        do {
          again = false;
          const page = await service.since(conversationId, watermark);
          if (page.activities.length > 0 && ws.readyState === ws.OPEN) {
            watermark = page.watermark;
            ws.send(JSON.stringify({ activities: page.activities, watermark: String(watermark) }));
          }
        } while (again);
      } catch (error) {
        logger.warn({ err: error instanceof Error ? error.message : String(error), conversationId }, 'stream flush failed');
      } finally {
        busy = false;
      }
    };
    const listener = () => void flush();
    service.events.on(conversationId, listener);
    const poll = setInterval(listener, pollMs);
    // An empty frame keeps proxies from closing an idle socket (Direct Line does the same).
    const heartbeat = setInterval(() => ws.readyState === ws.OPEN && ws.send(''), 25_000);
    ws.on('close', () => {
      sockets.delete(ws);
      service.events.off(conversationId, listener);
      clearInterval(poll);
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
