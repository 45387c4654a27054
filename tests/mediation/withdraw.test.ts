import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/server.ts';
import { arr, client, createCase, demo, login } from './helpers.ts';
import { allowedTransitions, canWithdraw, fhirTaskStatus, handoffStatusFor } from '../../bot/domain/caseStatus.ts';

describe('the withdrawn status (the patient withdraws in the chat)', () => {
  it('is final, open cases only, and reads as cancelled / failed outside', () => {
    expect(canWithdraw('new')).toBe(true);
    expect(canWithdraw('claimed')).toBe(true);
    expect(canWithdraw('in_progress')).toBe(true);
    expect(canWithdraw('resolved')).toBe(false);
    expect(canWithdraw('closed')).toBe(false);
    expect(canWithdraw('withdrawn')).toBe(false);
    expect(allowedTransitions('withdrawn')).toEqual([]);
    // A mediator never sets it: it is not among the workflow's moves.
    for (const from of ['new', 'claimed', 'in_progress'] as const) expect(allowedTransitions(from)).not.toContain('withdrawn');
    expect(fhirTaskStatus('withdrawn', null)).toBe('cancelled');
    expect(handoffStatusFor('withdrawn', null)).toBe('failed');
  });
});

describe('withdrawing and adding a note from the conversation', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => server.close());

  it('marks the case withdrawn for the mediator, erases the patient data on it, audits and emits case.withdrawn', async () => {
    const hook = await server.services.db.webhookEndpoint.create({ data: { tenantId: 'demo-verzekeraar', url: 'https://hooks.example.test/x', secret: 's'.repeat(32), active: true, createdById: 'test' } });
    const c = await createCase(server.services, { conversationId: 'conv-withdraw-1' });
    expect(await server.services.cases.withdrawForConversation(c.reference, 'another-conversation')).toEqual({ status: 'not_found' });
    expect(await server.services.cases.withdrawForConversation(c.reference, 'conv-withdraw-1')).toEqual({ status: 'withdrawn' });

    const row = await server.services.db.case.findUniqueOrThrow({ where: { reference: c.reference } });
    expect(row.status).toBe('withdrawn');
    expect(row.anonymisedAt).not.toBeNull();
    expect(row.request).not.toContain('Jan Jansen');
    expect(row.transcript).toBeNull();

    const audit = await server.services.db.auditEvent.findMany({ where: { caseReference: c.reference, action: 'case.withdraw' } });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actorType: 'patient', outcome: 'success' });
    const events = await server.services.db.webhookOutbox.findMany({ where: { caseReference: c.reference, endpointId: hook.id }, orderBy: { createdAt: 'asc' } });
    expect(events.map((e) => e.eventType)).toEqual(['case.created', 'case.withdrawn']);
    expect(JSON.parse(events[1]!.payload)).toMatchObject({ type: 'case.withdrawn', change: 'withdrawn', case: { reference: c.reference, status: 'withdrawn' } });
    expect(events[1]!.payload).not.toContain('Jan Jansen');
    await server.services.db.webhookEndpoint.update({ where: { id: hook.id }, data: { active: false } });

    // Twice is no second withdrawal.
    expect((await server.services.cases.withdrawForConversation(c.reference, 'conv-withdraw-1')).status).toBe('not_found');
  });

  it('shows withdrawn cases in the mediation API, filters on them, and refuses withdrawn from a mediator', async () => {
    const c = await createCase(server.services, { conversationId: 'conv-withdraw-2' });
    const other = await createCase(server.services, { conversationId: 'conv-withdraw-3' });
    await server.services.cases.withdrawForConversation(c.reference, 'conv-withdraw-2');
    const api = client(server.url, await login(server.url, demo.mediator));
    const list = await api.get('/api/cases?status=withdrawn&pageSize=100');
    expect(list.status).toBe(200);
    const references = arr(list.body.items).map((i) => String(i.reference));
    expect(references).toContain(c.reference);
    expect(references).not.toContain(other.reference);
    const detail = await api.get(`/api/cases/${c.reference}`);
    expect(detail.body).toMatchObject({ status: 'withdrawn', anonymised: true, allowedTransitions: [] });
    const refused = await api.post(`/api/cases/${other.reference}/status`, { status: 'withdrawn' });
    expect(refused.status).toBe(400);
    expect(String(refused.body.message ?? JSON.stringify(refused.body))).toMatch(/withdrawn/);
    expect((await api.get(`/api/cases/${other.reference}`)).body.status).toBe('new');
  });

  it('lets the patient withdraw a case a mediator has picked up, but not a finished one', async () => {
    const api = client(server.url, await login(server.url, demo.mediator));
    const claimed = await createCase(server.services, { conversationId: 'conv-withdraw-4' });
    await api.post(`/api/cases/${claimed.reference}/claim`);
    expect((await server.services.cases.withdrawForConversation(claimed.reference, 'conv-withdraw-4')).status).toBe('withdrawn');
    const done = await createCase(server.services, { conversationId: 'conv-withdraw-5' });
    await api.post(`/api/cases/${done.reference}/claim`);
    await api.post(`/api/cases/${done.reference}/status`, { status: 'in_progress' });
    await api.post(`/api/cases/${done.reference}/status`, { status: 'resolved' });
    expect(await server.services.cases.withdrawForConversation(done.reference, 'conv-withdraw-5')).toEqual({ status: 'not_open', current: 'resolved' });
  });

  it("stores the patient's note on their open case, audited, with the patient as author, visible to the mediator", async () => {
    const c = await createCase(server.services, { conversationId: 'conv-note-1' });
    expect(await server.services.cases.addPatientNote(c.reference, 'someone-else', 'hallo')).toBe(false);
    expect(await server.services.cases.addPatientNote(c.reference, 'conv-note-1', 'Ik kan alleen op maandag gebeld worden')).toBe(true);
    const api = client(server.url, await login(server.url, demo.mediator));
    const notes = await api.get(`/api/cases/${c.reference}/notes`);
    expect(arr(notes.body.items)).toHaveLength(1);
    expect(arr(notes.body.items)[0]).toMatchObject({ text: 'Ik kan alleen op maandag gebeld worden', author: { id: 'patient', name: 'Patiënt (chat)' } });
    const audit = await server.services.db.auditEvent.findMany({ where: { caseReference: c.reference, action: 'case.note.add' } });
    expect(audit.map((a) => a.actorType)).toEqual(['patient']);
    await server.services.cases.withdrawForConversation(c.reference, 'conv-note-1');
    expect(await server.services.cases.addPatientNote(c.reference, 'conv-note-1', 'nog iets')).toBe(false);
  });
});
