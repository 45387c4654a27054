/**
 * Builds the widget as two files: the content-hashed bundle (dist/widget/widget-<hash>.js, cached
 * for a year as immutable) and the small stable loader web teams embed (dist/widget.js, revalidated
 * by ETag), and reports their raw and gzipped sizes.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { projectRoot } from '../bot/data/databaseUrl.ts';
import { bundleDirName, bundleNamePattern } from './bundleName.ts';

export { bundleDirName, bundleNamePattern };

/** The size budget of the issue (30 kB, 1000-based like the Web Chat figure it is compared with): what a phone downloads before it can chat. */
export const budgetGzipBytes = 30_000;

/** Raw, gzipped (level 9) and brotli (quality 11) size of a file's bytes: what the server sends, see bot/api/compressedAsset.ts. */
export function sizeOf(bytes: Uint8Array): { raw: number; gzip: number; brotli: number } {
  return { raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length, brotli: brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length };
}

/** Bytes as kB (1000 bytes), the unit of the published Web Chat size. */
export const kb = (n: number) => `${(n / 1000).toFixed(1)} kB`;

// Old bundles stay for pages whose loader is still cached (5 minutes) during a deploy.
const keepBundles = 5;

export interface WidgetBuild {
  /** The loader (widget.js). */
  outfile: string;
  /** The content-hashed bundle. */
  bundle: string;
  /** The bundle's sizes (the loader is listed apart). */
  raw: number;
  gzip: number;
  brotli: number;
  loader: { raw: number; gzip: number; brotli: number };
}

const common = { bundle: true, minify: true, format: 'iife', target: 'es2022', legalComments: 'none', logLevel: 'warning', write: false } as const;

/** Builds bundle and loader; answers where they went and how big they are. */
export async function buildWidget(outfile = join(projectRoot, 'dist/widget.js')): Promise<WidgetBuild> {
  const dir = join(dirname(outfile), bundleDirName);
  mkdirSync(dir, { recursive: true });
  const pkg = JSON.parse(readFileSync(join(projectRoot, 'package.json'), 'utf8')) as { version: string };
  const main = await build({
    ...common,
    entryPoints: [join(projectRoot, 'web-widget/src/index.ts')],
    // es2020 refuses some destructuring in esbuild 0.28; es2022 is every browser the widget supports (adoptedStyleSheets: Safari 16.4+).
    define: { WIDGET_VERSION: JSON.stringify(pkg.version) },
  });
  const code = main.outputFiles[0]!.contents;
  const name = `widget-${createHash('sha256').update(code).digest('hex').slice(0, 12)}.js`;
  const bundle = join(dir, name);
  writeFileSync(bundle, code);
  const loader = await build({ ...common, entryPoints: [join(projectRoot, 'web-widget/src/loader.ts')], define: { BUNDLE_FILE: JSON.stringify(`${bundleDirName}/${name}`) } });
  const loaderCode = loader.outputFiles[0]!.contents;
  writeFileSync(outfile, loaderCode);
  const old = readdirSync(dir)
    .filter((f) => bundleNamePattern.test(f) && f !== name)
    .map((f) => ({ f, at: statSync(join(dir, f)).mtimeMs }))
    .sort((a, b) => b.at - a.at);
  for (const { f } of old.slice(keepBundles - 1)) rmSync(join(dir, f), { force: true });
  return { outfile, bundle, ...sizeOf(code), loader: sizeOf(loaderCode) };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { raw, gzip, brotli, loader } = await buildWidget();
  const over = gzip > budgetGzipBytes ? ' — OVER the budget' : '';
  process.stderr.write(`[setup] widget: loader ${loader.raw} B (${loader.gzip} B gzipped); bundle ${kb(raw)}, ${kb(gzip)} gzipped, ${kb(brotli)} brotli (budget ${kb(budgetGzipBytes)} gzipped)${over}\n`);
}
