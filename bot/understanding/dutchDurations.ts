/**
 * Dutch durations ("3 maanden", "een half jaar", "anderhalve maand", "een week of acht",
 * "10 wk") in the shape of recognizers-text's `datetimeV2.duration` results, with the same
 * timex ("P3M", "P0.5Y") so that English and Dutch durations convert to weeks in one place.
 * Digits with unit abbreviations ("10 wks", "3 mths") are language-neutral and read here too;
 * English number words go to recognizers-text (see english.ts).
 */
import { normalize, tokenize, type NormalizedText, type Token } from './text.ts';
import { readNumbers, type NumberToken } from './dutchNumbers.ts';
import type { DateTimeResolution, RecognizerResult } from './types.ts';

export type DurationUnit = 'D' | 'W' | 'M' | 'Y';

const UNIT_WORDS: Record<string, DurationUnit> = {
  dag: 'D', dagen: 'D', dgn: 'D', dagje: 'D', dagjes: 'D',
  week: 'W', weken: 'W', wk: 'W', wkn: 'W', wks: 'W', weekje: 'W', weekjes: 'W', weeks: 'W',
  maand: 'M', maanden: 'M', mnd: 'M', mnden: 'M', mndn: 'M', maandje: 'M', maandjes: 'M', mths: 'M', mth: 'M', months: 'M', month: 'M',
  jaar: 'Y', jaren: 'Y', jr: 'Y', jaartje: 'Y', jaartjes: 'Y', year: 'Y', years: 'Y', yrs: 'Y', yr: 'Y',
  days: 'D', day: 'D',
};

const SECONDS: Record<DurationUnit, number> = { D: 86_400, W: 604_800, M: 2_592_000, Y: 31_536_000 };

// Words that hedge a duration without changing it ("ruim 2 maanden" is still 2 months).
const MODIFIERS = new Set(['ruim', 'bijna', 'ongeveer', 'circa', 'ca', 'zo', "zo'n", 'zon', 'pakweg', 'plusminus', 'ongeveer', 'minstens', 'zeker', 'meer', 'dan', 'al', 'nu', 'inmiddels', 'krap', 'rond', 'de']);

const FILLERS = new Set(['more', 'extra', 'additional', 'long', 'further', 'whole', 'full', 'lange', 'hele', 'volle']);

export function unitOf(word: string): DurationUnit | null {
  return UNIT_WORDS[word] ?? null;
}

function timex(value: number, unit: DurationUnit): string {
  return `P${Number(value.toFixed(4))}${unit}`;
}

export interface DurationSpan {
  value: number;
  unit: DurationUnit;
  first: number; // token index
  last: number; // token index (inclusive)
}

const ATTACHED = /^(\d+(?:[.,]\d+)?)([a-z]+)$/;

/** Durations over already tokenised text (token indices), used by the waiting-weeks extractor. */
export function findDurations(nt: NormalizedText, tokens: Token[]): DurationSpan[] {
  const numbers = readNumbers(nt, tokens);
  const byLast = new Map<number, NumberToken>();
  const byFirst = new Map<number, NumberToken>();
  for (const n of numbers) {
    byLast.set(n.last, n);
    byFirst.set(n.first, n);
  }
  const out: DurationSpan[] = [];
  const used = new Set<number>();
  const push = (d: DurationSpan): void => {
    for (let k = d.first; k <= d.last; k++) if (used.has(k)) return;
    for (let k = d.first; k <= d.last; k++) used.add(k);
    out.push(d);
  };

  for (let i = 0; i < tokens.length; i++) {
    const word = tokens[i]!.text;

    // "10wk", "3mnd"
    const att = ATTACHED.exec(word);
    if (att) {
      const unit = unitOf(att[2]!);
      if (unit) push({ value: Number(att[1]!.replace(',', '.')), unit, first: i, last: i });
      continue;
    }
    // "halfjaar", "een halfjaar"
    if (word === 'halfjaar') {
      push({ value: 0.5, unit: 'Y', first: tokens[i - 1]?.text === 'een' ? i - 1 : i, last: i });
      continue;
    }

    const unit = unitOf(word);
    if (!unit) continue;

    // "een week of acht", "een maand of drie": the number follows
    const of = tokens[i + 1];
    const after = byFirst.get(i + 2);
    if (of?.text === 'of' && after && !after.article && (tokens[i - 1]?.text === 'een' || i === 0)) {
      push({ value: after.value, unit, first: tokens[i - 1]?.text === 'een' ? i - 1 : i, last: after.last });
      continue;
    }

    // "een half jaar", "een halve maand"
    const prev = tokens[i - 1]?.text;
    if (prev === 'half' || prev === 'halve') {
      const withArticle = tokens[i - 2]?.text === 'een';
      // "twee en een halve maand" is read by readNumbers as 2.5; "een halve" is 0.5
      const n = byLast.get(i - 1);
      if (n && n.first < i - 1 && n.value !== 0.5) {
        push({ value: n.value, unit, first: n.first, last: i });
      } else {
        push({ value: 0.5, unit, first: withArticle ? i - 2 : i - 1, last: i });
      }
      continue;
    }

    // "3 maanden", "drie maanden", "anderhalve maand", "twee en een halve maand", "3 à 4 maanden",
    // and with a filler word between ("20 more weeks", "nog 6 extra weken")
    const filler = FILLERS.has(tokens[i - 1]?.text ?? '') ? byLast.get(i - 2) : undefined;
    const n = byLast.get(i - 1) ?? filler;
    if (n) {
      let value = n.value;
      let first = n.first;
      // ranges "3 a 4", "3 tot 4", "3-4": the midpoint; a patient who says "3 à 4 maanden" means about 3.5
      const sep = tokens[n.first - 1]?.text;
      const low = byLast.get(n.first - 2);
      if (low && !low.article && (sep === 'a' || sep === 'tot' || sep === 'of' || sep === 'to' || sep === 'or')) {
        value = (low.value + n.value) / 2;
        first = low.first;
      }
      push({ value, unit, first, last: i });
      continue;
    }
    // "3-4 maanden" is one token
    const range = /^(\d+)-(\d+)$/.exec(tokens[i - 1]?.text ?? '');
    if (range) {
      push({ value: (Number(range[1]) + Number(range[2])) / 2, unit, first: i - 1, last: i });
      continue;
    }
    // "een maand", "een jaar", "a year" is English and left to recognizers
    if (prev === 'een' || prev === 'eén') {
      push({ value: 1, unit, first: i - 1, last: i });
    }
  }
  // Extend spans over hedging words before them so that the text reads naturally ("ruim 2 maanden").
  for (const d of out) {
    while (d.first > 0 && MODIFIERS.has(tokens[d.first - 1]!.text) && !used.has(d.first - 1)) {
      if (tokens[d.first - 1]!.text === 'al' || tokens[d.first - 1]!.text === 'nu') break;
      d.first--;
    }
  }
  return out.sort((a, b) => a.first - b.first);
}

/** Dutch durations in `text`, as recognizers-text `datetimeV2.duration` results. */
export function recognizeDutchDurations(text: string): RecognizerResult<DateTimeResolution>[] {
  const nt = normalize(text);
  const tokens = tokenize(nt.norm);
  return findDurations(nt, tokens).map((d) => {
    const start = nt.map[tokens[d.first]!.start]!;
    const end = nt.map[tokens[d.last]!.end - 1]!;
    return {
      text: text.slice(start, end + 1),
      start,
      end,
      typeName: 'datetimeV2.duration',
      resolution: { values: [{ timex: timex(d.value, d.unit), type: 'duration', value: String(Math.round(d.value * SECONDS[d.unit])) }] },
    };
  });
}

/**
 * Weeks in a duration timex ("P3M" → 13). Months count 52/12 weeks, years 52, days 1/7; the
 * result is rounded to the nearest whole week (the contract's rule). Null for other timexes.
 */
export function weeksFromTimex(tx: string): number | null {
  const m = /^P(\d+(?:\.\d+)?)([DWMY])$/.exec(tx);
  if (!m) return null;
  const n = Number(m[1]);
  const unit = m[2] as DurationUnit;
  const weeks = unit === 'W' ? n : unit === 'M' ? (n * 52) / 12 : unit === 'Y' ? n * 52 : n / 7;
  return Math.round(weeks + 1e-9);
}

export function weeksOf(value: number, unit: DurationUnit): number {
  return weeksFromTimex(timex(value, unit)) ?? 0;
}
