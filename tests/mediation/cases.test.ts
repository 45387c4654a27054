import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/server.ts';
import { arr, client, contractRequest, createCase, demo, login, type Session } from './helpers.ts';
import { caseDetailResponse, caseListResponse, statsResponse } from '../../bot/mediation/schemas.ts';

describe('mediation queue API', () => {
  let server: TestServer;
  let mediator: Session;
  let admin: Session;
  let other: Session;
  beforeAll(async () => {
    server = await startTestServer();
    [mediator, admin, other] = await Promise.all([login(server.url, demo.mediator), login(server.url, demo.admin), login(server.url, demo.otherMediator)]);
  });
  afterAll(async () => server.close());

  it('reads a case of the own insurer in the contract shape, and 401 without login', async () => {
    const c = await createCase(server.services);
    const r = await client(server.url, mediator).get(`/api/cases/${c.reference}`);
    expect(r.status).toBe(200);
    expect(caseDetailResponse.safeParse(r.body).success).toBe(true);
    expect(r.body.reference).toBe(c.reference);
    expect(r.body.insurer).toBe('demo-verzekeraar');
    expect(r.body.priority).toBe(2);
    expect(r.body.request?.patient?.dateOfBirth).toBe('1961-04-02');
    expect(r.body.firstContactDueAt).toBeTruthy();
    expect((await client(server.url, null).get(`/api/cases/${c.reference}`)).status).toBe(401);
    expect((await client(server.url, { token: 'wwt_forged' }).get(`/api/cases/${c.reference}`)).status).toBe(401);
  });

  it('answers 404 for unknown and malformed references', async () => {
    const api = client(server.url, mediator);
    expect((await api.get('/api/cases/ZB-0000-0000')).status).toBe(404);
    expect((await api.get('/api/cases/not-a-reference')).status).toBe(404);
    expect((await api.post('/api/cases/ZB-0000-0000/claim')).status).toBe(404);
  });

  it('hides every case route of one insurer from another insurer (404, as if absent)', async () => {
    const c = await createCase(server.services);
    const api = client(server.url, other);
    const ref = c.reference;
    const attempts = await Promise.all([
      api.get(`/api/cases/${ref}`),
      api.post(`/api/cases/${ref}/claim`),
      api.post(`/api/cases/${ref}/release`),
      api.post(`/api/cases/${ref}/status`, { status: 'in_progress' }),
      api.get(`/api/cases/${ref}/notes`),
      api.post(`/api/cases/${ref}/notes`, { text: 'probe' }),
      api.post(`/api/cases/${ref}/outcome`, { kind: 'no_faster_option' }),
      api.get(`/api/cases/${ref}/fhir`),
    ]);
    expect(attempts.map((a) => a.status)).toEqual([404, 404, 404, 404, 404, 404, 404, 404]);
    // …and the same body as a reference that never existed, so existence does not leak.
    const absent = await api.get('/api/cases/ZB-ZZZZ-ZZZZ');
    expect(attempts[0]?.body.error?.code).toBe(absent.body.error?.code);
    // Lists, stats and the audit view show nothing of the other insurer either.
    const list = await api.get('/api/cases?pageSize=100');
    expect(arr(list.body.items).map((i) => i.reference)).not.toContain(ref);
    const otherAdmin = await login(server.url, demo.otherAdmin);
    const audit = await client(server.url, otherAdmin).get(`/api/audit?case=${ref}`);
    expect(arr(audit.body.items).filter((i) => i.outcome === 'success')).toHaveLength(0);
    // Nothing changed on the real case.
    const own = await client(server.url, mediator).get(`/api/cases/${ref}`);
    expect(own.body.status).toBe('new');
    expect((await client(server.url, mediator).get(`/api/cases/${ref}/notes`)).body.items).toHaveLength(0);
  });

  it('lists most urgent first, filters and pages, without patient data', async () => {
    const { server: s2, close } = await (async () => {
      const s = await startTestServer();
      return { server: s, close: () => s.close() };
    })();
    try {
      const m = await login(s2.url, demo.mediator);
      const now = Date.now();
      const within = await createCase(s2.services, { request: contractRequest({ waitingWeeks: 5, treeknormExceeded: false }) });
      const far = await createCase(s2.services, { request: contractRequest({ waitingWeeks: 25 }) });
      const mid = await createCase(s2.services, { request: contractRequest({ waitingWeeks: 13, specialty: '0301', treatment: 'staar' }) });
      const doctor = await createCase(s2.services, { request: contractRequest({ waitingWeeks: 5, treeknormExceeded: false, doctorUrgency: 'urgent' }) });
      const old = await createCase(s2.services, { request: contractRequest({ waitingWeeks: 10 }), now: new Date(now - 40 * 86_400_000) });
      const api = client(s2.url, m);
      const all = await api.get('/api/cases');
      expect(all.status).toBe(200);
      expect(caseListResponse.safeParse(all.body).success).toBe(true);
      // far: 18 weeks over; old: 3 weeks over + 40 days in the queue; mid: 6 weeks; doctor: −2 weeks + 4; within: −2 weeks.
      expect(arr(all.body.items).map((i) => i.reference)).toEqual([far.reference, old.reference, mid.reference, doctor.reference, within.reference]);
      expect(JSON.stringify(all.body)).not.toContain('Jan Jansen');
      expect(all.body.total).toBe(5);

      expect(arr((await api.get('/api/cases?specialty=0301')).body.items).map((i) => i.reference)).toEqual([mid.reference]);
      expect(arr((await api.get('/api/cases?treeknormExceeded=false')).body.items).map((i) => i.reference)).toEqual([doctor.reference, within.reference]);
      expect(arr((await api.get('/api/cases?minAgeDays=30')).body.items).map((i) => i.reference)).toEqual([old.reference]);
      // The 40-day-old case was due long ago: overdue, first when sorted by due time.
      const overdue = await api.get('/api/cases?overdue=true');
      expect(arr(overdue.body.items).map((i) => i.reference)).toEqual([old.reference]);
      expect(arr(overdue.body.items)[0]?.overdue).toBe(true);
      expect(arr((await api.get('/api/cases?sort=due')).body.items)[0]!.reference).toBe(old.reference);
      const page2 = await api.get('/api/cases?page=2&pageSize=2');
      expect(arr(page2.body.items).map((i) => i.reference)).toEqual([mid.reference, doctor.reference]);
      expect(page2.body.total).toBe(5);

      await api.post(`/api/cases/${far.reference}/claim`);
      expect(arr((await api.get('/api/cases?status=new')).body.items)).toHaveLength(4);
      expect(arr((await api.get('/api/cases?status=claimed,in_progress')).body.items).map((i) => i.reference)).toEqual([far.reference]);

      for (const bad of ['status=open', 'pageSize=1000', 'page=0', 'specialty=ortho', 'overdue=yes', 'minAgeDays=-1', 'sort=random']) {
        const r = await api.get(`/api/cases?${bad}`);
        expect(r.status, bad).toBe(400);
        expect(r.body.error?.code).toBe('bad_request');
      }
    } finally {
      await close();
    }
  });

  it('of ten simultaneous claims exactly one wins; the rest get 409, whoever asks', async () => {
    const c = await createCase(server.services);
    const sessions = [mediator, admin, mediator, admin, mediator, admin, mediator, admin, mediator, admin];
    const results = await Promise.all(sessions.map((s) => client(server.url, s).post(`/api/cases/${c.reference}/claim`)));
    const statuses = results.map((r) => r.status).sort();
    expect(statuses).toEqual([200, 409, 409, 409, 409, 409, 409, 409, 409, 409]);
    const conflictBody = results.find((r) => r.status === 409)?.body;
    expect(conflictBody?.error?.details?.status).toBe('claimed');
    expect(await server.services.db.caseEvent.count({ where: { case: { reference: c.reference }, type: 'status' } })).toBe(1);
    // Claiming again, even by the winner, is 409 too.
    const winner = results.find((r) => r.status === 200)?.body.claimedBy?.id;
    const again = await client(server.url, winner === mediator.mediator.id ? mediator : admin).post(`/api/cases/${c.reference}/claim`);
    expect(again.status).toBe(409);
  });

  it('walks the workflow; unknown status 400, bad transition 409 with the allowed ones', async () => {
    const c = await createCase(server.services);
    const api = client(server.url, mediator);
    const path = `/api/cases/${c.reference}`;
    expect((await api.post(`${path}/status`, { status: 'done' })).status).toBe(400);
    expect((await api.post(`${path}/status`, {})).status).toBe(400);
    const skip = await api.post(`${path}/status`, { status: 'resolved' });
    expect(skip.status).toBe(409);
    expect(skip.body.error?.details?.allowed).toEqual(['claimed', 'closed']);
    expect((await api.post(`${path}/status`, { status: 'claimed' })).body.status).toBe('claimed');
    // Another mediator may not move a case claimed by someone else; an admin may.
    const otherMediator = await client(server.url, admin).post(`${path}/release`);
    expect(otherMediator.status).toBe(200);
    expect((await api.post(`${path}/claim`)).status).toBe(200);
    const inProgress = await api.post(`${path}/status`, { status: 'in_progress' });
    expect(inProgress.body.status).toBe('in_progress');
    expect(inProgress.body.firstContactAt).toBeTruthy();
    expect(inProgress.body.allowedTransitions).toEqual(['resolved', 'closed']);
    const closeWithoutReason = await api.post(`${path}/status`, { status: 'closed' });
    expect(closeWithoutReason.status).toBe(400);
    expect(closeWithoutReason.body.error?.message).toContain('reason');
    const resolved = await api.post(`${path}/status`, { status: 'resolved' });
    expect(resolved.body.status).toBe('resolved');
    const after = await api.post(`${path}/status`, { status: 'in_progress' });
    expect(after.status).toBe(409);
    expect(after.body.error?.details?.allowed).toEqual([]);
    // Nothing half-written: a refused transition leaves no event.
    expect(await server.services.db.caseEvent.count({ where: { case: { reference: c.reference }, type: 'status' } })).toBe(5); // claimed, released, claimed, in_progress, resolved
  });

  it('closes with a reason and answers 403 to a mediator on someone else\'s claimed case', async () => {
    const c = await createCase(server.services);
    const path = `/api/cases/${c.reference}`;
    expect((await client(server.url, admin).post(`${path}/claim`)).status).toBe(200);
    const notMine = await client(server.url, mediator).post(`${path}/status`, { status: 'in_progress' });
    expect(notMine.status).toBe(403);
    const closed = await client(server.url, admin).post(`${path}/status`, { status: 'closed', reason: 'Dubbele aanvraag' });
    expect(closed.body.status).toBe('closed');
    expect(closed.body.closedReason).toBe('Dubbele aanvraag');
  });

  it('keeps notes, refuses empty (400) and oversize (413) ones', async () => {
    const c = await createCase(server.services);
    const api = client(server.url, mediator);
    const path = `/api/cases/${c.reference}/notes`;
    const added = await api.post(path, { text: 'Patiënt gebeld, voicemail.' });
    expect(added.status).toBe(201);
    expect(added.body.author?.id).toBe(mediator.mediator.id);
    expect((await api.post(path, { text: '   ' })).status).toBe(400);
    expect((await api.post(path, {})).status).toBe(400);
    const big = await api.post(path, { text: 'x'.repeat(2001) });
    expect(big.status).toBe(413);
    expect(big.body.error?.code).toBe('note_too_large');
    const huge = await api.post(path, { text: 'x'.repeat(70_000) });
    expect(huge.status).toBe(413);
    expect((await api.post(path, '{"text": ')).status).toBe(400);
    const list = await api.get(path);
    expect(arr(list.body.items).map((n) => n.text)).toEqual(['Patiënt gebeld, voicemail.']);
  });

  it('records outcomes and reports the insurer\'s figures', async () => {
    const s = await startTestServer();
    try {
      const m = await login(s.url, demo.mediator);
      const api = client(s.url, m);
      const make = async () => (await createCase(s.services)).reference;
      const [a, b, c, d] = [await make(), await make(), await make(), await make()];
      expect((await api.post(`/api/cases/${a}/outcome`, { kind: 'no_faster_option' })).status).toBe(409); // not claimed yet
      for (const ref of [a, b, c]) await api.post(`/api/cases/${ref}/claim`);
      const faster = await api.post(`/api/cases/${a}/outcome`, { kind: 'faster_place_found', provider: 'Ziekenhuis Rivierenland', location: 'Tiel', date: '2026-12-10', originalDate: '2027-02-18' });
      expect(faster.status).toBe(200);
      expect(faster.body.outcome?.provider).toBe('Ziekenhuis Rivierenland');
      await api.post(`/api/cases/${b}/outcome`, { kind: 'faster_place_found', provider: 'Bergman Clinics', date: '2026-12-01', originalDate: '2027-01-12' });
      await api.post(`/api/cases/${c}/outcome`, { kind: 'patient_declined' });
      expect((await api.post(`/api/cases/${a}/outcome`, { kind: 'faster_place_found', provider: 'X' })).status).toBe(400); // no date
      expect((await api.post(`/api/cases/${a}/outcome`, { kind: 'moved_abroad' })).status).toBe(400);
      expect((await api.post(`/api/cases/${a}/outcome`, { kind: 'faster_place_found', provider: 'X', date: '2027-03-01', originalDate: '2027-01-01' })).status).toBe(400);
      await api.post(`/api/cases/${a}/status`, { status: 'in_progress' });
      await api.post(`/api/cases/${a}/status`, { status: 'resolved' });
      // A finished case's outcome is not overwritten.
      expect((await api.post(`/api/cases/${a}/outcome`, { kind: 'not_reachable' })).status).toBe(409);
      const stats = await api.get('/api/stats');
      expect(stats.status).toBe(200);
      expect(statsResponse.safeParse(stats.body).success).toBe(true);
      expect(stats.body.cases?.total).toBe(4);
      expect(stats.body.outcomes?.total).toBe(3);
      expect(stats.body.helped).toBe(2);
      expect(stats.body.shareHelped).toBeCloseTo(0.67, 2);
      expect(stats.body.daysSaved).toEqual({ cases: 2, total: 70 + 42, mean: 56, median: 56 });
      expect(stats.body.weeksSaved?.total).toBe(16);
      expect(stats.body.firstContact?.made).toBe(1);
      void d;
      // The other insurer's figures are its own.
      const otherStats = await client(s.url, await login(s.url, demo.otherMediator)).get('/api/stats');
      expect(otherStats.body.cases?.total).toBe(0);
      expect((await api.get('/api/stats?from=2026-13-01')).status).toBe(400);
    } finally {
      await s.close();
    }
  });
});
