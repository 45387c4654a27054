import type { Locale } from '../i18n/index.ts';
import type { CareType } from '../domain/reference.ts';
import type { Slot } from './types.ts';
import type { DialogueContext } from './dialogueContext.ts';

/** The flows that can own a pending question. */
export type Flow = 'waitingTime' | 'elsewhere' | 'intake' | 'status' | 'correct' | 'places' | 'distance' | 'nearest' | 'withdraw';

export interface Facts {
  specialty?: string;
  treatment?: string; // the patient's own word, e.g. "staaroperatie"
  careType?: CareType;
  hospital?: string | null; // null: the patient does not know or is not on a list
  waitingWeeks?: number;
  postcode?: string;
  maxTravelKm?: number;
  /** The patient asked for providers their insurer contracts only. */
  contractedOnly?: boolean;
  insurer?: { tenantId: string | null; name: string; contact?: { phone: string | null; url: string | null } | null };
  fullName?: string;
  dateOfBirth?: string;
  policyNumber?: string;
  contactPreference?: 'phone' | 'email';
  phone?: string;
  email?: string | null;
  /** Who fills in the request for the patient, and their relation to them. */
  applicant?: { fullName: string; relation: string };
}

/** What the conversation remembers between turns (stored through the SDK's Storage). */
export interface ConversationState {
  version: 2;
  locale: Locale;
  welcomed: boolean;
  pending: { slot: Slot; flow: Flow } | null;
  /** The summary's "change something" was chosen: the next message names the field. */
  correcting: boolean;
  /** The page language the client last sent; a change (widget setLocale) switches the conversation. */
  clientLocale: Locale | null;
  /** The last message offered the mediation request as a yes/no question ("Wilt u dat?"). */
  offeredMediation: boolean;
  facts: Facts;
  consent: { given: boolean; at: string; text: string } | null;
  misses: number;
  postponed: boolean;
  status: { reference?: string; awaitingReference?: boolean };
  transcript: { from: 'patient' | 'assistant'; text: string; at: string }[];
  handoffs: number;
  lastCaseReference: string | null;
  /** The last question answered with figures and what was shown, for follow-ups ("en binnen 50 km?"). */
  context: DialogueContext | null;
  /** The patient said they want to stay with their own hospital: no alternatives unless they ask. */
  stayWithOwn: boolean;
  /** Cases filed in this conversation that the patient has not withdrawn (newest last). */
  openCases: string[];
  /** What the last request was about, so a request for the same care is not filed twice. */
  lastRequest: { specialty: string | null; hospital: string | null; waitingWeeks: number | null } | null;
  /** "Ik wil iets toevoegen" was answered with "what?": the next message is the note for the case. */
  awaitingNote: boolean;
  /** The answer card answered last (for "meer weten"). */
  lastCard: string | null;
  /** The patient reported worsening complaints in this conversation: a case carries the flag. */
  worseningReported: boolean;
  /** The question an emergency interrupted; the intake waits until the patient says to go on. */
  paused: { slot: Slot; flow: Flow } | null;
  /** The "shall we go on?" question after an emergency was asked (the next answer decides). */
  resumeAsked: boolean;
  /** "Delete my data" was asked: the next answer confirms; the question it interrupted comes back on "no". */
  confirmingErase: { pending: { slot: Slot; flow: Flow } | null } | null;
  /** The patient said they write for someone else: the intake asks who fills in (slot applicant). */
  onBehalf: boolean;
}

// Enough context for a mediator; older lines are dropped so the state stays small.
export const transcriptLimit = 80;

export function initialState(locale: Locale): ConversationState {
  return {
    version: 2,
    locale,
    welcomed: false,
    pending: null,
    correcting: false,
    offeredMediation: false,
    clientLocale: null,
    facts: {},
    consent: null,
    misses: 0,
    postponed: false,
    status: {},
    transcript: [],
    handoffs: 0,
    lastCaseReference: null,
    context: null,
    stayWithOwn: false,
    openCases: [],
    lastRequest: null,
    awaitingNote: false,
    lastCard: null,
    worseningReported: false,
    paused: null,
    resumeAsked: false,
    confirmingErase: null,
    onBehalf: false,
  };
}

/** Reads stored state of any earlier version; unknown shapes start afresh rather than crash. */
export function upgradeState(stored: unknown, locale: Locale): ConversationState {
  if (typeof stored !== 'object' || stored === null) return initialState(locale);
  const s = stored as Partial<ConversationState> & { version?: number };
  if (s.version === 2) {
    // Earlier versions kept a refused BSN-like number here; it is never carried over.
    const { bsnWarned: _dropped, ...rest } = s as Partial<ConversationState> & { bsnWarned?: unknown };
    return { ...initialState(s.locale ?? locale), ...rest } as ConversationState;
  }
  // Version 1 (the first thin flow) kept only a welcome flag worth carrying over.
  const fresh = initialState((s.locale as Locale | undefined) ?? locale);
  fresh.welcomed = Boolean(s.welcomed);
  return fresh;
}
