/**
 * Dates as Dutch patients write them ("30-06-1950", "30/06/1950", "2 april 1961", "1961-04-02"),
 * in the shape of recognizers-text `datetimeV2.date` results. Numeric dates are always read
 * day-first: recognizers-text reads "04/02/1961" the American way (2 April), which is wrong for
 * people in the Netherlands whatever language they write in. English month-first forms
 * ("april 2, 1961") are read here too, because the month names are shared.
 */
import { normalize } from './text.ts';
import type { DateTimeResolution, RecognizerResult } from './types.ts';

const MONTHS: Record<string, number> = {
  januari: 1, january: 1, jan: 1,
  februari: 2, february: 2, feb: 2, febr: 2,
  maart: 3, march: 3, mrt: 3, mar: 3, maa: 3,
  april: 4, apr: 4,
  mei: 5, may: 5,
  juni: 6, june: 6, jun: 6,
  juli: 7, july: 7, jul: 7,
  augustus: 8, august: 8, aug: 8,
  september: 9, sept: 9, sep: 9,
  oktober: 10, october: 10, okt: 10, oct: 10,
  november: 11, nov: 11,
  december: 12, dec: 12,
};
const MONTH_ALT = Object.keys(MONTHS).sort((a, b) => b.length - a.length).join('|');
const ORD = "(?:e|de|ste|st|nd|rd|th)?";
const YEAR = "('?\\d{2}|\\d{4})";

interface DatePattern {
  re: RegExp;
  pick: (m: RegExpExecArray) => { day: string; month: string | number; year: string };
}

const PATTERNS: DatePattern[] = [
  { re: /\b(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})\b/g, pick: (m) => ({ year: m[1]!, month: m[2]!, day: m[3]! }) },
  { re: /\b(\d{1,2})\s?[-/.]\s?(\d{1,2})\s?[-/.]\s?(\d{4}|\d{2})\b/g, pick: (m) => ({ day: m[1]!, month: m[2]!, year: m[3]! }) },
  {
    re: new RegExp(`\\b(\\d{1,2})${ORD}(?:\\s+of)?\\s*[-\\s]\\s*(${MONTH_ALT})\\.?[-,\\s]+${YEAR}\\b`, 'g'),
    pick: (m) => ({ day: m[1]!, month: MONTHS[m[2]!]!, year: m[3]! }),
  },
  {
    re: new RegExp(`\\b(${MONTH_ALT})\\.?\\s+(?:the\\s+)?(\\d{1,2})${ORD},?\\s+${YEAR}\\b`, 'g'),
    pick: (m) => ({ month: MONTHS[m[1]!]!, day: m[2]!, year: m[3]! }),
  },
];

function isValidDate(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  const days = [31, y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
  return d <= days[m - 1]!;
}

/**
 * Two-digit years: the most recent year ending in those digits that is not in the future
 * (for a date of birth "30-06-50" is 1950). Plausibility beyond that is the caller's.
 */
function fullYear(raw: string, referenceYear: number): number {
  const digits = raw.replace("'", '');
  if (digits.length === 4) return Number(digits);
  const yy = Number(digits);
  const century = Math.floor(referenceYear / 100) * 100;
  return century + yy > referenceYear ? century - 100 + yy : century + yy;
}

const pad = (n: number, w = 2): string => String(n).padStart(w, '0');

/** Full calendar dates in `text` (day, month and year), recognizers-text style. */
export function recognizeDutchDates(text: string, referenceDate: Date = new Date()): RecognizerResult<DateTimeResolution>[] {
  const nt = normalize(text);
  const out: RecognizerResult<DateTimeResolution>[] = [];
  const taken: Array<[number, number]> = [];
  for (const { re, pick } of PATTERNS) {
    re.lastIndex = 0;
    for (let m = re.exec(nt.norm); m !== null; m = re.exec(nt.norm)) {
      const s = m.index;
      const e = m.index + m[0].length;
      if (taken.some(([a, b]) => s < b && e > a)) continue;
      const p = pick(m);
      const year = fullYear(p.year, referenceDate.getFullYear());
      const month = Number(p.month);
      const day = Number(p.day);
      if (!isValidDate(year, month, day)) continue;
      taken.push([s, e]);
      const iso = `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
      const start = nt.map[s]!;
      const end = nt.map[e - 1]!;
      out.push({ text: text.slice(start, end + 1), start, end, typeName: 'datetimeV2.date', resolution: { values: [{ timex: iso, type: 'date', value: iso }] } });
    }
  }
  return out.sort((a, b) => a.start - b.start);
}
