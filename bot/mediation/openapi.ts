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

/** Builds the document; servers are left out so it works behind any host. */
export function openApiDocument(): Json {
  return {
    openapi: '3.1.0',
    info: {
      title: 'Wachtwijzer mediation API',
      version: '1.0.0',
      description:
        'The zorgbemiddeling queue for insurer staff and systems. Log in with a session cookie (console) or send an API token as Bearer (systems). ' +
        'Cookie-authenticated requests that change something must send X-CSRF-Token. Every read and change is written to a NEN 7513 audit log.',
    },
    security: [{ bearerAuth: [] }, { sessionCookie: [] }],
    components: {
      securitySchemes: {
        bearerAuth: { type: 'http', scheme: 'bearer', description: 'API token created by an admin (POST /api/tokens)' },
        sessionCookie: { type: 'apiKey', in: 'cookie', name: 'ww_session' },
        csrfToken: { type: 'apiKey', in: 'header', name: 'X-CSRF-Token' },
      },
    },
    paths: {
      '/api/auth/login': {
        post: {
          summary: 'Log in; sets the session cookie and answers the CSRF token', security: [], requestBody: body(s.loginBody),
          responses: { '200': ok('Logged in', s.loginResponse), '400': error('Missing or malformed fields'), '401': error('Wrong e-mail address or password'), '429': error('Too many failed attempts; see Retry-After') },
        },
      },
      '/api/auth/logout': { post: { summary: 'Ends the session', responses: { '204': ok('Logged out'), ...authErrors } } },
      '/api/auth/session': { get: { summary: 'The current session and its CSRF token', responses: { '200': ok('The session', s.loginResponse), ...authErrors } } },
      '/api/cases': {
        get: {
          summary: 'The queue: most urgent first (Treeknorm excess, time in queue, doctor\'s urgency), or by promised first contact',
          parameters: queryParameters(s.caseListQuery),
          responses: { '200': ok('One page of cases (no patient data)', s.caseListResponse), '400': error('Bad filter'), ...authErrors },
        },
      },
      '/api/cases/{reference}': { get: { summary: 'One case with its structured request', parameters: [referencePath], responses: { '200': ok('The case', s.caseDetailResponse), ...caseErrors } } },
      '/api/cases/{reference}/claim': {
        post: { summary: 'Claims a new case; of simultaneous claims exactly one wins', parameters: [referencePath], responses: { '200': ok('Claimed', s.caseDetailResponse), ...caseErrors, '409': error('The case is not new') } },
      },
      '/api/cases/{reference}/release': {
        post: { summary: 'Puts a claimed case back in the queue', parameters: [referencePath], responses: { '200': ok('Released', s.caseDetailResponse), ...caseErrors, '409': error('The case is not claimed') } },
      },
      '/api/cases/{reference}/status': {
        post: {
          summary: 'Moves the case: new → claimed → in_progress → resolved / closed (closed needs a reason)', parameters: [referencePath], requestBody: body(s.statusBody),
          responses: { '200': ok('Changed', s.caseDetailResponse), '400': error('Unknown status or missing reason'), ...caseErrors, '409': error('Transition not allowed; details.allowed lists the allowed ones') },
        },
      },
      '/api/cases/{reference}/notes': {
        get: { summary: 'The case\'s notes, oldest first', parameters: [referencePath], responses: { '200': ok('Notes', z.object({ items: z.array(s.noteResponse) })), ...caseErrors } },
        post: {
          summary: `Adds a note (at most ${s.noteMaxLength} characters)`, parameters: [referencePath], requestBody: body(s.noteBody),
          responses: { '201': ok('Added', s.noteResponse), '400': error('Empty note'), ...caseErrors, '413': error('Note too long') },
        },
      },
      '/api/cases/{reference}/outcome': {
        post: {
          summary: 'Records the outcome: faster place found (where, when), no faster option, patient declined, not reachable', parameters: [referencePath], requestBody: body(s.outcomeBody),
          responses: { '200': ok('Recorded', s.caseDetailResponse), '400': error('Bad outcome'), ...caseErrors, '409': error('Not claimed yet, or already recorded on a finished case') },
        },
      },
      '/api/cases/{reference}/fhir': {
        get: {
          summary: 'The case as a FHIR R4 Bundle (collection) of Patient, ServiceRequest and Task', parameters: [referencePath],
          responses: { '200': { description: 'FHIR R4 Bundle', content: { 'application/fhir+json': { schema: { type: 'object' } } } }, ...caseErrors },
        },
      },
      '/api/stats': { get: { summary: 'The insurer\'s figures: share helped, days and weeks saved, first contact on time', parameters: queryParameters(s.statsQuery), responses: { '200': ok('Figures', s.statsResponse), ...authErrors } } },
      '/api/audit': { get: { summary: 'The NEN 7513 access log (admins), newest first', parameters: queryParameters(s.auditQuery), responses: { '200': ok('Log rows', s.auditResponse), ...authErrors } } },
      '/api/tokens': {
        get: { summary: 'API tokens (admins); secrets are never shown again', responses: { '200': ok('Tokens', z.object({ items: z.array(s.tokenResponse) })), ...authErrors } },
        post: { summary: 'Creates an API token (admins); the answer holds the secret once', requestBody: body(s.tokenBody), responses: { '201': ok('Created', s.tokenResponse.extend({ token: z.string() })), '400': error('Bad input'), ...authErrors } },
      },
      '/api/tokens/{id}': { delete: { summary: 'Revokes a token (admins)', parameters: [idPath], responses: { '204': ok('Revoked'), ...authErrors, '404': error('No such active token') } } },
      '/api/webhooks': {
        get: { summary: 'Webhook endpoints (admins)', responses: { '200': ok('Endpoints', z.object({ items: z.array(s.webhookResponse) })), ...authErrors } },
        post: {
          summary: 'Adds an endpoint (admins). Deliveries are POSTs signed with HMAC-SHA256 over `${timestamp}.${body}` (X-Wachtwijzer-Signature: v1=<hex>, X-Wachtwijzer-Timestamp, X-Wachtwijzer-Delivery stays the same on retries).',
          requestBody: body(s.webhookBody), responses: { '201': ok('Created; secret shown once', s.webhookResponse.extend({ secret: z.string() })), '400': error('Bad URL or secret'), ...authErrors },
        },
      },
      '/api/webhooks/{id}': { delete: { summary: 'Switches an endpoint off (admins)', parameters: [idPath], responses: { '204': ok('Switched off'), ...authErrors, '404': error('No such endpoint') } } },
      '/api/webhooks/deliveries': { get: { summary: 'The delivery log (admins)', parameters: queryParameters(s.pageQuery), responses: { '200': ok('Deliveries with their attempts'), ...authErrors } } },
      '/api/mediators': {
        get: { summary: 'The insurer\'s mediator accounts (admins)', responses: { '200': ok('Accounts'), ...authErrors } },
        post: { summary: 'Creates a mediator account (admins)', requestBody: body(s.mediatorBody), responses: { '201': ok('Created'), '400': error('Bad input'), ...authErrors, '409': error('E-mail address taken') } },
      },
    },
  };
}
