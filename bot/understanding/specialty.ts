/**
 * Which specialism a message is about: named directly ("orthopedie"), through a doctor
 * ("de oogarts"), or through a treatment or condition ("staaroperatie", "nieuwe heup"),
 * from reference/treatments.json, the specialism names, and the built-in lexicon.
 *
 * Body parts and symptoms ("knie", "heuppijn", "hoofdpijn") are weak: they name a specialism
 * only next to a procedure ("knieoperatie", "hip surgery") or in a message about waiting or
 * treatment, because "mijn knie is opgezwollen, moet ik koelen?" is a medical question, not
 * one about orthopaedics. When several specialisms are named, a strong term beats a weak one
 * and the first strong term wins; within its specialism the most specific term gives the
 * treatment ("oogoperatie (staar)" is the cataract operation, not the first eye word's group).
 */
import { distance } from 'fastest-levenshtein';
import type { CareType, ReferenceData } from '../domain/reference.ts';
import { LEXICON, PROCEDURE_TAILS, PROCEDURE_WORDS, SIDE_PREFIXES } from './lexicon.ts';
import { tokenize, type NormalizedText, type Token } from './text.ts';
import type { Locale, SpecialtyTermMatch } from './types.ts';

interface Term {
  words: string[];
  /** Last word matches as a prefix of a compound. */
  prefix: boolean;
  code: string;
  id: string;
  label: { nl: string; en: string };
  careType: CareType | null;
  lang: Locale;
  weak: boolean;
  /** Reference data wins over the built-in lexicon when both know a form. */
  fromReference: boolean;
  /**
   * A specialism's name, or a built-in word that covers several conditions ("oogoperatie",
   * "netvlies"): it names the specialism but not the treatment, so a specific treatment named in
   * the same message ("oogoperatie (staar)") gives the treatment, and its label is the patient's word.
   */
  generic: boolean;
}

export interface SpecialtyMatch {
  code: string;
  term: SpecialtyTermMatch;
  careType: CareType | null;
  start: number; // token index
  end: number; // token index, exclusive
  weak: boolean;
  generic: boolean;
}

// Single words that are body parts or organs: weak even when reference data lists them.
const WEAK_WORDS = new Set([
  'knie', 'knieen', 'heup', 'heupen', 'schouder', 'schouders', 'knee', 'knees', 'hip', 'hips', 'shoulder', 'shoulders',
  'oog', 'ogen', 'eye', 'eyes', 'huid', 'skin', 'macula', 'schildklier', 'thyroid', 'baarmoeder', 'bijholten', 'moedervlek',
  'moedervlekken', 'mole', 'moles', 'enkel', 'rug', 'back', 'voet', 'pols', 'hand', 'allergie', 'allergy',
]);
// Symptom phrases: weak as well ("heuppijn", "hartkloppingen", "hoofdpijn").
const SYMPTOM = /(pijn|pain|klachten|problem|probleem|kloppingen|palpitation|hartslag|heartbeat|maagzuur|heartburn|zuurbranden|vergeetachtig|forgetful|tinteling|slecht horen|slechthorend|hard of hearing|suizen|ringing|hoofdpijn|headache|geheugen|memory|kromme vingers|foto laten maken|plekje|lump|knobbel)/;
// Messages about waiting, treatment or hospitals make a weak term count.
const TREATMENT_CONTEXT = new Set([
  'wacht', 'wachten', 'wachtlijst', 'wachttijd', 'wachttijden', 'wachtlijsten', 'gewacht', 'wait', 'waiting', 'waited', 'list',
  'lijst', 'sneller', 'eerder', 'sooner', 'faster', 'quicker', 'earlier', 'ziekenhuis', 'ziekenhuizen', 'hospital', 'hospitals',
  'kliniek', 'clinic', 'bemiddeling', 'bemiddelen', 'zorgbemiddeling', 'mediation', 'mediate', 'uitgesteld', 'afgezegd',
  'geannuleerd', 'postponed', 'cancelled', 'canceled', 'verzet', 'laten', 'specialist', 'doorverwezen', 'referred', 'verwijzing',
  'referral', 'opname', 'admission', 'opereren', 'geopereerd', 'duren', 'duurt', 'takes', 'take', 'queue',
]);

// Ordinary words one letter from a specialism word ("huisarts" is the GP, not "huidarts").
const NEVER_FUZZY = new Set(['huisarts', 'huisartsen', 'huisartsenpost', 'internet', 'kinderen', 'operatie', 'operaties']);

function normalizeForm(form: string): string[] {
  return tokenize(form.toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/g, '')).map((t) => t.text);
}

export class SpecialtyMatcher {
  private readonly byFirst = new Map<string, Term[]>();
  private readonly prefixTerms: Term[] = [];
  private readonly fuzzyTargets = new Map<number, Array<{ word: string; terms: Term[] }>>();

  constructor(ref: Pick<ReferenceData, 'treatments' | 'specialisms'>) {
    const add = (form: string, t: Omit<Term, 'words' | 'prefix' | 'weak' | 'generic'> & { weak?: boolean; generic?: boolean }): void => {
      const prefix = form.endsWith('*');
      const words = normalizeForm(prefix ? form.slice(0, -1) : form);
      if (words.length === 0) return;
      const joined = words.join(' ');
      const weak = t.weak === true || (words.length === 1 && WEAK_WORDS.has(joined)) || SYMPTOM.test(joined);
      const term: Term = { ...t, words, prefix, weak, generic: t.generic === true };
      const variants = [term];
      // "kno-arts" is also typed "kno arts" and "knoarts"
      if (words.some((w) => w.includes('-'))) {
        variants.push({ ...term, words: words.flatMap((w) => w.split('-')) });
        variants.push({ ...term, words: words.map((w) => w.replace(/-/g, '')) });
      }
      for (const v of variants) {
        if (v.prefix && v.words.length === 1) this.prefixTerms.push(v);
        else {
          const list = this.byFirst.get(v.words[0]!) ?? [];
          list.push(v);
          this.byFirst.set(v.words[0]!, list);
        }
      }
    };
    // The doctors ("oogarts", "orthopeed") are in both lists: they name the specialism, not the treatment.
    const doctors = new Set(LEXICON.filter((e) => !e.label && !e.weak && (e.careType === undefined || e.careType === 'outpatient')).map((e) => e.id));
    for (const t of ref.treatments) {
      for (const lang of ['nl', 'en'] as const) {
        for (const form of t.terms[lang]) add(form, { code: t.specialty, id: t.id, label: t.label, careType: t.careType, lang, fromReference: true, generic: doctors.has(t.id) });
      }
    }
    for (const s of ref.specialisms) {
      const label = { nl: s.nameNl, en: s.nameEn };
      add(s.nameNl.split('(')[0]!.trim(), { code: s.code, id: `specialism-${s.code}`, label, careType: null, lang: 'nl', fromReference: true, generic: true });
      add(s.nameEn.split('(')[0]!.trim(), { code: s.code, id: `specialism-${s.code}`, label, careType: null, lang: 'en', fromReference: true, generic: true });
    }
    for (const e of LEXICON) {
      // Without a label of its own an entry is a group of words (its first form is no name for the
      // others: "oogoperatie" is not "glaucoom"); the match then reports the patient's own word.
      const label = e.label ?? { nl: e.nl[0]!.replace('*', ''), en: e.en[0] ?? e.nl[0]!.replace('*', '') };
      for (const lang of ['nl', 'en'] as const) {
        for (const form of e[lang]) add(form, { code: e.code, id: e.id, label, careType: e.careType ?? null, lang, fromReference: false, weak: e.weak, generic: e.label === undefined });
      }
    }
    // Longest forms first so that "plastische chirurgie" beats "chirurgie".
    for (const list of this.byFirst.values()) list.sort((a, b) => b.words.length - a.words.length || Number(b.fromReference) - Number(a.fromReference));
    this.prefixTerms.sort((a, b) => b.words[0]!.length - a.words[0]!.length);
    for (const [first, list] of this.byFirst) {
      if (first.length < 6) continue;
      const single = list.filter((t) => t.words.length === 1);
      if (single.length === 0) continue;
      const bucket = this.fuzzyTargets.get(first.length) ?? [];
      bucket.push({ word: first, terms: single });
      this.fuzzyTargets.set(first.length, bucket);
    }
  }

  /** Every specialism term in the (corrected) words, in text order. */
  private candidates(words: string[]): Array<{ term: Term; start: number; end: number; compoundProcedure: boolean }> {
    const out: Array<{ term: Term; start: number; end: number; compoundProcedure: boolean }> = [];
    for (let i = 0; i < words.length; i++) {
      const w = words[i]!;
      let found = false;
      for (const term of this.byFirst.get(w) ?? []) {
        if (i + term.words.length > words.length) continue;
        let ok = true;
        for (let k = 1; k < term.words.length; k++) {
          const want = term.words[k]!;
          const got = words[i + k]!;
          if (term.prefix && k === term.words.length - 1 ? !got.startsWith(want) : got !== want) {
            ok = false;
            break;
          }
        }
        if (!ok) continue;
        out.push({ term, start: i, end: i + term.words.length, compoundProcedure: false });
        found = true;
      }
      if (found) continue;
      // Dutch compounds: "staaroperatie", "rechterheup", "knieoperatie"
      const stem = SIDE_PREFIXES.reduce((s, p) => (s.startsWith(p) && s.length > p.length + 2 ? s.slice(p.length) : s), w);
      for (const term of this.prefixTerms) {
        const head = term.words[0]!;
        if (!stem.startsWith(head)) continue;
        const tail = stem.slice(head.length);
        out.push({ term, start: i, end: i + 1, compoundProcedure: PROCEDURE_TAILS.some((p) => tail.startsWith(p) || tail.endsWith(p)) });
        found = true;
        break;
      }
      if (found) continue;
      for (const term of this.byFirst.get(stem) ?? []) {
        if (term.words.length === 1) {
          out.push({ term, start: i, end: i + 1, compoundProcedure: false });
          found = true;
          break;
        }
      }
      if (found || w.length < 6 || NEVER_FUZZY.has(w)) continue;
      // Misspelt doctor or treatment names ("ooogarts", "ophtalmologist")
      const max = w.length >= 10 ? 2 : 1;
      let best: { terms: Term[]; d: number } | null = null;
      for (let len = w.length - max; len <= w.length + max; len++) {
        for (const target of this.fuzzyTargets.get(len) ?? []) {
          // Typing errors rarely hit the first letter; "rugoperatie" is not "oogoperatie".
          if (target.word[0] !== w[0]) continue;
          const d = distance(w, target.word);
          if (d <= max && (!best || d < best.d)) best = { terms: target.terms, d };
        }
      }
      if (best) out.push({ term: best.terms[0]!, start: i, end: i + 1, compoundProcedure: false });
    }
    return out;
  }

  /**
   * The specialism of a message. `words` are the corrected normalised tokens, `nt`/`tokens`
   * the normalised text (for reporting what the patient wrote), `language` the detected one.
   */
  find(words: string[], tokens: Token[], nt: NormalizedText, language: Locale): SpecialtyMatch | null {
    const cands = this.candidates(words);
    if (cands.length === 0) return null;
    const context = words.some((w) => TREATMENT_CONTEXT.has(w) || (PROCEDURE_WORDS.has(w) && w.length > 3) || w.startsWith('wacht') || w.startsWith('wait'));
    const accepted: SpecialtyMatch[] = [];
    for (const c of cands) {
      let weak = c.term.weak && !c.compoundProcedure;
      if (weak) {
        const near = words.slice(Math.max(0, c.start - 3), Math.min(words.length, c.end + 3));
        const before = words[c.start - 1];
        const procedureNear = near.some((w) => PROCEDURE_WORDS.has(w)) || words[c.end] === 'op' && language === 'en';
        if (before === 'nieuwe' || before === 'new' || procedureNear) weak = false;
        else if (!context) continue;
      }
      const from = nt.map[tokens[c.start]!.start]!;
      const to = nt.map[tokens[c.end - 1]!.end - 1]! + 1;
      const matched = nt.original.slice(from, to);
      const ownWord = c.term.generic && !c.term.fromReference;
      accepted.push({
        code: c.term.code,
        term: { id: c.term.id, label: ownWord ? matched.toLowerCase() : c.term.label[language], matched },
        careType: c.term.careType,
        start: c.start,
        end: c.end,
        weak,
        generic: c.term.generic,
      });
    }
    if (accepted.length === 0) return null;
    // Same form known in both languages with different codes ("hernia": nl neurosurgery, en
    // general surgery): prefer the reading in the message's language.
    const byStart = new Map<number, SpecialtyMatch[]>();
    for (const a of accepted) byStart.set(a.start, [...(byStart.get(a.start) ?? []), a]);
    const pickAt = (list: SpecialtyMatch[]): SpecialtyMatch => {
      const idx = cands.findIndex((c) => c.start === list[0]!.start && c.term.lang === language);
      return idx >= 0 ? list.find((m) => m.code === cands[idx]!.term.code) ?? list[0]! : list[0]!;
    };
    const ordered = [...byStart.values()].map(pickAt).sort((a, b) => a.start - b.start);
    const first = ordered.find((m) => !m.weak) ?? ordered[0]!;
    // "oogoperatie (staar)", "de oogarts, voor mijn staar": the specialism of the first term, the
    // treatment of the most specific one.
    if (!first.generic) return first;
    return ordered.find((m) => !m.weak && !m.generic && m.code === first.code) ?? first;
  }
}
