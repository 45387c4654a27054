/**
 * Dutch postcodes: "3011 ab" → "3011AB", "3011" → "3011". A postcode is four digits 1000–9999
 * (no postcode starts with 0) optionally followed by two letters; PostNL never issues the
 * letter pairs SA, SD and SS. We only need the four digits (PC4) for distances, so a bare
 * PC4 is a valid answer.
 */

/** Why a text is not a Dutch postcode. */
export type PostcodeProblem = 'empty' | 'malformed' | 'starts_with_zero' | 'letters_not_issued';

/** A parsed postcode, or the reason it is not one. */
export type PostcodeResult =
  | { ok: true; postcode: string; pc4: string; hasLetters: boolean }
  | { ok: false; problem: PostcodeProblem };

const SHAPE = /^(\d{4})\s*([a-z]{2})?$/i;
const NOT_ISSUED = new Set(['SA', 'SD', 'SS']);

/** Parses one postcode answer ("3011 ab", " 3011AB ", "3011"). */
export function parsePostcode(input: string): PostcodeResult {
  const text = input.trim();
  if (text === '') return { ok: false, problem: 'empty' };
  const m = SHAPE.exec(text);
  if (!m) return { ok: false, problem: 'malformed' };
  const digits = m[1]!;
  if (digits.startsWith('0')) return { ok: false, problem: 'starts_with_zero' };
  const letters = m[2]?.toUpperCase();
  if (letters && NOT_ISSUED.has(letters)) return { ok: false, problem: 'letters_not_issued' };
  return { ok: true, postcode: letters ? digits + letters : digits, pc4: digits, hasLetters: letters !== undefined };
}

/** The normalised postcode ("3011AB" or "3011"), or null when the text is not one. */
export function normalizePostcode(input: string): string | null {
  const r = parsePostcode(input);
  return r.ok ? r.postcode : null;
}

/** The four digits of a postcode ("3011 AB" → "3011"), or null. */
export function toPc4(input: string): string | null {
  const r = parsePostcode(input);
  return r.ok ? r.pc4 : null;
}

// A full postcode inside a sentence. Two letters after a space that are a common Dutch word
// ("ik woon in 3011 en ...") are not taken as the letters of the postcode.
const IN_TEXT = /(?<![\p{L}\p{N}])([1-9]\d{3})(?:(\s?)([a-z]{2}))?(?![\p{L}\p{N}])/giu;
const TWO_LETTER_WORDS = new Set([
  'en', 'in', 'op', 'is', 'de', 'of', 'ik', 'je', 'we', 'ze', 'al', 'na', 'om', 'te', 'er', 'nu', 'zo', 'ok', 'at', 'to',
  'an', 'as', 'by', 'or', 'on', 'it', 'if', 'km', 'cm', 'mm', 'uu', 'eu',
]);
// Four digits alone are a year, an amount or a number of days as often as a postcode; only
// count them after a word that announces a postcode.
const PC4_CUE = /(?:postcode|postcode is|pc4|pc|zip|zip code|postal code)\s*:?\s*$/i;

/**
 * Finds a postcode in free text: a full "1234 AB" anywhere, a bare "1234" only when the whole
 * text is that number or a cue such as "postcode" stands right before it. Null when none.
 */
export function extractPostcode(text: string): string | null {
  const trimmed = text.trim();
  const whole = parsePostcode(trimmed);
  if (whole.ok) return whole.postcode;
  let bare: string | null = null;
  for (const m of text.matchAll(IN_TEXT)) {
    const digits = m[1]!;
    const space = m[2] ?? '';
    const letters = m[3]?.toUpperCase();
    const wordAfterSpace = letters !== undefined && space !== '' && TWO_LETTER_WORDS.has(letters.toLowerCase());
    if (letters && !wordAfterSpace && !NOT_ISSUED.has(letters)) return digits + letters;
    if (bare === null && PC4_CUE.test(text.slice(0, m.index))) bare = digits;
  }
  return bare;
}
