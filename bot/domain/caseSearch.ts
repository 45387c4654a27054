/**
 * Searching the mediation queue the way a mediator on the phone searches: a reference read aloud
 * ("ZB bso o 4wc3"), a name without its accents, a phone number written 06… or +31 6…, a policy
 * number or an e-mail address. Pure: the keys stored with a case and the terms of a query are made
 * here, so both sides are normalised the same way.
 */
import { toMatchKey } from './text.ts';

/** The keys stored with a case (null when the patient did not give that item). */
export interface CaseSearchKeys {
  searchName: string | null;
  searchPhone: string | null;
  searchPolicy: string | null;
  searchEmail: string | null;
  patientBirthDate: string | null;
}

const str = (v: unknown): string | null => (typeof v === 'string' && v.trim() !== '' ? v.trim() : null);

/** A name as compared: lower case, accents and punctuation gone ("Renée van 't Hoff" → "renee van t hoff"). */
export function nameKey(name: string): string {
  return toMatchKey(name);
}

/**
 * A Dutch phone number as compared: digits only, with the country code written as the trunk 0, so
 * "+31 6 1234 5678", "0031612345678" and "06-12345678" are one number. Foreign numbers keep their digits.
 */
export function phoneKey(phone: string): string {
  let digits = phone.replace(/\D/g, '');
  if (phone.trim().startsWith('+31') || digits.startsWith('0031')) digits = `0${digits.replace(/^(00)?31/, '')}`;
  else if (/^31[1-9]\d{8}$/.test(digits)) digits = `0${digits.slice(2)}`;
  return digits;
}

/** A policy number as compared: letters and digits only, upper case. */
export function policyKey(policy: string): string {
  return policy.replace(/[^0-9a-z]/gi, '').toUpperCase();
}

export const emailKey = (email: string): string => email.trim().toLowerCase();

/** The search keys of a structured request (its `patient` part). */
export function searchKeysOf(request: Record<string, unknown>): CaseSearchKeys {
  const patient = (request.patient ?? {}) as Record<string, unknown>;
  const name = str(patient.fullName);
  const phone = str(patient.phone);
  const policy = str(patient.policyNumber);
  const email = str(patient.email);
  const dob = str(patient.dateOfBirth);
  return {
    searchName: name ? nameKey(name) || null : null,
    searchPhone: phone ? phoneKey(phone) || null : null,
    searchPolicy: policy ? policyKey(policy) || null : null,
    searchEmail: email ? emailKey(email) : null,
    patientBirthDate: dob && /^\d{4}-\d{2}-\d{2}$/.test(dob) ? dob : null,
  };
}

export const emptySearchKeys: CaseSearchKeys = { searchName: null, searchPhone: null, searchPolicy: null, searchEmail: null, patientBirthDate: null };

// Case references use Crockford base32 without I, L, O and U, so a reader's O is a 0 and I or L a 1.
const referenceLetters: Record<string, string> = { O: '0', I: '1', L: '1' };

/** The reference a spoken or typed text stands for ("zb bsoo 4wc3" → "ZB-BS00-4WC3"), or null. */
export function referenceFrom(text: string): string | null {
  const compact = text.toUpperCase().replace(/[\s\-_.]/g, '');
  const body = compact.startsWith('ZB') && compact.length === 10 ? compact.slice(2) : compact;
  if (!/^[0-9A-Z]{8}$/.test(body)) return null;
  const fixed = body.replace(/[OIL]/g, (c) => referenceLetters[c]!);
  if (/U/.test(fixed)) return null;
  return `ZB-${fixed.slice(0, 4)}-${fixed.slice(4)}`;
}

/** What a query may match; every field that applies is tried (OR). */
export interface SearchTerms {
  reference: string | null;
  /** Name words, each must occur in the name (so "jans" finds "Jan Jansen", "de vries" finds "Anne de Vries"). */
  nameWords: string[];
  /** Digits of a phone number (at least 6), matched anywhere in the stored number. */
  phone: string | null;
  policy: string | null;
  email: string | null;
  /** For the audit log: which kinds were tried; never the text itself (it may be a name). */
  kinds: ('reference' | 'name' | 'phone' | 'policy' | 'email')[];
}

/** Reads a query into the terms the store matches. */
export function searchTerms(query: string): SearchTerms {
  const q = query.trim();
  const terms: SearchTerms = { reference: referenceFrom(q), nameWords: [], phone: null, policy: null, email: null, kinds: [] };
  if (terms.reference) terms.kinds.push('reference');
  if (q.includes('@')) {
    terms.email = emailKey(q);
    terms.kinds.push('email');
    return terms;
  }
  const phoneLike = /^[+\d][\d\s\-().]*$/.test(q) ? phoneKey(q) : '';
  if (phoneLike.length >= 6) {
    terms.phone = phoneLike;
    terms.kinds.push('phone');
  }
  const policy = policyKey(q);
  if (policy.length >= 4 && /\d/.test(policy)) {
    terms.policy = policy;
    terms.kinds.push('policy');
  }
  const words = nameKey(q).split(' ').filter((w) => w.length >= 2 && /[a-z]/.test(w));
  if (words.length) {
    terms.nameWords = words;
    terms.kinds.push('name');
  }
  return terms;
}
