/**
 * The conversation's way to the answer cards: which card a message asks for (retrieval over the
 * cards' examples and the intent corpus's action requests), and the card valid today.
 */
import { TRAINING_CORPUS, readCorpus } from '../understanding/corpus.ts';
import { CardRetriever, COMPETING_INTENTS, intentClass, type Retrieval, type RetrievalExample, type RetrievalThresholds } from '../understanding/cardRetrieval.ts';
import { ALL_CARDS, cardById } from './cards/index.ts';
import type { AnswerCard, CardVersion } from './cards/types.ts';
import { versionOn } from './renderCard.ts';

export interface CardsPort {
  /** Which card (or none, or a choice of cards) the message asks for, among the cards valid on `now`. */
  retrieve(text: string, now: Date): Retrieval;
  /** The card and its version valid on `now`, or null. */
  valid(id: string, now: Date): { card: AnswerCard; version: CardVersion } | null;
  /** A card by the exact title offered as a choice (either language), valid on `now`. */
  byTitle(title: string, now: Date): AnswerCard | null;
}

/** "What are all my rights?": answered with a short index of topics, not with one card. */
export const INDEX_CLASS = 'intent:rights_index';
const INDEX_EXAMPLES = [
  'Wat zijn mijn rechten?', 'Wat zijn al mijn rechten?', 'waar heb ik recht op', 'mijn rechten', 'mijn recht?', 'Welke rechten heb ik als ik moet wachten?', 'Wat zijn mijn rechten als patiënt?', 'Wat zijn mijn rechten als ik te lang moet wachten?', 'rechten op een wachtlijst', 'Heb ik rechten?',
  'What are my rights?', 'What are all my rights?', 'rights?', 'what am I entitled to', 'my rights as a patient', 'Which rights do I have while waiting?', 'Do I have any rights as a patient on a waiting list?', 'What are my rights if I wait too long?',
];

export function retrievalExamples(cards: readonly AnswerCard[] = ALL_CARDS): RetrievalExample[] {
  const examples: RetrievalExample[] = [];
  for (const c of cards) for (const text of [...c.examples.nl, ...c.examples.en, c.title.nl, c.title.en]) examples.push({ cls: c.id, text });
  for (const text of INDEX_EXAMPLES) examples.push({ cls: INDEX_CLASS, text });
  const competing = new Set<string>(COMPETING_INTENTS);
  for (const u of readCorpus(TRAINING_CORPUS)) if (competing.has(u.intent)) examples.push({ cls: intentClass(u.intent), text: u.text });
  return examples;
}

export function createCardService(thresholds?: RetrievalThresholds): CardsPort {
  const retriever = new CardRetriever(retrievalExamples(), thresholds);
  const titles = new Map<string, AnswerCard>();
  for (const c of ALL_CARDS) for (const t of [c.title.nl, c.title.en]) titles.set(t.trim().toLowerCase(), c);
  const valid = (id: string, now: Date) => {
    const card = cardById(id);
    const version = card ? versionOn(card, now) : null;
    return card && version ? { card, version } : null;
  };
  return {
    retrieve: (text, now) => retriever.retrieve(text, (id) => valid(id, now) !== null),
    valid,
    byTitle(title, now) {
      const c = titles.get(title.trim().toLowerCase());
      return c && valid(c.id, now) ? c : null;
    },
  };
}
