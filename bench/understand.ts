/**
 * `npm run bench:understand [-- --rounds 8]`: throughput and latency of understanding in one
 * process over the labelled corpora (training and held-out), repeated. recognizers-text's
 * share is the time spent inside its calls. Its result cache is emptied before each round so
 * that every round measures text the process has not seen (a real conversation rarely repeats
 * a sentence); model building is reported apart from steady-state figures.
 */
import { loadReferenceData } from '../bot/data/referenceData.ts';
import {
  clearRecognizerCache,
  createUnderstanding,
  readCorpus,
  recognizerStats,
  resetRecognizerStats,
  TRAINING_CORPUS,
  warmUpEnglish,
} from '../bot/understanding/index.ts';

const arg = (name: string, fallback: number): number => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};
const rounds = arg('--rounds', 8);

const texts = [
  ...readCorpus(TRAINING_CORPUS),
  ...readCorpus(new URL('../tests/understanding/corpus/test.jsonl', import.meta.url)),
].map((u) => ({ text: u.text, locale: u.locale }));

let t0 = performance.now();
const understanding = createUnderstanding(loadReferenceData());
const buildMs = performance.now() - t0;
t0 = performance.now();
warmUpEnglish();
const recognizersLoadMs = performance.now() - t0;

// One untimed pass so that the JIT has seen every path.
for (const { text, locale } of texts) understanding.understand(text, locale);

const latencies: number[] = [];
resetRecognizerStats();
const started = performance.now();
for (let r = 0; r < rounds; r++) {
  clearRecognizerCache();
  for (const { text, locale } of texts) {
    const s = performance.now();
    understanding.understand(text, locale);
    latencies.push(performance.now() - s);
  }
}
const totalMs = performance.now() - started;
latencies.sort((a, b) => a - b);
const q = (p: number): number => latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))]!;

const report = {
  utterances: latencies.length,
  distinctTexts: texts.length,
  rounds,
  modelBuildMs: Math.round(buildMs),
  recognizersModelLoadMs: Math.round(recognizersLoadMs),
  utterancesPerSecond: Math.round((latencies.length / totalMs) * 1000),
  p50Ms: Number(q(0.5).toFixed(3)),
  p95Ms: Number(q(0.95).toFixed(3)),
  p99Ms: Number(q(0.99).toFixed(3)),
  maxMs: Number(latencies[latencies.length - 1]!.toFixed(3)),
  recognizers: {
    calls: recognizerStats.calls,
    callsPerUtterance: Number((recognizerStats.calls / latencies.length).toFixed(3)),
    ms: Math.round(recognizerStats.ms),
    shareOfTime: Number((recognizerStats.ms / totalMs).toFixed(3)),
  },
};
console.log(JSON.stringify(report, null, 2));
