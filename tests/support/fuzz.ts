import { request, Agent } from 'node:http';
import { connect } from 'node:net';
import fc from 'fast-check';

/** One generated request: HTTP, or a raw WebSocket upgrade. */
export type FuzzRequest =
  | { kind: 'http'; method: string; path: string; headers: Record<string, string>; body: string | null }
  | { kind: 'upgrade'; target: string; headers: Record<string, string> };

/** Valid credentials the generator mixes in, so requests also get past authentication. */
export interface FuzzCredentials {
  conversationId: string;
  directLineToken: string;
  sessionCookie: string;
  csrfToken: string;
  caseReference: string;
}

const hostile = ['%E0%A4%A', '%', '%%', '%00', '..', '../..', '//[x', '[::1]', '\u0000', 'é', '😀', "' OR 1=1 --", '<script>alert(1)</script>', 'a'.repeat(3000), '__proto__', 'constructor', '-1', '1e309', 'NaN'];

/** Every route of the product, with its parameters as placeholders. */
const routes: ReadonlyArray<readonly [string, string]> = [
  ['GET', '/healthz'], ['POST', '/api/messages'], ['GET', '/api/messages'],
  ['POST', '/v3/directline/tokens/generate'], ['POST', '/v3/directline/tokens/refresh'], ['OPTIONS', '/v3/directline/tokens/generate'],
  ['POST', '/v3/directline/conversations'], ['GET', '/v3/directline/conversations/:conv'],
  ['POST', '/v3/directline/conversations/:conv/activities'], ['GET', '/v3/directline/conversations/:conv/activities'],
  ['POST', '/api/auth/login'], ['POST', '/api/auth/logout'], ['GET', '/api/auth/session'],
  ['GET', '/api/cases'], ['GET', '/api/cases/:ref'], ['POST', '/api/cases/:ref/claim'], ['POST', '/api/cases/:ref/release'],
  ['POST', '/api/cases/:ref/status'], ['GET', '/api/cases/:ref/notes'], ['POST', '/api/cases/:ref/notes'], ['POST', '/api/cases/:ref/outcome'],
  ['GET', '/api/cases/:ref/fhir'], ['GET', '/api/stats'], ['GET', '/api/audit'], ['GET', '/api/tokens'], ['POST', '/api/tokens'], ['DELETE', '/api/tokens/:any'],
  ['GET', '/api/webhooks'], ['POST', '/api/webhooks'], ['GET', '/api/webhooks/deliveries'], ['DELETE', '/api/webhooks/:any'],
  ['GET', '/api/mediators'], ['POST', '/api/mediators'], ['GET', '/api/openapi.json'], ['GET', '/console'], ['GET', '/console/console.js'],
  ['GET', '/api/waiting-times'], ['GET', '/api/specialisms'], ['GET', '/api/widget-config'], ['GET', '/privacy'], ['GET', '/widget.js'], ['GET', '/'],
  ['PUT', '/api/cases/:ref'], ['PATCH', '/v3/directline/conversations/:conv'], ['GET', '/:any'],
];

const text = fc.oneof(fc.string({ maxLength: 40 }), fc.constantFrom(...hostile), fc.string({ unit: 'binary', maxLength: 20 }));
const deep = fc.integer({ min: 20, max: 6000 }).chain((n) => fc.constantFrom(`${'['.repeat(n)}${']'.repeat(n)}`, `${'{"a":'.repeat(n)}1${'}'.repeat(n)}`, `{"type":"message","value":${'['.repeat(n)}`));

/** A Bot Framework / Direct Line activity with fields of any type. */
const activityish = fc.record(
  {
    type: fc.oneof(fc.constantFrom('message', 'conversationUpdate', 'invoke', 'event', 'typing', 'endOfConversation', 'installationUpdate'), fc.jsonValue()),
    text: fc.oneof(text, fc.jsonValue()),
    from: fc.oneof(fc.record({ id: text }), fc.jsonValue()),
    recipient: fc.oneof(fc.record({ id: text }), fc.jsonValue()),
    conversation: fc.oneof(fc.record({ id: text }), fc.jsonValue()),
    channelId: fc.oneof(fc.constantFrom('emulator', 'directline', 'msteams', 'webchat'), fc.jsonValue()),
    serviceUrl: fc.oneof(fc.constantFrom('http://127.0.0.1:9/', 'javascript:alert(1)', 'https://smba.trafficmanager.net/emea/', 'file:///etc/passwd', 'http://[::ffff:127.0.0.1]:1/', 'http://localhost:1/'), fc.jsonValue()),
    membersAdded: fc.oneof(fc.array(fc.record({ id: text }), { maxLength: 3 }), fc.jsonValue()),
    channelData: fc.oneof(fc.record({ wachtwijzerTenant: text }), fc.jsonValue()),
    name: fc.oneof(fc.constantFrom('healthCheck', 'composeExtension/query', 'adaptiveCard/action'), text),
    value: fc.jsonValue({ maxDepth: 4 }),
    attachments: fc.jsonValue({ maxDepth: 2 }),
    locale: fc.oneof(fc.constantFrom('nl-NL', 'en-US'), text),
    tenant: fc.oneof(fc.constantFrom('demo-verzekeraar', 'andere-verzekeraar', 'bestaat-niet'), text),
    email: fc.oneof(fc.constantFrom('mediator@demo-verzekeraar.test', 'x@y.z'), text),
    password: text,
    status: fc.oneof(fc.constantFrom('claimed', 'in_progress', 'resolved', 'new'), text),
    url: fc.oneof(fc.constantFrom('https://[::ffff:10.0.0.1]/', 'https://hooks.example/x', 'http://127.0.0.1/'), text),
  },
  { requiredKeys: [] },
);

const body = fc.oneof(
  { weight: 4, arbitrary: activityish.map((a) => JSON.stringify(a)) },
  { weight: 2, arbitrary: fc.jsonValue().map((v) => JSON.stringify(v)) },
  { weight: 1, arbitrary: deep },
  { weight: 1, arbitrary: fc.string({ maxLength: 200 }) },
  { weight: 1, arbitrary: fc.constantFrom('', '{', '{"type":', 'null', '[]', '"x"', '{"__proto__":{"polluted":1}}', 'x'.repeat(300_000)) },
);

function fill(template: string, creds: FuzzCredentials, pick: { conv: string; ref: string; any: string }): string {
  return template.replace(':conv', pick.conv).replace(':ref', pick.ref).replace(':any', pick.any);
}

/** The generator of hostile requests across every route. */
export function fuzzRequests(creds: FuzzCredentials): fc.Arbitrary<FuzzRequest> {
  const segment = fc.oneof(fc.constant(creds.conversationId), fc.constant(creds.caseReference), fc.constantFrom(...hostile), fc.string({ maxLength: 30 }).map(encodeURIComponent));
  const query = fc.oneof(
    fc.constant(''),
    fc.constantFrom('?watermark=x', '?watermark=-1', '?watermark=99999999999', '?tenant=', '?tenant=demo-verzekeraar', '?status=x&limit=-5', '?limit=1e9', '?a=%E0%A4%A', '?t=' + creds.directLineToken, '?postcode=%00'),
    fc.string({ maxLength: 30 }).map((s) => `?q=${encodeURIComponent(s)}`),
  );
  const auth: fc.Arbitrary<Record<string, string>> = fc.oneof(
    fc.constant<Record<string, string>>({}),
    fc.constant({ authorization: `Bearer ${creds.directLineToken}` }),
    fc.constant({ cookie: creds.sessionCookie, 'x-csrf-token': creds.csrfToken }),
    fc.constant({ cookie: creds.sessionCookie }),
    text.map((t) => ({ authorization: `Bearer ${t.replace(/[^\x21-\x7e]/g, 'x')}` })),
    fc.constantFrom<Record<string, string>>({ authorization: 'Basic Zm9vOmJhcg==' }, { cookie: 'ww_session=%E0%A4%A; x=' }, { authorization: 'Bearer eyJhbGciOiJub25lIn0.e30.' }),
  );
  const extra: fc.Arbitrary<Record<string, string>> = fc.record(
    {
      'content-type': fc.constantFrom('application/json', 'application/json; charset=utf-16', 'text/plain', 'application/x-www-form-urlencoded', 'application/vnd.x+json', 'multipart/form-data; boundary=x'),
      origin: fc.constantFrom('http://localhost:3000', 'https://evil.example', 'null', 'not a url'),
      'x-forwarded-for': fc.constantFrom('10.0.0.1', '::1, 1.2.3.4', 'garbage', ''),
      'x-request-id': fc.constantFrom('short', 'a'.repeat(90), '../../etc'),
      'accept-language': fc.constantFrom('nl', 'en', '*', ''),
    },
    { requiredKeys: [] },
  ) as fc.Arbitrary<Record<string, string>>;
  const http = fc
    .record({ route: fc.constantFrom(...routes), conv: segment, ref: segment, any: segment, query, auth, extra, body: fc.option(body, { freq: 3 }) })
    .map(({ route, conv, ref, any, query, auth, extra, body }): FuzzRequest => ({
      kind: 'http',
      method: route[0],
      path: fill(route[1], creds, { conv, ref, any }) + query,
      headers: { ...extra, ...auth },
      body: route[0] === 'GET' || route[0] === 'OPTIONS' ? null : body,
    }));
  const upgrade = fc
    .record({
      target: fc.oneof(
        fc.constantFrom('/v3/directline/conversations/%E0%A4%A/stream', '//[x', '/v3/directline/conversations//stream', '*', `/v3/directline/conversations/${creds.conversationId}/stream?t=${creds.directLineToken}&watermark=x`, `/v3/directline/conversations/${creds.conversationId}/stream?t=bad`, '/api/messages'),
        segment.map((s) => `/v3/directline/conversations/${s}/stream`),
      ),
      auth,
    })
    .map(({ target, auth }): FuzzRequest => ({ kind: 'upgrade', target, headers: auth }));
  return fc.oneof({ weight: 9, arbitrary: http }, { weight: 1, arbitrary: upgrade });
}

/** Non-ASCII and control characters percent-encoded byte by byte (lone surrogates as "?"), so any generated path can be sent. */
const rawPath = (path: string) =>
  path.replace(/[^\x21-\x7e]/gu, (c) => {
    try {
      return encodeURIComponent(c);
    } catch {
      return '%3F'; // a lone surrogate has no UTF-8 form
    }
  });

const agent = new Agent({ keepAlive: true, maxSockets: 8 });

/** Sends one request; resolves with its status (0: the server closed without an answer). */
export function send(base: string, r: FuzzRequest): Promise<number> {
  const u = new URL(base);
  if (r.kind === 'upgrade') {
    return new Promise((resolve) => {
      const socket = connect(Number(u.port), u.hostname, () => {
        const headers = Object.entries(r.headers).map(([k, v]) => `${k}: ${v}\r\n`).join('');
        socket.write(`GET ${r.target.replace(/[\r\n ]/g, '')} HTTP/1.1\r\nHost: ${u.host}\r\nConnection: Upgrade\r\nUpgrade: websocket\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n${headers}\r\n`);
      });
      let data = '';
      socket.setTimeout(5000, () => socket.destroy());
      socket.on('data', (chunk) => {
        data += chunk.toString('latin1');
        // A stream that opened (101) is closed by us at once.
        if (data.includes('\r\n')) socket.destroy();
      });
      socket.on('error', () => undefined);
      socket.on('close', () => resolve(Number(/^HTTP\/1\.1 (\d{3})/.exec(data)?.[1] ?? 0)));
    });
  }
  const headers: Record<string, string> = {};
  for (const [k, v] of Object.entries(r.headers)) headers[k] = v.replace(/[^\t\x20-\x7e]/g, '?');
  const once = (reuse: boolean) =>
    new Promise<number>((resolve) => {
      const req = request({ agent: reuse ? agent : false, host: u.hostname, port: u.port, method: r.method, path: rawPath(r.path), headers }, (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
        res.on('error', () => resolve(res.statusCode ?? 0));
      });
      req.setTimeout(30_000, () => req.destroy());
      req.on('error', () => resolve(0));
      req.end(r.body ?? undefined);
    });
  // A kept-alive socket the server closed after refusing a body (413, bad JSON) fails on reuse: that
  // is the client's race, so it is tried once more on a fresh connection. A dead server fails both.
  return once(true).then((status) => (status === 0 ? once(false) : status));
}

/** Sends all requests with a few in flight at once; returns the status counts and the 5xx requests. */
export async function run(base: string, requests: FuzzRequest[], concurrency = 8): Promise<{ counts: Map<number, number>; failures: { request: FuzzRequest; status: number }[] }> {
  const counts = new Map<number, number>();
  const failures: { request: FuzzRequest; status: number }[] = [];
  let next = 0;
  const worker = async () => {
    while (next < requests.length) {
      const r = requests[next++]!;
      const status = await send(base, r);
      counts.set(status, (counts.get(status) ?? 0) + 1);
      if (status >= 500 || (status === 0 && r.kind === 'http')) failures.push({ request: r, status });
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return { counts, failures };
}

/** Logs in, opens a conversation and a case, so generated requests can also carry valid credentials. */
export async function fuzzCredentials(base: string, createCaseReference: () => Promise<string>): Promise<FuzzCredentials> {
  const json = { 'content-type': 'application/json' };
  const gen = (await (await fetch(`${base}/v3/directline/tokens/generate`, { method: 'POST', headers: { ...json, origin: 'http://localhost:3000' }, body: '{"tenant":"demo-verzekeraar"}' })).json()) as { token: string; conversationId: string };
  await fetch(`${base}/v3/directline/conversations`, { method: 'POST', headers: { authorization: `Bearer ${gen.token}` } });
  const login = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: json, body: JSON.stringify({ email: 'admin@demo-verzekeraar.test', password: 'demo' }) });
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  const sessionCookie = (login.headers.getSetCookie() ?? []).map((c) => c.split(';')[0]).join('; ');
  return { conversationId: gen.conversationId, directLineToken: gen.token, sessionCookie, csrfToken, caseReference: await createCaseReference() };
}
