import { randomBytes } from 'node:crypto';
import { Activity } from '@microsoft/agents-activity';
import type { AgentApplication, TurnState } from '@microsoft/agents-hosting';
import { z } from 'zod';
import { filesRefusedEventName as filesRefusedEvent, tenantChannelDataKey } from '../../agent.ts';
import type { DirectLineStore } from '../../data/directLineStore.ts';
import { noConversationLock, type ConversationLock } from '../../data/conversationLock.ts';
import type { TenantRepository, TenantSettings } from '../../data/tenants.ts';
import { AppError, badRequest, forbidden, notFound } from '../../errors.ts';
import { DirectLineAdapter, botAccount, directLineServiceUrl } from './adapter.ts';
import { trustedActivity } from '../trustedActivity.ts';
import { InProcessNotifier, type ActivityNotifier } from './notifier.ts';
import { isOriginAllowed } from './origin.ts';
import { maskBsn } from '../../domain/bsn.ts';
import { bearer, sha256, type DirectLineTokens, type VerifiedToken } from './tokens.ts';

// Direct Line's own rule for user ids asked for in tokens/generate: they start with "dl_".
const directLineUserId = z.string().regex(/^dl_[\w.:@-]{1,96}$/, 'user.id must start with "dl_" and use letters, digits, _ . : @ or -');

/** Direct Line's body (`{user: {id}}`) with our additions: the tenant (browsers) and the locale. */
export const generateBody = z.object({
  tenant: z.string().min(1, 'tenant must not be empty').max(100).optional(),
  locale: z.string().max(10).optional(),
  user: z.object({ id: directLineUserId, name: z.string().max(100).optional() }).optional(),
});

/** POST /conversations: Direct Line clients may name their user; any id up to 100 characters. */
// directlinejs sends `{"user": {}}` when its user has no id.
export const startBody = z.object({
  user: z.object({ id: z.string().min(1).max(100).optional(), name: z.string().max(100).optional() }).optional(),
}).passthrough();

const maxText = 4000;
export const incomingActivity = z.object({
  type: z.enum(['message', 'event', 'typing'], { error: 'type must be message, event or typing' }),
  text: z.string().max(maxText, `text is longer than ${maxText} characters`).optional(),
  locale: z.string().max(20).optional(),
  name: z.string().max(100).optional(),
  value: z.unknown().optional(),
  textFormat: z.string().max(20).optional(),
  from: z.object({ id: z.string().min(1).max(200), name: z.string().max(200).optional() }).optional(),
  channelData: z.record(z.string(), z.unknown()).optional(),
  attachments: z.array(z.unknown()).optional(),
});

/** 415: what the client sent is a file, which this channel does not take (the chat says so too). */
export const filesRefused = () => new AppError(415, 'unsupported_media_type', 'This assistant cannot receive files or attachments; type your question instead');

const newConversationId = () => randomBytes(16).toString('base64url');

/** Direct Line 3.0 use-cases over the database; the HTTP and WebSocket layers stay thin. */
export class DirectLineService {
  readonly adapter: DirectLineAdapter;
  private readonly queues = new Map<string, Promise<unknown>>();
  private inFlight = 0;
  private idle: (() => void) | null = null;

  constructor(
    private readonly store: DirectLineStore,
    private readonly tenants: TenantRepository,
    private readonly tokens: DirectLineTokens,
    private readonly agent: AgentApplication<TurnState>,
    private readonly turnLock: ConversationLock = noConversationLock,
    /** Wakes the streams of a conversation when it has new activities. */
    readonly notifier: ActivityNotifier = new InProcessNotifier(),
  ) {
    this.adapter = new DirectLineAdapter(store, (id) => notifier.notify(id));
  }

  private async tenantOrThrow(id: string): Promise<TenantSettings> {
    const tenant = await this.tenants.find(id);
    if (!tenant) throw notFound(`Unknown tenant "${id}"`);
    return tenant;
  }

  /**
   * A browser proves its page is on the tenant's allow-list through Origin; a server without
   * Origin proves it knows a tenant's Direct Line secret, and the secret names the tenant (the
   * `tenant` field may then be left out, as in Direct Line's own body). A `user.id` asked for is
   * bound to the conversation the token opens.
   */
  async generate(input: z.infer<typeof generateBody>, origin: string | undefined, authorization: string | undefined) {
    let tenant: TenantSettings;
    if (origin !== undefined) {
      if (!input.tenant) throw badRequest('tenant is required when a browser asks for a token');
      tenant = await this.tenantOrThrow(input.tenant);
      if (!isOriginAllowed(origin, tenant.allowedOrigins)) throw forbidden(`Origin ${origin} is not allowed for tenant "${tenant.id}"`);
    } else {
      const hash = sha256(bearer(authorization));
      const bySecret = await this.tenants.findBySecretHash(hash);
      if (!bySecret || (input.tenant !== undefined && input.tenant !== bySecret.id)) {
        if (input.tenant !== undefined) await this.tenantOrThrow(input.tenant);
        throw forbidden('The Direct Line secret is not valid for this tenant');
      }
      tenant = bySecret;
    }
    const locale = input.locale?.slice(0, 2).toLowerCase() === 'en' ? 'en' : input.locale?.slice(0, 2).toLowerCase() === 'nl' ? 'nl' : tenant.defaultLocale;
    const conversation = await this.store.createConversation({ id: newConversationId(), tenantId: tenant.id, locale, ...(input.user ? { userId: input.user.id } : {}) });
    const token = await this.tokens.issue(tenant.id, conversation.id, conversation.userId);
    return { conversationId: conversation.id, token: token.token, expires_in: token.expires_in };
  }

  async refresh(authorization: string | undefined) {
    const current = await this.tokens.verify(authorization);
    const conversation = await this.store.findConversation(current.conversationId);
    const token = await this.tokens.issue(current.tenantId, current.conversationId, conversation?.userId);
    return { conversationId: current.conversationId, token: token.token, expires_in: token.expires_in };
  }

  /** Binds the conversation to `userId` (first claim wins); 403 when it already belongs to another user id. */
  private async claim(conversationId: string, current: string | null, userId: string): Promise<string> {
    const bound = current ?? (await this.store.bindUser(conversationId, userId));
    if (bound !== userId) throw forbidden('This conversation belongs to another user id; use the user id the token was issued for');
    return bound;
  }

  /**
   * Starts (first call: the agent welcomes the patient) or resumes the token's conversation. With
   * a tenant's secret, a new conversation is opened (classic Direct Line), for `body.user.id` when
   * given.
   */
  async startOrResume(authorization: string | undefined, body: unknown = {}, linkBase?: string): Promise<{ created: boolean; body: { conversationId: string; token: string; expires_in: number } }> {
    const parsed = startBody.safeParse(body ?? {});
    if (!parsed.success) throw badRequest(parsed.error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`).join('; '));
    const userId = parsed.data.user?.id;
    const raw = bearer(authorization);
    let verified: VerifiedToken;
    const secretTenant = await this.tenants.findBySecretHash(sha256(raw));
    if (secretTenant) {
      // The user id named in the body is bound from the start, so the token returned names it too.
      const created = await this.generate({ tenant: secretTenant.id, ...(userId ? { user: { id: userId } } : {}) }, undefined, authorization);
      verified = await this.tokens.verifyToken(created.token);
    } else {
      verified = await this.tokens.verifyToken(raw);
    }
    let conversation = await this.store.findConversation(verified.conversationId);
    if (!conversation) throw notFound('The conversation does not exist any more');
    if (userId) conversation = { ...conversation, userId: await this.claim(conversation.id, conversation.userId, userId) };
    const created = await this.store.markStarted(conversation.id);
    if (created) {
      // Until the client names its user, the welcome goes to the conversation, not to an id the client never learns.
      const user = conversation.userId ?? 'user';
      await this.runSerialized(conversation.id, () =>
        this.adapter.runTurn(
          trustedActivity({
            type: 'conversationUpdate',
            id: `${conversation.id}|start`,
            channelId: 'directline',
            serviceUrl: directLineServiceUrl,
            conversation: { id: conversation.id },
            from: { id: user, role: 'user' },
            recipient: botAccount,
            membersAdded: [botAccount, { id: user, role: 'user' }],
            locale: conversation.locale,
            timestamp: new Date().toISOString(),
          }),
          this.agent,
          conversation.tenantId,
          linkBase,
        ),
      );
    }
    return { created, body: { conversationId: conversation.id, token: verified.token, expires_in: verified.expiresInSeconds } };
  }

  async authorize(authorization: string | undefined, conversationId: string): Promise<VerifiedToken> {
    return this.tokens.verify(authorization, conversationId);
  }

  /** Stores the patient's activity, runs the turn, and answers its id (Direct Line's ResourceResponse). */
  async post(authorization: string | undefined, conversationId: string, body: unknown, linkBase?: string): Promise<{ id: string }> {
    const token = await this.authorize(authorization, conversationId);
    const parsed = incomingActivity.safeParse(body);
    if (!parsed.success) throw badRequest(`Invalid activity: ${parsed.error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`).join('; ')}`);
    const input = parsed.data;
    const conversation = await this.store.findConversation(conversationId);
    if (!conversation) throw notFound('Unknown conversation');
    const userId = input.from?.id ? await this.claim(conversationId, conversation.userId, input.from.id) : (conversation.userId ?? 'user');
    if (input.attachments?.length) {
      await this.refuseFiles(conversationId, conversation.locale, input.locale, userId, token.tenantId, linkBase);
      throw filesRefused();
    }
    const from = { id: userId, ...(input.from?.name ? { name: input.from.name } : {}), role: 'user' };
    const clientChannelData = { ...(input.channelData ?? {}) };
    delete clientChannelData[tenantChannelDataKey];
    // A BSN never reaches the database, not even in the stored copy of what the patient sent.
    const base = {
      type: input.type,
      ...(input.text !== undefined ? { text: maskBsn(input.text) } : {}),
      ...(input.name !== undefined ? { name: input.name } : {}),
      ...(input.value !== undefined ? { value: typeof input.value === 'string' ? maskBsn(input.value) : input.value } : {}),
      ...(input.textFormat ? { textFormat: input.textFormat } : {}),
      locale: input.locale ?? conversation.locale,
      channelId: 'directline',
      conversation: { id: conversationId },
      from,
      recipient: botAccount,
      timestamp: new Date().toISOString(),
      ...(Object.keys(clientChannelData).length ? { channelData: clientChannelData } : {}),
    };
    if (input.type === 'typing') return { id: `${conversationId}|typing` };
    return this.runSerialized(conversationId, async () => {
      const [stored] = await this.store.append(conversationId, 'user', [base as never]);
      this.notifier.notify(conversationId);
      const id = stored?.id as string;
      // The agent sees the tenant the token was issued for (turn state), never one the client claims.
      const activity = trustedActivity({ ...base, id, serviceUrl: directLineServiceUrl });
      await this.adapter.runTurn(activity, this.agent, token.tenantId, linkBase);
      return { id };
    });
  }

  /**
   * POST …/upload: files are never taken (health documents do not belong in a chat). The patient
   * hears it in the chat, in their language, and the client gets a 415.
   */
  async upload(authorization: string | undefined, conversationId: string, userIdFromQuery: string | undefined, linkBase?: string): Promise<never> {
    const token = await this.authorize(authorization, conversationId);
    const conversation = await this.store.findConversation(conversationId);
    if (!conversation) throw notFound('Unknown conversation');
    const userId = userIdFromQuery ? await this.claim(conversationId, conversation.userId, userIdFromQuery.slice(0, 100)) : (conversation.userId ?? 'user');
    await this.refuseFiles(conversationId, conversation.locale, undefined, userId, token.tenantId, linkBase);
    throw filesRefused();
  }

  /** Runs the agent's "cannot receive files" turn (an event, so the conversation's state stays where it was). */
  private async refuseFiles(conversationId: string, conversationLocale: string, locale: string | undefined, userId: string, tenantId: string, linkBase?: string): Promise<void> {
    await this.runSerialized(conversationId, () =>
      this.adapter.runTurn(
        Activity.fromObject({
          type: 'event',
          name: filesRefusedEvent,
          id: `${conversationId}|file-${randomBytes(4).toString('hex')}`,
          channelId: 'directline',
          serviceUrl: directLineServiceUrl,
          conversation: { id: conversationId },
          from: { id: userId, role: 'user' },
          recipient: botAccount,
          locale: locale ?? conversationLocale,
          timestamp: new Date().toISOString(),
        }),
        this.agent,
        tenantId,
        linkBase,
      ),
    );
  }

  /** GET …/activities as the JSON text to send (the stored activities spliced in, not re-serialized). */
  async activitiesJson(authorization: string | undefined, conversationId: string, watermark: string | undefined): Promise<string> {
    await this.authorize(authorization, conversationId);
    return (await this.store.sinceAsJson(conversationId, parseWatermark(watermark))).json;
  }

  /** A stream's next frame: how many activities, the new watermark and the frame's JSON text. */
  async sinceAsJson(conversationId: string, watermark: number) {
    return this.store.sinceAsJson(conversationId, watermark);
  }

  /**
   * One turn at a time per conversation on this instance, in arrival order; across instances the
   * turn lock (PostgreSQL: an advisory lock) makes a turn wait for one running elsewhere, and on
   * SQLite the state's eTag catches a collision.
   */
  private async runSerialized<T>(conversationId: string, work: () => Promise<T>): Promise<T> {
    const previous = this.queues.get(conversationId) ?? Promise.resolve();
    this.inFlight += 1;
    const next = previous.catch(() => undefined).then(() => this.turnLock.run(conversationId, work));
    this.queues.set(conversationId, next);
    try {
      return await next;
    } finally {
      this.inFlight -= 1;
      if (this.queues.get(conversationId) === next) this.queues.delete(conversationId);
      if (this.inFlight === 0) this.idle?.();
    }
  }

  /** Resolves when no turn is running (graceful shutdown). */
  async drain(timeoutMs: number): Promise<void> {
    if (this.inFlight === 0) return;
    await Promise.race([
      new Promise<void>((resolve) => (this.idle = resolve)),
      new Promise<void>((resolve) => setTimeout(resolve, timeoutMs).unref()),
    ]);
  }
}

export function parseWatermark(watermark: string | undefined): number {
  if (watermark === undefined || watermark === '') return 0;
  if (!/^\d{1,10}$/.test(watermark)) throw badRequest('watermark must be a whole number');
  return Number(watermark);
}

