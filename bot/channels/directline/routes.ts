import { Router, type NextFunction, type Request, type Response } from 'express';
import { asyncRoute } from '../../http.ts';
import { badRequest } from '../../errors.ts';
import { generateBody, parseWatermark, type DirectLineService } from './service.ts';

// What Microsoft's clients send: botframework-directlinejs adds x-ms-bot-agent, Web Chat's
// polyfills X-Requested-With, and later versions may add more x-ms-* headers.
const allowedHeaders = ['Authorization', 'Content-Type', 'X-Request-Id', 'X-Requested-With', 'x-ms-bot-agent', 'x-ms-conversation-id'];
const msHeader = /^x-ms-[a-z0-9-]{1,60}$/i;
// What a client may read from an answer: the request id (for support) and when to retry.
const exposedHeaders = 'X-Request-Id, Retry-After, Content-Length';

/** The headers a preflight may be granted: the fixed list plus any x-ms-* it asks for. */
export function allowHeadersFor(requested: string | undefined): string {
  const extra = (requested ?? '')
    .split(',')
    .map((h) => h.trim())
    .filter((h) => msHeader.test(h) && !allowedHeaders.some((a) => a.toLowerCase() === h.toLowerCase()));
  return [...allowedHeaders, ...extra].join(', ');
}

/**
 * CORS for the widget and Microsoft's clients on insurers' and hospitals' pages. Any origin may
 * call: the origin allow-list is enforced where a browser asks for a token, tokens are bearer
 * headers, and no cookie is ever involved.
 */
function cors(req: Request, res: Response, next: NextFunction): void {
  const origin = req.headers.origin;
  if (origin) {
    res.setHeader('Access-Control-Allow-Origin', origin);
    res.setHeader('Vary', 'Origin, Access-Control-Request-Headers');
    res.setHeader('Access-Control-Allow-Headers', allowHeadersFor(req.headers['access-control-request-headers']));
    res.setHeader('Access-Control-Allow-Methods', 'GET, POST, OPTIONS');
    res.setHeader('Access-Control-Expose-Headers', exposedHeaders);
    res.setHeader('Access-Control-Max-Age', '600');
  }
  res.setHeader('Cross-Origin-Resource-Policy', 'cross-origin');
  res.setHeader('Cache-Control', 'no-store');
  if (req.method === 'OPTIONS') {
    res.status(204).end();
    return;
  }
  next();
}

export interface DirectLineUrls {
  /** The stream URL for a conversation, token and optional watermark to resume from. */
  streamUrl(req: Request, conversationId: string, token: string, watermark?: number): string;
  /** Where the server's own relative links point (PUBLIC_URL or the request's origin). */
  linkBase(req: Request): string;
}

const queryWatermark = (req: Request): number | undefined => {
  const raw = req.query.watermark;
  if (raw === undefined) return undefined;
  if (typeof raw !== 'string') throw badRequest('watermark must be a whole number');
  return raw === '' ? undefined : parseWatermark(raw);
};

/** The self-hosted Direct Line 3.0 subset of the contract under /v3/directline. */
export function directLineRouter(
  service: DirectLineService,
  urls: DirectLineUrls,
  /** Rate limits on opening conversations; throws a 429 AppError when one is exceeded. */
  limitGenerate: (req: Request, tenant: string) => Promise<void> = async () => undefined,
): Router {
  const router = Router();
  router.use('/v3/directline', cors);

  router.post('/v3/directline/tokens/generate', asyncRoute(async (req, res) => {
    const parsed = generateBody.safeParse(req.body ?? {});
    if (!parsed.success) throw badRequest(parsed.error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`).join('; '));
    // With a secret and no tenant field the tenant is known only after the secret is checked; the limit then counts per caller.
    await limitGenerate(req, parsed.data.tenant ?? '');
    res.json(await service.generate(parsed.data, req.headers.origin, req.headers.authorization));
  }));

  router.post('/v3/directline/tokens/refresh', asyncRoute(async (req, res) => {
    res.json(await service.refresh(req.headers.authorization));
  }));

  router.post('/v3/directline/conversations', asyncRoute(async (req, res) => {
    const { created, body } = await service.startOrResume(req.headers.authorization, req.body, urls.linkBase(req));
    res.status(created ? 201 : 200).json({ ...body, streamUrl: urls.streamUrl(req, body.conversationId, body.token) });
  }));

  // Reconnect (Direct Line 3.0): the conversation and a fresh stream URL that resumes after ?watermark=.
  router.get('/v3/directline/conversations/:id', asyncRoute(async (req, res) => {
    const watermark = queryWatermark(req);
    const token = await service.authorize(req.headers.authorization, String(req.params.id));
    res.json({ conversationId: token.conversationId, token: token.token, expires_in: token.expiresInSeconds, streamUrl: urls.streamUrl(req, token.conversationId, token.token, watermark) });
  }));

  router.post('/v3/directline/conversations/:id/activities', asyncRoute(async (req, res) => {
    res.json(await service.post(req.headers.authorization, String(req.params.id), req.body, urls.linkBase(req)));
  }));

  // Files are never taken: a 415 for the client and a sentence for the patient in the chat.
  router.post('/v3/directline/conversations/:id/upload', asyncRoute(async (req) => {
    const userId = typeof req.query.userId === 'string' && req.query.userId ? req.query.userId : undefined;
    await service.upload(req.headers.authorization, String(req.params.id), userId, urls.linkBase(req));
  }));

  router.get('/v3/directline/conversations/:id/activities', asyncRoute(async (req, res) => {
    const watermark = typeof req.query.watermark === 'string' ? req.query.watermark : undefined;
    const json = await service.activitiesJson(req.headers.authorization, String(req.params.id), watermark);
    // Sent as it is: polls are never cached (no-store), so no ETag is computed for them either.
    res.setHeader('Content-Type', 'application/json; charset=utf-8');
    res.setHeader('Content-Length', Buffer.byteLength(json));
    res.end(json);
  }));

  return router;
}
