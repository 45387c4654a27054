import { randomUUID } from 'node:crypto';
import type { ErrorRequestHandler, NextFunction, Request, RequestHandler, Response } from 'express';
import type { Logger } from './logger.ts';
import { AppError } from './errors.ts';

declare module 'express-serve-static-core' {
  interface Request {
    id: string;
  }
}

const requestIdPattern = /^[A-Za-z0-9._-]{8,100}$/;

/** Gives every request an id (kept from X-Request-Id when well-formed) and logs its outcome without bodies. */
export function requestContext(logger: Logger): RequestHandler {
  return (req, res, next) => {
    const incoming = req.headers['x-request-id'];
    req.id = typeof incoming === 'string' && requestIdPattern.test(incoming) ? incoming : randomUUID();
    res.setHeader('X-Request-Id', req.id);
    const started = process.hrtime.bigint();
    res.on('finish', () => {
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      // Paths only: query strings can carry postcodes or tokens.
      logger.info({ reqId: req.id, method: req.method, path: req.path, status: res.statusCode, ms: Math.round(ms * 10) / 10 }, 'request');
    });
    next();
  };
}

/** The one place HTTP errors become `{ error: { code, message } }`. */
export function errorHandler(logger: Logger): ErrorRequestHandler {
  return (error, req, res, _next) => {
    if (res.headersSent) {
      res.end();
      return;
    }
    const send = (status: number, code: string, message: string, details?: Record<string, unknown>) =>
      res.status(status).json({ error: { code, message, ...(details ? { details } : {}) } });
    if (error instanceof AppError) {
      const wait = error.details?.retryAfterSeconds;
      if (error.status === 429 && typeof wait === 'number') res.setHeader('Retry-After', String(wait));
      return void send(error.status, error.code, error.message, error.details);
    }
    const type = (error as { type?: string }).type;
    if (type === 'entity.parse.failed') return void send(400, 'malformed_json', 'The request body is not valid JSON');
    if (type === 'entity.too.large') return void send(413, 'body_too_large', 'The request body is too large');
    if (type === 'encoding.unsupported' || type === 'charset.unsupported') return void send(415, 'unsupported_encoding', 'Send the body as UTF-8 JSON');
    const status = (error as { status?: number }).status;
    if (typeof status === 'number' && status >= 400 && status < 500) return void send(status, 'bad_request', (error as Error).message);
    logger.error({ reqId: req.id, err: { name: (error as Error).name, message: (error as Error).message, stack: (error as Error).stack } }, 'unhandled error');
    send(500, 'internal', 'Something went wrong on our side');
  };
}

/** An async route handler whose rejections reach the error handler. */
export const asyncRoute = (handler: (req: Request, res: Response) => Promise<void>) => (req: Request, res: Response, next: NextFunction) => {
  handler(req, res).catch(next);
};
