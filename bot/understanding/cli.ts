/**
 * `npm run --silent understand`: JSON lines on stdin, one JSON line per input line on stdout,
 * in the same order (contracts/understand.md). Models load once. A line that cannot be read
 * (not JSON, no text) still gets its line, with intent "out_of_scope" and an "error" field, so
 * that input and output stay aligned. Only results go to stdout; everything else to stderr.
 */
import { createInterface } from 'node:readline';
import { loadReferenceData } from '../data/referenceData.ts';
import { createUnderstanding } from './understand.ts';
import type { Locale, Understanding } from './types.ts';

interface OutputLine {
  id: string | number | null;
  intent: string;
  entities: { specialty: string | null; hospital: string | null; waitingWeeks: number | null; postcode: string | null };
  error?: string;
}

const NO_ENTITIES = { specialty: null, hospital: null, waitingWeeks: null, postcode: null };

// A truncated or hand-edited line may still carry a readable id.
const ID = /"id"\s*:\s*("(?:[^"\\]|\\.)*"|-?\d+(?:\.\d+)?)/;
function salvageId(line: string): string | number | null {
  const m = ID.exec(line);
  if (!m) return null;
  try {
    const v: unknown = JSON.parse(m[1]!);
    return typeof v === 'string' || typeof v === 'number' ? v : null;
  } catch {
    return null;
  }
}

/** One output line for one input line; never throws. */
export function answerLine(understanding: Understanding, line: string): OutputLine {
  let input: unknown;
  try {
    input = JSON.parse(line);
  } catch {
    return { id: salvageId(line), intent: 'out_of_scope', entities: NO_ENTITIES, error: 'line is not JSON' };
  }
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    return { id: null, intent: 'out_of_scope', entities: NO_ENTITIES, error: 'line is not a JSON object' };
  }
  const record = input as Record<string, unknown>;
  const id = typeof record.id === 'string' || typeof record.id === 'number' ? record.id : null;
  if (typeof record.text !== 'string') {
    return { id, intent: 'out_of_scope', entities: NO_ENTITIES, error: '"text" must be a string' };
  }
  // The page language; anything but "en" is the default Dutch page.
  const locale: Locale = record.locale === 'en' ? 'en' : 'nl';
  try {
    const u = understanding.understand(record.text, locale);
    const { specialty, hospital, waitingWeeks, postcode } = u.entities;
    return { id, intent: u.intent, entities: { specialty, hospital, waitingWeeks, postcode } };
  } catch (err) {
    process.stderr.write(`understand failed for id ${String(id)}: ${err instanceof Error ? err.stack : String(err)}\n`);
    return { id, intent: 'out_of_scope', entities: NO_ENTITIES, error: 'internal error' };
  }
}

async function main(): Promise<void> {
  const started = performance.now();
  const understanding = createUnderstanding(loadReferenceData());
  process.stderr.write(`understanding ready in ${Math.round(performance.now() - started)} ms\n`);

  const rl = createInterface({ input: process.stdin, crlfDelay: Infinity, terminal: false });
  let count = 0;
  for await (const line of rl) {
    const out = `${JSON.stringify(answerLine(understanding, line.replace(/^\uFEFF/, '')))}\n`;
    count++;
    // Respect back-pressure so that thousands of lines stream without piling up in memory.
    if (!process.stdout.write(out)) await new Promise<void>((resolve) => process.stdout.once('drain', resolve));
  }
  process.stderr.write(`${count} lines in ${Math.round(performance.now() - started)} ms\n`);
}

const isMain = process.argv[1] !== undefined && import.meta.url === new URL(`file://${process.argv[1]}`).href;
if (isMain) {
  main().catch((err: unknown) => {
    process.stderr.write(`${err instanceof Error ? err.stack : String(err)}\n`);
    process.exitCode = 1;
  });
}
