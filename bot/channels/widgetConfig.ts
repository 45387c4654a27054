import { Router, type NextFunction, type Request, type Response } from 'express';
import { z } from 'zod';
import type { TenantRepository } from '../data/tenants.ts';
import { badRequest, notFound } from '../errors.ts';

const query = z.object({
  tenant: z.string({ error: 'tenant is required' }).trim().min(1, 'tenant is required').max(100, 'tenant is too long'),
});

/** What the widget may know about a tenant before a conversation exists: public display settings only. */
export interface WidgetConfig {
  displayName: string;
  theme: { primaryColor?: string; title?: string; position?: 'bottom-right' | 'bottom-left' };
  defaultLocale: 'nl' | 'en';
  /** The tenant's own launcher and subtitle per language; the widget's locales fill in the rest. */
  texts: Partial<Record<'nl' | 'en', { launcher?: string; subtitle?: string }>>;
}

/**
 * GET /api/widget-config?tenant=… for the embedded widget. Public and cookie-free, so any page may
 * read it (CORS `*`); the origin allow-list is enforced where a conversation is opened.
 */
export function widgetConfigRouter(tenants: Pick<TenantRepository, 'find'>): Router {
  const router = Router();
  router.use('/api/widget-config', (req: Request, res: Response, next: NextFunction) => {
    res.setHeader('Access-Control-Allow-Origin', '*');
    res.setHeader('Cross-Origin-Resource-Policy', 'cross-origin');
    if (req.method === 'OPTIONS') {
      res.setHeader('Access-Control-Allow-Methods', 'GET, OPTIONS');
      res.setHeader('Access-Control-Max-Age', '600');
      res.status(204).end();
      return;
    }
    next();
  });
  router.get('/api/widget-config', async (req, res, next) => {
    try {
      const parsed = query.safeParse({ tenant: typeof req.query.tenant === 'string' ? req.query.tenant : undefined });
      if (!parsed.success) throw badRequest(parsed.error.issues.map((i) => i.message).join('; '));
      const tenant = await tenants.find(parsed.data.tenant);
      if (!tenant) throw notFound(`Unknown tenant "${parsed.data.tenant}"`);
      const { primaryColor, title, position } = tenant.theme;
      const body: WidgetConfig = {
        displayName: tenant.displayName,
        theme: { ...(primaryColor ? { primaryColor } : {}), ...(title ? { title } : {}), ...(position ? { position } : {}) },
        defaultLocale: tenant.defaultLocale,
        texts: Object.fromEntries(
          (['nl', 'en'] as const).flatMap((l) => {
            const own = tenant.theme.texts?.[l];
            const picked = { ...(own?.launcher ? { launcher: own.launcher } : {}), ...(own?.subtitle ? { subtitle: own.subtitle } : {}) };
            return Object.keys(picked).length ? [[l, picked]] : [];
          }),
        ),
      };
      // Short: a tenant's colour change shows within minutes, and every page view does not hit the database.
      res.setHeader('Cache-Control', 'public, max-age=300');
      res.json(body);
    } catch (error) {
      next(error);
    }
  });
  return router;
}
