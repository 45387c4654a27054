/**
 * The settings an insurer's or hospital's admin keeps up to date (authenticated, admins only, CSRF
 * for the console session):
 *   GET   /api/admin/settings   the tenant's customer-service route and promised first contact
 *   PATCH /api/admin/settings   changes them (only the fields given)
 * The assistant uses both in its answers: questions outside its field (claims, premiums, switching)
 * get the customer-service phone and page; "wanneer bellen ze?" gets the working days.
 */
import { Router, type Request, type RequestHandler } from 'express';
import { asyncRoute } from '../http.ts';
import { badRequest, notFound } from '../errors.ts';
import type { AuditLog } from '../data/audit.ts';
import type { TenantRepository, TenantSettings } from '../data/tenants.ts';
import type { MediatorAuth, Principal } from './auth.ts';
import { tenantSettingsPatch } from './schemas.ts';
import { noQueryParams, requestActor } from './requestActor.ts';

export interface TenantSettingsAdminDeps {
  auth: MediatorAuth;
  audit: AuditLog;
  tenants: Pick<TenantRepository, 'find' | 'updateAdminSettings'>;
}

export function adminSettingsView(t: TenantSettings) {
  return { tenant: t.id, customerService: t.customerService, responseWorkingDays: t.responseWorkingDays };
}

export function tenantSettingsAdminRouter(deps: TenantSettingsAdminDeps): Router {
  const router = Router();
  const admin: RequestHandler[] = [deps.auth.requirePrincipal(), deps.auth.requireCsrf(), deps.auth.requireAdmin()];
  const actor = (req: Request) => requestActor(deps.audit, req);

  router.get('/api/admin/settings', noQueryParams, ...admin, asyncRoute(async (req, res) => {
    const tenant = await deps.tenants.find((req.principal as Principal).tenantId);
    if (!tenant) throw notFound('No such tenant');
    res.json(adminSettingsView(tenant));
  }));

  router.patch('/api/admin/settings', ...admin, asyncRoute(async (req, res) => {
    const parsed = tenantSettingsPatch.safeParse(req.body ?? {});
    if (!parsed.success) throw badRequest(parsed.error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`).join('; '));
    const tenantId = (req.principal as Principal).tenantId;
    const current = await deps.tenants.find(tenantId);
    if (!current) throw notFound('No such tenant');
    const body = parsed.data;
    const customerService = body.customerService
      ? {
          phone: body.customerService.phone !== undefined ? body.customerService.phone : current.customerService.phone,
          url: {
            nl: body.customerService.url?.nl !== undefined ? body.customerService.url.nl : current.customerService.url.nl,
            en: body.customerService.url?.en !== undefined ? body.customerService.url.en : current.customerService.url.en,
          },
        }
      : undefined;
    const updated = await deps.tenants.updateAdminSettings(tenantId, { ...(customerService ? { customerService } : {}), ...(body.responseWorkingDays !== undefined ? { responseWorkingDays: body.responseWorkingDays } : {}) });
    if (!updated) throw notFound('No such tenant');
    await deps.audit.record(await actor(req), { tenantId, action: 'settings.update', details: { fields: Object.keys(body) } });
    res.json(adminSettingsView(updated));
  }));

  return router;
}
