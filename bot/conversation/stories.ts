import type { Understood } from '../understanding/types.ts';
import type { CareType } from '../domain/reference.ts';
import { MSZ_TREEKNORMEN, verdictForWeeks } from '../domain/treeknorm.ts';
import { normOf } from './dialogueContext.ts';
import type { Turn } from './turn.ts';

/**
 * A waiting or postponed-care story that names a treatment or a wait gets the answer first: the
 * norm for that care and whether the wait named is over it, then the offer. A wish to stay with
 * one's own hospital is respected. Numbers come from bot/domain/ only.
 */

const ns = 'dialogue:';

function weeksText(turn: Turn, range: { min: number; max: number }, key = 'weeksRange'): string {
  return range.min === range.max ? turn.text('weeks', { count: range.max }) : turn.text(`${ns}${key}`, { min: range.min, max: range.max });
}

const allNorms = Object.values(MSZ_TREEKNORMEN);
const shortestNorm = Math.min(...allNorms.map((r) => r.minWeeks));
const longestNorm = Math.max(...allNorms.map((r) => r.maxWeeks));

function offer(turn: Turn): void {
  const { state } = turn;
  if (state.stayWithOwn) {
    turn.say(`${ns}own.offerWithoutMoving`, {}, { choices: [turn.choice('mediation'), turn.choice('noThanks')] });
  } else {
    turn.say(`${ns}story.offer`, {}, { choices: [turn.choice('mediation'), turn.choice('elsewhere'), turn.choice('stay')] });
  }
  state.offeredMediation = true;
}

/**
 * "Nog 4 maanden wachten op staar, is dat normaal?", "Mijn knieoperatie is uitgesteld": answered
 * directly. Returns false for a story that names neither a treatment nor a wait.
 */
export function answerStory(turn: Turn, understood: Understood, text: string): boolean {
  const { state } = turn;
  const e = understood.entities;
  const cues = turn.services.understanding.storyCues(text);
  const postponed = understood.intent === 'postponed_care' || cues.postponed;
  const weeks = e.waitingWeeks !== null && e.waitingWeeks >= 0 && e.waitingWeeks <= 520 ? e.waitingWeeks : null;
  const names = Boolean(e.specialty) || weeks !== null;
  if (!names || understood.intent === 'mediation_request' || understood.intent === 'emergency') return false;
  const story =
    // "Mijn knieoperatie is uitgesteld", "nog 4 maanden wachten op staar, is dat normaal?"
    (understood.intent === 'postponed_care') ||
    (understood.intent === 'waiting_time' && weeks !== null && (cues.waiting || cues.postponed)) ||
    // Asked whether the wait is normal: about waiting, not about symptoms ("al 10 weken pijn" is not a story).
    (cues.asksVerdict && (cues.waiting || cues.postponed));
  if (!story) return false;
  state.pending = null;
  if (postponed) {
    state.postponed = true;
    turn.say(`${ns}story.postponedAck`);
  }
  const careType: CareType | null = e.specialty ? (e.careType ?? state.facts.careType ?? 'treatment') : (state.facts.specialty ? (state.facts.careType ?? 'treatment') : null);
  const care = careType ? turn.text(`${ns}care.${careType}`) : '';
  if (careType && weeks !== null) {
    const v = verdictForWeeks(careType, weeks);
    turn.say(`${ns}story.${v.verdict}`, { care, norm: weeksText(turn, normOf(careType), 'normRange'), weeks: turn.text('weeks', { count: weeks }) });
  } else if (careType) {
    turn.say(`${ns}story.norm`, { care, norm: weeksText(turn, normOf(careType), 'normRange') });
  } else if (weeks !== null && weeks > longestNorm) {
    turn.say(`${ns}story.overEvery`, { weeks: turn.text('weeks', { count: weeks }), longest: turn.text('weeks', { count: longestNorm }) });
  } else if (weeks !== null && weeks <= shortestNorm) {
    turn.say(`${ns}story.withinEvery`, { weeks: turn.text('weeks', { count: weeks }), shortest: turn.text('weeks', { count: shortestNorm }) });
  } else {
    // Between the norms it depends on the care: ask which, the answer then gives the verdict.
    turn.say(`${ns}story.dependsOnCare`, { weeks: turn.text('weeks', { count: weeks ?? 0 }), outpatient: turn.text('weeks', { count: MSZ_TREEKNORMEN.outpatient.maxWeeks }), clinical: turn.text('weeks', { count: MSZ_TREEKNORMEN.clinical.maxWeeks }) });
    turn.ask('specialty', 'waitingTime', 'ask.specialty');
    return true;
  }
  if (postponed) turn.say('postponed.doctor');
  offer(turn);
  return true;
}

/** "Ik wil in mijn eigen ziekenhuis blijven": acknowledged, what they can still do, no alternatives. */
export function stayWithOwn(turn: Turn, offerHelp = true): void {
  turn.state.pending = null;
  turn.state.stayWithOwn = true;
  turn.say(`${ns}own.stayAck`);
  turn.say(`${ns}own.stayWhat`);
  if (!offerHelp) return;
  turn.say(`${ns}own.offerWithoutMoving`, {}, { choices: [turn.choice('mediation'), turn.choice('noThanks')] });
  turn.state.offeredMediation = true;
}

/** "Kan mijn verzekeraar zorgen dat ik in mijn eigen ziekenhuis eerder word geholpen?" No: only the treating specialist decides. */
export function priorityAtOwnHospital(turn: Turn): void {
  turn.state.pending = null;
  turn.say(`${ns}own.priorityNo`);
  turn.say(`${ns}own.priorityWhat`, {}, { choices: turn.state.stayWithOwn ? [turn.choice('mediation')] : [turn.choice('mediation'), turn.choice('elsewhere')] });
}
