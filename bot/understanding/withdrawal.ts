/**
 * Consent withdrawn in words, before a request is sent (issue 10): withdrawal must be as easy as
 * consent, so "laat maar", "ik trek mijn toestemming in" and "I changed my mind" stop the intake
 * as the "no" button does. Only read while an intake runs (and for the explicit consent phrases
 * outside one), so "stop" in another context keeps its ordinary meaning.
 */
import { normalize } from './text.ts';

// Whole messages that mean "stop this".
const WHOLE = /^(?:stop|stoppen|stop maar|stop ermee|hou op|ophouden|laat maar|laat maar zitten|laat ook maar|toch maar niet|toch niet|liever toch niet|nee toch maar niet|annuleer|annuleren|afbreken|vergeet het|vergeet het maar|laat het maar|never ?mind|nevermind|forget it|cancel|cancel it|cancel that|stop it|please stop|stop please|i'?d rather not|rather not|no thanks,? stop|abort|quit)$/;

const ANYWHERE: RegExp[] = [
  // nl
  /\b(?:trek|trekken|intrekken|ingetrokken) (?:\w+ ){0,3}toestemming|\btoestemming (?:\w+ ){0,3}(?:in ?trekken|intrekken|ingetrokken|terug(?:trekken|nemen)?)\b/,
  /\b(?:geef|geven) (?:\w+ ){0,3}geen toestemming meer\b|\bgeen toestemming meer\b/,
  /\b(?:wil|willen) (?:\w+ ){0,2}(?:stoppen|ophouden|afbreken|annuleren)\b/,
  /\bik wil (?:dit |het |er )?(?:toch )?niet meer\b/,
  /\b(?:wil|willen) (?:\w+ ){0,3}niet (?:dat|meer dat) (?:jullie|u|je|de verzekeraar|mijn verzekeraar|ze|zij) (?:\w+ ){0,3}(?:gegevens|informatie|data)/,
  /\b(?:laat|laten) maar\b.*\b(?:gegevens|toestemming|aanvraag)\b/,
  /\bheb (?:me|mij) bedacht\b|\bbedacht\b.*\b(?:niet|toch)\b/,
  /\b(?:stuur|verstuur|deel) (?:\w+ ){0,2}(?:niets|niks|het niet|niet)(?: door)?\b|\bniet (?:door)?sturen\b|\bniets doorsturen\b/,
  /\b(?:zie|zien) (?:er ?)?(?:\w+ ){0,2}van af\b|\bgeen aanvraag meer\b|\baanvraag (?:\w+ ){0,2}(?:annuleren|stoppen|intrekken)\b/,
  // en
  /\b(?:withdraw|withdrawing|revoke|revoking|take back|taking back) (?:\w+ ){0,2}consent\b|\bconsent (?:is )?(?:withdrawn|revoked)\b|\bno longer (?:give )?(?:my )?consent\b|\bdo not consent\b|\bdon'?t consent\b/,
  /\b(?:changed|change) my mind\b/,
  /\b(?:want|wanna|like|would like) to (?:stop|cancel|quit)\b/,
  /\b(?:don'?t|do not) (?:send|share|pass on|forward) (?:\w+ ){0,3}(?:anything|it|my|this)\b/,
  /\b(?:don'?t|do not) want (?:you|them|the insurer|my insurer) (?:\w+ ){0,2}(?:to have|having|to get|to see) (?:\w+ ){0,2}(?:data|details|information)\b/,
  /\bcancel (?:the|my|this) (?:request|application)\b|\bi (?:don'?t|do not) want (?:this|it|the request) any ?more\b/,
];

/** True when the message withdraws consent or asks to stop the request. Pure. */
export function saysWithdrawal(text: string): boolean {
  const norm = normalize(text).norm.replace(/[!.?,]+/g, ' ').replace(/\s+/g, ' ').trim();
  if (WHOLE.test(norm)) return true;
  return ANYWHERE.some((re) => re.test(norm));
}

/** Only the explicit phrases about consent (meaningful outside an intake too). */
export function mentionsConsentWithdrawal(text: string): boolean {
  const norm = normalize(text).norm;
  return ANYWHERE[0]!.test(norm) || ANYWHERE[1]!.test(norm) || ANYWHERE[9]!.test(norm);
}
