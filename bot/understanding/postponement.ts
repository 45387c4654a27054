/**
 * A postponement reported in passing: "die is al twee keer uitgesteld", "de operatie is weer
 * verzet", "opnieuw afgezegd", "gaat niet door", "my surgery was postponed twice". The request
 * then says `postponed: true`, whatever the message's intent (it may ask for mediation, or be an
 * answer to another question): the mediator must see that care was postponed.
 *
 * Only reports count. A denial ("niet uitgesteld", "it wasn't cancelled"), a fear or a
 * hypothetical ("wat als mijn operatie wordt uitgesteld?", "bang dat het wordt afgezegd", "what if
 * they cancel"), an appointment moved forward ("naar voren verplaatst") and the policy term
 * ("postponed care", "uitgestelde zorg") are not. Pure.
 */
import { normalize } from './text.ts';

// Participles and fixed phrases that report that care did not take place as planned.
const REPORT = new RegExp(
  '\\b(?:' +
    [
      // nl
      'uitgesteld', 'uitgestelt', 'verzet', 'verschoven', 'verplaatst', 'afgezegd', 'afgezegt', 'geannuleerd', 'geannuleert',
      'gecanceld', 'gecanceled', 'gecancelled', 'afgeblazen', 'geschrapt', 'afgebeld', 'niet doorgegaan', 'gaat niet door',
      'ging niet door', 'gingen niet door', 'weer uitstel', 'opnieuw uitstel', 'nog meer uitstel',
      // en
      'postponed', 'postponned', 'cancelled', 'canceled', 'rescheduled', 'called off', 'pushed back', 'put off', 'delayed again',
      'been delayed', 'was delayed', 'got delayed', 'is delayed',
    ].join('|') +
    ')\\b',
);

const NEGATION = /\b(?:niet|nooit|geen|not|never|no|isn't|wasn't|hasn't|haven't|hadn't|weren't|aren't|didn't|isnt|wasnt|hasnt|havent|didnt)\b/;

// A fear, a wish or a hypothetical, or a question whether it may happen: no report.
const HYPOTHETICAL = new RegExp(
  '\\b(?:als|wat als|stel dat|indien|mocht|bang dat|hoop dat|hopen dat|voorkomen dat|wil niet dat|if|what if|suppose|might|afraid|worried that|hope (?:it|they))\\b' +
    // "kan mijn operatie worden uitgesteld?", "zou het verzet kunnen worden", "can it be postponed?"
    '|\\b(?:kan|kunnen|mag|mogen|zal|zullen|zou|zouden)\\b.*\\bworden\\b|\\b(?:can|could|will|may|would)\\b(?: [a-z\']+){0,3} be\\b',
);

// Moved forward is good news, not a postponement.
const FORWARD = /\b(?:naar voren|vervroegd|naar eerder|brought forward|moved up|moved forward|moved earlier)\b/;

// The policy term, not a report: "what are my rights for postponed care?".
const TOPIC = /\bpostponed (?:care|healthcare|treatments?)\b(?! (?:was|is|has|got))/;

/** The clause that reports a postponement, as the patient wrote it, or null. */
export function detectPostponement(text: string): string | null {
  const nt = normalize(text);
  let offset = 0;
  // Clause by clause ("," separates clauses too): "het is niet erg, maar hij is wel verzet".
  for (const clause of nt.norm.split(/[.!?;,\n]+|\b(?:maar|but|en toen|and then)\b/)) {
    const start = nt.norm.indexOf(clause, offset);
    offset = start + clause.length;
    const plain = clause.replace(/[:()"]/g, ' ').replace(/\s+/g, ' ').trim();
    const m = REPORT.exec(plain);
    if (!m) continue;
    if (HYPOTHETICAL.test(plain) || FORWARD.test(plain) || TOPIC.test(plain)) continue;
    // A denial just before the participle: "is niet uitgesteld", "wasn't postponed". A fixed
    // phrase that holds its own "niet" ("gaat niet door") is itself the report.
    const before = plain.slice(0, m.index).split(' ').filter(Boolean).slice(-3).join(' ');
    if (NEGATION.test(before)) continue;
    return text.slice(nt.map[start] ?? 0, nt.map[start + clause.length] ?? text.length).trim();
  }
  return null;
}
