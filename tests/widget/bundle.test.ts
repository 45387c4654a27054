import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../../bot/data/databaseUrl.ts';
import { budgetGzipBytes, buildWidget } from '../../web-widget/build.ts';

describe('widget bundle', () => {
  it('is one minified file within the 30 KB gzipped budget, with no eval, HTML injection or storage before use', async () => {
    const { outfile, raw, gzip } = await buildWidget(join(projectRoot, `.tmp/widget-bundle-${process.pid}/widget.js`));
    expect(gzip, `widget.js is ${gzip} bytes gzipped`).toBeLessThanOrEqual(budgetGzipBytes);
    expect(raw).toBeGreaterThan(gzip);
    const code = readFileSync(outfile, 'utf8');
    // A strict CSP (no 'unsafe-eval', no 'unsafe-inline') must be enough, and server text must never be parsed as HTML.
    for (const banned of ['eval(', 'new Function', 'innerHTML', 'outerHTML', 'insertAdjacentHTML', 'document.write', 'createContextualFragment', 'localStorage', 'document.cookie', 'setAttribute("style"', '.cssText']) {
      expect(code, banned).not.toContain(banned);
    }
    expect(code).toContain('adoptedStyleSheets');
  }, 30_000);
});
