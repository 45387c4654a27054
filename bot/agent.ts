import { Activity, ActivityTypes } from '@microsoft/agents-activity';
import { AgentApplication, type Storage, type TurnContext, TurnState } from '@microsoft/agents-hosting';
import type { Logger } from './logger.ts';
import { trustedActivity } from './channels/trustedActivity.ts';
import type { ConversationServices } from './conversation/ports.ts';
import { runTurn } from './conversation/engine.ts';
import type { OutgoingEvent, PatientInput, Reply, TenantView } from './conversation/types.ts';
import { isLocale, type Locale } from './i18n/index.ts';

/** channelData key the Direct Line channel sets (and overwrites) with the token's tenant. */
export const tenantChannelDataKey = 'wachtwijzerTenant';
const stateKey = 'conversation.wachtwijzer';
const maxTextLength = 2000;

export interface AgentDeps {
  storage: Storage;
  services: ConversationServices;
  findTenant(id: string): Promise<TenantView | null>;
  defaultTenantId: string;
  logger: Logger;
  now?: () => Date;
}

function toActivity(reply: Reply, locale: Locale, recipientId: string | undefined): Activity {
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
      ? { suggestedActions: { to: recipientId ? [recipientId] : [], actions: reply.choices.map((c) => ({ type: 'imBack', title: c, value: c })) } }
      : {}),
  });
}

function toEvent(event: OutgoingEvent): Activity {
  return trustedActivity({ type: ActivityTypes.Event, name: event.name, value: event.value, ...(event.attachments ? { attachments: event.attachments } : {}) });
}

/**
 * The Agents SDK application: turns Activities into patient inputs for the conversation state
 * machine and its replies back into Activities. State is read and saved through the SDK's Storage.
 */
export function createAgent(deps: AgentDeps): AgentApplication<TurnState> {
  const app = new AgentApplication<TurnState>({ storage: deps.storage, startTypingTimer: false });
  const now = deps.now ?? (() => new Date());

  async function tenantFor(context: TurnContext): Promise<TenantView> {
    const fromChannel = (context.activity.channelData as Record<string, unknown> | undefined)?.[tenantChannelDataKey];
    const id = typeof fromChannel === 'string' ? fromChannel : deps.defaultTenantId;
    const tenant = await deps.findTenant(id);
    if (!tenant) throw new Error(`Unknown tenant ${id}`);
    return tenant;
  }

  async function handle(context: TurnContext, state: TurnState, input: PatientInput): Promise<void> {
    const tenant = await tenantFor(context);
    const previous: unknown = state.getValue(stateKey);
    const conversationId = context.activity.conversation?.id ?? 'unknown';
    const result = await runTurn(previous, input, { conversationId, channel: context.activity.channelId ?? 'unknown', tenant, now: now() }, deps.services);
    state.setValue(stateKey, result.state);
    // The SDK saves state only in after-turn handlers; saving before replying means a reply is
    // never visible for a state that was not stored.
    await state.save(context, deps.storage);
    const outgoing = [...result.replies.map((r) => toActivity(r, result.state.locale, context.activity.from?.id)), ...result.events.map(toEvent)];
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

  app.onError(async (context, error) => {
    // Never log the patient's words: the id and error are enough to find the turn.
    deps.logger.error({ err: { name: error.name, message: error.message, stack: error.stack }, conversationId: context.activity.conversation?.id }, 'turn failed');
    const locale = localeOf(context) ?? 'nl';
    await context.sendActivity(Activity.fromObject({ type: ActivityTypes.Message, text: deps.services.t(locale)('errors.turn'), locale }));
  });

  return app;
}
