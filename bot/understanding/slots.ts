/**
 * Parsers for one piece of information, called by the conversation when it has just asked for
 * it (channelData.slot). They are more permissive than entity extraction from a free message:
 * after "Hoeveel weken wacht u al?" a bare "20" means 20 weeks.
 */
import { normalize, tokenize } from './text.ts';
import { findDurations, weeksFromTimex, weeksOf } from './dutchDurations.ts';
import { readNumbers } from './dutchNumbers.ts';
import { recognizeDutchDates } from './dutchDates.ts';
import { englishDates, englishDistances, englishDurations } from './english.ts';
import type { Locale, YesNo } from './types.ts';

// ---------------------------------------------------------------------------------------------
// Postcode

// Dutch postcodes: four digits not starting with 0, two letters; SA, SD and SS are never issued.
const FULL_POSTCODE = /(?<![\d+])([1-9]\d{3})\s?([a-z]{2})(?![a-z\d])/gi;
const NOT_ISSUED = new Set(['SA', 'SD', 'SS']);
const FOUR_DIGITS = /(?<![\d+\-/.,])([1-9]\d{3})(?![\d\-/.,]\d)(?![a-z])/gi;
// Words after which four digits are a place, not a year or an amount.
const POSTCODE_CONTEXT =
  /(postcode|postcodegebied|post code|postal code|zip|zipcode|pc4?|woon(?:achtig)? in|wonend in|woon ik in|live in|living in|based in|in de buurt van|buurt van|omgeving|omgeving van|regio|rond|rondom|nabij|dichtbij|dicht bij|bij mij in de buurt|near|around|area|in the area of|vicinity of|close to)(?:\s+(?:is|was|luidt|=))?[:\s]*$/;
// Two-letter words that follow a number in ordinary sentences ("in 1961 en toen"); after a
// space they are only a postcode when written in capitals or right after "postcode".
const COMMON_PAIRS = new Set(['en', 'in', 'op', 'of', 'is', 'at', 'to', 'an', 'as', 'on', 'or', 'ik', 'je', 'we', 'ze', 'de', 'he', 'me', 'my', 'by', 'be', 'do', 'go', 'no', 'so', 'up', 'us', 'am', 'nu', 'al', 'te', 'om', 'er', 'na', 'ja', 'km', 'cm', 'mm', 'kg', 'it', 'if', 'eu', 'uw']);

/** Spans of telephone numbers, so that their digits are not read as postcodes or weeks. */
export function phoneSpans(text: string): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  PHONE_CANDIDATE.lastIndex = 0;
  for (let m = PHONE_CANDIDATE.exec(text); m !== null; m = PHONE_CANDIDATE.exec(text)) {
    if (normalizePhone(m[0]) !== null) spans.push([m.index, m.index + m[0].length]);
  }
  return spans;
}

/** A Dutch postcode in the text, normalised to "1234AB", or "1234" when only the digits are given. */
export function parsePostcode(text: string, options: { allowBareDigits?: boolean } = {}): string | null {
  const phones = phoneSpans(text);
  const inPhone = (i: number): boolean => phones.some(([a, b]) => i >= a && i < b);
  const dates = recognizeDutchDates(text).map((d) => [d.start, d.end + 1] as [number, number]);
  const inDate = (i: number): boolean => dates.some(([a, b]) => i >= a && i < b);
  const lower = text.toLowerCase();

  FULL_POSTCODE.lastIndex = 0;
  for (let m = FULL_POSTCODE.exec(text); m !== null; m = FULL_POSTCODE.exec(text)) {
    if (inPhone(m.index) || inDate(m.index)) continue;
    const letters = m[2]!.toUpperCase();
    if (NOT_ISSUED.has(letters)) continue;
    const spaced = m[0].length === 7;
    const before = lower.slice(Math.max(0, m.index - 40), m.index);
    if (spaced && COMMON_PAIRS.has(m[2]!.toLowerCase()) && !POSTCODE_CONTEXT.test(before)) {
      // "3011 AB" in capitals is a postcode, "in 1961 en toen" is not; a year stays a year even in capitals.
      if (m[2] !== letters || /^(19|20)\d\d$/.test(m[1]!)) continue;
    }
    return `${m[1]}${letters}`;
  }

  const trimmed = text.trim().replace(/[.!?]+$/, '');
  if (/^[1-9]\d{3}$/.test(trimmed)) return trimmed; // the whole message
  FOUR_DIGITS.lastIndex = 0;
  for (let m = FOUR_DIGITS.exec(text); m !== null; m = FOUR_DIGITS.exec(text)) {
    if (inPhone(m.index) || inDate(m.index)) continue;
    const before = lower.slice(Math.max(0, m.index - 40), m.index);
    if (options.allowBareDigits || POSTCODE_CONTEXT.test(before)) return m[1]!;
  }
  return null;
}

// ---------------------------------------------------------------------------------------------
// Telephone and e-mail

const PHONE_CANDIDATE = /(?<![\d\w])(?:\+|00)?[\d(][\d\s().\-/]{7,18}\d(?!\d)/g;

function normalizePhone(raw: string): string | null {
  let digits = raw.replace(/[\s().\-/]/g, '');
  if (!/^\+?\d+$/.test(digits)) return null;
  if (digits.startsWith('00')) digits = `+${digits.slice(2)}`;
  if (digits.startsWith('+31')) digits = `0${digits.slice(3).replace(/^0/, '')}`; // "+31 (0)6 …"
  if (digits.startsWith('+')) return /^\+[1-9]\d{7,14}$/.test(digits) ? digits : null;
  // Dutch numbers: ten digits from the leading 0 (06 mobile, 010 Rotterdam, 020 Amsterdam …),
  // or the free and paid service numbers 0800/0900/0909 with 4 to 7 digits after the prefix.
  if (/^0[1-9]\d{8}$/.test(digits)) return `+31${digits.slice(1)}`;
  if (/^0(800|900|906|909)\d{4,7}$/.test(digits)) return `+31${digits.slice(1)}`;
  return null;
}

/** A telephone number, normalised to E.164 ("+31612345678"); Dutch 06…, 010-…, +31… and foreign +… numbers. */
export function parsePhone(text: string): string | null {
  PHONE_CANDIDATE.lastIndex = 0;
  for (let m = PHONE_CANDIDATE.exec(text); m !== null; m = PHONE_CANDIDATE.exec(text)) {
    const phone = normalizePhone(m[0]);
    if (phone) return phone;
  }
  return null;
}

const EMAIL = /^[a-z0-9](?:[a-z0-9._%+-]{0,62}[a-z0-9])?@[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*\.[a-z]{2,}$/i;

/** An e-mail address, with the domain in lower case (the local part is kept as written). */
export function parseEmail(text: string): string | null {
  // Word by word: one regular expression over a whole message backtracks badly on long input.
  if (!text.includes('@')) return null;
  for (const word of text.split(/[\s,;:<>()[\]"']+/)) {
    if (!word.includes('@') || word.length > 254) continue;
    const candidate = word.replace(/^[^a-z0-9]+|[^a-z0-9]+$/gi, '');
    if (!EMAIL.test(candidate)) continue;
    const [local, domain] = candidate.split('@') as [string, string];
    return `${local}@${domain.toLowerCase()}`;
  }
  return null;
}

// ---------------------------------------------------------------------------------------------
// Weeks, distances, dates

/** Weeks in an answer to "how long have you been waiting?": "20 weken", "3 maanden", "een half jaar", "six weeks", or a bare "20". */
export function parseWeeks(text: string, _locale: Locale = 'nl'): number | null {
  const nt = normalize(text);
  const tokens = tokenize(nt.norm);
  const dutch = findDurations(nt, tokens);
  if (dutch.length > 0) return weeksOf(dutch[0]!.value, dutch[0]!.unit);
  for (const r of englishDurations(text)) {
    const tx = r.resolution.values[0]?.timex;
    const weeks = tx ? weeksFromTimex(tx) : null;
    if (weeks !== null) return weeks;
  }
  // A bare number answers the question in its own unit.
  const numbers = readNumbers(nt, tokens).filter((n) => !n.article);
  if (numbers.length === 1 && tokens.length <= 4) return Math.round(numbers[0]!.value);
  return null;
}

const KM_UNITS = /^(km|kms|kilometer|kilometers|kilometre|kilometres|kilometer's)$/;
const MILE_UNITS = /^(mile|miles|mijl)$/;
const KM_PER_MILE = 1.609344;

/** A travel distance in km ("60 km", "zestig kilometer", "forty miles" → 64), or a bare number. Not times ("an hour"). */
export function parseDistanceKm(text: string, _locale: Locale = 'nl'): number | null {
  const nt = normalize(text);
  const tokens = tokenize(nt.norm);
  const numbers = readNumbers(nt, tokens).filter((n) => !n.article);
  for (const n of numbers) {
    const unit = tokens[n.last + 1]?.text ?? '';
    if (KM_UNITS.test(unit)) return Math.round(n.value);
    if (MILE_UNITS.test(unit)) return Math.round(n.value * KM_PER_MILE);
  }
  const attached = tokens.map((t) => /^(\d+(?:[.,]\d+)?)(km|kms|mi)$/.exec(t.text)).find((m) => m !== null);
  if (attached) return Math.round(Number(attached[1]!.replace(',', '.')) * (attached[2] === 'mi' ? KM_PER_MILE : 1));
  for (const r of englishDistances(text)) {
    const v = Number(r.resolution.value);
    if (!Number.isFinite(v)) continue;
    return Math.round(r.resolution.unit === 'Mile' ? v * KM_PER_MILE : v);
  }
  const timeWords = tokens.some((t) => /^(uur|uurtje|minuten|min|hour|hours|minutes|mins)$/.test(t.text));
  if (!timeWords && numbers.length === 1 && tokens.length <= 4) return Math.round(numbers[0]!.value);
  return null;
}

/** A full date (day, month, year) as ISO "YYYY-MM-DD"; day-first for numeric dates. Plausibility is the caller's. */
export function parseDate(text: string, locale: Locale = 'nl', referenceDate: Date = new Date()): string | null {
  const own = recognizeDutchDates(text, referenceDate);
  if (own.length > 0) return own[0]!.resolution.values[0]!.value ?? null;
  if (locale === 'en' || /[a-z]/i.test(text)) {
    for (const r of englishDates(text, referenceDate)) {
      const tx = r.resolution.values[0]?.timex ?? '';
      if (/^\d{4}-\d{2}-\d{2}$/.test(tx)) return tx;
    }
  }
  return null;
}

// ---------------------------------------------------------------------------------------------
// Yes / no

const YES = new Set([
  'ja', 'jazeker', 'jawel', 'jep', 'jup', 'ok', 'oke', 'okay', 'okee', 'akkoord', 'prima', 'goed', 'graag', 'klopt', 'correct',
  'zeker', 'natuurlijk', 'uiteraard', 'yes', 'yeah', 'yep', 'yup', 'sure', 'certainly', 'absolutely', 'agreed', 'right', 'please',
  'bevestig', 'bevestigen', 'versturen', 'verstuur', 'doen', 'confirm', 'send', 'top', 'prima', 'toestemming', 'akoord',
]);
// "niet", "geen" and "not" alone are not answers ("ik weet het niet"); they count only in the phrases below.
const NO = new Set(['nee', 'neen', 'nope', 'no', 'nah', 'never', 'nooit', 'weiger', 'annuleer']);
const NO_PHRASES = /^(nee|no|liever niet|niet doen|no thanks?|nee dank je|nee bedankt|not now|niet nu|geen toestemming|ik weiger|klopt niet|dat klopt niet|that'?s not right|not correct|incorrect|absolutely not)\b/;
const YES_PHRASES = /^(ja|yes|is goed|dat is goed|prima|akkoord|ik ga akkoord|ik geef toestemming|dat klopt|klopt|that'?s right|that'?s correct|i agree|i consent|go ahead|ga je gang|doe maar|graag|sure|ok|oke|okay)\b/;

/** "yes" / "no" for a short answer ("ja graag", "nee, liever niet", "yes please", "klopt"); null when it is neither or a longer message. */
export function parseYesNo(text: string): YesNo | null {
  const norm = normalize(text).norm.trim().replace(/^[^a-z]+/, '');
  const tokens = tokenize(norm).map((t) => t.text);
  if (tokens.length === 0) return null;
  if (NO_PHRASES.test(norm)) return 'no';
  if (YES_PHRASES.test(norm)) {
    // "ja maar nee", "ok no" — a later "no" word makes it unclear
    return tokens.slice(1, 4).some((t) => t === 'nee' || t === 'no') ? null : 'yes';
  }
  if (tokens.length > 4) return null;
  const yes = tokens.some((t) => YES.has(t));
  const no = tokens.some((t) => NO.has(t));
  if (yes && !no) return 'yes';
  if (no && !yes) return 'no';
  return null;
}
