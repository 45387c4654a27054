/**
 * The NZa waiting-time import as an admin sees it on the console's figures page: the schedule, the
 * last run and the last successful import, and a warning when the last run did not succeed.
 * Mediators (not admins) do not see it. Debian's Chromium at 1366×768.
 */
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildConsole } from '../../bot/mediation/console/build.ts';
import { projectRoot } from '../../bot/data/databaseUrl.ts';
import { runImport } from '../../bot/data/waitingTimeSync.ts';
import { launchBrowser, screenshotPath } from '../support/browser.ts';
import { startTestServer, type TestServer } from '../support/server.ts';
import { demo } from '../mediation/helpers.ts';

describe('the waiting-time import on the console\'s figures page', () => {
  let server: TestServer;
  let context: BrowserContext;
  let closeBrowser: () => Promise<void>;

  beforeAll(async () => {
    await buildConsole();
    server = await startTestServer();
    const fixture = join(projectRoot, 'tests/fixtures/waiting-times/nza-zorgbeeld.xml');
    const good = await runImport(server.services.db, server.services.reference, fixture, 'cli');
    expect(good.run.status).toBe('imported');
    const bad = await runImport(server.services.db, server.services.reference, join(projectRoot, 'tests/fixtures/waiting-times/missing.xml'), 'cli');
    expect(bad.run.status).toBe('failed');
    ({ context, close: closeBrowser } = await launchBrowser());
  }, 180_000);
  afterAll(async () => {
    await closeBrowser?.();
    await server?.close();
  });

  async function figures(email: string): Promise<Page> {
    await context.clearCookies();
    const page = await context.newPage();
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.addInitScript(() => localStorage.removeItem('ww-console-lang'));
    await page.goto(`${server.url}/console/`);
    await page.getByLabel('E-mailadres').fill(email);
    await page.getByLabel('Wachtwoord').fill('demo');
    await page.getByRole('button', { name: 'Inloggen' }).click();
    await page.getByRole('heading', { level: 1, name: 'Wachtrij' }).waitFor();
    await page.getByRole('link', { name: 'Cijfers' }).click();
    await page.getByRole('heading', { level: 1, name: 'Cijfers' }).waitFor();
    return page;
  }

  it('an admin sees that the last run failed, and what the last successful import brought', async () => {
    const page = await figures(demo.admin);
    const section = page.locator('#stats-sync');
    await section.getByRole('heading', { level: 2, name: 'Wachttijden van de NZa' }).waitFor();
    const text = (await section.textContent()) ?? '';
    expect(text).toMatch(/Niet ingepland/);
    expect(text).toMatch(/Laatste keer\s*Mislukt/);
    expect(text).toMatch(/Laatste geslaagde import\s*Ingelezen · .* · met de hand · \d+ ingelezen, \d+ overgeslagen/);
    expect(await section.getByRole('alert').textContent()).toMatch(/niet gelukt/);
    await page.screenshot({ path: screenshotPath('console-stats-sync'), fullPage: true });
    await page.close();
  }, 60_000);

  it('a mediator sees the figures without the import', async () => {
    const page = await figures(demo.mediator);
    await page.locator('#stat-open').waitFor();
    expect(await page.locator('#stats-sync').count()).toBe(0);
    await page.close();
  }, 60_000);
});
