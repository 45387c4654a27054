/**
 * The English side of numbers, durations, dates and distances, through Microsoft's
 * recognizers-text. It is accurate but slow (about 1 ms per short call, 200 ms to build its
 * models), so it is called only where it can add something: English number words next to a
 * unit ("six weeks", "half a year", "sixty kilometres"), on a small window of text around the
 * unit rather than the whole message, with results cached. Digits with units are read by the
 * language-neutral layer in dutchDurations.ts. Time spent inside recognizers-text is counted in
 * `recognizerStats` so the benchmark can report its share.
 */
import { Culture, recognizeDateTime, recognizeDimension } from '@microsoft/recognizers-text-suite';
import { normalize, tokenize, type Token } from './text.ts';
import type { DateTimeResolution, DimensionResolution, RecognizerResult } from './types.ts';

export const recognizerStats = { calls: 0, cacheHits: 0, ms: 0 };

/** Forgets cached recognizers-text results (the benchmark measures unseen text this way). */
export function clearRecognizerCache(): void {
  cache.clear();
}

export function resetRecognizerStats(): void {
  recognizerStats.calls = 0;
  recognizerStats.cacheHits = 0;
  recognizerStats.ms = 0;
}

const NUMBER_WORDS = new Set([
  'a', 'an', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve',
  'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen', 'twenty', 'thirty',
  'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety', 'hundred', 'half',
]);
const EN_TIME_UNITS = new Set(['day', 'days', 'week', 'weeks', 'month', 'months', 'year', 'years']);
const EN_DISTANCE_UNITS = /^(km|kms|kilometers?|kilometres?|miles?)$/;
// recognizers-text turns these into numbers ("a few weeks" is P3W); a patient who says "a few
// weeks" has not given a number, so such results are dropped.
const VAGUE = /\b(few|couple|several|some|many)\b/;

const FILLER = / (more|extra|additional|long|whole|full|further|entire) (?=(days?|weeks?|months?|years?)\b)/gi;

// A message that names more durations than this is a story; its first few are the ones that matter.
const MAX_WINDOWS = 4;

const CACHE_LIMIT = 5_000;
const cache = new Map<string, RecognizerResult<unknown>[]>();

function cached<T>(key: string, run: () => RecognizerResult<T>[]): RecognizerResult<T>[] {
  const hit = cache.get(key);
  if (hit) {
    recognizerStats.cacheHits++;
    return hit as RecognizerResult<T>[];
  }
  const t0 = performance.now();
  const result = run();
  recognizerStats.ms += performance.now() - t0;
  recognizerStats.calls++;
  if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value as string);
  cache.set(key, result as RecognizerResult<unknown>[]);
  return result;
}

/** Builds the recognizers' models once (about 200 ms) so that the first patient does not wait. */
export function warmUpEnglish(): void {
  recognizeDateTime('for six weeks', Culture.English);
  recognizeDimension('sixty kilometres', Culture.English);
}

function hasNumberWordBefore(tokens: Token[], unitIndex: number): boolean {
  for (let k = Math.max(0, unitIndex - 4); k < unitIndex; k++) {
    if (NUMBER_WORDS.has(tokens[k]!.text) || /^[a-z]+-[a-z]+$/.test(tokens[k]!.text)) return true;
  }
  // "a year and a half": the number words follow
  return tokens[unitIndex + 1]?.text === 'and' && tokens[unitIndex + 3]?.text === 'half';
}

interface Window {
  first: number;
  last: number;
}

function windowsAround(tokens: Token[], isUnit: (t: string) => boolean, needsWords: boolean): Window[] {
  const windows: Window[] = [];
  for (let i = 0; i < tokens.length; i++) {
    if (!isUnit(tokens[i]!.text)) continue;
    const prev = tokens[i - 1]?.text ?? '';
    if (needsWords && /^\d/.test(prev)) continue; // digits are read by the neutral layer
    if (!hasNumberWordBefore(tokens, i)) continue;
    const w = { first: Math.max(0, i - 5), last: Math.min(tokens.length - 1, i + 3) };
    const lastW = windows[windows.length - 1];
    // Overlapping windows merge, but never into one long text: recognizers-text slows down
    // more than linearly with length.
    if (lastW && w.first <= lastW.last && w.last - lastW.first < 16) lastW.last = w.last;
    else windows.push(w);
    if (windows.length >= MAX_WINDOWS) break;
  }
  return windows;
}

function runOnWindows<T>(
  text: string,
  windows: Window[],
  tokens: Token[],
  map: number[],
  kind: string,
  recognize: (q: string) => RecognizerResult<T>[],
): RecognizerResult<T>[] {
  const out: RecognizerResult<T>[] = [];
  for (const w of windows) {
    const start = map[tokens[w.first]!.start]!;
    const end = map[tokens[w.last]!.end - 1]! + 1;
    const slice = text.slice(start, end);
    for (const r of cached(`${kind}\u0000${slice.toLowerCase()}`, () => recognize(slice))) {
      out.push({ ...r, start: r.start + start, end: r.end + start });
    }
  }
  return out;
}

/** English durations ("six weeks", "half a year", "two and a half months") as recognizers-text results. */
export function englishDurations(text: string): RecognizerResult<DateTimeResolution>[] {
  const nt = normalize(text);
  const tokens = tokenize(nt.norm);
  const out: RecognizerResult<DateTimeResolution>[] = [];
  // recognizers-text resolves "a fortnight" to a broken timex ("P12"), so it is read here.
  tokens.forEach((t, i) => {
    if (t.text === 'fortnight' || t.text === 'fortnights') {
      const n = tokens[i - 1]?.text;
      const count = n === 'two' ? 2 : n === 'three' ? 3 : 1;
      const start = nt.map[tokens[n === 'a' || n === 'one' || n === 'two' || n === 'three' ? i - 1 : i]!.start]!;
      const end = nt.map[t.end - 1]!;
      out.push({ text: text.slice(start, end + 1), start, end, typeName: 'datetimeV2.duration', resolution: { values: [{ timex: `P${2 * count}W`, type: 'duration' }] } });
    }
  });
  const windows = windowsAround(tokens, (t) => EN_TIME_UNITS.has(t), true);
  // recognizers-text misses "four more months" and "six long weeks"; without the filler word
  // it reads them, and the result then spans the whole window.
  const found = runOnWindows(text, windows, tokens, nt.map, 'duration', (q) => {
    const direct = recognizeDateTime(q, Culture.English) as RecognizerResult<DateTimeResolution>[];
    if (direct.some((r) => r.typeName === 'datetimeV2.duration') || !FILLER.test(q)) return direct;
    return (recognizeDateTime(q.replace(FILLER, ' '), Culture.English) as RecognizerResult<DateTimeResolution>[]).map((r) => ({
      ...r,
      text: q,
      start: 0,
      end: q.length - 1,
    }));
  });
  for (const r of found) {
    if (r.typeName !== 'datetimeV2.duration' || VAGUE.test(r.text.toLowerCase())) continue;
    out.push(r);
  }
  return out.sort((a, b) => a.start - b.start);
}

/** English distances with number words ("sixty kilometres", "forty miles") as recognizers-text results. */
export function englishDistances(text: string): RecognizerResult<DimensionResolution>[] {
  const nt = normalize(text);
  const tokens = tokenize(nt.norm);
  const windows = windowsAround(tokens, (t) => EN_DISTANCE_UNITS.test(t), true);
  return runOnWindows(text, windows, tokens, nt.map, 'dimension', (q) =>
    recognizeDimension(q, Culture.English) as RecognizerResult<DimensionResolution>[],
  ).filter((r) => r.resolution.value !== null);
}

const MONTH_OR_ORDINAL = /\b(january|february|march|april|may|june|july|august|september|october|november|december|\d+(st|nd|rd|th))\b/;

/** English written dates the day-first reader does not cover ("April the second, 1961"), as recognizers-text results. */
export function englishDates(text: string, referenceDate: Date): RecognizerResult<DateTimeResolution>[] {
  const lower = text.toLowerCase();
  if (!MONTH_OR_ORDINAL.test(lower) || text.length > 200) return [];
  return cached(`date\u0000${lower}\u0000${referenceDate.getFullYear()}`, () =>
    recognizeDateTime(text, Culture.English, undefined, referenceDate) as RecognizerResult<DateTimeResolution>[],
  ).filter((r) => r.typeName === 'datetimeV2.date');
}
