/**
 * Pieces every mediation router needs: who is acting, as the NEN 7513 audit log records it, and
 * the 400 for a query parameter a route without parameters does not know.
 */
import type { Request, RequestHandler } from 'express';
import type { Actor, AuditLog } from '../data/audit.ts';
import { badRequest } from '../errors.ts';
import type { Principal } from './auth.ts';

/** The authenticated caller of `req` as the audit log records it (the IP only as a keyed hash). */
export async function requestActor(audit: Pick<AuditLog, 'hashIp'>, req: Request): Promise<Actor> {
  const p = req.principal as Principal;
  return {
    type: p.kind === 'api_token' ? 'api_token' : 'mediator', id: p.id, role: p.role, name: p.name, tenantId: p.tenantId, onBehalfOf: p.onBehalfOf,
    ipHash: await audit.hashIp(req.ip), userAgent: req.get('user-agent')?.slice(0, 200) ?? null,
  };
}

/** For GET routes without parameters: an unknown one is a 400 that names it, as everywhere in the API. */
export const noQueryParams: RequestHandler = (req, _res, next) => {
  const unknown = Object.keys(req.query ?? {})[0];
  next(unknown === undefined ? undefined : badRequest(`Unknown query parameter: ${unknown.slice(0, 40)} (this route takes none)`, { parameter: unknown.slice(0, 40) }));
};
