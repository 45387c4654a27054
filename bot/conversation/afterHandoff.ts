import type { Understood } from '../understanding/types.ts';
import { formatDate } from './intake.ts';
import { initialState } from './state.ts';
import type { Turn } from './turn.ts';

/**
 * After the hand-off the conversation knows its case: what happens now (the tenant's promise,
 * the reference, what to have at hand), withdrawing it (with confirmation; status withdrawn for
 * the mediator, the patient's data erased) and adding the patient's own words as a note.
 */

const ns = 'dialogue:';

function insurerName(turn: Turn): string {
  return turn.info.tenant.kind === 'insurer' ? turn.info.tenant.displayName : (turn.state.facts.insurer?.name ?? turn.text('intake.yourInsurer'));
}

/** The open case this conversation filed last, if any. */
function currentCase(turn: Turn): string | null {
  return turn.state.openCases.at(-1) ?? null;
}

/** "Wat gebeurt er nu?", "wanneer bellen ze?": the promise, the reference, what to have at hand. */
export async function whatNext(turn: Turn, reference: string): Promise<void> {
  const { state, info } = turn;
  state.pending = null;
  const found = await turn.services.cases.caseOfConversation(reference, info.conversationId);
  if (!found) {
    state.openCases = state.openCases.filter((r) => r !== reference);
    turn.say(`${ns}next.gone`, { reference });
    return;
  }
  const way = state.facts.contactPreference === 'email' && state.facts.email
    ? turn.text(`${ns}next.byEmail`, { email: state.facts.email })
    : state.facts.phone ? turn.text(`${ns}next.byPhone`, { phone: state.facts.phone }) : '';
  if (found.status === 'new') turn.say(`${ns}next.promise`, { insurer: insurerName(turn), days: info.tenant.responseWorkingDays, way });
  else if (found.status === 'claimed' || found.status === 'in_progress') turn.say(`${ns}next.pickedUp`, { insurer: insurerName(turn), way });
  else turn.say(`${ns}next.finished`, { reference });
  turn.say(`${ns}next.reference`, { reference }, { caseReference: reference });
  if (found.status === 'new' || found.status === 'claimed' || found.status === 'in_progress') turn.say(`${ns}next.atHand`);
}

export function askWithdraw(turn: Turn, reference: string): void {
  turn.ask('confirm', 'withdraw', `${ns}withdraw.ask`, { reference }, [turn.text(`${ns}withdraw.yes`), turn.text(`${ns}withdraw.no`)]);
}

/** The answer to "Weet u zeker dat u aanvraag X wilt intrekken?". Returns false when it was no answer. */
export async function answerWithdraw(turn: Turn, text: string, understood: Understood): Promise<boolean> {
  const { state, info, services } = turn;
  const lower = text.trim().toLowerCase();
  const said = lower === turn.text(`${ns}withdraw.yes`).toLowerCase() ? 'yes' : lower === turn.text(`${ns}withdraw.no`).toLowerCase() ? 'no' : (understood.yesNo ?? services.understanding.parseYesNo(text));
  const reference = currentCase(turn);
  if (said === 'no' || !reference) {
    state.pending = null;
    turn.say(`${ns}withdraw.kept`, { reference: reference ?? '' });
    return true;
  }
  if (said !== 'yes') return false;
  state.pending = null;
  const result = await services.cases.withdrawCase(reference, info.conversationId);
  if (result === 'not_found') {
    state.openCases = state.openCases.filter((r) => r !== reference);
    turn.say(`${ns}next.gone`, { reference });
    return true;
  }
  if (result === 'not_open') {
    state.openCases = state.openCases.filter((r) => r !== reference);
    turn.say(`${ns}withdraw.notOpen`, { reference });
    return true;
  }
  const others = state.openCases.filter((r) => r !== reference);
  if (others.length === 0) {
    // Nothing else of theirs is pending here: their data goes as on "verwijder mijn gegevens".
    await services.cases.eraseConversation(info.conversationId);
    const locale = state.locale;
    turn.state = initialState(locale);
    turn.state.welcomed = true;
    turn.say(`${ns}withdraw.done`, { reference });
    turn.say(`${ns}withdraw.erased`);
  } else {
    state.openCases = others;
    turn.say(`${ns}withdraw.done`, { reference });
    turn.say(`${ns}withdraw.othersKept`, { count: others.length });
  }
  return true;
}

// A BSN is never stored, not even in a note.
function redactNote(text: string, looksLikeBsn: (digits: string) => boolean): string {
  return text.replace(/\b\d{9}\b/g, (m) => (looksLikeBsn(m) ? '[BSN verwijderd]' : m));
}

const noteCancel = /^(laat maar|niets|niks|nee|nee hoor|toch niet|never mind|nothing|no|cancel|stop)[.!]?$/i;
// "Ik wil iets toevoegen: ik kan alleen op maandag" carries its note after the colon or dash.
const noteInline = /^[^:–-]{0,60}(toevoegen|aanvullen|doorgeven|add|tell|mention)[^:–-]{0,30}[:–-]\s*(.{3,})$/is;

export async function addNote(turn: Turn, text: string, reference: string, looksLikeBsn: (digits: string) => boolean): Promise<void> {
  const inline = noteInline.exec(text)?.[2]?.trim();
  if (inline) {
    await storeNote(turn, inline, reference, looksLikeBsn);
    return;
  }
  turn.state.pending = null;
  turn.state.awaitingNote = true;
  turn.say(`${ns}note.ask`, { reference });
}

export async function storeNote(turn: Turn, text: string, reference: string, looksLikeBsn: (digits: string) => boolean): Promise<void> {
  turn.state.awaitingNote = false;
  if (noteCancel.test(text.trim())) {
    turn.say(`${ns}note.cancelled`);
    return;
  }
  const note = redactNote(text.trim(), looksLikeBsn).slice(0, 2000);
  const stored = await turn.services.cases.addPatientNote(reference, turn.info.conversationId, note);
  if (!stored) {
    turn.state.openCases = turn.state.openCases.filter((r) => r !== reference);
    turn.say(`${ns}note.notOpen`, { reference });
    return;
  }
  turn.say(`${ns}note.added`, { reference });
}

/** A question about the case filed here; false when the message is not one (or there is no case). */
export async function handleCaseQuestion(turn: Turn, text: string, looksLikeBsn: (digits: string) => boolean): Promise<boolean> {
  const reference = currentCase(turn);
  const q = turn.services.understanding.caseQuestion(text);
  if (!q) return false;
  if (!reference) {
    // Withdrawing or adding to a request that is not (or no longer) here: say so instead of guessing.
    if (q === 'next') return false;
    turn.say(`${ns}next.noCase`);
    return true;
  }
  turn.state.misses = 0;
  if (q === 'next') await whatNext(turn, reference);
  else if (q === 'withdraw') askWithdraw(turn, reference);
  else await addNote(turn, text, reference, looksLikeBsn);
  return true;
}

/**
 * A second mediation request in the same conversation. The same care again: the request already
 * exists, so no second consent, only where it stands. Other care: the confirmed personal details
 * are reused and shown once, and one question asks to send them with the new request.
 */
export async function secondRequest(turn: Turn): Promise<'same' | 'reuse' | null> {
  const { state } = turn;
  const last = state.lastRequest;
  const reference = currentCase(turn);
  if (!last || state.consent?.given || !state.facts.fullName) return null;
  // "Ik wil ook hulp voor mijn knie": another request, even when the care named was not recognised.
  const said = [...state.transcript].reverse().find((l) => l.from === 'patient')?.text ?? '';
  const another = /\b(ook|nog een|andere|ander|tweede|another|also|other|second|too)\b/i.test(said);
  if (another && (state.facts.specialty ?? null) === last.specialty) {
    delete state.facts.specialty;
    delete state.facts.treatment;
    delete state.facts.careType;
  } else if (reference && (state.facts.specialty ?? null) === last.specialty) {
    turn.say(`${ns}second.same`, { reference });
    await whatNext(turn, reference);
    return 'same';
  }
  // The old request's hospital and wait belong to that request; the new care gets its own.
  if (state.facts.hospital === last.hospital) delete state.facts.hospital;
  if ((state.facts.waitingWeeks ?? null) === last.waitingWeeks) delete state.facts.waitingWeeks;
  const f = state.facts;
  const contact = f.contactPreference === 'email' ? f.email : f.phone;
  turn.push({ text: `${turn.text(`${ns}second.reuse`, { insurer: insurerName(turn) })}\n\n${[f.fullName, f.dateOfBirth ? formatDate(f.dateOfBirth, state.locale) : null, f.policyNumber, contact].filter(Boolean).map((v) => `- ${v}`).join('\n')}` });
  turn.ask('consent', 'intake', `${ns}second.ask`, { insurer: insurerName(turn) }, [turn.choice('consentYes'), turn.choice('consentNo')]);
  return 'reuse';
}
