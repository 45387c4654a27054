import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { HospitalIndex, loadReferenceData } from '../../bot/data/referenceData.ts';
import { createUnderstanding, readCorpus } from '../../bot/understanding/index.ts';
import { evaluate, type EvaluationReport } from '../../bot/understanding/evaluation.ts';
import { INTENTS } from '../../bot/understanding/types.ts';

// The held-out corpus was written before the module and is never trained on (see README).
const floors = JSON.parse(readFileSync(new URL('./floors.json', import.meta.url), 'utf8')) as {
  intentAccuracy: number;
  intentAccuracyNl: number;
  intentAccuracyEn: number;
  emergencyRecall: number;
  intentF1Min: number;
  entityF1: Record<'specialty' | 'hospital' | 'waitingWeeks' | 'postcode' | 'overall', number>;
};

let report: EvaluationReport;
let buildMs = 0;
beforeAll(() => {
  const ref = loadReferenceData();
  const started = performance.now();
  const understanding = createUnderstanding(ref);
  buildMs = performance.now() - started;
  const index = new HospitalIndex(ref.hospitals);
  const corpus = readCorpus(new URL('./corpus/test.jsonl', import.meta.url));
  report = evaluate(understanding, corpus, (name) => index.resolveHospital(name, { fuzzy: false })?.hospital.officialName ?? name);
});

describe('held-out evaluation stays above its floors', () => {
  it('covers both languages and every intent', () => {
    expect(report.size).toBeGreaterThanOrEqual(250);
    for (const intent of INTENTS) expect(report.perIntent[intent].support, intent).toBeGreaterThanOrEqual(10);
  });
  it('finds every emergency', () => {
    expect(report.emergencyRecall).toBeGreaterThanOrEqual(floors.emergencyRecall);
  });
  it('intent accuracy, overall and per locale', () => {
    expect(report.intentAccuracy).toBeGreaterThanOrEqual(floors.intentAccuracy);
    expect(report.intentAccuracyByLocale.nl).toBeGreaterThanOrEqual(floors.intentAccuracyNl);
    expect(report.intentAccuracyByLocale.en).toBeGreaterThanOrEqual(floors.intentAccuracyEn);
  });
  it.each(INTENTS)('F1 of %s', (intent) => {
    expect(report.perIntent[intent].f1).toBeGreaterThanOrEqual(floors.intentF1Min);
  });
  it.each(['specialty', 'hospital', 'waitingWeeks', 'postcode'] as const)('entity F1 of %s', (key) => {
    expect(report.entities[key].f1).toBeGreaterThanOrEqual(floors.entityF1[key]);
  });
  it('entity F1 overall', () => {
    expect(report.entitiesOverall.f1).toBeGreaterThanOrEqual(floors.entityF1.overall);
  });
  it('builds and trains quickly enough to start with the server', () => {
    // Target < 2 s; the margin absorbs a busy test machine.
    expect(buildMs).toBeLessThan(4000);
  });
});
