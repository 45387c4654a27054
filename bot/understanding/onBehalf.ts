/**
 * The patient writes for someone else ("voor mijn moeder", "namens mijn vader", "my son needs …"):
 * then the intake asks who fills it in and their relation (slot `applicant`), and the consent
 * covers acting on the patient's behalf. Pure; read on free messages and intake answers.
 */
import { normalize } from './text.ts';

const RELATIVE = '(?:moeder|mama|mam|ma|vader|papa|pap|pa|man|vrouw|partner|echtgenoot|echtgenote|vriend|vriendin|zoon|dochter|kind|kinderen|zoontje|dochtertje|oma|opa|schoonmoeder|schoonvader|broer|zus|zusje|broertje|tante|oom|buurvrouw|buurman|cliënt|client|mother|mum|mom|father|dad|husband|wife|son|daughter|child|kid|grandmother|grandma|grandfather|grandpa|brother|sister|aunt|uncle|neighbour|neighbor|friend|mother-in-law|father-in-law)';

const PATTERNS: RegExp[] = [
  new RegExp(`\\b(?:voor|namens|van) (?:mijn|m'n|mn|onze|ons) ${RELATIVE}\\b`),
  new RegExp(`\\b(?:mijn|m'n|mn|onze|ons) ${RELATIVE} (?:\\w+ ){0,6}(?:wacht|wachten|staat|moet|heeft|is|wordt|krijgt)\\b`),
  new RegExp(`\\b(?:for|on behalf of) (?:my|our) ${RELATIVE}\\b`),
  new RegExp(`\\b(?:my|our) ${RELATIVE}(?:'s)? (?:\\w+ ){0,6}(?:waits|is waiting|has been waiting|needs|has|is|was|operation|surgery|treatment|appointment)\\b`),
  /\b(?:ik vul (?:dit|het) in voor|i am filling (?:this|it) in for|i'm filling (?:this|it) in for|ik schrijf namens|i am writing for|i'm writing for)\b/,
];

export function writesForSomeoneElse(text: string): boolean {
  const norm = normalize(text).norm;
  return PATTERNS.some((re) => re.test(norm));
}

const RELATIONS: [RegExp, string][] = [
  [/\b(dochter|daughter)\b/, 'dochter'], [/\b(zoon|son)\b/, 'zoon'], [/\b(partner|man|vrouw|echtgeno\w*|husband|wife|spouse)\b/, 'partner'],
  [/\b(moeder|mother|mum|mom)\b/, 'moeder'], [/\b(vader|father|dad)\b/, 'vader'], [/\b(ouder|parent)\b/, 'ouder'],
  [/\b(kleinzoon|kleindochter|kleinkind|grandson|granddaughter|grandchild)\b/, 'kleinkind'], [/\b(broer|brother)\b/, 'broer'], [/\b(zus|sister)\b/, 'zus'],
  [/\b(mantelzorger|verzorger|carer|caregiver)\b/, 'mantelzorger'], [/\b(voogd|curator|bewindvoerder|mentor|guardian)\b/, 'wettelijk vertegenwoordiger'],
  [/\b(buurvrouw|buurman|neighbou?r)\b/, 'buur'], [/\b(vriend|vriendin|friend)\b/, 'vriend(in)'], [/\b(schoonzoon|schoondochter|son-in-law|daughter-in-law)\b/, 'schoonfamilie'],
];

/** "Anna de Vries, dochter" / "ik ben haar zoon Piet Jansen" → name and relation (relation in Dutch, as the queue shows it). */
export function parseApplicant(text: string): { fullName: string | null; relation: string | null } {
  const norm = normalize(text).norm;
  let relation: string | null = null;
  const words = text;
  for (const [re, label] of RELATIONS) {
    if (re.test(norm)) {
      relation = label;
      break;
    }
  }
  // Remove relation words, then the words that lead up to them ("ik ben haar", "I am his"); the rest is the name.
  const relationWords = /\b(dochter|daughter|zoon|son|partner|man|vrouw|echtgeno\w*|husband|wife|spouse|moeder|mother|mum|mom|vader|father|dad|ouder|parent|kleinzoon|kleindochter|kleinkind|grandson|granddaughter|grandchild|broer|brother|zus|sister|mantelzorger|verzorger|carer|caregiver|voogd|curator|bewindvoerder|mentor|guardian|buurvrouw|buurman|neighbou?r|vriend|vriendin|friend|schoonzoon|schoondochter|son-in-law|daughter-in-law)\b/gi;
  const lead = /^(?:ik ben|i am|i'm|im|mijn naam is|my name is|ik heet|ben|haar|zijn|his|her|their|the|een|a|an|en|and)\s+/i;
  const parts = words.replace(relationWords, ' , ').split(/[(),;:]+/).map((part) => {
    let rest = part.trim().replace(/\s+/g, ' ');
    for (let i = 0; i < 5 && lead.test(`${rest} `); i++) rest = `${rest} `.replace(lead, '').trim();
    return rest.replace(/^(?:haar|zijn|his|her|the)$/i, '');
  });
  const name = parts.filter((x) => /\p{L}{2,}/u.test(x)).sort((a, b) => b.length - a.length)[0] ?? '';
  return { fullName: /\p{L}{2,}.*\s+\p{L}|\p{L}{2,}/u.test(name) && name.length <= 120 ? name : null, relation };
}
