import { mkdtempSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext } from 'playwright-core';
import { projectRoot } from '../../bot/data/databaseUrl.ts';

export const chromiumPath = '/usr/bin/chromium';
export const artefactDir = join(projectRoot, 'test-results');

/**
 * Debian's Chromium driven by playwright-core (never a downloaded browser), with the flags this
 * closed network needs, in a fresh profile.
 */
export async function launchBrowser(): Promise<{ browser: Browser; context: BrowserContext; close(): Promise<void> }> {
  const profile = mkdtempSync(join(tmpdir(), 'ww-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const browser = context.browser() as Browser;
  return {
    browser,
    context,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Where a test saves its screenshots (kept as CI artefacts). */
export function screenshotPath(name: string): string {
  mkdirSync(artefactDir, { recursive: true });
  return join(artefactDir, `${name}.png`);
}
