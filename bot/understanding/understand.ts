/**
 * Text → intent + entities. `createUnderstanding(ref)` builds everything once (lexicons,
 * hospital index, spelling vocabulary, intent model trained on the shipped corpus); after that
 * `understand()` is a pure function of the text and the page locale.
 *
 * Order of decisions (README, "Tie-breaks"): red flags first and above everything; then the
 * intent model over words, cue classes and found entities.
 */
import { HospitalIndex, type HospitalLocationRecord, type HospitalMention, type HospitalRecord } from '../data/referenceData.ts';
import type { ReferenceData } from '../domain/reference.ts';
import { TRAINING_CORPUS, readCorpus, type LabelledUtterance } from './corpus.ts';
import { CUES, cuesOf } from './cues.ts';
import { detectEmergency } from './emergency.ts';
import { detectWorsening } from './worsening.ts';
import { detectPostponement } from './postponement.ts';
import { trainLogistic, type Example, type IntentClassifier } from './intentModel.ts';
import { detectLanguage } from './language.ts';
import { LEXICON } from './lexicon.ts';
import { parseDate, parseDistanceKm, parseEmail, parsePhone, parsePostcode, parseYesNo } from './slots.ts';
import { SpecialtyMatcher } from './specialty.ts';
import { Vocabulary } from './spelling.ts';
import { normalize, tokenize, type NormalizedText, type Token } from './text.ts';
import type { Entities, EmergencySignal, Locale, Understanding, Understood } from './types.ts';
import { extractWaitingWeeks, mentionsDuration } from './waitingWeeks.ts';

export interface UnderstandingOptions {
  /** Training utterances; defaults to the corpus shipped in bot/understanding/corpus/train.jsonl. */
  training?: LabelledUtterance[];
  /** Alternative model trainer (used by the evaluation to compare models). */
  train?: (examples: Example[]) => IntentClassifier;
}

interface Analysis {
  nt: NormalizedText;
  tokens: Token[];
  words: string[];
  language: Locale;
  emergency: EmergencySignal;
  entities: Entities;
  cues: string[];
  durationMentioned: boolean;
}

const BIRTH = /\b(geboren|geboortedatum|geb|born|birth|dob|birthday|verjaardag)\b/;
const DISTANCE_UNIT = /\b(\d+\s?(km|kms)|km|kms|kilometers?|kilometres?|miles?|mijl)\b/;

// A fuzzy match must rest on a distinctive word: the index once read "het ziekenhuis de
// wachttijd" as "ziekenhuis Ede" (one edit).
const GENERIC = /\b(ziekenhuis|ziekenhuizen|hospital|medisch|centrum|mc|umc|het|de|the|van|sint|st)\b/g;
function trustworthyMention(m: HospitalMention): boolean {
  if (m.score >= 1) return true;
  return normalize(m.text).norm.replace(GENERIC, ' ').replace(/[^a-z]/g, '').length >= 4;
}

function hospitalRecords(ref: ReferenceData): HospitalRecord[] {
  // The loader's records carry location aliases; a plain ReferenceData (tests) gets empty ones.
  return ref.hospitals.map((h) => ({
    ...h,
    specialisms: (h as Partial<HospitalRecord>).specialisms ?? null,
    locations: h.locations.map((l) => ({
      ...l,
      aliases: (l as Partial<HospitalLocationRecord>).aliases ?? [],
      coordinateSource: (l as Partial<HospitalLocationRecord>).coordinateSource ?? 'pc4-centroid',
    })),
  }));
}

function vocabularyFor(ref: ReferenceData, training: LabelledUtterance[]): Vocabulary {
  const counts = new Map<string, number>();
  for (const u of training) for (const t of tokenize(normalize(u.text).norm)) counts.set(t.text, (counts.get(t.text) ?? 0) + 1);
  // Words seen once may be the corpus's own deliberate misspellings; they do not become targets.
  const words = new Set([...counts].filter(([, n]) => n >= 2).map(([w]) => w));
  const addText = (s: string): void => {
    for (const t of tokenize(normalize(s).norm)) words.add(t.text);
  };
  for (const e of LEXICON) for (const f of [...e.nl, ...e.en]) addText(f.replace('*', ''));
  // Everyday words one letter from a domain word that must stay themselves.
  addText('huisarts huisartsen huisartsenpost rugoperatie rugpijn');
  for (const t of ref.treatments) for (const f of [...t.terms.nl, ...t.terms.en]) addText(f);
  for (const s of ref.specialisms) addText(`${s.nameNl} ${s.nameEn}`);
  for (const h of ref.hospitals) addText([h.officialName, ...h.aliases, ...h.locations.map((l) => l.city)].join(' '));
  for (const re of Object.values(CUES)) addText(re.source.replace(/\\w\*|\(\?:|\)|\(\?=| \|\$|\^/g, ' ').replace(/\|/g, ' '));
  return new Vocabulary(words);
}

function lengthBucket(n: number): string {
  return n <= 1 ? 'len:1' : n <= 3 ? 'len:2-3' : n <= 8 ? 'len:4-8' : n <= 20 ? 'len:9-20' : 'len:21+';
}

/**
 * The intent model's features for one analysed message. Word pairs and the first word were
 * tried and dropped: on 5-fold cross-validation of the training corpus they cost 3 to 4
 * points of accuracy (too sparse for a few hundred examples).
 */
function featuresOf(a: Analysis, text: string): string[] {
  const f: string[] = [];
  const { words } = a;
  for (const w of words) {
    f.push(`w:${w}`);
    // The first five letters stand for a word's family: "uitgesteld", "uitstellen"; "postpone", "postponed".
    if (w.length >= 7) f.push(`p:${w.slice(0, 5)}`);
  }
  for (const c of a.cues) f.push(`c:${c}`);
  for (let i = 0; i < a.cues.length; i++) for (let j = i + 1; j < a.cues.length; j++) f.push(`cc:${a.cues[i]}+${a.cues[j]}`);
  if (a.cues.length === 0) f.push('c:none');
  const e = a.entities;
  if (e.specialty) f.push('e:specialty');
  if (e.hospital) f.push('e:hospital');
  if (a.durationMentioned) f.push('e:duration');
  if (e.postcode) f.push('e:postcode');
  if (e.phone || e.email) f.push('e:contact');
  if (a.emergency.kind && a.emergency.negated) f.push('e:denied-red-flag');
  f.push(lengthBucket(words.length));
  if (text.includes('?')) f.push('q');
  return f;
}

const MAX_TEXT = 4000;

const WAIT_FAMILY = new Set(['waiting_time', 'postponed_care', 'treatment_elsewhere']);

// Messages made only of greetings or thanks (and filler) need no model: "hoi allemaal!",
// "ok dank je wel, doei". "dag" greets at the start and says goodbye elsewhere.
const GREETING_WORDS = new Set(['hallo', 'hallootjes', 'hoi', 'hey', 'hee', 'hi', 'hello', 'hiya', 'howdy', 'heey', 'goedemorgen', 'goedemiddag', 'goedenavond', 'goeiemorgen', 'goeiemiddag', 'goeienavond', 'goedendag', 'morning', 'afternoon', 'evening', 'greetings', 'middag', 'morgen', 'avond', 'yo', 'hai', 'haai', 'hallo,']);
const THANKS_WORDS = new Set(['bedankt', 'dank', 'dankjewel', 'dankuwel', 'danku', 'thanks', 'thank', 'thx', 'thnx', 'ty', 'cheers', 'doei', 'daag', 'doeg', 'bye', 'goodbye', 'ziens', 'later', 'fijne', 'nice', 'bedankt!']);
const FILLER_WORDS = new Set(['daar', 'there', 'allemaal', 'all', 'everyone', 'everybody', 'iedereen', 'bot', 'chatbot', 'wachtwijzer', 'ok', 'oke', 'okay', 'okee', 'top', 'super', 'great', 'perfect', 'prima', 'mooi', 'fijn', 'so', 'much', 'a', 'lot', 'heel', 'erg', 'veel', 'voor', 'for', 'de', 'het', 'the', 'je', 'jij', 'u', 'jullie', 'you', 'your', 'hulp', 'help', 'informatie', 'information', 'info', 'wel', 'hartelijk', 'very', 'many', 'tot', 'see', 'good', 'goede', 'dag', 'day', 'have', 'nog', 'verder', 'en', 'and', 'oh', 'ah', 'hee', 'hoor', 'alvast', 'in', 'advance', 'again', 'nogmaals', 'goed', 'nacht', 'night', 'weekend', 'avond', 'middag', 'morgen']);

function pleasantry(words: string[]): 'greeting' | 'thanks_goodbye' | null {
  if (words.length === 0 || words.length > 8) return null;
  let greet = false;
  let thanks = false;
  for (const [i, w] of words.entries()) {
    if (w === 'dag') (i === 0 ? (greet = true) : (thanks = true));
    else if (THANKS_WORDS.has(w)) thanks = true;
    else if (GREETING_WORDS.has(w)) greet = true;
    else if (!FILLER_WORDS.has(w)) return null;
  }
  if (thanks) return 'thanks_goodbye';
  return greet ? 'greeting' : null;
}

/** Builds the understanding module: loads lexicons and indexes, trains the intent model (≈0.2 s). */
export function createUnderstanding(ref: ReferenceData, options: UnderstandingOptions = {}): Understanding & {
  /** Features the model sees (for the evaluation's error analysis). */
  explain(text: string, pageLocale: Locale): { features: string[]; words: string[] };
} {
  const training = options.training ?? readCorpus(TRAINING_CORPUS);
  const hospitals = new HospitalIndex(hospitalRecords(ref));
  const specialties = new SpecialtyMatcher(ref);
  const vocabulary = vocabularyFor(ref, training);

  // Training never needs the resolved number of weeks, only whether a duration is mentioned;
  // skipping recognizers-text there keeps start-up fast.
  const analyze = (text: string, pageLocale: Locale, resolveWeeks = true): Analysis => {
    const nt = normalize(text);
    const tokens = tokenize(nt.norm);
    const words = tokens.map((t) => vocabulary.correct(t.text));
    const language = detectLanguage(words, pageLocale);
    const emergency = detectEmergency(text);
    const specialty = specialties.find(words, tokens, nt, language);
    const mention = hospitals.findHospitalMentions(text).find(trustworthyMention);
    const joined = words.join(' ');
    const entities: Entities = {
      specialty: specialty?.code ?? null,
      specialtyTerm: specialty?.term ?? null,
      careType: specialty?.careType ?? null,
      hospital: mention?.hospital.officialName ?? null,
      waitingWeeks: resolveWeeks ? extractWaitingWeeks(text, nt, tokens, words) : null,
      postcode: parsePostcode(text),
      dateOfBirth: BIRTH.test(joined) ? parseDate(text, language) : null,
      distanceKm: DISTANCE_UNIT.test(joined) ? parseDistanceKm(text, language) : null,
      email: parseEmail(text),
      phone: parsePhone(text),
    };
    return { nt, tokens, words, language, emergency, entities, cues: cuesOf(words), durationMentioned: mentionsDuration(nt, tokens, words) };
  };

  // Emergencies are the red-flag rules' job alone: taught to the model, the word "ik" or "my"
  // pulled ordinary medical questions towards a 112 message.
  const examples: Example[] = training
    .filter((u) => u.intent !== 'emergency')
    .map((u) => ({ intent: u.intent, features: featuresOf(analyze(u.text, u.locale, false), u.text) }));
  const model = (options.train ?? trainLogistic)(examples);

  const understand = (input: string, pageLocale: Locale): Understood => {
    // Chat messages are short; a pasted document is read up to this length so that one
    // message cannot hold the process up (red flags are searched in the whole text).
    const text = input.length > MAX_TEXT ? input.slice(0, MAX_TEXT) : input;
    const a = analyze(text, pageLocale);
    if (text !== input && !a.emergency.kind) a.emergency = detectEmergency(input);
    const base = { language: a.language, entities: a.entities, emergency: a.emergency, worsening: detectWorsening(text), postponement: detectPostponement(text), yesNo: parseYesNo(text) };
    // Red flags win over every other intent (contract); a denied or past one does not.
    if (a.emergency.kind && !a.emergency.negated) return { intent: 'emergency', confidence: 1, ...base };
    if (a.words.length === 0) return { intent: 'out_of_scope', confidence: 1, ...base };
    const onlyPleasantries = pleasantry(a.words);
    if (onlyPleasantries) return { intent: onlyPleasantries, confidence: 0.95, ...base };
    const scores = model.predict(featuresOf(a, text));
    // A question whether waiting or the treatment itself is medically wise is medical advice,
    // however much it talks about waiting ("Is het gevaarlijk om nog 3 maanden te wachten?").
    // Not when a postponement is reported with "what now": "bestraling uitgesteld omdat het
    // apparaat kapot is, wat kan ik doen?" is about the postponement.
    const reportsPostponement = a.cues.includes('POSTPONE') && a.cues.includes('WHAT_NOW');
    if ((a.cues.includes('RISK') || a.cues.includes('DECIDE')) && WAIT_FAMILY.has(scores.intent) && !a.cues.includes('RIGHTS') && !reportsPostponement) {
      return { intent: 'medical_advice', confidence: Math.max(0.6, scores.probabilities.medical_advice), ...base };
    }
    return { intent: scores.intent, confidence: scores.confidence, ...base };
  };

  return {
    understand,
    explain: (text, pageLocale) => {
      const a = analyze(text, pageLocale);
      return { features: featuresOf(a, text), words: a.words };
    },
  };
}
