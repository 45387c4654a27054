import { describe, expect, it } from 'vitest';
import i18next from 'i18next';
import { translator } from '../../bot/i18n/index.ts';

async function instance() {
  const i = i18next.createInstance();
  await i.init({ resources: { nl: { bot: { hello: 'Hallo', named: 'Hallo {{name}}', weeks_one: '{{count}} week', weeks_other: '{{count}} weken', pair: '{{a}} en {{b}}' } }, en: { bot: { hello: 'Hello' } } }, lng: 'nl', fallbackLng: 'nl', ns: ['bot'], defaultNS: 'bot', interpolation: { escapeValue: false } });
  return i;
}

describe('translator (a fixed-language t that remembers plain keys)', () => {
  it('answers each locale its own text, the same on every call, and one translator per locale', async () => {
    const i = await instance();
    expect(translator(i, 'nl')('hello')).toBe('Hallo');
    expect(translator(i, 'nl')('hello')).toBe('Hallo');
    expect(translator(i, 'en')('hello')).toBe('Hello');
    expect(translator(i, 'nl')).toBe(translator(i, 'nl'));
  });

  it('still interpolates when given options', async () => {
    const i = await instance();
    const t = translator(i, 'nl');
    expect(t('named', { name: 'Kees' })).toBe('Hallo Kees');
    expect(t('named', { name: 'Ria' })).toBe('Hallo Ria');
  });

  it('shows a text added or changed later instead of the remembered one', async () => {
    const i = await instance();
    const t = translator(i, 'nl');
    expect(t('hello')).toBe('Hallo');
    i.addResource('nl', 'bot', 'hello', 'Goedendag');
    expect(translator(i, 'nl')('hello')).toBe('Goedendag');
  });

  it('remembers texts with plain options without mixing up their values, counts or order', async () => {
    const i = await instance();
    const t = translator(i, 'nl');
    for (let round = 0; round < 2; round++) {
      expect(t('weeks', { count: 1 })).toBe('1 week');
      expect(t('weeks', { count: 7 })).toBe('7 weken');
      // A count given as text is not a number to i18next: the cache must not take it for 7.
      expect(t('weeks', { count: '7' })).toBe(i.getFixedT('nl')('weeks', { count: '7' }));
      expect(t('pair', { a: 'x', b: 'y' })).toBe('x en y');
      expect(t('pair', { b: 'x', a: 'y' })).toBe('y en x');
      expect(t('named', { name: 'Kees' })).toBe('Hallo Kees');
      expect(t('named', { name: 'Kees', extra: true })).toBe('Hallo Kees');
    }
  });

  it('passes options that are not plain values to i18next each time', async () => {
    const i = await instance();
    const t = translator(i, 'nl');
    const who = { toString: () => 'Kees' };
    expect(t('named', { name: who })).toBe('Hallo Kees');
    expect(t('named', { name: { toString: () => 'Ria' } })).toBe('Hallo Ria');
  });

  it('shows an interpolated text changed later instead of the remembered one', async () => {
    const i = await instance();
    expect(translator(i, 'nl')('named', { name: 'Kees' })).toBe('Hallo Kees');
    i.addResource('nl', 'bot', 'named', 'Dag {{name}}');
    expect(translator(i, 'nl')('named', { name: 'Kees' })).toBe('Dag Kees');
  });
});
