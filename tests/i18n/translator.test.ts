import { describe, expect, it } from 'vitest';
import i18next from 'i18next';
import { translator } from '../../bot/i18n/index.ts';

async function instance() {
  const i = i18next.createInstance();
  await i.init({ resources: { nl: { bot: { hello: 'Hallo', named: 'Hallo {{name}}' } }, en: { bot: { hello: 'Hello' } } }, lng: 'nl', fallbackLng: 'nl', ns: ['bot'], defaultNS: 'bot', interpolation: { escapeValue: false } });
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
});
