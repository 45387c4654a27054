import { STANDING_RULES_FROM, type Validity } from '../../domain/validity.ts';
import type { AnswerCard, CardNext, CardSource, CardText, CardTopic, Locale } from './types.ts';

/** A rule that has long applied and still does (see STANDING_RULES_FROM). */
export const STANDING: Validity = { validFrom: STANDING_RULES_FROM, validFromKind: 'standing_rule', validUntil: null };

/** A card with one version: the common case. */
export function card(c: {
  id: string;
  topic: CardTopic;
  title: Record<Locale, string>;
  examples: Record<Locale, string[]>;
  nl: CardText;
  en: CardText;
  sources: CardSource[];
  validity?: Validity;
  next?: CardNext[];
}): AnswerCard {
  return {
    id: c.id,
    topic: c.topic,
    title: c.title,
    examples: c.examples,
    versions: [{ ...(c.validity ?? STANDING), text: { nl: c.nl, en: c.en }, sources: c.sources }],
    ...(c.next ? { next: c.next } : {}),
  };
}
