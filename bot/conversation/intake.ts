import type { Facts, Flow } from './state.ts';
import { secondRequest } from './afterHandoff.ts';
import type { Turn } from './turn.ts';
import type { Slot } from './types.ts';

/**
 * The mediation request: consent first, then only what is still missing, a summary that can be
 * corrected, and a durable, idempotent hand-off to the right insurer's queue.
 */

/** The questions of the intake in the order a mediator needs them; skipped when already known. */
export function missingSlot(facts: Facts, hospitalSite: boolean, onBehalf = false): Slot | null {
  if (hospitalSite && !facts.insurer) return 'insurer';
  if (onBehalf && !facts.applicant) return 'applicant';
  if (!facts.fullName) return 'fullName';
  if (!facts.dateOfBirth) return 'dateOfBirth';
  if (!facts.policyNumber) return 'policyNumber';
  if (!facts.contactPreference) return 'contactPreference';
  if (facts.contactPreference === 'phone' && !facts.phone) return 'phone';
  if (facts.contactPreference === 'email' && !facts.email) return 'email';
  if (!facts.postcode) return 'postcode';
  if (facts.hospital === undefined) return 'hospital';
  if (!facts.specialty) return 'specialty';
  if (facts.waitingWeeks === undefined) return 'waitingWeeks';
  if (facts.maxTravelKm === undefined) return 'maxTravelKm';
  return null;
}

/** The fields a patient can correct from the summary, as choice keys. */
export const correctable: Slot[] = ['fullName', 'dateOfBirth', 'policyNumber', 'contactPreference', 'phone', 'email', 'postcode', 'hospital', 'specialty', 'waitingWeeks', 'maxTravelKm', 'insurer'];

/** Starts or continues the intake: consent, then the next missing question, then the summary. */
export async function continueIntake(turn: Turn): Promise<void> {
  const { state, info } = turn;
  const hospitalSite = info.tenant.kind === 'hospital';
  if (!state.consent?.given) {
    // A second request here: never a second consent for the same request; other care reuses the details.
    if (await secondRequest(turn)) return;
    askConsent(turn);
    return;
  }
  // An insurer that does not work with us gets its own route at once, before any personal data is asked.
  if (hospitalSite && state.facts.insurer && !state.facts.insurer.tenantId) {
    insurerNotConnected(turn);
    return;
  }
  const next = missingSlot(state.facts, hospitalSite, state.onBehalf);
  if (next) {
    await askIntakeSlot(turn, next, 'intake');
    return;
  }
  showSummary(turn);
}

function insurerName(turn: Turn): string {
  return turn.info.tenant.kind === 'insurer' ? turn.info.tenant.displayName : (turn.state.facts.insurer?.name ?? turn.text('intake.yourInsurer'));
}

export function askConsent(turn: Turn): void {
  const insurer = insurerName(turn);
  turn.say('consent.what', { insurer });
  turn.say('consent.why');
  turn.say('consent.keep', { days: turn.info.tenant.retentionDays });
  if (turn.state.onBehalf) turn.say('consent.onBehalf');
  turn.ask('consent', 'intake', 'consent.ask', { insurer }, [turn.choice('consentYes'), turn.choice('consentNo')]);
}

/** Asks an intake question with its slot and, where they help, its choices. */
export async function askIntakeSlot(turn: Turn, slot: Slot, flow: Flow): Promise<void> {
  switch (slot) {
    case 'insurer': {
      const insurers = await turn.services.knowledge.insurerTenants();
      turn.ask(slot, flow, 'ask.insurer', {}, insurers.map((i) => i.name));
      return;
    }
    case 'contactPreference':
      turn.ask(slot, flow, 'ask.contactPreference', {}, [turn.choice('byPhone'), turn.choice('byEmail')]);
      return;
    case 'hospital':
      turn.ask(slot, flow, 'ask.hospital', {}, [turn.choice('dontKnow')]);
      return;
    case 'maxTravelKm':
      turn.ask(slot, flow, 'ask.maxTravelKm', {}, ['10 km', '25 km', '50 km', '100 km']);
      return;
    default:
      // Writing for someone else: the questions are about the patient, the contact is the applicant.
      turn.ask(slot, flow, turn.state.onBehalf && ['fullName', 'dateOfBirth', 'policyNumber'].includes(slot) ? `ask.${slot}OfPatient` : `ask.${slot}`);
  }
}

function insurerNotConnected(turn: Turn): void {
  const insurer = turn.state.facts.insurer!;
  turn.state.pending = null;
  turn.say('intake.notConnected', { insurer: insurer.name });
  const contact = insurer.contact;
  if (contact?.phone) turn.say('intake.notConnectedPhone', { insurer: insurer.name, phone: contact.phone });
  else if (contact?.url) turn.say('intake.notConnectedUrl', { insurer: insurer.name, url: contact.url });
  else turn.say('intake.notConnectedHow', { insurer: insurer.name });
  // Nothing was sent; the consent for this insurer is not needed any more.
  turn.state.consent = null;
  delete turn.state.facts.insurer;
  turn.offer([turn.choice('elsewhere'), turn.choice('rights')]);
}

/** The facts an intake collects about the person; discarded when consent is withdrawn. */
const personalFacts = ['insurer', 'applicant', 'fullName', 'dateOfBirth', 'policyNumber', 'contactPreference', 'phone', 'email', 'postcode', 'maxTravelKm'] as const;

/** Whether a mediation request is being put together (consent asked or given, not yet sent). */
export function intakeRunning(turn: Turn): boolean {
  const { state } = turn;
  const flow = state.pending?.flow ?? state.paused?.flow;
  return Boolean(state.consent?.given) || flow === 'intake' || flow === 'correct' || state.correcting;
}

/**
 * Consent withdrawn in words before sending: the intake stops, what it collected is discarded
 * (with the transcript that holds it), nothing is sent, and the patient hears what they can still do.
 */
export function withdrawConsent(turn: Turn): void {
  const { state } = turn;
  const insurer = insurerName(turn);
  for (const key of personalFacts) delete state.facts[key];
  state.consent = null;
  state.pending = null;
  state.paused = null;
  state.resumeAsked = false;
  state.correcting = false;
  state.offeredMediation = false;
  state.transcript = [];
  turn.say('withdraw.stopped', { insurer });
  turn.say('withdraw.discarded');
  turn.say('withdraw.canStill', {}, { choices: [turn.choice('deleteData'), turn.choice('waitingTime'), turn.choice('rights')] });
}

/** The summary of what will be sent, as Markdown lines the patient can check. */
export function summaryLines(turn: Turn): string[] {
  const f = turn.state.facts;
  const t = (key: string, params: Record<string, unknown> = {}) => turn.text(key, params);
  const unknown = t('summary.unknown');
  const lines = [
    t('summary.insurer', { value: insurerName(turn) }),
    ...(f.applicant ? [t('summary.applicant', { name: f.applicant.fullName, relation: f.applicant.relation })] : []),
    t('summary.fullName', { value: f.fullName }),
    t('summary.dateOfBirth', { value: formatDate(f.dateOfBirth ?? '', turn.state.locale) }),
    t('summary.policyNumber', { value: f.policyNumber }),
    f.contactPreference === 'phone' ? t('summary.phone', { value: f.phone }) : t('summary.email', { value: f.email }),
    t('summary.postcode', { value: f.postcode }),
    t('summary.hospital', { value: f.hospital ?? unknown }),
    t('summary.specialty', { value: [turn.services.knowledge.specialismName(f.specialty ?? '', turn.state.locale), f.treatment].filter(Boolean).join(' — ') || unknown }),
    t('summary.waitingWeeks', { value: f.waitingWeeks }),
    t('summary.maxTravelKm', { value: f.maxTravelKm }),
  ];
  return lines.map((l) => `- ${l}`);
}

export function showSummary(turn: Turn): void {
  turn.push({ text: `${turn.text('summary.intro', { insurer: insurerName(turn) })}\n\n${summaryLines(turn).join('\n')}` });
  turn.ask('confirm', 'intake', 'summary.ask', {}, [turn.choice('confirmSend'), turn.choice('confirmChange')]);
}

export function formatDate(iso: string, locale: 'nl' | 'en'): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return iso;
  return locale === 'nl' ? `${Number(m[3])}-${Number(m[2])}-${m[1]}` : `${m[1]}-${m[2]}-${m[3]}`;
}

/** The structured request of the contract, built from what the patient told. */
export function structuredRequest(turn: Turn): { request: Record<string, unknown>; priority: number } {
  const f = turn.state.facts;
  const careType = f.careType ?? 'treatment';
  const norm = f.waitingWeeks !== undefined ? turn.services.knowledge.norm(careType, f.waitingWeeks) : null;
  const exceeded = norm ? norm.verdict === 'exceeded' : null;
  // Most urgent first: well over the norm is priority 1, over it 2, otherwise 3 (the queue refines this).
  const priority = norm && f.waitingWeeks !== undefined ? (norm.verdict === 'exceeded' ? (f.waitingWeeks >= norm.normWeeks * 2 ? 1 : 2) : 3) : 3;
  return {
    priority,
    request: {
      specialty: f.specialty ?? null,
      treatment: f.treatment ?? null,
      careType,
      hospital: f.hospital ?? null,
      waitingWeeks: f.waitingWeeks ?? null,
      treeknormWeeks: norm?.normWeeks ?? null,
      treeknormExceeded: exceeded,
      postponed: turn.state.postponed,
      worseningReported: turn.state.worseningReported,
      postcode: f.postcode ?? null,
      maxTravelKm: f.maxTravelKm ?? null,
      contactPreference: f.contactPreference ?? null,
      patient: {
        fullName: f.fullName ?? null,
        dateOfBirth: f.dateOfBirth ?? null,
        policyNumber: f.policyNumber ?? null,
        // Written for someone else: the phone or e-mail given is the applicant's (whom to call).
        phone: f.contactPreference === 'phone' && !f.applicant ? (f.phone ?? null) : null,
        email: f.contactPreference === 'email' && !f.applicant ? (f.email ?? null) : null,
      },
      applicant: f.applicant
        ? {
            fullName: f.applicant.fullName,
            relation: f.applicant.relation,
            phone: f.contactPreference === 'phone' ? (f.phone ?? null) : null,
            email: f.contactPreference === 'email' ? (f.email ?? null) : null,
          }
        : null,
      consent: turn.state.consent,
    },
  };
}

/** Stores the case (idempotently), answers the reference and what happens next, and emits handoff.initiate. */
export async function submitCase(turn: Turn): Promise<void> {
  const { state, info } = turn;
  const insurerTenantId = info.tenant.kind === 'insurer' ? info.tenant.id : state.facts.insurer?.tenantId;
  if (!insurerTenantId) {
    insurerNotConnected(turn);
    return;
  }
  const { request, priority } = structuredRequest(turn);
  const { reference } = await turn.services.cases.createCase({
    insurerTenantId,
    sourceTenantId: info.tenant.id,
    conversationId: info.conversationId,
    channel: info.channel,
    priority,
    // One key per hand-off in this conversation: a retried or double-sent "yes" finds the same case.
    idempotencyKey: `${info.conversationId}#${state.handoffs + 1}`,
    locale: state.locale,
    request,
    transcript: state.transcript,
  });
  state.handoffs += 1;
  state.lastCaseReference = reference;
  if (!state.openCases.includes(reference)) state.openCases.push(reference);
  state.lastRequest = { specialty: state.facts.specialty ?? null, hospital: state.facts.hospital ?? null, waitingWeeks: state.facts.waitingWeeks ?? null };
  state.pending = null;
  const insurer = insurerName(turn);
  turn.say('intake.sent', { reference }, { caseReference: reference });
  turn.say('intake.next', { insurer, days: info.tenant.responseWorkingDays });
  turn.say('intake.meanwhile');
  turn.events.push({
    name: 'handoff.initiate',
    value: { reference, insurer: insurerTenantId, locale: state.locale, channel: info.channel, priority, request },
    attachments: [{ contentType: 'application/vnd.microsoft.transcript+json', content: state.transcript }],
  });
  // A new request later starts from a clean form, keeping only the consent-free context.
  state.consent = null;
}
