import type { Locale } from '../i18n/index.ts';
import type { ConversationServices } from './ports.ts';
import type { Facts } from './state.ts';
import type { Slot } from './types.ts';
import { isBsn, containsBsn } from '../domain/bsn.ts';
import { parseApplicant } from '../understanding/onBehalf.ts';

/** The outcome of reading an answer to one question: a value, or the key of a kind explanation. */
export type SlotAnswer = { ok: true; apply: (facts: Facts) => void } | { ok: false; errorKey: string; params?: Record<string, unknown> };

const ok = (apply: (facts: Facts) => void): SlotAnswer => ({ ok: true, apply });
const fail = (errorKey: string, params?: Record<string, unknown>): SlotAnswer => ({ ok: false, errorKey, params });

// Letters (any script, with accents), spaces, hyphens, apostrophes and dots: "Anne-Marie van 't Hof".
const namePattern = /^[\p{L}][\p{L}\p{M}' .\-’]{1,118}$/u;
const unknownAnswer = /^(weet ik niet|weet niet|geen idee|geen|nvt|n\.v\.t\.|onbekend|i don'?t know|don'?t know|not sure|none|unknown|no idea)\.?$/i;

/** The Dutch BSN check ("elfproef"); bot/domain/bsn.ts is the one definition. */
export const looksLikeBsn = isBsn;

// "mijn polisnummer is AB 123 456", "polis: 1234-5678": the words around the number are not part of it.
const policyLead = /^(?:(?:mijn|my|het|the|dat|this|it)\s+)?(?:(?:polisnummer|polis nummer|klantnummer|klant nummer|relatienummer|verzekeringsnummer|verzekerdennummer|lidnummer|zorgpasnummer|policy number|policy no\.?|customer number|member number|membership number|insurance number|nummer|number|polis|policy)\b\s*)?(?:is\b|=|:)?\s*/i;

/** The policy number in an answer, without the words around it, or null when there is none. */
export function extractPolicyNumber(text: string): string | null {
  const rest = text.trim().replace(policyLead, '').replace(/[.!]+$/, '');
  const compact = rest.replace(/[\s.\-/]/g, '').toUpperCase();
  // Letters and digits, 5 to 20, with at least one digit ("ABCDE" is a word, not a number).
  return /^[A-Z0-9]{5,20}$/.test(compact) && /\d/.test(compact) ? compact : null;
}

/** A date of birth is plausible between 120 years ago and today. */
export function plausibleBirthDate(iso: string, now: Date): boolean {
  const date = new Date(`${iso}T00:00:00Z`);
  if (Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== iso) return false;
  const oldest = new Date(Date.UTC(now.getUTCFullYear() - 120, now.getUTCMonth(), now.getUTCDate()));
  return date <= now && date >= oldest;
}

/**
 * Reads the patient's answer to the question that carried `slot`. Pure apart from the
 * understanding and knowledge ports it is given.
 */
export async function readSlotAnswer(
  slot: Slot,
  text: string,
  context: { locale: Locale; now: Date; services: ConversationServices },
): Promise<SlotAnswer> {
  const { understanding, knowledge } = context.services;
  const trimmed = text.trim();
  switch (slot) {
    case 'fullName': {
      const name = trimmed.replace(/\s+/g, ' ');
      if (!namePattern.test(name) || !/\p{L}.*\s+.*\p{L}|\p{L}{2,}/u.test(name)) return fail('invalid.fullName');
      return ok((f) => (f.fullName = name));
    }
    case 'dateOfBirth': {
      const iso = understanding.parseDate(trimmed, context.locale, context.now);
      if (!iso) return fail('invalid.dateOfBirth');
      if (!plausibleBirthDate(iso, context.now)) return fail('invalid.dateOfBirthImplausible');
      return ok((f) => (f.dateOfBirth = iso));
    }
    case 'policyNumber': {
      // We never ask for or keep a BSN; the conversation has already refused one in the text.
      if (containsBsn(trimmed)) return fail('invalid.policyNumberBsn');
      const policy = extractPolicyNumber(trimmed);
      if (!policy) return fail('invalid.policyNumber');
      if (isBsn(policy)) return fail('invalid.policyNumberBsn');
      return ok((f) => (f.policyNumber = policy));
    }
    case 'phone': {
      const phone = understanding.parsePhone(trimmed);
      if (!phone) return fail('invalid.phone');
      return ok((f) => (f.phone = phone));
    }
    case 'email': {
      const email = understanding.parseEmail(trimmed);
      if (!email || !/^[^\s@]+@[^\s@]+\.[a-z]{2,}$/i.test(email)) return fail('invalid.email');
      return ok((f) => (f.email = email.toLowerCase()));
    }
    case 'contactPreference': {
      const norm = trimmed.toLowerCase();
      if (/(e-?mail|mail|mailen)/.test(norm)) return ok((f) => (f.contactPreference = 'email'));
      if (/(telefo|bel|phone|call|mobiel|mobile)/.test(norm)) return ok((f) => (f.contactPreference = 'phone'));
      return fail('invalid.contactPreference');
    }
    case 'postcode': {
      // "99999" is not a postcode with a digit too many: it is not a postcode at all.
      const postcode = /\d{5,}/.test(trimmed) ? null : understanding.parsePostcode(trimmed);
      if (!postcode) return fail('invalid.postcode');
      if (!knowledge.knownPostcode(postcode)) return fail('invalid.postcodeUnknown', { postcode });
      return ok((f) => (f.postcode = postcode));
    }
    case 'hospital': {
      if (unknownAnswer.test(trimmed)) return ok((f) => (f.hospital = null));
      const hospital = knowledge.resolveHospital(trimmed) ?? context.services.understanding.understand(trimmed, context.locale).entities.hospital;
      if (!hospital) return fail('invalid.hospital');
      return ok((f) => (f.hospital = hospital));
    }
    case 'specialty': {
      const understood = understanding.understand(trimmed, context.locale);
      const code = understood.entities.specialty ?? knowledge.resolveSpecialty(trimmed, context.locale);
      if (!code) return fail('invalid.specialty');
      return ok((f) => {
        f.specialty = code;
        if (understood.entities.specialtyTerm) f.treatment = understood.entities.specialtyTerm.label;
        if (understood.entities.careType) f.careType = understood.entities.careType;
      });
    }
    case 'waitingWeeks': {
      const weeks = understanding.parseWeeks(trimmed, context.locale);
      if (weeks === null) return fail('invalid.waitingWeeks');
      if (weeks < 0 || weeks > 520) return fail('invalid.waitingWeeksRange');
      return ok((f) => (f.waitingWeeks = weeks));
    }
    case 'maxTravelKm': {
      const km = understanding.parseDistanceKm(trimmed, context.locale) ?? (/^\d{1,3}$/.test(trimmed) ? Number(trimmed) : null);
      if (km === null) return fail('invalid.maxTravelKm');
      if (km < 1 || km > 300) return fail('invalid.maxTravelKmRange');
      return ok((f) => (f.maxTravelKm = Math.round(km)));
    }
    case 'insurer': {
      const choice = await knowledge.resolveInsurer(trimmed);
      if (!choice) return fail('invalid.insurer');
      return ok((f) => (f.insurer = { tenantId: choice.tenantId, name: choice.name, contact: choice.contact }));
    }
    case 'applicant': {
      const applicant = parseApplicant(trimmed);
      if (!applicant.fullName || !applicant.relation) return fail('invalid.applicant');
      return ok((f) => (f.applicant = { fullName: applicant.fullName!, relation: applicant.relation! }));
    }
    case 'consent':
    case 'confirm':
      // Yes/no questions are read by their flows, which also know what "no" means there.
      return fail('invalid.yesNo');
  }
}
