import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import express, { type Express, type Request } from 'express';
import helmet from 'helmet';
import { botFrameworkRouter } from './channels/botFramework.ts';
import { directLineRouter } from './channels/directline/routes.ts';
import { widgetConfigRouter } from './channels/widgetConfig.ts';
import type { Config } from './config.ts';
import { projectRoot } from './data/databaseUrl.ts';
import { notFound } from './errors.ts';
import { errorHandler, requestContext } from './http.ts';
import { bodyLimits, defaultBodyLimit, jsonBody } from './jsonBody.ts';
import type { Logger } from './logger.ts';
import { mediationRouter } from './mediation/routes.ts';
import { waitingTimeAdminRouter } from './mediation/waitingTimeAdmin.ts';
import { waitingTimesHealth } from './data/waitingTimeSync.ts';
import { waitingTimesRouter } from './api/waitingTimes.ts';
import { privacyRouter } from './api/privacyPage.ts';
import { specialismsRouter } from './api/specialisms.ts';
import type { Services } from './services.ts';

export interface AppDeps {
  config: Config;
  logger: Logger;
  services: Services;
  /** Built widget bundle; read per request in development so a rebuild shows without restart. */
  widgetPath?: string;
}

/** Where a browser or client can reach this server, for the stream URLs it is given. */
function publicBase(req: Request, config: Config): string {
  if (config.PUBLIC_URL) return config.PUBLIC_URL.replace(/\/$/, '');
  return `${req.protocol}://${req.get('host') ?? 'localhost'}`;
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
    directLineRouter(services.directLine, (req, conversationId, token) => {
      const base = publicBase(req, config).replace(/^http/, 'ws');
      return `${base}/v3/directline/conversations/${encodeURIComponent(conversationId)}/stream?t=${encodeURIComponent(token)}`;
    }),
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
  app.use(widgetConfigRouter(services.tenants));

  app.get('/widget.js', (_req, res, next) => {
    if (!existsSync(widgetPath)) return next(notFound('The widget is not built; run npm start or npm run build:widget'));
    res.setHeader('Content-Type', 'text/javascript; charset=utf-8');
    res.setHeader('Cross-Origin-Resource-Policy', 'cross-origin');
    res.setHeader('Cache-Control', config.isProduction ? 'public, max-age=300' : 'no-cache');
    res.send(readFileSync(widgetPath));
  });
  app.use(express.static(join(projectRoot, 'web-widget/public'), { index: 'index.html', extensions: ['html'] }));

  app.use((req, _res, next) => next(notFound(`No route for ${req.method} ${req.path}`)));
  app.use(errorHandler(logger));
  return app;
}
