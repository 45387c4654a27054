/**
 * Bundles the console (src/main.ts with i18next and both locale files) into one minified file,
 * dist/console/console.js, served at /console/console.js. Called by scripts/prepare.mjs (npm start,
 * npm test) and by the console's browser test; `tsx bot/mediation/console/build.ts` runs it alone.
 */
import { mkdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { build } from 'esbuild';
import { projectRoot } from '../../data/databaseUrl.ts';
import { consoleBundlePath } from './paths.ts';

export async function buildConsole(): Promise<{ bytes: number }> {
  mkdirSync(dirname(consoleBundlePath), { recursive: true });
  await build({
    entryPoints: [join(projectRoot, 'bot/mediation/console/src/main.ts')],
    bundle: true,
    minify: true,
    format: 'iife',
    target: 'es2022',
    outfile: consoleBundlePath,
    legalComments: 'none',
    logLevel: 'warning',
  });
  return { bytes: statSync(consoleBundlePath).size };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { bytes } = await buildConsole();
  process.stderr.write(`[setup] console.js: ${(bytes / 1024).toFixed(1)} KB\n`);
}
