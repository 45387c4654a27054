import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chooseEncoding } from '../../bot/api/compressedAsset.ts';
import { startTestServer, type TestServer } from '../support/server.ts';

/** A raw GET (node:http does not decompress), so what is measured is what travelled. */
function get(url: string, headers: Record<string, string> = {}): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }> {
  return new Promise((resolve, reject) => {
    request(url, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    })
      .on('error', reject)
      .end();
  });
}

describe('the widget and console scripts as web teams expect them', () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer();
  });
  afterAll(async () => s.close());

  it('widget.js is a small loader served brotli or gzip with an ETag, revalidated to a 304 without a body', async () => {
    const br = await get(`${s.url}/widget.js`, { 'accept-encoding': 'gzip, deflate, br' });
    expect(br.status).toBe(200);
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers.vary).toMatch(/Accept-Encoding/);
    expect(br.headers['cache-control']).toBe('no-cache');
    expect(Number(br.headers['content-length'])).toBe(br.body.length);
    expect(br.body.length).toBeLessThan(1000);
    const gz = await get(`${s.url}/widget.js`, { 'accept-encoding': 'gzip' });
    expect(gz.headers['content-encoding']).toBe('gzip');
    const etag = String(br.headers.etag);
    expect(etag).toMatch(/^"[\w-]{22}"$/);
    expect(gz.headers.etag).toBe(etag);
    const again = await get(`${s.url}/widget.js`, { 'accept-encoding': 'br', 'if-none-match': etag });
    expect(again.status).toBe(304);
    expect(again.body.length).toBe(0);
    const plain = await get(`${s.url}/widget.js`);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.toString()).toMatch(/widget\/widget-[0-9a-f]{12}\.js/);
  });

  it('the bundle the loader names is content-hashed, compressed and cached for a year as immutable', async () => {
    const loader = (await get(`${s.url}/widget.js`)).body.toString();
    const path = /widget\/widget-[0-9a-f]{12}\.js/.exec(loader)![0];
    const r = await get(`${s.url}/${path}`, { 'accept-encoding': 'br, gzip' });
    expect(r.status).toBe(200);
    expect(r.headers['content-encoding']).toBe('br');
    expect(r.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(r.headers['cross-origin-resource-policy']).toBe('cross-origin');
    expect(r.headers['content-type']).toMatch(/javascript/);
    expect((await get(`${s.url}/widget/widget-000000000000.js`)).status).toBe(404);
    expect((await get(`${s.url}/widget/..%2Fwidget.js`)).status).toBe(404);
  });

  it('the console bundle is compressed with an ETag too', async () => {
    const r = await get(`${s.url}/console/console.js`, { 'accept-encoding': 'gzip' });
    expect(r.status).toBe(200);
    expect(r.headers['content-encoding']).toBe('gzip');
    expect(r.headers.etag).toBeTruthy();
    expect((await get(`${s.url}/console/console.js`, { 'if-none-match': String(r.headers.etag) })).status).toBe(304);
  });
});

describe('Accept-Encoding', () => {
  it.each([
    ['br, gzip', 'br'],
    ['gzip, deflate', 'gzip'],
    ['gzip;q=1, br;q=0', 'gzip'],
    ['*', 'br'],
    ['identity', null],
    ['', null],
    [undefined, null],
  ])('%s → %s', (header, expected) => {
    expect(chooseEncoding(header)).toBe(expected);
  });
});
