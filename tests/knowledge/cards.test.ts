import { describe, expect, it } from 'vitest';
import { ALL_CARDS } from '../../bot/knowledge/cards/index.ts';
import { renderCard } from '../../bot/knowledge/renderCard.ts';
import { loadLocaleResources } from '../../bot/i18n/index.ts';
import { MSZ_TREEKNORMEN, GGZ_TREEKNORMEN } from '../../bot/domain/treeknorm.ts';
import { foreignWords, wordCount } from './language.ts';

const params = { tenant: 'Demo Verzekeraar', days: 2, customerService: 'Bel de klantenservice op 0800 0000.', retentionDays: 90 };
const rendered = ALL_CARDS.flatMap((card) =>
  card.versions.flatMap((version, v) =>
    (['nl', 'en'] as const).flatMap((locale) =>
      (locale === 'nl' ? (['u', 'je'] as const) : (['u'] as const)).map((formality) => ({ label: `${card.id}#${v} ${locale}/${formality}`, locale, formality, card, r: renderCard(card, version, locale, formality, { ...params, customerService: locale === 'en' ? 'Call customer service on 0800 0000.' : params.customerService }) })),
    ),
  ),
);

describe('answer cards', () => {
  it('are at least 60, each one question with a unique id', () => {
    expect(ALL_CARDS.length).toBeGreaterThanOrEqual(60);
    expect(new Set(ALL_CARDS.map((c) => c.id)).size).toBe(ALL_CARDS.length);
    expect(new Set(ALL_CARDS.map((c) => c.title.nl)).size).toBe(ALL_CARDS.length);
    expect(new Set(ALL_CARDS.map((c) => c.title.en)).size).toBe(ALL_CARDS.length);
  });

  it('have 5 to 15 example phrasings per language', () => {
    const off = ALL_CARDS.flatMap((c) => (['nl', 'en'] as const).filter((l) => c.examples[l].length < 5 || c.examples[l].length > 15).map((l) => `${c.id} ${l}: ${c.examples[l].length}`));
    expect(off).toEqual([]);
  });

  it('give sources with a title in each language and an address (or a held copy), and validity dates that do not overlap', () => {
    for (const c of ALL_CARDS) {
      expect(c.versions.length, c.id).toBeGreaterThan(0);
      for (const v of c.versions) {
        expect(v.sources.length, c.id).toBeGreaterThan(0);
        for (const s of v.sources) {
          expect(s.title.nl.length * s.title.en.length, c.id).toBeGreaterThan(0);
          if (s.url !== null) expect(s.url, c.id).toMatch(/^(https?:\/\/|\/privacy$)/);
        }
        expect(v.validFrom, c.id).toMatch(/^\d{4}-\d{2}-\d{2}$/);
        if (v.validUntil) expect(v.validUntil >= v.validFrom, c.id).toBe(true);
      }
      const sorted = [...c.versions].sort((a, b) => a.validFrom.localeCompare(b.validFrom));
      for (let i = 1; i < sorted.length; i++) expect(sorted[i - 1]!.validUntil !== null && sorted[i - 1]!.validUntil! < sorted[i]!.validFrom, c.id).toBe(true);
    }
  });

  it('cover what the issue lists', () => {
    const ids = new Set(ALL_CARDS.map((c) => c.id));
    for (const id of ['treeknorm-what', 'treeknorm-outpatient', 'treeknorm-diagnostics', 'treeknorm-day-treatment', 'treeknorm-clinical', 'treeknorm-ggz', 'catch-up-what', 'catch-up-2021', 'catch-up-addendum-2022', 'catch-up-still-valid', 'catch-up-today', 'urgency-class-3', 'urgency-class-4', 'urgency-class-5', 'urgency-who-decides', 'zorgplicht-what', 'azwa-2026', 'mediation-what', 'mediation-free', 'mediation-who', 'mediation-how-long', 'mediation-prepare', 'elsewhere-same-referral', 'elsewhere-referral-valid', 'elsewhere-leave-list', 'elsewhere-dossier', 'elsewhere-going-back', 'elsewhere-costs', 'costs-natura', 'costs-restitutie', 'costs-contracted', 'costs-travel', 'abroad-belgium', 'abroad-germany', 'urgency-no-priority', 'waiting-worse', 'complaint-hospital', 'privacy-stored', 'cs-claims', 'cs-premium', 'cs-switch', 'cs-supplementary']) {
      expect(ids.has(id), id).toBe(true);
    }
  });

  it('take the norms from bot/domain (a changed number changes the card)', () => {
    const text = (id: string) => rendered.find((x) => x.card.id === id && x.locale === 'nl')!.r.answer;
    expect(text('treeknorm-outpatient')).toContain(`${MSZ_TREEKNORMEN.outpatient.maxWeeks} weken`);
    expect(text('treeknorm-clinical')).toContain(`${MSZ_TREEKNORMEN.clinical.maxWeeks} weken`);
    expect(text('treeknorm-ggz')).toContain(`${GGZ_TREEKNORMEN.treatment.maxWeeks} weken`);
  });

  it('keep the first message at 60 words or fewer, and the "meer weten" part too', () => {
    const long = rendered.flatMap((x) => [
      ...(wordCount(x.r.answer) > 60 ? [`${x.label}: ${wordCount(x.r.answer)} words`] : []),
      ...(x.r.more && wordCount(x.r.more) > 60 ? [`${x.label} more: ${wordCount(x.r.more)} words`] : []),
    ]);
    expect(long).toEqual([]);
  });

  it('write Dutch sentences of 25 words or fewer (B1)', () => {
    const long = rendered
      .filter((x) => x.locale === 'nl')
      .flatMap((x) => `${x.r.answer} ${x.r.more ?? ''}`.split(/(?<=[.!?])\s+/).filter((s) => wordCount(s) > 25).map((s) => `${x.label}: ${s}`));
    expect(long).toEqual([]);
  });

  it('speak one language: no English in Dutch answers or titles, no Dutch in English ones, form of address as the tenant chose', () => {
    const mixed = rendered.flatMap((x) => {
      const texts = [x.r.answer, x.r.more ?? '', x.card.title[x.locale], ...x.r.sources.map((s) => s.title)];
      return texts.flatMap((t) => foreignWords(t.replaceAll(params.tenant, ''), x.locale).map((w) => `${x.label}: "${w}" in «${t}»`));
    });
    expect(mixed).toEqual([]);
    const je = rendered.filter((x) => x.formality === 'je').filter((x) => /\b(uw|u)\b/i.test(`${x.r.answer} ${x.r.more ?? ''}`)).map((x) => x.label);
    expect(je).toEqual([]);
    expect(rendered.filter((x) => /\[\[|\]\]|\{\{/.test(`${x.r.answer} ${x.r.more ?? ''}`)).map((x) => x.label)).toEqual([]);
  });
});

describe('locale strings', () => {
  const strings = (locale: 'nl' | 'en') => {
    const out: { key: string; text: string }[] = [];
    const walk = (v: unknown, key: string): void => {
      if (typeof v === 'string') out.push({ key, text: v });
      else if (typeof v === 'object' && v) for (const [k, c] of Object.entries(v)) walk(c, key ? `${key}.${k}` : k);
    };
    walk(loadLocaleResources()[locale]?.bot, '');
    return out;
  };
  // The language switch names the other language in that language; examples of a Dutch name stay Dutch.
  const exempt = new Set(['choices.otherLanguage', 'invalid.fullName', 'invalid.hospital']);

  it('are at most 60 words each', () => {
    const long = (['nl', 'en'] as const).flatMap((l) => strings(l).filter((s) => wordCount(s.text) > 60).map((s) => `${l}:${s.key}`));
    expect(long).toEqual([]);
  });

  it('are in their own language', () => {
    const mixed = (['nl', 'en'] as const).flatMap((l) => strings(l).filter((s) => !exempt.has(s.key)).flatMap((s) => foreignWords(s.text, l).map((w) => `${l}:${s.key}: "${w}" in «${s.text}»`)));
    expect(mixed).toEqual([]);
  });
});
