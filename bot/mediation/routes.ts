import express, { Router, type NextFunction, type Request, type RequestHandler, type Response } from 'express';
import { asyncRoute } from '../http.ts';
import { z } from 'zod';
import { auditCsv, type Actor, type AuditLog } from '../data/audit.ts';
import { decodeCursor, type CaseDetail, type CaseQuery, type CaseStore } from '../data/caseStore.ts';
import type { MediatorStore } from '../data/mediators.ts';
import type { OutboxStore } from '../data/outbox.ts';
import type { CaseStatus } from '../domain/caseStatus.ts';
import { AppError, badRequest, conflict, forbidden, notFound } from '../errors.ts';
import { hashPassword, TooManyAttempts, type MediatorAuth, type Principal } from './auth.ts';
import { consoleBundlePath, consolePublicDir } from './console/paths.ts';
import { compressedAsset } from '../api/compressedAsset.ts';
import { toFhirBundle, type FhirLookups } from './fhir.ts';
import { isPrivateHost } from './webhookTarget.ts';
import { openApiDocument } from './openapi.ts';
import { requestActor } from './requestActor.ts';
import * as s from './schemas.ts';


function parse<T extends z.ZodType>(schema: T, value: unknown): z.infer<T> {
  const parsed = schema.safeParse(value ?? {});
  if (!parsed.success) throw badRequest(parsed.error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`).join('; '));
  return parsed.data;
}

/**
 * Query parameters of a GET: an unknown one is a 400 that names it (a typo such as `stauts=new`
 * must not silently answer the whole queue).
 */
function parseQuery<T extends z.ZodObject>(schema: T, query: unknown): z.infer<T> {
  const known = new Set(Object.keys(schema.shape));
  const unknown = Object.keys((query ?? {}) as object).find((k) => !known.has(k));
  if (unknown !== undefined) {
    const name = unknown.slice(0, 40);
    throw badRequest(`Unknown query parameter: ${name}${known.size ? ` (known: ${[...known].join(', ')})` : ' (this route takes none)'}`, { parameter: name });
  }
  return parse(schema, query);
}

const noQuery = z.object({});
/** For GET routes without parameters. */
const noParams: RequestHandler = (req, _res, next) => {
  try {
    parseQuery(noQuery, req.query);
    next();
  } catch (error) {
    next(error);
  }
};

/** A faster place the case screen offers (contract shape, plus where the figure comes from). */
export interface CaseAlternative {
  hospital: string;
  location: string;
  city: string;
  distanceKm: number;
  weeks: number;
  weeksSaved: number | null;
  measuredAt: string;
  isDemo: boolean;
  source: string;
  /** Whether the case's insurer has a contract with this provider for the specialism; null when it loaded no contracts. */
  contracted: boolean | null;
  /** current, or aging (older than six weeks: show the date and "may be out of date"); older than six months is never offered. */
  freshness: 'current' | 'aging';
}

export interface MediationDeps {
  auth: MediatorAuth;
  cases: CaseStore;
  mediators: MediatorStore;
  audit: AuditLog;
  outbox: OutboxStore;
  /** Production refuses plain-http webhook URLs. */
  production: boolean;
  specialismName?: (code: string, locale: 'nl' | 'en') => Promise<string | null>;
  /** Faster places for a case's request (services.ts wires the waiting-time data). */
  alternatives?: (request: Record<string, unknown>, insurerTenantId: string) => Promise<CaseAlternative[]>;
  /** Names and codes the FHIR export adds: the insurer's name, providers' AGB codes, treatment codes. */
  fhirLookups?: (detail: CaseDetail) => Promise<Omit<FhirLookups, 'now' | 'specialismName'>>;
  now?: () => Date;
}

/**
 * The mediation API and console. Every case route resolves the caller's insurer from the session or
 * token and goes through cases.forInsurer(thatInsurer): the one place tenant isolation is enforced.
 */
export function mediationRouter(deps: MediationDeps): Router {
  const { auth, cases, mediators, audit, outbox } = deps;
  const now = deps.now ?? (() => new Date());
  const router = Router();
  /**
   * A reader token (reporting, a system that only follows cases) may read and nothing else: a claim
   * by it would hold a case nobody works. The refusal is logged like any denied action.
   */
  const writer: RequestHandler = (req, _res, next) => {
    const p = req.principal as Principal;
    if (p.role !== 'reader' || req.method === 'GET' || req.method === 'HEAD') return next();
    const reference = /^\/api\/cases\/([^/]+)/.exec(req.path)?.[1]?.toUpperCase().slice(0, 20) ?? null;
    actorFor(req)
      .then((actor) => audit.record(actor, { tenantId: p.tenantId, action: 'api.write', outcome: 'denied', details: { method: req.method, path: req.path.slice(0, 120), reference } }))
      .then(() => next(forbidden('This API token has the role reader: it may read cases but not claim, assign or change them', { role: 'reader' })), next);
  };
  const authed: RequestHandler[] = [auth.requirePrincipal(), auth.requireCsrf(), writer];
  const admin: RequestHandler[] = [...authed, auth.requireAdmin()];

  const actorFor = (req: Request): Promise<Actor> => requestActor(audit, req);
  const names = (tenantId: string, ids: readonly string[]) => mediators.namesFor(tenantId, ids);
  const scoped = (req: Request) => cases.forInsurer((req.principal as Principal).tenantId);

  /** A malformed reference cannot exist: it answers 404 like any unknown one (and is logged like one). */
  async function referenceOf(req: Request, action: string): Promise<string> {
    const reference = String(req.params.reference ?? '').toUpperCase();
    if (s.referenceParam.safeParse(reference).success) return reference;
    await audit.record(await actorFor(req), { tenantId: (req.principal as Principal).tenantId, action, outcome: 'not_found', details: { malformedReference: true } });
    throw notFound(`No case ${reference.slice(0, 40)}`);
  }

  router.get('/api/openapi.json', (_req, res) => {
    res.json(openApiDocument());
  });

  router.post('/api/auth/login', asyncRoute(async (req, res) => {
    const body = parse(s.loginBody, req.body);
    try {
      const session = await auth.login(body.email, body.password, { ip: req.ip ?? 'unknown', userAgent: req.get('user-agent') ?? null });
      res.setHeader('Set-Cookie', auth.cookieHeader(session.sessionToken, session.expiresAt));
      res.setHeader('Cache-Control', 'no-store');
      res.json({ mediator: session.mediator, csrfToken: session.csrfToken, expiresAt: session.expiresAt.toISOString() });
    } catch (error) {
      if (error instanceof TooManyAttempts) res.setHeader('Retry-After', String(error.retryAfterSeconds));
      throw error;
    }
  }));

  router.post('/api/auth/logout', ...authed, asyncRoute(async (req, res) => {
    await auth.logout(req.principal as Principal);
    res.setHeader('Set-Cookie', auth.clearCookieHeader());
    res.status(204).end();
  }));

  router.get('/api/auth/session', noParams, ...authed, asyncRoute(async (req, res) => {
    const p = req.principal as Principal;
    res.setHeader('Cache-Control', 'no-store');
    res.json({ mediator: { id: p.id, tenantId: p.tenantId, email: p.email, name: p.name, role: p.role }, kind: p.kind, csrfToken: p.csrfToken });
  }));

  router.get('/api/colleagues', noParams, ...authed, asyncRoute(async (req, res) => {
    const items = (await mediators.listForTenant((req.principal as Principal).tenantId)).map((m) => ({ id: m.id, name: m.name, role: m.role }));
    res.setHeader('Cache-Control', 'no-store');
    res.json({ items });
  }));

  router.get('/api/cases', ...authed, asyncRoute(async (req, res) => {
    const q = parseQuery(s.caseListQuery, req.query);
    const status = q.status ? ([...new Set(q.status.split(','))] as CaseStatus[]) : undefined;
    const cursor = q.cursor === undefined ? undefined : decodeCursor(q.cursor);
    if (cursor === null) throw badRequest('cursor: not a cursor this API gave out; use nextCursor of the previous page', { parameter: 'cursor' });
    const p = req.principal as Principal;
    const query: CaseQuery = {
      status, specialty: q.specialty, sort: q.sort, page: q.page, pageSize: q.pageSize, minAgeDays: q.minAgeDays,
      treeknormExceeded: q.treeknormExceeded === undefined ? undefined : q.treeknormExceeded === 'true',
      overdue: q.overdue === undefined ? undefined : q.overdue === 'true',
      q: q.q, cursor, updatedSince: q.updatedSince ? new Date(q.updatedSince) : undefined,
      assignee: q.assignee === undefined ? undefined : q.assignee === 'me' ? p.id : q.assignee === 'none' ? null : q.assignee,
    };
    const { items, total, nextCursor } = await scoped(req).list(query, await actorFor(req), now());
    res.setHeader('Cache-Control', 'no-store');
    res.json({ items, page: q.page, pageSize: q.pageSize, total, nextCursor });
  }));

  /** Every case answer carries the faster places (never on an anonymised case: no postcode left). */
  const sendCase = async (req: Request, res: Response, detail: CaseDetail) => {
    const tenantId = (req.principal as Principal).tenantId;
    const [alternatives, events] = await Promise.all([
      deps.alternatives && !detail.anonymised ? deps.alternatives(detail.request, detail.insurer) : Promise.resolve([]),
      scoped(req).history(detail.reference),
    ]);
    // The history names people and tokens, as the audit view does.
    const ids = events.flatMap((e) => [e.actorId, ...(e.type === 'assign' ? [e.to] : [])]).filter((id): id is string => id !== null);
    const people = await names(tenantId, [...new Set(ids)]);
    const history = events.map((e) => ({
      ...e, actorName: e.actorId ? (people.get(e.actorId) ?? null) : null, toName: e.type === 'assign' && e.to ? (people.get(e.to) ?? null) : null,
    }));
    res.setHeader('Cache-Control', 'no-store');
    res.json({ ...detail, alternatives, history });
  };

  router.get('/api/cases/:reference', noParams, ...authed, asyncRoute(async (req, res) => {
    const reference = await referenceOf(req, 'case.read');
    await sendCase(req, res, await scoped(req).get(reference, await actorFor(req), now()));
  }));

  router.post('/api/cases/:reference/assign', ...authed, asyncRoute(async (req, res) => {
    const reference = await referenceOf(req, 'case.assign');
    const body = parse(s.assignBody, req.body);
    const p = req.principal as Principal;
    const colleague = await mediators.findInTenant(p.tenantId, body.mediatorId);
    if (!colleague) throw badRequest('mediatorId: no colleague with this id at your insurer', { parameter: 'mediatorId' });
    await sendCase(req, res, await scoped(req).assign(reference, { id: colleague.id, name: colleague.name }, await actorFor(req), now()));
  }));

  router.post('/api/cases/:reference/reopen', ...authed, asyncRoute(async (req, res) => {
    const reference = await referenceOf(req, 'case.reopen');
    const body = parse(s.reopenBody, req.body);
    await sendCase(req, res, await scoped(req).reopen(reference, body.reason, await actorFor(req), now()));
  }));

  router.post('/api/cases/:reference/claim', ...authed, asyncRoute(async (req, res) => {
    const reference = await referenceOf(req, 'case.claim');
    await sendCase(req, res, await scoped(req).claim(reference, await actorFor(req), now()));
  }));

  router.post('/api/cases/:reference/release', ...authed, asyncRoute(async (req, res) => {
    const reference = await referenceOf(req, 'case.release');
    await sendCase(req, res, await scoped(req).release(reference, await actorFor(req), now()));
  }));

  router.post('/api/cases/:reference/status', ...authed, asyncRoute(async (req, res) => {
    const reference = await referenceOf(req, 'case.status');
    const body = parse(s.statusBody, req.body);
    await sendCase(req, res, await scoped(req).transition(reference, body.status, await actorFor(req), now(), { reason: body.reason }));
  }));

  router.get('/api/cases/:reference/notes', noParams, ...authed, asyncRoute(async (req, res) => {
    const reference = await referenceOf(req, 'case.note.read');
    const items = await scoped(req).listNotes(reference, await actorFor(req), now());
    res.setHeader('Cache-Control', 'no-store');
    res.json({ items });
  }));

  router.post('/api/cases/:reference/notes', ...authed, asyncRoute(async (req, res) => {
    const reference = await referenceOf(req, 'case.note.add');
    const text = (req.body as { text?: unknown } | undefined)?.text;
    if (typeof text === 'string' && text.trim().length > s.noteMaxLength) {
      throw new AppError(413, 'note_too_large', `A note may have at most ${s.noteMaxLength} characters`, { maxLength: s.noteMaxLength });
    }
    const body = parse(s.noteBody, req.body);
    res.status(201).json(await scoped(req).addNote(reference, body.text, await actorFor(req), now()));
  }));

  router.post('/api/cases/:reference/outcome', ...authed, asyncRoute(async (req, res) => {
    const reference = await referenceOf(req, 'case.outcome');
    const body = parse(s.outcomeBody, req.body);
    if (body.kind === 'faster_place_found' && body.originalDate && body.originalDate < body.date) {
      throw badRequest('originalDate: must not be before date (the faster date)');
    }
    await sendCase(req, res, await scoped(req).setOutcome(reference, body, await actorFor(req), now()));
  }));

  router.get('/api/cases/:reference/fhir', noParams, ...authed, asyncRoute(async (req, res) => {
    const reference = await referenceOf(req, 'case.export.fhir');
    const detail = await scoped(req).get(reference, await actorFor(req), now(), 'case.export.fhir');
    const code = typeof detail.request.specialty === 'string' ? detail.request.specialty : null;
    const specialismName = code && deps.specialismName ? await deps.specialismName(code, 'nl') : null;
    res.setHeader('Content-Type', 'application/fhir+json; charset=utf-8');
    res.setHeader('Cache-Control', 'no-store');
    const lookups = deps.fhirLookups ? await deps.fhirLookups(detail) : {};
    res.send(JSON.stringify(toFhirBundle(detail, { ...lookups, specialismName, now: now() })));
  }));

  router.get('/api/stats', ...authed, asyncRoute(async (req, res) => {
    const q = parseQuery(s.statsQuery, req.query);
    const range = { from: q.from ? new Date(`${q.from}T00:00:00Z`) : undefined, to: q.to ? new Date(`${q.to}T00:00:00Z`) : undefined };
    res.json(await scoped(req).stats(await actorFor(req), now(), range));
  }));

  router.get('/api/audit', ...admin, asyncRoute(async (req, res) => {
    const q = parseQuery(s.auditQuery, req.query);
    const p = req.principal as Principal;
    const filter = { caseReference: q.case?.toUpperCase(), actorId: q.actor, action: q.action, from: q.from, to: q.to };
    const { items, total } = await audit.list(p.tenantId, { ...filter, page: q.page, pageSize: q.pageSize }, names);
    // Reading the log is itself logged (NEN 7513: events affecting the logging).
    await audit.record(await actorFor(req), { tenantId: p.tenantId, action: 'audit.read', caseReference: filter.caseReference ?? null, details: { page: q.page, actor: q.actor, action: q.action, from: q.from, to: q.to } });
    res.setHeader('Cache-Control', 'no-store');
    res.json({ items, page: q.page, pageSize: q.pageSize, total });
  }));

  router.get('/api/audit/export', ...admin, asyncRoute(async (req, res) => {
    const q = parseQuery(s.auditExportQuery, req.query);
    const p = req.principal as Principal;
    const filter = { caseReference: q.case?.toUpperCase(), actorId: q.actor, action: q.action, from: q.from, to: q.to };
    const rows = await audit.export(p.tenantId, filter, names);
    await audit.record(await actorFor(req), { tenantId: p.tenantId, action: 'audit.export', caseReference: filter.caseReference ?? null, details: { rows: rows.length, actor: q.actor, action: q.action, from: q.from, to: q.to } });
    res.setHeader('Content-Type', 'text/csv; charset=utf-8');
    res.setHeader('Content-Disposition', `attachment; filename="audit-${p.tenantId}-${now().toISOString().slice(0, 10)}.csv"`);
    res.setHeader('Cache-Control', 'no-store');
    // A BOM so spreadsheet programs read the UTF-8 names right.
    res.send(`\uFEFF${auditCsv(rows)}`);
  }));

  router.get('/api/tokens', noParams, ...admin, asyncRoute(async (req, res) => {
    res.json({ items: await mediators.listApiTokens((req.principal as Principal).tenantId) });
  }));

  router.post('/api/tokens', ...admin, asyncRoute(async (req, res) => {
    const body = parse(s.tokenBody, req.body);
    const p = req.principal as Principal;
    const created = await auth.createApiToken(p, body);
    await audit.record(await actorFor(req), { tenantId: p.tenantId, action: 'token.create', details: { tokenId: created.id, role: created.role } });
    res.setHeader('Cache-Control', 'no-store');
    res.status(201).json(created);
  }));

  router.delete('/api/tokens/:id', ...admin, asyncRoute(async (req, res) => {
    const p = req.principal as Principal;
    const id = String(req.params.id);
    if (!(await mediators.revokeApiToken(p.tenantId, id, now()))) throw notFound('No such active token');
    await audit.record(await actorFor(req), { tenantId: p.tenantId, action: 'token.revoke', details: { tokenId: id } });
    res.status(204).end();
  }));

  router.get('/api/webhooks', noParams, ...admin, asyncRoute(async (req, res) => {
    res.json({ items: await outbox.listEndpoints((req.principal as Principal).tenantId) });
  }));

  router.post('/api/webhooks', ...admin, asyncRoute(async (req, res) => {
    const body = parse(s.webhookBody, req.body);
    if (deps.production && !body.url.startsWith('https://')) throw badRequest('url: webhooks must use https');
    if (deps.production && isPrivateHost(new URL(body.url).hostname)) throw badRequest('url: webhooks must point to a public address, not a private or local one');
    const p = req.principal as Principal;
    const created = await outbox.createEndpoint(p.tenantId, { url: body.url, secret: body.secret, createdById: p.id });
    await audit.record(await actorFor(req), { tenantId: p.tenantId, action: 'webhook.create', details: { endpointId: created.id, url: created.url } });
    res.setHeader('Cache-Control', 'no-store');
    res.status(201).json(created);
  }));

  router.get('/api/webhooks/deliveries', ...admin, asyncRoute(async (req, res) => {
    const q = parseQuery(s.pageQuery, req.query);
    const { items, total } = await outbox.listDeliveries((req.principal as Principal).tenantId, q.page, q.pageSize);
    res.json({ items, page: q.page, pageSize: q.pageSize, total });
  }));

  router.post('/api/webhooks/deliveries/:id/redeliver', ...admin, asyncRoute(async (req, res) => {
    const p = req.principal as Principal;
    const id = String(req.params.id).slice(0, 60);
    if (!(await outbox.redeliver(p.tenantId, id, now()))) throw notFound('No such delivery');
    await audit.record(await actorFor(req), { tenantId: p.tenantId, action: 'webhook.redeliver', details: { deliveryId: id } });
    res.status(202).json({ id, status: 'pending' });
  }));

  router.delete('/api/webhooks/:id', ...admin, asyncRoute(async (req, res) => {
    const p = req.principal as Principal;
    const id = String(req.params.id);
    if (!(await outbox.deactivateEndpoint(p.tenantId, id))) throw notFound('No such endpoint');
    await audit.record(await actorFor(req), { tenantId: p.tenantId, action: 'webhook.deactivate', details: { endpointId: id } });
    res.status(204).end();
  }));

  router.get('/api/mediators', noParams, ...admin, asyncRoute(async (req, res) => {
    res.json({ items: await mediators.listForTenant((req.principal as Principal).tenantId) });
  }));

  router.post('/api/mediators', ...admin, asyncRoute(async (req, res) => {
    const body = parse(s.mediatorBody, req.body);
    const p = req.principal as Principal;
    const created = await mediators.create({ tenantId: p.tenantId, email: body.email, name: body.name, role: body.role, passwordHash: await hashPassword(body.password) });
    if (!created) throw conflict('An account with this e-mail address exists');
    await audit.record(await actorFor(req), { tenantId: p.tenantId, action: 'mediator.create', details: { mediatorId: created.id, role: created.role } });
    res.status(201).json(created);
  }));

  // The console: static files, and the bundle built by bot/mediation/console/build.ts.
  // Compressed, revalidated by ETag: a mediator's browser downloads it again only after a release.
  const consoleBundle = compressedAsset(() => consoleBundlePath, { 'Content-Type': 'text/javascript; charset=utf-8', 'Cache-Control': 'no-cache' });
  router.get('/console/console.js', (req, res, next) => {
    if (!consoleBundle(req, res)) next(notFound('The console is not built; run npm start or npm run setup'));
  });
  router.get('/console', (req, res, next) => (req.path === '/console' && !req.originalUrl.startsWith('/console/') ? res.redirect(301, '/console/') : next()));
  router.use('/console', express.static(consolePublicDir, { index: 'index.html', setHeaders: (res) => res.setHeader('Cache-Control', 'no-cache') }));
  return router;
}

