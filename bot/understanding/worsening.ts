/**
 * Worsening or alarming complaints that are not acute (domain brief §7.2, "postponed-care
 * specific"): "mijn pijn wordt steeds erger", "de tumor groeit", "ik zie steeds minder". They
 * route to the huisarts, the huisartsenpost out of office hours, or the treating specialist,
 * never to 112, and a mediation case carries the flag "patient reports worsening complaints".
 *
 * A question whether waiting could make things worse ("wordt het erger als ik wacht?") is a
 * request for medical advice, not a report, and is left alone. Acute red flags are the job of
 * emergency.ts, which runs first.
 */
import { normalize } from './text.ts';

const X = (n: number): string => `(?:[a-z0-9'-]+ ){0,${n}}`; // up to n filler words

const COMPLAINT = '(?:pijn|klachten|klacht|hoofdpijn|rugpijn|buikpijn|zicht|gezichtsvermogen|benauwdheid|duizeligheid|jeuk|zwelling|bult|knobbel|tumor|tumour|gezwel|wond|ontsteking|koorts|symptomen|symptoms|pain|complaints|eyesight|sight|vision|swelling|lump|tumor|wound|it|het|alles|mijn knie|mijn heup|mijn rug|my knee|my hip|my back)';

const PATTERNS: RegExp[] = [
  // nl
  new RegExp(`\\b${COMPLAINT} ${X(2)}(?:wordt|worden|werd|werden) ${X(2)}(?:erger|slechter|heviger|groter|ondraaglijk)`),
  new RegExp(`\\b${COMPLAINT} ${X(2)}(?:neemt|nemen) ${X(2)}toe\\b`),
  new RegExp(`\\b(?:tumor|tumour|gezwel|knobbel|bult|kanker|uitzaaiing\\w*) ${X(2)}(?:groeit|groeien|groter|uitgezaaid|verspreidt)`),
  /\b(?:uitgezaaid|uitzaaiingen gekregen)\b/,
  /\b(?:zie|ziet) (?:[a-z]+ ){0,2}(?:steeds|elke dag|iedere dag) (?:minder|slechter|waziger)\b/,
  /\b(?:kan|kun|kunt|kon) (?:[a-z'-]+ ){0,3}niet meer (?:lopen|eten|slapen|staan|zitten|werken|slikken|plassen|fietsen|traplopen)\b/,
  /\b(?:loop|loopt|slaap|eet|zie|hoor|ga|gaat) (?:[a-z]+ ){0,2}(?:steeds|elke dag|iedere dag|alsmaar) (?:slechter|minder|moeilijker|achteruit)\b/,
  /\b(?:ga|gaat|ging|gaan) (?:[a-z]+ ){0,2}(?:hard|snel|flink|erg|steeds meer) achteruit\b/,
  /\b(?:het gaat|gaat het) (?:[a-z]+ ){0,2}(?:steeds|elke dag|alsmaar) slechter\b/,
  /\b(?:steeds|alsmaar|elke dag|iedere dag) (?:meer|erger) (?:pijn|klachten)\b/,
  /\b(?:klachten|pijn) (?:worden|wordt) snel erger\b/,
  // en
  new RegExp(`\\b${COMPLAINT} ${X(2)}(?:is|are|keeps|keep|has been|have been|'s|seems|seem) ${X(1)}(?:getting|growing|becoming) ${X(1)}(?:worse|bigger|unbearable)`),
  new RegExp(`\\b${COMPLAINT} ${X(2)}(?:got|gets|get|getting|grew|grown|growing) (?:a lot |much |even )?(?:worse|bigger)`),
  /\b(?:tumou?r|lump|cancer|growth) (?:[a-z']+ ){0,2}(?:is growing|has grown|grows|is spreading|has spread|getting bigger)\b/,
  /\b(?:can|could) (?:[a-z']+ ){0,2}(?:see|hear|walk|eat) (?:less and less|worse and worse)\b/,
  /\b(?:can't|cant|cannot|can no longer|no longer able to) (?:walk|eat|sleep|stand|swallow|work) (?:any ?more|anymore|at all)\b/,
  /\bcan no longer (?:walk|eat|sleep|stand|swallow|see|work)\b/,
  /\b(?:worsening|deteriorating|going downhill|getting worse and worse|worse every day|worse by the day)\b/,
  /\b(?:symptoms|complaints|pain) (?:are |is )?(?:worsening|increasing)\b/,
];

// A hypothetical or a question about the future is not a report: "wordt het erger als ik wacht?",
// "will it get worse if I wait?", "kan mijn staar erger worden?".
const HYPOTHETICAL = /\b(als ik|als we|als het|wanneer ik|indien|zou|zal het|kan het|kan mijn|kunnen mijn|if i|if we|if it|will it|will my|would it|could it|can it|might|bang dat|afraid that|worried that)\b/;

/** The phrase that reports worsening complaints, as the patient wrote it, or null. Pure. */
export function detectWorsening(text: string): string | null {
  const nt = normalize(text);
  // Clause by clause, so a hypothetical in one sentence does not hide a report in the next.
  const clauses = nt.norm.split(/[.!?;\n]+/);
  let offset = 0;
  for (const clause of clauses) {
    const start = nt.norm.indexOf(clause, offset);
    offset = start + clause.length;
    const plain = clause.replace(/[,:()"]/g, ' ').replace(/\s+/g, ' ');
    if (HYPOTHETICAL.test(plain)) continue;
    for (const re of PATTERNS) {
      const m = re.exec(plain);
      if (m) return text.slice(nt.map[start] ?? 0, nt.map[start + clause.length] ?? text.length).trim();
    }
  }
  return null;
}
