/**
 * Answering from the answer cards: one card (the answer first, then its sources and what to do
 * next), a clarifying question with two or three card titles, the short index of topics for
 * "what are all my rights?", and the card's "meer weten" part on request.
 */
import type { AnswerCard, CardNext, CardVersion } from '../knowledge/cards/types.ts';
import { renderCard } from '../knowledge/renderCard.ts';
import type { Turn } from './turn.ts';

/** The cards the rights index offers: one per main topic, never the whole list. */
export const INDEX_CARDS = ['treeknorm-what', 'zorgplicht-what', 'mediation-what', 'elsewhere-allowed', 'elsewhere-costs', 'catch-up-still-valid'] as const;

const nextChoice: Record<CardNext, string> = {
  mediation: 'mediation',
  elsewhere: 'elsewhere',
  waitingTime: 'waitingTime',
  rights: 'rights',
  human: 'human',
  privacyDelete: 'deleteData',
};

function customerService(turn: Turn): string {
  const cs = turn.info.tenant.customerService;
  const locale = turn.state.locale;
  const url = cs?.url?.[locale] ?? null;
  const phone = cs?.phone ?? null;
  if (phone && url) return turn.text('cards.customerService.phoneAndLink', { phone, url });
  if (phone) return turn.text('cards.customerService.phone', { phone });
  if (url) return turn.text('cards.customerService.link', { url });
  return turn.text('cards.customerService.card');
}

function sourceLine(turn: Turn, sources: { url: string | null; title: string }[]): string {
  const list = sources.map((s) => (s.url ? `[${s.title}](${s.url})` : s.title)).join('; ');
  return turn.text('cards.source', { sources: list });
}

export function answerCard(turn: Turn, card: AnswerCard, version: CardVersion): void {
  const { state, info } = turn;
  const rendered = renderCard(card, version, state.locale, info.tenant.formality, {
    tenant: info.tenant.displayName,
    days: info.tenant.responseWorkingDays,
    customerService: customerService(turn),
    retentionDays: info.tenant.retentionDays,
  });
  state.lastCard = card.id;
  turn.push({ text: rendered.answer, cardId: card.id });
  const choices: string[] = [];
  if (rendered.more) choices.push(turn.choice('more'));
  for (const n of card.next ?? []) choices.push(turn.choice(nextChoice[n]));
  turn.push({ text: sourceLine(turn, rendered.sources), ...(choices.length ? { choices: choices.slice(0, 3) } : {}) });
}

/** The "meer weten" part of the card just answered. */
export function moreOfLastCard(turn: Turn): boolean {
  const id = turn.state.lastCard;
  const found = id ? turn.services.cards.valid(id, turn.info.now) : null;
  if (!found) return false;
  const rendered = renderCard(found.card, found.version, turn.state.locale, turn.info.tenant.formality, {
    tenant: turn.info.tenant.displayName,
    days: turn.info.tenant.responseWorkingDays,
    customerService: customerService(turn),
    retentionDays: turn.info.tenant.retentionDays,
  });
  if (!rendered.more) {
    turn.say('cards.noMore', {}, { choices: [turn.choice('rights'), turn.choice('mediation')] });
    return true;
  }
  turn.push({ text: rendered.more, cardId: found.card.id, choices: [turn.choice('rights'), turn.choice('mediation')] });
  return true;
}

/** Not sure which card: ask, with two or three titles as choices. */
export function clarify(turn: Turn, cardIds: string[]): void {
  const titles = cardIds
    .map((id) => turn.services.cards.valid(id, turn.info.now)?.card.title[turn.state.locale])
    .filter((t): t is string => Boolean(t));
  turn.say('cards.clarify', {}, { choices: [...titles, turn.choice('somethingElse')] });
}

/** "Wat zijn al mijn rechten?": a short index of topics as choices, never the whole list. */
export function rightsIndex(turn: Turn): void {
  turn.state.pending = null;
  const titles = INDEX_CARDS.map((id) => turn.services.cards.valid(id, turn.info.now)?.card.title[turn.state.locale]).filter((t): t is string => Boolean(t));
  turn.say('cards.index', {}, { choices: titles });
}
