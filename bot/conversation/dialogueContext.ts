import type { CareType } from '../domain/reference.ts';
import { MSZ_TREEKNORMEN, verdictForWeeks, type Verdict } from '../domain/treeknorm.ts';
import type { Facts } from './state.ts';

/**
 * What the last answer was about, so that a follow-up can change one thing and ask again
 * ("en binnen 50 km?", "en voor mijn knie?") or ask about what was just shown ("is dat te lang?").
 * Pure: the plans here are carried out by followUps.ts through the ports.
 */

/** One location as it was shown, with its figures in whole weeks. */
export interface ShownLocation {
  hospital: string;
  location: string;
  city: string;
  distanceKm: number | null;
  outpatientWeeks: number | null;
  treatmentWeeks: number | null;
}

export interface DialogueContext {
  /** The last question answered: the waiting times at one hospital, or places within a distance. */
  topic: 'waitingTime' | 'places';
  specialty: string;
  /** The kind of care the treatment figures are judged as (day treatment, admission; unknown: "treatment"). */
  careType: CareType | null;
  /** The hospital the waiting times were about (topic waitingTime). */
  hospital: string | null;
  /** Where the distances were measured from, and how the patient named it ("Utrecht", "3511"). */
  origin: { postcode: string; label: string } | null;
  radiusKm: number | null;
  /** Left out of a places list: the hospital the patient waits at. */
  exclude: string | null;
  shown: ShownLocation[];
  /** The hospital last pointed at (the nearest, the one shown): what "en daar?" and "hoe ver is dat?" mean. */
  focus: string | null;
}

/** The radius for "in de buurt van Utrecht" when the patient named none before. */
export const defaultNearbyKm = 25;

/** A follow-up's changes, already resolved against the reference data. */
export interface Change {
  hospital?: string;
  origin?: { postcode: string; label: string };
  radiusKm?: number;
  specialty?: { code: string; careType: CareType | null; treatment: string | null };
}

export type Plan =
  | { run: 'waitingTime'; hospital: string; specialty: string }
  | { run: 'places'; specialty: string; careType: CareType | null; origin: { postcode: string; label: string }; radiusKm: number; exclude: string | null }
  | { run: 'ask'; slot: 'postcode' | 'hospital' | 'specialty'; then: 'places' | 'waitingTime' | 'distance' | 'nearest' };

/** What to run for a follow-up that changes one or more of the last question's parameters. */
export function planChange(context: DialogueContext | null, change: Change, facts: Facts): Plan | null {
  const specialty = change.specialty?.code ?? context?.specialty ?? facts.specialty;
  const wantsPlaces = change.origin !== undefined || change.radiusKm !== undefined;
  if (change.hospital && !wantsPlaces) {
    if (!specialty) return { run: 'ask', slot: 'specialty', then: 'waitingTime' };
    return { run: 'waitingTime', hospital: change.hospital, specialty };
  }
  if (wantsPlaces) {
    if (!specialty) return { run: 'ask', slot: 'specialty', then: 'places' };
    const origin = change.origin ?? context?.origin ?? (facts.postcode ? { postcode: facts.postcode, label: facts.postcode } : null);
    if (!origin) return { run: 'ask', slot: 'postcode', then: 'places' };
    const radiusKm = change.radiusKm ?? context?.radiusKm ?? facts.maxTravelKm ?? defaultNearbyKm;
    const exclude = context?.topic === 'places' ? context.exclude : null;
    return { run: 'places', specialty, careType: change.specialty ? change.specialty.careType : (context?.careType ?? facts.careType ?? null), origin, radiusKm, exclude };
  }
  if (change.specialty) {
    if (!context) return null;
    if (context.topic === 'waitingTime' && context.hospital) return { run: 'waitingTime', hospital: context.hospital, specialty: change.specialty.code };
    if (context.topic === 'places' && context.origin && context.radiusKm !== null) {
      return { run: 'places', specialty: change.specialty.code, careType: change.specialty.careType, origin: context.origin, radiusKm: context.radiusKm, exclude: context.exclude };
    }
  }
  return null;
}

/** "En daar?": the waiting times at the place last pointed at. */
export function planThere(context: DialogueContext | null): Plan | null {
  if (!context) return null;
  const focus = context.focus && context.focus !== context.hospital ? context.focus : context.topic === 'places' ? (context.shown[0]?.hospital ?? null) : null;
  if (!focus) return { run: 'ask', slot: 'hospital', then: 'waitingTime' };
  return { run: 'waitingTime', hospital: focus, specialty: context.specialty };
}

/** One sentence of a verdict: which wait, how long, and against which norm. */
export interface VerdictLine {
  kind: 'outpatient' | 'treatment' | 'yours' | 'shortest';
  verdict: Verdict;
  /** The weeks shown: one number, or a range over several locations. */
  weeks: { min: number; max: number };
  norm: { min: number; max: number };
  hospital: string | null;
}

function careTypeForTreatment(careType: CareType | null): CareType {
  return careType === 'day_treatment' || careType === 'clinical' ? careType : 'treatment';
}

function rangeOf(values: number[]): { min: number; max: number } | null {
  return values.length === 0 ? null : { min: Math.min(...values), max: Math.max(...values) };
}

/** The norm of a care type as bot/domain/ states it ({min: 6, max: 7} when day or clinical is unknown). */
export function normOf(careType: CareType): { min: number; max: number } {
  const rule = MSZ_TREEKNORMEN[careType];
  return { min: rule.minWeeks, max: rule.maxWeeks };
}

/**
 * "Is dat te lang?": the Treeknorm verdict for what was just shown (the longest wait shown is
 * what counts), or for the patient's own wait when they told it and nothing was shown since.
 */
export function verdictFor(context: DialogueContext | null, facts: Facts): VerdictLine[] {
  if (context?.topic === 'waitingTime' && context.shown.length > 0) {
    const lines: VerdictLine[] = [];
    const outpatient = rangeOf(context.shown.map((s) => s.outpatientWeeks).filter((w): w is number => w !== null));
    if (outpatient) lines.push({ kind: 'outpatient', verdict: verdictForWeeks('outpatient', outpatient.max).verdict, weeks: outpatient, norm: normOf('outpatient'), hospital: context.hospital });
    const treatment = rangeOf(context.shown.map((s) => s.treatmentWeeks).filter((w): w is number => w !== null));
    const careType = careTypeForTreatment(context.careType);
    if (treatment) lines.push({ kind: 'treatment', verdict: verdictForWeeks(careType, treatment.max).verdict, weeks: treatment, norm: normOf(careType), hospital: context.hospital });
    return lines;
  }
  if (context?.topic === 'places' && context.shown.length > 0) {
    const first = context.shown[0]!;
    const weeks = first.treatmentWeeks ?? first.outpatientWeeks;
    if (weeks === null) return [];
    const careType = first.treatmentWeeks !== null ? careTypeForTreatment(context.careType) : 'outpatient';
    return [{ kind: 'shortest', verdict: verdictForWeeks(careType, weeks).verdict, weeks: { min: weeks, max: weeks }, norm: normOf(careType), hospital: first.hospital }];
  }
  if (facts.waitingWeeks !== undefined) {
    const careType = facts.careType ?? 'treatment';
    const judged = careType === 'outpatient' || careType === 'diagnostics' ? careType : careTypeForTreatment(careType);
    return [{ kind: 'yours', verdict: verdictForWeeks(judged, facts.waitingWeeks).verdict, weeks: { min: facts.waitingWeeks, max: facts.waitingWeeks }, norm: normOf(judged), hospital: facts.hospital ?? null }];
  }
  return [];
}

/** The context after a waiting-time answer at one hospital. */
export function waitingTimeContext(input: { specialty: string; careType: CareType | null; hospital: string; shown: ShownLocation[]; previous: DialogueContext | null }): DialogueContext {
  return {
    topic: 'waitingTime', specialty: input.specialty, careType: input.careType, hospital: input.hospital,
    origin: input.previous?.origin ?? null, radiusKm: input.previous?.radiusKm ?? null, exclude: null, shown: input.shown, focus: input.hospital,
  };
}

/** The context after a list of places within a distance. */
/**
 * How many places a list of faster places shows: three fit on a phone screen with the norm and the
 * offer in one turn of at most 120 words; "en binnen 50 km?" and the mediator find more.
 */
export const PLACES_SHOWN = 3;

export function placesContext(input: { specialty: string; careType: CareType | null; origin: { postcode: string; label: string }; radiusKm: number; exclude: string | null; shown: ShownLocation[] }): DialogueContext {
  return { topic: 'places', hospital: null, focus: input.shown[0]?.hospital ?? null, ...input };
}
