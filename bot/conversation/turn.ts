import type { TFunction } from 'i18next';
import type { ConversationServices } from './ports.ts';
import { transcriptLimit, type ConversationState, type Flow } from './state.ts';
import type { OutgoingEvent, Reply, Slot, TurnInfo } from './types.ts';

/**
 * One turn's working set: the state being changed, the replies being written, and helpers that
 * keep every text in locales/ (with the tenant's form of address as i18next context).
 */
export class Turn {
  readonly replies: Reply[] = [];
  readonly events: OutgoingEvent[] = [];

  constructor(
    public state: ConversationState,
    readonly info: TurnInfo,
    readonly services: ConversationServices,
  ) {}

  get t(): TFunction {
    return this.services.t(this.state.locale);
  }

  /** A text with the tenant's form of address (u/je) and the tenant's name available. */
  text(key: string, params: Record<string, unknown> = {}): string {
    const context = this.state.locale === 'nl' && this.info.tenant.formality === 'je' ? 'je' : undefined;
    return String(this.t(key, { tenant: this.info.tenant.displayName, ...params, ...(context ? { context } : {}) }));
  }

  say(key: string, params: Record<string, unknown> = {}, extra: Partial<Reply> = {}): void {
    this.push({ text: this.text(key, params), ...extra });
  }

  push(reply: Reply): void {
    this.replies.push(reply);
    this.record('assistant', reply.text);
  }

  /** Asks one piece of information: the message carries channelData.slot (contract). */
  ask(slot: Slot, flow: Flow, key: string, params: Record<string, unknown> = {}, choices?: string[]): void {
    this.state.pending = { slot, flow };
    this.push({ text: this.text(key, params), slot, ...(choices?.length ? { choices } : {}) });
  }

  /** Offers choices on the last message, or on a short prompt when there is none to attach them to. */
  offer(choices: string[], promptKey = 'menu.next'): void {
    const last = this.replies.at(-1);
    if (last && !last.slot && !last.choices) last.choices = choices;
    else this.push({ text: this.text(promptKey), choices });
  }

  record(from: 'patient' | 'assistant', text: string): void {
    this.state.transcript.push({ from, text, at: this.info.now.toISOString() });
    if (this.state.transcript.length > transcriptLimit) this.state.transcript.splice(0, this.state.transcript.length - transcriptLimit);
  }

  choice(key: string): string {
    return String(this.t(`choices.${key}`));
  }
}
