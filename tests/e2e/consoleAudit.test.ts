/**
 * The console's audit view in Debian's Chromium: an admin filters the access log by a person and an
 * action family, sees only matching rows with the actor's name, the filters stay in the address, and
 * the "Export CSV" link downloads the same selection with the session cookie.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildConsole } from '../../bot/mediation/console/build.ts';
import { launchBrowser, screenshotPath } from '../support/browser.ts';
import { startTestServer, type TestServer } from '../support/server.ts';
import { client, contractRequest, createCase, demo, login, type Session } from '../mediation/helpers.ts';

describe('console audit view: filters, names and CSV export', () => {
  let server: TestServer;
  let context: BrowserContext;
  let closeBrowser: () => Promise<void>;
  let mediator: Session;
  let reference: string;
  const tokenName = 'Koppeling CRM (test)';

  beforeAll(async () => {
    await buildConsole();
    server = await startTestServer();
    reference = (await createCase(server.services, { request: contractRequest({ waitingWeeks: 20 }) })).reference;
    // The mediator reads and claims the case; an API token made by the admin reads it too.
    mediator = await login(server.url, demo.mediator);
    const asMediator = client(server.url, mediator);
    expect((await asMediator.get(`/api/cases/${reference}`)).status).toBe(200);
    expect((await asMediator.post(`/api/cases/${reference}/claim`)).status).toBe(200);
    const admin = await login(server.url, demo.admin);
    const created = await client(server.url, admin).post('/api/tokens', { name: tokenName, role: 'reader' });
    expect(created.status).toBe(201);
    expect((await client(server.url, { token: String(created.body.token) }).get(`/api/cases/${reference}`)).status).toBe(200);
    ({ context, close: closeBrowser } = await launchBrowser());
  }, 120_000);
  afterAll(async () => {
    await closeBrowser?.();
    await server?.close();
  });

  async function openAudit(): Promise<Page> {
    await context.clearCookies();
    const page = await context.newPage();
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.addInitScript(() => localStorage.removeItem('ww-console-lang'));
    await page.goto(`${server.url}/console/`);
    await page.getByLabel('E-mailadres').fill(demo.admin);
    await page.getByLabel('Wachtwoord').fill('demo');
    await page.getByRole('button', { name: 'Inloggen' }).click();
    await page.getByRole('heading', { level: 1, name: 'Wachtrij' }).waitFor();
    await page.getByRole('link', { name: 'Logboek' }).click();
    await page.getByRole('heading', { level: 1, name: 'Logboek' }).waitFor();
    await expect.poll(() => page.locator('table.audit tbody tr').count()).toBeGreaterThan(3);
    return page;
  }

  it('filters by person and action family, shows names, keeps the filters in the address and exports them', async () => {
    const page = await openAudit();
    // Unfiltered, the token's reading shows under the token's name, not only its id.
    await expect.poll(() => page.locator('table.audit tbody').textContent()).toContain(tokenName);

    await page.getByLabel('Wie').selectOption({ label: mediator.mediator.name });
    await page.getByLabel('Handeling').selectOption({ label: 'Zaken (alles)' });
    await page.getByRole('button', { name: 'Toon' }).click();
    await expect.poll(() => page.evaluate(() => location.hash)).toContain('action=case.');
    const hash = await page.evaluate(() => location.hash);
    expect(hash).toContain(`actor=${mediator.mediator.id}`);

    const rows = page.locator('table.audit tbody tr');
    await expect.poll(() => rows.count()).toBeGreaterThanOrEqual(2);
    const cells = await rows.evaluateAll((trs) => trs.map((tr) => Array.from(tr.querySelectorAll('td'), (td) => td.textContent ?? '')));
    for (const [, action, , actor] of cells) {
      expect(actor).toContain(mediator.mediator.name);
      expect(actor).not.toContain(tokenName);
      expect(action).not.toMatch(/Ingelogd|API-sleutel/);
    }
    expect(cells.map((c) => c[1])).toEqual(expect.arrayContaining(['Zaak bekeken', 'Zaak opgepakt']));
    await page.screenshot({ path: screenshotPath('console-audit-filtered'), fullPage: true });

    // The export link carries the same filters and downloads them as CSV with the session.
    const href = (await page.getByRole('link', { name: 'Exporteer CSV' }).getAttribute('href')) ?? '';
    const exportQuery = new URLSearchParams(href.split('?')[1] ?? '');
    expect(href.startsWith('/api/audit/export?')).toBe(true);
    expect(exportQuery.get('actor')).toBe(mediator.mediator.id);
    expect(exportQuery.get('action')).toBe('case.');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Exporteer CSV' }).click()]);
    const csv = await (await import('node:fs/promises')).readFile((await download.path()) ?? '', 'utf8');
    const lines = csv.replace(/^\uFEFF/, '').trim().split(/\r\n/);
    expect(lines.length).toBeGreaterThanOrEqual(3);
    for (const line of lines.slice(1)) {
      expect(line.startsWith(`${line.split(',')[0]},case.`)).toBe(true);
      expect(line).toContain(mediator.mediator.name);
    }

    // The address alone reproduces the view (a linkable selection), here with a day range that excludes everything.
    await page.goto(`${server.url}/console/${hash}&from=2020-01-01&to=2020-01-02`);
    await page.getByRole('heading', { level: 1, name: 'Logboek' }).waitFor();
    await expect.poll(() => page.locator('table.audit caption').textContent()).toContain('0 regels');
    expect(await page.getByLabel('Vanaf').inputValue()).toBe('2020-01-01');
    expect(await page.getByLabel('Wie').inputValue()).toBe(mediator.mediator.id);
    expect(await page.getByLabel('Handeling').inputValue()).toBe('case.');
    await page.close();
  }, 90_000);
});
