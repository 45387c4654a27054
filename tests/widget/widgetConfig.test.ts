import type { AddressInfo } from 'node:net';
import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { widgetConfigRouter } from '../../bot/channels/widgetConfig.ts';
import type { TenantSettings } from '../../bot/data/tenants.ts';
import { errorHandler } from '../../bot/http.ts';
import { createLogger } from '../../bot/logger.ts';

const tenant = {
  id: 'demo-verzekeraar', displayName: 'Demo Verzekeraar', theme: { primaryColor: '#00607a', title: 'Wachtwijzer' }, defaultLocale: 'nl',
  allowedOrigins: ['https://secret.example'], directLineSecretHash: 'abc', officeHours: {},
} as unknown as TenantSettings;

const hospital = {
  ...tenant, id: 'demo-ziekenhuis', displayName: 'Demo Ziekenhuis',
  theme: { texts: { nl: { launcher: 'Wachttijd in ons ziekenhuis? Chat met ons', subtitle: 'Digitale assistent van Demo Ziekenhuis (demo), geen arts', greeting: 'Welkom!' }, en: { launcher: 'Waiting at our hospital? Chat with us' } } },
} as unknown as TenantSettings;

let base = '';
let close = () => {};
beforeAll(async () => {
  const app = express();
  app.use(widgetConfigRouter({ find: async (id: string) => (id === tenant.id ? tenant : id === hospital.id ? hospital : null) }));
  app.use(errorHandler(createLogger('silent')));
  const server = app.listen(0, '127.0.0.1');
  await new Promise((r) => server.once('listening', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  close = () => server.close();
});
afterAll(() => close());

describe('GET /api/widget-config', () => {
  it('answers the public display settings only, readable from any page', async () => {
    const r = await fetch(`${base}/api/widget-config?tenant=demo-verzekeraar`, { headers: { origin: 'https://www.elders.example' } });
    expect(r.status).toBe(200);
    expect(await r.json()).toEqual({ displayName: 'Demo Verzekeraar', theme: { primaryColor: '#00607a', title: 'Wachtwijzer' }, defaultLocale: 'nl', texts: {} });
    expect(r.headers.get('access-control-allow-origin')).toBe('*');
    expect(r.headers.get('cross-origin-resource-policy')).toBe('cross-origin');
    expect(r.headers.get('cache-control')).toContain('max-age');
  });

  it("carries a tenant's own launcher and subtitle per language, never its greeting (the assistant says that)", async () => {
    const r = await fetch(`${base}/api/widget-config?tenant=demo-ziekenhuis`);
    const body = (await r.json()) as { texts: Record<string, Record<string, string>> };
    expect(body.texts.nl).toEqual({ launcher: 'Wachttijd in ons ziekenhuis? Chat met ons', subtitle: 'Digitale assistent van Demo Ziekenhuis (demo), geen arts' });
    expect(body.texts.en).toEqual({ launcher: 'Waiting at our hospital? Chat with us' });
  });

  it('404 for an unknown tenant, 400 for a missing one, both with CORS so the widget can read them', async () => {
    const unknown = await fetch(`${base}/api/widget-config?tenant=nope`);
    expect(unknown.status).toBe(404);
    expect(unknown.headers.get('access-control-allow-origin')).toBe('*');
    expect((await unknown.json()).error.code).toBe('not_found');
    for (const q of ['', '?tenant=', '?tenant=%20', '?tenant=a&tenant=b']) {
      const missing = await fetch(`${base}/api/widget-config${q}`);
      expect(missing.status, q).toBe(400);
      expect((await missing.json()).error.code).toBe('bad_request');
    }
  });

  it('answers a CORS preflight', async () => {
    const r = await fetch(`${base}/api/widget-config?tenant=demo-verzekeraar`, { method: 'OPTIONS', headers: { origin: 'https://x.example', 'access-control-request-method': 'GET' } });
    expect(r.status).toBe(204);
    expect(r.headers.get('access-control-allow-origin')).toBe('*');
  });
});
