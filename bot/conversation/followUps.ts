import type { Understood } from '../understanding/types.ts';
import type { FollowUp } from '../understanding/followUp.ts';
import { MSZ_TREEKNORMEN } from '../domain/treeknorm.ts';
import { PLACES_SHOWN, defaultNearbyKm, planChange, planThere, placesContext, verdictFor, waitingTimeContext, type Change, type Plan, type VerdictLine } from './dialogueContext.ts';
import * as flows from './flows.ts';
import { formatDate } from './intake.ts';
import type { Turn } from './turn.ts';

/**
 * Follow-ups in context: the plans of dialogueContext.ts carried out through the ports. A
 * follow-up that does not fit what was said before returns false and the turn goes on as a
 * question of its own.
 */

const ns = 'dialogue:';

function weeksText(turn: Turn, range: { min: number; max: number }, key = 'weeksRange'): string {
  return range.min === range.max ? turn.text('weeks', { count: range.max }) : turn.text(`${ns}${key}`, { min: range.min, max: range.max });
}

function kmText(turn: Turn, km: number): string {
  return new Intl.NumberFormat(turn.state.locale === 'nl' ? 'nl-NL' : 'en-GB', { maximumFractionDigits: 1 }).format(km);
}

function specialismName(turn: Turn, code: string): string {
  return turn.services.knowledge.specialismName(code, turn.state.locale) ?? code;
}

/** One verdict sentence: "Eerste afspraak bij X: 6 weken, langer dan de Treeknorm van 4 weken." */
export function sayVerdict(turn: Turn, lines: VerdictLine[]): void {
  for (const line of lines) {
    const key = line.verdict === 'depends' ? 'depends' : line.verdict;
    turn.say(`${ns}verdict.${line.kind}_${key}`, {
      hospital: line.hospital ?? '',
      weeks: weeksText(turn, line.weeks),
      norm: weeksText(turn, line.norm, 'normRange'),
      dayWeeks: MSZ_TREEKNORMEN.day_treatment.maxWeeks,
      clinicalWeeks: MSZ_TREEKNORMEN.clinical.maxWeeks,
    });
  }
}

function offerHelp(turn: Turn, exceeded: boolean): void {
  if (!exceeded) {
    turn.offer([turn.choice('mediation'), turn.choice('rights')]);
    return;
  }
  // Over the norm the insurer must help; alternatives only for a patient who did not ask to stay.
  turn.say(`${ns}verdict.help`);
  turn.offer(turn.state.stayWithOwn ? [turn.choice('mediation'), turn.choice('rights')] : [turn.choice('mediation'), turn.choice('elsewhere')]);
  turn.state.offeredMediation = true;
}

/** "Is dat te lang?" for what was just shown, or for the patient's own wait. */
export function verdict(turn: Turn): boolean {
  const lines = verdictFor(turn.state.context, turn.state.facts);
  if (lines.length === 0) return false;
  turn.state.pending = null;
  sayVerdict(turn, lines);
  offerHelp(turn, lines.some((l) => l.verdict === 'exceeded'));
  return true;
}

/** Waiting times for a specialism within a distance of a place, shortest wait first. */
export async function places(turn: Turn, plan: Extract<Plan, { run: 'places' }>): Promise<void> {
  const { state } = turn;
  state.pending = null;
  const result = await turn.services.knowledge.alternatives({
    specialty: plan.specialty, careType: plan.careType, postcode: plan.origin.postcode, maxKm: plan.radiusKm, currentWeeks: null, excludeHospital: plan.exclude,
  });
  if (result.status === 'unknown_postcode') {
    turn.ask('postcode', 'places', 'invalid.postcodeUnknown', { postcode: plan.origin.postcode });
    return;
  }
  const name = specialismName(turn, plan.specialty);
  const shown = result.status === 'ok' ? result.results.slice(0, PLACES_SHOWN) : [];
  if (shown.length === 0) {
    turn.say(`${ns}places.none`, { specialism: name, km: plan.radiusKm, place: plan.origin.label });
    state.context = placesContext({ specialty: plan.specialty, careType: plan.careType, origin: plan.origin, radiusKm: plan.radiusKm, exclude: plan.exclude, shown: [] });
    turn.offer([turn.choice('mediation')]);
    return;
  }
  if (shown.some((r) => r.isDemo)) turn.say('waitingTime.demo');
  const lines = shown.map((r) => {
    const location = r.location === r.hospital || r.location.startsWith(r.hospital) ? r.city : `${r.location}, ${r.city}`;
    return `- ${turn.text('elsewhere.line', { hospital: r.hospital, location, weeks: turn.text('weeks', { count: r.waitWeeks }), km: kmText(turn, r.distanceKm) })}`;
  });
  turn.push({ text: `${turn.text(`${ns}places.header`, { specialism: name, km: plan.radiusKm, place: plan.origin.label })}\n\n${lines.join('\n')}` });
  turn.say('waitingTime.source', { source: flows.sourceLabel(turn, shown[0]!.source, shown[0]!.isDemo), date: formatDate(shown[0]!.measuredAt, state.locale) });
  const careType = result.status === 'ok' ? result.careType : plan.careType;
  state.context = placesContext({
    specialty: plan.specialty, careType, origin: plan.origin, radiusKm: plan.radiusKm, exclude: plan.exclude,
    shown: shown.map((r) => ({ hospital: r.hospital, location: r.location, city: r.city, distanceKm: r.distanceKm, outpatientWeeks: careType === 'outpatient' ? r.waitWeeks : null, treatmentWeeks: careType === 'outpatient' ? null : r.waitWeeks })),
  });
  turn.offer(state.stayWithOwn ? [turn.choice('mediation')] : [turn.choice('mediation'), turn.choice('elsewhere')]);
}

/** "Hoe ver is dat?": from the patient's own postcode to the hospital last shown. */
export async function distance(turn: Turn): Promise<boolean> {
  const { state } = turn;
  const hospital = state.context?.focus ?? state.context?.hospital ?? state.facts.hospital ?? null;
  if (!hospital) return false;
  if (!state.facts.postcode) {
    turn.ask('postcode', 'distance', `${ns}distance.askPostcode`, { hospital });
    return true;
  }
  state.pending = null;
  const distances = turn.services.knowledge.distancesTo(hospital, state.facts.postcode);
  if (!distances) {
    const postcode = state.facts.postcode;
    delete state.facts.postcode;
    turn.ask('postcode', 'distance', 'invalid.postcodeUnknown', { postcode });
    return true;
  }
  if (distances.length === 1) {
    turn.say(`${ns}distance.one`, { hospital, city: distances[0]!.city, km: kmText(turn, distances[0]!.distanceKm), postcode: state.facts.postcode });
  } else {
    const lines = distances.slice(0, 5).map((d) => `- ${turn.text(`${ns}distance.line`, { location: d.location, city: d.city, km: kmText(turn, d.distanceKm) })}`);
    turn.push({ text: `${turn.text(`${ns}distance.header`, { hospital, postcode: state.facts.postcode })}\n\n${lines.join('\n')}` });
  }
  turn.say(`${ns}distance.straightLine`);
  return true;
}

/** "Wat is het dichtstbij?": the nearest location with figures, from the patient's postcode (or the place last named). */
export async function nearest(turn: Turn): Promise<boolean> {
  const { state } = turn;
  const specialty = state.context?.specialty ?? state.facts.specialty;
  if (!specialty) {
    turn.ask('specialty', 'nearest', 'ask.specialty');
    return true;
  }
  const origin = state.facts.postcode ? { postcode: state.facts.postcode, label: state.facts.postcode } : (state.context?.origin ?? null);
  if (!origin) {
    turn.ask('postcode', 'nearest', `${ns}nearest.askPostcode`);
    return true;
  }
  state.pending = null;
  const found = await turn.services.knowledge.nearest(specialty, origin.postcode);
  const name = specialismName(turn, specialty);
  if (!found) {
    turn.say(`${ns}nearest.none`, { specialism: name });
    return true;
  }
  if (found.isDemo) turn.say('waitingTime.demo');
  const weeks = (w: number | null) => (w === null ? turn.text('waitingTime.unknown') : turn.text('weeks', { count: w }));
  turn.say(`${ns}nearest.found`, {
    specialism: name, hospital: found.hospital, city: found.city, km: kmText(turn, found.distanceKm), place: origin.label,
    outpatient: weeks(found.outpatientWeeks), treatment: weeks(found.treatmentWeeks),
  });
  if (found.source) turn.say('waitingTime.source', { source: flows.sourceLabel(turn, found.source, found.isDemo), date: formatDate(found.measuredAt ?? '', state.locale) });
  state.context = {
    ...waitingTimeContext({
      specialty, careType: state.context?.careType ?? state.facts.careType ?? null, hospital: found.hospital, previous: state.context,
      shown: [{ hospital: found.hospital, location: found.location, city: found.city, distanceKm: found.distanceKm, outpatientWeeks: found.outpatientWeeks, treatmentWeeks: found.treatmentWeeks }],
    }),
    origin,
  };
  turn.offer([turn.choice('mediation'), turn.choice('rights')]);
  return true;
}

async function run(turn: Turn, plan: Plan): Promise<void> {
  const { state } = turn;
  switch (plan.run) {
    case 'waitingTime':
      state.facts.specialty = plan.specialty;
      state.facts.hospital = plan.hospital;
      return flows.waitingTime(turn);
    case 'places':
      return places(turn, plan);
    case 'ask':
      if (plan.slot === 'postcode') return turn.ask('postcode', plan.then === 'places' ? 'places' : plan.then, `${ns}places.askPostcode`);
      if (plan.slot === 'hospital') return turn.ask('hospital', 'waitingTime', 'ask.hospitalForWaitingTime');
      return turn.ask('specialty', plan.then === 'places' ? 'places' : plan.then, 'ask.specialty');
  }
}

/** After a question the follow-up needed (postcode, specialty): carry on with what was asked. */
export async function continueFollowUp(turn: Turn, flow: 'places' | 'distance' | 'nearest'): Promise<void> {
  const { state } = turn;
  if (flow === 'distance') {
    if (!(await distance(turn))) turn.state.pending = null;
    return;
  }
  if (flow === 'nearest') {
    await nearest(turn);
    return;
  }
  const plan = planChange(state.context, { ...(state.facts.postcode ? { origin: { postcode: state.facts.postcode, label: state.facts.postcode } } : {}), radiusKm: state.facts.maxTravelKm ?? state.context?.radiusKm ?? defaultNearbyKm }, state.facts);
  state.pending = null;
  if (plan) await run(turn, plan);
}

const possessive = /^(mijn|m'n|de|het|een|my|a|an|the)\s+/;

/** Resolves what a "change" follow-up names against the reference data; empty when it names nothing we know. */
function resolveChange(turn: Turn, f: Extract<FollowUp, { kind: 'change' }>, understood: Understood): Change {
  const { knowledge } = turn.services;
  const e = understood.entities;
  const change: Change = {};
  const hospital = e.hospital ?? (f.place ? knowledge.resolveHospital(f.place) : null);
  if (hospital) change.hospital = hospital;
  if (f.radiusKm !== null && f.radiusKm >= 1 && f.radiusKm <= 300) change.radiusKm = f.radiusKm;
  if (f.postcode && knowledge.knownPostcode(f.postcode)) change.origin = { postcode: f.postcode, label: f.postcode };
  else if (f.place && !hospital) {
    const town = knowledge.locate(f.place);
    if (town) change.origin = town;
  }
  const words = (f.treatment ?? (!hospital && !change.origin ? f.place : null))?.replace(possessive, '') ?? null;
  const code = e.specialty ?? (words ? knowledge.resolveSpecialty(words, turn.state.locale) : null);
  if (code) change.specialty = { code, careType: e.specialty ? e.careType : null, treatment: e.specialtyTerm?.label ?? words };
  return change;
}

/**
 * A follow-up in the context of the last answer. Returns true when it was one (and was answered),
 * false when the message is better read as a question of its own.
 */
export async function handleFollowUp(turn: Turn, understood: Understood, text: string): Promise<boolean> {
  const f = turn.services.understanding.followUp(text);
  if (!f) return false;
  const { state } = turn;
  switch (f.kind) {
    case 'verdict':
      return verdict(turn);
    case 'distance':
      return distance(turn);
    case 'nearest':
      if (!state.context && !state.facts.specialty) return false;
      return nearest(turn);
    case 'there': {
      const plan = planThere(state.context);
      if (!plan) return false;
      await run(turn, plan);
      return true;
    }
    case 'change': {
      if (!state.context) return false;
      const change = resolveChange(turn, f, understood);
      if (f.postcode && !change.origin && !change.hospital) {
        turn.ask('postcode', 'places', 'invalid.postcodeUnknown', { postcode: f.postcode });
        return true;
      }
      const plan = planChange(state.context, change, state.facts);
      if (!plan) return false;
      if (change.specialty) {
        state.facts.specialty = change.specialty.code;
        if (change.specialty.treatment) state.facts.treatment = change.specialty.treatment;
        if (change.specialty.careType) state.facts.careType = change.specialty.careType;
        else delete state.facts.careType;
      }
      if (change.radiusKm !== undefined) state.facts.maxTravelKm = change.radiusKm;
      // A postcode typed in a follow-up is most likely the patient's own, when we had none.
      if (change.origin && !state.facts.postcode && /^\d{4}/.test(change.origin.label)) state.facts.postcode = change.origin.postcode;
      await run(turn, plan);
      return true;
    }
  }
}
