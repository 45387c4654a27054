/**
 * Admin routes for waiting-time data and contracts (authenticated, admins only, CSRF for the
 * console session):
 *   GET  /api/admin/waiting-times/sync   the schedule, the last run and recent runs
 *   GET  /api/admin/contracts            the tenant's current contract list
 *   POST /api/admin/contracts            replaces the list (text/csv; see docs/waiting-time-import.md)
 * All three are in the OpenAPI document (bot/mediation/openapi.ts), with their schemas in schemas.ts.
 */
import express, { Router, type Request, type RequestHandler } from 'express';
import { asyncRoute } from '../http.ts';
import { badRequest } from '../errors.ts';
import type { Db } from '../data/db.ts';
import type { AuditLog } from '../data/audit.ts';
import type { ContractStore } from '../data/contracts.ts';
import type { HospitalRecord } from '../data/referenceData.ts';
import { recentRuns, syncStatus } from '../data/waitingTimeSync.ts';
import type { MediatorAuth, Principal } from './auth.ts';
import { noQueryParams, requestActor } from './requestActor.ts';

export interface WaitingTimeAdminDeps {
  db: Db;
  auth: MediatorAuth;
  audit: AuditLog;
  contracts: ContractStore;
  hospitals: () => Promise<readonly HospitalRecord[]>;
  specialismCodes: ReadonlySet<string>;
  schedule: { url: string | null; days: number };
}

export function waitingTimeAdminRouter(deps: WaitingTimeAdminDeps): Router {
  const router = Router();
  const admin: RequestHandler[] = [deps.auth.requirePrincipal(), deps.auth.requireCsrf(), deps.auth.requireAdmin()];
  const actor = (req: Request) => requestActor(deps.audit, req);

  router.get('/api/admin/waiting-times/sync', noQueryParams, ...admin, asyncRoute(async (_req, res) => {
    const [status, runs] = await Promise.all([syncStatus(deps.db, deps.schedule), recentRuns(deps.db, 20)]);
    res.json({ ...status, runs });
  }));

  router.get('/api/admin/contracts', noQueryParams, ...admin, asyncRoute(async (req, res) => {
    const tenantId = (req.principal as Principal).tenantId;
    res.json({ tenant: tenantId, ...(await deps.contracts.describe(tenantId)) });
  }));

  router.post(
    '/api/admin/contracts',
    ...admin,
    express.text({ type: ['text/csv', 'text/plain', 'application/csv'], limit: '2mb' }),
    asyncRoute(async (req, res) => {
      if (typeof req.body !== 'string' || req.body.trim() === '') throw badRequest('Send the contract list as CSV (Content-Type: text/csv): agb_code or provider, specialism, contracted, valid_from, valid_until');
      const tenantId = (req.principal as Principal).tenantId;
      const outcome = await deps.contracts.upload(tenantId, req.body, await deps.hospitals(), deps.specialismCodes);
      await deps.audit.record(await actor(req), {
        tenantId, action: 'contracts.upload', outcome: outcome.status === 'stored' ? 'success' : 'rejected',
        details: { stored: outcome.stored, superseded: outcome.superseded, errors: outcome.errors.length, batch: outcome.batch },
      });
      // The API's one error shape; details.errors says which lines and why.
      if (outcome.status === 'rejected') throw badRequest(`The contract list was not stored: ${outcome.errors.length} problem(s).`, { errors: outcome.errors });
      res.json(outcome);
    }),
  );
  return router;
}
