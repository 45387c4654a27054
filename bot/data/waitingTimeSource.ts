/**
 * Reading a waiting-time file from disk or from an http(s) address (the NZa Zorgbeeld service),
 * with a timeout per attempt, a size limit and a few retries with back-off for failures that may
 * pass (network errors, timeouts, 429 and 5xx answers). A 4xx answer is not retried.
 */
import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';

export interface FetchOptions {
  timeoutMs?: number;
  maxBytes?: number;
  retries?: number;
  /** Wait before retry n (1-based); default 1 s, 4 s, 9 s … */
  backoffMs?: (attempt: number) => number;
  fetchImpl?: typeof fetch;
}

/** 8.4 MB was one full NZa pull; 64 MB leaves room and still protects memory. */
export const DEFAULT_MAX_BYTES = 64 * 1024 * 1024;
export const DEFAULT_TIMEOUT_MS = 60_000;
export const DEFAULT_RETRIES = 2;

/** A source that cannot be read; the message says why, without credentials. */
export class SourceError extends Error {
  override readonly name = 'SourceError';
}

export function isUrl(source: string): boolean {
  return /^https?:\/\//i.test(source);
}

/** The address without user, password or query string (these may hold keys): for logs and the admin view. */
export function describeSource(source: string): string {
  if (!isUrl(source)) return basename(source);
  try {
    const url = new URL(source);
    return `${url.protocol}//${url.host}${url.pathname}`;
  } catch {
    return 'an invalid address';
  }
}

class Retryable extends Error {}

async function fetchOnce(url: string, options: Required<Omit<FetchOptions, 'backoffMs'>>): Promise<string> {
  let response: Response;
  try {
    response = await options.fetchImpl(url, {
      signal: AbortSignal.timeout(options.timeoutMs),
      // NZa answers XML by default; JSON is read as well.
      headers: { accept: 'application/xml, application/json;q=0.9, text/csv;q=0.8, */*;q=0.5' },
      redirect: 'follow',
    });
  } catch (error) {
    const e = error as Error;
    throw new Retryable(e.name === 'TimeoutError' || e.name === 'AbortError' ? `no answer within ${options.timeoutMs / 1000} s` : `cannot connect: ${e.message}`);
  }
  if (!response.ok) {
    await response.body?.cancel().catch(() => undefined);
    const message = `the server answered ${response.status} ${response.statusText}`.trim();
    if (response.status === 429 || response.status >= 500) throw new Retryable(message);
    throw new SourceError(message);
  }
  const declared = Number(response.headers.get('content-length') ?? NaN);
  if (Number.isFinite(declared) && declared > options.maxBytes) {
    await response.body?.cancel().catch(() => undefined);
    throw new SourceError(`the answer is ${declared} bytes, more than the limit of ${options.maxBytes}`);
  }
  if (!response.body) return '';
  // Counted while reading: a server may send more than it declared, or declare nothing.
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = response.body.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > options.maxBytes) {
        await reader.cancel().catch(() => undefined);
        throw new SourceError(`the answer is more than the limit of ${options.maxBytes} bytes`);
      }
      chunks.push(value);
    }
  } catch (error) {
    if (error instanceof SourceError) throw error;
    const e = error as Error;
    throw new Retryable(e.name === 'TimeoutError' || e.name === 'AbortError' ? `the answer did not arrive within ${options.timeoutMs / 1000} s` : `the connection broke: ${e.message}`);
  }
  return new TextDecoder('utf-8').decode(Buffer.concat(chunks));
}

/** Reads a file or an http(s) address; throws SourceError with a reason a person understands. */
export async function readSource(source: string, options: FetchOptions = {}): Promise<{ name: string; content: string }> {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  if (!isUrl(source)) {
    try {
      const info = await stat(source);
      if (info.size > maxBytes) throw new SourceError(`${basename(source)} is ${info.size} bytes, more than the limit of ${maxBytes}`);
      return { name: basename(source), content: await readFile(source, 'utf8') };
    } catch (error) {
      if (error instanceof SourceError) throw error;
      throw new SourceError(`cannot read ${source}: ${(error as Error).message}`);
    }
  }
  let url: URL;
  try {
    url = new URL(source);
  } catch {
    throw new SourceError('the address is not a valid URL');
  }
  const settings = { timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS, maxBytes, retries: options.retries ?? DEFAULT_RETRIES, fetchImpl: options.fetchImpl ?? fetch };
  const backoff = options.backoffMs ?? ((n: number) => n * n * 1000);
  let last = '';
  for (let attempt = 0; attempt <= settings.retries; attempt++) {
    if (attempt > 0) await new Promise((r) => setTimeout(r, backoff(attempt)));
    try {
      const content = await fetchOnce(url.toString(), settings);
      // The last path segment names the file; its extension helps recognise the format.
      return { name: basename(url.pathname) || url.host, content };
    } catch (error) {
      if (!(error instanceof Retryable)) throw error;
      last = error.message;
    }
  }
  throw new SourceError(`${describeSource(source)}: ${last} (after ${settings.retries + 1} attempts)`);
}
