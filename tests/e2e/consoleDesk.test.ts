/**
 * The mediator's desk in Debian's Chromium at 1366×768 (a common office laptop): search, the case on one
 * screen with its faster places, assignment and conflicts, no destructive default, the live queue,
 * a withdrawn case and the figures page. Screenshots go to test-results/ (console-desk-*.png).
 */
import AxeBuilder from '@axe-core/playwright';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildConsole } from '../../bot/mediation/console/build.ts';
import { livePollMs } from '../../bot/mediation/console/src/views/queue.ts';
import { launchBrowser, screenshotPath } from '../support/browser.ts';
import { startTestServer, type TestServer } from '../support/server.ts';
import { client, contractRequest, createCase, demo, login, type Session } from '../mediation/helpers.ts';

const viewport = { width: 1366, height: 768 };

describe('the mediator\'s desk in Chromium at 1366×768', () => {
  let server: TestServer;
  let context: BrowserContext;
  let closeBrowser: () => Promise<void>;
  let admin: Session;
  let colleague: Session;
  let main: string;
  const cspViolations: string[] = [];

  beforeAll(async () => {
    await buildConsole();
    server = await startTestServer();
    admin = await login(server.url, demo.admin);
    const created = await client(server.url, admin).post('/api/mediators', { email: 'collega@demo-verzekeraar.test', name: 'Collega Bakker', role: 'mediator', password: 'a-long-password-1' });
    expect(created.status).toBe(201);
    colleague = await login(server.url, 'collega@demo-verzekeraar.test', 'a-long-password-1');
    const c = await createCase(server.services, {
      request: contractRequest({ careType: 'clinical', postponed: true, waitingWeeks: 13, treeknormWeeks: 7 }, { fullName: 'Joke Jansen-Öztürk', phone: '06 1234 5678', email: 'joke@example.test' }),
      transcript: [
        { from: 'assistant', text: 'Lees eerst onze [privacyverklaring](/privacy). Mag ik uw gegevens delen?', at: '2026-11-20T10:00:00.000Z' },
        { from: 'patient', text: 'Ja, mijn operatie is al twee keer uitgesteld', at: '2026-11-20T10:01:00.000Z' },
      ],
    });
    // A reference with zeros, as the patient reads it aloud with O's (the API tolerates it; the console must too).
    await server.services.db.case.update({ where: { reference: c.reference }, data: { reference: 'ZB-B500-4WC3' } });
    main = 'ZB-B500-4WC3';
    ({ context, close: closeBrowser } = await launchBrowser());
  }, 180_000);
  afterAll(async () => {
    await closeBrowser?.();
    await server?.close();
  });

  async function open(email: string, password = 'demo', path = '/console/'): Promise<Page> {
    await context.clearCookies();
    const page = await context.newPage();
    await page.setViewportSize(viewport);
    await page.addInitScript(() => localStorage.removeItem('ww-console-lang'));
    page.on('console', (m) => {
      if (/Content Security Policy|Refused to/i.test(m.text())) cspViolations.push(m.text());
    });
    await page.goto(`${server.url}${path}`);
    await page.getByLabel('E-mailadres').fill(email);
    await page.getByLabel('Wachtwoord').fill(password);
    await page.getByRole('button', { name: 'Inloggen' }).click();
    await page.getByRole('heading', { level: 1, name: 'Wachtrij' }).waitFor();
    return page;
  }

  async function openCase(page: Page, reference: string): Promise<void> {
    await page.evaluate((ref) => (location.hash = `#/case/${ref}`), reference);
    await page.getByRole('heading', { level: 1, name: `Zaak ${reference}` }).waitFor();
  }

  async function expectNoSeriousAxeViolations(page: Page, label: string): Promise<void> {
    const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
    const serious = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(serious.map((v) => `${label}: ${v.id} (${v.impact}) ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  }

  const rowRefs = (page: Page) => page.locator('table.queue tbody tr th a').allTextContents();

  it('finds a case by a reference read aloud with O for 0, by part of the name and by phone', async () => {
    const page = await open(demo.mediator);
    const search = page.getByRole('searchbox', { name: 'Zoeken' });
    await search.fill('zb b5oo 4wc3');
    await page.getByRole('button', { name: 'Zoeken', exact: true }).click();
    await page.getByRole('heading', { level: 2, name: /Zoekresultaat/ }).waitFor();
    await expect.poll(() => rowRefs(page)).toEqual([main]);
    expect(page.url()).toContain('q=zb+b5oo+4wc3');
    await page.getByRole('searchbox', { name: 'Zoeken' }).fill('ozturk');
    await page.getByRole('button', { name: 'Zoeken', exact: true }).click();
    await expect.poll(() => rowRefs(page)).toEqual([main]);
    await page.getByRole('searchbox', { name: 'Zoeken' }).fill('+31 6 12345678');
    await page.getByRole('button', { name: 'Zoeken', exact: true }).click();
    await expect.poll(() => rowRefs(page)).toContain(main);
    await expectNoSeriousAxeViolations(page, 'queue search');
    await page.screenshot({ path: screenshotPath('console-desk-search') });
    await page.getByRole('button', { name: 'Zoekopdracht wissen' }).click();
    await expect.poll(() => page.getByRole('searchbox', { name: 'Zoeken' }).inputValue()).toBe('');
    await page.close();
  }, 90_000);

  it('shows whom to call and what it is about on the first screen, the transcript\'s links as links', async () => {
    const page = await open(demo.mediator);
    await openCase(page, main);
    const tel = page.locator('a#patient-phone');
    expect(await tel.getAttribute('href')).toBe('tel:0612345678');
    expect(await page.locator('a#patient-email').getAttribute('href')).toBe('mailto:joke@example.test');
    const box = async (selector: string) => (await page.locator(selector).first().boundingBox())!;
    // Everything the first call needs is above the fold of a 768-pixel screen.
    for (const selector of ['#patient-name', 'a#patient-phone', 'a#patient-email', '#treeknorm-excess', '#postponed-flag', '#claim', '#alternatives-title']) {
      const b = await box(selector);
      expect(b.y + b.height, selector).toBeLessThan(viewport.height);
    }
    expect(await page.locator('#patient-name').textContent()).toBe('Joke Jansen-Öztürk');
    expect(await page.locator('#treeknorm-excess').textContent()).toBe('6 weken boven de Treeknorm');
    expect(await page.locator('#postponed-flag').textContent()).toBe('Ja');
    const request = await page.locator('.panel-request').textContent();
    expect(request).toContain('Opname');
    expect(request).toContain('13 weken');
    expect(request).toContain('Treeknorm 7 weken');
    expect(request).toContain('Maasstad Ziekenhuis');
    expect(request).toContain('Tot 30 km vanaf 3011AB');
    // Notes start within the first screen and a half.
    const notes = await box('#notes-title');
    const height = await page.evaluate(() => document.documentElement.scrollHeight);
    process.stderr.write(`[console] case at 1366×768: page ${height} px tall; phone link bottom ${Math.round((await box('a#patient-phone')).y + (await box('a#patient-phone')).height)} px; notes heading at ${Math.round(notes.y)} px\n`);
    await page.screenshot({ path: screenshotPath('console-desk-case-first-screen') });
    await page.screenshot({ path: screenshotPath('console-desk-case-whole'), fullPage: true });
    expect(notes.y).toBeLessThan(viewport.height * 1.5);
    expect(height).toBeLessThan(viewport.height * 2);

    await page.getByText(/Toon het gesprek/).click();
    const link = page.locator('.transcript a', { hasText: 'privacyverklaring' });
    expect(await link.getAttribute('href')).toBe(`${server.url}/privacy`);
    expect(await page.locator('.transcript').textContent()).not.toContain('](');
    await expectNoSeriousAxeViolations(page, 'case');
    await page.screenshot({ path: screenshotPath('console-desk-case-full'), fullPage: true });
    // The same screen in English.
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { level: 1, name: `Case ${main}` }).waitFor();
    expect(await page.locator('#treeknorm-excess').textContent()).toBe('6 weeks over the Treeknorm');
    expect(await page.locator('.panel-request').textContent()).toContain('Hospital admission');
    await page.screenshot({ path: screenshotPath('console-desk-case-en') });
    await page.close();
  }, 90_000);

  it('never preselects a status: closing a new case is an explicit choice with a reason', async () => {
    const c = await createCase(server.services);
    const page = await open(demo.mediator);
    await openCase(page, c.reference);
    expect(await page.getByLabel('Nieuwe status').inputValue()).toBe('');
    await page.getByRole('button', { name: 'Status wijzigen' }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('Kies eerst een nieuwe status');
    expect((await server.services.db.case.findUniqueOrThrow({ where: { reference: c.reference } })).status).toBe('new');
    // Choosing "Gesloten" asks for the reason before anything is sent.
    await page.getByLabel('Nieuwe status').selectOption('closed');
    await page.getByLabel('Reden van sluiten').waitFor();
    await page.getByRole('button', { name: 'Status wijzigen' }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('Vul een reden in');
    expect((await server.services.db.case.findUniqueOrThrow({ where: { reference: c.reference } })).status).toBe('new');
    await page.getByLabel('Reden van sluiten').fill('Dubbele aanvraag');
    await page.getByRole('button', { name: 'Status wijzigen' }).click();
    await expect.poll(() => page.locator('.case-summary').textContent()).toContain('Gesloten');
    // A patient who calls back: reopened with a reason, which becomes a note.
    await page.getByLabel('Reden om te heropenen').fill('Patiënt belde terug');
    await page.getByRole('button', { name: 'Heropenen' }).click();
    await expect.poll(() => page.locator('.case-summary').textContent()).toContain('Bezig');
    await page.locator('.notes').getByText(/Patiënt belde terug/).waitFor();
    await page.close();
  }, 60_000);

  it('offers the faster places and records the outcome with a hospital picked from them', async () => {
    const page = await open(demo.mediator);
    await openCase(page, main);
    const rows = page.locator('table.alternatives tbody tr');
    await expect.poll(() => rows.count()).toBeGreaterThan(0);
    const detail = await client(server.url, colleague).get(`/api/cases/${main}`);
    const first = (detail.body.alternatives as unknown as { hospital: string; weeks: number; isDemo: boolean; weeksSaved: number }[])[0]!;
    const firstRow = (await rows.first().textContent()) ?? '';
    expect(firstRow).toContain(first.hospital);
    expect(firstRow).toContain('km');
    expect(firstRow).toContain(`${first.weeks} we`);
    if (first.isDemo) expect(firstRow).toContain('Demogegevens');
    await page.getByRole('button', { name: 'Zaak oppakken' }).click();
    await page.getByText('U heeft deze zaak').waitFor();
    await page.getByLabel('Sneller plek gevonden').check();
    await page.getByLabel(/Nieuw ziekenhuis/).selectOption({ index: 1 });
    await expect.poll(() => page.locator('#o-saved').textContent()).toContain(`${first.weeksSaved} we`);
    // The typed fields are for another hospital only.
    expect(await page.locator('#typed-place').isHidden()).toBe(true);
    await page.getByLabel(/Nieuwe datum/).fill('2026-12-10');
    await page.getByLabel('Datum zonder bemiddeling').fill('2027-02-18');
    await page.getByRole('button', { name: 'Uitkomst opslaan' }).click();
    await page.locator('#case-feedback').getByText('De uitkomst is opgeslagen.').waitFor();
    const stored = await server.services.db.case.findUniqueOrThrow({ where: { reference: main } });
    expect(JSON.parse(stored.outcome ?? '{}').provider).toBe(first.hospital);
    expect(stored.daysSaved).toBe(70);
    await page.screenshot({ path: screenshotPath('console-desk-outcome') });
    await page.close();
  }, 90_000);

  it('assigns to a colleague, shows "my cases", and releases a case in progress', async () => {
    const c = await createCase(server.services);
    const page = await open(demo.mediator);
    await openCase(page, c.reference);
    await page.getByRole('button', { name: 'Zaak oppakken' }).click();
    await page.getByLabel('Nieuwe status').selectOption('in_progress');
    await page.getByRole('button', { name: 'Status wijzigen' }).click();
    await expect.poll(() => page.locator('.case-summary').textContent()).toContain('Bezig');
    // Release stays possible in progress.
    await page.getByRole('button', { name: 'Terugzetten in de wachtrij' }).waitFor();
    await page.getByLabel('Geven aan collega').selectOption({ label: 'Collega Bakker' });
    await page.getByRole('button', { name: 'Toewijzen' }).click();
    await page.locator('#case-feedback').getByText('De zaak is nu van Collega Bakker.').waitFor();
    expect(await page.locator('#holder').textContent()).toContain('Collega Bakker heeft deze zaak');
    await page.close();

    const theirs = await open('collega@demo-verzekeraar.test', 'a-long-password-1');
    await theirs.getByLabel('Weergave').selectOption('me');
    await theirs.getByLabel('Status').selectOption('');
    await theirs.getByRole('button', { name: 'Toon' }).click();
    await expect.poll(() => rowRefs(theirs)).toEqual([c.reference]);
    expect(theirs.url()).toContain('assignee=me');
    await openCase(theirs, c.reference);
    await theirs.getByRole('button', { name: 'Terugzetten in de wachtrij' }).click();
    await theirs.locator('#case-feedback').getByText('De zaak staat weer in de wachtrij.').waitFor();
    expect((await server.services.db.case.findUniqueOrThrow({ where: { reference: c.reference } })).status).toBe('new');
    await theirs.getByRole('link', { name: 'Terug naar de wachtrij' }).click();
    await theirs.getByRole('navigation', { name: 'Snel naar' }).getByRole('link', { name: 'Niet opgepakt' }).click();
    await expect.poll(() => rowRefs(theirs)).toContain(c.reference);
    expect(await theirs.getByRole('link', { name: 'Niet opgepakt' }).getAttribute('aria-current')).toBe('page');
    await theirs.close();
  }, 90_000);

  it('a claim that lost the race names who holds the case and shows it as it is now', async () => {
    const c = await createCase(server.services);
    const page = await open(demo.mediator);
    await openCase(page, c.reference);
    expect((await client(server.url, colleague).post(`/api/cases/${c.reference}/claim`)).status).toBe(200);
    await page.getByRole('button', { name: 'Zaak oppakken' }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('Collega Bakker heeft deze zaak al');
    expect(await page.locator('#holder').textContent()).toContain('Collega Bakker heeft deze zaak');
    expect(await page.getByRole('button', { name: 'Zaak oppakken' }).count()).toBe(0);
    await page.screenshot({ path: screenshotPath('console-desk-conflict') });
    await page.close();
  }, 60_000);

  it('a case a system token claimed can be taken over by a person', async () => {
    const token = await client(server.url, admin).post('/api/tokens', { name: 'CRM-koppeling' });
    const c = await createCase(server.services);
    expect((await client(server.url, { token: String(token.body.token) }).post(`/api/cases/${c.reference}/claim`)).status).toBe(200);
    const page = await open(demo.mediator);
    await openCase(page, c.reference);
    expect(await page.locator('#holder').textContent()).toContain('CRM-koppeling');
    await page.getByRole('button', { name: 'Zaak overnemen' }).click();
    await page.locator('#case-feedback').getByText('U heeft de zaak overgenomen.').waitFor();
    const stored = await server.services.db.case.findUniqueOrThrow({ where: { reference: c.reference } });
    expect(stored.claimedByKind).toBe('mediator');
    await page.close();
  }, 60_000);

  it('shows a new case in the open queue without a reload, and says so politely', async () => {
    const page = await open(demo.mediator);
    const before = await rowRefs(page);
    // A keyboard user sits on a case link while the table is redrawn: the focus stays on that case.
    await page.locator('table.queue tbody tr th a').first().focus();
    const focused = before[0];
    const c = await createCase(server.services, { request: contractRequest({ waitingWeeks: 30 }) });
    expect(before).not.toContain(c.reference);
    await expect.poll(() => rowRefs(page), { timeout: livePollMs * 2 + 5000, interval: 500 }).toContain(c.reference);
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe(focused);
    await expect.poll(() => page.locator('#status').textContent()).toMatch(/nieuw of gewijzigd/);
    expect(await page.locator('#status').getAttribute('aria-live')).toBe('polite');
    expect(await page.locator(`tr[data-reference="${c.reference}"]`).getAttribute('class')).toContain('changed');
    await page.close();
  }, 60_000);

  it('tells a mediator looking at a case that someone else changed it, and shows the new state on request', async () => {
    const c = await createCase(server.services);
    const page = await open(demo.mediator);
    await openCase(page, c.reference);
    await page.getByLabel('Nieuwe notitie').fill('Half geschreven');
    expect((await client(server.url, colleague).post(`/api/cases/${c.reference}/notes`, { text: 'Patiënt gebeld door Bakker' })).status).toBe(201);
    await page.locator('#changed-notice').waitFor({ timeout: livePollMs * 2 + 5000 });
    // Nothing is redrawn under the mediator's hands.
    expect(await page.getByLabel('Nieuwe notitie').inputValue()).toBe('Half geschreven');
    await page.getByRole('button', { name: 'Toon de nieuwe stand' }).click();
    await page.locator('.notes').getByText('Patiënt gebeld door Bakker').waitFor();
    await page.close();
  }, 60_000);

  it('shows a case the patient withdrew as withdrawn, in the queue and on the case with when', async () => {
    const c = await createCase(server.services, { conversationId: 'conv-withdraw-desk' });
    expect((await server.services.cases.withdrawForConversation(c.reference, 'conv-withdraw-desk')).status).toBe('withdrawn');
    const page = await open(demo.mediator);
    await page.getByLabel('Status').selectOption('withdrawn');
    await page.getByRole('button', { name: 'Toon' }).click();
    await expect.poll(() => rowRefs(page)).toContain(c.reference);
    expect(await page.locator(`tr[data-reference="${c.reference}"]`).textContent()).toContain('Ingetrokken door patiënt');
    await openCase(page, c.reference);
    expect(await page.locator('#withdrawn-notice').textContent()).toContain('Ingetrokken in de chat op');
    expect(await page.locator('#history').textContent()).toContain('Ingetrokken door de patiënt');
    expect(await page.getByRole('button', { name: 'Zaak oppakken' }).count()).toBe(0);
    await expectNoSeriousAxeViolations(page, 'withdrawn case');
    await page.screenshot({ path: screenshotPath('console-desk-withdrawn') });
    await page.close();
  }, 60_000);

  it('shows the figures: open cases, first contact, median time to it, share helped', async () => {
    const page = await open(demo.mediator);
    await page.getByRole('link', { name: 'Cijfers' }).click();
    await page.getByRole('heading', { level: 1, name: 'Cijfers' }).waitFor();
    const stats = (await client(server.url, admin).get('/api/stats')).body as unknown as { cases: { byStatus: Record<string, number> } };
    const openCases = stats.cases.byStatus.new! + stats.cases.byStatus.claimed! + stats.cases.byStatus.in_progress!;
    expect(await page.locator('#stat-open .figure').textContent()).toBe(String(openCases));
    expect(await page.locator('#stat-median-contact .figure').textContent()).toMatch(/uur|Nog geen/);
    // Eight weeks, this one last, with this week's requests counted.
    const weeks = page.locator('table.stats-weeks tbody tr');
    expect(await weeks.count()).toBe(8);
    const total = stats.cases.byStatus;
    expect(Number(await weeks.last().locator('td').first().textContent())).toBe(Object.values(total).reduce((a, b) => a + b, 0));
    await expectNoSeriousAxeViolations(page, 'stats');
    await page.screenshot({ path: screenshotPath('console-desk-stats'), fullPage: true });
    await page.close();
  }, 60_000);

  it('ran under the app\'s CSP without a single violation', () => {
    expect(cspViolations).toEqual([]);
  });
});
