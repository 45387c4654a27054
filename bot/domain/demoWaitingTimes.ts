/**
 * Demo waiting times: plausible, deterministic, clearly fake. Used when no real figures are
 * loaded (demo tenants, benchmarks, tests). Every row says isDemo and names itself as demo data.
 *
 * Medians follow one NZa Zorgbeeld pull reported in the domain brief (§4.1: outpatient ≈ 28
 * days, diagnostics ≈ 15, treatment ≈ 40); the spread is wide enough that a fair share of
 * rows exceed the Treeknorm, as real data does.
 */
import type { CareType, Hospital, Specialism } from './reference.ts';
import type { WaitingTimeFigure } from './alternatives.ts';

/** The source text on every demo row. */
export const DEMO_SOURCE = 'Demo data (generated, not real)';

/** A hospital that may list its own specialisms (categorical hospitals and ZBCs). */
export type ScopedHospital = Hospital & { specialisms?: readonly string[] | null };

/** Options for generateDemoWaitingTimes. */
export interface DemoOptions {
  seed: number | string;
  /** Measurement date on every row, YYYY-MM-DD. */
  measuredAt: string;
  /** Share of rows without a figure ("insufficient observations"); default 0.03. */
  insufficientShare?: number;
  /** "all": every location offers every specialism given, for load tests; default "realistic". */
  scope?: 'realistic' | 'all';
}

/** What a general hospital usually offers (demo data); UMCs get every specialism given. */
export const COMMON_SPECIALISMS: readonly string[] = [
  '0301', '0302', '0303', '0304', '0305', '0306', '0307', '0310', '0313', '0316', '0318', '0320', '0322', '0324', '0330', '0335', '0362', '0389',
];

const MEDIAN_DAYS: Readonly<Record<'outpatient' | 'diagnostics' | 'treatment', number>> = { outpatient: 28, diagnostics: 15, treatment: 40 };

// Longer queues where patients typically wait longer (eye care, orthopaedics, dermatology,
// pain clinics); shorter in paediatrics and internal medicine. Demo flavour, not data.
const SPECIALISM_FACTOR: Readonly<Record<string, number>> = {
  '0301': 1.5, '0302': 1.1, '0304': 1.6, '0305': 1.4, '0306': 1.1, '0307': 0.9, '0308': 1.3, '0310': 1.3, '0313': 0.8,
  '0316': 0.7, '0318': 1.2, '0320': 0.9, '0322': 0.8, '0324': 1.1, '0328': 0.8, '0330': 1.3, '0362': 0.8, '0389': 1.5,
};

// Radiology is imaging: only a diagnostics wait.
const CARE_TYPES_OF: Readonly<Record<string, readonly CareType[]>> = { '0362': ['diagnostics'] };
const DEFAULT_CARE_TYPES: readonly CareType[] = ['outpatient', 'diagnostics', 'treatment'];

/** mulberry32: a small, fast, well-mixed 32-bit PRNG; enough for demo data. */
/** A small seeded PRNG (mulberry32): the same seed gives the same numbers on every machine. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function hashSeed(seed: number | string): number {
  const text = String(seed);
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return h >>> 0;
}

function gaussian(random: () => number): number {
  // Box-Muller; 1 - random() keeps the logarithm away from 0.
  return Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
}

/**
 * Deterministic demo waiting times in days for every location × specialism × care type:
 * general hospitals get COMMON_SPECIALISMS, UMCs every specialism given, categorical hospitals
 * and ZBCs only their own (unless scope is "all").
 */
export function generateDemoWaitingTimes(
  hospitals: readonly ScopedHospital[],
  specialisms: readonly (Specialism | string)[],
  options: DemoOptions,
): WaitingTimeFigure[] {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(options.measuredAt)) throw new RangeError(`measuredAt must be YYYY-MM-DD, got ${options.measuredAt}`);
  const known = specialisms.map((s) => (typeof s === 'string' ? s : s.code));
  const knownSet = new Set(known);
  const common = COMMON_SPECIALISMS.filter((c) => knownSet.has(c));
  const insufficientShare = options.insufficientShare ?? 0.03;
  const random = mulberry32(hashSeed(options.seed));
  const rows: WaitingTimeFigure[] = [];

  for (const hospital of hospitals) {
    const offered =
      options.scope === 'all' || hospital.kind === 'umc'
        ? known
        : hospital.specialisms
          ? hospital.specialisms.filter((c) => knownSet.has(c))
          : common;
    // Some hospitals are busier than others across the board.
    const hospitalFactor = Math.exp(0.25 * gaussian(random));
    for (const location of hospital.locations) {
      for (const code of offered) {
        for (const careType of CARE_TYPES_OF[code] ?? DEFAULT_CARE_TYPES) {
          const noise = Math.exp(0.4 * gaussian(random));
          const insufficient = random() < insufficientShare;
          const median = MEDIAN_DAYS[careType as keyof typeof MEDIAN_DAYS];
          const days = Math.min(300, Math.max(2, Math.round(median * (SPECIALISM_FACTOR[code] ?? 1) * hospitalFactor * noise)));
          rows.push({
            locationId: location.id,
            specialismCode: code,
            careType,
            days: insufficient ? null : days,
            insufficient,
            measuredAt: options.measuredAt,
            source: DEMO_SOURCE,
            isDemo: true,
          });
        }
      }
    }
  }
  return rows;
}
