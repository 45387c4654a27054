/**
 * Text normalisation shared by the reference-data index, the importers and language
 * understanding. Pure functions, no locale data: Dutch and English input only.
 */

const COMBINING_MARKS = /[\u0300-\u036f]/g;
const WHITESPACE = /\s+/g;

/** Lower case, diacritics stripped (é → e, ü → u), whitespace collapsed and trimmed. */
export function normalizeText(text: string): string {
  return text.normalize('NFD').replace(COMBINING_MARKS, '').toLowerCase().replace(WHITESPACE, ' ').trim();
}

// Dots inside abbreviations join ("a.s.r." → "asr", "St." → "st"); every other punctuation
// mark separates words. "&" reads as "en" so "Zorg & Zekerheid" equals "Zorg en Zekerheid".
const DOTS = /\./g;
const AMPERSAND = /&/g;
const NON_WORD = /[^a-z0-9]+/g;

/** Saint abbreviations patients type for the same name ("St Antonius", "Sint Antonius"). */
const TOKEN_CANON: Readonly<Record<string, string>> = { st: 'sint', ste: 'sint' };

/**
 * The key under which names are compared: normalizeText, punctuation removed, "st" → "sint".
 * "Máxima MC" → "maxima mc", "'s-Hertogenbosch" → "s hertogenbosch", "a.s.r." → "asr".
 */
export function toMatchKey(text: string): string {
  const words = normalizeText(text).replace(DOTS, '').replace(AMPERSAND, ' en ').replace(NON_WORD, ' ').trim();
  if (words === '') return '';
  return words
    .split(' ')
    .map((w) => TOKEN_CANON[w] ?? w)
    .join(' ');
}

/** The words of toMatchKey(text). */
export function matchTokens(text: string): string[] {
  const key = toMatchKey(text);
  return key === '' ? [] : key.split(' ');
}
