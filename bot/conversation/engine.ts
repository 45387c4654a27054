import type { TFunction } from 'i18next';
import type { Locale } from '../i18n/index.ts';
import { initialState, type ConversationState } from './state.ts';
import type { OutgoingEvent, PatientInput, Reply, TurnInfo, TurnResult } from './types.ts';

/** The structured request of the contract, as the conversation hands it over. */
export interface HandoffRequest {
  insurerTenantId: string;
  sourceTenantId: string;
  conversationId: string;
  channel: string;
  priority: number;
  idempotencyKey: string;
  locale: Locale;
  request: Record<string, unknown>;
  transcript: ConversationState['transcript'];
}

/** What the conversation needs from the outside world, as narrow interfaces. */
export interface ConversationServices {
  t(locale: Locale): TFunction;
  insurerTenants(): Promise<{ id: string; displayName: string }[]>;
  createCase(request: HandoffRequest): Promise<{ reference: string; created: boolean }>;
}

const yes = /^(ja|yes|ok|oke|okay|akkoord|goed|prima|sure|yep|jazeker|i agree|agree)\b/i;
const no = /^(nee|no|niet|liever niet|nope|no thanks|nee dank)/i;

/**
 * One turn of the first, thin conversation: welcome with privacy notice, consent, name, hand-off.
 * State + what the patient said → new state + replies; no I/O except through services.
 */
export async function runTurn(previous: ConversationState | undefined, input: PatientInput, info: TurnInfo, services: ConversationServices): Promise<TurnResult<ConversationState>> {
  const state: ConversationState = structuredClone(previous ?? initialState(input.locale ?? 'nl'));
  if (input.locale && !state.welcomed) state.locale = input.locale;
  const t = services.t(state.locale);
  const ctx = { context: info.tenant.formality === 'je' ? 'je' : undefined };
  const replies: Reply[] = [];
  const events: OutgoingEvent[] = [];
  const say = (reply: Reply) => {
    replies.push(reply);
    state.transcript.push({ from: 'assistant', text: reply.text, at: info.now.toISOString() });
  };
  const yesNo = [t('choices.yes'), t('choices.no')];

  if (!state.welcomed) {
    state.welcomed = true;
    say({ text: t('welcome.intro', { ...ctx, tenant: info.tenant.displayName }) });
    say({ text: t('welcome.privacy', ctx) });
    if (input.kind === 'start') {
      say({ text: t('welcome.ask', ctx) });
      return { state, replies, events };
    }
  }
  if (input.kind === 'start') return { state, replies, events };

  const text = input.text.trim();
  state.transcript.push({ from: 'patient', text, at: info.now.toISOString() });

  switch (state.pending) {
    case null: {
      state.pending = 'consent';
      say({ text: t('handoff.offer', { ...ctx, tenant: info.tenant.displayName }) });
      say({ text: t('consent.ask', ctx), slot: 'consent', choices: yesNo });
      break;
    }
    case 'consent': {
      if (yes.test(text)) {
        state.answers.consentAt = info.now.toISOString();
        if (info.tenant.kind === 'hospital') {
          state.pending = 'insurer';
          const insurers = await services.insurerTenants();
          say({ text: t('intake.insurer', ctx), slot: 'insurer', choices: insurers.map((i) => i.displayName) });
        } else {
          state.pending = 'fullName';
          say({ text: t('intake.fullName', ctx), slot: 'fullName' });
        }
      } else if (no.test(text)) {
        state.pending = null;
        say({ text: t('consent.declined', ctx) });
      } else {
        say({ text: t('consent.unclear', ctx), slot: 'consent', choices: yesNo });
      }
      break;
    }
    case 'insurer': {
      const insurers = await services.insurerTenants();
      const match = insurers.find((i) => i.displayName.toLowerCase() === text.toLowerCase() || i.id === text.toLowerCase());
      if (!match) {
        say({ text: t('intake.insurerUnknown', ctx), slot: 'insurer', choices: insurers.map((i) => i.displayName) });
        break;
      }
      state.answers.insurer = match.id;
      state.pending = 'fullName';
      say({ text: t('intake.fullName', ctx), slot: 'fullName' });
      break;
    }
    case 'fullName': {
      if (text.length < 2 || text.length > 120) {
        say({ text: t('intake.fullNameInvalid', ctx), slot: 'fullName' });
        break;
      }
      state.answers.fullName = text;
      const insurerTenantId = info.tenant.kind === 'insurer' ? info.tenant.id : (state.answers.insurer ?? '');
      const consentText = t('consent.ask', ctx);
      const request = {
        specialty: null, treatment: null, hospital: null, waitingWeeks: null, treeknormWeeks: null, treeknormExceeded: null,
        postcode: null, maxTravelKm: null, contactPreference: null,
        patient: { fullName: text, dateOfBirth: null, policyNumber: null, phone: null, email: null },
        consent: { given: true, at: state.answers.consentAt ?? info.now.toISOString(), text: consentText },
      };
      const { reference } = await services.createCase({
        insurerTenantId,
        sourceTenantId: info.tenant.id,
        conversationId: info.conversationId,
        channel: info.channel,
        priority: 3,
        idempotencyKey: `${info.conversationId}#${state.handoffs + 1}`,
        locale: state.locale,
        request,
        transcript: state.transcript,
      });
      state.handoffs += 1;
      state.lastCaseReference = reference;
      state.pending = null;
      say({ text: t('handoff.done', { ...ctx, reference, days: info.tenant.responseWorkingDays }), caseReference: reference });
      events.push({
        name: 'handoff.initiate',
        value: { reference, insurer: insurerTenantId, locale: state.locale, channel: info.channel, request },
        attachments: [{ contentType: 'application/json', content: state.transcript }],
      });
      break;
    }
    default: {
      state.pending = null;
      say({ text: t('welcome.ask', ctx) });
    }
  }
  return { state, replies, events };
}
