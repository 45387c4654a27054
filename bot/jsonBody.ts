import type { IncomingMessage } from 'node:http';
import express, { type RequestHandler } from 'express';

/** No real activity, log-in or case update nests deeper than this; hostile bodies nest thousands deep. */
export const maxJsonDepth = 32;

/**
 * The deepest nesting of objects and arrays in a JSON text, found by one pass over the raw bytes
 * (strings skipped), so a too-deep body is refused before JSON.parse builds it. Stops counting at
 * `limit + 1`.
 */
export function jsonDepth(raw: Buffer, limit = maxJsonDepth): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i];
    if (inString) {
      if (c === 0x5c) i++; // backslash: skip the escaped byte
      else if (c === 0x22) inString = false;
      continue;
    }
    if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) {
      depth++;
      if (depth > deepest) {
        deepest = depth;
        if (deepest > limit) return deepest;
      }
    } else if (c === 0x7d || c === 0x5d) depth--;
  }
  return deepest;
}

class TooDeep extends Error {
  readonly status = 400;
  readonly type = 'entity.too.deep';
  constructor(limit: number) {
    super(`The request body nests deeper than ${limit} levels`);
  }
}

/** express.json with a size limit and the depth limit; errors carry a 4xx status for errorHandler. */
export function jsonBody(limit: string): RequestHandler {
  return express.json({
    limit,
    type: ['application/json', 'application/*+json'],
    verify: (_req: IncomingMessage, _res, buf) => {
      if (jsonDepth(buf) > maxJsonDepth) throw new TooDeep(maxJsonDepth);
    },
  });
}

/**
 * Body size per route: log-ins and token requests are tiny; Bot Framework activities from Teams can
 * carry cards and entities. Everything else gets the general limit.
 */
export const bodyLimits: ReadonlyArray<readonly [path: string, limit: string]> = [
  ['/api/auth', '4kb'],
  ['/v3/directline/tokens', '4kb'],
  ['/v3/directline/conversations', '64kb'],
  ['/api/messages', '256kb'],
];
export const defaultBodyLimit = '64kb';
