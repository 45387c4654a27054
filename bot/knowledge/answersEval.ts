/**
 * The answers evaluation: conversations from the answers corpus (bot/knowledge/answers/) run
 * through the real state machine with the real services, each turn checked against what it
 * must do (the card answered, the behaviour, the facts stated). Used by `npm run eval:answers`
 * and by the floors test (tests/knowledge/answers.test.ts).
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { runTurn } from '../conversation/engine.ts';
import type { ConversationServices } from '../conversation/ports.ts';
import type { ConversationState } from '../conversation/state.ts';
import type { Reply, TenantView } from '../conversation/types.ts';

const expectSchema = z
  .object({
    /** The card (or one of the cards) the answer must come from. */
    card: z.union([z.string(), z.array(z.string())]).optional(),
    /** What the turn must do instead of (or besides) a card. */
    behaviour: z.enum(['clarify', 'index', 'emergency', 'noCard']).optional(),
    /** The last reply asks for this slot (null: for none). */
    asks: z.string().nullable().optional(),
    /** Facts the replies must state: case-insensitive regular expressions, all must match. */
    facts: z.array(z.string()).optional(),
    /** Case-insensitive regular expressions no reply may match. */
    never: z.array(z.string()).optional(),
    /** Choice titles that must be offered. */
    choices: z.array(z.string()).optional(),
  })
  .strict();

const itemSchema = z
  .object({
    id: z.string().min(1),
    locale: z.enum(['nl', 'en']),
    /** specific: one specific question; followup: a multi-turn dialogue whose later turn depends on the earlier ones; behaviour: anything else measured. */
    kind: z.enum(['specific', 'followup', 'behaviour']),
    tenant: z.string().default('demo-verzekeraar'),
    /** The moment of the conversation (ISO); defaults to 2026-11-24 10:00 Dutch time. */
    now: z.string().optional(),
    turns: z.array(z.object({ say: z.string(), expect: expectSchema.optional() }).strict()).min(1),
    note: z.string().optional(),
  })
  .strict();

export type AnswerItem = z.infer<typeof itemSchema>;
export type TurnExpect = z.infer<typeof expectSchema>;

export function parseAnswerCorpus(jsonl: string, source: string): AnswerItem[] {
  const items: AnswerItem[] = [];
  jsonl.split('\n').forEach((line, i) => {
    if (line.trim() === '') return;
    const parsed = itemSchema.safeParse(JSON.parse(line));
    if (!parsed.success) throw new Error(`${source}:${i + 1}: ${parsed.error.message}`);
    items.push(parsed.data);
  });
  const ids = new Set<string>();
  for (const it of items) {
    if (ids.has(it.id)) throw new Error(`${source}: duplicate id ${it.id}`);
    ids.add(it.id);
  }
  return items;
}

export const DEV_CORPUS = new URL('./answers/dev.jsonl', import.meta.url);
export const HELDOUT_CORPUS = new URL('./answers/heldout.jsonl', import.meta.url);

export function readAnswerCorpus(url: URL): AnswerItem[] {
  return parseAnswerCorpus(readFileSync(url, 'utf8'), url.pathname.split('/').slice(-2).join('/'));
}

/** Words a patient reads: link texts count, addresses do not. */
export function wordsOf(text: string): number {
  const plain = text.replace(/\[([^\]]+)\]\([^)]+\)/g, '$1').replace(/[*_#>`]/g, ' ');
  return plain.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
}

export interface TurnOutcome {
  say: string;
  replies: Reply[];
  failures: string[];
  words: number;
}

export interface ItemOutcome {
  item: AnswerItem;
  passed: boolean;
  turns: TurnOutcome[];
}

export interface EvalContext {
  services: ConversationServices;
  tenant(id: string): Promise<TenantView>;
}

function check(expectation: TurnExpect | undefined, replies: Reply[], services: ConversationServices, locale: 'nl' | 'en'): string[] {
  if (!expectation) return [];
  const failures: string[] = [];
  const texts = replies.map((r) => r.text);
  const all = texts.join('\n');
  const cardsAnswered = replies.map((r) => r.cardId).filter((c): c is string => Boolean(c));
  if (expectation.card !== undefined) {
    const want = Array.isArray(expectation.card) ? expectation.card : [expectation.card];
    if (!cardsAnswered.some((c) => want.includes(c))) failures.push(`expected card ${want.join(' or ')}, got ${cardsAnswered.join(', ') || 'none'}`);
  }
  const t = services.t(locale);
  const isText = (key: string) => texts.some((x) => x === String(t(key)) || x === String(t(key, { context: 'je' })));
  switch (expectation.behaviour) {
    case 'clarify':
      if (!isText('cards.clarify')) failures.push('expected a clarifying question');
      break;
    case 'index':
      if (!isText('cards.index')) failures.push('expected the index of topics');
      break;
    case 'emergency':
      if (!/\b11[23]\b/.test(all)) failures.push('expected 112/113');
      if (cardsAnswered.length > 0) failures.push(`an emergency turn answered card ${cardsAnswered.join(', ')}`);
      break;
    case 'noCard':
      if (cardsAnswered.length > 0) failures.push(`expected no card, got ${cardsAnswered.join(', ')}`);
      break;
    default:
  }
  if (expectation.asks !== undefined && (replies.at(-1)?.slot ?? null) !== expectation.asks) failures.push(`expected to ask ${expectation.asks}, asked ${replies.at(-1)?.slot ?? 'nothing'}`);
  for (const f of expectation.facts ?? []) if (!new RegExp(f, 'iu').test(all)) failures.push(`missing fact /${f}/`);
  for (const f of expectation.never ?? []) if (new RegExp(f, 'iu').test(all)) failures.push(`unwanted /${f}/`);
  const offered = replies.flatMap((r) => r.choices ?? []);
  for (const c of expectation.choices ?? []) if (!offered.includes(c)) failures.push(`missing choice ${c}`);
  return failures;
}

const DEFAULT_NOW = '2026-11-24T10:00:00+01:00';

export async function runItem(ctx: EvalContext, item: AnswerItem, n: number): Promise<ItemOutcome> {
  const tenant = await ctx.tenant(item.tenant);
  const now = new Date(item.now ?? DEFAULT_NOW);
  const info = { conversationId: `eval-${item.id}-${n}`, channel: 'eval', tenant, now };
  let state: ConversationState | undefined = (await runTurn(undefined, { kind: 'start', locale: item.locale }, info, ctx.services)).state;
  const turns: TurnOutcome[] = [];
  for (const turn of item.turns) {
    const result = await runTurn(state, { kind: 'message', text: turn.say, locale: item.locale }, info, ctx.services);
    // Stored state goes through JSON, as the SDK's Storage does.
    state = JSON.parse(JSON.stringify(result.state)) as ConversationState;
    const words = result.replies.reduce((s, r) => s + wordsOf(r.text), 0);
    turns.push({ say: turn.say, replies: result.replies, failures: check(turn.expect, result.replies, ctx.services, item.locale), words });
  }
  return { item, passed: turns.every((t) => t.failures.length === 0), turns };
}

export interface EvalReport {
  outcomes: ItemOutcome[];
  specific: { passed: number; total: number };
  followup: { passed: number; total: number };
  behaviour: { passed: number; total: number };
  medianWords: number;
  maxWords: number;
  /** The first message of each card answer. */
  maxFirstMessageWords: number;
}

function median(xs: number[]): number {
  if (xs.length === 0) return 0;
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

export async function evaluateAnswers(ctx: EvalContext, items: AnswerItem[]): Promise<EvalReport> {
  const outcomes: ItemOutcome[] = [];
  for (const [i, item] of items.entries()) outcomes.push(await runItem(ctx, item, i));
  const tally = (kind: AnswerItem['kind']) => {
    const of = outcomes.filter((o) => o.item.kind === kind);
    return { passed: of.filter((o) => o.passed).length, total: of.length };
  };
  const words = outcomes.flatMap((o) => o.turns.map((t) => t.words));
  const first = outcomes.flatMap((o) => o.turns.flatMap((t) => t.replies.filter((r) => r.cardId).slice(0, 1).map((r) => wordsOf(r.text))));
  return { outcomes, specific: tally('specific'), followup: tally('followup'), behaviour: tally('behaviour'), medianWords: median(words), maxWords: Math.max(0, ...words), maxFirstMessageWords: Math.max(0, ...first) };
}

const pct = (p: { passed: number; total: number }) => (p.total === 0 ? 'n/a' : `${((100 * p.passed) / p.total).toFixed(1)} %`);

export function formatAnswersReport(r: EvalReport, title: string, errors: boolean): string {
  const lines = [
    `answers evaluation: ${title} (${r.outcomes.length} items)`,
    `  specific questions answered correctly: ${r.specific.passed}/${r.specific.total} = ${pct(r.specific)}`,
    `  follow-ups handled in context:         ${r.followup.passed}/${r.followup.total} = ${pct(r.followup)}`,
    `  other behaviour (safety, index, ...):  ${r.behaviour.passed}/${r.behaviour.total} = ${pct(r.behaviour)}`,
    `  words per turn: median ${r.medianWords}, max ${r.maxWords}; first message of a card answer: max ${r.maxFirstMessageWords}`,
  ];
  if (errors) {
    for (const o of r.outcomes.filter((x) => !x.passed)) {
      lines.push('', `✗ ${o.item.id} (${o.item.kind}, ${o.item.locale})`);
      for (const t of o.turns) {
        lines.push(`  > ${t.say}`);
        for (const rep of t.replies) lines.push(`    «${rep.text.replace(/\n/g, ' ⏎ ')}»${rep.cardId ? ` [card ${rep.cardId}]` : ''}${rep.slot ? ` [slot ${rep.slot}]` : ''}${rep.choices ? ` {${rep.choices.join(' | ')}}` : ''}`);
        for (const f of t.failures) lines.push(`    ! ${f}`);
      }
    }
  }
  return lines.join('\n');
}
