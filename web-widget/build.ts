/** Bundles the widget into one minified file (dist/widget.js) and reports its gzipped size. */
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { projectRoot } from '../bot/data/databaseUrl.ts';

const outfile = join(projectRoot, 'dist/widget.js');
mkdirSync(join(projectRoot, 'dist'), { recursive: true });
await build({
  entryPoints: [join(projectRoot, 'web-widget/src/index.ts')],
  bundle: true,
  minify: true,
  format: 'iife',
  target: 'es2022',
  outfile,
  legalComments: 'none',
  logLevel: 'warning',
});
const bytes = readFileSync(outfile);
process.stderr.write(`[setup] widget.js: ${(bytes.length / 1024).toFixed(1)} KB, ${(gzipSync(bytes, { level: 9 }).length / 1024).toFixed(1)} KB gzipped\n`);
