import { describe, expect, it } from 'vitest';
import { chooseLocale, readEmbed, readTenantConfig, resolve, toLocale } from '../../web-widget/src/options.ts';

describe('embed options', () => {
  it('reads every data attribute', () => {
    const { options, problems } = readEmbed({ tenant: 'demo-verzekeraar', locale: 'en-GB', position: 'bottom-left', primaryColor: '#7a1f5c', title: ' Vraag het ons ', open: 'true' });
    expect(problems).toEqual([]);
    expect(options).toEqual({ tenant: 'demo-verzekeraar', locale: 'en', position: 'bottom-left', primaryColor: '#7a1f5c', title: 'Vraag het ons', open: true });
  });

  it('ignores invalid values and says why', () => {
    const { options, problems } = readEmbed({ tenant: 'demo-verzekeraar', locale: 'de', position: 'top', primaryColor: 'red;background:url(x)' });
    expect(options).toEqual({ tenant: 'demo-verzekeraar', open: false });
    expect(problems).toHaveLength(3);
  });

  it('refuses a missing or malformed tenant', () => {
    expect(readEmbed({}).options).toBeNull();
    expect(readEmbed({ tenant: '../admin' }).options).toBeNull();
  });

  it('the page wins over the tenant, and the colour is checked for contrast', () => {
    const tenant = readTenantConfig({ displayName: 'Demo', theme: { primaryColor: '#1d5e2f', title: 'Wachtwijzer', position: 'bottom-left' }, defaultLocale: 'en' })!;
    expect(resolve({ tenant: 't', open: false }, tenant)).toMatchObject({ primaryColor: '#1d5e2f', title: 'Wachtwijzer', position: 'bottom-left', displayName: 'Demo', colorAdjusted: false });
    expect(resolve({ tenant: 't', open: false, primaryColor: '#ffff00', title: 'Eigen', position: 'bottom-right' }, tenant)).toMatchObject({ primaryColor: '#00607a', colorAdjusted: true, title: 'Eigen', position: 'bottom-right' });
    expect(resolve({ tenant: 't', open: false }, null)).toMatchObject({ primaryColor: '#00607a', position: 'bottom-right', displayName: '' });
  });

  it('distrusts a malformed server answer', () => {
    expect(readTenantConfig(null)).toBeNull();
    expect(readTenantConfig({ theme: {} })).toBeNull();
    expect(readTenantConfig({ displayName: 'X', theme: { primaryColor: 'url(x)', position: 'middle' }, defaultLocale: 'fr' })).toEqual({ displayName: 'X', theme: {}, defaultLocale: 'nl', texts: {} });
  });

  it("takes the tenant's own launcher and subtitle per language, ignoring anything that is not a short text", () => {
    const config = readTenantConfig({ displayName: 'X', theme: {}, texts: { nl: { launcher: '  Chat met VGZ  ', subtitle: 42 }, en: { subtitle: 'Our assistant' }, de: { launcher: 'Hallo' } } });
    expect(config?.texts).toEqual({ nl: { launcher: 'Chat met VGZ' }, en: { subtitle: 'Our assistant' } });
    expect(resolve({ tenant: 't', open: false }, config).texts).toEqual(config?.texts);
  });

  it('language: data-locale, else the page, else the tenant, else Dutch', () => {
    expect(chooseLocale('en', 'nl', 'nl')).toBe('en');
    expect(chooseLocale(undefined, 'en-US', 'nl')).toBe('en');
    expect(chooseLocale(undefined, 'de', 'en')).toBe('en');
    expect(chooseLocale(undefined, '', undefined)).toBe('nl');
    expect(toLocale('NL-be')).toBe('nl');
  });
});
