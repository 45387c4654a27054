import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/server.ts';
import { arr, client, contractRequest, createCase, demo, login, type J, type Session } from './helpers.ts';
import { caseDetailResponse, caseListResponse, sessionResponse } from '../../bot/mediation/schemas.ts';
import { phoneKey, referenceFrom, searchTerms } from '../../bot/domain/caseSearch.ts';
import { auditCsv, csvField } from '../../bot/data/audit.ts';

describe('case search terms (pure)', () => {
  it('reads a reference spoken with O for 0, I/L for 1, spaces, no dash, any case', () => {
    expect(referenceFrom('ZB-BSOO-4WC3')).toBe('ZB-BS00-4WC3');
    expect(referenceFrom('zb bsoo 4wc3')).toBe('ZB-BS00-4WC3');
    expect(referenceFrom('ZBBS004WC3')).toBe('ZB-BS00-4WC3');
    expect(referenceFrom('bs00-4wcI')).toBe('ZB-BS00-4WC1');
    expect(referenceFrom('ZB-BS00-4WL3')).toBe('ZB-BS00-4W13');
    expect(referenceFrom('Jansen')).toBeNull();
  });

  it('treats 06…, +31 6… and 0031 6… as one Dutch number', () => {
    expect(phoneKey('+31 6 1234 5678')).toBe('0612345678');
    expect(phoneKey('0031612345678')).toBe('0612345678');
    expect(phoneKey('06-12 34 56 78')).toBe('0612345678');
    expect(searchTerms('+31 6 12345678').phone).toBe('0612345678');
  });

  it('never keeps the text itself, only which kinds of term it tried', () => {
    expect(searchTerms('Jansen').kinds).toEqual(['name']);
    expect(searchTerms('jan@example.nl').kinds).toEqual(['email']);
  });
});

describe('audit CSV export (pure)', () => {
  it('neutralises spreadsheet formulas and quotes separators', () => {
    expect(csvField('=HYPERLINK("http://x","y")')).toBe(`"'=HYPERLINK(""http://x"",""y"")"`);
    expect(csvField('+31')).toBe("\"'+31\"");
    expect(csvField('-1')).toBe("\"'-1\"");
    expect(csvField('@SUM(A1)')).toBe("\"'@SUM(A1)\"");
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('plain')).toBe('plain');
    const csv = auditCsv([{ id: '1', at: '2026-11-20T10:00:00.000Z', actorType: 'mediator', actorId: 'm1', actorName: '=cmd', actorRole: 'admin', onBehalfOf: null, onBehalfOfName: null, action: 'case.read', outcome: 'success', caseReference: 'ZB-AAAA-BBBB', ipHash: null, userAgent: null, details: {} }]);
    expect(csv.split('\r\n')[0]).toMatch(/^at,action,outcome,actorType,actorId,actorName/);
    expect(csv).toContain("\"'=cmd\"");
  });
});

describe('the mediator\'s desk API', () => {
  let server: TestServer;
  let mediator: Session;
  let admin: Session;
  let colleague: Session;
  let other: Session;
  beforeAll(async () => {
    server = await startTestServer();
    [mediator, admin, other] = await Promise.all([login(server.url, demo.mediator), login(server.url, demo.admin), login(server.url, demo.otherMediator)]);
    const created = await client(server.url, admin).post('/api/mediators', { email: 'collega@demo-verzekeraar.test', name: 'Collega Bakker', role: 'mediator', password: 'a-long-password-1' });
    expect(created.status).toBe(201);
    colleague = await login(server.url, 'collega@demo-verzekeraar.test', 'a-long-password-1');
  });
  afterAll(async () => server.close());

  const refs = (r: { body: J }) => arr(r.body.items).map((i) => String(i.reference));

  it('finds a case by its reference however it is read aloud', async () => {
    const c = await createCase(server.services);
    const api = client(server.url, mediator);
    const spoken = c.reference.replace(/0/g, 'O').replace(/1/g, 'l').replace('-', ' ').toLowerCase().replace(/-/g, '');
    for (const q of [c.reference, spoken, c.reference.replace(/-/g, '')]) {
      const r = await api.get(`/api/cases?q=${encodeURIComponent(q)}`);
      expect(r.status, q).toBe(200);
      expect(refs(r), q).toContain(c.reference);
    }
  });

  it('finds by part of the name without accents, by phone in either form, by policy number and by e-mail; never another insurer\'s case', async () => {
    const c = await createCase(server.services, { request: contractRequest({}, { fullName: 'Renée van der Wiél', phone: '+31 6 2345 6789', policyNumber: 'POL-778899', email: 'Renee@Example.NL' }) });
    const foreign = await createCase(server.services, { insurer: 'andere-verzekeraar', request: contractRequest({}, { fullName: 'Renée van der Wiél', phone: '0623456789' }) });
    const api = client(server.url, mediator);
    for (const q of ['renee', 'RENEE WIEL', 'van der wi', '0623456789', '06-23 45 67 89', '+31623456789', 'POL778899', 'pol-778899', 'renee@example.nl']) {
      const r = await api.get(`/api/cases?q=${encodeURIComponent(q)}`);
      expect(r.status, q).toBe(200);
      expect(refs(r), q).toContain(c.reference);
      expect(refs(r), q).not.toContain(foreign.reference);
    }
    expect(refs(await api.get('/api/cases?q=Pietersen'))).not.toContain(c.reference);
  });

  it('audits every search without writing the search text', async () => {
    await client(server.url, mediator).get('/api/cases?q=Wi%C3%A9l');
    const log = await client(server.url, admin).get('/api/audit?action=case.search&pageSize=5');
    expect(log.status).toBe(200);
    const row = arr(log.body.items)[0]!;
    expect(row.action).toBe('case.search');
    expect(row.actorName).toBe(mediator.mediator.name);
    expect(JSON.stringify(row.details)).not.toMatch(/wi[eé]l/i);
    expect(arr(row.details?.kinds)).toContain('name');
  });

  it('answers an unknown query parameter with a 400 that names it', async () => {
    const api = client(server.url, mediator);
    const r = await api.get('/api/cases?stauts=new');
    expect(r.status).toBe(400);
    expect(r.body.error?.message).toContain('stauts');
    expect(r.body.error?.details?.parameter).toBe('stauts');
    expect((await api.get('/api/auth/session?x=1')).status).toBe(400);
    expect((await client(server.url, admin).get('/api/audit?foo=1')).status).toBe(400);
  });

  it('gives updatedAt on every item and a change feed with updatedSince and cursor paging', async () => {
    const since = new Date().toISOString();
    await new Promise((r) => setTimeout(r, 5));
    const made = [];
    for (let i = 0; i < 3; i++) made.push(await createCase(server.services));
    const api = client(server.url, mediator);
    const first = await api.get(`/api/cases?updatedSince=${encodeURIComponent(since)}&pageSize=2`);
    expect(first.status).toBe(200);
    expect(caseListResponse.safeParse(first.body).success).toBe(true);
    expect(arr(first.body.items).every((i) => typeof i.updatedAt === 'string')).toBe(true);
    expect(refs(first)).toEqual(made.slice(0, 2).map((c) => c.reference));
    const second = await api.get(`/api/cases?updatedSince=${encodeURIComponent(since)}&pageSize=2&cursor=${String(first.body.nextCursor)}`);
    expect(refs(second)).toEqual([made[2]!.reference]);
    expect(second.body.nextCursor).toBeNull();
    // A change moves the case to the end of the feed.
    await api.post(`/api/cases/${made[0]!.reference}/claim`);
    const after = await api.get(`/api/cases?updatedSince=${encodeURIComponent(since)}&pageSize=10`);
    expect(refs(after).at(-1)).toBe(made[0]!.reference);
    expect((await api.get('/api/cases?cursor=garbage')).status).toBe(400);
    expect((await api.get('/api/cases?updatedSince=yesterday')).status).toBe(400);
  });

  it('assigns to a colleague (holder or admin), filters mine/unassigned, and refuses another insurer\'s account', async () => {
    const c = await createCase(server.services);
    const m = client(server.url, mediator);
    const col = client(server.url, colleague);
    // Nobody holds a new case: only an admin may hand it out.
    expect((await m.post(`/api/cases/${c.reference}/assign`, { mediatorId: colleague.mediator.id })).status).toBe(403);
    expect((await m.post(`/api/cases/${c.reference}/claim`)).status).toBe(200);
    // A colleague who does not hold it may not give it away.
    const denied = await col.post(`/api/cases/${c.reference}/assign`, { mediatorId: colleague.mediator.id });
    expect(denied.status).toBe(403);
    expect(denied.body.error?.details?.holder?.name).toBe(mediator.mediator.name);
    expect((await m.post(`/api/cases/${c.reference}/assign`, { mediatorId: other.mediator.id })).status).toBe(400);
    expect((await m.post(`/api/cases/${c.reference}/status`, { status: 'in_progress' })).status).toBe(200);
    const given = await m.post(`/api/cases/${c.reference}/assign`, { mediatorId: colleague.mediator.id });
    expect(given.status).toBe(200);
    expect(given.body.status).toBe('in_progress');
    expect(given.body.claimedBy?.id).toBe(colleague.mediator.id);
    expect(refs(await col.get('/api/cases?assignee=me&pageSize=100'))).toContain(c.reference);
    expect(refs(await m.get('/api/cases?assignee=me&pageSize=100'))).not.toContain(c.reference);
    expect(refs(await m.get('/api/cases?assignee=none&pageSize=100'))).not.toContain(c.reference);
    expect(refs(await m.get(`/api/cases?assignee=${colleague.mediator.id}&pageSize=100`))).toContain(c.reference);
    // The former holder can no longer change it; an admin can release it even in progress.
    expect((await m.post(`/api/cases/${c.reference}/status`, { status: 'resolved' })).status).toBe(403);
    const released = await client(server.url, admin).post(`/api/cases/${c.reference}/release`);
    expect(released.status).toBe(200);
    expect(released.body.status).toBe('new');
    expect(released.body.claimedBy).toBeNull();
    expect(refs(await m.get('/api/cases?assignee=none&pageSize=100'))).toContain(c.reference);
  });

  it('an admin assigns a new case straight to a colleague', async () => {
    const c = await createCase(server.services);
    const r = await client(server.url, admin).post(`/api/cases/${c.reference}/assign`, { mediatorId: colleague.mediator.id });
    expect(r.status).toBe(200);
    expect(r.body.status).toBe('claimed');
    expect(r.body.claimedBy?.name).toBe('Collega Bakker');
  });

  it('a case a system token holds never locks people out', async () => {
    const token = await client(server.url, admin).post('/api/tokens', { name: 'CRM-koppeling' });
    const system = client(server.url, { token: String(token.body.token) });
    const c = await createCase(server.services);
    const claimed = await system.post(`/api/cases/${c.reference}/claim`);
    expect(claimed.status).toBe(200);
    expect(claimed.body.claimedBy?.kind).toBe('api_token');
    const m = client(server.url, mediator);
    expect((await m.post(`/api/cases/${c.reference}/assign`, { mediatorId: mediator.mediator.id })).status).toBe(200);
    // …but a person's case is not a token's to change.
    expect((await system.post(`/api/cases/${c.reference}/status`, { status: 'in_progress' })).status).toBe(403);
    // The audit view names the token.
    const log = await client(server.url, admin).get(`/api/audit?case=${c.reference}&action=case.claim`);
    expect(arr(log.body.items).map((i) => i.actorName)).toContain('CRM-koppeling');
  });

  it('answers the case\'s history with names (who claimed, to whom it was given, the patient\'s withdrawal)', async () => {
    const c = await createCase(server.services, { conversationId: 'conv-history-desk' });
    const m = client(server.url, mediator);
    await m.post(`/api/cases/${c.reference}/claim`);
    await m.post(`/api/cases/${c.reference}/assign`, { mediatorId: colleague.mediator.id });
    const r = await m.get(`/api/cases/${c.reference}`);
    expect(caseDetailResponse.safeParse(r.body).success).toBe(true);
    const history = arr(r.body.history).map((e) => ({ type: String(e.type), actorType: String(e.actorType), actorName: e.actorName, to: e.to, toName: e.toName }));
    expect(history[0]).toMatchObject({ type: 'created', actorType: 'patient' });
    expect(history[1]).toMatchObject({ type: 'status', to: 'claimed', actorName: mediator.mediator.name });
    expect(history[2]).toMatchObject({ type: 'assign', toName: 'Collega Bakker', actorName: mediator.mediator.name });
    expect((await server.services.cases.withdrawForConversation(c.reference, 'conv-history-desk')).status).toBe('withdrawn');
    const after = await m.get(`/api/cases/${c.reference}`);
    expect(arr(after.body.history).some((e) => e.type === 'status' && e.to === 'withdrawn' && e.actorType === 'patient')).toBe(true);
  });

  it('reports the median hours from a request to its first contact', async () => {
    const created = new Date(Date.now() - 10 * 3_600_000);
    const c = await createCase(server.services, { now: created });
    const m = client(server.url, mediator);
    await m.post(`/api/cases/${c.reference}/claim`);
    await m.post(`/api/cases/${c.reference}/status`, { status: 'in_progress' });
    const stats = await m.get('/api/stats');
    expect(stats.status).toBe(200);
    expect(Number(stats.body.firstContact?.medianHours)).toBeGreaterThan(0);
  });

  it('a reader token reads cases but may not claim or change one (403, logged); a mediator token may claim', async () => {
    const a = client(server.url, admin);
    const created = await a.post('/api/tokens', { name: 'Rapportage', role: 'reader' });
    expect(created.status).toBe(201);
    expect(created.body.role).toBe('reader');
    const reader = client(server.url, { token: String(created.body.token) });
    const c = await createCase(server.services);
    expect((await reader.get(`/api/cases/${c.reference}`)).status).toBe(200);
    expect((await reader.get('/api/cases?status=new')).status).toBe(200);
    const claim = await reader.post(`/api/cases/${c.reference}/claim`);
    expect(claim.status).toBe(403);
    expect(String(claim.body.error?.message)).toContain('reader');
    expect((await reader.post(`/api/cases/${c.reference}/notes`, { text: 'x' })).status).toBe(403);
    expect((await server.services.db.case.findUniqueOrThrow({ where: { reference: c.reference } })).status).toBe('new');
    const session = await reader.get('/api/auth/session');
    expect(sessionResponse.safeParse(session.body).success).toBe(true);
    const log = await a.get(`/api/audit?actor=${String(created.body.id)}&action=api.write`);
    expect(arr(log.body.items).map((i) => [i.outcome, i.actorName])).toContainEqual(['denied', 'Rapportage']);
    // The same claim by a token that works cases succeeds.
    const worker = await a.post('/api/tokens', { name: 'CRM-werkbak', role: 'mediator' });
    expect((await client(server.url, { token: String(worker.body.token) }).post(`/api/cases/${c.reference}/claim`)).status).toBe(200);
  });

  it('reopens a resolved case with a reason, which becomes a note', async () => {
    const c = await createCase(server.services);
    const m = client(server.url, mediator);
    await m.post(`/api/cases/${c.reference}/claim`);
    await m.post(`/api/cases/${c.reference}/status`, { status: 'in_progress' });
    const resolved = await m.post(`/api/cases/${c.reference}/status`, { status: 'resolved' });
    expect(resolved.body.reopenable).toBe(true);
    const col = client(server.url, colleague);
    expect((await col.post(`/api/cases/${c.reference}/reopen`, {})).status).toBe(400);
    const reopened = await col.post(`/api/cases/${c.reference}/reopen`, { reason: 'Patiënt belde terug: nieuwe datum past niet' });
    expect(reopened.status).toBe(200);
    expect(reopened.body.status).toBe('in_progress');
    expect(reopened.body.claimedBy?.id).toBe(colleague.mediator.id);
    const notes = await col.get(`/api/cases/${c.reference}/notes`);
    expect(String(arr(notes.body.items).at(-1)?.text)).toContain('nieuwe datum past niet');
    expect((await col.post(`/api/cases/${c.reference}/reopen`, { reason: 'again' })).status).toBe(409);
  });

  it('flags and links a second request of the same patient, by policy number or by date of birth with name', async () => {
    const first = await createCase(server.services, { request: contractRequest({}, { fullName: 'Piet Duplo', dateOfBirth: '1950-01-01', policyNumber: 'DUP-1' }) });
    const second = await createCase(server.services, { request: contractRequest({}, { fullName: 'piet  duplo', dateOfBirth: '1950-01-01', policyNumber: null }) });
    const third = await createCase(server.services, { request: contractRequest({}, { fullName: 'Iemand Anders', dateOfBirth: '1970-02-02', policyNumber: 'dup1' }) });
    const m = client(server.url, mediator);
    const a = await m.get(`/api/cases/${first.reference}`);
    expect(a.body.duplicate).toBe(true);
    expect(arr(a.body.duplicates).map((d) => [d.reference, d.match])).toEqual([[second.reference, 'nameAndDateOfBirth'], [third.reference, 'policyNumber']]);
    const b = await m.get(`/api/cases/${second.reference}`);
    expect(arr(b.body.duplicates).map((d) => d.reference)).toEqual([first.reference]);
    const list = await m.get(`/api/cases?q=duplo`);
    expect(arr(list.body.items).every((i) => (i.duplicate as unknown) === true)).toBe(true);
    const alone = await m.get(`/api/cases/${(await createCase(server.services, { request: contractRequest({}, { fullName: 'Uniek Mens', dateOfBirth: '1980-03-03', policyNumber: 'UNIQ-9' }) })).reference}`);
    expect(alone.body.duplicate).toBe(false);
  });

  it('answers faster places within the patient\'s radius on the case, in the contract shape', async () => {
    const c = await createCase(server.services, { request: contractRequest({ careType: 'clinical' }) });
    const r = await client(server.url, mediator).get(`/api/cases/${c.reference}`);
    expect(r.status).toBe(200);
    expect(caseDetailResponse.safeParse(r.body).success).toBe(true);
    const alternatives = arr(r.body.alternatives);
    expect(alternatives.length).toBeGreaterThan(0);
    for (const a of alternatives) {
      expect(Object.keys(a)).toEqual(expect.arrayContaining(['hospital', 'location', 'city', 'distanceKm', 'weeks', 'weeksSaved', 'measuredAt', 'isDemo']));
      expect(Number(a.distanceKm)).toBeLessThanOrEqual(30);
      expect(Number(a.weeks)).toBeLessThan(13);
      expect(a.hospital).not.toBe('Maasstad Ziekenhuis');
    }
    const weeks = alternatives.map((a) => Number(a.weeks));
    expect(weeks).toEqual([...weeks].sort((x, y) => x - y));
    // Without a radius there is nothing to offer, rather than a guess.
    const none = await createCase(server.services, { request: contractRequest({ maxTravelKm: null }) });
    expect(arr((await client(server.url, mediator).get(`/api/cases/${none.reference}`)).body.alternatives)).toEqual([]);
  });

  it('filters the audit view by person, action and date range, and exports CSV', async () => {
    const api = client(server.url, admin);
    const today = new Date().toISOString().slice(0, 10);
    const byPerson = await api.get(`/api/audit?actor=${colleague.mediator.id}&pageSize=200`);
    expect(byPerson.status).toBe(200);
    expect(arr(byPerson.body.items).length).toBeGreaterThan(0);
    expect(arr(byPerson.body.items).every((i) => i.actorId === colleague.mediator.id && i.actorName === 'Collega Bakker')).toBe(true);
    const family = await api.get('/api/audit?action=case.&pageSize=200');
    expect(arr(family.body.items).every((i) => String(i.action).startsWith('case.'))).toBe(true);
    expect(arr((await api.get('/api/audit?from=2000-01-01&to=2000-01-02')).body.items)).toHaveLength(0);
    expect(arr((await api.get(`/api/audit?from=${today}&to=${today}`)).body.items).length).toBeGreaterThan(0);
    const r = await fetch(`${server.url}/api/audit/export?actor=${colleague.mediator.id}`, { headers: { cookie: admin.cookie } });
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toContain('text/csv');
    const csv = await r.text();
    expect(csv.split('\r\n')[0]).toContain('actorName');
    expect(csv).toContain('Collega Bakker');
    expect((await client(server.url, mediator).get('/api/audit/export')).status).toBe(403);
  });

  it('numbers each case\'s webhook events, sends one for a note (without its text), and redelivers on request', async () => {
    const api = client(server.url, admin);
    const endpoint = await api.post('/api/webhooks', { url: 'http://127.0.0.1:9/hooks' });
    expect(endpoint.status).toBe(201);
    try {
      const c = await createCase(server.services);
      const m = client(server.url, mediator);
      await m.post(`/api/cases/${c.reference}/claim`);
      await m.post(`/api/cases/${c.reference}/notes`, { text: 'Geheime notitie' });
      const rows = await server.services.db.webhookOutbox.findMany({ where: { caseReference: c.reference, endpointId: String(endpoint.body.id) }, orderBy: { createdAt: 'asc' } });
      const bodies = rows.map((r) => JSON.parse(r.payload) as { sequence: number; change?: string });
      expect(bodies.map((b) => b.sequence)).toEqual([1, 2, 3]);
      expect(bodies.map((b) => b.change ?? null)).toEqual([null, 'claim', 'note']);
      expect(rows.map((r) => r.payload).join()).not.toContain('Geheime');
      await server.services.db.webhookOutbox.update({ where: { id: rows[0]!.id }, data: { status: 'failed' } });
      const again = await api.post(`/api/webhooks/deliveries/${rows[0]!.id}/redeliver`);
      expect(again.status).toBe(202);
      expect((await server.services.db.webhookOutbox.findUniqueOrThrow({ where: { id: rows[0]!.id } })).status).toBe('pending');
      expect((await client(server.url, other).post(`/api/webhooks/deliveries/${rows[0]!.id}/redeliver`)).status).toBe(403);
      expect((await api.post('/api/webhooks/deliveries/nope/redeliver')).status).toBe(404);
    } finally {
      await api.del(`/api/webhooks/${String(endpoint.body.id)}`);
    }
  });
});
