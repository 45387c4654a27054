import { expect } from 'vitest';
import { runTurn } from '../../bot/conversation/engine.ts';
import type { Reply, TenantView, OutgoingEvent } from '../../bot/conversation/types.ts';
import type { ConversationState } from '../../bot/conversation/state.ts';
import { loadConfig } from '../../bot/config.ts';
import { createI18n } from '../../bot/i18n/index.ts';
import { createLogger } from '../../bot/logger.ts';
import { createServices, type Services } from '../../bot/services.ts';
import { freshDatabase } from '../support/db.ts';
import { tenantView } from '../../bot/data/tenantView.ts';

/** What one step of a conversation table expects of the assistant's replies. */
export interface Expect {
  /** Some reply matches each of these. */
  says?: (RegExp | string)[];
  /** None of the replies match these. */
  never?: RegExp[];
  /** The last reply asks for this slot (or for none: null). */
  asks?: string | null;
  /** The offered choices include these titles. */
  choices?: string[];
  /** A case reference is answered (and stored). */
  caseReference?: boolean;
  /** A Bot Framework event with this name is emitted. */
  event?: string;
}

export type Step = [patientSays: string, expect: Expect];

export interface Harness {
  services: Services;
  close(): Promise<void>;
  tenant(id: string): Promise<TenantView>;
}

/** The real state machine with the real services on a fresh seeded database. */
export async function createHarness(): Promise<Harness> {
  const { url, db } = await freshDatabase();
  const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', DATABASE_URL: url });
  const services = createServices(config, db, createLogger('silent'), await createI18n());
  return {
    services,
    close: () => db.$disconnect(),
    async tenant(id) {
      return tenantView((await services.tenants.find(id))!);
    },
  };
}

/** A patient talking to the state machine turn by turn, the state carried between turns as storage would. */
export class Conversation {
  state: ConversationState | undefined;
  replies: Reply[] = [];
  events: OutgoingEvent[] = [];
  readonly all: Reply[] = [];

  constructor(
    private readonly harness: Harness,
    private readonly tenantId: string,
    private readonly locale: 'nl' | 'en',
    readonly conversationId = `test-${Math.random().toString(36).slice(2, 10)}`,
    public now = new Date('2026-11-24T10:00:00+01:00'),
  ) {}

  private async turn(input: Parameters<typeof runTurn>[1]): Promise<Reply[]> {
    const tenant = await this.harness.tenant(this.tenantId);
    const result = await runTurn(this.state, input, { conversationId: this.conversationId, channel: 'test', tenant, now: this.now }, this.harness.services.conversationServices);
    // Stored state goes through JSON, as the SDK's Storage does.
    this.state = JSON.parse(JSON.stringify(result.state)) as ConversationState;
    this.replies = result.replies;
    this.events = result.events;
    this.all.push(...result.replies);
    return result.replies;
  }

  start(): Promise<Reply[]> {
    return this.turn({ kind: 'start', locale: this.locale });
  }

  say(text: string): Promise<Reply[]> {
    return this.turn({ kind: 'message', text, locale: this.locale });
  }

  get lastSlot(): string | null {
    return this.replies.at(-1)?.slot ?? null;
  }

  get caseReference(): string | null {
    return this.replies.find((r) => r.caseReference)?.caseReference ?? null;
  }
}

function describeReplies(replies: Reply[]): string {
  return replies.map((r) => `  «${r.text}»${r.slot ? ` [slot ${r.slot}]` : ''}${r.choices ? ` {${r.choices.join(' | ')}}` : ''}`).join('\n');
}

/** Runs a conversation table: each patient message and what the assistant must answer. */
export async function play(conversation: Conversation, steps: Step[]): Promise<void> {
  for (const [says, want] of steps) {
    const replies = says === '<start>' ? await conversation.start() : await conversation.say(says);
    const context = `after «${says}» the assistant said:\n${describeReplies(replies)}`;
    const texts = replies.map((r) => r.text);
    for (const pattern of want.says ?? []) {
      expect(texts.some((t) => (typeof pattern === 'string' ? t.includes(pattern) : pattern.test(t))), `${context}\nexpected ${pattern}`).toBe(true);
    }
    for (const pattern of want.never ?? []) expect(texts.some((t) => pattern.test(t)), `${context}\nunexpected ${pattern}`).toBe(false);
    if (want.asks !== undefined) expect(replies.at(-1)?.slot ?? null, context).toBe(want.asks);
    if (want.choices) {
      const offered = replies.flatMap((r) => r.choices ?? []);
      for (const c of want.choices) expect(offered, `${context}\nexpected choice ${c}`).toContain(c);
    }
    if (want.caseReference) expect(conversation.caseReference, context).toMatch(/^ZB-/);
    if (want.event) expect(conversation.events.map((e) => e.name), context).toContain(want.event);
    // Every message is plain text or simple Markdown, never HTML (contract).
    for (const t of texts) expect(/<[a-z][^>]*>/i.test(t), `HTML in «${t}»`).toBe(false);
  }
}
