import { describe, expect, it } from 'vitest';
import nl from '../../locales/nl/widget.json';
import en from '../../locales/en/widget.json';

const keys = (o: object, prefix = ''): string[] =>
  Object.entries(o).flatMap(([k, v]) => (v && typeof v === 'object' ? keys(v as object, `${prefix}${k}.`) : [`${prefix}${k}`])).sort();

describe('widget texts', () => {
  it('Dutch and English have the same keys, none empty', () => {
    expect(keys(en)).toEqual(keys(nl));
    for (const k of keys(nl)) {
      const get = (o: object) => k.split('.').reduce<unknown>((x, p) => (x as Record<string, unknown>)[p], o);
      expect(String(get(nl)).trim(), k).not.toBe('');
      expect(String(get(en)).trim(), k).not.toBe('');
    }
  });

  it('interpolations match between the languages', () => {
    const vars = (s: string) => [...s.matchAll(/{{(\w+)}}/g)].map((m) => m[1]).sort();
    const flat = (o: object, p = ''): [string, string][] => Object.entries(o).flatMap(([k, v]) => (typeof v === 'object' ? flat(v as object, `${p}${k}.`) : [[`${p}${k}`, String(v)] as [string, string]]));
    const enMap = new Map(flat(en));
    for (const [k, v] of flat(nl)) expect(vars(enMap.get(k) ?? ''), k).toEqual(vars(v));
  });
});
