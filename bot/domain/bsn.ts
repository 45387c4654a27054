/**
 * The citizen service number (burgerservicenummer, BSN) must never be kept: the assistant never
 * needs it and promises not to store it. A BSN is 9 digits that pass the "elfproef"
 * (9·d1 + 8·d2 + … + 2·d8 − 1·d9 divisible by 11; Logius, "Burgerservicenummer, elfproef").
 *
 * People write it with spaces, dots or dashes ("1112.22.333", "111 222 333") and with words
 * around it ("mijn bsn is …"). Runs of digit groups are split at their separators and every
 * group sequence of exactly 9 digits is checked, so "06 12345678 111222333" finds the BSN but a
 * Dutch phone number (10 digits, or "+31 6 …") is left alone. A number the patient calls a BSN
 * ("BSN: …") is masked whether or not it passes the check: it is theirs, mistyped.
 */

/** The elfproef: a 9-digit number that passes it may be a BSN. */
export function isBsn(digits: string): boolean {
  if (!/^\d{9}$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += Number(digits[i]) * (9 - i);
  sum -= Number(digits[8]);
  return sum % 11 === 0 && sum !== 0;
}

const RUN = /\d+(?:[ .\-]\d+)*/g;
const LABEL = /\b(?:bsn|burgerservicenummer|burger service nummer|sofi-?nummer|sofinummer|citizen service number|social security number)\b[^\d\n]{0,20}$/i;
// "+31 6 …", "0031 6 …", "(0)6 …": the start of a phone number, not of a BSN.
const PHONE_PREFIX = /(?:(?:\+|00)\d{1,3}[ .\-]?(?:\(0\)[ .\-]?)?|\(0\)[ .\-]?)$/;

/** [start, end) spans of the text that hold a BSN. */
export function bsnSpans(text: string): [number, number][] {
  const spans: [number, number][] = [];
  RUN.lastIndex = 0;
  for (let m = RUN.exec(text); m; m = RUN.exec(text)) {
    const before = text.slice(0, m.index);
    const digitsOnly = m[0].replace(/\D/g, '');
    if (LABEL.test(before) && digitsOnly.length >= 7 && digitsOnly.length <= 10) {
      spans.push([m.index, m.index + m[0].length]);
      continue;
    }
    // Groups with their offsets inside the run.
    const groups: { start: number; end: number; digits: string }[] = [];
    const g = /\d+/g;
    for (let x = g.exec(m[0]); x; x = g.exec(m[0])) groups.push({ start: m.index + x.index, end: m.index + x.index + x[0].length, digits: x[0] });
    for (let i = 0; i < groups.length; i++) {
      let digits = '';
      for (let j = i; j < groups.length && digits.length < 9; j++) {
        digits += groups[j]!.digits;
        if (digits.length !== 9) continue;
        const prefix = i === 0 ? before : text.slice(0, groups[i]!.start);
        const phoneLike = PHONE_PREFIX.test(prefix) || (i > 0 && groups[i - 1]!.digits.length <= 2);
        if (!phoneLike && isBsn(digits)) spans.push([groups[i]!.start, groups[j]!.end]);
      }
    }
  }
  return spans;
}

export function containsBsn(text: string): boolean {
  return bsnSpans(text).length > 0;
}

export const bsnMaskChar = '•';

/** The text with every BSN's digits replaced by "•" (separators kept, so the patient sees what went). */
export function maskBsn(text: string): string {
  const spans = bsnSpans(text);
  if (spans.length === 0) return text;
  let out = '';
  let at = 0;
  for (const [start, end] of spans) {
    if (start < at) continue;
    out += text.slice(at, start) + text.slice(start, end).replace(/\d/g, bsnMaskChar);
    at = end;
  }
  return out + text.slice(at);
}

/** Whether a text carries a BSN or the mask the channel already put in its place. */
export function mentionsBsn(text: string): boolean {
  return containsBsn(text) || new RegExp(`${bsnMaskChar}{3}`).test(text.replace(/[ .\-]/g, ''));
}
