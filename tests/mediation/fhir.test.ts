import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/server.ts';
import { client, contractRequest, createCase, demo, login, type Session } from './helpers.ts';
import { bundleR4 } from './fhirR4.ts';
import { specialismSystem, toFhirBundle } from '../../bot/mediation/fhir.ts';
import type { CaseDetail } from '../../bot/data/caseStore.ts';

describe('FHIR R4 export', () => {
  let server: TestServer;
  let mediator: Session;
  beforeAll(async () => {
    server = await startTestServer();
    mediator = await login(server.url, demo.mediator);
  });
  afterAll(async () => server.close());

  it('answers a valid R4 collection Bundle with Patient, ServiceRequest and Task', async () => {
    const c = await createCase(server.services);
    const r = await fetch(`${server.url}/api/cases/${c.reference}/fhir`, { headers: { cookie: mediator.cookie } });
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toContain('application/fhir+json');
    const bundle = await r.json();
    const parsed = bundleR4.safeParse(bundle);
    expect(parsed.success, JSON.stringify(parsed.error?.issues)).toBe(true);
    expect(bundle.type).toBe('collection');
    const byType = Object.fromEntries(bundle.entry.map((e: { resource: { resourceType: string } }) => [e.resource.resourceType, e.resource]));
    expect(Object.keys(byType).sort()).toEqual(['Patient', 'ServiceRequest', 'Task']);
    expect(byType.Patient.birthDate).toBe('1961-04-02');
    expect(byType.Patient.name[0].text).toBe('Jan Jansen');
    expect(byType.ServiceRequest.code.coding[0]).toEqual({ system: specialismSystem, code: '0305', display: 'Orthopedie' });
    expect(byType.ServiceRequest.priority).toBe('urgent');
    expect(byType.Task.status).toBe('requested');
    expect(byType.Task.identifier[0].value).toBe(c.reference);
  });

  it('maps the case status onto Task.status as it moves', async () => {
    const c = await createCase(server.services);
    const api = client(server.url, mediator);
    const taskStatus = async () => {
      const bundle = (await api.get(`/api/cases/${c.reference}/fhir`)).body;
      expect(bundleR4.safeParse(bundle).success).toBe(true);
      return (bundle.entry as unknown as { resource: { resourceType: string; status: string } }[]).find((e) => e.resource.resourceType === 'Task')!.resource.status;
    };
    expect(await taskStatus()).toBe('requested');
    await api.post(`/api/cases/${c.reference}/claim`);
    expect(await taskStatus()).toBe('accepted');
    await api.post(`/api/cases/${c.reference}/status`, { status: 'in_progress' });
    expect(await taskStatus()).toBe('in-progress');
    await api.post(`/api/cases/${c.reference}/status`, { status: 'resolved' });
    expect(await taskStatus()).toBe('completed');
  });

  it('stays valid for a sparse, anonymised-like request and catches broken references', () => {
    const detail = {
      reference: 'ZB-AAAA-BBBB', status: 'closed', priority: 5, createdAt: '2026-11-01T10:00:00.000Z', insurer: 'demo-verzekeraar', locale: 'en', channel: 'directline',
      request: contractRequest({ specialty: null, treatment: null, waitingWeeks: null, postcode: null }, { fullName: null, dateOfBirth: null, policyNumber: null, phone: null }),
      updatedAt: '2026-11-02T10:00:00.000Z', urgencyDays: -40, worseningReported: false, firstContactDueAt: null, firstContactAt: null, overdue: false, claimedBy: null, claimedAt: null,
      closedReason: null, outcome: { kind: 'patient_declined' }, transcript: null, anonymised: true, allowedTransitions: [],
    } as CaseDetail;
    const bundle = toFhirBundle(detail);
    expect(bundleR4.safeParse(bundle).success).toBe(true);
    const task = bundle.entry[2]!.resource as { status: string };
    expect(task.status).toBe('cancelled');
    const broken = structuredClone(bundle) as unknown as { entry: { resource: { subject?: { reference: string } } }[] };
    broken.entry[1]!.resource.subject = { reference: 'urn:uuid:00000000-0000-4000-8000-000000000000' };
    expect(bundleR4.safeParse(broken).success).toBe(false);
  });

  it('answers 404 to another insurer', async () => {
    const c = await createCase(server.services, { request: contractRequest() });
    const other = await login(server.url, demo.otherMediator);
    expect((await client(server.url, other).get(`/api/cases/${c.reference}/fhir`)).status).toBe(404);
  });
});
