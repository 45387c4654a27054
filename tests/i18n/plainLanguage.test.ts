import { describe, expect, it } from 'vitest';
import { loadLocaleResources } from '../../bot/i18n/index.ts';

/** Every Dutch text the patient reads in the chat, without Markdown, links and placeholders. */
function dutchTexts(): { key: string; text: string }[] {
  const out: { key: string; text: string }[] = [];
  const walk = (v: unknown, key: string): void => {
    if (typeof v === 'string') {
      const text = v
        .replace(/\[([^\]]+)\]\([^)]+\)/g, '$1')
        .replace(/\{\{[^}]+\}\}/g, 'X')
        .replace(/\*\*/g, '')
        .replace(/Bron: X$/, '');
      out.push({ key, text });
    } else if (typeof v === 'object' && v) for (const [k, c] of Object.entries(v)) walk(c, key ? `${key}.${k}` : k);
  };
  walk(loadLocaleResources().nl?.bot, '');
  walk(loadLocaleResources().nl?.privacy, 'privacy');
  walk(loadLocaleResources().nl?.dialogue, 'dialogue');
  return out;
}

const sentences = (text: string) => text.split(/(?<=[.!?])\s+|\n+/).map((s) => s.trim()).filter((s) => /\p{L}/u.test(s));
const words = (sentence: string) => sentence.split(/\s+/).filter((w) => /\p{L}|\d/u.test(w));

// B1 guidance for Dutch patient information: short sentences, one idea each (domain brief §6.5).
describe('patient-facing Dutch is plain (B1)', () => {
  const all = dutchTexts().flatMap(({ key, text }) => sentences(text).map((s) => ({ key, s, n: words(s).length })));

  it('keeps every sentence at 25 words or fewer', () => {
    const long = all.filter((x) => x.n > 25).map((x) => `${x.key} (${x.n} words): ${x.s}`);
    expect(long).toEqual([]);
  });

  it('keeps the average sentence short (at most 12 words)', () => {
    const average = all.reduce((sum, x) => sum + x.n, 0) / all.length;
    expect(average).toBeLessThanOrEqual(12);
  });
});
