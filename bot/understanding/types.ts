import type { CareType } from '../domain/reference.ts';

export type Locale = 'nl' | 'en';

/** The twelve intents of the understanding contract (contracts/understand.md). */
export const INTENTS = [
  'waiting_time',
  'postponed_care',
  'rights',
  'treatment_elsewhere',
  'mediation_request',
  'human_agent',
  'privacy',
  'medical_advice',
  'emergency',
  'greeting',
  'thanks_goodbye',
  'out_of_scope',
] as const;
export type Intent = (typeof INTENTS)[number];

export function isIntent(value: unknown): value is Intent {
  return typeof value === 'string' && (INTENTS as readonly string[]).includes(value);
}

/**
 * The shape Microsoft's recognizers-text returns, so that the Dutch layer written here and the
 * English recognizers look the same to the rest of the code. As in recognizers-text, `end` is
 * the index of the last character (inclusive).
 */
export interface RecognizerResult<R = Record<string, unknown>> {
  text: string;
  start: number;
  end: number;
  typeName: string;
  resolution: R;
}

export interface NumberResolution {
  value: string;
}

export interface TimexValue {
  timex: string;
  type: string;
  value?: string;
  Mod?: string;
}

export interface DateTimeResolution {
  values: TimexValue[];
}

export interface DimensionResolution {
  value: string;
  unit: string;
}

export type EmergencyKind = 'medical' | 'suicide';

export interface EmergencySignal {
  /** Which routing applies: 112 for medical, 113 for suicide and self-harm; null when nothing matched. */
  kind: EmergencyKind | null;
  /** The phrase as the patient wrote it. */
  matched: string | null;
  /**
   * True when every red flag found was denied ("geen pijn op de borst") or clearly in the past
   * ("vorig jaar een hartaanval gehad"): the intent is then not `emergency`, but the conversation
   * still shows a soft "if you do have …, call 112" line.
   */
  negated: boolean;
  /** True when the red flag was placed in the past rather than denied. */
  historical: boolean;
}

export interface SpecialtyTermMatch {
  /** Treatment id from reference/treatments.json, or a built-in lexicon id. */
  id: string;
  /** Human label in the detected language. */
  label: string;
  /** The words as the patient wrote them. */
  matched: string;
}

export interface Entities {
  specialty: string | null;
  specialtyTerm: SpecialtyTermMatch | null;
  careType: CareType | null;
  hospital: string | null;
  waitingWeeks: number | null;
  postcode: string | null;
  dateOfBirth: string | null;
  distanceKm: number | null;
  email: string | null;
  phone: string | null;
}

export type YesNo = 'yes' | 'no';

export interface Understood {
  intent: Intent;
  /** Probability-like score of the intent (0..1); rules that fire report their own. */
  confidence: number;
  /** Language of the text; differs from the page locale when the patient writes in the other one. */
  language: Locale;
  entities: Entities;
  emergency: EmergencySignal;
  /**
   * Worsening or alarming but not acute complaints ("de tumor groeit"), as written: the
   * conversation points to the huisarts and flags a later case. Never changes the intent.
   */
  worsening: string | null;
  /**
   * A postponement or cancellation of care the patient reports ("is al twee keer uitgesteld"), as
   * written; the request's `postponed` flag, whatever the intent. Never changes the intent.
   */
  postponement: string | null;
  yesNo: YesNo | null;
}

export interface Understanding {
  understand(text: string, pageLocale: Locale): Understood;
}
