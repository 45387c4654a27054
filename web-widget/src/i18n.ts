/** The widget's texts through i18next, bundled (no network, no storage, no language detector). */
import i18next from 'i18next';
import nl from '../../locales/nl/widget.json';
import en from '../../locales/en/widget.json';
import type { Locale } from './options.ts';

export type Translate = (key: string, values?: Record<string, string | number>) => string;

/** A translator per locale; an isolated instance, so a host page's own i18next is never touched. */
export function createTranslator(): (locale: Locale) => Translate {
  const instance = i18next.createInstance();
  void instance.init({
    resources: { nl: { widget: nl }, en: { widget: en } },
    lng: 'nl',
    fallbackLng: 'nl',
    ns: ['widget'],
    defaultNS: 'widget',
    initAsync: false,
    // Texts go into the DOM with textContent, never as HTML: escaping would show "&amp;".
    interpolation: { escapeValue: false },
  });
  return (locale) => {
    const t = instance.getFixedT(locale, 'widget');
    return (key, values) => String(t(key, values));
  };
}
