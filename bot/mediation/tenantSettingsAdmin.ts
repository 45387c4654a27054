/**
 * The settings an insurer's or hospital's admin keeps up to date (authenticated, admins only, CSRF
 * for the console session):
 *   GET   /api/admin/settings   the tenant's customer-service route and promised first contact
 *   PATCH /api/admin/settings   changes them (only the fields given)
 * The assistant uses both in its answers: questions outside its field (claims, premiums, switching)
 * get the customer-service phone and page; "wanneer bellen ze?" gets the working days.
 */
import { Router, type Request, type RequestHandler } from 'express';
import { z } from 'zod';
import { asyncRoute } from '../http.ts';
import { badRequest, notFound } from '../errors.ts';
import type { AuditLog } from '../data/audit.ts';
import type { TenantRepository, TenantSettings } from '../data/tenants.ts';
import type { MediatorAuth, Principal } from './auth.ts';

export interface TenantSettingsAdminDeps {
  auth: MediatorAuth;
  audit: AuditLog;
  tenants: Pick<TenantRepository, 'find' | 'updateAdminSettings'>;
}

// A phone number as a patient dials it: digits, spaces, +, -, parentheses; 6 to 20 characters.
const phone = z.string().trim().regex(/^\+?[0-9][0-9 ()-]{4,18}[0-9]$/, 'a phone number such as 0800 1234 or +31 20 123 4567');
const page = z
  .string()
  .trim()
  .max(500)
  .url('an address such as https://www.example.nl/klantenservice')
  .refine((u) => u.startsWith('https://'), 'the page must use https');

export const settingsPatch = z
  .object({
    customerService: z
      .object({
        phone: phone.nullable().optional(),
        url: z.object({ nl: page.nullable().optional(), en: page.nullable().optional() }).strict().optional(),
      })
      .strict()
      .optional(),
    // The promise patients read ("binnen 2 werkdagen"); four working weeks would no longer be a promise.
    responseWorkingDays: z.number().int().min(1).max(20).optional(),
  })
  .strict();

export function adminSettingsView(t: TenantSettings) {
  return { tenant: t.id, customerService: t.customerService, responseWorkingDays: t.responseWorkingDays };
}

export function tenantSettingsAdminRouter(deps: TenantSettingsAdminDeps): Router {
  const router = Router();
  const admin: RequestHandler[] = [deps.auth.requirePrincipal(), deps.auth.requireCsrf(), deps.auth.requireAdmin()];
  const actor = async (req: Request) => {
    const p = req.principal as Principal;
    return {
      type: p.kind === 'api_token' ? ('api_token' as const) : ('mediator' as const), id: p.id, role: p.role, name: p.name, tenantId: p.tenantId,
      onBehalfOf: p.onBehalfOf, ipHash: await deps.audit.hashIp(req.ip), userAgent: req.get('user-agent')?.slice(0, 200) ?? null,
    };
  };

  router.get('/api/admin/settings', ...admin, asyncRoute(async (req, res) => {
    const unknown = Object.keys(req.query ?? {})[0];
    if (unknown !== undefined) throw badRequest(`Unknown query parameter: ${unknown.slice(0, 40)} (this route takes none)`, { parameter: unknown.slice(0, 40) });
    const tenant = await deps.tenants.find((req.principal as Principal).tenantId);
    if (!tenant) throw notFound('No such tenant');
    res.json(adminSettingsView(tenant));
  }));

  router.patch('/api/admin/settings', ...admin, asyncRoute(async (req, res) => {
    const parsed = settingsPatch.safeParse(req.body ?? {});
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
