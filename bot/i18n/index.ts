import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import i18next, { type i18n, type TFunction } from 'i18next';
import { projectRoot } from '../data/databaseUrl.ts';

export const locales = ['nl', 'en'] as const;
export type Locale = (typeof locales)[number];

export const isLocale = (value: unknown): value is Locale => value === 'nl' || value === 'en';

/** Reads every namespace file of locales/<lng>/<ns>.json. */
export function loadLocaleResources(dir = join(projectRoot, 'locales')): Record<string, Record<string, Record<string, unknown>>> {
  const resources: Record<string, Record<string, Record<string, unknown>>> = {};
  for (const lng of locales) {
    resources[lng] = {};
    for (const file of readdirSync(join(dir, lng)).filter((f) => f.endsWith('.json'))) {
      resources[lng][file.replace(/\.json$/, '')] = JSON.parse(readFileSync(join(dir, lng, file), 'utf8')) as Record<string, unknown>;
    }
  }
  return resources;
}

/** One i18next instance for the server; callers take a fixed-language t per conversation. */
export async function createI18n(): Promise<i18n> {
  const instance = i18next.createInstance();
  await instance.init({
    resources: loadLocaleResources(),
    lng: 'nl',
    fallbackLng: 'nl',
    supportedLngs: [...locales],
    ns: ['bot'],
    defaultNS: 'bot',
    // Messages are plain text or Markdown, never HTML; escaping would mangle "&" in names.
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  return instance;
}

export type Translate = TFunction;

// Per instance, per "locale/namespace": the translator and what its plain keys resolved to.
const translators = new WeakMap<i18n, Map<string, TFunction>>();

// Interpolated texts remembered per translator; values a turn interpolates (names, numbers) are few.
const maxRemembered = 5000;

/** A cache key for t(key, options) when every option is a string, number or boolean; else null. */
function optionsKey(key: string, options: unknown): string | null {
  if (typeof options !== 'object' || options === null || Array.isArray(options)) return null;
  const entries = Object.entries(options);
  for (const [, value] of entries) {
    const kind = typeof value;
    if (kind !== 'string' && kind !== 'number' && kind !== 'boolean') return null;
  }
  return JSON.stringify([key, entries]);
}

/**
 * A fixed-language t. A turn asks for dozens of texts (every command word is compared, every
 * reply built), and a key without options always resolves to the same text, so those are
 * remembered per locale and key, and so are calls whose options are plain values (interpolation,
 * plurals); other calls go to i18next.
 * Loading or removing resources forgets what was remembered.
 */
export function translator(instance: i18n, locale: Locale, ns = 'bot'): TFunction {
  let perInstance = translators.get(instance);
  if (!perInstance) {
    const fresh = new Map<string, TFunction>();
    perInstance = fresh;
    translators.set(instance, fresh);
    instance.store.on('added', () => fresh.clear());
    instance.store.on('removed', () => fresh.clear());
  }
  const id = `${locale}/${ns}`;
  const known = perInstance.get(id);
  if (known) return known;
  const fixed = instance.getFixedT(locale, ns);
  // i18next's overloads do not take a rest of unknowns; the calls below pass on what they were given.
  const anyCall = fixed as unknown as (...a: unknown[]) => unknown;
  const texts = new Map<string, unknown>();
  const withOptions = new Map<string, unknown>();
  const t = ((key: unknown, ...rest: unknown[]) => {
    if (typeof key !== 'string') return anyCall(key, ...rest);
    if (rest.length > 0) {
      // Options of plain values (the tenant's name, a count, a hospital) give the same text each
      // time too, and a turn repeats them; other options (objects, functions) go to i18next.
      const cacheKey = rest.length === 1 ? optionsKey(key, rest[0]) : null;
      if (cacheKey === null) return anyCall(key, ...rest);
      let text = withOptions.get(cacheKey);
      if (text === undefined) {
        text = anyCall(key, rest[0]);
        if (withOptions.size >= maxRemembered) withOptions.clear();
        withOptions.set(cacheKey, text);
      }
      return text;
    }
    let text = texts.get(key);
    if (text === undefined) {
      text = fixed(key);
      texts.set(key, text);
    }
    return text;
  }) as unknown as TFunction;
  perInstance.set(id, t);
  return t;
}
