/**
 * Which words give away the other language. Dutch terms that English answers explain in
 * brackets ("care mediation (zorgbemiddeling)") and names are allowed in English.
 */
const ENGLISH = ['the', 'and', 'your', 'you', 'with', 'for', 'are', 'not', 'this', 'that', 'what', 'how', 'please', 'source', 'data', 'generated', 'real', 'waiting', 'in force', 'call', 'hospital', 'insurer'];
const DUTCH = ['de', 'het', 'een', 'en', 'van', 'uw', 'je', 'niet', 'met', 'voor', 'wat', 'hoe', 'bron', 'op', 'wachttijd', 'gegevens', 'ziekenhuis', 'verzekeraar', 'gemeten', 'geen', 'bel', 'ik', 'u'];

const words = (text: string) =>
  text
    .replace(/\]\([^)]*\)/g, ']')
    .replace(/\{\{[^}]+\}\}/g, ' ')
    .replace(/\([^)]*\)/g, ' ') // a bracketed gloss: "in-kind policy (naturapolis)"
    .toLowerCase()
    .split(/[^\p{L}]+/u)
    .filter(Boolean);

/** Words of the other language found in a text of this language. */
export function foreignWords(text: string, locale: 'nl' | 'en'): string[] {
  const list = locale === 'nl' ? ENGLISH : DUTCH;
  const ws = words(text);
  const joined = ` ${ws.join(' ')} `;
  return list.filter((w) => (w.includes(' ') ? joined.includes(` ${w} `) : ws.includes(w)));
}

export function wordCount(text: string): number {
  return text
    .replace(/\[([^\]]+)\]\([^)]+\)/g, '$1')
    .split(/\s+/)
    .filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
}
