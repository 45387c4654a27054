/**
 * Scores an understanding against labelled utterances: intent accuracy (overall and per
 * locale), per-intent precision and recall, emergency recall, and per-entity precision, recall
 * and F1 (a prediction counts only when it equals the gold value; a wrong value is both a false
 * positive and a false negative). Shared by `npm run eval:understand` and the floor test.
 */
import type { LabelledUtterance } from './corpus.ts';
import { INTENTS, type Intent, type Understanding } from './types.ts';

const ENTITY_KEYS = ['specialty', 'hospital', 'waitingWeeks', 'postcode'] as const;
export type EntityKey = (typeof ENTITY_KEYS)[number];

export interface PRF {
  precision: number;
  recall: number;
  f1: number;
  support: number;
}

export interface EvaluationReport {
  size: number;
  intentAccuracy: number;
  intentAccuracyByLocale: Record<'nl' | 'en', number>;
  perIntent: Record<Intent, PRF>;
  emergencyRecall: number;
  entities: Record<EntityKey, PRF>;
  entitiesOverall: PRF;
  errors: Array<{ id: string; text: string; field: string; gold: unknown; predicted: unknown }>;
}

function prf(tp: number, fp: number, fn: number): PRF {
  const precision = tp + fp === 0 ? 1 : tp / (tp + fp);
  const recall = tp + fn === 0 ? 1 : tp / (tp + fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1, support: tp + fn };
}

/**
 * `canonicalHospital` maps a gold hospital name to the reference data's current official name
 * (the contract's definition), so that a renamed hospital or an alias in a label is compared
 * as the hospital it names.
 */
export function evaluate(
  understanding: Understanding,
  corpus: LabelledUtterance[],
  canonicalHospital: (name: string) => string = (name) => name,
): EvaluationReport {
  const intentCounts = new Map<Intent, { tp: number; fp: number; fn: number }>(INTENTS.map((i) => [i, { tp: 0, fp: 0, fn: 0 }]));
  const entityCounts = new Map<EntityKey, { tp: number; fp: number; fn: number }>(ENTITY_KEYS.map((k) => [k, { tp: 0, fp: 0, fn: 0 }]));
  const byLocale = { nl: { right: 0, all: 0 }, en: { right: 0, all: 0 } };
  let right = 0;
  let emergencies = 0;
  let emergenciesFound = 0;
  const errors: EvaluationReport['errors'] = [];

  for (const u of corpus) {
    const got = understanding.understand(u.text, u.locale);
    byLocale[u.locale].all++;
    if (got.intent === u.intent) {
      right++;
      byLocale[u.locale].right++;
      intentCounts.get(u.intent)!.tp++;
    } else {
      intentCounts.get(got.intent)!.fp++;
      intentCounts.get(u.intent)!.fn++;
      errors.push({ id: u.id, text: u.text, field: 'intent', gold: u.intent, predicted: got.intent });
    }
    if (u.intent === 'emergency') {
      emergencies++;
      if (got.intent === 'emergency') emergenciesFound++;
    }
    for (const key of ENTITY_KEYS) {
      const gold = key === 'hospital' && u.entities.hospital !== null ? canonicalHospital(u.entities.hospital) : u.entities[key];
      const predicted = got.entities[key];
      const c = entityCounts.get(key)!;
      if (predicted === null && gold === null) continue;
      if (predicted !== null && predicted === gold) c.tp++;
      else {
        if (predicted !== null) c.fp++;
        if (gold !== null) c.fn++;
        errors.push({ id: u.id, text: u.text, field: key, gold, predicted });
      }
    }
  }
  const perIntent = {} as Record<Intent, PRF>;
  for (const [k, c] of intentCounts) perIntent[k] = prf(c.tp, c.fp, c.fn);
  const entities = {} as Record<EntityKey, PRF>;
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const [k, c] of entityCounts) {
    entities[k] = prf(c.tp, c.fp, c.fn);
    tp += c.tp;
    fp += c.fp;
    fn += c.fn;
  }
  const ratio = (a: number, b: number): number => (b === 0 ? 1 : a / b);
  return {
    size: corpus.length,
    intentAccuracy: ratio(right, corpus.length),
    intentAccuracyByLocale: { nl: ratio(byLocale.nl.right, byLocale.nl.all), en: ratio(byLocale.en.right, byLocale.en.all) },
    perIntent,
    emergencyRecall: ratio(emergenciesFound, emergencies),
    entities,
    entitiesOverall: prf(tp, fp, fn),
    errors,
  };
}

const pct = (x: number): string => x.toFixed(3);

/** A plain-text table of the report, for the terminal and the README. */
export function formatReport(r: EvaluationReport, title: string): string {
  const lines: string[] = [];
  lines.push(`${title}: ${r.size} utterances`);
  lines.push(`intent accuracy ${pct(r.intentAccuracy)}  (nl ${pct(r.intentAccuracyByLocale.nl)}, en ${pct(r.intentAccuracyByLocale.en)})`);
  lines.push(`emergency recall ${pct(r.emergencyRecall)}`);
  lines.push('');
  lines.push('intent                precision  recall    f1   support');
  for (const i of INTENTS) {
    const p = r.perIntent[i];
    lines.push(`${i.padEnd(21)} ${pct(p.precision).padStart(9)} ${pct(p.recall).padStart(7)} ${pct(p.f1).padStart(6)} ${String(p.support).padStart(8)}`);
  }
  lines.push('');
  lines.push('entity                precision  recall    f1   support');
  for (const [k, p] of [...Object.entries(r.entities), ['overall', r.entitiesOverall] as const]) {
    lines.push(`${k.padEnd(21)} ${pct(p.precision).padStart(9)} ${pct(p.recall).padStart(7)} ${pct(p.f1).padStart(6)} ${String(p.support).padStart(8)}`);
  }
  return lines.join('\n');
}
