import { randomBytes } from 'node:crypto';
import { EventEmitter } from 'node:events';
import type { AgentApplication, TurnState } from '@microsoft/agents-hosting';
import { z } from 'zod';
import { tenantChannelDataKey } from '../../agent.ts';
import type { DirectLineStore } from '../../data/directLineStore.ts';
import { noConversationLock, type ConversationLock } from '../../data/conversationLock.ts';
import type { TenantRepository, TenantSettings } from '../../data/tenants.ts';
import { badRequest, forbidden, notFound } from '../../errors.ts';
import { DirectLineAdapter, botAccount, directLineServiceUrl } from './adapter.ts';
import { trustedActivity } from '../trustedActivity.ts';
import { isOriginAllowed } from './origin.ts';
import { maskBsn } from '../../domain/bsn.ts';
import { bearer, sha256, type DirectLineTokens, type VerifiedToken } from './tokens.ts';

export const generateBody = z.object({
  tenant: z.string().min(1, 'tenant is required').max(100),
  locale: z.string().max(10).optional(),
  user: z.object({ id: z.string().min(1).max(100), name: z.string().max(100).optional() }).optional(),
});

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
  attachments: z.array(z.unknown()).max(0, 'attachments are not accepted').optional(),
});

const newConversationId = () => randomBytes(16).toString('base64url');

/** Direct Line 3.0 use-cases over the database; the HTTP and WebSocket layers stay thin. */
export class DirectLineService {
  readonly events = new EventEmitter();
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
  ) {
    this.events.setMaxListeners(0);
    this.adapter = new DirectLineAdapter(store, (id) => this.events.emit(id));
  }

  private async tenantOrThrow(id: string): Promise<TenantSettings> {
    const tenant = await this.tenants.find(id);
    if (!tenant) throw notFound(`Unknown tenant "${id}"`);
    return tenant;
  }

  /**
   * A browser proves its page is on the tenant's allow-list through Origin; a server without
   * Origin proves it knows the tenant's Direct Line secret.
   */
  async generate(input: z.infer<typeof generateBody>, origin: string | undefined, authorization: string | undefined) {
    const tenant = await this.tenantOrThrow(input.tenant);
    if (origin !== undefined) {
      if (!isOriginAllowed(origin, tenant.allowedOrigins)) throw forbidden(`Origin ${origin} is not allowed for tenant "${tenant.id}"`);
    } else {
      const secret = bearer(authorization);
      if (!tenant.directLineSecretHash || sha256(secret) !== tenant.directLineSecretHash) throw forbidden('The Direct Line secret is not valid for this tenant');
    }
    const locale = input.locale?.slice(0, 2).toLowerCase() === 'en' ? 'en' : input.locale?.slice(0, 2).toLowerCase() === 'nl' ? 'nl' : tenant.defaultLocale;
    const conversation = await this.store.createConversation({ id: newConversationId(), tenantId: tenant.id, locale });
    const token = await this.tokens.issue(tenant.id, conversation.id);
    return { conversationId: conversation.id, token: token.token, expires_in: token.expires_in };
  }

  async refresh(authorization: string | undefined) {
    const current = await this.tokens.verify(authorization);
    const token = await this.tokens.issue(current.tenantId, current.conversationId);
    return { conversationId: current.conversationId, token: token.token, expires_in: token.expires_in };
  }

  /** Starts (first call: the agent welcomes the patient) or resumes the token's conversation. */
  async startOrResume(authorization: string | undefined, userId?: string): Promise<{ created: boolean; body: { conversationId: string; token: string; expires_in: number } }> {
    const raw = bearer(authorization);
    let verified: VerifiedToken;
    const secretTenant = await this.tenants.findBySecretHash(sha256(raw));
    if (secretTenant) {
      // Classic Direct Line: a secret opens a new conversation.
      const created = await this.generate({ tenant: secretTenant.id }, undefined, authorization);
      verified = await this.tokens.verifyToken(created.token);
    } else {
      verified = await this.tokens.verifyToken(raw);
    }
    const conversation = await this.store.findConversation(verified.conversationId);
    if (!conversation) throw notFound('The conversation does not exist any more');
    const created = await this.store.markStarted(conversation.id);
    if (created) {
      const user = userId ?? `dl_${randomBytes(6).toString('hex')}`;
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
        ),
      );
    }
    return { created, body: { conversationId: conversation.id, token: verified.token, expires_in: verified.expiresInSeconds } };
  }

  async authorize(authorization: string | undefined, conversationId: string): Promise<VerifiedToken> {
    return this.tokens.verify(authorization, conversationId);
  }

  /** Stores the patient's activity, runs the turn, and answers its id (Direct Line's ResourceResponse). */
  async post(authorization: string | undefined, conversationId: string, body: unknown): Promise<{ id: string }> {
    const token = await this.authorize(authorization, conversationId);
    const parsed = incomingActivity.safeParse(body);
    if (!parsed.success) throw badRequest(`Invalid activity: ${parsed.error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`).join('; ')}`);
    const input = parsed.data;
    const conversation = await this.store.findConversation(conversationId);
    if (!conversation) throw notFound('Unknown conversation');
    const from = { id: input.from?.id ?? 'dl_user', ...(input.from?.name ? { name: input.from.name } : {}), role: 'user' };
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
      this.events.emit(conversationId);
      const id = stored?.id as string;
      // The agent sees the tenant the token was issued for (turn state), never one the client claims.
      const activity = trustedActivity({ ...base, id, serviceUrl: directLineServiceUrl });
      await this.adapter.runTurn(activity, this.agent, token.tenantId);
      return { id };
    });
  }

  async activities(authorization: string | undefined, conversationId: string, watermark: string | undefined) {
    await this.authorize(authorization, conversationId);
    const from = parseWatermark(watermark);
    const page = await this.store.since(conversationId, from);
    return { activities: page.activities, watermark: String(page.watermark) };
  }

  async since(conversationId: string, watermark: number) {
    return this.store.since(conversationId, watermark);
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

