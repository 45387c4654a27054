/**
 * The mediators' console in Debian's Chromium (playwright-core, tests/support/browser.ts): log in,
 * filter the queue, open a case, claim, move it on, note, outcome, resolve; keyboard only; axe-core;
 * 200 % zoom; both languages; patient text that looks like HTML stays text. Screenshots go to test-results/.
 */
import AxeBuilder from '@axe-core/playwright';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildConsole } from '../../bot/mediation/console/build.ts';
import { launchBrowser, screenshotPath } from '../support/browser.ts';
import { startTestServer, type TestServer } from '../support/server.ts';
import { contractRequest, createCase } from '../mediation/helpers.ts';

const xssName = '<img src=x onerror=alert(1)>';

describe('mediation console in Chromium', () => {
  let server: TestServer;
  let context: BrowserContext;
  let closeBrowser: () => Promise<void>;
  let urgent: string;
  let xss: string;
  const cspViolations: string[] = [];
  const dialogs: string[] = [];

  beforeAll(async () => {
    await buildConsole();
    server = await startTestServer();
    urgent = (await createCase(server.services, { request: contractRequest({ waitingWeeks: 25, treatment: 'heupprothese' }, { fullName: 'Anna de Vries' }) })).reference;
    xss = (await createCase(server.services, { request: contractRequest({ waitingWeeks: 9, specialty: '0301', treatment: 'staaroperatie' }, { fullName: xssName }), transcript: [{ from: 'patient', text: '<script>alert(2)</script> ik wacht al lang', at: '2026-11-20T10:00:00.000Z' }] })).reference;
    await createCase(server.services, { request: contractRequest({ waitingWeeks: 4, treeknormExceeded: false }) });
    await createCase(server.services, { insurer: 'andere-verzekeraar', request: contractRequest({}, { fullName: 'Iemand Anders' }) });
    ({ context, close: closeBrowser } = await launchBrowser());
  }, 120_000);
  afterAll(async () => {
    await closeBrowser?.();
    await server?.close();
  });

  /** A fresh page, logged out, with no language remembered. */
  async function open(path = '/console/'): Promise<Page> {
    await context.clearCookies();
    const page = await context.newPage();
    await page.addInitScript(() => localStorage.removeItem('ww-console-lang'));
    page.on('console', (m) => {
      if (/Content Security Policy|Refused to/i.test(m.text())) cspViolations.push(m.text());
    });
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    await page.goto(`${server.url}${path}`);
    return page;
  }

  async function logIn(page: Page, email: string): Promise<void> {
    await page.getByLabel(/E-mailadres|E-mail address/).fill(email);
    await page.getByLabel(/Wachtwoord|Password/).fill('demo');
    await page.getByRole('button', { name: /Inloggen|Log in/ }).click();
    await page.getByRole('heading', { level: 1, name: /Wachtrij|Queue/ }).waitFor();
  }

  async function expectNoSeriousAxeViolations(page: Page, label: string): Promise<void> {
    const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
    const serious = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(serious.map((v) => `${label}: ${v.id} (${v.impact}) ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  }

  it('logs in, shows only the own insurer\'s queue most urgent first, and passes axe', async () => {
    const page = await open();
    await page.getByRole('heading', { level: 1, name: 'Inloggen' }).waitFor();
    await expectNoSeriousAxeViolations(page, 'login');
    await page.screenshot({ path: screenshotPath('console-login'), fullPage: true });
    // A wrong password is told in an alert.
    await page.getByLabel('E-mailadres').fill('mediator@demo-verzekeraar.test');
    await page.getByLabel('Wachtwoord').fill('fout');
    await page.getByRole('button', { name: 'Inloggen' }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('klopt niet');
    await logIn(page, 'mediator@demo-verzekeraar.test');
    const rows = page.locator('table.queue tbody tr');
    await expect.poll(() => rows.count()).toBe(3);
    expect(await rows.first().locator('th').textContent()).toBe(urgent);
    expect(await page.locator('main').textContent()).not.toContain('Iemand Anders');
    await expectNoSeriousAxeViolations(page, 'queue');
    await page.screenshot({ path: screenshotPath('console-queue'), fullPage: true });

    // Filters are applied through the form and kept in the address.
    await page.getByLabel('Specialisme', { exact: true }).fill('0301');
    await page.getByRole('button', { name: 'Toon' }).click();
    await expect.poll(() => rows.count()).toBe(1);
    expect(page.url()).toContain('specialty=0301');
    await page.close();
  }, 90_000);

  it('shows patient text that looks like HTML as text, never as markup', async () => {
    const page = await open();
    await logIn(page, 'mediator@demo-verzekeraar.test');
    await page.getByRole('link', { name: xss }).click();
    await page.getByRole('heading', { level: 1, name: `Zaak ${xss}` }).waitFor();
    await expect.poll(() => page.getByText(xssName, { exact: true }).count()).toBe(1);
    expect(await page.locator('main img').count()).toBe(0);
    await page.getByText(/Toon het gesprek/).click();
    await page.getByText('<script>alert(2)</script> ik wacht al lang').waitFor();
    expect(await page.locator('main script').count()).toBe(0);
    expect(dialogs).toEqual([]);
    await expectNoSeriousAxeViolations(page, 'case');
    await page.screenshot({ path: screenshotPath('console-case-xss'), fullPage: true });
    await page.close();
  }, 60_000);

  it('claims, notes, records an outcome and resolves a case', async () => {
    const page = await open();
    await logIn(page, 'mediator@demo-verzekeraar.test');
    await page.getByRole('link', { name: urgent }).click();
    await page.getByRole('heading', { level: 1, name: `Zaak ${urgent}` }).waitFor();
    await page.getByRole('button', { name: 'Zaak oppakken' }).click();
    await page.getByRole('button', { name: 'Terugzetten in de wachtrij' }).waitFor();
    await page.getByLabel('Nieuwe status').selectOption('in_progress');
    await page.getByRole('button', { name: 'Status wijzigen' }).click();
    await expect.poll(() => page.locator('.case-summary').textContent()).toContain('Bezig');

    await page.getByLabel('Nieuwe notitie').fill('Patiënt gebeld; kan in Tiel terecht.');
    await page.getByRole('button', { name: 'Notitie opslaan' }).click();
    await page.getByText('Patiënt gebeld; kan in Tiel terecht.').waitFor();

    await page.getByLabel('Sneller plek gevonden').check();
    // Not one of the faster places the case offers: typed in.
    await page.getByLabel(/Nieuw ziekenhuis/).selectOption('other');
    // Typing is helped by the reference list's hospitals for this specialism (GET /api/waiting-times).
    expect(await page.getByLabel(/Ziekenhuis of kliniek/).getAttribute('list')).toBe('o-provider-list');
    await expect.poll(() => page.locator('#o-provider-list option').count()).toBeGreaterThan(1);
    const suggested = await page.locator('#o-provider-list option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
    expect(new Set(suggested).size).toBe(suggested.length);
    expect(suggested.every((name) => name.trim().length > 1)).toBe(true);
    await page.getByLabel(/Ziekenhuis of kliniek/).fill('Ziekenhuis Rivierenland');
    await page.getByLabel('Locatie').fill('Tiel');
    await page.getByLabel(/Nieuwe datum/).fill('2026-12-10');
    await page.getByLabel('Datum zonder bemiddeling').fill('2027-02-18');
    await page.getByRole('button', { name: 'Uitkomst opslaan' }).click();
    await page.getByText('Ziekenhuis Rivierenland').waitFor();

    await page.getByLabel('Nieuwe status').selectOption('resolved');
    await page.getByRole('button', { name: 'Status wijzigen' }).click();
    await expect.poll(() => page.locator('.case-summary').textContent()).toContain('Afgerond');
    await page.screenshot({ path: screenshotPath('console-case-resolved'), fullPage: true });

    const stored = await server.services.db.case.findUniqueOrThrow({ where: { reference: urgent } });
    expect(stored.status).toBe('resolved');
    expect(stored.outcomeKind).toBe('faster_place_found');
    expect(stored.daysSaved).toBe(70);
    await page.close();
  }, 90_000);

  it('works with the keyboard alone, in English, and at 200 % zoom', async () => {
    const page = await open();
    await page.setViewportSize({ width: 640, height: 900 }); // a 1280-pixel screen at 200 % zoom
    await page.getByRole('heading', { level: 1, name: 'Inloggen' }).waitFor();
    // Skip link first, then the language switch, then the form.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.className)).toBe('skip-link');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter'); // English
    await page.getByRole('heading', { level: 1, name: 'Log in' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    await page.getByLabel('E-mail address').focus();
    await page.keyboard.type('mediator@demo-verzekeraar.test');
    await page.keyboard.press('Tab');
    await page.keyboard.type('demo');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Queue' }).waitFor();
    // Focus moves to the new page's heading once the view has rendered.
    await page.waitForFunction(() => document.activeElement?.id === 'view-title', undefined, { timeout: 5000 });
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('view-title');
    // Nothing but the table region scrolls sideways at this width.
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth)).toBe(true);
    await expectNoSeriousAxeViolations(page, 'queue at 200 %');
    await page.screenshot({ path: screenshotPath('console-queue-200-percent-en'), fullPage: true });
    // Reach a case link by Tab and open it with Enter.
    const xssLink = page.getByRole('link', { name: xss });
    for (let i = 0; i < 40 && !(await xssLink.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: `Case ${xss}` }).waitFor();
    await page.getByRole('button', { name: 'Claim case' }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: 'Put back in the queue' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth)).toBe(true);
    await page.screenshot({ path: screenshotPath('console-case-200-percent-en'), fullPage: true });
    await page.close();
  }, 90_000);

  it('shows the audit log to admins, and logs out', async () => {
    const page = await open();
    await logIn(page, 'admin@demo-verzekeraar.test');
    await page.getByRole('link', { name: 'Logboek' }).click();
    await page.getByRole('heading', { level: 1, name: 'Logboek' }).waitFor();
    await expect.poll(() => page.locator('table.audit tbody tr').count()).toBeGreaterThan(5);
    await page.getByLabel('Zaak', { exact: true }).fill(urgent);
    await page.getByRole('button', { name: 'Toon' }).click();
    await expect.poll(() => page.locator('table.audit tbody').textContent()).toContain('Zaak opgepakt');
    await expectNoSeriousAxeViolations(page, 'audit');
    await page.screenshot({ path: screenshotPath('console-audit'), fullPage: true });
    await page.getByRole('button', { name: 'Uitloggen' }).click();
    await page.getByRole('heading', { level: 1, name: 'Inloggen' }).waitFor();
    const after = await page.evaluate(async () => (await fetch('/api/cases')).status);
    expect(after).toBe(401);
    // A mediator has no audit link.
    await logIn(page, 'mediator@demo-verzekeraar.test');
    expect(await page.getByRole('link', { name: 'Logboek' }).count()).toBe(0);
    await page.close();
  }, 60_000);

  it('ran under the app\'s CSP without a single violation', () => {
    expect(cspViolations).toEqual([]);
  });
});
