/** Bundles the widget into one minified file (dist/widget.js) and reports its raw and gzipped size. */
import { mkdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { projectRoot } from '../bot/data/databaseUrl.ts';

/** The size budget of the issue (30 kB, 1000-based like the Web Chat figure it is compared with): what a phone downloads before it can chat. */
export const budgetGzipBytes = 30_000;

/** Raw and gzipped (level 9, as a CDN or express compression would serve it) size of a file's bytes. */
export function sizeOf(bytes: Uint8Array): { raw: number; gzip: number } {
  return { raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
}

/** Bytes as kB (1000 bytes), the unit of the published Web Chat size. */
export const kb = (n: number) => `${(n / 1000).toFixed(1)} kB`;

/** Builds the widget; answers where it went and how big it is. */
export async function buildWidget(outfile = join(projectRoot, 'dist/widget.js')): Promise<{ outfile: string; raw: number; gzip: number }> {
  mkdirSync(dirname(outfile), { recursive: true });
  const pkg = JSON.parse(readFileSync(join(projectRoot, 'package.json'), 'utf8')) as { version: string };
  await build({
    entryPoints: [join(projectRoot, 'web-widget/src/index.ts')],
    bundle: true,
    minify: true,
    format: 'iife',
    // es2020 refuses some destructuring in esbuild 0.28; es2022 is every browser the widget supports (adoptedStyleSheets: Safari 16.4+).
    target: 'es2022',
    outfile,
    legalComments: 'none',
    logLevel: 'warning',
    define: { WIDGET_VERSION: JSON.stringify(pkg.version) },
  });
  return { outfile, ...sizeOf(readFileSync(outfile)) };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { raw, gzip } = await buildWidget();
  const over = gzip > budgetGzipBytes ? ' — OVER the budget' : '';
  process.stderr.write(`[setup] widget.js: ${kb(raw)}, ${kb(gzip)} gzipped (budget ${kb(budgetGzipBytes)} gzipped)${over}\n`);
}
