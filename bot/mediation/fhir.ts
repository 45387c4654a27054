/**
 * FHIR R4 export of a case: a Bundle of type collection with
 *   Patient            the patient (name, birth date, phone, e-mail, postcode, language);
 *   Organization       the insurer, the hospital the patient waits at, and the outcome's provider;
 *   Coverage           the patient's insurance at that insurer (policy number);
 *   Consent            what the patient agreed to in the chat, when, with the text they saw;
 *   PractitionerRole   the mediator who holds the case (Task.owner; the insurer when nobody does);
 *   ServiceRequest     what is asked: mediation for a specialism (performerType) and treatment (code),
 *                      with waiting weeks, Treeknorm, travel radius and flags as extensions;
 *   Task               the insurer's work on it: status from the case, the outcome in Task.output.
 * Pure: case and lookups in, JSON out. Our own extensions, code systems and identifier systems
 * live under https://wachtwijzer.nl/fhir/ (listed below and in the README).
 */
import { createHash } from 'node:crypto';
import { daysSavedBy, type CaseDetail } from '../data/caseStore.ts';
import { fhirTaskStatus, isCaseStatus, type OutcomeKind } from '../domain/caseStatus.ts';

/** Vektis AGB specialism codes (COD016-VEKT), the code system Nictiz profiles use for specialties. */
export const specialismSystem = 'urn:oid:2.16.840.1.113883.2.4.6.7';
/** AGB codes of care providers, as Nictiz names them. */
export const agbSystem = 'http://fhir.nl/fhir/NamingSystem/agb-z';
/** Our own identifier systems: case references, policy numbers per insurer, tenants, mediators. */
export const caseReferenceSystem = 'https://wachtwijzer.nl/fhir/NamingSystem/case-reference';
export const policyNumberSystem = (insurer: string) => `https://wachtwijzer.nl/fhir/NamingSystem/policy-number/${encodeURIComponent(insurer)}`;
export const tenantSystem = 'https://wachtwijzer.nl/fhir/NamingSystem/tenant';
export const mediatorSystem = (insurer: string) => `https://wachtwijzer.nl/fhir/NamingSystem/mediator/${encodeURIComponent(insurer)}`;
/** Our code systems: the lay treatments of reference/treatments.json, and the case outcomes. */
export const treatmentSystem = 'https://wachtwijzer.nl/fhir/CodeSystem/treatment';
export const outcomeSystem = 'https://wachtwijzer.nl/fhir/CodeSystem/mediation-outcome';
export const outputTypeSystem = 'https://wachtwijzer.nl/fhir/CodeSystem/mediation-output';
/** The structured data of the request that FHIR has no element for. */
export const extensionBase = 'https://wachtwijzer.nl/fhir/StructureDefinition/';
export const extensionUrls = {
  waitingWeeks: `${extensionBase}waiting-weeks`,
  treeknormWeeks: `${extensionBase}treeknorm-weeks`,
  treeknormExceeded: `${extensionBase}treeknorm-exceeded`,
  maxTravelDistance: `${extensionBase}max-travel-distance`,
  careType: `${extensionBase}care-type`,
  postponed: `${extensionBase}postponed`,
  worseningReported: `${extensionBase}worsening-reported`,
  contactPreference: `${extensionBase}contact-preference`,
  currentProvider: `${extensionBase}current-provider`,
} as const;

const ucum = 'http://unitsofmeasure.org';

/** What the export looks up outside the case: names and AGB codes. */
export interface FhirLookups {
  specialismName?: string | null;
  /** The insurer's display name (the case holds its tenant id). */
  insurerName?: string | null;
  /** A hospital or clinic by the name on the case: its official name and AGB code when known. */
  providerOf?: (name: string) => { name: string; agbCode: string | null } | null;
  /** A treatment by the label stored on the case: its id in reference/treatments.json when known. */
  treatmentOf?: (label: string) => { id: string; display: string } | null;
  now?: Date;
}

/** A stable UUID per case and resource, so two exports of one case name the same resources. */
function uuidFor(seed: string): string {
  const h = createHash('sha256').update(seed).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${((parseInt(h.slice(16, 17), 16) & 0x3) | 0x8).toString(16)}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

const s = (v: unknown): string | null => (typeof v === 'string' && v.trim() !== '' ? v : null);
const n = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);
const b = (v: unknown): boolean | null => (typeof v === 'boolean' ? v : null);
const weeks = (value: number) => ({ value, unit: 'weeks', system: ucum, code: 'wk' });
const isoDate = /^\d{4}-\d{2}-\d{2}$/;

/** FHIR priority (routine | urgent | asap | stat) from the case's 1–5. */
function fhirPriority(priority: number): 'routine' | 'urgent' | 'asap' {
  return priority <= 1 ? 'asap' : priority === 2 ? 'urgent' : 'routine';
}

type Json = Record<string, unknown>;

/** Builds the Bundle. */
export function toFhirBundle(c: CaseDetail, options: FhirLookups = {}) {
  const request = c.request;
  const patient = (request.patient ?? {}) as Record<string, unknown>;
  const consent = (request.consent ?? {}) as Record<string, unknown>;
  const urlOf = (kind: string) => `urn:uuid:${uuidFor(`${c.reference}:${kind}`)}`;
  const idOf = (kind: string) => uuidFor(`${c.reference}:${kind}`);
  const ref = (kind: string, display?: string | null) => ({ reference: urlOf(kind), ...(display ? { display } : {}) });
  const identifier = [{ system: caseReferenceSystem, value: c.reference }];
  const status = isCaseStatus(c.status) ? c.status : 'new';
  const outcome = c.outcome;
  const insurerName = options.insurerName ?? c.insurer;
  const entries: { kind: string; resource: Json }[] = [];
  const add = (kind: string, resource: Json) => entries.push({ kind, resource: { ...resource, id: idOf(kind) } });

  // --- Patient
  const telecom = [
    ...(s(patient.phone) ? [{ system: 'phone', value: s(patient.phone)! }] : []),
    ...(s(patient.email) ? [{ system: 'email', value: s(patient.email)! }] : []),
  ];
  add('Patient', {
    resourceType: 'Patient',
    ...(s(patient.policyNumber) ? { identifier: [{ system: policyNumberSystem(c.insurer), value: s(patient.policyNumber)! }] } : {}),
    ...(s(patient.fullName) ? { name: [{ text: s(patient.fullName)! }] } : {}),
    ...(telecom.length ? { telecom } : {}),
    ...(s(patient.dateOfBirth) ? { birthDate: s(patient.dateOfBirth)! } : {}),
    ...(s(request.postcode) ? { address: [{ postalCode: s(request.postcode)!, country: 'NL' }] } : {}),
    ...(c.locale ? { communication: [{ language: { coding: [{ system: 'urn:ietf:bcp:47', code: c.locale }] }, preferred: true }] } : {}),
  });

  // --- The insurer, and its cover of the patient
  add('Organization:insurer', {
    resourceType: 'Organization',
    identifier: [{ system: tenantSystem, value: c.insurer }],
    active: true,
    type: [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/organization-type', code: 'ins', display: 'Insurance Company' }] }],
    name: insurerName,
  });
  add('Coverage', {
    resourceType: 'Coverage',
    ...(s(patient.policyNumber) ? { identifier: [{ system: policyNumberSystem(c.insurer), value: s(patient.policyNumber)! }], subscriberId: s(patient.policyNumber)! } : {}),
    status: 'active',
    beneficiary: ref('Patient'),
    payor: [ref('Organization:insurer', insurerName)],
  });

  // --- Providers: where the patient waits now, and where the outcome found a place
  const provider = (kind: string, name: string) => {
    const known = options.providerOf?.(name) ?? null;
    add(kind, {
      resourceType: 'Organization',
      ...(known?.agbCode ? { identifier: [{ system: agbSystem, value: known.agbCode }] } : {}),
      active: true,
      type: [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/organization-type', code: 'prov', display: 'Healthcare Provider' }] }],
      name: known?.name ?? name,
    });
    return ref(kind, known?.name ?? name);
  };
  const currentHospital = s(request.hospital) ? provider('Organization:current', s(request.hospital)!) : null;
  const newProvider = outcome?.kind === 'faster_place_found' ? provider('Organization:outcome', outcome.provider) : null;

  // --- Consent: given in the chat with the text shown; inactive once the patient withdrew
  const consentAt = s(consent.at);
  if (consent.given === true && consentAt) {
    const text = s(consent.text);
    add('Consent', {
      resourceType: 'Consent',
      status: status === 'withdrawn' ? 'inactive' : 'active',
      scope: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/consentscope', code: 'patient-privacy', display: 'Privacy Consent' }] },
      category: [{ coding: [{ system: 'http://loinc.org', code: '59284-0', display: 'Patient Consent' }] }],
      patient: ref('Patient'),
      dateTime: consentAt,
      organization: [ref('Organization:insurer', insurerName)],
      ...(text ? { sourceAttachment: { contentType: 'text/plain; charset=utf-8', language: c.locale, data: Buffer.from(text, 'utf8').toString('base64'), title: 'Consent question as the patient saw it' } } : {}),
      policyRule: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v3-ActCode', code: 'OPTIN', display: 'opt-in' }] },
      provision: {
        type: 'permit',
        actor: [{ role: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v3-ParticipationType', code: 'IRCP', display: 'information recipient' }] }, reference: ref('Organization:insurer', insurerName) }],
        purpose: [{ system: 'http://terminology.hl7.org/CodeSystem/v3-ActReason', code: 'COC', display: 'coordination of care' }],
      },
    });
  }

  // --- Who holds the case: a mediator (PractitionerRole), else the insurer itself
  const holder = c.claimedBy;
  let owner = ref('Organization:insurer', insurerName);
  if (holder && holder.kind === 'mediator') {
    add('PractitionerRole', {
      resourceType: 'PractitionerRole',
      identifier: [{ system: mediatorSystem(c.insurer), value: holder.id }],
      active: true,
      ...(holder.name ? { practitioner: { display: holder.name } } : {}),
      organization: ref('Organization:insurer', insurerName),
      code: [{ text: 'Zorgbemiddelaar (waiting-list mediator)' }],
    });
    owner = ref('PractitionerRole', holder.name);
  }

  // --- What is asked
  const extension: Json[] = [];
  if (n(request.waitingWeeks) !== null) extension.push({ url: extensionUrls.waitingWeeks, valueQuantity: weeks(n(request.waitingWeeks)!) });
  if (n(request.treeknormWeeks) !== null) extension.push({ url: extensionUrls.treeknormWeeks, valueQuantity: weeks(n(request.treeknormWeeks)!) });
  if (b(request.treeknormExceeded) !== null) extension.push({ url: extensionUrls.treeknormExceeded, valueBoolean: b(request.treeknormExceeded)! });
  if (n(request.maxTravelKm) !== null) extension.push({ url: extensionUrls.maxTravelDistance, valueQuantity: { value: n(request.maxTravelKm)!, unit: 'km', system: ucum, code: 'km' } });
  if (s(request.careType)) extension.push({ url: extensionUrls.careType, valueCode: s(request.careType)! });
  if (b(request.postponed) !== null) extension.push({ url: extensionUrls.postponed, valueBoolean: b(request.postponed)! });
  if (b(request.worseningReported) !== null) extension.push({ url: extensionUrls.worseningReported, valueBoolean: b(request.worseningReported)! });
  if (s(request.contactPreference)) extension.push({ url: extensionUrls.contactPreference, valueCode: s(request.contactPreference)! });
  if (currentHospital) extension.push({ url: extensionUrls.currentProvider, valueReference: currentHospital });
  const specialty = s(request.specialty);
  const treatmentLabel = s(request.treatment);
  const treatment = treatmentLabel ? (options.treatmentOf?.(treatmentLabel) ?? null) : null;
  add('ServiceRequest', {
    resourceType: 'ServiceRequest',
    ...(extension.length ? { extension } : {}),
    identifier,
    status: status === 'resolved' ? 'completed' : status === 'closed' || status === 'withdrawn' ? 'revoked' : 'active',
    intent: 'proposal',
    priority: fhirPriority(c.priority),
    code: {
      ...(treatment ? { coding: [{ system: treatmentSystem, code: treatment.id, display: treatment.display }] } : {}),
      text: treatmentLabel ?? options.specialismName ?? 'zorgbemiddeling',
    },
    subject: ref('Patient'),
    authoredOn: c.createdAt,
    requester: ref('Patient'),
    ...(specialty ? { performerType: { coding: [{ system: specialismSystem, code: specialty, ...(options.specialismName ? { display: options.specialismName } : {}) }] } } : {}),
    insurance: [ref('Coverage')],
  });

  // --- The insurer's work, and what came of it
  const output: Json[] = [];
  const outputType = (code: string, display: string) => ({ coding: [{ system: outputTypeSystem, code, display }] });
  if (outcome) {
    output.push({ type: outputType('outcome', 'Outcome'), valueCodeableConcept: { coding: [{ system: outcomeSystem, code: outcome.kind as OutcomeKind }] } });
    if (outcome.kind === 'faster_place_found') {
      output.push({ type: outputType('provider', 'New provider'), valueReference: newProvider! });
      if (outcome.location) output.push({ type: outputType('location', 'Location'), valueString: outcome.location });
      if (isoDate.test(outcome.date)) output.push({ type: outputType('date', 'New date'), valueDate: outcome.date });
      const days = daysSavedBy(outcome);
      if (days !== null) output.push({ type: outputType('weeks-saved', 'Weeks saved'), valueQuantity: weeks(Math.round((days / 7) * 10) / 10) });
    }
  }
  add('Task', {
    resourceType: 'Task',
    identifier,
    status: fhirTaskStatus(status, (outcome?.kind ?? null) as OutcomeKind | null),
    businessStatus: { text: status },
    intent: 'order',
    priority: fhirPriority(c.priority),
    focus: ref('ServiceRequest'),
    for: ref('Patient'),
    authoredOn: c.createdAt,
    lastModified: c.updatedAt,
    requester: ref('Patient'),
    owner,
    insurance: [ref('Coverage')],
    ...(c.firstContactDueAt ? { restriction: { period: { end: c.firstContactDueAt } } } : {}),
    ...(output.length ? { output } : {}),
  });

  // Patient, ServiceRequest and Task first, as before; the resources they point at follow.
  const order = ['Patient', 'ServiceRequest', 'Task'];
  entries.sort((x, y) => (order.includes(x.kind) ? order.indexOf(x.kind) : 9) - (order.includes(y.kind) ? order.indexOf(y.kind) : 9));
  return {
    resourceType: 'Bundle' as const,
    id: uuidFor(`${c.reference}:Bundle:${c.updatedAt}`),
    type: 'collection' as const,
    timestamp: (options.now ?? new Date()).toISOString(),
    entry: entries.map((e) => ({ fullUrl: urlOf(e.kind), resource: e.resource })),
  };
}
