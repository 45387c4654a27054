import type { TFunction } from 'i18next';
import type { Locale } from '../i18n/index.ts';
import type { Understood, YesNo } from '../understanding/types.ts';
import type { CaseQuestion, FollowUp } from '../understanding/followUp.ts';
import type { StoryCues } from '../understanding/stories.ts';
import type { CareType } from '../domain/reference.ts';
import type { ConversationState } from './state.ts';
import type { CardsPort } from '../knowledge/cardService.ts';

/**
 * The narrow interfaces the conversation needs from the rest of the system. The state machine
 * is pure apart from these; tests pass small fakes, the server passes the real thing.
 */

/** Language understanding: free text and one-slot answers. */
export interface UnderstandingPort {
  understand(text: string, pageLocale: Locale): Understood;
  parseDate(text: string, locale: Locale, now: Date): string | null;
  parseWeeks(text: string, locale: Locale): number | null;
  parseDistanceKm(text: string, locale: Locale): number | null;
  parsePostcode(text: string): string | null;
  parsePhone(text: string): string | null;
  parseEmail(text: string): string | null;
  parseYesNo(text: string): YesNo | null;
  /** A follow-up form ("is dat te lang?", "en binnen 50 km?"), or null for a question of its own. */
  followUp(text: string): FollowUp | null;
  /** A question about the request filed in this conversation ("wanneer bellen ze?"), by its form. */
  caseQuestion(text: string): CaseQuestion | null;
  /** "Ik wil in mijn eigen ziekenhuis blijven" (stay) or "kan mijn verzekeraar zorgen dat ik daar eerder word geholpen?" (priority). */
  ownHospital(text: string): 'stay' | 'priority' | null;
  /** Whether a message tells a waiting or postponement story and asks if that is normal. */
  storyCues(text: string): StoryCues;
}

export interface NormVerdict {
  /** The Treeknorm in weeks to show (for "treatment" where day or clinical is unknown: 7, with depends). */
  normWeeks: number;
  verdict: 'within' | 'exceeded' | 'depends';
}

export interface HospitalWaitingTimes {
  hospital: string;
  specialty: string;
  locations: {
    location: string;
    city: string;
    outpatientWeeks: number | null;
    treatmentWeeks: number | null;
    outpatient: NormVerdict | null;
    treatment: NormVerdict | null;
  }[];
  measuredAt: string | null; // YYYY-MM-DD, the newest of the figures shown
  source: string | null;
  isDemo: boolean;
  /** The worst of the figures shown: "aging" (older than six weeks) is said with its date. */
  freshness?: 'current' | 'aging' | 'outdated';
  /** The oldest date among the figures shown. */
  oldestMeasuredAt?: string | null;
  /** When every figure is older than six months (none shown): the newest of those dates. */
  outdatedSince?: string | null;
}

export interface Alternative {
  hospital: string;
  location: string;
  city: string;
  distanceKm: number;
  waitWeeks: number;
  weeksSaved: number | null;
  exceedsNorm: boolean;
  measuredAt: string;
  source: string;
  isDemo: boolean;
  freshness?: 'current' | 'aging' | 'outdated';
  /** Whether the patient's insurer contracts this provider for the specialism; null when unknown. */
  contracted?: boolean | null;
}

/** A question for alternatives: where could the patient be seen sooner? */
export interface AlternativesInput {
  specialty: string;
  careType: CareType | null;
  postcode: string;
  maxKm: number;
  currentWeeks: number | null;
  excludeHospital?: string | null;
  /** The patient's insurer (tenant), to say per result whether it contracts the provider. */
  insurerTenantId?: string | null;
  /** Only providers the insurer contracts. */
  contractedOnly?: boolean;
}

export type AlternativesResult =
  | { status: 'ok'; results: Alternative[]; careType: CareType; contractsKnown?: boolean }
  | { status: 'unknown_postcode' }
  | { status: 'no_data' };

/** One location with its figures and its straight-line distance from a postcode. */
export interface NearbyLocation {
  hospital: string;
  location: string;
  city: string;
  distanceKm: number;
  outpatientWeeks: number | null;
  treatmentWeeks: number | null;
  measuredAt: string | null;
  source: string | null;
  isDemo: boolean;
}

export interface RightsStatementView {
  id: string;
  sourceUrl: string;
  sourceTitle: string;
}

export interface InsurerChoice {
  /** The tenant id when the insurer works with Wachtwijzer (its cases go to its queue). */
  tenantId: string | null;
  name: string;
  contact: { phone: string | null; url: string | null } | null;
}

/** What the assistant knows: reference data, waiting times, rules. */
export interface KnowledgePort {
  specialismName(code: string, locale: Locale): string | null;
  /** A specialism code for a specialism name or doctor typed as an answer ("oogarts"). */
  resolveSpecialty(text: string, locale: Locale): string | null;
  resolveHospital(text: string): string | null;
  knownPostcode(postcode: string): boolean;
  norm(careType: CareType, weeks: number): NormVerdict;
  waitingTimesAt(hospital: string, specialty: string): Promise<HospitalWaitingTimes | null>;
  alternatives(input: AlternativesInput): Promise<AlternativesResult>;
  rightsOn(date: Date): RightsStatementView[];
  /** A town named by the patient ("Utrecht", "in de buurt van Zwolle"): a postcode to measure from, or null. */
  locate(place: string): { postcode: string; label: string } | null;
  /** Straight-line distances from a postcode to a hospital's locations; null for an unknown postcode or hospital. */
  distancesTo(hospital: string, postcode: string): { location: string; city: string; distanceKm: number }[] | null;
  /** The nearest location with figures for a specialism; null for an unknown postcode or no figures. */
  nearest(specialty: string, postcode: string): Promise<NearbyLocation | null>;
  /** Insurers a patient on a hospital site can pick, and free-text resolution of any Dutch insurer or label. */
  insurerTenants(): Promise<InsurerChoice[]>;
  resolveInsurer(text: string): Promise<InsurerChoice | null>;
}

export interface HandoffRequest {
  insurerTenantId: string;
  sourceTenantId: string;
  conversationId: string;
  channel: string;
  priority: number;
  idempotencyKey: string;
  locale: Locale;
  request: Record<string, unknown>;
  transcript: ConversationState['transcript'] | null;
}

export type CaseStatusView = { status: string; handoffStatus: 'accepted' | 'failed' | 'completed' | null; updatedAt: string };

/** Cases and the patient's data rights. */
export interface CasesPort {
  createCase(request: HandoffRequest): Promise<{ reference: string; created: boolean }>;
  /**
   * The status of a case for the patient, only within the tenant they are on (an insurer's cases, or
   * the cases started on a hospital site); null for anything else, 'limited' after too many look-ups.
   */
  statusFor(reference: string, dateOfBirth: string, asker: { tenantId: string; kind: 'insurer' | 'hospital'; conversationId: string; now: Date }): Promise<CaseStatusView | null | 'limited'>;
  /** Erases the conversation's stored activities, state and not-yet-picked-up cases. */
  eraseConversation(conversationId: string): Promise<{ casesErased: number; casesKept: number }>;
  /** The case this conversation filed, while it holds the patient's data; null otherwise. */
  caseOfConversation(reference: string, conversationId: string): Promise<{ status: string } | null>;
  /** Withdraws this conversation's open case: status withdrawn for the mediator, the patient's data on it erased. */
  withdrawCase(reference: string, conversationId: string): Promise<'withdrawn' | 'not_found' | 'not_open'>;
  /** Adds the patient's words to this conversation's open case as a note; false when the case is not open. */
  addPatientNote(reference: string, conversationId: string, text: string): Promise<boolean>;
}

export interface ConversationServices {
  t(locale: Locale): TFunction;
  understanding: UnderstandingPort;
  /** The answer cards: retrieval and the version valid today. */
  cards: CardsPort;
  knowledge: KnowledgePort;
  cases: CasesPort;
}
