/**
 * Text normalisation for understanding: lower case, diacritics removed, curly quotes and
 * dashes unified, with a map back to the original string so that every match can report
 * where it was found in what the patient typed.
 */

export interface NormalizedText {
  /** Lower case, no diacritics; one character per original character where possible. */
  norm: string;
  /** `map[i]` is the index in the original text of `norm[i]`; `map[norm.length]` is `original.length`. */
  map: number[];
  original: string;
}

export interface Token {
  text: string; // normalised form
  start: number; // offset in the normalised string
  end: number; // exclusive
}

const COMBINING = /[\u0300-\u036f]/;

// Typographic variants people paste from phones and word processors.
const CHAR_MAP: Record<string, string> = {
  '\u2018': "'", '\u2019': "'", '\u201a': "'", '\u201b': "'", '`': "'", '\u00b4': "'",
  '\u201c': '"', '\u201d': '"', '\u201e': '"',
  '\u2010': '-', '\u2011': '-', '\u2012': '-', '\u2013': '-', '\u2014': '-', '\u2212': '-',
  '\u00a0': ' ', '\u2009': ' ', '\u202f': ' ', '\u00df': 's', '\u0133': 'y', '\u0132': 'y',
};

/** Lower-cases, strips diacritics ("één" → "een", "privé" → "prive") and keeps an offset map. */
export function normalize(original: string): NormalizedText {
  let norm = '';
  const map: number[] = [];
  for (let i = 0; i < original.length; i++) {
    const ch = original[i]!;
    const mapped = CHAR_MAP[ch];
    if (mapped !== undefined) {
      norm += mapped;
      map.push(i);
      continue;
    }
    if (COMBINING.test(ch)) continue; // already-decomposed accents
    const base = ch.toLowerCase().normalize('NFD');
    // Keep the first code unit of the decomposition: the base letter.
    const first = base[0] ?? ch;
    norm += first;
    map.push(i);
  }
  map.push(original.length);
  return { norm, map, original };
}

/** Word characters for tokenising: letters, digits, and apostrophes/hyphens inside words. */
const TOKEN_RE = /[a-z0-9\u00e6\u00f8\u0142]+(?:['-][a-z0-9]+)*/g;

/** Splits normalised text into word tokens with offsets. "kno-arts" stays one token; "m'n" too. */
export function tokenize(norm: string): Token[] {
  const tokens: Token[] = [];
  TOKEN_RE.lastIndex = 0;
  for (let m = TOKEN_RE.exec(norm); m !== null; m = TOKEN_RE.exec(norm)) {
    tokens.push({ text: m[0], start: m.index, end: m.index + m[0].length });
  }
  return tokens;
}

/** Normalises and tokenises; convenience for callers that need only the words. */
export function words(text: string): string[] {
  return tokenize(normalize(text).norm).map((t) => t.text);
}

/** Maps a [start, end) range in the normalised string back to the original string. */
export function originalRange(nt: NormalizedText, start: number, end: number): { start: number; end: number } {
  const s = nt.map[start] ?? nt.original.length;
  const e = end > 0 ? (nt.map[end - 1] ?? nt.original.length - 1) + 1 : 0;
  return { start: s, end: e };
}

/**
 * Clause boundaries: sentence punctuation and the conjunctions that usually start a new
 * statement. Context rules (negation, "for how long") look only inside one clause.
 */
export function clauseIndex(norm: string, tokens: Token[]): number[] {
  const ids: number[] = [];
  let clause = 0;
  const BREAK_WORDS = new Set(['maar', 'but', 'en', 'and', 'want', 'because', 'omdat', 'terwijl', 'while', 'although', 'hoewel', 'toch']);
  for (let i = 0; i < tokens.length; i++) {
    const tok = tokens[i]!;
    const prevEnd = i > 0 ? tokens[i - 1]!.end : 0;
    const gap = norm.slice(prevEnd, tok.start);
    if (i > 0 && /[.!?;:,\n()]/.test(gap)) clause++;
    else if (i > 0 && BREAK_WORDS.has(tok.text)) clause++;
    ids.push(clause);
  }
  return ids;
}
