import i18next from 'i18next';
import en from '../../../../locales/en/console.json';
import nl from '../../../../locales/nl/console.json';

export type Lang = 'nl' | 'en';
const storageKey = 'ww-console-lang';

function initialLanguage(): Lang {
  const stored = localStorage.getItem(storageKey);
  if (stored === 'nl' || stored === 'en') return stored;
  // Dutch first: the staff are Dutch insurers' mediators; English is one click away and remembered.
  return 'nl';
}

export async function initI18n(): Promise<void> {
  await i18next.init({
    lng: initialLanguage(),
    fallbackLng: 'nl',
    resources: { nl: { console: nl }, en: { console: en } },
    ns: ['console'],
    defaultNS: 'console',
    // Everything is put on the page as text nodes, never as HTML, so i18next need not escape.
    interpolation: { escapeValue: false },
  });
  document.documentElement.lang = i18next.language;
}

export const t = (key: string, options?: Record<string, unknown>): string => i18next.t(key, options) as string;

export function language(): Lang {
  return i18next.language === 'en' ? 'en' : 'nl';
}

export async function setLanguage(lang: Lang): Promise<void> {
  localStorage.setItem(storageKey, lang);
  await i18next.changeLanguage(lang);
  document.documentElement.lang = lang;
}

export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '–';
  return new Intl.DateTimeFormat(language() === 'en' ? 'en-GB' : 'nl-NL', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Europe/Amsterdam' }).format(new Date(iso));
}

export function formatDate(iso: string | null | undefined): string {
  if (!iso) return '–';
  return new Intl.DateTimeFormat(language() === 'en' ? 'en-GB' : 'nl-NL', { dateStyle: 'medium', timeZone: 'Europe/Amsterdam' }).format(new Date(iso));
}
