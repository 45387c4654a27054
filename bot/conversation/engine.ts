import type { Locale } from '../i18n/index.ts';
import type { Understood } from '../understanding/types.ts';
import * as flows from './flows.ts';
import * as cards from './cards.ts';
import type { Retrieval } from '../understanding/cardRetrieval.ts';
import { INDEX_CLASS } from '../knowledge/cardService.ts';
import { askIntakeSlot, continueIntake, correctable, intakeRunning, showSummary, submitCase, withdrawConsent } from './intake.ts';
import { mentionsConsentWithdrawal, saysWithdrawal } from '../understanding/withdrawal.ts';
import { writesForSomeoneElse } from '../understanding/onBehalf.ts';
import type { ConversationServices } from './ports.ts';
import { readSlotAnswer } from './slotAnswers.ts';
import { isBsn, maskBsn, mentionsBsn } from '../domain/bsn.ts';
import { upgradeState, type ConversationState } from './state.ts';
import { Turn } from './turn.ts';
import { answerWithdraw, askWithdraw, handleCaseQuestion, storeNote } from './afterHandoff.ts';
import { continueFollowUp, handleFollowUp } from './followUps.ts';
import { answerStory, priorityAtOwnHospital, stayWithOwn } from './stories.ts';
import type { PatientInput, Slot, TurnInfo, TurnResult } from './types.ts';

export type { ConversationServices, HandoffRequest } from './ports.ts';

const maxText = 2000;

// Intents that may interrupt a pending question: answered, then the question is asked again.
const interrupting = new Set(['privacy', 'human_agent', 'medical_advice', 'rights', 'postponed_care', 'treatment_elsewhere', 'waiting_time', 'thanks_goodbye']);

type Command = flows.Topic | 'language' | 'restart' | 'delete' | 'status' | 'noThanks' | 'continue' | 'stay' | 'contractedOnly';

// "Alleen ziekenhuizen met een contract", "only contracted providers".
const contractedOnlyPattern = /\b(alleen|enkel|only|just)\b.*\b(gecontracteerd\w*|contract\w*)\b/i;
const restartPattern = /^(opnieuw|opnieuw beginnen|begin opnieuw|start opnieuw|herstart|reset|restart|start over|start again|begin again)[.!]?$/i;
const deletePattern = /\b(verwijder|wis|delete|erase|remove)\b.*\b(gegevens|data|gesprek|conversation|chat|informatie|information)\b/i;
const statusPattern = /\b(status|stand van zaken|hoe staat het|where is|how is|what'?s happening)\b.*\b(aanvraag|verzoek|request|case|zaak)\b|\bZB-?[0-9A-Z]{4}-?[0-9A-Z]{4}\b/i;
const languagePatterns: Record<Locale, RegExp> = {
  en: /^(english|engels|in english|in het engels|speak english|english please|can we speak english\??)[.!]?$/i,
  nl: /^(nederlands|dutch|in dutch|in het nederlands|nederlands graag|spreek nederlands)[.!]?$/i,
};

/** Exact titles of the choices we offered, in both languages, so a tap always means what it says. */
function matchCommand(turn: Turn, text: string): { command: Command; locale?: Locale } | null {
  const norm = text.trim().toLowerCase();
  for (const locale of ['nl', 'en'] as const) {
    const t = turn.services.t(locale);
    for (const topic of flows.topics) if (norm === String(t(`choices.${topic}`)).toLowerCase()) return { command: topic };
    for (const key of ['noThanks', 'continue', 'stay', 'contractedOnly'] as const) if (norm === String(t(`choices.${key}`)).toLowerCase()) return { command: key };
    if (norm === String(t('choices.deleteData')).toLowerCase()) return { command: 'delete' };
  }
  for (const locale of ['nl', 'en'] as const) if (languagePatterns[locale].test(norm)) return { command: 'language', locale };
  if (restartPattern.test(norm)) return { command: 'restart' };
  if (contractedOnlyPattern.test(norm)) return { command: 'contractedOnly' };
  if (deletePattern.test(norm)) return { command: 'delete' };
  if (statusPattern.test(text)) return { command: 'status' };
  return null;
}

/** The patient typed (or tapped) one of our choice titles, in either language. */
function isChoice(turn: Turn, text: string, key: string): boolean {
  const norm = text.trim().toLowerCase();
  return (['nl', 'en'] as const).some((l) => norm === String(turn.services.t(l)(`choices.${key}`)).toLowerCase());
}

/** Asks the pending question again, with its slot (after an interruption or a misunderstanding). */
async function reask(turn: Turn): Promise<void> {
  const pending = turn.state.pending;
  if (!pending) return;
  const { slot, flow } = pending;
  if (slot === 'consent') {
    turn.ask('consent', 'intake', 'consent.ask', { insurer: insurerLabel(turn) }, [turn.choice('consentYes'), turn.choice('consentNo')]);
  } else if (flow === 'withdraw') {
    askWithdraw(turn, turn.state.openCases.at(-1) ?? '');
  } else if (slot === 'confirm') {
    showSummary(turn);
  } else if (flow === 'status') {
    turn.ask('dateOfBirth', 'status', 'status.askDateOfBirth', { reference: turn.state.status.reference });
  } else if (flow === 'intake' || flow === 'correct' || slot === 'maxTravelKm') {
    await askIntakeSlot(turn, slot, flow);
  } else {
    turn.ask(slot, flow, slot === 'hospital' ? 'ask.hospitalForWaitingTime' : `ask.${slot}`);
  }
}

function insurerLabel(turn: Turn): string {
  return turn.info.tenant.kind === 'insurer' ? turn.info.tenant.displayName : (turn.state.facts.insurer?.name ?? turn.text('intake.yourInsurer'));
}

/** A postcode area does not replace a full postcode of the same area. */
function knowsPostcode(current: string | undefined, area: string): boolean {
  return !(current && current.length === 6 && current.startsWith(area));
}

/** Facts a free message mentions (not an answer to a question): a new mention replaces an old one. */
function captureFacts(state: ConversationState, understood: Understood): void {
  const e = understood.entities;
  if (e.specialty) {
    state.facts.specialty = e.specialty;
    state.facts.treatment = e.specialtyTerm?.label ?? state.facts.treatment;
    if (e.careType) state.facts.careType = e.careType;
  }
  if (e.hospital) state.facts.hospital = e.hospital;
  if (e.waitingWeeks !== null && e.waitingWeeks >= 0 && e.waitingWeeks <= 520) state.facts.waitingWeeks = e.waitingWeeks;
  // A postcode area ("ik woon in 2511", "postcode 9713") is enough to search near the patient; the
  // entity has one only after a cue such as "postcode" or "woon in", so a year is not taken for one.
  if (e.postcode && (e.postcode.length === 6 || (e.postcode.length === 4 && knowsPostcode(state.facts.postcode, e.postcode)))) state.facts.postcode = e.postcode;
  if (understood.intent === 'postponed_care') state.postponed = true;
}

async function answerPending(turn: Turn, text: string, understood: Understood, retrieval: Retrieval): Promise<boolean> {
  // A question one of the answer cards answers interrupts any pending question (asked again after).
  const asksCard = retrieval.kind === 'card';
  const { state, info, services } = turn;
  const pending = state.pending!;
  const yesNo = understood.yesNo ?? services.understanding.parseYesNo(text);
  const lower = text.trim().toLowerCase();

  if (pending.slot === 'consent') {
    const said = lower === turn.choice('consentYes').toLowerCase() ? 'yes' : lower === turn.choice('consentNo').toLowerCase() ? 'no' : yesNo;
    if (said === 'yes') {
      state.consent = { given: true, at: info.now.toISOString(), text: [turn.text('consent.what', { insurer: insurerLabel(turn) }), turn.text('consent.why'), turn.text('consent.keep', { days: info.tenant.retentionDays }), ...(state.onBehalf ? [turn.text('consent.onBehalf')] : [])].join(' ') };
      state.misses = 0;
      await continueIntake(turn);
      return true;
    }
    if (said === 'no') {
      state.consent = null;
      state.pending = null;
      turn.say('consent.declined');
      turn.offer(flows.topicChoices(turn, ['waitingTime', 'rights', 'elsewhere']));
      return true;
    }
  } else if (pending.flow === 'withdraw') {
    if (await answerWithdraw(turn, text, understood)) return true;
  } else if (pending.slot === 'confirm' && pending.flow === 'intake') {
    if (lower === turn.choice('confirmChange').toLowerCase() || yesNo === 'no' || /aanpassen|wijzigen|veranderen|change|correct|edit/.test(lower)) {
      state.pending = null;
      state.correcting = true;
      turn.say('summary.which', {}, { choices: correctable.filter((s) => s !== 'insurer' || info.tenant.kind === 'hospital').filter((s) => (s === 'phone' ? state.facts.contactPreference === 'phone' : s === 'email' ? state.facts.contactPreference === 'email' : true)).map((s) => turn.text(`fields.${s}`)) });
      return true;
    }
    if (lower === turn.choice('confirmSend').toLowerCase() || yesNo === 'yes') {
      await submitCase(turn);
      return true;
    }
  } else {
    const answer = await readSlotAnswer(pending.slot, text, { locale: state.locale, now: info.now, services });
    if (answer.ok) {
      answer.apply(state.facts);
      state.misses = 0;
      await continueFlow(turn, pending.flow, pending.slot);
      return true;
    }
    if (!(interrupting.has(understood.intent) && understood.confidence >= 0.6) && !asksCard) {
      await missed(turn, answer.errorKey, answer.params ?? {});
      return true;
    }
    return false;
  }
  if (!(interrupting.has(understood.intent) && understood.confidence >= 0.6) && !asksCard) {
    await missed(turn, 'invalid.yesNo');
    return true;
  }
  return false;
}

/** An answer that does not fit the question: say why, and from the second miss on offer a person. */
async function missed(turn: Turn, errorKey: string, params: Record<string, unknown> = {}): Promise<void> {
  turn.state.misses += 1;
  const stuck = turn.state.misses >= 2;
  turn.say(errorKey, params);
  if (stuck) turn.say('unclear.offerPerson');
  await reask(turn);
  const question = turn.replies.at(-1)!;
  if (stuck) question.choices = [...(question.choices ?? []), turn.choice('human'), turn.choice('restart')];
}

async function continueFlow(turn: Turn, flow: string, slot: Slot): Promise<void> {
  switch (flow) {
    case 'intake':
      return continueIntake(turn);
    case 'correct':
      // Changing the contact preference may need a new phone number or e-mail address first.
      if (slot === 'contactPreference') return continueIntake(turn);
      turn.state.pending = null;
      return continueIntake(turn);
    case 'waitingTime':
      return flows.waitingTime(turn);
    case 'elsewhere':
      return flows.elsewhere(turn);
    case 'status':
      return flows.showCaseStatus(turn, turn.state.facts.dateOfBirth ?? '');
    case 'places':
    case 'distance':
    case 'nearest':
      return continueFollowUp(turn, flow);
  }
}

const actionIntents = new Set(['mediation_request', 'human_agent', 'treatment_elsewhere', 'waiting_time', 'postponed_care']);
const questionStart = /^(wat|hoe|hoelang|hoeveel|wie|waar|wanneer|welke|welk|waarom|is|zijn|mag|mogen|moet|moeten|kan|kunnen|kun|kunt|heb|hebben|heeft|krijg|krijgt|geldt|gelden|wordt|worden|klopt|what|how|who|where|when|which|why|is|are|do|does|did|can|could|may|must|will|would|should|am|have|has)\b/i;
// "vanaf wanneer telt de wachttijd", "in welk ziekenhuis ...", "from when does it count".
const questionWordEarly = /^(?:\S+\s+){0,2}(wat|hoe|hoelang|hoeveel|wie|waar|wanneer|welke|welk|waarom|what|how|who|where|when|which|why)\b/i;
function looksLikeQuestion(text: string): boolean {
  const t = text.trim();
  return t.includes('?') || questionStart.test(t) || questionWordEarly.test(t);
}

/** The best card leads every action request by a wide margin: the message is about the card's question. */
function cardFarAheadOfFlows(retrieval: Retrieval): boolean {
  return cardAhead(retrieval, 'intent:', 0.2);
}

/** The retrieval answers a card that leads the best class starting with `rival` by at least `lead`. */
function cardAhead(retrieval: Retrieval, rival: string, lead: number): boolean {
  if (retrieval.kind !== 'card') return false;
  const other = retrieval.ranked.find((r) => r.cls.startsWith(rival));
  return !other || retrieval.score - other.score >= lead;
}

/**
 * A free message: the answer card it asks for when the retrieval is sure; a clarifying question
 * when it is less sure and the intent model is not sure of an action either; else the intent's flow.
 */
async function routeWithCards(turn: Turn, understood: Understood, text: string, retrieval: Retrieval): Promise<void> {
  if (retrieval.ranked[0]?.cls === INDEX_CLASS) return cards.rightsIndex(turn);
  // "Ik wil graag zorgbemiddeling" asks for the flow, not for what zorgbemiddeling is.
  // A request for medical advice is refused before anything else (never medical advice).
  // The retriever weighs the cards against the action requests and medical advice itself (they are
  // competing classes there): a question it answers from a card clearly ahead of them gets the card
  // ("Wat moet ik doen als mijn klachten erger worden?" is not a request for medical advice).
  // Medical advice keeps the upper hand unless the card is clearly closer ("Should I take ibuprofen
  // while I wait?" is refused, not answered with what to do while waiting).
  const medical = understood.intent === 'medical_advice' && understood.confidence >= 0.5 && !(looksLikeQuestion(text) && cardAhead(retrieval, 'intent:medical_advice', 0.15));
  // A statement the intent model reads as an action request ("Ik wil graag zorgbemiddeling") goes to
  // the flow, unless a card is far closer than any action request ("Ik wil klagen over mijn verzekeraar").
  const action = medical || (actionIntents.has(understood.intent) && understood.confidence >= 0.7 && !looksLikeQuestion(text) && !cardFarAheadOfFlows(retrieval));
  if (retrieval.kind === 'card' && !action) {
    const found = turn.services.cards.valid(retrieval.cardId, turn.info.now);
    if (found) return cards.answerCard(turn, found.card, found.version);
  }
  // A question close to two or three cards ("moet ik opnieuw naar de huisarts als ik naar een ander
  // ziekenhuis wil?") is asked back with those cards, not taken for the action its words contain.
  const unsureOfAction = !action && (looksLikeQuestion(text) || understood.intent === 'rights' || understood.intent === 'out_of_scope' || understood.confidence < 0.6);
  if (retrieval.kind === 'clarify' && unsureOfAction) return cards.clarify(turn, retrieval.cardIds);
  return route(turn, understood, text);
}

async function route(turn: Turn, understood: Understood, text: string): Promise<void> {
  switch (understood.intent) {
    case 'greeting':
      return flows.greeting(turn);
    case 'thanks_goodbye':
      return flows.bye(turn);
    case 'waiting_time':
      return flows.waitingTime(turn);
    case 'postponed_care':
      return flows.postponedCare(turn);
    case 'rights':
      return cards.rightsIndex(turn);
    case 'treatment_elsewhere':
      // Asking for alternatives is asking: the wish to stay no longer holds them back.
      turn.state.stayWithOwn = false;
      return flows.elsewhere(turn);
    case 'mediation_request':
      return flows.mediation(turn);
    case 'human_agent':
      return flows.human(turn);
    case 'privacy':
      return deletePattern.test(text) ? flows.askErase(turn) : flows.privacyInfo(turn);
    case 'medical_advice':
      return flows.medicalAdvice(turn);
    case 'emergency':
      return flows.emergency(turn, understood);
    default:
      return flows.unclear(turn);
  }
}

async function runCommand(turn: Turn, command: { command: Command; locale?: Locale }, text: string): Promise<void> {
  const { state } = turn;
  state.misses = 0;
  switch (command.command) {
    case 'language': {
      const next = command.locale ?? (state.locale === 'nl' ? 'en' : 'nl');
      state.locale = next;
      turn.say('language.changed');
      if (state.pending) await reask(turn);
      else flows.menu(turn);
      return;
    }
    case 'restart':
      return flows.restart(turn);
    case 'delete':
      return flows.askErase(turn);
    case 'status':
      return flows.caseStatus(turn, text);
    case 'noThanks':
    case 'continue':
      state.pending = null;
      return flows.menu(turn, 'menu.anythingElse');
    case 'contractedOnly':
      state.facts.contractedOnly = true;
      return flows.elsewhere(turn);
    case 'stay':
      state.pending = null;
      state.stayWithOwn = true;
      turn.say('elsewhere.stayOk');
      turn.say('dialogue:own.stayWhat');
      return flows.menu(turn, 'menu.anythingElse');
    case 'waitingTime':
      return flows.waitingTime(turn);
    case 'postponed':
      return flows.postponedCare(turn);
    case 'rights':
      return cards.rightsIndex(turn);
    case 'elsewhere':
      state.stayWithOwn = false;
      return flows.elsewhere(turn);
    case 'mediation':
      return flows.mediation(turn);
    case 'human':
      return flows.human(turn);
  }
}

/**
 * One turn of the patient conversation: state + what the patient said → new state + replies.
 * Order: emergency first, then commands (taps, language, restart, delete, status), then the
 * pending question, then the intent. No I/O except through the services.
 */
export async function runTurn(previous: unknown, input: PatientInput, info: TurnInfo, services: ConversationServices): Promise<TurnResult<ConversationState>> {
  const state = upgradeState(previous === undefined ? undefined : structuredClone(previous), input.locale ?? 'nl');
  const turn = new Turn(state, info, services);
  const done = (): TurnResult<ConversationState> => ({ state: turn.state, replies: turn.replies, events: turn.events });

  if (input.kind === 'start') {
    if (input.locale) state.clientLocale = input.locale;
    if (!state.welcomed) {
      if (input.locale) state.locale = input.locale;
      flows.welcome(turn);
    }
    return done();
  }

  // A BSN is masked before anything reads or keeps the text: state, transcript, understanding.
  const raw = input.text.trim().slice(0, maxText);
  const bsnGiven = mentionsBsn(raw);
  const text = maskBsn(raw);
  // An offer is answered in the very next message or not at all.
  const offeredMediation = state.offeredMediation;
  state.offeredMediation = false;
  if (text === '') {
    if (state.pending) await reask(turn);
    else flows.menu(turn);
    return done();
  }
  turn.record('patient', text);
  if (input.locale && state.clientLocale && input.locale !== state.clientLocale && state.welcomed) state.locale = input.locale;
  if (input.locale) state.clientLocale = input.locale;
  const understood = services.understanding.understand(text, state.locale);

  // 1. Safety first, whatever else is going on, also in the middle of a question. The red-flag
  // rules decide (recall first); the classifier alone must be sure. The emergency reply is the
  // whole turn: no welcome before it, no question after it.
  if ((understood.emergency.kind && !understood.emergency.negated) || (understood.intent === 'emergency' && understood.confidence >= 0.75)) {
    flows.emergency(turn, understood);
    return done();
  }

  if (!state.welcomed) {
    // A channel that never sent conversationUpdate: introduce ourselves briefly, then answer.
    state.welcomed = true;
    if (input.locale) state.locale = input.locale;
    turn.say('welcome.intro');
    turn.say('welcome.privacy');
  }
  if (understood.emergency.kind && understood.emergency.negated) flows.softEmergency(turn);
  // A postponement told in passing ("die is al twee keer uitgesteld"), also in an answer to another
  // question, is a fact of the request: the mediator must see it.
  if (understood.postponement) state.postponed = true;

  // No BSN, ever: say so kindly once and ask the question again; a free message goes on without it.
  if (bsnGiven) {
    turn.say('bsn.notKept');
    if (state.pending) {
      await reask(turn);
      return done();
    }
    const rest = text.replace(/[•\d.:\- ]+/g, ' ').replace(/\b(mijn|my|bsn|is|burgerservicenummer|hier|here|het|dat|it|this)\b/gi, ' ').trim();
    if (rest.split(/\s+/).filter(Boolean).length < 3) {
      flows.menu(turn, 'menu.anythingElse');
      return done();
    }
  }

  // "Delete my data" asks once; "yes" erases, "no" goes back to where we were, anything else goes on.
  if (state.confirmingErase) {
    const lower = text.toLowerCase();
    const previous = state.confirmingErase.pending;
    state.confirmingErase = null;
    const answer = lower === turn.choice('eraseYes').toLowerCase() || deletePattern.test(text) ? 'yes' : lower === turn.choice('eraseNo').toLowerCase() ? 'no' : (understood.yesNo ?? services.understanding.parseYesNo(text));
    if (answer === 'yes') {
      await flows.eraseData(turn);
      return done();
    }
    if (answer === 'no') {
      turn.say('privacy.eraseKept');
      if (previous) {
        state.pending = previous;
        await reask(turn);
      } else flows.menu(turn, 'menu.anythingElse');
      return done();
    }
    if (previous) state.pending = previous;
  }

  // 2. Commands and taps on choices mean exactly what they say.
  const command = matchCommand(turn, text);
  if (command) {
    await runCommand(turn, command, text);
    return done();
  }

  // Consent withdrawn in words stops an intake as the "no" button does; nothing has been sent.
  if (intakeRunning(turn) && saysWithdrawal(text)) {
    withdrawConsent(turn);
    return done();
  }
  if (!intakeRunning(turn) && !state.lastCaseReference && mentionsConsentWithdrawal(text)) {
    turn.say('withdraw.nothingRunning');
    flows.menu(turn, 'menu.anythingElse');
    return done();
  }

  // Writing for someone else ("voor mijn moeder"): the intake asks who fills in, and the consent
  // must cover acting on the patient's behalf, so consent given without that is asked again.
  if (!state.onBehalf && writesForSomeoneElse(text)) {
    state.onBehalf = true;
    const intakeQuestion = state.pending && (state.pending.flow === 'intake' || state.pending.flow === 'correct');
    if (state.consent?.given) state.consent = null;
    if (intakeQuestion) {
      await continueIntake(turn);
      return done();
    }
  }

  // After an emergency the interrupted question waits until the patient says to go on.
  if (state.paused) {
    if (!state.resumeAsked) {
      if (understood.worsening) flows.worsening(turn);
      flows.askResume(turn);
      return done();
    }
    const lower = text.toLowerCase();
    const answer = lower === turn.choice('resumeYes').toLowerCase() ? 'yes' : lower === turn.choice('resumeNo').toLowerCase() ? 'no' : (understood.yesNo ?? services.understanding.parseYesNo(text));
    const paused = state.paused;
    state.paused = null;
    state.resumeAsked = false;
    if (answer === 'yes') {
      state.pending = paused;
      await reask(turn);
      return done();
    }
    if (answer === 'no') {
      turn.say('emergency.resumeLater');
      flows.menu(turn, 'menu.anythingElse');
      return done();
    }
  }

  // Worsening complaints: the huisarts (or huisartsenpost, or specialist) first; a pending question
  // is asked again afterwards, never filled with the complaint ("mijn pijn wordt erger" is no name).
  if (understood.worsening) {
    flows.worsening(turn);
    if (state.pending) {
      turn.say('interrupt.continue');
      await reask(turn);
      return done();
    }
    // "What should I do if my pain gets worse?" is answered by that: no refusal of medical advice after it.
    if (understood.intent === 'medical_advice') return done();
  }

  // 2b. A tap on a card title (clarifying question, index) or on "meer weten" answers that card.
  const tapped = services.cards.byTitle(text, info.now);
  if (tapped) {
    const found = services.cards.valid(tapped.id, info.now)!;
    cards.answerCard(turn, found.card, found.version);
    if (state.pending) {
      turn.say('interrupt.continue');
      await reask(turn);
    }
    return done();
  }
  if (isChoice(turn, text, 'more') && cards.moreOfLastCard(turn)) return done();
  if (isChoice(turn, text, 'somethingElse')) {
    flows.menu(turn);
    return done();
  }
  let retrieval = services.cards.retrieve(text, info.now);
  // Worsening complaints were just answered by the safety rules above: not again from a card.
  if (understood.worsening && retrieval.kind === 'card' && retrieval.cardId === 'waiting-worse') retrieval = { kind: 'none', score: retrieval.score, ranked: retrieval.ranked };

  // 3. A reference typed after "what is your reference?".
  if (state.status.awaitingReference) {
    const reference = flows.parseReference(text);
    if (reference) {
      flows.caseStatus(turn, text);
      return done();
    }
    state.status = {};
  }

  // 3b. The words to add to the case after "Wat wilt u toevoegen?".
  if (state.awaitingNote) {
    const reference = state.openCases.at(-1);
    state.awaitingNote = false;
    if (reference && !(interrupting.has(understood.intent) && understood.confidence >= 0.85)) {
      await storeNote(turn, text, reference, isBsn);
      return done();
    }
  }

  // 4. Picking a field to correct from the summary.
  if (state.correcting) {
    state.correcting = false;
    const slot = correctable.find((s) => text.trim().toLowerCase() === turn.text(`fields.${s}`).toLowerCase());
    if (slot) {
      if (slot === 'contactPreference') {
        delete state.facts.phone;
        delete state.facts.email;
      }
      await askIntakeSlot(turn, slot, 'correct');
      return done();
    }
  }

  // 5. The answer to the pending question (or an interruption of it).
  // Their own hospital, in their own words, is heard even in the middle of a question.
  const ownSaid = state.pending && state.pending.slot !== 'consent' && state.pending.slot !== 'confirm' ? services.understanding.ownHospital(text) : null;
  // A sourced answer card on priority at the own hospital answers it; the rule here is the fallback.
  const ownWish = ownSaid === 'priority' && retrieval.kind === 'card' ? null : ownSaid;
  if (state.pending && ownWish) {
    const inIntake = state.pending.flow === 'intake' || state.pending.flow === 'correct';
    const before = state.pending;
    if (ownWish === 'priority') priorityAtOwnHospital(turn);
    else stayWithOwn(turn, !inIntake);
    if (inIntake) {
      state.pending = before;
      state.offeredMediation = false;
      turn.say('interrupt.continue');
      await reask(turn);
    }
    return done();
  }
  // "is dat normaal?", "wat is het dichtstbij?" while a lookup asks for something: the follow-up wins.
  const lookupFlow = state.pending && ['waitingTime', 'elsewhere', 'places', 'distance', 'nearest'].includes(state.pending.flow);
  const pendingFollowUp = lookupFlow ? services.understanding.followUp(text) : null;
  if (state.pending && pendingFollowUp && pendingFollowUp.kind !== 'change') {
    const before = state.pending;
    state.pending = null;
    if (await handleFollowUp(turn, understood, text)) return done();
    state.pending = before;
  }
  if (state.pending) {
    if (await answerPending(turn, text, understood, retrieval)) return done();
    const pendingBefore = state.pending;
    captureFacts(state, understood);
    await routeWithCards(turn, understood, text, retrieval);
    if (understood.intent === 'thanks_goodbye') return done();
    if (state.pending === pendingBefore && pendingBefore) {
      turn.say('interrupt.continue');
      await reask(turn);
    }
    return done();
  }

  // 6. "Ja" to "Wilt u dat uw verzekeraar helpt?" is a mediation request; "nee" ends the topic.
  if (offeredMediation) {
    const answer = understood.yesNo ?? services.understanding.parseYesNo(text);
    if (answer === 'yes') return (await flows.mediation(turn), done());
    if (answer === 'no') return (flows.menu(turn, 'menu.anythingElse'), done());
  }

  // 6b. After the hand-off: what happens now, withdrawing, adding something (the case is known).
  if (await handleCaseQuestion(turn, text, isBsn)) return done();

  // 6c. A follow-up on the last answer: "is dat te lang?", "en binnen 50 km?", "en voor mijn knie?".
  if (await handleFollowUp(turn, understood, text)) return done();

  // 6d. Their own hospital, in their own words: staying there, or priority there (only the doctor decides).
  const own = services.understanding.ownHospital(text);
  if (own === 'priority' && retrieval.kind !== 'card') return (priorityAtOwnHospital(turn), done());
  if (own === 'stay') return (stayWithOwn(turn), done());

  // 7. A free message: remember what it tells, switch language if the patient writes in the other one.
  captureFacts(state, understood);
  if (understood.language !== state.locale && text.split(/\s+/).length >= 4 && understood.intent !== 'out_of_scope') {
    state.locale = understood.language;
    turn.say('language.switchedAutomatically', {}, { choices: [turn.choice('otherLanguage')] });
  }
  // A guess the classifier itself doubts, with nothing recognised in it, is treated as not understood.
  const e = understood.entities;
  const nothingRecognised = !e.specialty && !e.hospital && e.waitingWeeks === null && !e.postcode;
  let effective: Understood = understood.confidence < 0.32 && nothingRecognised && understood.intent !== 'emergency' ? { ...understood, intent: 'out_of_scope' } : understood;
  // "Hallo, ik moet een nieuwe knie, wachttijd in het Zuyderland?" is more than a greeting.
  if ((effective.intent === 'greeting' || effective.intent === 'out_of_scope') && !nothingRecognised && text.split(/\s+/).length > 3) effective = { ...effective, intent: 'waiting_time' };
  if (effective.intent !== 'out_of_scope' || retrieval.kind !== 'none') state.misses = 0;
  // A story that names a treatment or a wait gets its answer first (the norm, the verdict, then the offer).
  if (answerStory(turn, effective, text)) return done();
  await routeWithCards(turn, effective, text, retrieval);
  return done();
}

