import { describe, expect, it } from 'vitest';
import { loadLocaleResources } from '../../bot/i18n/index.ts';

function keys(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [prefix];
  return Object.entries(value).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k));
}
// "_je" variants exist only in Dutch: English has one form of address.
const withoutFormality = (list: string[]) => list.filter((k) => !/_je(_|$)/.test(k)).sort();

describe('locales', () => {
  const resources = loadLocaleResources();
  const namespaces = Object.keys(resources.nl ?? {});

  it('has the same namespaces in nl and en', () => {
    expect(Object.keys(resources.en ?? {}).sort()).toEqual([...namespaces].sort());
  });

  it.each(namespaces)('namespace %s has the same keys in nl and en', (ns) => {
    expect(withoutFormality(keys(resources.en?.[ns]))).toEqual(withoutFormality(keys(resources.nl?.[ns])));
  });

  it.each(namespaces)('namespace %s has no empty texts and no HTML', (ns) => {
    for (const lng of ['nl', 'en'] as const) {
      const walk = (v: unknown, path: string): void => {
        if (typeof v === 'string') {
          expect(v.trim(), `${lng}:${ns}:${path}`).not.toBe('');
          expect(/<[a-z][^>]*>/i.test(v), `${lng}:${ns}:${path} contains HTML`).toBe(false);
        } else if (typeof v === 'object' && v) for (const [k, c] of Object.entries(v)) walk(c, `${path}.${k}`);
      };
      walk(resources[lng]?.[ns], ns);
    }
  });
});
