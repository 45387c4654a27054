import { tenantSettingsAdminRouter } from './mediation/tenantSettingsAdmin.ts';
import { dirname, join } from 'node:path';
import express, { type Express, type Request } from 'express';
import helmet from 'helmet';
import { botFrameworkRouter } from './channels/botFramework.ts';
import { directLineRouter } from './channels/directline/routes.ts';
import { widgetConfigRouter } from './channels/widgetConfig.ts';
import type { Config } from './config.ts';
import { projectRoot } from './data/databaseUrl.ts';
import { notFound, tooManyRequests } from './errors.ts';
import { RateLimiter } from './data/rateLimits.ts';
import { isLoopbackHost } from './channels/serviceUrl.ts';
import { errorHandler, requestContext } from './http.ts';
import { bodyLimits, defaultBodyLimit, jsonBody } from './jsonBody.ts';
import type { Logger } from './logger.ts';
import { mediationRouter } from './mediation/routes.ts';
import { waitingTimeAdminRouter } from './mediation/waitingTimeAdmin.ts';
import { waitingTimesHealth } from './data/waitingTimeSync.ts';
import { waitingTimesRouter } from './api/waitingTimes.ts';
import { privacyRouter } from './api/privacyPage.ts';
import { specialismsRouter } from './api/specialisms.ts';
import { compressedAsset } from './api/compressedAsset.ts';
import { bundleDirName, bundleNamePattern } from '../web-widget/bundleName.ts';
import type { Services } from './services.ts';

export interface AppDeps {
  config: Config;
  logger: Logger;
  services: Services;
  /** Built widget bundle; read per request in development so a rebuild shows without restart. */
  widgetPath?: string;
}

/**
 * Where a browser or client can reach this server, for the stream URLs it is given next to a token.
 * Production always has PUBLIC_URL (config.ts insists). In development the request's Host is used only
 * when it names this machine, so a forged Host cannot send the token to someone else's server.
 */
export function publicBase(req: Request, config: Pick<Config, 'PUBLIC_URL'>): string {
  if (config.PUBLIC_URL) return config.PUBLIC_URL.replace(/\/$/, '');
  // Every Direct Line turn asks; the answer depends only on these three, so it is remembered.
  const key = `${req.protocol} ${req.get('host') ?? ''} ${req.socket.localPort ?? ''}`;
  let base = publicBases.get(key);
  if (base === undefined) {
    base = publicBaseOf(req);
    if (publicBases.size >= 256) publicBases.clear();
    publicBases.set(key, base);
  }
  return base;
}
const publicBases = new Map<string, string>();

function publicBaseOf(req: Request): string {
  const host = req.get('host');
  if (host) {
    try {
      const url = new URL(`http://${host}`);
      if (isLoopbackHost(url.hostname) && !url.username && url.pathname === '/') return `${req.protocol}://${url.host}`;
    } catch {
      // not a host at all: fall through
    }
  }
  return `${req.protocol}://localhost:${req.socket.localPort ?? 3978}`;
}

/** tokens/generate limits per client address and per tenant; loopback is free outside production (tests, benchmarks). */
function generateLimits(config: Config, services: Services) {
  const limiter = new RateLimiter(services.db);
  const perAddress = { name: 'dl-generate-address', max: config.DIRECTLINE_GENERATE_PER_ADDRESS_PER_MINUTE, windowMs: 60_000 };
  const perTenant = { name: 'dl-generate-tenant', max: config.DIRECTLINE_GENERATE_PER_TENANT_PER_MINUTE, windowMs: 60_000 };
  return async (req: Request, tenant: string) => {
    const ip = req.ip ?? 'unknown';
    if (!config.isProduction && isLoopbackHost(ip)) return;
    const now = new Date();
    const addressWait = await limiter.hit(perAddress, ip, now);
    if (addressWait) throw tooManyRequests('Too many conversations opened from this address; try again shortly', addressWait);
    const tenantWait = await limiter.hit(perTenant, tenant, now);
    if (tenantWait) throw tooManyRequests('Too many conversations opened for this tenant; try again shortly', tenantWait);
  };
}

/** The express app without listen(): tests use it directly or on a free port. */
export function createApp({ config, logger, services, widgetPath = join(projectRoot, 'dist/widget.js') }: AppDeps): Express {
  const app = express();
  app.disable('x-powered-by');
  // X-Forwarded-For counts only from the proxies TRUST_PROXY names (default none): otherwise any
  // client could pick the address that log-in throttling and rate limits count against.
  app.set('trust proxy', config.TRUST_PROXY.length ? config.TRUST_PROXY : false);
  app.use(requestContext(logger));
  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: {
          defaultSrc: ["'self'"],
          scriptSrc: ["'self'"],
          styleSrc: ["'self'"],
          imgSrc: ["'self'", 'data:'],
          connectSrc: ["'self'", 'ws:', 'wss:'],
          frameAncestors: ["'none'"],
          formAction: ["'self'"],
        },
      },
      // The widget script and the Direct Line API are loaded by other sites' pages.
      crossOriginResourcePolicy: { policy: 'same-site' },
    }),
  );
  // Size limits per route and a nesting limit; larger or deeper bodies are refused before parsing.
  for (const [path, limit] of bodyLimits) app.use(path, jsonBody(limit));
  app.use(jsonBody(defaultBodyLimit));

  const syncSchedule = { url: config.WAITING_TIMES_SYNC_URL ?? null, days: config.WAITING_TIMES_SYNC_DAYS };
  app.get('/healthz', async (_req, res) => {
    try {
      await services.db.$queryRawUnsafe('SELECT 1');
      res.json({ status: 'ok', database: 'ok', waitingTimes: await waitingTimesHealth(services.db, syncSchedule) });
    } catch {
      res.status(503).json({ status: 'unavailable', database: 'unreachable' });
    }
  });

  app.use(
    botFrameworkRouter({
      agent: services.agent,
      adapter: services.bot.adapter,
      authConfig: services.bot.authConfig,
      serviceUrls: config.botAuthEnabled ? { kind: 'hosts', hosts: config.BOT_SERVICE_URL_HOSTS } : { kind: 'loopback' },
      logger,
    }),
  );
  app.use(
    directLineRouter(services.directLine, {
      streamUrl(req, conversationId, token, watermark) {
        const base = publicBase(req, config).replace(/^http/, 'ws');
        const resume = watermark !== undefined ? `&watermark=${watermark}` : '';
        return `${base}/v3/directline/conversations/${encodeURIComponent(conversationId)}/stream?t=${encodeURIComponent(token)}${resume}`;
      },
      linkBase: (req) => publicBase(req, config),
    }, generateLimits(config, services)),
  );
  app.use(waitingTimesRouter(services.knowledge, services.tenants));
  app.use(specialismsRouter(services.reference.specialisms));
  app.use(privacyRouter(services.i18next, { conversationDays: config.CONVERSATION_RETENTION_DAYS, caseDays: 90, demoWidgetTenant: config.isProduction ? null : 'demo-verzekeraar' }));
  app.use(mediationRouter(services.mediation));
  app.use(
    waitingTimeAdminRouter({
      db: services.db, auth: services.mediatorAuth, audit: services.mediation.audit, contracts: services.contracts,
      hospitals: () => services.waitingTimes.currentHospitals(), specialismCodes: new Set(services.reference.specialisms.map((s) => s.code)), schedule: syncSchedule,
    }),
  );
  app.use(tenantSettingsAdminRouter({ auth: services.mediatorAuth, audit: services.mediation.audit, tenants: services.tenants }));
  app.use(widgetConfigRouter(services.tenants));

  // The loader is small and stable in name: short cache, revalidated by ETag. The bundle it names
  // is content-hashed, so it may be cached for a year and never revalidated.
  const crossOrigin = { 'Content-Type': 'text/javascript; charset=utf-8', 'Cross-Origin-Resource-Policy': 'cross-origin', 'X-Content-Type-Options': 'nosniff' };
  const loader = compressedAsset(() => widgetPath, { ...crossOrigin, 'Cache-Control': config.isProduction ? 'public, max-age=300' : 'no-cache' });
  app.get('/widget.js', (req, res, next) => {
    if (!loader(req, res)) next(notFound('The widget is not built; run npm start or npm run build:widget'));
  });
  const bundles = new Map<string, ReturnType<typeof compressedAsset>>();
  app.get('/widget/:file', (req, res, next) => {
    const file = String(req.params.file);
    if (!bundleNamePattern.test(file)) return next(notFound(`No widget bundle ${file}`));
    if (!bundles.has(file)) {
      if (bundles.size > 20) bundles.clear();
      bundles.set(file, compressedAsset(() => join(dirname(widgetPath), bundleDirName, file), { ...crossOrigin, 'Cache-Control': 'public, max-age=31536000, immutable' }));
    }
    if (!bundles.get(file)!(req, res)) next(notFound(`No widget bundle ${file}; it may be from an older release`));
  });
  app.use(express.static(join(projectRoot, 'web-widget/public'), { index: 'index.html', extensions: ['html'] }));

  app.use((req, _res, next) => next(notFound(`No route for ${req.method} ${req.path}`)));
  app.use(errorHandler(logger));
  return app;
}
