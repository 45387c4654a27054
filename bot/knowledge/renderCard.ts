/**
 * Renders a card's text for one conversation: the tenant's form of address ([[u|je]]) and the
 * run-time values ({{name}}). Pure: same card, same params, same text.
 */
import { dutchCalendarDate, isValidOn } from '../domain/validity.ts';
import type { AnswerCard, CardParams, CardSource, CardVersion, Locale } from './cards/types.ts';

export type Formality = 'u' | 'je';

/** Picks the Dutch form of address: "[[Heeft u|Heb je]]" → "Heeft u" or "Heb je". */
export function applyFormality(text: string, formality: Formality): string {
  return text.replace(/\[\[([^|\]]*)\|([^\]]*)\]\]/g, (_m, u: string, je: string) => (formality === 'je' ? je : u));
}

/** Fills {{name}} placeholders; an unknown name is a programming error and throws. */
export function interpolate(text: string, params: Record<string, string | number>): string {
  return text.replace(/\{\{(\w+)\}\}/g, (_m, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`card text uses {{${name}}}, which is not a card parameter`);
    return String(value);
  });
}

/** The version of a card valid on a date (NL calendar day), or null when none is. */
export function versionOn(card: AnswerCard, now: Date): CardVersion | null {
  const day = dutchCalendarDate(now);
  return card.versions.find((v) => isValidOn(v, day)) ?? null;
}

export interface RenderedCard {
  id: string;
  answer: string;
  more: string | null;
  sources: { url: string | null; title: string }[];
}

export function renderCard(card: AnswerCard, version: CardVersion, locale: Locale, formality: Formality, params: CardParams): RenderedCard {
  const text = version.text[locale];
  const fill = (s: string) => interpolate(locale === 'nl' ? applyFormality(s, formality) : s, { ...params });
  return {
    id: card.id,
    answer: fill(text.answer),
    more: text.more ? fill(text.more) : null,
    sources: version.sources.map((s: CardSource) => ({ url: s.url, title: s.title[locale] })),
  };
}
