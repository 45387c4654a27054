import { Router, type Request as ExpressRequest, type Response } from 'express';
import { z } from 'zod';
import { authorizeJWT, CloudAdapter, getAuthConfigWithDefaults, type AgentApplication, type AuthConfiguration, type TurnState } from '@microsoft/agents-hosting';
import { badRequest } from '../errors.ts';

export interface BotFrameworkOptions {
  appId?: string;
  appPassword?: string;
  appTenantId?: string;
}

/** The SDK's auth settings from our validated config; an empty app id turns authentication off. */
export function botAuthConfig(options: BotFrameworkOptions): AuthConfiguration {
  return getAuthConfigWithDefaults({
    clientId: options.appId ?? '',
    ...(options.appPassword ? { clientSecret: options.appPassword } : {}),
    ...(options.appTenantId ? { tenantId: options.appTenantId } : {}),
  } as AuthConfiguration);
}

// The adapter answers a malformed activity with a bare 400; this says what is wrong first.
const activityShape = z.object({
  type: z.string().min(1, 'type is required'),
  serviceUrl: z.string().url('serviceUrl must be a URL'),
  conversation: z.object({ id: z.string().min(1) }, { error: 'conversation.id is required' }),
  channelId: z.string().min(1, 'channelId is required'),
}).passthrough();

/** POST /api/messages: the Bot Framework Activity protocol through the Agents SDK CloudAdapter. */
export function botFrameworkRouter(agent: AgentApplication<TurnState>, options: BotFrameworkOptions): { router: Router; adapter: CloudAdapter } {
  const authConfig = botAuthConfig(options);
  const adapter = new CloudAdapter(authConfig);
  const jwt = authorizeJWT(authConfig);
  const router = Router();
  router.post('/api/messages', async (req: ExpressRequest, res: Response, next) => {
    try {
      const parsed = activityShape.safeParse(req.body);
      if (!parsed.success) throw badRequest(`Not a Bot Framework activity: ${parsed.error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`).join('; ')}`);
      let passed = false;
      await jwt(req as never, res as never, (err?: unknown) => {
        if (err) throw err;
        passed = true;
      });
      if (!passed || res.headersSent) return;
      await adapter.process(req as never, res as never, (context) => agent.run(context));
    } catch (error) {
      next(error);
    }
  });
  return { router, adapter };
}
