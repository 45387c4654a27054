/**
 * npm run bench:widget — the widget's size next to Microsoft's Web Chat bundle, both measured the
 * same way (one file, gzip level 9). Web Chat is not a dependency: its published tarball is
 * fetched with `npm pack` into .tmp/bench (cached) and only measured; when that fails (no
 * registry), the documented figure is printed and labelled as such.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { projectRoot } from '../bot/data/databaseUrl.ts';
import { budgetGzipBytes, buildWidget, kb, sizeOf } from '../web-widget/build.ts';

const webChat = { name: 'botframework-webchat', version: '4.18.1', file: 'package/dist/webchat.js', documented: { raw: 3_900_000, gzip: 945_000 } };
const dir = join(projectRoot, '.tmp/bench');
mkdirSync(dir, { recursive: true });

/** One file out of a .tgz, with no tar binary: 512-byte headers, size in octal, data padded to 512. */
function fromTarball(tgz: Buffer, wanted: string): Buffer | null {
  const tar = gunzipSync(tgz);
  for (let at = 0; at + 512 <= tar.length; ) {
    const name = tar.subarray(at, at + 100).toString('utf8').replace(/\0.*$/s, '');
    if (!name) break;
    const size = parseInt(tar.subarray(at + 124, at + 136).toString('utf8').replace(/\0.*$/s, '').trim() || '0', 8);
    if (name === wanted) return tar.subarray(at + 512, at + 512 + size);
    at += 512 + Math.ceil(size / 512) * 512;
  }
  return null;
}

function measureWebChat(): { raw: number; gzip: number; how: string } {
  const tgzName = `${webChat.name}-${webChat.version}.tgz`;
  const tgz = join(dir, tgzName);
  try {
    if (!existsSync(tgz)) {
      execFileSync('npm', ['pack', `${webChat.name}@${webChat.version}`, '--pack-destination', dir, '--silent'], { cwd: dir, stdio: ['ignore', 'ignore', 'ignore'], timeout: 120_000 });
    }
    const file = fromTarball(readFileSync(tgz), webChat.file);
    if (!file) throw new Error(`${webChat.file} not in ${tgzName}`);
    return { ...sizeOf(file), how: `measured (npm pack, ${webChat.file.replace('package/', '')})` };
  } catch (e) {
    return { ...webChat.documented, how: `DOCUMENTED figure, not measured here (${e instanceof Error ? e.message.split('\n')[0] : String(e)})` };
  }
}

/** i18next core alone in an esbuild bundle, to show how much of the budget it takes. */
async function measureI18next(): Promise<number> {
  const entry = join(dir, 'i18next-entry.ts');
  writeFileSync(entry, "import i18next from 'i18next';\nconst i = i18next.createInstance();\nvoid i.init({ lng: 'nl', resources: {}, initAsync: false });\n(globalThis as Record<string, unknown>).t = i.t;\n");
  const out = join(dir, 'i18next-only.js');
  await build({ entryPoints: [entry], bundle: true, minify: true, format: 'iife', target: 'es2022', outfile: out, logLevel: 'silent', nodePaths: [join(projectRoot, 'node_modules')] });
  return sizeOf(readFileSync(out)).gzip;
}

const widget = await buildWidget();
const i18n = await measureI18next();
const wc = measureWebChat();
const row = (name: string, raw: number, gzip: number, note: string) => console.log(`${name.padEnd(44)} ${kb(raw).padStart(10)} ${kb(gzip).padStart(10)}   ${note}`);
console.log(`${'bundle'.padEnd(44)} ${'raw'.padStart(10)} ${'gzip -9'.padStart(10)}`);
row('Wachtwijzer widget.js', widget.raw, widget.gzip, `budget ${kb(budgetGzipBytes)} gzipped: ${widget.gzip <= budgetGzipBytes ? 'within' : 'OVER'}`);
console.log(`${'  of which i18next core (measured alone)'.padEnd(44)} ${''.padStart(10)} ${kb(i18n).padStart(10)}`);
row(`${webChat.name} ${webChat.version} webchat.js`, wc.raw, wc.gzip, wc.how);
console.log(`Web Chat is ${(wc.gzip / widget.gzip).toFixed(0)}× the widget, gzipped.`);
if (widget.gzip > budgetGzipBytes) process.exitCode = 1;
