import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { LookupFunction } from 'node:net';
import { isPrivateAddress, isPrivateHost } from './webhookTarget.ts';

export type Resolver = (hostname: string, callback: (error: NodeJS.ErrnoException | null, addresses: LookupAddress[]) => void) => void;

const systemResolver: Resolver = (hostname, callback) => dnsLookup(hostname, { all: true, verbatim: true }, callback);

export class WebhookTargetRefused extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'WebhookTargetRefused';
  }
}

/**
 * A socket lookup that resolves the name once and refuses to connect when any resolved address is
 * private: the check and the connection use the same addresses, so a name that answered publicly when
 * the endpoint was registered and privately now (DNS rebinding) is caught.
 */
export function guardedLookup(resolve: Resolver = systemResolver): LookupFunction {
  return (hostname, options, callback) => {
    resolve(hostname, (error, addresses) => {
      if (error) return callback(error, '', 4);
      const refused = addresses.find((a) => isPrivateAddress(a.address));
      if (refused || addresses.length === 0) {
        const e = new WebhookTargetRefused(`${hostname} resolves to a private or local address`) as NodeJS.ErrnoException;
        e.code = 'EWEBHOOKPRIVATE';
        return callback(e, '', 4);
      }
      const wanted = options.family === 4 || options.family === 6 ? addresses.filter((a) => a.family === options.family) : addresses;
      if (options.all) return (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, wanted);
      const first = wanted[0] ?? addresses[0]!;
      callback(null, first.address, first.family);
    });
  };
}

export interface GuardedFetchOptions {
  /** Refuse private targets (production). Off, it is plain HTTP with redirects still not followed. */
  refusePrivate: boolean;
  resolve?: Resolver;
}

/**
 * fetch() for webhook delivery on node:http, because only there the socket's address lookup can be
 * replaced: URL literals and resolved addresses are both checked, and redirects are never followed
 * (a 3xx is the receiver's answer, recorded as a failed attempt, so a redirect cannot lead the
 * server into its own network).
 */
export function guardedFetch(options: GuardedFetchOptions): typeof fetch {
  const lookup = options.refusePrivate ? guardedLookup(options.resolve) : undefined;
  return (async (input: string | URL | Request, init: RequestInit = {}) => {
    const url = new URL(typeof input === 'string' || input instanceof URL ? input : input.url);
    if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new WebhookTargetRefused('webhooks must use http(s)');
    if (options.refusePrivate && isPrivateHost(url.hostname)) throw new WebhookTargetRefused(`${url.hostname} is a private or local address`);
    const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
    const headers = Object.fromEntries(new Headers(init.headers).entries());
    const body = typeof init.body === 'string' ? init.body : init.body == null ? undefined : String(init.body);
    return new Promise<Response>((resolve, reject) => {
      const req = send(url, { method: init.method ?? 'GET', headers, ...(lookup ? { lookup } : {}), signal: init.signal ?? undefined }, (res: IncomingMessage) => {
        const chunks: Buffer[] = [];
        let size = 0;
        res.on('data', (c: Buffer) => {
          // The receiver's answer is only read for its status; keep at most 64 kB of it.
          if ((size += c.length) <= 65_536) chunks.push(c);
        });
        res.on('end', () => {
          const status = res.statusCode ?? 0;
          const noBody = status === 204 || status === 304 || (status >= 100 && status < 200);
          resolve(new Response(noBody ? null : Buffer.concat(chunks), { status: status >= 200 && status <= 599 ? status : 502, headers: { 'content-type': String(res.headers['content-type'] ?? 'application/octet-stream') } }));
        });
        res.on('error', reject);
      });
      // An abort (the delivery timeout) rejects with the signal's reason, a TimeoutError, as fetch does.
      req.on('error', (error) => reject(init.signal?.aborted ? (init.signal.reason as Error) : error));
      if (body !== undefined) req.write(body);
      req.end();
    });
  }) as typeof fetch;
}
