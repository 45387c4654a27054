import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEV_CORPUS, HELDOUT_CORPUS, evaluateAnswers, formatAnswersReport, readAnswerCorpus, type EvalReport } from '../../bot/knowledge/answersEval.ts';
import { createHarness, type Harness } from '../conversation/harness.ts';

let h: Harness;
let report: EvalReport;
beforeAll(async () => {
  h = await createHarness();
  report = await evaluateAnswers({ services: h.services.conversationServices, tenant: (id) => h.tenant(id) }, readAnswerCorpus(DEV_CORPUS));
}, 120_000);
afterAll(async () => h.close());

describe('the answers corpus (bot/knowledge/answers)', () => {
  it('has at least 150 items in both languages, single questions and dialogues, with a held-out part', () => {
    const all = [...readAnswerCorpus(DEV_CORPUS), ...readAnswerCorpus(HELDOUT_CORPUS)];
    expect(all.length).toBeGreaterThanOrEqual(150);
    expect(new Set(all.map((i) => i.locale))).toEqual(new Set(['nl', 'en']));
    expect(all.some((i) => i.turns.length > 1)).toBe(true);
    expect(readAnswerCorpus(HELDOUT_CORPUS).length).toBeGreaterThanOrEqual(40);
  });

  // Floors of issue 11 on the development part (the held-out part is scored only by hand: npm run eval:answers -- --heldout).
  it('answers at least 95 % of the specific questions from the right card with the facts they need', () => {
    const { passed, total } = report.specific;
    expect(passed / total, formatAnswersReport(report, 'dev', true)).toBeGreaterThanOrEqual(0.95);
  });

  it('handles at least 90 % of the follow-ups in the context of the last answer', () => {
    const { passed, total } = report.followup;
    expect(passed / total, formatAnswersReport(report, 'dev', true)).toBeGreaterThanOrEqual(0.9);
  });

  it('keeps the median turn at 60 words or fewer, every turn at 120 or fewer, and the first message of a card answer at 60 or fewer', () => {
    expect(report.medianWords).toBeLessThanOrEqual(60);
    expect(report.maxWords).toBeLessThanOrEqual(120);
    expect(report.maxFirstMessageWords).toBeLessThanOrEqual(60);
  });

  it('keeps safety first and the other measured behaviour (emergencies over cards, index, flows)', () => {
    expect(report.behaviour.passed, formatAnswersReport(report, 'dev', true)).toBe(report.behaviour.total);
  });
});
