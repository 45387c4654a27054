/**
 * Sources and validity periods, shared by the Treeknormen, urgency classes and rights
 * statements: every rule says where it was read and when it applies.
 */

/** A source a rule was read in; url is null only for a document we hold as text without a stable address. */
export interface Source {
  url: string | null;
  title: string;
}

/**
 * How a start date is known:
 * - "exact": the date the rule took effect;
 * - "in_force_by": the date of the oldest source that shows it in force (it may be older);
 * - "standing_rule": a long-standing rule whose start we did not verify; validFrom is then
 *   STANDING_RULES_FROM, the start of the period the assistant talks about, not a legal date.
 */
export type ValidFromKind = 'exact' | 'in_force_by' | 'standing_rule';

/** How an end date is known: exactly, or assumed (e.g. "for 2022" read as until 31 December 2022). */
export type ValidUntilKind = 'exact' | 'assumed';

/** When a rule applies. Dates are calendar dates (YYYY-MM-DD) in the Netherlands. */
export interface Validity {
  validFrom: string;
  validFromKind: ValidFromKind;
  /** Last day the rule applies, or null while it is current. */
  validUntil: string | null;
  validUntilKind?: ValidUntilKind;
}

/** The start of the period the assistant covers (Covid postponements onwards); see "standing_rule". */
export const STANDING_RULES_FROM = '2020-01-01';

const NL_DATE = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam', year: 'numeric', month: '2-digit', day: '2-digit' });

/** The calendar date (YYYY-MM-DD) of a moment in the Netherlands; 23:30 UTC on 31 Dec is already 1 Jan there. */
export function dutchCalendarDate(moment: Date): string {
  const ms = moment.getTime();
  if (Number.isNaN(ms)) throw new RangeError('invalid date');
  // A turn asks for the date of the same moment once per card it weighs (dozens of times), and
  // Intl formatting with a time zone is slow; the last answer is kept.
  if (ms !== lastMoment) {
    lastMoment = ms;
    lastDate = NL_DATE.format(moment);
  }
  return lastDate;
}
let lastMoment = Number.NaN;
let lastDate = '';

/** True when the rule applies on this calendar date (YYYY-MM-DD), both ends inclusive. */
export function isValidOn(validity: Validity, date: string): boolean {
  return validity.validFrom <= date && (validity.validUntil === null || date <= validity.validUntil);
}
