import { Activity, type ConversationReference } from '@microsoft/agents-activity';
import { BaseAdapter, TurnContext, type AgentApplication, type AttachmentData, type AttachmentInfo, type ResourceResponse, type TurnState } from '@microsoft/agents-hosting';
import type { DirectLineStore } from '../../data/directLineStore.ts';
import { directLineTenantKey } from '../../agent.ts';

export const directLineServiceUrl = 'urn:wachtwijzer:directline';
export const botAccount = { id: 'wachtwijzer', name: 'Wachtwijzer', role: 'bot' } as const;

// Trace and delay activities are for the channel, not the patient's transcript.
const deliverable = (a: Partial<Activity>) => a.type !== 'trace' && a.type !== 'delay';

const linkBaseKey = Symbol('wachtwijzer.linkBase');

/**
 * Makes the server's own relative Markdown links (`[privacyverklaring](/privacy)`) absolute, so
 * they work on the insurer's page and in Microsoft's Web Chat, which resolve them against the
 * page, not against this server.
 */
export function absoluteLinks(text: string, base: string | undefined): string {
  if (!base) return text;
  const root = base.replace(/\/+$/, '');
  return text.replace(/\]\((\/(?!\/)[^\s)]*)\)/g, (_m, path: string) => `](${root}${path})`);
}

/**
 * The self-hosted Direct Line's side of the SDK: runs a turn in-process and writes the agent's
 * replies to the conversation's stored activities instead of posting them to a serviceUrl.
 */
export class DirectLineAdapter extends BaseAdapter {
  constructor(
    private readonly store: DirectLineStore,
    private readonly onStored: (conversationId: string) => void,
  ) {
    super();
  }

  /** Runs one turn of the agent for an activity that arrived on Direct Line, for the tenant of its token. */
  async runTurn(activity: Activity, agent: AgentApplication<TurnState>, tenantId: string, linkBase?: string): Promise<void> {
    const context = new TurnContext(this, activity);
    context.turnState.set(directLineTenantKey, tenantId);
    if (linkBase) context.turnState.set(linkBaseKey, linkBase);
    await this.runMiddleware(context, (ctx) => agent.run(ctx));
  }

  async sendActivities(context: TurnContext, activities: Activity[]): Promise<ResourceResponse[]> {
    const conversationId = context.activity.conversation?.id;
    if (!conversationId) throw new Error('Direct Line turn without a conversation id');
    const now = new Date().toISOString();
    const linkBase = context.turnState.get(linkBaseKey) as string | undefined;
    const outgoing = activities.filter(deliverable).map((a) => ({
      ...(JSON.parse(JSON.stringify(a)) as Partial<Activity>),
      ...(typeof a.text === 'string' ? { text: absoluteLinks(a.text, linkBase) } : {}),
      channelId: 'directline',
      conversation: { id: conversationId },
      from: botAccount,
      recipient: context.activity.from,
      replyToId: context.activity.id,
      timestamp: now,
      serviceUrl: undefined,
    }));
    const stored = await this.store.append(conversationId, 'bot', outgoing as Partial<Activity>[]);
    this.onStored(conversationId);
    let i = 0;
    return activities.map((a) => ({ id: deliverable(a) ? (stored[i++]?.id ?? '') : '' }));
  }

  async updateActivity(): Promise<void> {
    throw new Error('Direct Line here does not support updating activities');
  }

  async deleteActivity(): Promise<void> {
    throw new Error('Direct Line here does not support deleting activities');
  }

  async continueConversation(_bot: unknown, reference: Partial<ConversationReference>, logic: (context: TurnContext) => Promise<void>): Promise<void> {
    const activity = Activity.getContinuationActivity(reference as ConversationReference);
    await this.runMiddleware(new TurnContext(this, activity), logic);
  }

  async uploadAttachment(_c: TurnContext, _id: string, _data: AttachmentData): Promise<ResourceResponse> {
    throw new Error('Attachments are not accepted on this channel');
  }

  async getAttachmentInfo(): Promise<AttachmentInfo> {
    throw new Error('Attachments are not accepted on this channel');
  }

  async getAttachment(): Promise<NodeJS.ReadableStream> {
    throw new Error('Attachments are not accepted on this channel');
  }
}
