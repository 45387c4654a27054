import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../../bot/data/databaseUrl.ts';
import { budgetGzipBytes, buildWidget, bundleNamePattern } from '../../web-widget/build.ts';

describe('widget bundle', () => {
  it('is one minified file within the 30 KB gzipped budget, with no eval, HTML injection or storage before use', async () => {
    const { bundle, raw, gzip } = await buildWidget(join(projectRoot, `.tmp/widget-bundle-${process.pid}/widget.js`));
    expect(gzip, `the widget bundle is ${gzip} bytes gzipped`).toBeLessThanOrEqual(budgetGzipBytes);
    expect(raw).toBeGreaterThan(gzip);
    const code = readFileSync(bundle, 'utf8');
    // A strict CSP (no 'unsafe-eval', no 'unsafe-inline') must be enough, and server text must never be parsed as HTML.
    for (const banned of ['eval(', 'new Function', 'innerHTML', 'outerHTML', 'insertAdjacentHTML', 'document.write', 'createContextualFragment', 'localStorage', 'document.cookie', 'setAttribute("style"', '.cssText']) {
      expect(code, banned).not.toContain(banned);
    }
    expect(code).toContain('adoptedStyleSheets');
  }, 30_000);

  it('is named by its content and loaded by a small, stable widget.js that web teams embed', async () => {
    const dir = join(projectRoot, `.tmp/widget-loader-${process.pid}`);
    const first = await buildWidget(join(dir, 'widget.js'));
    expect(basename(first.bundle)).toMatch(bundleNamePattern);
    const loader = readFileSync(first.outfile, 'utf8');
    expect(loader).toContain(`widget/${basename(first.bundle)}`);
    expect(first.loader.gzip).toBeLessThan(1000);
    // Same source, same name: a rebuild does not make browsers download it again.
    expect((await buildWidget(join(dir, 'widget.js'))).bundle).toBe(first.bundle);
    for (const banned of ['eval(', 'new Function', 'innerHTML', 'document.write']) expect(loader).not.toContain(banned);
  }, 30_000);
});
