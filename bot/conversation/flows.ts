import { MSZ_TREEKNORMEN } from '../domain/treeknorm.ts';
import { DEMO_SOURCE } from '../domain/demoWaitingTimes.ts';
import type { Understood } from '../understanding/types.ts';
import { askIntakeSlot, continueIntake, formatDate } from './intake.ts';
import { initialState } from './state.ts';
import { PLACES_SHOWN, placesContext, waitingTimeContext } from './dialogueContext.ts';
import { gpPracticeOpen } from '../domain/gpHours.ts';
import type { Turn } from './turn.ts';

/** The topics a patient can pick; their titles come back as text and are matched exactly. */
export const topics = ['waitingTime', 'postponed', 'rights', 'elsewhere', 'mediation', 'human'] as const;
export type Topic = (typeof topics)[number];

export function topicChoices(turn: Turn, which: readonly Topic[] = ['waitingTime', 'postponed', 'rights', 'elsewhere', 'mediation']): string[] {
  return which.map((k) => turn.choice(k));
}

export function welcome(turn: Turn): void {
  turn.state.welcomed = true;
  // Two short bubbles before the patient types anything: who, what, privacy and 112. A tenant may word the first itself.
  const own = turn.info.tenant.greeting?.[turn.state.locale];
  if (own) turn.push({ text: own });
  else turn.say('welcome.intro');
  turn.say('welcome.privacy', {}, { choices: [...topicChoices(turn), turn.choice('otherLanguage')] });
}

export function menu(turn: Turn, key = 'menu.ask'): void {
  turn.say(key, {}, { choices: topicChoices(turn) });
}

/**
 * Emergency routing comes first, whatever else is going on (brief §7). The reply is the whole
 * turn: 112 unconditionally for life-threatening signs, 113 (and 112 in direct danger) for a
 * crisis. A question that was pending waits; the next turn asks whether to go on.
 */
export function emergency(turn: Turn, understood: Understood): void {
  if (understood.emergency.kind === 'suicide') {
    turn.say('emergency.suicideWarm');
    turn.say('emergency.suicide');
    turn.say('emergency.suicideOther');
  } else {
    turn.say('emergency.call112');
    turn.say('emergency.call112Other');
  }
  const { state } = turn;
  if (state.pending) state.paused = state.pending;
  if (state.paused) state.resumeAsked = false;
  state.pending = null;
  state.correcting = false;
  state.offeredMediation = false;
}

/** The turn after an emergency: ask whether to go on with what was interrupted (never resume by itself). */
export function askResume(turn: Turn): void {
  const paused = turn.state.paused!;
  turn.state.resumeAsked = true;
  const intake = paused.flow === 'intake' || paused.flow === 'correct';
  turn.say(intake ? 'emergency.resumeAsk' : 'emergency.resumeAskQuestion', {}, { choices: [turn.choice('resumeYes'), turn.choice('resumeNo')] });
}

/** Worsening, not acute: the huisarts by day, the huisartsenpost otherwise, or the specialist; a case gets the flag. */
export function worsening(turn: Turn): void {
  turn.state.worseningReported = true;
  turn.say(gpPracticeOpen(turn.info.now) ? 'worsening.gpDay' : 'worsening.gpNight');
  turn.say('worsening.specialist');
  if (turn.state.consent?.given) turn.say('worsening.flagged');
}

export function softEmergency(turn: Turn): void {
  turn.say('emergency.soft');
}

export function medicalAdvice(turn: Turn): void {
  turn.say('medical.refuse');
  turn.say('medical.who');
}

/** Whether the tenant's office is open now, in its own timezone. */
export function officeOpen(turn: Turn): { open: boolean; hours: string | null } {
  const { officeHours } = turn.info.tenant;
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone: officeHours.timezone || 'Europe/Amsterdam', weekday: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(turn.info.now);
  const day = (parts.find((p) => p.type === 'weekday')?.value ?? '').slice(0, 3).toLowerCase();
  const time = `${parts.find((p) => p.type === 'hour')?.value}:${parts.find((p) => p.type === 'minute')?.value}`;
  const today = officeHours.days[day];
  const weekday = officeHours.days.mon;
  const hours = weekday ? `${weekday[0]}–${weekday[1]}` : null;
  return { open: Boolean(today && time >= today[0] && time < today[1]), hours };
}

export function human(turn: Turn): void {
  const { open, hours } = officeOpen(turn);
  const phone = turn.info.tenant.officeHours.phone;
  if (open) {
    turn.say(phone ? 'human.openPhone' : 'human.open', { phone });
  } else {
    turn.say(hours ? 'human.closed' : 'human.closedNoHours', { hours });
  }
  turn.say('human.callback');
  turn.offer([turn.choice('mediation'), turn.choice('noThanks')]);
  turn.state.offeredMediation = true;
}

export function privacyInfo(turn: Turn): void {
  turn.say('privacy.stored');
  turn.say('privacy.shared');
  turn.say('privacy.noBsn');
  turn.offer([turn.choice('deleteData'), turn.choice('continue')]);
}

/** "Delete my data": asks once; the question it interrupted waits for the answer. */
export function askErase(turn: Turn): void {
  const { state } = turn;
  state.confirmingErase = { pending: state.pending ?? state.paused };
  state.pending = null;
  state.paused = null;
  state.resumeAsked = false;
  turn.say('privacy.eraseWhat');
  turn.say('privacy.eraseAsk', {}, { choices: [turn.choice('eraseYes'), turn.choice('eraseNo')] });
}

/**
 * Erases the conversation's stored activities, state and not-yet-picked-up cases, then starts
 * afresh in the same conversation (its token keeps working). The client is told first, with the
 * event conversation.erased, to clear its transcript; then it shows the confirmation.
 */
export async function eraseData(turn: Turn): Promise<void> {
  const result = await turn.services.cases.eraseConversation(turn.info.conversationId);
  const locale = turn.state.locale;
  turn.state = initialState(locale);
  turn.state.welcomed = true;
  turn.events.push({ first: true, name: 'conversation.erased', value: { casesErased: result.casesErased, casesKept: result.casesKept } });
  turn.say('privacy.deleted');
  if (result.casesErased > 0) turn.say('privacy.deletedCases', { count: result.casesErased });
  if (result.casesKept > 0) turn.say('privacy.keptCases', { count: result.casesKept });
  turn.say('privacy.fresh', {}, { choices: topicChoices(turn) });
}

export function restart(turn: Turn): void {
  const locale = turn.state.locale;
  turn.state = initialState(locale);
  turn.say('restart.done');
  welcome(turn);
}

export function bye(turn: Turn): void {
  turn.state.pending = null;
  turn.say('bye');
}

export function greeting(turn: Turn): void {
  menu(turn, 'greeting');
}

/** After two misses in a row, offer choices and a person instead of asking again (never a dead end). */
export function unclear(turn: Turn): void {
  turn.state.misses += 1;
  if (turn.state.misses >= 2) {
    turn.say('unclear.again', {}, { choices: [...topicChoices(turn), turn.choice('human')] });
  } else {
    turn.say('unclear.first', {}, { choices: topicChoices(turn) });
  }
}

/** A case reference in free text ("zb7k4q9xmd", "ZB-7K4Q-9XMD"), normalised. */
export function parseReference(text: string): string | null {
  const m = /\bZB-?\s?([0-9A-Z]{4})-?\s?([0-9A-Z]{4})\b/i.exec(text);
  return m ? `ZB-${m[1]!.toUpperCase()}-${m[2]!.toUpperCase()}` : null;
}

/** "Status of my request": the reference, then the date of birth to prove it is theirs. */
export function caseStatus(turn: Turn, text: string): void {
  const reference = parseReference(text);
  if (reference) turn.state.status.reference = reference;
  if (!turn.state.status.reference) {
    turn.state.pending = null;
    turn.state.status = { awaitingReference: true };
    turn.say('status.askReference');
    return;
  }
  turn.state.status.awaitingReference = false;
  turn.ask('dateOfBirth', 'status', 'status.askDateOfBirth', { reference: turn.state.status.reference });
}

export async function showCaseStatus(turn: Turn, dateOfBirth: string): Promise<void> {
  const reference = turn.state.status.reference;
  turn.state.status = {};
  turn.state.pending = null;
  const { info } = turn;
  const found = reference ? await turn.services.cases.statusFor(reference, dateOfBirth, { tenantId: info.tenant.id, kind: info.tenant.kind, conversationId: info.conversationId, now: info.now }) : null;
  if (found === 'limited') {
    turn.say('status.limited');
    return;
  }
  if (!found) {
    turn.say('status.notFound');
    return;
  }
  turn.say(`status.is_${found.status}`, { reference, date: formatDate(found.updatedAt.slice(0, 10), turn.state.locale) });
  // The Bot Framework hand-off vocabulary for clients that show it (accepted / failed / completed).
  if (found.handoffStatus) turn.events.push({ name: 'handoff.status', value: { state: found.handoffStatus, reference, status: found.status, updatedAt: found.updatedAt } });
}

/** A figure's source in the reader's language: the stored demo label is English. */
export function sourceLabel(turn: Turn, source: string | null, isDemo: boolean): string {
  return isDemo || source === DEMO_SOURCE ? turn.text('waitingTime.demoSource') : (source ?? turn.text('waitingTime.unknown'));
}

export async function waitingTime(turn: Turn): Promise<void> {
  const { facts } = turn.state;
  if (!facts.specialty) {
    turn.ask('specialty', 'waitingTime', 'ask.specialty');
    return;
  }
  if (!facts.hospital) {
    if (facts.postcode) {
      await elsewhere(turn, true);
      return;
    }
    turn.ask('hospital', 'waitingTime', 'ask.hospitalForWaitingTime');
    return;
  }
  turn.state.pending = null;
  const name = turn.services.knowledge.specialismName(facts.specialty, turn.state.locale) ?? facts.specialty;
  const figures = await turn.services.knowledge.waitingTimesAt(facts.hospital, facts.specialty);
  // Remembered for follow-ups: "is dat te lang?", "en in het Maasstad?", "en voor mijn knie?".
  turn.state.context = waitingTimeContext({
    specialty: facts.specialty, careType: facts.careType ?? null, hospital: figures?.hospital ?? facts.hospital, previous: turn.state.context,
    shown: (figures?.locations ?? []).map((l) => ({ hospital: figures!.hospital, location: l.location, city: l.city, distanceKm: null, outpatientWeeks: l.outpatientWeeks, treatmentWeeks: l.treatmentWeeks })),
  });
  if (figures && figures.locations.length === 0 && figures.outdatedSince) {
    // Older than six months: not presented as a current wait, only its date.
    turn.say('waitingTime.outdated', { specialism: name, hospital: figures.hospital, date: formatDate(figures.outdatedSince, turn.state.locale) });
    turn.offer([turn.choice('elsewhere'), turn.choice('mediation')]);
    return;
  }
  if (!figures || figures.locations.length === 0) {
    turn.say('waitingTime.none', { specialism: name, hospital: facts.hospital });
    turn.offer(turn.state.stayWithOwn ? [turn.choice('mediation')] : [turn.choice('elsewhere'), turn.choice('mediation')]);
    return;
  }
  if (figures.isDemo) turn.say('waitingTime.demo');
  const weeks = (w: number | null) => (w === null ? turn.text('waitingTime.unknown') : turn.text('weeks', { count: w }));
  const lines = figures.locations.map((l) => `- ${turn.text('waitingTime.line', { location: l.location, city: l.city, outpatient: weeks(l.outpatientWeeks), treatment: weeks(l.treatmentWeeks) })}`);
  turn.push({ text: `${turn.text('waitingTime.header', { specialism: name, hospital: figures.hospital })}\n\n${lines.join('\n')}` });
  const exceeded = figures.locations.some((l) => l.outpatient?.verdict === 'exceeded' || l.treatment?.verdict === 'exceeded');
  const depends = figures.locations.some((l) => l.treatment?.verdict === 'depends');
  turn.say('waitingTime.norm', { outpatient: MSZ_TREEKNORMEN.outpatient.maxWeeks, day: MSZ_TREEKNORMEN.day_treatment.maxWeeks, clinical: MSZ_TREEKNORMEN.clinical.maxWeeks });
  turn.say(exceeded ? 'waitingTime.exceeded' : depends ? 'waitingTime.depends' : 'waitingTime.within');
  turn.say('waitingTime.source', { source: sourceLabel(turn, figures.source, figures.isDemo), date: formatDate(figures.measuredAt ?? '', turn.state.locale) });
  if (figures.freshness === 'aging') turn.say('waitingTime.aging', { date: formatDate(figures.oldestMeasuredAt ?? figures.measuredAt ?? '', turn.state.locale) });
  turn.offer(turn.state.stayWithOwn ? [turn.choice('mediation'), turn.choice('rights')] : [turn.choice('elsewhere'), turn.choice('mediation'), turn.choice('rights')]);
}

export function postponedCare(turn: Turn): void {
  turn.state.postponed = true;
  turn.state.pending = null;
  const ids = new Set(turn.services.knowledge.rightsOn(turn.info.now).map((r) => r.id));
  turn.say('postponed.ack');
  turn.say('postponed.past');
  turn.say('postponed.today');
  if (ids.has('azwa-proactive-mediation-2026')) turn.say('postponed.azwa');
  turn.say('postponed.doctor');
  turn.say('postponed.offer', {}, { choices: [turn.choice('mediation'), turn.choice('elsewhere'), turn.choice('rights')] });
  turn.state.offeredMediation = true;
}

export function rights(turn: Turn): void {
  turn.state.pending = null;
  // Hospital care is what this assistant is about; the GGZ norms would only confuse here.
  const statements = turn.services.knowledge.rightsOn(turn.info.now).filter((s) => s.id !== 'treeknormen-ggz');
  // One list instead of a dozen bubbles on a phone; each right is its own short item with its source.
  const items = statements
    .filter((s) => turn.t(`rights.statements.${s.id}`, { defaultValue: '' }))
    .map((s) => `- ${turn.text(`rights.statements.${s.id}`, { source: `[${s.sourceTitle}](${s.sourceUrl})` })}`);
  turn.push({ text: `${turn.text('rights.intro')}\n\n${items.join('\n')}` });
  turn.offer([turn.choice('mediation'), turn.choice('elsewhere'), turn.choice('waitingTime')]);
}

/** Locations with a shorter wait within the patient's travel distance; respects staying put. */
export async function elsewhere(turn: Turn, fromWaitingTime = false): Promise<void> {
  const { facts } = turn.state;
  // The intro once, when the patient starts this topic, not again after each answer.
  const starting = turn.state.pending?.flow !== 'elsewhere';
  if (starting && !fromWaitingTime) turn.say('elsewhere.intro');
  if (!facts.specialty) return turn.ask('specialty', 'elsewhere', 'ask.specialty');
  if (!facts.postcode) return turn.ask('postcode', 'elsewhere', 'ask.postcode');
  if (facts.maxTravelKm === undefined) return askIntakeSlot(turn, 'maxTravelKm', 'elsewhere');
  turn.state.pending = null;
  const result = await turn.services.knowledge.alternatives({
    specialty: facts.specialty,
    careType: facts.careType ?? null,
    postcode: facts.postcode,
    maxKm: facts.maxTravelKm,
    currentWeeks: facts.waitingWeeks ?? null,
    excludeHospital: facts.hospital ?? null,
    insurerTenantId: turn.info.tenant.kind === 'insurer' ? turn.info.tenant.id : (facts.insurer?.tenantId ?? null),
    contractedOnly: facts.contractedOnly === true,
  });
  if (result.status === 'unknown_postcode') {
    delete facts.postcode;
    turn.ask('postcode', 'elsewhere', 'invalid.postcodeUnknown', { postcode: facts.postcode ?? '' });
    return;
  }
  const name = turn.services.knowledge.specialismName(facts.specialty, turn.state.locale) ?? facts.specialty;
  const contractsKnown = result.status === 'ok' && result.contractsKnown === true;
  if (facts.contractedOnly && !contractsKnown) turn.say('elsewhere.noContractData');
  else if (facts.contractedOnly) turn.say('elsewhere.contractedOnly');
  let notContractedShown = false;
  if (result.status === 'no_data' || result.results.length === 0) {
    turn.say(facts.contractedOnly && contractsKnown ? 'elsewhere.noneContracted' : 'elsewhere.none', { km: facts.maxTravelKm, specialism: name });
  } else {
    const shown = result.results.slice(0, PLACES_SHOWN);
    if (shown.some((r) => r.isDemo)) turn.say('waitingTime.demo');
    const lines = shown.map((r) => {
      const saved = r.weeksSaved && r.weeksSaved > 0 ? ` ${turn.text('elsewhere.saved', { count: r.weeksSaved })}` : '';
      const km = new Intl.NumberFormat(turn.state.locale === 'nl' ? 'nl-NL' : 'en-GB', { maximumFractionDigits: 1 }).format(r.distanceKm);
      const location = r.location === r.hospital || r.location.startsWith(r.hospital) ? r.city : `${r.location}, ${r.city}`;
      const contract = r.contracted === true ? ` (${turn.text('elsewhere.contracted')})` : r.contracted === false ? ` (${turn.text('elsewhere.notContracted')})` : '';
      return `- ${turn.text('elsewhere.line', { hospital: r.hospital, location, weeks: turn.text('weeks', { count: r.waitWeeks }), km })}${contract}.${saved}`;
    });
    notContractedShown = shown.some((r) => r.contracted === false);
    turn.push({ text: `${turn.text('elsewhere.header', { specialism: name, km: facts.maxTravelKm })}\n\n${lines.join('\n')}` });
    const careType = result.status === 'ok' ? result.careType : null;
    turn.state.context = placesContext({
      specialty: facts.specialty, careType, origin: { postcode: facts.postcode, label: facts.postcode }, radiusKm: facts.maxTravelKm, exclude: facts.hospital ?? null,
      shown: shown.map((r) => ({ hospital: r.hospital, location: r.location, city: r.city, distanceKm: r.distanceKm, outpatientWeeks: careType === 'outpatient' ? r.waitWeeks : null, treatmentWeeks: careType === 'outpatient' ? null : r.waitWeeks })),
    });
    turn.say('waitingTime.source', { source: sourceLabel(turn, shown[0]!.source, shown[0]!.isDemo), date: formatDate(shown[0]!.measuredAt, turn.state.locale) });
    const aging = shown.filter((r) => r.freshness === 'aging').map((r) => r.measuredAt).sort()[0];
    if (aging) turn.say('waitingTime.aging', { date: formatDate(aging, turn.state.locale) });
  }
  turn.say('elsewhere.referral');
  // With the insurer's contract list we can say which places have no contract; without it, the general note.
  if (!contractsKnown) turn.say('elsewhere.costs');
  else if (notContractedShown) turn.say('elsewhere.costsNotContracted');
  const choices = [turn.choice('mediation'), turn.choice('stay')];
  if (contractsKnown && !facts.contractedOnly && notContractedShown) choices.push(turn.choice('contractedOnly'));
  turn.say('elsewhere.stay', {}, { choices });
  turn.state.offeredMediation = true;
}

export async function mediation(turn: Turn): Promise<void> {
  await continueIntake(turn);
}
