// Imported providers and the insurer's contracts, end to end: the admin contract upload
// (authenticated, CSRF), `contracted` per result in the public API when a tenant is given, the
// chat saying which places have a contract (and the natura-policy note), and "contracted only".
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importWaitingTimes } from '../../bot/data/waitingTimeImporter.ts';
import { startTestServer, type TestServer } from '../support/server.ts';
import { arr, client, contractRequest, createCase, login } from '../mediation/helpers.ts';
import { Conversation, play } from '../conversation/harness.ts';
import { tenantView } from '../../bot/data/tenantView.ts';
import { recentNzaFixture } from '../support/nzaFixture.ts';
import { contractsResponse, contractUploadResponse, waitingTimeSyncResponse } from '../../bot/mediation/schemas.ts';

// Dated two weeks back from today: the figures are current whatever the date the suite runs.
const xml = recentNzaFixture('nza-zorgbeeld.xml');
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
    // The API's one error shape, with the lines in details.errors.
    const badBody = (await bad.json()) as { error: { code: string; message: string; details: { errors: unknown[] } } };
    expect(badBody.error).toMatchObject({ code: 'bad_request', message: expect.stringMatching(/not stored/) });
    expect(badBody.error.details.errors).toEqual([{ line: 2, reason: expect.stringMatching(/yes or no/) }]);
    const ok = await post({ cookie: admin.cookie, 'x-csrf-token': admin.csrf });
    expect(ok.status).toBe(200);
    const stored = await ok.json();
    expect(stored).toMatchObject({ status: 'stored', stored: 2 });
    expect(contractUploadResponse.safeParse(stored).error).toBeUndefined();
    const list = await (await fetch(`${s.url}/api/admin/contracts`, { headers: { cookie: admin.cookie } })).json();
    expect(contractsResponse.safeParse(list).error).toBeUndefined();
    expect((list as { contracts: unknown[] }).contracts).toHaveLength(2);
    const sync = await fetch(`${s.url}/api/admin/waiting-times/sync`, { headers: { cookie: admin.cookie } });
    expect(sync.status).toBe(200);
    const syncBody = await sync.json();
    expect(syncBody).toMatchObject({ scheduled: false, everyDays: 14 });
    // The answers keep the shapes the OpenAPI document gives them.
    expect(waitingTimeSyncResponse.safeParse(syncBody).error).toBeUndefined();
    // As everywhere in the API, a parameter the route does not know is a 400 that names it.
    const typo = await fetch(`${s.url}/api/admin/contracts?tenant=andere-verzekeraar`, { headers: { cookie: admin.cookie } });
    expect(typo.status).toBe(400);
    expect(((await typo.json()) as { error: { details: { parameter: string } } }).error.details.parameter).toBe('tenant');
  });

  it('the public API says `contracted` per result when a tenant is given, and not without one', async () => {
    const body = await get('specialty=0305&near=3011AB&radiusKm=10&tenant=demo-verzekeraar');
    expect(body.results.find((r) => r.hospital === 'Voorbeeldkliniek Orthopedie B.V.')).toMatchObject({ contracted: true });
    expect(body.results.find((r) => r.hospital === 'Maasstad Ziekenhuis')).toMatchObject({ contracted: false });
    expect(body.results.find((r) => r.hospital === 'Erasmus MC')).toMatchObject({ contracted: null });
    expect((await get('specialty=0305&near=3011AB&radiusKm=10')).results.every((r) => !('contracted' in r))).toBe(true);
    expect((await fetch(`${s.url}/api/waiting-times?specialty=0305&near=3011AB&tenant=nobody`)).status).toBe(400);
  });

  it('a case\'s alternatives say whether the case\'s insurer has a contract with each place; another insurer without contracts gets null', async () => {
    // Uploaded in the test above: the clinic contracted for orthopaedics, Maasstad not contracted at all.
    const request = contractRequest({ hospital: 'Erasmus MC', waitingWeeks: 40, maxTravelKm: 10, careType: 'outpatient' });
    const ours = await createCase(s.services, { request });
    const mediator = await login(s.url, 'mediator@demo-verzekeraar.test');
    const r = await client(s.url, mediator).get(`/api/cases/${ours.reference}`);
    expect(r.status).toBe(200);
    const alternatives = arr(r.body.alternatives);
    expect(alternatives.find((a) => a.hospital === 'Voorbeeldkliniek Orthopedie B.V.')).toMatchObject({ contracted: true, isDemo: false });
    expect(alternatives.find((a) => a.hospital === 'Maasstad Ziekenhuis')).toMatchObject({ contracted: false });
    expect(alternatives.some((a) => a.hospital === 'Erasmus MC')).toBe(false);
    // The same request at an insurer that loaded no contracts: unknown, never a guess.
    const theirs = await createCase(s.services, { insurer: 'andere-verzekeraar', request });
    const other = await login(s.url, 'mediator@andere-verzekeraar.test');
    const o = arr((await client(s.url, other).get(`/api/cases/${theirs.reference}`)).body.alternatives);
    expect(o.length).toBeGreaterThan(0);
    expect(o.every((a) => (a.contracted as unknown) === null)).toBe(true);
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
