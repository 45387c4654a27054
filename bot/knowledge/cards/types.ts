/**
 * Answer cards: one patient question each, answered in both languages, with its sources and the
 * dates it is valid. Cards are data: the conversation only picks one (bot/understanding/
 * cardRetrieval.ts) and renders it (bot/knowledge/renderCard.ts).
 *
 * Text conventions (both kept by renderCard and checked by tests/knowledge/cards.test.ts):
 * - `[[u-form|je-form]]` picks the Dutch form of address the tenant chose ("[[Heeft u|Heb je]]").
 * - `{{name}}` is a value known only at run time: the tenant's name, its promised working days,
 *   its customer-service phone and link (see CardParams).
 * - Numbers of the rules (Treeknormen, FMS windows) are interpolated from bot/domain/ in the card
 *   files themselves, never typed.
 */
import type { Validity } from '../../domain/validity.ts';
import type { Locale } from '../../i18n/index.ts';

export type { Locale };

/** What a card is about; the rights index groups cards by topic. */
export type CardTopic =
  | 'treeknorm'
  | 'catch_up'
  | 'urgency'
  | 'duty_of_care'
  | 'mediation'
  | 'elsewhere'
  | 'costs'
  | 'abroad'
  | 'waiting'
  | 'complaints'
  | 'privacy'
  | 'customer_service';

/** A source as the patient sees it: the title in the answer's language. */
export interface CardSource {
  /** null only for a document we hold as text without a verified address (shown as its title). */
  url: string | null;
  title: Record<Locale, string>;
}

/** The text of one answer in one language. */
export interface CardText {
  /** The first message: the answer itself, at most 60 words. */
  answer: string;
  /** Optional "meer weten" part, shown when the patient asks for it. */
  more?: string;
}

/** One dated version of a card's answer (most cards have one; the catch-up framework has several). */
export interface CardVersion extends Validity {
  text: Record<Locale, CardText>;
  sources: CardSource[];
}

/** What the patient may want to do next; the conversation turns these into choices. */
export type CardNext = 'mediation' | 'elsewhere' | 'waitingTime' | 'rights' | 'human' | 'privacyDelete';

export interface AnswerCard {
  id: string;
  topic: CardTopic;
  /** A short question-like title, used as a choice in clarifying questions and the index. */
  title: Record<Locale, string>;
  /** 5 to 15 ways patients ask this, per language: the retrieval model learns from these. */
  examples: Record<Locale, string[]>;
  versions: CardVersion[];
  next?: CardNext[];
}

/** Run-time values a card may use ({{name}}). */
export interface CardParams {
  /** The tenant's name. */
  tenant: string;
  /** The tenant's promised first contact, in working days. */
  days: number;
  /** A sentence with the tenant's customer-service route (phone and link), from locales/. */
  customerService: string;
  /** How long the tenant keeps a finished request, in days. */
  retentionDays: number;
}
