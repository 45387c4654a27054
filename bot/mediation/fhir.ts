/**
 * FHIR R4 export of a case: a Bundle of type collection with the Patient, the ServiceRequest (what is
 * asked: mediation for a specialism) and the Task (the insurer's work on it, status from the case).
 * Pure: case in, JSON out.
 */
import { createHash } from 'node:crypto';
import type { CaseDetail } from '../data/caseStore.ts';
import { fhirTaskStatus, isCaseStatus, type OutcomeKind } from '../domain/caseStatus.ts';

/** Vektis AGB specialism codes (COD016-VEKT), the code system Nictiz profiles use for specialties. */
export const specialismSystem = 'urn:oid:2.16.840.1.113883.2.4.6.7';
/** Our own identifier systems: case references, and policy numbers per insurer. */
export const caseReferenceSystem = 'https://wachtwijzer.nl/fhir/NamingSystem/case-reference';
export const policyNumberSystem = (insurer: string) => `https://wachtwijzer.nl/fhir/NamingSystem/policy-number/${encodeURIComponent(insurer)}`;

/** A stable UUID per case and resource type, so two exports of one case name the same resources. */
function uuidFor(seed: string): string {
  const h = createHash('sha256').update(seed).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${((parseInt(h.slice(16, 17), 16) & 0x3) | 0x8).toString(16)}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

const s = (v: unknown): string | null => (typeof v === 'string' && v.trim() !== '' ? v : null);
const n = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

/** FHIR priority (routine | urgent | asap | stat) from the case's 1–5. */
function fhirPriority(priority: number): 'routine' | 'urgent' | 'asap' {
  return priority <= 1 ? 'asap' : priority === 2 ? 'urgent' : 'routine';
}

/** Builds the Bundle; specialismName gives the display text of the specialty code when known. */
export function toFhirBundle(c: CaseDetail, options: { specialismName?: string | null; now?: Date } = {}) {
  const request = c.request;
  const patient = (request.patient ?? {}) as Record<string, unknown>;
  const ids = { patient: uuidFor(`${c.reference}:Patient`), serviceRequest: uuidFor(`${c.reference}:ServiceRequest`), task: uuidFor(`${c.reference}:Task`) };
  const url = (id: string) => `urn:uuid:${id}`;
  const identifier = [{ system: caseReferenceSystem, value: c.reference }];
  const status = isCaseStatus(c.status) ? c.status : 'new';
  const outcome = (c.outcome?.kind ?? null) as OutcomeKind | null;

  const telecom = [
    ...(s(patient.phone) ? [{ system: 'phone', value: s(patient.phone)! }] : []),
    ...(s(patient.email) ? [{ system: 'email', value: s(patient.email)! }] : []),
  ];
  const patientResource = {
    resourceType: 'Patient' as const,
    id: ids.patient,
    ...(s(patient.policyNumber) ? { identifier: [{ system: policyNumberSystem(c.insurer), value: s(patient.policyNumber)! }] } : {}),
    ...(s(patient.fullName) ? { name: [{ text: s(patient.fullName)! }] } : {}),
    ...(telecom.length ? { telecom } : {}),
    ...(s(patient.dateOfBirth) ? { birthDate: s(patient.dateOfBirth)! } : {}),
    ...(s(request.postcode) ? { address: [{ postalCode: s(request.postcode)!, country: 'NL' }] } : {}),
    ...(c.locale ? { communication: [{ language: { coding: [{ system: 'urn:ietf:bcp:47', code: c.locale }] }, preferred: true }] } : {}),
  };

  const notes: string[] = [];
  if (n(request.waitingWeeks) !== null) notes.push(`waitingWeeks: ${n(request.waitingWeeks)}`);
  if (n(request.treeknormWeeks) !== null) notes.push(`treeknormWeeks: ${n(request.treeknormWeeks)}`);
  if (typeof request.treeknormExceeded === 'boolean') notes.push(`treeknormExceeded: ${request.treeknormExceeded}`);
  if (n(request.maxTravelKm) !== null) notes.push(`maxTravelKm: ${n(request.maxTravelKm)}`);
  if (s(request.hospital)) notes.push(`currentHospital: ${s(request.hospital)}`);
  if (s(request.contactPreference)) notes.push(`contactPreference: ${s(request.contactPreference)}`);
  const specialty = s(request.specialty);
  const serviceRequest = {
    resourceType: 'ServiceRequest' as const,
    id: ids.serviceRequest,
    identifier,
    status: status === 'resolved' ? 'completed' : status === 'closed' || status === 'withdrawn' ? 'revoked' : 'active',
    intent: 'proposal' as const,
    priority: fhirPriority(c.priority),
    code: {
      ...(specialty ? { coding: [{ system: specialismSystem, code: specialty, ...(options.specialismName ? { display: options.specialismName } : {}) }] } : {}),
      text: s(request.treatment) ?? options.specialismName ?? 'zorgbemiddeling',
    },
    subject: { reference: url(ids.patient) },
    authoredOn: c.createdAt,
    requester: { reference: url(ids.patient) },
    ...(notes.length ? { note: [{ text: notes.join('; ') }] } : {}),
  };

  const task = {
    resourceType: 'Task' as const,
    id: ids.task,
    identifier,
    status: fhirTaskStatus(status, outcome),
    businessStatus: { text: status },
    intent: 'order' as const,
    priority: fhirPriority(c.priority),
    focus: { reference: url(ids.serviceRequest) },
    for: { reference: url(ids.patient) },
    authoredOn: c.createdAt,
    lastModified: c.updatedAt,
    owner: { display: c.insurer },
    ...(c.firstContactDueAt ? { restriction: { period: { end: c.firstContactDueAt } } } : {}),
    ...(c.outcome ? { output: [{ type: { text: 'outcome' }, valueString: c.outcome.kind }] } : {}),
  };

  return {
    resourceType: 'Bundle' as const,
    id: uuidFor(`${c.reference}:Bundle:${c.updatedAt}`),
    type: 'collection' as const,
    timestamp: (options.now ?? new Date()).toISOString(),
    entry: [
      { fullUrl: url(ids.patient), resource: patientResource },
      { fullUrl: url(ids.serviceRequest), resource: serviceRequest },
      { fullUrl: url(ids.task), resource: task },
    ],
  };
}
