import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/server.ts';
import { arr, client, createCase, demo, login, type Session } from './helpers.ts';
import { auditResponse } from '../../bot/mediation/schemas.ts';

describe('NEN 7513 audit log', () => {
  let server: TestServer;
  let mediator: Session;
  let admin: Session;
  beforeAll(async () => {
    server = await startTestServer();
    [mediator, admin] = await Promise.all([login(server.url, demo.mediator), login(server.url, demo.admin)]);
  });
  afterAll(async () => server.close());

  it('logs every read and change of a case: who, on whose behalf, what, when, which case, from where', async () => {
    const c = await createCase(server.services);
    const api = client(server.url, mediator);
    await api.get('/api/cases?status=new');
    await api.get(`/api/cases/${c.reference}`);
    await api.post(`/api/cases/${c.reference}/claim`);
    await api.post(`/api/cases/${c.reference}/notes`, { text: 'Gebeld' });
    await api.get(`/api/cases/${c.reference}/notes`);
    await api.post(`/api/cases/${c.reference}/status`, { status: 'in_progress' });
    await api.post(`/api/cases/${c.reference}/outcome`, { kind: 'no_faster_option' });
    await api.get(`/api/cases/${c.reference}/fhir`);
    await api.post(`/api/cases/${c.reference}/status`, { status: 'new' }); // refused: logged as a conflict
    const r = await client(server.url, admin).get(`/api/audit?case=${c.reference}&pageSize=50`);
    expect(r.status).toBe(200);
    expect(auditResponse.safeParse(r.body).success).toBe(true);
    const rows = arr(r.body.items).reverse();
    expect(rows.map((x) => `${x.action}:${x.outcome}`)).toEqual([
      'case.create:success', 'case.read:success', 'case.claim:success', 'case.note.add:success', 'case.note.read:success',
      'case.status:success', 'case.outcome:success', 'case.export.fhir:success', 'case.status:conflict',
    ]);
    const read = rows[1]!;
    expect(read.actorType).toBe('mediator');
    expect(read.actorId).toBe(mediator.mediator.id);
    expect(read.actorRole).toBe('mediator');
    expect(read.onBehalfOf).toBe('insurer:demo-verzekeraar');
    expect(read.ipHash).toMatch(/^[0-9a-f]{32}$/);
    expect(read.ipHash).not.toContain('127.0.0.1');
    expect(read.userAgent).toBeTruthy();
    expect(Date.parse(String(read.at))).toBeGreaterThan(Date.now() - 60_000);
  });

  it('logs list and search actions with the filters and the references shown', async () => {
    const c = await createCase(server.services);
    await client(server.url, mediator).get('/api/cases?specialty=0305&overdue=false&pageSize=100');
    const rows = arr((await client(server.url, admin).get('/api/audit?pageSize=20')).body.items);
    const list = rows.find((x) => x.action === 'case.list')!;
    expect(list.details?.filters?.specialty).toBe('0305');
    expect(arr(list.details?.references)).toContain(c.reference);
  });

  it('logs probes of unknown or foreign cases as not_found in the caller\'s own log', async () => {
    const c = await createCase(server.services);
    const other = await login(server.url, demo.otherMediator);
    await client(server.url, other).get(`/api/cases/${c.reference}`);
    const otherAdmin = await login(server.url, demo.otherAdmin);
    const rows = arr((await client(server.url, otherAdmin).get(`/api/audit?case=${c.reference}`)).body.items);
    expect(rows.map((x) => `${x.action}:${x.outcome}`)).toEqual(['case.read:not_found']);
    // The owner's log has no trace of the other insurer's attempt.
    const own = arr((await client(server.url, admin).get(`/api/audit?case=${c.reference}`)).body.items);
    expect(own.every((x) => x.actorId !== other.mediator.id)).toBe(true);
  });

  it('is for admins only, paged, and reading it is logged too', async () => {
    expect((await client(server.url, mediator).get('/api/audit')).status).toBe(403);
    const page1 = await client(server.url, admin).get('/api/audit?page=1&pageSize=2');
    expect(arr(page1.body.items)).toHaveLength(2);
    expect(Number(page1.body.total)).toBeGreaterThan(2);
    const page2 = await client(server.url, admin).get('/api/audit?page=2&pageSize=2');
    expect(arr(page2.body.items)[0]?.id).not.toBe(arr(page1.body.items)[0]?.id);
    expect((await client(server.url, admin).get('/api/audit?pageSize=500')).status).toBe(400);
    expect((await client(server.url, admin).get('/api/audit?case=foo')).status).toBe(400);
    const latest = arr((await client(server.url, admin).get('/api/audit?pageSize=1')).body.items)[0]!;
    expect(latest.action).toBe('audit.read');
  });

  it('cannot be changed or deleted, not even with SQL', async () => {
    const db = server.services.db;
    const row = await db.auditEvent.findFirstOrThrow();
    await expect(db.auditEvent.update({ where: { id: row.id }, data: { action: 'x' } })).rejects.toThrow();
    await expect(db.auditEvent.delete({ where: { id: row.id } })).rejects.toThrow();
    await expect(db.$executeRawUnsafe('UPDATE "AuditEvent" SET "actorId" = NULL')).rejects.toThrow(/append-only/);
    await expect(db.$executeRawUnsafe('DELETE FROM "AuditEvent"')).rejects.toThrow(/append-only/);
    expect((await db.auditEvent.findUniqueOrThrow({ where: { id: row.id } })).action).toBe(row.action);
    // And the API offers no way to change it.
    const api = client(server.url, admin);
    expect((await api.del(`/api/audit/${row.id}`)).status).toBe(404);
    expect((await api.post(`/api/audit`, {})).status).toBe(404);
  });
});
