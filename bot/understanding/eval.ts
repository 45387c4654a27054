/**
 * `npm run eval:understand [-- --train | --file path.jsonl] [--errors] [--json] [--cv 5]`
 *
 * Scores the understanding on the held-out corpus (tests/understanding/corpus/test.jsonl) by
 * default; `--train` scores the training corpus (what the model learnt from, so optimistic);
 * `--cv k` runs k-fold cross-validation on the training corpus for the logistic and the
 * naive-Bayes model (how the model was chosen without looking at the test corpus).
 */
import { HospitalIndex, loadReferenceData } from '../data/referenceData.ts';
import { TRAINING_CORPUS, readCorpus, type LabelledUtterance } from './corpus.ts';
import { evaluate, formatReport } from './evaluation.ts';
import { trainLogistic, trainNaiveBayes } from './intentModel.ts';
import { createUnderstanding } from './understand.ts';

const TEST_CORPUS = new URL('../../tests/understanding/corpus/test.jsonl', import.meta.url);

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}
const has = (name: string): boolean => process.argv.includes(name);

function crossValidate(folds: number): void {
  const ref = loadReferenceData();
  const all = readCorpus(TRAINING_CORPUS);
  for (const [name, train] of [['logistic', trainLogistic], ['naive-bayes', trainNaiveBayes]] as const) {
    let right = 0;
    let entTp = 0;
    let entAll = 0;
    const misses: string[] = [];
    for (let f = 0; f < folds; f++) {
      const held: LabelledUtterance[] = all.filter((_, i) => i % folds === f);
      const rest = all.filter((_, i) => i % folds !== f);
      const u = createUnderstanding(ref, { training: rest, train });
      const r = evaluate(u, held);
      right += r.intentAccuracy * held.length;
      entTp += r.entitiesOverall.f1 * held.length;
      entAll += held.length;
      for (const e of r.errors) if (e.field === 'intent') misses.push(`  ${e.gold} → ${e.predicted}: ${e.text}`);
    }
    console.log(`${name}: ${folds}-fold intent accuracy ${(right / all.length).toFixed(3)}, entity F1 ${(entTp / entAll).toFixed(3)}`);
    if (has('--errors')) console.log(misses.join('\n'));
  }
}

function main(): void {
  const folds = arg('--cv');
  if (folds) {
    crossValidate(Number(folds));
    return;
  }
  const file = arg('--file');
  const source = file ? new URL(file, `file://${process.cwd()}/`) : has('--train') ? TRAINING_CORPUS : TEST_CORPUS;
  const corpus = readCorpus(source);
  const started = performance.now();
  const ref = loadReferenceData();
  const understanding = createUnderstanding(ref);
  const loadMs = performance.now() - started;
  const index = new HospitalIndex(ref.hospitals);
  const report = evaluate(understanding, corpus, (name) => index.resolveHospital(name, { fuzzy: false })?.hospital.officialName ?? name);
  if (has('--json')) {
    console.log(JSON.stringify({ ...report, errors: has('--errors') ? report.errors : undefined }, null, 2));
    return;
  }
  console.log(formatReport(report, `${file ?? (has('--train') ? 'train (seen in training)' : 'test (held out)')}`));
  console.log(`\nmodel load and training: ${loadMs.toFixed(0)} ms`);
  if (has('--errors')) {
    console.log('\nerrors:');
    for (const e of report.errors) console.log(`  [${e.field}] gold=${JSON.stringify(e.gold)} got=${JSON.stringify(e.predicted)}  ${e.text}`);
  }
}

main();
