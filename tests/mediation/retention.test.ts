import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/server.ts';
import { createCase, contractRequest } from './helpers.ts';
import { runRetention, eraseCasesForConversation } from '../../bot/mediation/retention.ts';
import { patientCaseStatus } from '../../bot/mediation/patientStatus.ts';
import type { Actor } from '../../bot/data/audit.ts';

const day = 86_400_000;
const personal = ['Jan Jansen', '1961-04-02', '12345678', '0612345678', '3011AB', 'Ik wacht al 13 weken'];

describe('retention, erasure and the patient\'s status', () => {
  let server: TestServer;
  let mediatorActor: Actor;
  beforeAll(async () => {
    server = await startTestServer();
    const m = await server.services.db.mediator.findUniqueOrThrow({ where: { email: 'mediator@demo-verzekeraar.test' } });
    mediatorActor = { type: 'mediator', id: m.id, role: 'mediator', name: m.name, tenantId: m.tenantId, onBehalfOf: `insurer:${m.tenantId}`, ipHash: null, userAgent: null };
  });
  afterAll(async () => server.close());

  it('anonymises finished cases after the tenant\'s retention period (injected clock), and only those', async () => {
    const t0 = new Date('2026-01-05T09:00:00Z');
    const insurer = server.services.cases.forInsurer('demo-verzekeraar');
    const resolved = await createCase(server.services, { now: t0 });
    const open = await createCase(server.services, { now: t0 });
    const closedOther = await createCase(server.services, { now: t0, insurer: 'andere-verzekeraar' });
    await server.services.db.tenant.update({ where: { id: 'andere-verzekeraar' }, data: { retentionDays: 30 } });
    await insurer.claim(resolved.reference, mediatorActor, t0);
    await insurer.addNote(resolved.reference, 'Belde Jan Jansen op 0612345678', mediatorActor, t0);
    await insurer.transition(resolved.reference, 'in_progress', mediatorActor, t0);
    await insurer.transition(resolved.reference, 'resolved', mediatorActor, t0);
    const other = server.services.cases.forInsurer('andere-verzekeraar');
    const otherActor = { ...mediatorActor, id: 'x', role: 'admin', tenantId: 'andere-verzekeraar' };
    await other.transition(closedOther.reference, 'closed', otherActor, t0, { reason: 'Dubbel' });

    expect(await runRetention(server.services.cases, new Date(t0.getTime() + 29 * day))).toBe(0);
    expect(await runRetention(server.services.cases, new Date(t0.getTime() + 31 * day))).toBe(1); // andere-verzekeraar: 30 days
    expect(await runRetention(server.services.cases, new Date(t0.getTime() + 89 * day))).toBe(0);
    expect(await runRetention(server.services.cases, new Date(t0.getTime() + 91 * day))).toBe(1); // demo-verzekeraar: 90 days
    expect(await runRetention(server.services.cases, new Date(t0.getTime() + 400 * day))).toBe(0); // idempotent; open cases stay

    const row = await server.services.db.case.findUniqueOrThrow({ where: { reference: resolved.reference } });
    expect(row.anonymisedAt).not.toBeNull();
    expect(row.transcript).toBeNull();
    expect(row.conversationId).toBeNull();
    const request = JSON.parse(row.request);
    expect(request.patient).toEqual({ fullName: null, dateOfBirth: null, policyNumber: null, phone: null, email: null });
    expect(request.specialty).toBe('0305'); // the figures keep what they need
    expect(await server.services.db.caseNote.count({ where: { caseId: row.id } })).toBe(0);
    for (const word of personal) expect(JSON.stringify(row)).not.toContain(word);
    expect((await server.services.db.case.findUniqueOrThrow({ where: { reference: open.reference } })).anonymisedAt).toBeNull();

    const log = await server.services.db.auditEvent.findMany({ where: { action: 'retention.anonymise' } });
    expect(log.map((l) => l.tenantId).sort()).toEqual(['andere-verzekeraar', 'demo-verzekeraar']);
    expect(JSON.parse(log.find((l) => l.tenantId === 'demo-verzekeraar')!.details)).toMatchObject({ count: 1, retentionDays: 90, references: [resolved.reference] });
  });

  it('erases on the patient\'s request: a new case is deleted, a picked-up one anonymised, both audited without personal data', async () => {
    const conversationId = 'conv-erase-1';
    const fresh = await createCase(server.services, { conversationId });
    const picked = await createCase(server.services, { conversationId });
    const unrelated = await createCase(server.services, { conversationId: 'conv-keep' });
    await server.services.cases.forInsurer('demo-verzekeraar').claim(picked.reference, mediatorActor);
    const erase = eraseCasesForConversation(server.services.cases);
    expect(await erase(conversationId)).toEqual({ deleted: 1, anonymised: 1 });
    expect(await server.services.db.case.findUnique({ where: { reference: fresh.reference } })).toBeNull();
    const kept = await server.services.db.case.findUniqueOrThrow({ where: { reference: picked.reference } });
    expect(kept.status).toBe('claimed');
    for (const word of personal) expect(kept.request + (kept.transcript ?? '')).not.toContain(word);
    expect((await server.services.db.case.findUniqueOrThrow({ where: { reference: unrelated.reference } })).anonymisedAt).toBeNull();
    const log = await server.services.db.auditEvent.findMany({ where: { action: 'case.erase' } });
    expect(log.map((l) => [l.caseReference, JSON.parse(l.details).mode]).sort()).toEqual([[fresh.reference, 'deleted'], [picked.reference, 'anonymised']].sort());
    expect(await erase(conversationId)).toEqual({ deleted: 0, anonymised: 0 });
  });

  it('keeps personal data out of the whole audit log', async () => {
    const all = await server.services.db.auditEvent.findMany();
    expect(all.length).toBeGreaterThan(5);
    const text = JSON.stringify(all);
    for (const word of personal) expect(text).not.toContain(word);
  });

  it('tells the patient the status in handoff.status terms, only with the right date of birth', async () => {
    const status = patientCaseStatus(server.services.cases);
    const c = await createCase(server.services, { request: contractRequest({}, { dateOfBirth: '1950-06-30' }) });
    const insurer = server.services.cases.forInsurer('demo-verzekeraar');
    expect(await status(c.reference, '1950-06-30')).toMatchObject({ status: 'new', handoffStatus: null });
    expect(await status(c.reference, '1950-06-29')).toBeNull();
    expect(await status('ZB-0000-0000', '1950-06-30')).toBeNull();
    expect(await status('nonsense', '30-06-1950')).toBeNull();
    expect(await status(c.reference.toLowerCase(), '1950-06-30')).not.toBeNull();
    await insurer.claim(c.reference, mediatorActor);
    expect((await status(c.reference, '1950-06-30'))?.handoffStatus).toBe('accepted');
    await insurer.transition(c.reference, 'in_progress', mediatorActor);
    expect((await status(c.reference, '1950-06-30'))?.handoffStatus).toBe('accepted');
    await insurer.setOutcome(c.reference, { kind: 'not_reachable' }, mediatorActor);
    await insurer.transition(c.reference, 'closed', mediatorActor, new Date(), { reason: 'Niet bereikbaar' });
    const closed = await status(c.reference, '1950-06-30');
    expect(closed).toMatchObject({ status: 'closed', handoffStatus: 'failed' });
    expect(typeof closed?.updatedAt).toBe('string');

    const d = await createCase(server.services, { request: contractRequest({}, { dateOfBirth: '1950-06-30' }) });
    await insurer.claim(d.reference, mediatorActor);
    await insurer.transition(d.reference, 'in_progress', mediatorActor);
    await insurer.setOutcome(d.reference, { kind: 'no_faster_option' }, mediatorActor);
    await insurer.transition(d.reference, 'closed', mediatorActor, new Date(), { reason: 'Geen sneller alternatief' });
    expect((await status(d.reference, '1950-06-30'))?.handoffStatus).toBe('completed');
    const reads = await server.services.db.auditEvent.count({ where: { action: 'case.status.patient', caseReference: c.reference } });
    expect(reads).toBeGreaterThan(0);
  });
});
