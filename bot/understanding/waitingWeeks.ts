/**
 * How many weeks a patient says they have waited or were told to wait. Durations come from the
 * Dutch/neutral layer (dutchDurations.ts) and, for English number words, recognizers-text
 * (english.ts); both are recognizers-text results, converted to weeks through their timex.
 *
 * A duration counts only as a wait: not an age ("ik ben 70 jaar", "I'm 70 years old"), not a
 * frequency ("2 dagen per week", "twice a week"), not how long a symptom has lasted ("I've had
 * a rash for a week"), not a norm ("binnen 4 weken"), and not an event in the past ("3 maanden
 * geleden") unless the same clause is about waiting or a referral.
 */
import { findDurations, weeksFromTimex, weeksOf } from './dutchDurations.ts';
import { englishDurations } from './english.ts';
import { clauseIndex, type NormalizedText, type Token } from './text.ts';

interface Candidate {
  weeks: number;
  first: number; // token index
  last: number;
}

const AGE_BEFORE = new Set(['ben', 'am', "i'm", 'im', 'aged', 'age', 'van', 'is', 'was', 'leeftijd', 'turned', 'werd', 'word']);
const AGE_AFTER = new Set(['oud', 'old', 'jarige', 'oude']);
const FREQUENCY_BEFORE = new Set(['per', 'keer', 'times', 'twice', 'once', 'elke', 'iedere', 'every', 'each', 'maal']);
const NORM_BEFORE = new Set(['binnen', 'within']);
const PAST_AFTER = new Set(['geleden', 'ago', 'terug']);
const SYMPTOM_WORDS = /^(pijn|last|klachten|klacht|pain|hurts|hurting|rash|uitslag|hoest|hoesten|coughing|cough|symptoms|symptomen|ziek|sick|hoofdpijn|headache|koorts|fever|jeuk|itch|itching|moe|tired|duizelig|dizzy|slapeloosheid)$/;
const WAIT_WORDS = /^(wacht\w*|gewacht|wait\w*|lijst|wachtlijst|list|duurt|duren|takes|take|verwezen|doorverwezen|aangemeld|referred|verwijzing|referral|uitgesteld|postponed|plek|room|zegt|zeggen|zei|gezegd|says|said|told|over|nog|more|another|sinds|since|for|al|already|nu|now|pas|until|tot)$/;
const NORM_WORDS = /^(treeknorm\w*|norm|normen|maximum|maximaal|maximale|wettelijk\w*|legal|allowed|toegestaan)$/;

/** Waiting weeks in a message, or null. `words` are the corrected tokens of `nt`. */
export function extractWaitingWeeks(text: string, nt: NormalizedText, tokens: Token[], words: string[]): number | null {
  const candidates: Candidate[] = findDurations(nt, tokens).map((d) => ({ weeks: weeksOf(d.value, d.unit), first: d.first, last: d.last, unit: d.unit })).filter((c) => !isAge(words, c.first, c.last, c.unit));
  if (hasEnglishUnit(words)) {
    for (const r of englishDurations(text)) {
      const tx = r.resolution.values[0]?.timex;
      const weeks = tx ? weeksFromTimex(tx) : null;
      if (weeks === null) continue;
      const first = tokens.findIndex((t) => nt.map[t.end - 1]! >= r.start);
      let last = first;
      while (last + 1 < tokens.length && nt.map[tokens[last + 1]!.start]! <= r.end) last++;
      if (first < 0 || candidates.some((c) => c.first <= last && first <= c.last)) continue;
      if (isAge(words, first, last, tx!.endsWith('Y') ? 'Y' : 'W')) continue;
      candidates.push({ weeks, first, last });
    }
    candidates.sort((a, b) => a.first - b.first);
  }
  if (candidates.length === 0) return null;

  const clauses = clauseIndex(nt.norm, tokens);
  const clauseWords = (c: Candidate): string[] => words.filter((_, i) => clauses[i] === clauses[c.first]);
  const passing: Array<Candidate & { cue: boolean }> = [];
  for (const c of candidates) {
    // "a day", "two days": under half a week is not a waiting time anyone reports in weeks
    if (c.weeks < 1) continue;
    const before = words.slice(Math.max(0, c.first - 2), c.first);
    const prev = before[before.length - 1] ?? '';
    const next = words[c.last + 1] ?? '';
    if (FREQUENCY_BEFORE.has(prev) || next === 'per' || (next === 'a' && words[c.last + 2] === 'week')) continue;
    if (NORM_BEFORE.has(prev)) continue;
    const clause = clauseWords(c);
    const cue = clause.some((w) => WAIT_WORDS.test(w)) || before.some((w) => WAIT_WORDS.test(w));
    const strongWait = clause.some((w) => /^(wacht\w*|gewacht|wait\w*|lijst|wachtlijst|list|verwezen|doorverwezen|referred|aangemeld)$/.test(w));
    if (PAST_AFTER.has(next) && !strongWait) continue;
    if (clause.some((w) => SYMPTOM_WORDS.test(w)) && !strongWait) continue;
    if (clause.some((w) => NORM_WORDS.test(w)) && !before.some((w) => /^(al|already|for|sinds|since|nu|now)$/.test(w)) && !strongWait) continue;
    passing.push({ ...c, cue });
  }
  const best = passing.find((c) => c.cue) ?? passing[0];
  return best ? best.weeks : null;
}

function isAge(words: string[], first: number, last: number, unit: string): boolean {
  if (unit !== 'Y') return false;
  const prev = words[first - 1] ?? '';
  const next = words[last + 1] ?? '';
  return AGE_AFTER.has(next) || (AGE_BEFORE.has(prev) && words[first - 1] !== 'al') || /-jarige?$/.test(words[last] ?? '');
}

const EN_UNIT = /^(days?|weeks?|months?|years?|fortnights?)$/;
function hasEnglishUnit(words: string[]): boolean {
  return words.some((w) => EN_UNIT.test(w));
}

const EN_NUMBER_BEFORE_UNIT = /^(a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|half|several|few|couple)$/;

/** Whether the message mentions a duration at all (cheap; no recognizers-text), for the intent model's features. */
export function mentionsDuration(nt: NormalizedText, tokens: Token[], words: string[]): boolean {
  if (findDurations(nt, tokens).length > 0) return true;
  return words.some((w, i) => EN_UNIT.test(w) && words.slice(Math.max(0, i - 3), i).some((p) => EN_NUMBER_BEFORE_UNIT.test(p)));
}
