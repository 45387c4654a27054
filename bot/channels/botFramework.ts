import { Router, type Request as ExpressRequest, type Response } from 'express';
import { z } from 'zod';
import { Activity } from '@microsoft/agents-activity';
import { authorizeJWT, CloudAdapter, getAuthConfigWithDefaults, type AgentApplication, type AuthConfiguration, type TurnState } from '@microsoft/agents-hosting';
import { AppError, badRequest } from '../errors.ts';
import type { Logger } from '../logger.ts';
import { serviceUrlProblem, type ServiceUrlPolicy } from './serviceUrl.ts';

export interface BotFrameworkOptions {
  appId?: string;
  appPassword?: string;
  appTenantId?: string;
}

/**
 * The SDK's auth settings from our validated config (the README's MicrosoftAppId / MicrosoftAppPassword /
 * MicrosoftAppTenantId become the SDK's clientId / clientSecret / tenantId); an empty app id turns
 * authentication off.
 */
export function botAuthConfig(options: BotFrameworkOptions): AuthConfiguration {
  return getAuthConfigWithDefaults({
    clientId: options.appId ?? '',
    ...(options.appPassword ? { clientSecret: options.appPassword } : {}),
    ...(options.appTenantId ? { tenantId: options.appTenantId } : {}),
  } as AuthConfiguration);
}

/** The one CloudAdapter: the agent and /api/messages share it, so the SDK never reads settings from the environment itself. */
export function createBotAdapter(options: BotFrameworkOptions): { adapter: CloudAdapter; authConfig: AuthConfiguration } {
  const authConfig = botAuthConfig(options);
  return { adapter: new CloudAdapter(authConfig), authConfig };
}

const id = (what: string, max: number) => z.string({ error: `${what} must be a string` }).min(1, `${what} must not be empty`).max(max, `${what} is longer than ${max} characters`);
const account = (what: string) =>
  z.object({ id: id(`${what}.id`, 500), name: z.string().max(500).optional(), role: z.string().max(50).optional() }, { error: `${what} must be an object with an id` }).passthrough();

/**
 * What this bot needs of an incoming Bot Framework activity, checked before the SDK sees it (the SDK
 * would throw on most of these and surface a 500). Unknown fields pass through for the SDK.
 */
export const botFrameworkActivity = z.object({
  type: id('type', 100),
  id: z.string().max(500).optional(),
  serviceUrl: z.string({ error: 'serviceUrl is required' }).max(2000),
  channelId: id('channelId', 100),
  conversation: z.object({ id: id('conversation.id', 1000) }, { error: 'conversation.id is required' }).passthrough(),
  from: account('from'),
  recipient: account('recipient'),
  text: z.string().max(100_000).optional(),
  locale: z.string().max(50).optional(),
  name: z.string().max(300).optional(),
  replyToId: z.string().max(500).optional(),
  timestamp: z.string().max(60).optional(),
  membersAdded: z.array(account('membersAdded[]')).max(500).optional(),
  membersRemoved: z.array(account('membersRemoved[]')).max(500).optional(),
  channelData: z.record(z.string(), z.unknown()).optional(),
  attachments: z.array(z.record(z.string(), z.unknown())).max(50).optional(),
  entities: z.array(z.record(z.string(), z.unknown())).max(100).optional(),
  deliveryMode: z.enum(['normal', 'notification', 'expectReplies', 'ephemeral', 'stream']).optional(),
}).passthrough();

const issues = (error: z.ZodError | { issues: { path: PropertyKey[]; message: string }[] }) =>
  error.issues.map((i) => `${i.path.map(String).join('.') || 'body'}: ${i.message}`).join('; ');

/**
 * Whether an error from a turn is the channel not taking our replies (serviceUrl down, refusing, or
 * answering with an HTTP error): the caller's side, not ours.
 */
export function isDeliveryFailure(error: unknown): boolean {
  for (let e = error, depth = 0; e && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    const { name, message, code } = e as { name?: string; message?: string; code?: string };
    if (name === 'HttpError') return true;
    if (typeof code === 'string' && /^(ECONN|ENOTFOUND|EAI_|ETIMEDOUT|EHOSTUNREACH|ENETUNREACH|EPIPE|UND_ERR)/.test(code)) return true;
    if (typeof message === 'string' && /fetch failed|socket hang up|other side closed/i.test(message)) return true;
  }
  return false;
}

/**
 * Invokes carry a request the sender waits on (Teams message extensions, card actions, sign-in). This
 * bot handles none of them: Azure's health check gets its success, everything else a Bot Framework
 * "not supported" error invoke response instead of the SDK's bare 501.
 */
function answerInvoke(name: string | undefined, res: Response): void {
  if (name === 'healthCheck') {
    res.status(200).json({ healthResults: { success: true, messages: ['Wachtwijzer is healthy'] } });
    return;
  }
  res.status(200).json({
    statusCode: 400,
    type: 'application/vnd.microsoft.error',
    value: { code: 'NotSupported', message: `Wachtwijzer does not handle invoke activities${name ? ` ("${name.slice(0, 100)}")` : ''}` },
  });
}

export interface BotFrameworkRouterDeps {
  agent: AgentApplication<TurnState>;
  adapter: CloudAdapter;
  authConfig: AuthConfiguration;
  serviceUrls: ServiceUrlPolicy;
  logger: Logger;
}

/** POST /api/messages: the Bot Framework Activity protocol through the Agents SDK CloudAdapter. */
export function botFrameworkRouter({ agent, adapter, authConfig, serviceUrls, logger }: BotFrameworkRouterDeps): Router {
  const jwt = authorizeJWT(authConfig);
  const router = Router();
  router.post('/api/messages', async (req: ExpressRequest, res: Response, next) => {
    try {
      const parsed = botFrameworkActivity.safeParse(req.body);
      if (!parsed.success) throw badRequest(`Not a Bot Framework activity: ${issues(parsed.error)}`);
      // The SDK's own schema, so nothing the SDK would reject gets past this point as a 500.
      try {
        Activity.fromObject(structuredClone(req.body));
      } catch (error) {
        const sdkIssues = (error as { issues?: { path: PropertyKey[]; message: string }[] }).issues;
        throw badRequest(`Not a Bot Framework activity: ${sdkIssues ? issues({ issues: sdkIssues }) : 'rejected by the Bot Framework schema'}`);
      }
      let passed = false;
      await jwt(req as never, res as never, (err?: unknown) => {
        if (err) throw err;
        passed = true;
      });
      if (!passed || res.headersSent) return;
      const problem = serviceUrlProblem(parsed.data.serviceUrl, serviceUrls);
      if (problem) throw badRequest(problem);
      if (parsed.data.type === 'invoke') return answerInvoke(parsed.data.name, res);
      try {
        await adapter.process(req as never, res as never, (context) => agent.run(context));
      } catch (error) {
        if (!isDeliveryFailure(error)) throw error;
        logger.warn({ reqId: req.id, err: (error as Error).message }, 'replies could not be delivered to the serviceUrl');
        if (!res.headersSent) throw new AppError(400, 'service_url_unreachable', 'The replies could not be delivered to serviceUrl (unreachable or refusing)');
      }
    } catch (error) {
      next(error);
    }
  });
  return router;
}
