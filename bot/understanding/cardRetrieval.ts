/**
 * Which answer card a patient's message asks for. A nearest-neighbour model over TF-IDF vectors
 * of the cards' example phrasings (both languages), with the intent corpus's action requests
 * ("hoe lang is de wachttijd bij het Radboud", "ik wil hulp van mijn verzekeraar") as competing
 * classes: a message closest to one of those belongs to the intent-level flow, not to a card.
 *
 * Features per message: its words (stop words dropped) and the letter 4-grams of each word, so
 * that Dutch compounds and misspellings ("wachtlijstbemiddeling", "zorgbemidelling") still meet
 * the words of the examples. Scores are cosine similarities (0..1); a card's score is its best
 * example's similarity blended with its centroid's. The thresholds and the blend are chosen on
 * the answers corpus's development part (bot/knowledge/answers/dev.jsonl), never on the held-out part.
 */
import { CARD_CONCEPTS } from './cardConcepts.ts';
import { normalize, tokenize } from './text.ts';
import type { Intent, Locale } from './types.ts';

/** A class the retriever can pick: a card id, or `intent:<name>` for an intent-level flow. */
export type RetrievalClass = string;

export interface RetrievalExample {
  cls: RetrievalClass;
  text: string;
}

export interface Ranked {
  cls: RetrievalClass;
  score: number;
}

export type Retrieval =
  | { kind: 'card'; cardId: string; score: number; ranked: Ranked[] }
  | { kind: 'clarify'; cardIds: string[]; score: number; ranked: Ranked[] }
  | { kind: 'none'; score: number; ranked: Ranked[] };

export interface RetrievalThresholds {
  /** At or above: the card is answered. */
  answer: number;
  /** At or above (and below answer): a clarifying question with the best cards. */
  clarify: number;
  /** The best card must lead the second card by this much to be answered without asking. */
  margin: number;
}

export const DEFAULT_THRESHOLDS: RetrievalThresholds = { answer: 0.38, clarify: 0.28, margin: 0.04 };

/**
 * How much a class's centroid (all its examples together) counts beside its best example. The best
 * example alone lets one shared phrase ("hoe lang mag ... wachten") outweigh the one word that
 * decides ("scan"); the centroid knows which words a card's examples keep coming back to.
 */
const CENTROID_WEIGHT = 0.3;

// Words that say nothing about which question is asked (both languages).
const STOP = new Set(
  (
    'de het een en of van in op te ten ter aan bij voor met om dat die dit deze er is zijn was ben bent wordt worden word ik mij me mijn m mn u uw je jij jou jouw we wij ons onze ze zij hun hem haar hij ' +
    'wat hoe welke welk waarom dan als ook nog wel al maar toch even eens graag alsjeblieft alstublieft hallo hoi beste ' +
    'the a an and or of in on at to for with is are was were be been am i me my mine you your we our they their it its he she his her ' +
    'what how which why then if also still just please hello hi do does did can could would should will shall'
  ).split(' '),
);

// "klasse vier", "class four": the number decides which card, whichever way it is written.
const NUMBER_WORDS: Record<string, string> = { drie: '3', vier: '4', vijf: '5', three: '3', four: '4', five: '5' };

// A concept counts like two words: enough to join synonyms, not enough to outweigh what else is said.
const CONCEPT_WEIGHT = 2;
const CONCEPTS = Object.entries(CARD_CONCEPTS);

function featuresOf(text: string): Map<string, number> {
  const norm = normalize(text).norm;
  const words = tokenize(norm)
    .map((t) => NUMBER_WORDS[t.text] ?? t.text)
    .filter((w) => !STOP.has(w) && /[a-z0-9]/.test(w));
  const f = new Map<string, number>();
  const add = (k: string, w: number) => f.set(k, (f.get(k) ?? 0) + w);
  for (const w of words) {
    // A number carries the meaning ("klasse 5" is not "klasse 3"); words only begin to.
    add(`w:${w}`, /^\d+$/.test(w) ? 2 : 1);
    const padded = `_${w}_`;
    if (padded.length >= 5) for (let i = 0; i + 4 <= padded.length; i++) add(`g:${padded.slice(i, i + 4)}`, 0.35);
  }
  for (const [name, pattern] of CONCEPTS) if (pattern.test(norm)) add(`c:${name}`, CONCEPT_WEIGHT);
  return f;
}

interface Vector {
  ids: Int32Array;
  weights: Float64Array;
}

export class CardRetriever {
  private readonly vocab = new Map<string, number>();
  private readonly maxIdf: number;
  private readonly idf: number[] = [];
  private readonly vectors: { cls: RetrievalClass; v: Vector }[] = [];
  // feature id -> list of (example index, weight): a query touches only examples sharing a feature.
  private readonly postings = new Map<number, { ex: number; w: number }[]>();
  // feature id -> (class index, weight) of the classes' centroids: what all of a card's examples share.
  private readonly centroidPostings = new Map<number, { c: number; w: number }[]>();
  private readonly classes: RetrievalClass[] = [];
  private readonly exampleClass: Int32Array;
  // Scratch space for rank(), reused by every call (retrieval is synchronous).
  private readonly dots: Float64Array;
  private readonly touched: Int32Array;
  private readonly best: Float64Array;
  private readonly centroid: Float64Array;

  constructor(
    examples: RetrievalExample[],
    private readonly thresholds: RetrievalThresholds = DEFAULT_THRESHOLDS,
  ) {
    const raw = examples.map((e) => ({ cls: e.cls, f: featuresOf(e.text) }));
    const df = new Map<string, number>();
    for (const r of raw) for (const k of r.f.keys()) df.set(k, (df.get(k) ?? 0) + 1);
    const n = raw.length;
    this.maxIdf = Math.log(n + 1) + 1;
    for (const [k, d] of df) {
      this.vocab.set(k, this.idf.length);
      this.idf.push(Math.log((n + 1) / (d + 1)) + 1);
    }
    raw.forEach((r, ex) => {
      const v = this.vectorize(r.f);
      this.vectors.push({ cls: r.cls, v });
      v.ids.forEach((id, i) => {
        let list = this.postings.get(id);
        if (!list) this.postings.set(id, (list = []));
        list.push({ ex, w: v.weights[i]! });
      });
    });
    const sums = new Map<RetrievalClass, Map<number, number>>();
    for (const { cls, v } of this.vectors) {
      let sum = sums.get(cls);
      if (!sum) sums.set(cls, (sum = new Map()));
      v.ids.forEach((id, i) => sum!.set(id, (sum!.get(id) ?? 0) + v.weights[i]!));
    }
    const classIndex = new Map<RetrievalClass, number>();
    for (const [cls, sum] of sums) {
      classIndex.set(cls, this.classes.length);
      const c = this.classes.length;
      this.classes.push(cls);
      const norm = Math.sqrt([...sum.values()].reduce((a, w) => a + w * w, 0)) || 1;
      for (const [id, w] of sum) {
        let list = this.centroidPostings.get(id);
        if (!list) this.centroidPostings.set(id, (list = []));
        list.push({ c, w: w / norm });
      }
    }
    this.exampleClass = Int32Array.from(this.vectors.map((v) => classIndex.get(v.cls)!));
    this.dots = new Float64Array(this.vectors.length);
    this.touched = new Int32Array(this.vectors.length);
    this.best = new Float64Array(this.classes.length);
    this.centroid = new Float64Array(this.classes.length);
  }

  private vectorize(f: Map<string, number>): Vector {
    const pairs: [number, number][] = [];
    // Words no example has still count in the length of the message: a message about something
    // no card knows ("privacy" before there was a privacy card) must not match on its one common word.
    let unknown = 0;
    for (const [k, tf] of f) {
      const id = this.vocab.get(k);
      if (id !== undefined) pairs.push([id, (1 + Math.log(tf)) * this.idf[id]!]);
      else unknown += ((1 + Math.log(tf)) * this.maxIdf) ** 2;
    }
    const norm = Math.sqrt(pairs.reduce((s, [, w]) => s + w * w, 0) + unknown) || 1;
    return { ids: Int32Array.from(pairs.map(([id]) => id)), weights: Float64Array.from(pairs.map(([, w]) => w / norm)) };
  }

  /** Every class with its best example's similarity, best first. */
  rank(text: string): Ranked[] {
    const q = this.vectorize(featuresOf(text));
    // Dense scratch arrays instead of maps: a query's features touch most examples through their
    // character n-grams, and this runs on every message.
    const dots = this.dots.fill(0);
    const touched = this.touched;
    let nTouched = 0;
    for (let i = 0; i < q.ids.length; i++) {
      const qw = q.weights[i]!;
      const list = this.postings.get(q.ids[i]!);
      if (!list) continue;
      for (const p of list) {
        if (dots[p.ex] === 0) touched[nTouched++] = p.ex;
        dots[p.ex] = dots[p.ex]! + p.w * qw;
      }
    }
    const best = this.best.fill(0);
    for (let t = 0; t < nTouched; t++) {
      const ex = touched[t]!;
      const c = this.exampleClass[ex]!;
      if (dots[ex]! > best[c]!) best[c] = dots[ex]!;
    }
    const centroid = this.centroid.fill(0);
    for (let i = 0; i < q.ids.length; i++) {
      const qw = q.weights[i]!;
      for (const p of this.centroidPostings.get(q.ids[i]!) ?? []) centroid[p.c] = centroid[p.c]! + p.w * qw;
    }
    const out: Ranked[] = [];
    for (let c = 0; c < this.classes.length; c++) {
      if (best[c]! > 0) out.push({ cls: this.classes[c]!, score: (1 - CENTROID_WEIGHT) * best[c]! + CENTROID_WEIGHT * centroid[c]! });
    }
    return out.sort((a, b) => b.score - a.score || a.cls.localeCompare(b.cls));
  }

  /**
   * The decision: a card when the best class is a card, sure enough and ahead of the next card;
   * a clarifying question with two or three cards when it is less sure; otherwise none (the
   * intent-level flow decides). `allowed` limits the cards to those valid today.
   */
  retrieve(text: string, allowed?: (cardId: string) => boolean): Retrieval {
    const ranked = this.rank(text).filter((r) => r.cls.startsWith('intent:') || !allowed || allowed(r.cls));
    const top = ranked[0];
    if (!top || top.cls.startsWith('intent:')) return { kind: 'none', score: top?.score ?? 0, ranked };
    const cards = ranked.filter((r) => !r.cls.startsWith('intent:'));
    const second = cards[1];
    const flow = ranked.find((r) => r.cls.startsWith('intent:'));
    const { answer, clarify, margin } = this.thresholds;
    // A flow almost as close as the best card: the card is not sure enough to answer alone.
    const flowClose = flow !== undefined && top.score - flow.score < margin;
    if (top.score >= answer && !flowClose && (!second || top.score - second.score >= margin)) return { kind: 'card', cardId: top.cls, score: top.score, ranked };
    if (top.score >= clarify) {
      const close = cards.filter((r) => r.score >= Math.max(clarify, top.score - 0.12)).slice(0, 3).map((r) => r.cls);
      if (close.length === 1) return top.score >= answer && !flowClose ? { kind: 'card', cardId: top.cls, score: top.score, ranked } : { kind: 'clarify', cardIds: cards.slice(0, 2).map((r) => r.cls), score: top.score, ranked };
      return { kind: 'clarify', cardIds: close, score: top.score, ranked };
    }
    return { kind: 'none', score: top.score, ranked };
  }
}

/** The intent corpus's action requests that compete with the cards (rights questions do not: cards answer those). */
export const COMPETING_INTENTS: readonly Intent[] = ['waiting_time', 'postponed_care', 'treatment_elsewhere', 'mediation_request', 'human_agent', 'greeting', 'thanks_goodbye', 'medical_advice'];

export function intentClass(intent: Intent): RetrievalClass {
  return `intent:${intent}`;
}

export type { Locale };
