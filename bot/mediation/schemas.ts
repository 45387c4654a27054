/**
 * The zod schemas of the mediation API: the routes validate with them and /api/openapi.json is
 * generated from them, so the document cannot drift from what the server accepts.
 */
import { z } from 'zod';
import { caseStatuses, mediatorStatuses, outcomeKinds } from '../domain/caseStatus.ts';

/** Notes are for short working notes; longer text belongs in the insurer's own system. */
export const noteMaxLength = 2000;

export const referenceParam = z.string().regex(/^ZB-[0-9A-Z]{4}-[0-9A-Z]{4}$/i).describe('Case reference, e.g. ZB-7K4Q-9XMD');

export const loginBody = z.object({
  email: z.email('email must be an e-mail address').max(200),
  password: z.string().min(1, 'password is required').max(200),
});

const boolParam = z.enum(['true', 'false']);
const statusList = z
  .string()
  .regex(new RegExp(`^(${caseStatuses.join('|')})(,(${caseStatuses.join('|')}))*$`), `status must be one or more of ${caseStatuses.join(', ')}, separated by commas`);

export const caseListQuery = z.object({
  status: statusList.optional().describe('One status or several separated by commas; all when absent'),
  specialty: z.string().regex(/^\d{4}$/, 'specialty must be a 4-digit Vektis COD016 code such as 0305').optional(),
  treeknormExceeded: boolParam.optional(),
  overdue: boolParam.optional().describe('true: promised first contact is late'),
  minAgeDays: z.coerce.number().int().min(0).max(3650).optional(),
  sort: z.enum(['priority', 'due']).default('priority').describe('priority: most urgent first; due: earliest promised first contact first'),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(25),
  q: z.string().trim().min(2, 'q must have at least 2 characters').max(100).optional()
    .describe('Search: reference (case, spaces, missing dash, O for 0 and I/L for 1 tolerated), patient name (accents and case ignored, part of it), phone (digits; 06… equals +31 6…), policy number, e-mail'),
  updatedSince: z.iso.datetime({ offset: true, message: 'updatedSince must be an ISO 8601 date-time such as 2026-11-20T10:00:00Z' }).optional()
    .describe('Change feed: only cases changed after this moment, oldest change first; page on with nextCursor'),
  cursor: z.string().max(200).optional().describe('nextCursor of the previous page of the change feed'),
  assignee: z.string().regex(/^(me|none|[A-Za-z0-9_-]{1,40})$/, 'assignee must be me, none or a mediator id').optional().describe('me: cases you hold; none: nobody holds; or a mediator id'),
});

export const assignBody = z.object({ mediatorId: z.string().trim().min(1, 'mediatorId is required').max(40) });

export const reopenBody = z.object({ reason: z.string().trim().min(1, 'reason is required to reopen a case').max(500).describe('Why: e.g. the patient called back') });

export const redeliverParams = z.object({ id: z.string().min(1).max(60) });

export const statusBody = z
  .object({
    // withdrawn is the patient's own act in the chat; a mediator closes a case with a reason instead.
    status: z.enum(mediatorStatuses, { message: `status must be one of ${mediatorStatuses.join(', ')} (withdrawn is set only by the patient)` }),
    reason: z.string().trim().min(1).max(500).optional().describe('Required when status is closed'),
  })
  .refine((b) => b.status !== 'closed' || b.reason, { message: 'reason is required to close a case', path: ['reason'] });

export const noteBody = z.object({ text: z.string().trim().min(1, 'text is required').max(noteMaxLength) });

const isoDate = z.iso.date('use YYYY-MM-DD');
export const outcomeBody = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('faster_place_found'),
    provider: z.string().trim().min(1).max(200).describe('Where: the hospital or clinic'),
    location: z.string().trim().min(1).max(200).optional(),
    date: isoDate.describe('When: the new appointment or treatment date'),
    originalDate: isoDate.optional().describe('The date the patient would otherwise have had; gives days saved'),
  }),
  z.object({ kind: z.literal('no_faster_option') }),
  z.object({ kind: z.literal('patient_declined') }),
  z.object({ kind: z.literal('not_reachable') }),
]);
export const outcomeKindSchema = z.enum(outcomeKinds);

export const statsQuery = z.object({ from: isoDate.optional(), to: isoDate.optional() });

const auditFilters = {
  case: referenceParam.optional().describe('Only this case'),
  actor: z.string().regex(/^[A-Za-z0-9_-]{1,40}$/, 'actor must be a mediator or token id').optional().describe('Only what this mediator or API token did'),
  action: z.string().regex(/^[a-z_.]{1,60}$/, 'action must be an action name such as case.read, or a prefix such as case.').optional()
    .describe('Only this action (case.read) or, ending in a dot, this family (case.)'),
  from: isoDate.optional().describe('From this day (inclusive, UTC)'),
  to: isoDate.optional().describe('Up to this day (inclusive, UTC)'),
};

export const auditQuery = z.object({
  ...auditFilters,
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});

export const auditExportQuery = z.object(auditFilters);

export const pageQuery = z.object({
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});

export const tokenBody = z.object({
  name: z.string().trim().min(1).max(100),
  role: z.enum(['mediator', 'admin', 'reader']).default('mediator')
    .describe('mediator: reads and works cases (claim, status, notes, outcome); admin: also administers; reader: only reads (a claim or any change is a 403)'),
  expiresInDays: z.number().int().min(1).max(730).nullable().default(365),
});

export const webhookBody = z.object({
  url: z.url({ protocol: /^https?$/ }).max(500),
  secret: z.string().min(24, 'secret must be at least 24 characters').max(200).optional().describe('Generated (and returned once) when absent'),
});

export const mediatorBody = z.object({
  email: z.email().max(200),
  name: z.string().trim().min(1).max(120),
  role: z.enum(['mediator', 'admin']).default('mediator'),
  password: z.string().min(12, 'password must be at least 12 characters').max(200),
});

// Responses (documentation, and checked in the tests).
export const errorResponse = z.object({ error: z.object({ code: z.string(), message: z.string(), details: z.record(z.string(), z.unknown()).optional() }) });

export const patientSchema = z.object({
  fullName: z.string().nullable(), dateOfBirth: z.string().nullable(), policyNumber: z.string().nullable(), phone: z.string().nullable(), email: z.string().nullable(),
});

export const caseRequestSchema = z
  .object({
    specialty: z.string().nullable(), treatment: z.string().nullable(), hospital: z.string().nullable(), waitingWeeks: z.number().nullable(),
    treeknormWeeks: z.number().nullable(), treeknormExceeded: z.boolean().nullable(), postcode: z.string().nullable(), maxTravelKm: z.number().nullable(),
    contactPreference: z.string().nullable(), patient: patientSchema,
    consent: z.object({ given: z.boolean().nullable(), at: z.string().nullable(), text: z.string().nullable() }),
    doctorUrgency: z.unknown().optional(),
    applicant: z.object({ fullName: z.string(), relation: z.string(), phone: z.string().nullable(), email: z.string().nullable() }).nullable().optional()
      .describe('Who filled in the request for the patient, and whom to call (the phone or e-mail given is theirs)'),
    worseningReported: z.boolean().optional().describe('The patient reported worsening complaints ("patient reports worsening complaints")'),
  })
  .loose();

const claimedBy = z.object({ id: z.string(), name: z.string().nullable(), kind: z.enum(['mediator', 'api_token']) }).nullable();

export const duplicateLinkSchema = z.object({ reference: z.string(), status: z.string(), createdAt: z.string(), match: z.enum(['policyNumber', 'nameAndDateOfBirth']) });

export const alternativeSchema = z.object({
  hospital: z.string(), location: z.string(), city: z.string(), distanceKm: z.number(), weeks: z.number().int(), weeksSaved: z.number().int().nullable(),
  measuredAt: z.string(), isDemo: z.boolean(), source: z.string().optional(),
  freshness: z.enum(['current', 'aging']).optional().describe('aging: the figure is older than six weeks, show its date with "may be out of date"; figures older than six months are never offered'),
  contracted: z.boolean().nullable().optional().describe("Whether the case's insurer has a contract with this provider for the specialism (natura policies may not pay everything elsewhere); null when the insurer loaded no contracts"),
}).loose();

export const caseHistorySchema = z.object({
  type: z.string().describe('created, status, assign, note, outcome, anonymised'), at: z.string(), actorType: z.string().describe('patient, mediator, api_token, system'),
  actorId: z.string().nullable(), actorName: z.string().nullable().describe('The mediator or API token, by name'),
  from: z.string().nullable(), to: z.string().nullable(), toName: z.string().nullable().describe('For an assignment: the new holder, by name'),
});

export const caseDetailResponse = z.object({
  reference: z.string(), status: z.enum(caseStatuses), priority: z.number().int().min(1).max(5), createdAt: z.string(), insurer: z.string(),
  locale: z.enum(['nl', 'en']), channel: z.string(), request: caseRequestSchema, updatedAt: z.string(), urgencyDays: z.number().int(),
  worseningReported: z.boolean().describe('The patient reported worsening complaints in the conversation; such cases come first in the queue'),
  firstContactDueAt: z.string().nullable(), firstContactAt: z.string().nullable(), overdue: z.boolean(), claimedBy, claimedAt: z.string().nullable(),
  closedReason: z.string().nullable(), outcome: outcomeBody.nullable(), transcript: z.array(z.unknown()).nullable(), anonymised: z.boolean(),
  allowedTransitions: z.array(z.enum(caseStatuses)),
  duplicate: z.boolean().describe('Another open case of the same patient exists'), duplicates: z.array(duplicateLinkSchema), reopenable: z.boolean(),
  alternatives: z.array(alternativeSchema).describe('Locations within the travel radius with a shorter wait for the specialism and care type, shortest first'),
  history: z.array(caseHistorySchema).describe('What happened to the case, oldest first: created, status changes (also the patient\'s withdrawal), assignments, notes, outcome'),
});

export const queueItemSchema = z.object({
  reference: z.string(), status: z.enum(caseStatuses), priority: z.number().int(), urgencyDays: z.number().int(),
  worseningReported: z.boolean().describe('The patient reported worsening complaints; such cases come first'), createdAt: z.string(), ageDays: z.number().int(),
  locale: z.string(), channel: z.string(), specialty: z.string().nullable(), treatment: z.string().nullable(), waitingWeeks: z.number().nullable(),
  treeknormWeeks: z.number().nullable(), treeknormExceeded: z.boolean().nullable(), firstContactDueAt: z.string().nullable(), overdue: z.boolean(), claimedBy,
  updatedAt: z.string(), postponed: z.boolean().nullable(), duplicate: z.boolean(),
});

export const caseListResponse = z.object({
  items: z.array(queueItemSchema), page: z.number().int(), pageSize: z.number().int(), total: z.number().int(),
  nextCursor: z.string().nullable().describe('Change feed (updatedSince/cursor): pass as cursor for the next page; null at the end'),
});

export const noteResponse = z.object({ id: z.string(), text: z.string(), author: z.object({ id: z.string(), name: z.string() }), createdAt: z.string() });

export const loginResponse = z.object({
  mediator: z.object({ id: z.string(), tenantId: z.string(), email: z.string(), name: z.string(), role: z.enum(['mediator', 'admin']) }),
  csrfToken: z.string().describe('Send as X-CSRF-Token on every state-changing request made with the session cookie'),
  expiresAt: z.string(),
});

export const statsResponse = z.object({
  insurer: z.string(), from: z.string().nullable(), to: z.string().nullable(),
  cases: z.object({ total: z.number().int(), byStatus: z.record(z.string(), z.number().int()) }),
  outcomes: z.object({ total: z.number().int(), byKind: z.record(z.string(), z.number().int()) }),
  helped: z.number().int(), shareHelped: z.number().nullable(),
  daysSaved: z.object({ cases: z.number().int(), total: z.number(), mean: z.number().nullable(), median: z.number().nullable() }),
  weeksSaved: z.object({ total: z.number(), mean: z.number().nullable() }),
  perWeek: z.array(z.object({
    weekStart: z.string().describe('Monday (UTC) the week starts on, YYYY-MM-DD'), created: z.number().int(), firstContactMade: z.number().int(),
    firstContactOnTime: z.number().int(), helped: z.number().int(), weeksSaved: z.number(),
  })).describe('The last 8 weeks by the day the request was made, oldest first, whatever from/to say'),
  firstContact: z.object({ made: z.number().int(), onTime: z.number().int(), shareOnTime: z.number().nullable(), overdueOpen: z.number().int(), medianHours: z.number().nullable().describe('Median hours from the request to the first contact') }),
});

export const auditResponse = z.object({
  items: z.array(z.object({
    id: z.string(), at: z.string(), actorType: z.string(), actorId: z.string().nullable(), actorName: z.string().nullable(), actorRole: z.string().nullable(), onBehalfOf: z.string().nullable(),
    onBehalfOfName: z.string().nullable(),
    action: z.string(), outcome: z.string(), caseReference: z.string().nullable(), ipHash: z.string().nullable(), userAgent: z.string().nullable(),
    details: z.record(z.string(), z.unknown()),
  })),
  page: z.number().int(), pageSize: z.number().int(), total: z.number().int(),
});

export const tokenResponse = z.object({
  id: z.string(), name: z.string(), role: z.enum(['mediator', 'admin', 'reader']), createdById: z.string(), createdAt: z.string(), expiresAt: z.string().nullable(),
  revokedAt: z.string().nullable(), lastUsedAt: z.string().nullable(),
});

export const webhookResponse = z.object({ id: z.string(), url: z.string(), active: z.boolean(), createdAt: z.string() });

export const sessionResponse = z.object({
  mediator: z.object({ id: z.string(), tenantId: z.string(), email: z.string().nullable(), name: z.string(), role: z.enum(['mediator', 'admin', 'reader']).describe('reader only for API tokens') }),
  kind: z.enum(['session', 'api_token']).describe('session: the console; api_token: a system'),
  csrfToken: z.string().nullable().describe('Send as X-CSRF-Token on changes made with the session cookie; null for a token'),
});

export const colleaguesResponse = z.object({ items: z.array(z.object({ id: z.string(), name: z.string(), role: z.enum(['mediator', 'admin']) })) });

export const mediatorResponse = z.object({ id: z.string(), tenantId: z.string(), email: z.string(), name: z.string(), role: z.enum(['mediator', 'admin']) });

export const deliveriesResponse = z.object({
  items: z.array(z.object({
    id: z.string().describe('The delivery id (X-Wachtwijzer-Delivery), the same on every retry'), endpointId: z.string(), eventType: z.string(), caseReference: z.string().nullable(),
    status: z.enum(['pending', 'delivered', 'failed']), attempts: z.number().int(), nextAttemptAt: z.string().nullable(), deliveredAt: z.string().nullable(), lastError: z.string().nullable(),
    createdAt: z.string(),
    log: z.array(z.object({ attempt: z.number().int(), at: z.string(), statusCode: z.number().int().nullable(), error: z.string().nullable(), durationMs: z.number().int() })),
  })),
  page: z.number().int(), pageSize: z.number().int(), total: z.number().int(),
});

export const redeliverResponse = z.object({ id: z.string(), status: z.literal('pending') });

// --- Waiting-time data and contracts (admin routes in waitingTimeAdmin.ts) ---

const importRunSchema = z.object({
  id: z.string(), trigger: z.enum(['cli', 'schedule']), source: z.string().describe('File name, or the address without query string or credentials'),
  status: z.enum(['running', 'imported', 'rejected', 'failed']).describe('rejected: more than 5 % unusable rows or an unreadable file, nothing imported; failed: the source could not be read'),
  startedAt: z.string(), finishedAt: z.string().nullable(),
  summary: z.object({
    format: z.string().optional(), total: z.number().int().optional(), imported: z.number().int().optional(), created: z.number().int().optional(),
    updated: z.number().int().optional(), unchanged: z.number().int().optional(), skipped: z.number().int().optional(),
    skippedByReason: z.record(z.string(), z.number().int()).optional(), providersCreated: z.number().int().optional(), locationsCreated: z.number().int().optional(),
    agbCodesLearnt: z.number().int().optional(), reason: z.string().nullable().optional(),
    problems: z.array(z.object({ line: z.number().int(), code: z.string(), reason: z.string() })).optional().describe('The first unusable records: record number, reason code, reason'),
  }).describe('Counts only; never patient data'),
});

export const waitingTimeSyncResponse = z.object({
  scheduled: z.boolean().describe('WAITING_TIMES_SYNC_URL is set'), everyDays: z.number().int().describe('WAITING_TIMES_SYNC_DAYS (default 14)'),
  source: z.string().nullable(), lastRun: importRunSchema.nullable(), lastImported: importRunSchema.nullable(),
  nextDueAt: z.string().nullable().describe('ISO 8601, or "now" when no scheduled import succeeded yet; null without a schedule'),
  runs: z.array(importRunSchema).describe('The last 20 runs (command line and schedule), newest first'),
});

const contractSchema = z.object({
  agbCode: z.string().nullable(), providerName: z.string().nullable(), specialismCode: z.string().nullable().describe('Four digits; null for all specialisms'),
  contracted: z.boolean(), validFrom: z.string().nullable(), validUntil: z.string().nullable(),
  hospitalId: z.string().nullable().describe('The provider it matched; null while the AGB code is not yet a known provider'),
});

export const contractsResponse = z.object({
  tenant: z.string(), uploadedAt: z.string().nullable(), batch: z.string().nullable(), contracts: z.array(contractSchema).describe('The list of the last upload (earlier uploads are kept, superseded)'),
});

export const contractUploadResponse = z.object({
  status: z.literal('stored'), errors: z.array(z.object({ line: z.number().int(), reason: z.string() })).describe('Always empty when stored'),
  stored: z.number().int(), unknownAgb: z.number().int().describe('Lines whose AGB code is not yet a known provider: stored, matched once it appears'),
  superseded: z.number().int().describe('Rows of the previous list, kept and marked superseded'), batch: z.string().nullable(),
});

// --- Webhook deliveries (the body the insurer's endpoint receives; bot/data/outbox.ts) ---

export const webhookEventTypes = ['case.created', 'case.updated', 'case.withdrawn', 'case.deleted'] as const;

export const webhookEventPayload = z.object({
  id: z.string().describe('The delivery id, also in X-Wachtwijzer-Delivery; the same on every retry and redelivery: deduplicate on it'),
  type: z.enum(webhookEventTypes).describe(
    'case.created: a patient handed a case over; case.updated: something changed (see change); case.withdrawn: the patient withdrew the request in the chat (status withdrawn, the patient data on it erased: do not contact the patient about it); case.deleted: the patient erased their data and the case with it',
  ),
  occurredAt: z.string().describe('ISO 8601 moment of the change'),
  insurer: z.string().describe('The insurer tenant id'),
  sequence: z.number().int().min(1).describe("Per case 1, 2, 3 … in commit order: apply a case's event only when its sequence is higher than the last one applied"),
  change: z.string().optional().describe('What changed: claim, status:<status>, release, reopen, assign, note, patient_note, outcome, anonymised; withdrawn (case.withdrawn); erased (case.deleted)'),
  case: z.object({
    reference: z.string(), status: z.enum(caseStatuses), priority: z.number().int().nullable().describe('null on case.deleted'), specialty: z.string().nullable(),
    treeknormExceeded: z.boolean().nullable(), firstContactDueAt: z.string().nullable(), updatedAt: z.string(),
  }).strict().describe('No patient data and no note text: read the case with an API token (audited)'),
}).strict();

// A phone number as a patient dials it: digits, spaces, +, -, parentheses; 6 to 20 characters.
const phone = z.string().trim().regex(/^\+?[0-9][0-9 ()-]{4,18}[0-9]$/, 'a phone number such as 0800 1234 or +31 20 123 4567');
const page = z
  .string()
  .trim()
  .max(500)
  .url('an address such as https://www.example.nl/klantenservice')
  .refine((u) => u.startsWith('https://'), 'the page must use https');

/** PATCH /api/admin/settings: only the fields given change. */
export const tenantSettingsPatch = z
  .object({
    customerService: z
      .object({
        phone: phone.nullable().optional(),
        url: z.object({ nl: page.nullable().optional(), en: page.nullable().optional() }).strict().optional(),
      })
      .strict()
      .optional(),
    // The promise patients read ("binnen 2 werkdagen"); four working weeks would no longer be a promise.
    responseWorkingDays: z.number().int().min(1).max(20).optional(),
  })
  .strict();

/** GET/PATCH /api/admin/settings answer. */
export const tenantSettingsResponse = z.object({
  tenant: z.string(),
  customerService: z.object({ phone: z.string().nullable(), url: z.object({ nl: z.string().nullable(), en: z.string().nullable() }) }),
  responseWorkingDays: z.number().int(),
});
