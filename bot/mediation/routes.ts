import { Router, type NextFunction, type Request, type Response } from 'express';
import { z } from 'zod';
import type { CaseStore, StoredCase } from '../data/caseStore.ts';
import { badRequest, notFound } from '../errors.ts';
import type { MediatorAuth } from './auth.ts';

const loginBody = z.object({ email: z.string().email('email must be an e-mail address').max(200), password: z.string().min(1, 'password is required').max(200) });
const referencePattern = /^ZB-[0-9A-Z]{4}-[0-9A-Z]{4}$/;

type Handler = (req: Request, res: Response) => Promise<void>;
const wrap = (handler: Handler) => (req: Request, res: Response, next: NextFunction) => handler(req, res).catch(next);

/** The case as the contract shows it to its own insurer's staff. */
export function caseView(c: StoredCase) {
  return { reference: c.reference, status: c.status, priority: c.priority, createdAt: c.createdAt.toISOString(), insurer: c.insurerTenantId, locale: c.locale, channel: c.channel, request: c.request };
}

/** Mediator API: login and the case read of the contract, scoped to the mediator's insurer. */
export function mediationRouter(auth: MediatorAuth, cases: CaseStore): Router {
  const router = Router();
  router.post('/api/auth/login', wrap(async (req, res) => {
    const parsed = loginBody.safeParse(req.body ?? {});
    if (!parsed.success) throw badRequest(parsed.error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`).join('; '));
    const session = await auth.login(parsed.data.email, parsed.data.password);
    res.setHeader('Set-Cookie', auth.cookieHeader(session.sessionToken, session.expiresAt));
    res.json({ mediator: session.mediator, csrfToken: session.csrfToken, expiresAt: session.expiresAt.toISOString() });
  }));

  router.get('/api/cases/:reference', auth.requireMediator(), wrap(async (req, res) => {
    const reference = String(req.params.reference).toUpperCase();
    // Another insurer's case answers exactly like a missing one, so existence does not leak.
    const found = referencePattern.test(reference) ? await cases.findForInsurer(reference, req.mediator!.tenantId) : null;
    if (!found) throw notFound(`No case ${reference}`);
    res.json(caseView(found));
  }));
  return router;
}
