import { describe, expect, it } from 'vitest';
import { loadConfig } from '../bot/config.ts';

describe('configuration', () => {
  it('has working defaults for local use, with Bot Framework authentication off', () => {
    const c = loadConfig({});
    expect(c.PORT).toBe(3978);
    expect(c.DATABASE_URL).toBe('file:./data/wachtwijzer.db');
    expect(c.botAuthEnabled).toBe(false);
  });

  it('turns authentication on with MicrosoftAppId or the Agents SDK name clientId', () => {
    expect(loadConfig({ MicrosoftAppId: 'abc' }).botAuthEnabled).toBe(true);
    expect(loadConfig({ clientId: 'abc' }).MicrosoftAppId).toBe('abc');
    expect(loadConfig({ MicrosoftAppId: '' }).botAuthEnabled).toBe(false);
  });

  it('fails fast naming the bad fields', () => {
    expect(() => loadConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://x' })).toThrow(/PORT.*DATABASE_URL|DATABASE_URL.*PORT/);
  });
});
