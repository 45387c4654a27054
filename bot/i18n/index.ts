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

export function translator(instance: i18n, locale: Locale, ns = 'bot'): TFunction {
  return instance.getFixedT(locale, ns);
}
