import { Router, type NextFunction, type Request, type Response } from 'express';
import { asyncRoute } from '../../http.ts';
import { badRequest } from '../../errors.ts';
import { generateBody, type DirectLineService } from './service.ts';


/**
 * CORS for the widget on insurers' and hospitals' pages. Any origin may call: the origin
 * allow-list is enforced where a conversation is opened, and no cookie is ever involved.
 */
function cors(req: Request, res: Response, next: NextFunction): void {
  const origin = req.headers.origin;
  if (origin) {
    res.setHeader('Access-Control-Allow-Origin', origin);
    res.setHeader('Vary', 'Origin');
    res.setHeader('Access-Control-Allow-Headers', 'Authorization, Content-Type, X-Request-Id');
    res.setHeader('Access-Control-Allow-Methods', 'GET, POST, OPTIONS');
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

/** The self-hosted Direct Line 3.0 subset of the contract under /v3/directline. */
export function directLineRouter(
  service: DirectLineService,
  streamUrlFor: (req: Request, conversationId: string, token: string) => string,
  /** Rate limits on opening conversations; throws a 429 AppError when one is exceeded. */
  limitGenerate: (req: Request, tenant: string) => Promise<void> = async () => undefined,
): Router {
  const router = Router();
  router.use('/v3/directline', cors);

  router.post('/v3/directline/tokens/generate', asyncRoute(async (req, res) => {
    const parsed = generateBody.safeParse(req.body ?? {});
    if (!parsed.success) throw badRequest(parsed.error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`).join('; '));
    await limitGenerate(req, parsed.data.tenant);
    res.json(await service.generate(parsed.data, req.headers.origin, req.headers.authorization));
  }));

  router.post('/v3/directline/tokens/refresh', asyncRoute(async (req, res) => {
    res.json(await service.refresh(req.headers.authorization));
  }));

  router.post('/v3/directline/conversations', asyncRoute(async (req, res) => {
    const userId = typeof req.body?.user?.id === 'string' ? String(req.body.user.id).slice(0, 100) : undefined;
    const { created, body } = await service.startOrResume(req.headers.authorization, userId);
    res.status(created ? 201 : 200).json({ ...body, streamUrl: streamUrlFor(req, body.conversationId, body.token) });
  }));

  // Reconnect (Direct Line 3.0): the conversation and a fresh stream URL.
  router.get('/v3/directline/conversations/:id', asyncRoute(async (req, res) => {
    const token = await service.authorize(req.headers.authorization, String(req.params.id));
    res.json({ conversationId: token.conversationId, token: token.token, expires_in: token.expiresInSeconds, streamUrl: streamUrlFor(req, token.conversationId, token.token) });
  }));

  router.post('/v3/directline/conversations/:id/activities', asyncRoute(async (req, res) => {
    res.json(await service.post(req.headers.authorization, String(req.params.id), req.body));
  }));

  router.get('/v3/directline/conversations/:id/activities', asyncRoute(async (req, res) => {
    const watermark = typeof req.query.watermark === 'string' ? req.query.watermark : undefined;
    res.json(await service.activities(req.headers.authorization, String(req.params.id), watermark));
  }));

  return router;
}
