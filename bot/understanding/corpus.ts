/**
 * Labelled utterances (JSON lines). Two shapes are read: ours, `{id, text, locale, intent,
 * entities: {specialty, hospital, waitingWeeks, postcode}}`, and the shared sample's, where
 * intent and entities sit together under `gold`.
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { INTENTS, type Intent, type Locale } from './types.ts';

export interface GoldEntities {
  specialty: string | null;
  hospital: string | null;
  waitingWeeks: number | null;
  postcode: string | null;
}

export interface LabelledUtterance {
  id: string;
  text: string;
  locale: Locale;
  intent: Intent;
  entities: GoldEntities;
}

const entities = z.object({
  specialty: z.string().nullable(),
  hospital: z.string().nullable(),
  waitingWeeks: z.number().nullable(),
  postcode: z.string().nullable(),
});
const ours = z.object({ id: z.string(), text: z.string(), locale: z.enum(['nl', 'en']), intent: z.enum(INTENTS), entities });
const sample = z.object({ id: z.string(), text: z.string(), locale: z.enum(['nl', 'en']), gold: entities.extend({ intent: z.enum(INTENTS) }) });

/** Parses JSONL text; throws with the line number on a line that is neither shape. */
export function parseCorpus(jsonl: string, source = 'corpus'): LabelledUtterance[] {
  const out: LabelledUtterance[] = [];
  jsonl.split('\n').forEach((line, i) => {
    if (line.trim() === '') return;
    const raw: unknown = JSON.parse(line);
    const a = ours.safeParse(raw);
    if (a.success) {
      out.push(a.data);
      return;
    }
    const b = sample.safeParse(raw);
    if (b.success) {
      const { intent, ...gold } = b.data.gold;
      out.push({ id: b.data.id, text: b.data.text, locale: b.data.locale, intent, entities: gold });
      return;
    }
    throw new Error(`${source}:${i + 1}: not a labelled utterance (${a.error.issues[0]?.message ?? 'invalid'})`);
  });
  return out;
}

export function readCorpus(path: string | URL): LabelledUtterance[] {
  return parseCorpus(readFileSync(path, 'utf8'), String(path));
}

/** The training corpus shipped with the module. */
export const TRAINING_CORPUS = new URL('./corpus/train.jsonl', import.meta.url);
