/** The OpenAPI 3.1 document of the mediation API, generated from the zod schemas the routes validate with. */
import { z } from 'zod';
import * as s from './schemas.ts';

type Json = Record<string, unknown>;

function schemaOf(schema: z.ZodType, io: 'input' | 'output' = 'output'): Json {
  const { $schema: _drop, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as Json;
  return rest;
}

function queryParameters(schema: z.ZodType): Json[] {
  const json = schemaOf(schema, 'input') as { properties?: Record<string, Json>; required?: string[] };
  return Object.entries(json.properties ?? {}).map(([name, prop]) => {
    const { description, ...rest } = prop;
    return { name, in: 'query', required: (json.required ?? []).includes(name), schema: rest, ...(description ? { description } : {}) };
  });
}

const referencePath = { name: 'reference', in: 'path', required: true, schema: schemaOf(s.referenceParam, 'input') };
const idPath = { name: 'id', in: 'path', required: true, schema: { type: 'string' } };
const json = (schema: z.ZodType, io: 'input' | 'output' = 'output') => ({ 'application/json': { schema: schemaOf(schema, io) } });
const ok = (description: string, schema?: z.ZodType) => ({ description, ...(schema ? { content: json(schema) } : {}) });
const error = (description: string) => ({ description, content: json(s.errorResponse) });
const body = (schema: z.ZodType) => ({ required: true, content: json(schema, 'input') });

const authErrors = { '401': error('Not logged in, or the token is not valid'), '403': error('CSRF token missing or wrong, or the role may not do this') };
const caseErrors = { ...authErrors, '404': error('No such case for your insurer (another insurer\'s case answers the same)') };

/** Builds the document; the server is the relative '/', so it works behind any host. */
export function openApiDocument(): Json {
  return withCsrfOnChanges({
    openapi: '3.1.0',
    info: {
      title: 'Wachtwijzer mediation API',
      version: '1.1.0',
      license: { name: 'Proprietary', identifier: 'LicenseRef-Proprietary' },
      description:
        'The zorgbemiddeling queue for insurer staff and systems. Log in with a session cookie (console) or send an API token as Bearer (systems). ' +
        'Cookie-authenticated requests that change something must send X-CSRF-Token. Every read and change is written to a NEN 7513 audit log.',
    },
    security: [{ bearerAuth: [] }, { sessionCookie: [] }],
    servers: [{ url: '/', description: 'The host that serves this document' }],
    tags: [
      { name: 'auth', description: 'Log-in and session' },
      { name: 'cases', description: 'The mediation queue and its cases' },
      { name: 'reports', description: 'Figures for the insurer' },
      { name: 'admin', description: 'Accounts, tokens and the access log (admins)' },
      { name: 'webhooks', description: 'Case events pushed to the insurer\'s systems' },
      { name: 'data', description: 'Waiting-time imports and the insurer\'s contracted providers (admins)' },
    ],
    components: {
      securitySchemes: {
        bearerAuth: { type: 'http', scheme: 'bearer', description: 'API token created by an admin (POST /api/tokens)' },
        sessionCookie: { type: 'apiKey', in: 'cookie', name: 'ww_session' },
        csrfToken: { type: 'apiKey', in: 'header', name: 'X-CSRF-Token' },
      },
    },
    webhooks: {
      caseEvent: {
        post: {
          operationId: 'receiveCaseEvent', tags: ['webhooks'], security: [],
          summary: 'What the insurer\'s endpoint receives for every case change (register it with POST /api/webhooks)',
          description:
            'At least once, retried with backoff for about 12 hours; deliveries may arrive out of order, so order by sequence per case. ' +
            'Verify X-Wachtwijzer-Signature: v1=<hex HMAC-SHA256 with the endpoint secret over `${X-Wachtwijzer-Timestamp}.${raw body}`>, timestamp in Unix seconds, at most five minutes off. ' +
            'A patient who withdraws in the chat gives case.withdrawn (change "withdrawn"); the case then has status withdrawn and no patient data.',
          parameters: [
            { name: 'X-Wachtwijzer-Event', in: 'header', required: true, schema: { type: 'string', enum: [...s.webhookEventTypes] }, description: 'The event type, as in the body' },
            { name: 'X-Wachtwijzer-Delivery', in: 'header', required: true, schema: { type: 'string' }, description: 'The delivery id, the same on every retry' },
            { name: 'X-Wachtwijzer-Timestamp', in: 'header', required: true, schema: { type: 'string', pattern: '^[0-9]+$' }, description: 'Unix time in seconds, signed with the body' },
            { name: 'X-Wachtwijzer-Signature', in: 'header', required: true, schema: { type: 'string', pattern: '^v1=[0-9a-f]{64}$' }, description: 'v1=<hex HMAC-SHA256 over timestamp.body>' },
          ],
          requestBody: { required: true, content: json(s.webhookEventPayload) },
          responses: { '200': { description: 'Any 2xx marks the delivery delivered; anything else, or no answer within 10 s, is retried' } },
        },
      },
    },
    paths: {
      '/api/auth/login': {
        post: {
          operationId: 'login', tags: ['auth'], summary: 'Log in; sets the session cookie and answers the CSRF token', security: [], requestBody: body(s.loginBody),
          responses: { '200': ok('Logged in', s.loginResponse), '400': error('Missing or malformed fields'), '401': error('Wrong e-mail address or password'), '429': error('Too many failed attempts; see Retry-After') },
        },
      },
      '/api/auth/logout': { post: { operationId: 'logout', tags: ['auth'], summary: 'Ends the session', responses: { '204': ok('Logged out'), ...authErrors } } },
      '/api/auth/session': { get: { operationId: 'getSession', tags: ['auth'], summary: 'The current session (or token) and its CSRF token', responses: { '200': ok('The session', s.sessionResponse), '400': error('Unknown query parameter'), ...authErrors } } },
      '/api/colleagues': { get: { operationId: 'listColleagues', tags: ['cases'], summary: 'Colleagues of the same insurer, to assign a case to', responses: { '200': ok('Colleagues', s.colleaguesResponse), '400': error('Unknown query parameter'), ...authErrors } } },
      '/api/cases': {
        get: {
          operationId: 'listCases', tags: ['cases'],
          summary: 'The queue: most urgent first (Treeknorm excess, time in queue, doctor\'s urgency), or by promised first contact; search with q; a change feed with updatedSince and cursor',
          parameters: queryParameters(s.caseListQuery),
          responses: { '200': ok('One page of cases (no patient data)', s.caseListResponse), '400': error('Bad or unknown parameter (details.parameter names it)'), ...authErrors },
        },
      },
      '/api/cases/{reference}': { get: { operationId: 'getCase', tags: ['cases'], summary: 'One case with its structured request, duplicates and faster alternatives', parameters: [referencePath], responses: { '200': ok('The case', s.caseDetailResponse), '400': error('Unknown query parameter'), ...caseErrors } } },
      '/api/cases/{reference}/claim': {
        post: { operationId: 'claimCase', tags: ['cases'], summary: 'Claims a new case; of simultaneous claims exactly one wins', parameters: [referencePath], responses: { '200': ok('Claimed', s.caseDetailResponse), ...caseErrors, '409': error('The case is not new; details.holder says who has it') } },
      },
      '/api/cases/{reference}/assign': {
        post: {
          operationId: 'assignCase', tags: ['cases'], summary: 'Gives the case to a colleague of the same insurer (admins, the holder, or anyone when a system token holds it)', parameters: [referencePath], requestBody: body(s.assignBody),
          responses: { '200': ok('Assigned', s.caseDetailResponse), '400': error('No such colleague'), ...caseErrors, '409': error('The case is finished') },
        },
      },
      '/api/cases/{reference}/release': {
        post: { operationId: 'releaseCase', tags: ['cases'], summary: 'Puts a claimed or in-progress case back in the queue (holder or admin)', parameters: [referencePath], responses: { '200': ok('Released', s.caseDetailResponse), ...caseErrors, '409': error('The case is not claimed or in progress') } },
      },
      '/api/cases/{reference}/reopen': {
        post: {
          operationId: 'reopenCase', tags: ['cases'], summary: 'Reopens a resolved or closed case (to in_progress, held by the caller); the reason becomes a note', parameters: [referencePath], requestBody: body(s.reopenBody),
          responses: { '200': ok('Reopened', s.caseDetailResponse), '400': error('Missing reason'), ...caseErrors, '409': error('The case is not finished, or was anonymised') },
        },
      },
      '/api/cases/{reference}/status': {
        post: {
          operationId: 'setCaseStatus', tags: ['cases'], summary: 'Moves the case: new → claimed → in_progress → resolved / closed (closed needs a reason)', parameters: [referencePath], requestBody: body(s.statusBody),
          responses: { '200': ok('Changed', s.caseDetailResponse), '400': error('Unknown status or missing reason'), ...caseErrors, '409': error('Transition not allowed; details.allowed lists the allowed ones') },
        },
      },
      '/api/cases/{reference}/notes': {
        get: { operationId: 'listCaseNotes', tags: ['cases'], summary: 'The case\'s notes, oldest first', parameters: [referencePath], responses: { '200': ok('Notes', z.object({ items: z.array(s.noteResponse) })), '400': error('Unknown query parameter'), ...caseErrors } },
        post: {
          operationId: 'addCaseNote', tags: ['cases'], summary: `Adds a note (at most ${s.noteMaxLength} characters)`, parameters: [referencePath], requestBody: body(s.noteBody),
          responses: { '201': ok('Added', s.noteResponse), '400': error('Empty note'), ...caseErrors, '413': error('Note too long') },
        },
      },
      '/api/cases/{reference}/outcome': {
        post: {
          operationId: 'setCaseOutcome', tags: ['cases'], summary: 'Records the outcome: faster place found (where, when), no faster option, patient declined, not reachable', parameters: [referencePath], requestBody: body(s.outcomeBody),
          responses: { '200': ok('Recorded', s.caseDetailResponse), '400': error('Bad outcome'), ...caseErrors, '409': error('Not claimed yet, or already recorded on a finished case') },
        },
      },
      '/api/cases/{reference}/fhir': {
        get: {
          operationId: 'getCaseFhir', tags: ['cases'], summary: 'The case as a FHIR R4 Bundle (collection): Patient, ServiceRequest, Task, Organization (insurer, providers), Coverage, Consent and the holder as PractitionerRole', parameters: [referencePath],
          responses: { '200': { description: 'FHIR R4 Bundle', content: { 'application/fhir+json': { schema: { type: 'object', required: ['resourceType', 'type', 'entry'], properties: { resourceType: { const: 'Bundle' }, type: { const: 'collection' }, entry: { type: 'array', items: { type: 'object' } } } } } } }, '400': error('Unknown query parameter'), ...caseErrors },
        },
      },
      '/api/stats': { get: { operationId: 'getStats', tags: ['reports'], summary: 'The insurer\'s figures: share helped, days and weeks saved, first contact on time', parameters: queryParameters(s.statsQuery), responses: { '200': ok('Figures', s.statsResponse), '400': error('Bad or unknown parameter'), ...authErrors } } },
      '/api/audit': { get: { operationId: 'listAudit', tags: ['admin'], summary: 'The NEN 7513 access log (admins), newest first, with names', parameters: queryParameters(s.auditQuery), responses: { '200': ok('Log rows', s.auditResponse), '400': error('Bad or unknown parameter'), ...authErrors } } },
      '/api/audit/export': {
        get: {
          operationId: 'exportAudit', tags: ['admin'], summary: 'The access log as CSV (admins; formula characters neutralised, at most 10,000 rows)', parameters: queryParameters(s.auditExportQuery),
          responses: { '200': { description: 'CSV (UTF-8 with BOM, CRLF)', content: { 'text/csv': { schema: { type: 'string' } } } }, '400': error('Bad or unknown parameter'), ...authErrors },
        },
      },
      '/api/tokens': {
        get: { operationId: 'listTokens', tags: ['admin'], summary: 'API tokens (admins); secrets are never shown again', responses: { '200': ok('Tokens', z.object({ items: z.array(s.tokenResponse) })), '400': error('Unknown query parameter'), ...authErrors } },
        post: { operationId: 'createToken', tags: ['admin'], summary: 'Creates an API token (admins); the answer holds the secret once', requestBody: body(s.tokenBody), responses: { '201': ok('Created', s.tokenResponse.extend({ token: z.string() })), '400': error('Bad input'), ...authErrors } },
      },
      '/api/tokens/{id}': { delete: { operationId: 'revokeToken', tags: ['admin'], summary: 'Revokes a token (admins)', parameters: [idPath], responses: { '204': ok('Revoked'), ...authErrors, '404': error('No such active token') } } },
      '/api/webhooks': {
        get: { operationId: 'listWebhooks', tags: ['webhooks'], summary: 'Webhook endpoints (admins)', responses: { '200': ok('Endpoints', z.object({ items: z.array(s.webhookResponse) })), '400': error('Unknown query parameter'), ...authErrors } },
        post: {
          operationId: 'createWebhook', tags: ['webhooks'],
          summary: 'Adds an endpoint (admins). Deliveries are POSTs signed with HMAC-SHA256 over `${timestamp}.${body}` (X-Wachtwijzer-Signature: v1=<hex>, X-Wachtwijzer-Timestamp in Unix seconds, X-Wachtwijzer-Delivery stays the same on retries). See the README.',
          requestBody: body(s.webhookBody), responses: { '201': ok('Created; secret shown once', s.webhookResponse.extend({ secret: z.string() })), '400': error('Bad URL or secret'), ...authErrors },
        },
      },
      '/api/webhooks/{id}': { delete: { operationId: 'deactivateWebhook', tags: ['webhooks'], summary: 'Switches an endpoint off (admins)', parameters: [idPath], responses: { '204': ok('Switched off'), ...authErrors, '404': error('No such endpoint') } } },
      '/api/webhooks/deliveries': { get: { operationId: 'listWebhookDeliveries', tags: ['webhooks'], summary: 'The delivery log (admins)', parameters: queryParameters(s.pageQuery), responses: { '200': ok('Deliveries with their attempts', s.deliveriesResponse), '400': error('Bad or unknown parameter'), ...authErrors } } },
      '/api/webhooks/deliveries/{id}/redeliver': {
        post: {
          operationId: 'redeliverWebhook', tags: ['webhooks'], summary: 'Sends a delivery again with the same delivery id and body (admins)', parameters: [idPath],
          responses: { '202': ok('Queued', s.redeliverResponse), ...authErrors, '404': error('No such delivery, or its endpoint is switched off') },
        },
      },
      '/api/mediators': {
        get: { operationId: 'listMediators', tags: ['admin'], summary: 'The insurer\'s mediator accounts (admins)', responses: { '200': ok('Accounts', z.object({ items: z.array(s.mediatorResponse) })), '400': error('Unknown query parameter'), ...authErrors } },
        post: { operationId: 'createMediator', tags: ['admin'], summary: 'Creates a mediator account (admins)', requestBody: body(s.mediatorBody), responses: { '201': ok('Created', s.mediatorResponse), '400': error('Bad input'), ...authErrors, '409': error('E-mail address taken') } },
      },
      '/api/admin/waiting-times/sync': {
        get: {
          operationId: 'getWaitingTimeSync', tags: ['data'],
          summary: 'The waiting-time sync (admins): schedule (WAITING_TIMES_SYNC_URL, WAITING_TIMES_SYNC_DAYS), the last run, the last successful import and the recent runs of `npm run import:waiting-times` and the schedule',
          responses: { '200': ok('Sync status and recent runs', s.waitingTimeSyncResponse), '400': error('Unknown query parameter'), ...authErrors },
        },
      },
      '/api/admin/contracts': {
        get: { operationId: 'listContracts', tags: ['data'], summary: 'The insurer\'s contracted providers as last uploaded (admins)', responses: { '200': ok('Contract list', s.contractsResponse), '400': error('Unknown query parameter'), ...authErrors } },
        post: {
          operationId: 'uploadContracts', tags: ['data'],
          summary: 'Replaces the insurer\'s contract list (admins). CSV with a header: agb_code or provider, specialism (4 digits or "all"), contracted (yes/no), valid_from, valid_until. One bad line stores nothing (details.errors lists line and reason); the previous list is kept, superseded',
          requestBody: { required: true, content: { 'text/csv': { schema: { type: 'string', maxLength: 2_000_000 } } } },
          responses: { '200': ok('Stored', s.contractUploadResponse), '400': error('Empty body or bad lines; nothing stored'), ...authErrors, '413': error('More than 2 MB') },
        },
      },
    },
  });
}

/** Changes made with the session cookie also need the CSRF header; reads and Bearer calls do not. */
function withCsrfOnChanges(doc: Json): Json {
  for (const ops of Object.values(doc.paths as Record<string, Record<string, Json>>)) {
    for (const [method, op] of Object.entries(ops)) {
      if (method !== 'get' && op.security === undefined) op.security = [{ bearerAuth: [] }, { sessionCookie: [], csrfToken: [] }];
    }
  }
  return doc;
}
