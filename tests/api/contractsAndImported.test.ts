// Imported providers and the insurer's contracts, end to end: the admin contract upload
// (authenticated, CSRF), `contracted` per result in the public API when a tenant is given, the
// chat saying which places have a contract (and the natura-policy note), and "contracted only".
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../../bot/data/databaseUrl.ts';
import { importWaitingTimes } from '../../bot/data/waitingTimeImporter.ts';
import { startTestServer, type TestServer } from '../support/server.ts';
import { login } from '../mediation/helpers.ts';
import { Conversation, play } from '../conversation/harness.ts';
import { tenantView } from '../../bot/data/tenantView.ts';

const xml = readFileSync(join(projectRoot, 'tests/fixtures/waiting-times/nza-zorgbeeld.xml'), 'utf8');
type Result = { hospital: string; location: string; outpatientWeeks: number | null; isDemo: boolean; freshness: string; contracted?: boolean | null };

describe('imported clinics and contracted providers', () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer();
    const outcome = await importWaitingTimes(s.services.db, s.services.reference, 'nza.xml', xml, new Date());
    expect(outcome.status).toBe('imported');
    s.services.waitingTimes.invalidate();
  });
  afterAll(async () => s.close());
  const get = async (q: string) => (await fetch(`${s.url}/api/waiting-times?${q}`)).json() as Promise<{ results: Result[]; demo: boolean }>;

  it('an imported clinic appears in the public API like any hospital, with real (not demo) figures', async () => {
    const body = await get('specialty=0305&near=3011AB&radiusKm=10');
    const clinic = body.results.find((r) => r.hospital === 'Voorbeeldkliniek Orthopedie B.V.');
    expect(clinic).toMatchObject({ location: 'Voorbeeldkliniek Rotterdam', isDemo: false, freshness: 'current' });
    expect(clinic!.outpatientWeeks).toBeGreaterThan(0);
    // Maasstad has real figures for orthopaedics now: its demo ones are gone.
    expect(body.results.find((r) => r.hospital === 'Maasstad Ziekenhuis')).toMatchObject({ isDemo: false });
    // By name, too.
    const named = await get(`specialty=0305&hospital=${encodeURIComponent('Voorbeeldkliniek Orthopedie B.V.')}`);
    expect(named.results.map((r) => r.location).sort()).toEqual(['Voorbeeldkliniek Rotterdam', 'Voorbeeldkliniek Utrecht']);
  });

  it('contract upload: admins only, CSRF required, a bad line stores nothing', async () => {
    const mediator = await login(s.url, 'mediator@demo-verzekeraar.test').catch(() => null);
    const admin = await login(s.url, 'admin@demo-verzekeraar.test');
    const csv = 'agb_code,provider,specialism,contracted\n06999941,,0305,yes\n,Maasstad Ziekenhuis,all,no\n';
    const post = (headers: Record<string, string>, body = csv) => fetch(`${s.url}/api/admin/contracts`, { method: 'POST', headers: { 'content-type': 'text/csv', ...headers }, body });
    expect((await post({})).status).toBe(401);
    expect((await post({ cookie: admin.cookie })).status).toBe(403);
    if (mediator) expect((await post({ cookie: mediator.cookie, 'x-csrf-token': mediator.csrf })).status).toBe(403);
    const bad = await post({ cookie: admin.cookie, 'x-csrf-token': admin.csrf }, 'agb_code,specialism,contracted\n06999941,0305,misschien\n');
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { errors: unknown[] }).errors).toEqual([{ line: 2, reason: expect.stringMatching(/yes or no/) }]);
    const ok = await post({ cookie: admin.cookie, 'x-csrf-token': admin.csrf });
    expect(ok.status).toBe(200);
    expect(await ok.json()).toMatchObject({ status: 'stored', stored: 2 });
    const list = (await (await fetch(`${s.url}/api/admin/contracts`, { headers: { cookie: admin.cookie } })).json()) as { contracts: unknown[] };
    expect(list.contracts).toHaveLength(2);
    const sync = await fetch(`${s.url}/api/admin/waiting-times/sync`, { headers: { cookie: admin.cookie } });
    expect(sync.status).toBe(200);
    expect(await sync.json()).toMatchObject({ scheduled: false, everyDays: 14 });
  });

  it('the public API says `contracted` per result when a tenant is given, and not without one', async () => {
    const body = await get('specialty=0305&near=3011AB&radiusKm=10&tenant=demo-verzekeraar');
    expect(body.results.find((r) => r.hospital === 'Voorbeeldkliniek Orthopedie B.V.')).toMatchObject({ contracted: true });
    expect(body.results.find((r) => r.hospital === 'Maasstad Ziekenhuis')).toMatchObject({ contracted: false });
    expect(body.results.find((r) => r.hospital === 'Erasmus MC')).toMatchObject({ contracted: null });
    expect((await get('specialty=0305&near=3011AB&radiusKm=10')).results.every((r) => !('contracted' in r))).toBe(true);
    expect((await fetch(`${s.url}/api/waiting-times?specialty=0305&near=3011AB&tenant=nobody`)).status).toBe(400);
  });

  it('the chat says which places have a contract, warns about the natura policy, and can show contracted places only', async () => {
    const h = { services: s.services, tenant: async (id: string) => tenantView((await s.services.tenants.find(id))!), close: async () => undefined };
    const c = new Conversation(h as never, 'demo-verzekeraar', 'nl');
    await play(c, [
      ['<start>', {}],
      ['Kan ik ergens anders sneller geholpen worden voor een nieuwe knie? Ik wacht al 30 weken.', { asks: 'postcode' }],
      ['3011 AB', { asks: 'maxTravelKm' }],
      ['10 km', { says: [/Voorbeeldkliniek Orthopedie B\.V\..*contract met uw verzekeraar/, /geen contract met uw verzekeraar/, /naturapolis misschien niet alles/], choices: ['Alleen plekken met contract'] }],
      ['Alleen plekken met contract', { says: [/alleen plekken zien met een contract/, /Voorbeeldkliniek/], never: [/Maasstad/, /geen contract met uw/] }],
    ]);
  });
});
