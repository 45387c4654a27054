/**
 * npm run bench:widget — the widget's bytes on the wire, measured over HTTP against the real app
 * (loader widget.js + the content-hashed bundle it names, and the console bundle), once per
 * encoding a browser may ask for, on a fresh connection each so the socket's byte count is the
 * answer alone (headers included). Microsoft's Web Chat bundle (a devDependency) is compressed
 * the same way for comparison.
 */
import { request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createServer } from 'node:http';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { createApp } from '../bot/app.ts';
import { loadConfig } from '../bot/config.ts';
import { createDb } from '../bot/data/db.ts';
import { createI18n } from '../bot/i18n/index.ts';
import { createLogger } from '../bot/logger.ts';
import { createServices } from '../bot/services.ts';
import { budgetGzipBytes, buildWidget, kb, sizeOf } from '../web-widget/build.ts';

interface Wire {
  status: number;
  encoding: string;
  body: number;
  total: number;
  etag: string | undefined;
  cacheControl: string | undefined;
}

/** One GET on its own connection; counts the compressed body and every byte the socket read. */
function get(port: number, path: string, headers: Record<string, string>): Promise<Wire & { text: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const body = Buffer.concat(chunks);
        resolve({
          status: res.statusCode ?? 0,
          encoding: String(res.headers['content-encoding'] ?? 'identity'),
          body: body.length,
          total: req.socket?.bytesRead ?? 0,
          etag: res.headers.etag,
          cacheControl: res.headers['cache-control'],
          text: res.headers['content-encoding'] ? '' : body.toString('utf8'),
        });
      });
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

const built = await buildWidget();
// Production settings, so the caching headers are the deployed ones. Production requires PUBLIC_URL
// and Bot Framework credentials; the asset routes use neither, so placeholders stand in for them.
const config = loadConfig({ PUBLIC_URL: 'http://127.0.0.1', MicrosoftAppId: 'bench-placeholder', MicrosoftAppPassword: 'bench-placeholder', ...process.env, NODE_ENV: 'production', LOG_LEVEL: 'silent', PORT: '0' });
const logger = createLogger('silent');
// The asset routes never touch the database; the app is the real one all the same.
const db = createDb(config.DATABASE_URL);
const app = createApp({ config, logger, services: createServices(config, db, logger, await createI18n()) });
const server = createServer(app);
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
const { port } = server.address() as AddressInfo;

const plain = await get(port, '/widget.js', {});
const bundlePath = /"(widget\/widget-[0-9a-f]{12}\.js)"/.exec(plain.text)?.[1];
if (!bundlePath) throw new Error('the loader names no bundle');
const rows: [string, string][] = [
  ['loader  /widget.js', '/widget.js'],
  [`bundle  /${bundlePath}`, `/${bundlePath}`],
  ['console /console/console.js', '/console/console.js'],
];
const encodings = [['identity', 'identity'], ['gzip', 'gzip'], ['br', 'br, gzip']] as const;
console.log(`${'file'.padEnd(44)} ${'encoding'.padEnd(9)} ${'body B'.padStart(8)} ${'on wire B'.padStart(10)}   cache`);
const measured: Record<string, Record<string, number>> = {};
for (const [label, path] of rows) {
  for (const [name, accept] of encodings) {
    const w = await get(port, path, { 'accept-encoding': accept });
    if (w.status !== 200) throw new Error(`${path}: HTTP ${w.status}`);
    (measured[path] ??= {})[name] = w.body;
    console.log(`${label.padEnd(44)} ${w.encoding.padEnd(9)} ${String(w.body).padStart(8)} ${String(w.total).padStart(10)}   ${w.cacheControl ?? ''}`);
  }
  const again = await get(port, path, { 'accept-encoding': 'br, gzip', 'if-none-match': plain.etag && path === '/widget.js' ? plain.etag : ((await get(port, path, {})).etag ?? '') });
  console.log(`${`${label} (revalidated)`.padEnd(44)} ${String(again.status).padEnd(9)} ${String(again.body).padStart(8)} ${String(again.total).padStart(10)}`);
}
server.close();
await db.$disconnect();

const first = (enc: string) => (measured['/widget.js']?.[enc] ?? 0) + (measured[`/${bundlePath}`]?.[enc] ?? 0);
console.log(`\nA first visit downloads loader + bundle: ${kb(first('gzip'))} gzip, ${kb(first('br'))} brotli, ${kb(first('identity'))} uncompressed (bodies).`);
console.log(`A later page of the same site, within a year: loader only (${measured['/widget.js']?.br ?? 0} B brotli, or a 304 once cached); the bundle comes from the browser cache.`);
// The package exports no package.json; its CommonJS entry is lib/index.js, next to dist/.
const webChatFile = join(dirname(createRequire(import.meta.url).resolve('botframework-webchat')), '..', 'dist', 'webchat.js');
const wc = sizeOf(readFileSync(webChatFile));
console.log(`botframework-webchat dist/webchat.js, compressed the same way: ${kb(wc.gzip)} gzip, ${kb(wc.brotli)} brotli (${(wc.gzip / first('gzip')).toFixed(0)}× the widget, gzip).`);
console.log(`Budget ${kb(budgetGzipBytes)} gzip for the bundle: ${built.gzip <= budgetGzipBytes ? 'within' : 'OVER'}.`);
if (built.gzip > budgetGzipBytes) process.exitCode = 1;
