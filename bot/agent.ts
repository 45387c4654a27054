import { Activity, ActivityTypes } from '@microsoft/agents-activity';
import { AgentApplication, type CloudAdapter, type Storage, type TurnContext, TurnState } from '@microsoft/agents-hosting';
import type { Logger } from './logger.ts';
import { trustedActivity } from './channels/trustedActivity.ts';
import type { ConversationServices } from './conversation/ports.ts';
import { runTurn } from './conversation/engine.ts';
import type { OutgoingEvent, PatientInput, Reply, TenantView } from './conversation/types.ts';
import { isLocale, type Locale } from './i18n/index.ts';

/** channelData key a client might use to claim a tenant; every channel strips it, none reads it. */
export const tenantChannelDataKey = 'wachtwijzerTenant';
/** Event a channel sends the agent when the patient tried to send a file, which is never taken. */
export const filesRefusedEventName = 'wachtwijzer.filesRefused';
/**
 * turnState key the self-hosted Direct Line sets to the tenant its token was issued for. Turn state is
 * not part of the activity, so no client can set it.
 */
export const directLineTenantKey = 'wachtwijzer.directLineTenant';
const stateKey = 'conversation.wachtwijzer';
const maxTextLength = 2000;

export interface AgentDeps {
  storage: Storage;
  services: ConversationServices;
  findTenant(id: string): Promise<TenantView | null>;
  /** The tenant of every /api/messages conversation (BOT_TENANT): configuration, never the activity. */
  botTenantId: string;
  /** The Bot Framework adapter; without it the SDK would build one from process.env. */
  adapter?: CloudAdapter;
  logger: Logger;
  now?: () => Date;
}

function toActivity(reply: Reply, locale: Locale): Activity {
  const channelData: Record<string, unknown> = {};
  if (reply.slot) channelData.slot = reply.slot;
  if (reply.caseReference) channelData.caseReference = reply.caseReference;
  return trustedActivity({
    type: ActivityTypes.Message,
    text: reply.text,
    textFormat: 'markdown',
    locale,
    inputHint: reply.slot ? 'expectingInput' : 'acceptingInput',
    ...(Object.keys(channelData).length ? { channelData } : {}),
    ...(reply.choices?.length
      ? // An empty "to" (everyone): Web Chat hides suggested actions addressed to an id other than its own, and the client's id is not always known here.
        { suggestedActions: { to: [], actions: reply.choices.map((c) => ({ type: 'imBack', title: c, value: c })) } }
      : {}),
  });
}

function toEvent(event: OutgoingEvent): Activity {
  return trustedActivity({ type: ActivityTypes.Event, name: event.name, value: event.value ?? {}, ...(event.attachments ? { attachments: event.attachments } : {}) });
}

/**
 * The Agents SDK application: turns Activities into patient inputs for the conversation state
 * machine and its replies back into Activities. State is read and saved through the SDK's Storage.
 */
/**
 * Who a turn belongs to. Direct Line turns: the token's tenant and the (random, server-made)
 * conversation id. /api/messages turns: the configured tenant, and the caller's conversation id
 * prefixed with tenant and channel, so an /api/messages caller that names a Direct Line
 * conversation's id (or another channel's) reaches a conversation of its own, never that one.
 */
export function turnScope(context: TurnContext, botTenantId: string): { tenantId: string; conversationKey: string } {
  const conversationId = context.activity.conversation?.id ?? 'unknown';
  const directLineTenant: unknown = context.turnState.get(directLineTenantKey);
  if (typeof directLineTenant === 'string') return { tenantId: directLineTenant, conversationKey: conversationId };
  return { tenantId: botTenantId, conversationKey: `bf:${botTenantId}:${context.activity.channelId ?? 'unknown'}:${conversationId}` };
}

/** The SDK's turn state with storage keys from turnScope (Direct Line keys stay as the SDK makes them). */
class ScopedTurnState extends TurnState {
  constructor(private readonly botTenantId: string) {
    super();
  }

  protected override async onComputeStorageKeys(context: TurnContext): Promise<Record<string, string>> {
    const keys = await super.onComputeStorageKeys(context);
    if (typeof context.turnState.get(directLineTenantKey) === 'string') return keys;
    const { conversationKey } = turnScope(context, this.botTenantId);
    const channelId = context.activity.channelId ?? 'unknown';
    const agentId = context.activity.recipient?.id ?? 'unknown';
    return {
      ...keys,
      conversation: `${channelId}/${agentId}/conversations/${conversationKey}`,
      user: `bf/${this.botTenantId}/${keys.user ?? ''}`,
    };
  }
}

export function createAgent(deps: AgentDeps): AgentApplication<TurnState> {
  const app = new AgentApplication<TurnState>({
    storage: deps.storage,
    startTypingTimer: false,
    turnStateFactory: () => new ScopedTurnState(deps.botTenantId),
    ...(deps.adapter ? { adapter: deps.adapter } : {}),
  });
  const now = deps.now ?? (() => new Date());

  async function handle(context: TurnContext, state: TurnState, input: PatientInput): Promise<void> {
    const scope = turnScope(context, deps.botTenantId);
    const tenant = await deps.findTenant(scope.tenantId);
    if (!tenant) throw new Error(`Unknown tenant ${scope.tenantId}`);
    const previous: unknown = state.getValue(stateKey);
    const conversationId = scope.conversationKey;
    const result = await runTurn(previous, input, { conversationId, channel: context.activity.channelId ?? 'unknown', tenant, now: now() }, deps.services);
    state.setValue(stateKey, result.state);
    // The SDK saves state only in after-turn handlers; saving before replying means a reply is
    // never visible for a state that was not stored.
    await state.save(context, deps.storage);
    const outgoing = [
      ...result.events.filter((e) => e.first).map(toEvent),
      ...result.replies.map((r) => toActivity(r, result.state.locale)),
      ...result.events.filter((e) => !e.first).map(toEvent),
    ];
    if (outgoing.length) await context.sendActivities(outgoing);
  }

  const localeOf = (context: TurnContext): Locale | undefined => {
    const raw = context.activity.locale?.slice(0, 2).toLowerCase();
    return isLocale(raw) ? raw : undefined;
  };

  app.onConversationUpdate('membersAdded', async (context, state) => {
    const botId = context.activity.recipient?.id;
    const humans = (context.activity.membersAdded ?? []).filter((m) => m.id !== botId);
    if (humans.length === 0) return;
    await handle(context, state, { kind: 'start', locale: localeOf(context) });
  });

  app.onActivity(ActivityTypes.Message, async (context, state) => {
    const text = (context.activity.text ?? '').slice(0, maxTextLength);
    await handle(context, state, { kind: 'message', text, locale: localeOf(context) });
  });

  // Files are refused by the channel; the patient hears why in the conversation's language, and the conversation stays where it was.
  app.onActivity(ActivityTypes.Event, async (context, state) => {
    if (context.activity.name !== filesRefusedEventName) return;
    const tenant = await deps.findTenant(turnScope(context, deps.botTenantId).tenantId);
    const stored = state.getValue(stateKey) as { locale?: unknown } | undefined;
    const locale = isLocale(stored?.locale) ? stored.locale : (localeOf(context) ?? 'nl');
    await context.sendActivity(Activity.fromObject({ type: ActivityTypes.Message, text: deps.services.t(locale)('errors.files', { context: tenant?.formality === 'je' ? 'je' : undefined }), textFormat: 'plain', locale }));
  });

  app.onError(async (context, error) => {
    // Never log the patient's words: the id and error are enough to find the turn.
    deps.logger.error({ err: { name: error.name, message: error.message, stack: error.stack }, conversationId: context.activity.conversation?.id }, 'turn failed');
    const locale = localeOf(context) ?? 'nl';
    await context.sendActivity(Activity.fromObject({ type: ActivityTypes.Message, text: deps.services.t(locale)('errors.turn'), locale }));
  });

  return app;
}
