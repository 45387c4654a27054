import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import type { Request, Response } from 'express';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

interface Variant {
  mtimeMs: number;
  etag: string;
  identity: Buffer;
  gzip: Buffer;
  br: Buffer;
}

/** The encoding to send for an Accept-Encoding header: brotli, then gzip, else none (q=0 refuses). */
export function chooseEncoding(header: string | undefined): 'br' | 'gzip' | null {
  const accepted = new Map<string, number>();
  for (const part of (header ?? '').split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    if (!name) continue;
    const q = params.map((p) => /^\s*q=([0-9.]+)\s*$/.exec(p)?.[1]).find((x) => x !== undefined);
    accepted.set(name, q === undefined ? 1 : Number(q));
  }
  const ok = (name: string) => (accepted.get(name) ?? accepted.get('*') ?? 0) > 0;
  if (ok('br')) return 'br';
  if (ok('gzip')) return 'gzip';
  return null;
}

/**
 * Serves one built file compressed (brotli or gzip, compressed once per build, not per request)
 * with a strong ETag over its content, so a revalidation is a 304 without a body. The file is
 * re-read when it changes on disk (a rebuild shows without a restart).
 */
export function compressedAsset(path: () => string, headers: Record<string, string>) {
  let cached: (Variant & { path: string }) | null = null;
  const load = (file: string): Variant | null => {
    if (!existsSync(file)) return null;
    const mtimeMs = statSync(file).mtimeMs;
    if (cached && cached.path === file && cached.mtimeMs === mtimeMs) return cached;
    const identity = readFileSync(file);
    const etag = `"${createHash('sha256').update(identity).digest('base64url').slice(0, 22)}"`;
    cached = { path: file, mtimeMs, etag, identity, gzip: gzipSync(identity, { level: 9 }), br: brotliCompressSync(identity, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: identity.length } }) };
    return cached;
  };

  /** Answers true when it served the file, false when the file is not there (not built). */
  return function serve(req: Request, res: Response): boolean {
    const asset = load(path());
    if (!asset) return false;
    for (const [k, v] of Object.entries(headers)) res.setHeader(k, v);
    res.setHeader('Vary', 'Accept-Encoding');
    res.setHeader('ETag', asset.etag);
    const encoding = chooseEncoding(req.headers['accept-encoding']);
    const match = (req.headers['if-none-match'] ?? '').split(',').map((t) => t.trim().replace(/^W\//, ''));
    if (match.includes(asset.etag) || match.includes('*')) {
      res.status(304).end();
      return true;
    }
    const body = encoding ? asset[encoding] : asset.identity;
    if (encoding) res.setHeader('Content-Encoding', encoding);
    res.setHeader('Content-Length', String(body.length));
    res.status(200).end(req.method === 'HEAD' ? undefined : body);
    return true;
  };
}
