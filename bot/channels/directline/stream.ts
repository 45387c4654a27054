import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import type { Logger } from '../../logger.ts';
import { AppError } from '../../errors.ts';
import { parseWatermark, type DirectLineService } from './service.ts';

const pathPattern = /^\/v3\/directline\/conversations\/([^/]+)\/stream$/;

/**
 * Direct Line's WebSocket stream: `{activities, watermark}` frames as activities are stored.
 * In-process events make it immediate; a slow database poll picks up activities written by
 * other instances.
 */
export function attachDirectLineStream(server: Server, service: DirectLineService, logger: Logger, pollMs = 1000): { close(): void } {
  const wss = new WebSocketServer({ noServer: true, maxPayload: 64 * 1024 });
  const sockets = new Set<WebSocket>();

  const onUpgrade = (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const match = pathPattern.exec(url.pathname);
    if (!match?.[1]) return; // another upgrade handler may own it
    const conversationId = decodeURIComponent(match[1]);
    const token = url.searchParams.get('t') ?? undefined;
    let watermark: number;
    try {
      watermark = parseWatermark(url.searchParams.get('watermark') ?? undefined);
    } catch {
      socket.end('HTTP/1.1 400 Bad Request\r\n\r\n');
      return;
    }
    service
      .authorize(token ? `Bearer ${token}` : req.headers.authorization, conversationId)
      .then(() => wss.handleUpgrade(req, socket, head, (ws) => serve(ws, conversationId, watermark)))
      .catch((error: unknown) => {
        const status = error instanceof AppError ? error.status : 500;
        socket.end(`HTTP/1.1 ${status} ${status === 401 ? 'Unauthorized' : status === 403 ? 'Forbidden' : 'Error'}\r\n\r\n`);
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
