/**
 * Dutch numbers in the shape of recognizers-text results. recognizers-text 1.3.1's JavaScript
 * build has no Dutch number model (Dutch silently falls back to English), so Dutch number
 * words are read here: "drie", "tweeëntwintig", "anderhalf", "twee en een half", "2,5".
 */
import { distance } from 'fastest-levenshtein';
import { normalize, tokenize, type NormalizedText, type Token } from './text.ts';
import type { NumberResolution, RecognizerResult } from './types.ts';

const UNITS: Record<string, number> = {
  nul: 0, een: 1, twee: 2, drie: 3, vier: 4, vijf: 5, zes: 6, zeven: 7, acht: 8, negen: 9,
};
const TEENS: Record<string, number> = {
  tien: 10, elf: 11, twaalf: 12, dertien: 13, veertien: 14, vijftien: 15, zestien: 16,
  zeventien: 17, achttien: 18, negentien: 19,
};
const TENS: Record<string, number> = {
  twintig: 20, dertig: 30, veertig: 40, vijftig: 50, zestig: 60, zeventig: 70, tachtig: 80, negentig: 90,
};
const FRACTIONS: Record<string, number> = {
  half: 0.5, halve: 0.5, anderhalf: 1.5, anderhalve: 1.5, kwart: 0.25,
};

// Long number words are often misspelled ("twintg", "zesstig"); short ones are too close to
// ordinary words ("zes"/"zei") to correct safely.
const FUZZY_TARGETS = [...Object.keys(TEENS), ...Object.keys(TENS), 'honderd', 'duizend', 'anderhalve', 'anderhalf'].filter(
  (w) => w.length >= 6,
);

function below100(word: string): number | null {
  if (word in UNITS) return UNITS[word]!;
  if (word in TEENS) return TEENS[word]!;
  if (word in TENS) return TENS[word]!;
  // "eenentwintig", "tweeentwintig" (from tweeëntwintig), "drieenveertig"
  for (const [tensWord, tens] of Object.entries(TENS)) {
    if (!word.endsWith(tensWord)) continue;
    const head = word.slice(0, -tensWord.length);
    const m = /^(een|twee|drie|vier|vijf|zes|zeven|acht|negen)(?:en|n)$/.exec(head);
    if (m) return tens + UNITS[m[1]!]!;
  }
  return null;
}

function below1000(word: string): number | null {
  const i = word.indexOf('honderd');
  if (i < 0) return below100(word);
  const head = word.slice(0, i);
  const tail = word.slice(i + 'honderd'.length).replace(/^en/, '');
  const hundreds = head === '' ? 1 : below100(head);
  if (hundreds === null || hundreds > 9) return null;
  const rest = tail === '' ? 0 : below100(tail);
  return rest === null ? null : hundreds * 100 + rest;
}

/** Value of one Dutch number word ("zeventien", "tweehonderdvijftig", "tweeenhalf"), or null. */
export function dutchNumberWord(word: string): number | null {
  if (word in FRACTIONS) return FRACTIONS[word]!;
  // "tweeenhalf", "drieenhalve": n and a half written as one word
  const half = /^(een|twee|drie|vier|vijf|zes|zeven|acht|negen|tien)(?:en)(half|halve)$/.exec(word);
  if (half) return (UNITS[half[1]!] ?? TEENS[half[1]!]!) + 0.5;
  const k = word.indexOf('duizend');
  if (k >= 0) {
    const head = word.slice(0, k);
    const tail = word.slice(k + 'duizend'.length).replace(/^en/, '');
    const thousands = head === '' ? 1 : below1000(head);
    const rest = tail === '' ? 0 : below1000(tail);
    return thousands === null || rest === null ? null : thousands * 1000 + rest;
  }
  return below1000(word);
}

function fuzzyNumberWord(word: string): number | null {
  const exact = dutchNumberWord(word);
  if (exact !== null || word.length < 6) return exact;
  for (const target of FUZZY_TARGETS) {
    if (Math.abs(target.length - word.length) <= 1 && distance(word, target) === 1) return dutchNumberWord(target);
  }
  return null;
}

export interface NumberToken {
  value: number;
  /** Index of the first and last token that make up the number. */
  first: number;
  last: number;
  /** True for "een", which is far more often the article than the number. */
  article: boolean;
}

const DIGITS = /^\d+$/;

/**
 * Reads numbers over tokens. Digits with a decimal comma or point ("2,5") are joined from the
 * surrounding text because the tokeniser splits on punctuation.
 */
export function readNumbers(nt: NormalizedText, tokens: Token[]): NumberToken[] {
  const out: NumberToken[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    let value: number | null = null;
    let last = i;
    if (DIGITS.test(t.text)) {
      value = Number(t.text);
      const next = tokens[i + 1];
      // "2,5" and "2.5": decimal separator directly between two digit tokens
      if (next && DIGITS.test(next.text) && next.start === t.end + 1 && /[.,]/.test(nt.norm[t.end]!) && next.text.length <= 2) {
        const prevGap = i > 0 ? nt.norm.slice(tokens[i - 1]!.end, t.start) : ' ';
        // "30.06.1950" is a date, not 30.06
        const after = nt.norm[next.end];
        if (!(after && /[.,/-]/.test(after) && /\d/.test(nt.norm[next.end + 1] ?? '')) && !/[.,/-]$/.test(prevGap)) {
          value = Number(`${t.text}.${next.text}`);
          last = i + 1;
        }
      }
    } else {
      value = fuzzyNumberWord(t.text);
    }
    if (value === null) continue;
    // "twee en een half(e)", "drie en half"
    const a = tokens[last + 1];
    const b = tokens[last + 2];
    const c = tokens[last + 3];
    if (a?.text === 'en' && b?.text === 'een' && (c?.text === 'half' || c?.text === 'halve') && value >= 1 && Number.isInteger(value)) {
      value += 0.5;
      last += 3;
    } else if (a?.text === 'en' && (b?.text === 'half' || b?.text === 'halve') && value >= 1 && Number.isInteger(value)) {
      value += 0.5;
      last += 2;
    }
    const article = t.text === 'een' && last === i && !isStressedEen(nt, t);
    out.push({ value, first: i, last, article });
    i = last;
  }
  return out;
}

function isStressedEen(nt: NormalizedText, t: Token): boolean {
  // "één" keeps its accents in the original: then it is the number, not the article.
  return /[éÉ]/.test(nt.original.slice(nt.map[t.start], nt.map[t.end]));
}

/** Dutch numbers in `text`, recognizers-text style (`typeName` "number", inclusive `end`). */
export function recognizeDutchNumbers(text: string): RecognizerResult<NumberResolution>[] {
  const nt = normalize(text);
  const tokens = tokenize(nt.norm);
  return readNumbers(nt, tokens)
    .filter((n) => !n.article)
    .map((n) => {
      const start = nt.map[tokens[n.first]!.start]!;
      const end = nt.map[tokens[n.last]!.end - 1]!;
      return { text: text.slice(start, end + 1), start, end, typeName: 'number', resolution: { value: String(n.value) } };
    });
}
