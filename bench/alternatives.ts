/**
 * Benchmark of the alternatives ranking over the full reference data: every location × every
 * specialism × care type as demo waiting times, then random queries (PC4, specialism, care
 * type, radius). Prints p50/p95/p99 in ms and the data-set size. Target: p95 < 5 ms.
 *
 *   npm run bench:alternatives [-- --queries 5000 --seed 42]
 */
import { loadReferenceData } from '../bot/data/referenceData.ts';
import { AlternativesIndex } from '../bot/domain/alternatives.ts';
import { generateDemoWaitingTimes, mulberry32 } from '../bot/domain/demoWaitingTimes.ts';
import type { CareType } from '../bot/domain/reference.ts';

function argument(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const value = i >= 0 ? Number(process.argv[i + 1]) : fallback;
  if (!Number.isFinite(value) || value <= 0) throw new Error(`--${name} must be a positive number`);
  return value;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

const queries = argument('queries', 5000);
// Same tiny PRNG as the demo data, so a run is repeatable.
const random = mulberry32(argument('seed', 42) >>> 0);
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;

const loadStart = performance.now();
const data = loadReferenceData();
// scope "all": every location × every specialism × care type, the largest data set possible.
const figures = generateDemoWaitingTimes(data.hospitals, data.specialisms, { seed: 'bench', measuredAt: '2026-11-01', scope: 'all' });
const indexStart = performance.now();
const index = new AlternativesIndex(data.hospitals, figures);
const indexMs = performance.now() - indexStart;
const setupMs = performance.now() - loadStart;

const pc4s = [...data.pc4.values()];
const codes = data.specialisms.map((s) => s.code);
const careTypes: CareType[] = ['outpatient', 'diagnostics', 'treatment', 'day_treatment', 'clinical'];
const radii = [5, 10, 25, 50, 100, 300];

// Warm up the JIT so the figures describe steady state, as in a running server.
for (let i = 0; i < 500; i++) index.rank({ specialism: pick(codes), careType: pick(careTypes), origin: pick(pc4s), maxKm: pick(radii) });

const timings: number[] = [];
let results = 0;
for (let i = 0; i < queries; i++) {
  const query = { specialism: pick(codes), careType: pick(careTypes), origin: pick(pc4s), maxKm: pick(radii), currentWaitWeeks: 12 };
  const start = performance.now();
  results += index.rank(query).length;
  timings.push(performance.now() - start);
}
timings.sort((a, b) => a - b);

const locations = data.hospitals.reduce((n, h) => n + h.locations.length, 0);
const fmt = (ms: number) => ms.toFixed(3);
console.log(`data set: ${data.hospitals.length} hospitals, ${locations} locations, ${codes.length} specialisms, ${figures.length} waiting-time rows, ${pc4s.length} PC4 areas`);
console.log(`setup: ${fmt(setupMs)} ms (index build ${fmt(indexMs)} ms)`);
console.log(`queries: ${queries}, mean results per query: ${(results / queries).toFixed(1)}`);
console.log(`latency ms: p50 ${fmt(percentile(timings, 50))}  p95 ${fmt(percentile(timings, 95))}  p99 ${fmt(percentile(timings, 99))}  max ${fmt(timings.at(-1)!)}`);
const p95 = percentile(timings, 95);
console.log(p95 < 5 ? 'p95 within the 5 ms target' : 'p95 ABOVE the 5 ms target');
process.exitCode = p95 < 5 ? 0 : 1;
