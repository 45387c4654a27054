/**
 * The widget in Debian's Chromium against the real server: strict CSP, keyboard-only conversation
 * to a case reference (driven by the slots the assistant names, like check-contract.mjs), resume
 * after reload and on another page without re-announcing, expiry recovery, a hostile host
 * stylesheet, axe-core, and phone-sized viewports. Screenshots go to test-results/.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import AxeBuilder from '@axe-core/playwright';
import type { BrowserContext, Page, Route } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, screenshotPath } from '../support/browser.ts';
import { startTestServer, type TestServer } from '../support/server.ts';

type Act = { id?: string; type: string; text?: string; from?: { id: string; role?: string }; channelData?: { slot?: string; caseReference?: string }; suggestedActions?: { actions: { title?: string; value?: string }[] } };

// The public example patient of check-contract.mjs; the birth date is typed as digits to exercise the widget's normalisation.
const KEES: Record<string, string | RegExp> = {
  consent: /^(ja|akkoord|toestemming)/i, fullName: 'Kees van Dijk', dateOfBirth: '30061950', policyNumber: '99887766',
  phone: '0687654321', email: 'kees@example.nl', postcode: '8011 AB', hospital: 'Isala', specialty: 'oogheelkunde',
  waitingWeeks: '20 weken', maxTravelKm: '60 km', contactPreference: /telefo|bel/i, confirm: /^(ja|klopt|bevestig|versturen|verstuur)/i, insurer: 'Demo Verzekeraar',
};
// What the composer must offer for a slot (contract: clients pick the input from channelData.slot).
const expectedInput: Record<string, Record<string, string>> = {
  dateOfBirth: { type: 'text', inputmode: 'numeric', autocomplete: 'bday' },
  phone: { type: 'tel', autocomplete: 'tel' },
  email: { type: 'email', autocomplete: 'email' },
  postcode: { autocomplete: 'postal-code' },
  fullName: { autocomplete: 'name' },
  waitingWeeks: { inputmode: 'numeric' },
  maxTravelKm: { inputmode: 'numeric' },
};

const hostileCss = `
* { all: unset !important; color: red !important; font-size: 40px !important; font-family: "Comic Sans MS", cursive !important;
    line-height: 3 !important; letter-spacing: 6px !important; text-transform: uppercase !important; visibility: visible !important; }
html, body, div, p, section, form, h1, h2 { display: block !important; }
div, button, input, p, h2, section, form, span { background: yellow !important; border: 5px dashed lime !important; padding: 30px !important;
    margin: 20px !important; box-sizing: content-box !important; width: 50px !important; opacity: .3 !important; transform: rotate(3deg) !important; }
button { display: none !important; }
wachtwijzer-chat { display: none !important; position: absolute !important; filter: blur(4px) !important; }
:root { --p: #ff0000 !important; }
`;

let server: TestServer;
let site: Server;
let siteUrl = '';
let context: BrowserContext;
let closeBrowser: () => Promise<void>;

/** A web team's own site on another origin, with the CSP the README documents. */
function startSite(api: string): Promise<void> {
  const ws = api.replace(/^http/, 'ws');
  const page = (head: string, attrs = '') =>
    `<!doctype html><html lang="nl"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Zorgverzekeraar</title><link rel="icon" href="data:,">${head}</head><body><h1>Zorgverzekeraar</h1><p>Tekst van de site.</p><script src="${api}/widget.js" data-tenant="demo-verzekeraar"${attrs} async></script></body></html>`;
  const csp = (styleSrc: string, connect = `${api} ${ws}`) => `default-src 'none'; script-src ${api}; connect-src ${connect}; img-src data:; style-src ${styleSrc}; base-uri 'none'; form-action 'none'; frame-ancestors 'none'`;
  site = createServer((req, res) => {
    const routes: Record<string, [string, string, string]> = {
      '/strict': ['text/html', csp("'none'"), page('')],
      '/clean': ['text/html', csp("'self'"), page('')],
      '/hostile': ['text/html', csp("'self'"), page('<link rel="stylesheet" href="/hostile.css">')],
      // WebSockets not allowed by this page's CSP: the widget must poll.
      '/no-websocket': ['text/html', csp("'none'", api), page('')],
      '/options': ['text/html', csp("'none'"), page('', ' data-locale="en" data-position="bottom-left" data-primary-color="#ffdd00" data-title="Ask us" data-open="true"')],
      '/hostile.css': ['text/css', '', hostileCss],
    };
    const route = routes[req.url ?? ''];
    if (!route) return void res.writeHead(404).end();
    res.writeHead(200, { 'content-type': route[0], ...(route[1] ? { 'content-security-policy': route[1] } : {}) }).end(route[2]);
  });
  return new Promise((resolve) => site.listen(0, '127.0.0.1', () => {
    siteUrl = `http://localhost:${(site.address() as AddressInfo).port}`;
    resolve();
  }));
}

beforeAll(async () => {
  server = await startTestServer();
  await startSite(server.url);
  ({ context, close: closeBrowser } = await launchBrowser());
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
  // Records every node the widget adds to its role=log transcript and whether the log was
  // visible at that moment: only visible additions reach a screen reader.
  await context.addInitScript(() => {
    const w = window as unknown as { __ww: { added: { visible: boolean; cls: string; text: string }[]; csp: string[]; events: string[] } };
    w.__ww = { added: [], csp: [], events: [] };
    document.addEventListener('securitypolicyviolation', (e) => w.__ww.csp.push(`${e.violatedDirective} ${e.blockedURI}`));
    addEventListener('wachtwijzer:case-created', (e) => w.__ww.events.push(`dom:${(e as CustomEvent).detail.reference}`));
    for (const [proto, name] of [[Element.prototype, 'append'], [Element.prototype, 'prepend'], [Node.prototype, 'appendChild'], [Node.prototype, 'insertBefore']] as const) {
      const original = (proto as unknown as Record<string, (...a: unknown[]) => unknown>)[name]!;
      (proto as unknown as Record<string, unknown>)[name] = function (this: Element, ...args: unknown[]) {
        if (this instanceof Element && this.getAttribute('role') === 'log') {
          const visible = this.checkVisibility();
          for (const n of args) if (n instanceof Element) w.__ww.added.push({ visible, cls: n.className, text: n.textContent ?? '' });
        }
        return original.apply(this, args);
      };
    }
  });
}, 60_000);

afterAll(async () => {
  await closeBrowser?.();
  site?.close();
  await server?.close();
});

/** Console errors and uncaught exceptions of a page. */
function watch(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  page.on('pageerror', (e) => errors.push(e.message));
  return errors;
}

/** Every Direct Line activity the page receives, over the stream or by polling. */
function capture(page: Page): Act[] {
  const acts: Act[] = [];
  const take = (body: string) => {
    try {
      for (const a of (JSON.parse(body) as { activities?: Act[] }).activities ?? []) if (!acts.some((x) => x.id === a.id)) acts.push(a);
    } catch {
      // heartbeat or another response
    }
  };
  page.on('websocket', (ws) => ws.on('framereceived', (f) => typeof f.payload === 'string' && f.payload && take(f.payload)));
  page.on('response', async (r) => {
    if (/\/activities\?watermark=/.test(r.url()) && r.ok()) take(await r.text());
  });
  return acts;
}

const deepActive = (page: Page) =>
  page.evaluate(() => {
    let a: Element | null = document.activeElement;
    while (a?.shadowRoot?.activeElement) a = a.shadowRoot.activeElement;
    return { tag: a?.tagName.toLowerCase() ?? '', id: a?.id ?? '', cls: a?.className ?? '', text: a?.textContent?.trim() ?? '', disabled: (a as HTMLButtonElement | null)?.disabled ?? false };
  });
const W = 'wachtwijzer-chat';
const botMessages = (acts: Act[]) => acts.filter((a) => a.type === 'message' && a.from?.role !== 'user');
const transcript = (page: Page) => page.locator(`${W} .msg`).allTextContents();
/** What a screen reader was told: assistant messages, choices and notices added while the log was visible. */
const announced = (page: Page) => page.evaluate(() => (window as unknown as { __ww: { added: { visible: boolean; cls: string }[] } }).__ww.added.filter((a) => a.visible && !a.cls.includes('user')).map((a) => a.cls));

/** Waits until the assistant has answered (at least `after` + 1 messages) and gone quiet. */
async function settled(acts: Act[], after: number): Promise<Act[]> {
  const start = Date.now();
  let count = -1;
  let since = Date.now();
  while (Date.now() - start < 10_000) {
    const n = botMessages(acts).length;
    if (n !== count) [count, since] = [n, Date.now()];
    else if (n > after && Date.now() - since > 500) return botMessages(acts).slice(after);
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`the assistant did not answer; it last said: ${botMessages(acts).at(-1)?.text}`);
}

async function openByKeyboard(page: Page): Promise<void> {
  for (let i = 0; i < 15 && !(await deepActive(page)).cls.includes('launcher'); i++) await page.keyboard.press('Tab');
  expect((await deepActive(page)).cls).toContain('launcher');
  await page.keyboard.press('Enter');
  await expect.poll(async () => (await deepActive(page)).id).toBe('ww-input');
}

describe('widget in the browser', () => {
  let page: Page;
  let errors: string[];
  let acts: Act[];
  let reference = '';

  it('loads on the demo page under its strict CSP with no console errors', async () => {
    page = await context.newPage();
    errors = watch(page);
    acts = capture(page);
    const response = await page.goto(`${server.url}/`);
    const csp = response!.headers()['content-security-policy'] ?? '';
    expect(csp).toMatch(/script-src 'self'(;|$)/);
    expect(csp).toMatch(/style-src 'self'(;|$)/);
    expect(csp).not.toContain('unsafe');
    const launcher = page.locator(`${W} .launcher`);
    await expect.poll(() => launcher.count()).toBe(1);
    expect(await launcher.getAttribute('aria-expanded')).toBe('false');
    expect(await launcher.getAttribute('aria-label')).toBe('Vragen over wachttijden? Chat met ons');
    expect(await launcher.locator('.long').isVisible()).toBe(true);
    expect(await page.evaluate(() => typeof (window as unknown as { Wachtwijzer: { open: unknown } }).Wachtwijzer.open)).toBe('function');
    await page.screenshot({ path: screenshotPath('widget-demo-closed') });
    expect(errors).toEqual([]);
  });

  it('a keyboard-only conversation from the question to a case reference', async () => {
    await page.evaluate(() => (window as unknown as { Wachtwijzer: { on(e: string, f: (d: { reference: string }) => void): void } }).Wachtwijzer.on('caseCreated', (d) => (window as unknown as { __ww: { events: string[] } }).__ww.events.push(`api:${d.reference}`)));
    await openByKeyboard(page);
    const dialog = page.locator(`${W} [role=dialog]`);
    expect(await dialog.getAttribute('aria-labelledby')).toBe('ww-title');
    expect(await page.locator(`${W} .launcher`).getAttribute('aria-expanded')).toBe('true');
    await settled(acts, 0);
    let seen = botMessages(acts).length;
    await page.keyboard.type('Ik wacht al 20 weken op mijn staaroperatie in de Isala. Kan mijn zorgverzekeraar bemiddelen?');
    await page.keyboard.press('Enter');
    const slotsAsked: string[] = [];
    for (let turn = 0; turn < 30 && !reference; turn++) {
      const replies = await settled(acts, seen);
      seen += replies.length;
      const ref = replies.find((a) => a.channelData?.caseReference)?.channelData?.caseReference;
      if (ref) {
        reference = ref;
        break;
      }
      const ask = [...replies].reverse().find((a) => a.channelData?.slot);
      expect(ask, `no question with a slot; last: ${replies.at(-1)?.text}`).toBeTruthy();
      const slot = ask!.channelData!.slot!;
      slotsAsked.push(slot);
      const want = KEES[slot];
      if (want === undefined) throw new Error(`unknown slot ${slot}`);
      const input = page.locator(`${W} #ww-input`);
      for (const [attr, value] of Object.entries(expectedInput[slot] ?? {})) expect(await input.getAttribute(attr), `${slot} ${attr}`).toBe(value);
      expect(await input.evaluate((el) => getComputedStyle(el).fontSize)).toBe('16px');
      if (want instanceof RegExp) {
        // Back from the text field to the choice buttons, by keyboard only.
        let active = await deepActive(page);
        for (let i = 0; i < 30 && !(active.cls.includes('choice') && !active.disabled && want.test(active.text)); i++) {
          await page.keyboard.press('Shift+Tab');
          active = await deepActive(page);
        }
        expect(active.cls, `no choice matching ${want} for ${slot}`).toContain('choice');
        await page.keyboard.press('Enter');
        await expect.poll(async () => (await deepActive(page)).id).toBe('ww-input');
        expect(await page.locator(`${W} .choice.chosen`).last().isDisabled()).toBe(true);
        expect(await page.locator(`${W} .status`).textContent()).toBe(`U koos: ${active.text}`);
      } else {
        await page.keyboard.type(want);
        await page.keyboard.press('Enter');
      }
    }
    expect(reference, `no case reference; slots asked: ${slotsAsked.join(', ')}`).toMatch(/\S/);
    expect(slotsAsked).toEqual(expect.arrayContaining(['consent', 'fullName', 'dateOfBirth']));
    const panel = page.locator(`${W} .ref`);
    await expect.poll(() => panel.isVisible()).toBe(true);
    expect(await panel.locator('.ref-value').textContent()).toBe(reference);
    expect(await page.evaluate(() => (window as unknown as { __ww: { events: string[] } }).__ww.events)).toEqual(expect.arrayContaining([`api:${reference}`, `dom:${reference}`]));
    // Copy the reference by keyboard: it is the next control before the text field.
    await page.keyboard.press('Shift+Tab');
    expect((await deepActive(page)).cls).toBe('copy');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator(`${W} .status`).textContent()).toBe('Referentie gekopieerd.');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(reference);
    await page.screenshot({ path: screenshotPath('widget-desktop-case-reference') });
    // The case is in the insurer's queue (read as its mediator would), with the birth date the widget normalised.
    const login = await fetch(`${server.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'mediator@demo-verzekeraar.test', password: 'demo' }) });
    expect(login.status).toBe(200);
    const cookie = login.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
    const token = ((await login.json().catch(() => ({}))) as { token?: string }).token;
    const read = await fetch(`${server.url}/api/cases/${encodeURIComponent(reference)}`, { headers: token ? { authorization: `Bearer ${token}` } : { cookie } });
    expect(read.status).toBe(200);
    expect(((await read.json()) as { request: { patient: { dateOfBirth: string } } }).request.patient.dateOfBirth).toBe('1950-06-30');
    expect(errors).toEqual([]);
  }, 60_000);

  it('has no serious or critical axe-core violations with the conversation open', async () => {
    const result = await new AxeBuilder({ page }).include(W).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
    const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(bad.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
    expect(result.passes.length).toBeGreaterThan(10);
  });

  it('Esc closes and gives focus back to the launcher', async () => {
    await page.keyboard.press('Escape');
    expect(await page.locator(`${W} [role=dialog]`).isHidden()).toBe(true);
    expect((await deepActive(page)).cls).toContain('launcher');
  });

  it('resumes after a reload and on another page: same messages, no duplicates, nothing announced again', async () => {
    await page.keyboard.press('Enter');
    const before = await transcript(page);
    expect(new Set(before).size).toBeGreaterThan(5);
    await page.reload();
    // It was open: it comes back open, without taking the focus from the page.
    await expect.poll(() => transcript(page)).toEqual(before);
    expect(await page.locator(`${W} [role=dialog]`).isVisible()).toBe(true);
    expect((await deepActive(page)).tag).toBe('body');
    expect(await page.locator(`${W} .ref-value`).textContent()).toBe(reference);
    expect(await announced(page)).toEqual([]);
    await page.goto(`${server.url}/privacy`);
    await expect.poll(() => transcript(page)).toEqual(before);
    expect(await announced(page)).toEqual([]);
    // Still one conversation: a new message gets an answer, and only that answer is announced.
    await page.locator(`${W} #ww-input`).fill('Wat is de treeknorm?');
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await transcript(page)).length, { timeout: 10_000 }).toBeGreaterThan(before.length + 1);
    const after = await transcript(page);
    expect(after.slice(0, before.length)).toEqual(before);
    const told = await announced(page);
    expect(told.filter((c) => c === 'msg bot')).toHaveLength(after.length - before.length - 1);
    expect(told.every((c) => ['msg bot', 'choices'].includes(c))).toBe(true);
    expect(errors).toEqual([]);
  }, 30_000);

  it('says when the network is gone, and carries on when it is back', async () => {
    await context.setOffline(true);
    await expect.poll(() => page.locator(`${W} .status`).textContent()).toBe('Geen internetverbinding. We proberen het opnieuw.');
    await context.setOffline(false);
    await expect.poll(() => page.locator(`${W} .status`).textContent()).toBe('Weer verbonden.');
    const count = (await transcript(page)).length;
    await page.locator(`${W} #ww-input`).fill('Hoe lang duurt het nog?');
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await transcript(page)).length, { timeout: 10_000 }).toBeGreaterThan(count + 1);
    expect(await page.locator(`${W} .status`).textContent()).not.toContain('Geen internetverbinding');
  }, 20_000);

  it('follows the page language when the page changes its lang', async () => {
    await page.evaluate(() => (document.documentElement.lang = 'en'));
    await expect.poll(() => page.locator(`${W} .send`).textContent()).toBe('Send');
    expect(await page.locator(`${W} .ref-label`).textContent()).toBe('Your reference');
    await page.evaluate(() => (document.documentElement.lang = 'nl'));
    await expect.poll(() => page.locator(`${W} .send`).textContent()).toBe('Versturen');
  });

  it('counts replies that arrive while the window is closed on the launcher', async () => {
    const launcher = page.locator(`${W} .launcher`);
    // Hold the message back a moment, so the answer surely comes after the window closed.
    const hold = async (route: Route) => {
      await new Promise((r) => setTimeout(r, 500));
      await route.continue();
    };
    await page.route('**/activities', hold);
    await page.locator(`${W} #ww-input`).fill('Wat zijn mijn rechten?');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Escape');
    expect(await page.locator(`${W} [role=dialog]`).isHidden()).toBe(true);
    await expect.poll(() => launcher.getAttribute('aria-label')).toMatch(/^Vragen over wachttijden\? Chat met ons \(\d+ nieuwe? berichte?n?\)$/);
    expect(Number(await page.locator(`${W} .badge`).textContent())).toBeGreaterThan(0);
    await page.unroute('**/activities', hold);
    await page.keyboard.press('Enter');
    expect(await launcher.getAttribute('aria-label')).toBe('Vragen over wachttijden? Chat met ons');
    expect(await page.locator(`${W} .badge`).isHidden()).toBe(true);
  });

  it('starts a new conversation with a clear message when the stored one has lapsed', async () => {
    const old = await page.evaluate(() => JSON.parse(sessionStorage.getItem('wachtwijzer:demo-verzekeraar')!).conversationId as string);
    await page.evaluate(() => {
      const s = JSON.parse(sessionStorage.getItem('wachtwijzer:demo-verzekeraar')!);
      sessionStorage.setItem('wachtwijzer:demo-verzekeraar', JSON.stringify({ ...s, token: 'dlt_forged' }));
    });
    await page.reload();
    await expect.poll(() => page.locator(`${W} .notice`).textContent()).toContain('verlopen');
    await expect.poll(() => page.locator(`${W} .msg.bot`).count()).toBeGreaterThan(0);
    const now = await page.evaluate(() => JSON.parse(sessionStorage.getItem('wachtwijzer:demo-verzekeraar')!).conversationId as string);
    expect(now).not.toBe(old);
    expect(await page.locator(`${W} .ref`).isHidden()).toBe(true);
    // The browser itself logs the refused resume; nothing else went wrong.
    expect(errors).toEqual([expect.stringContaining('403')]);
    errors.length = 0;
  });

  it('starts over on request, after a confirmation, with a new conversation', async () => {
    const old = await page.evaluate(() => JSON.parse(sessionStorage.getItem('wachtwijzer:demo-verzekeraar')!).conversationId as string);
    await page.locator(`${W} .header .icon`).first().click();
    expect((await deepActive(page)).text).toBe('Ja, opnieuw beginnen');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => JSON.parse(sessionStorage.getItem('wachtwijzer:demo-verzekeraar') ?? '{}').conversationId)).not.toBe(old);
    expect((await deepActive(page)).id).toBe('ww-input');
    await expect.poll(() => page.locator(`${W} .msg.bot`).count()).toBeGreaterThan(0);
    expect(await page.locator(`${W} .notice`).count()).toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('widget on a web team’s own site', () => {
  it('on an origin that is not on the allow-list: a clear message for the patient, a hint for the web team', async () => {
    // 127.0.0.2 is loopback too, but only localhost and 127.0.0.1 are allowed for the demo tenants.
    const other = createServer((_req, res) => res.writeHead(200, { 'content-type': 'text/html' }).end(`<!doctype html><html lang="nl"><head><link rel="icon" href="data:,"></head><body><script src="${server.url}/widget.js" data-tenant="demo-verzekeraar" async></script></body></html>`));
    await new Promise<void>((resolve) => other.listen(0, '127.0.0.2', resolve));
    const page = await context.newPage();
    const warnings: string[] = [];
    page.on('console', (m) => m.type() === 'warning' && warnings.push(m.text()));
    await page.goto(`http://127.0.0.2:${(other.address() as AddressInfo).port}/`);
    await page.locator(`${W} .launcher`).click();
    await expect.poll(() => page.locator(`${W} .status`).textContent()).toBe('De chat is op deze pagina nu niet beschikbaar.');
    expect(warnings.join('\n')).toContain('allow-list');
    expect(await page.evaluate(() => sessionStorage.length)).toBe(0);
    await page.close();
    other.close();
  });

  it('works under a strict cross-origin CSP with no style-src at all, and stores nothing before it is opened', async () => {
    const page = await context.newPage();
    const errors = watch(page);
    const calls: string[] = [];
    page.on('request', (r) => r.url().includes('/v3/directline') && calls.push(r.url()));
    let sockets = 0;
    page.on('websocket', () => (sockets += 1));
    await page.goto(`${siteUrl}/strict`);
    const launcher = page.locator(`${W} .launcher`);
    await expect.poll(() => launcher.count()).toBe(1);
    // The tenant's colour arrived from /api/widget-config and the adopted stylesheet applies without style-src.
    expect(await launcher.evaluate((el) => getComputedStyle(el).backgroundColor)).toBe('rgb(0, 96, 122)');
    await page.waitForTimeout(300);
    expect(await page.evaluate(() => [sessionStorage.length, localStorage.length, document.cookie])).toEqual([0, 0, '']);
    expect(calls).toEqual([]);
    await launcher.click();
    await expect.poll(() => page.locator(`${W} .msg.bot`).count()).toBeGreaterThan(0);
    expect(sockets).toBe(1);
    const stored = await page.evaluate(() => JSON.parse(sessionStorage.getItem('wachtwijzer:demo-verzekeraar') ?? '{}'));
    expect(Object.keys(stored).sort()).toEqual(['conversationId', 'expiresAt', 'lifetime', 'open', 'token', 'userId', 'v', 'watermark']);
    expect((await context.cookies([siteUrl, server.url])).length).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __ww: { csp: string[] } }).__ww.csp)).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('falls back to polling when the page does not allow WebSockets', async () => {
    const page = await context.newPage();
    const acts = capture(page);
    await page.goto(`${siteUrl}/no-websocket`);
    await page.locator(`${W} .launcher`).click();
    await settled(acts, 0);
    await page.locator(`${W} #ww-input`).fill('Wat is de treeknorm?');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator(`${W} .msg.user:not(.pending)`).count()).toBe(1);
    await expect.poll(() => botMessages(acts).length).toBeGreaterThan(1);
    const csp = await page.evaluate(() => (window as unknown as { __ww: { csp: string[] } }).__ww.csp);
    expect(csp.length).toBeGreaterThan(0);
    expect(csp.every((v) => v.startsWith('connect-src ws:'))).toBe(true);
    expect(await page.locator(`${W} .status`).textContent()).toBe('');
    await page.close();
  });

  it('honours every data- option: English, left, title, opened on load without taking focus, unreadable colour replaced', async () => {
    const page = await context.newPage();
    const warnings: string[] = [];
    page.on('console', (m) => m.type() === 'warning' && warnings.push(m.text()));
    const sent: { locale?: string }[] = [];
    page.on('request', (r) => r.method() === 'POST' && /\/activities$/.test(r.url()) && sent.push(r.postDataJSON()));
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto(`${siteUrl}/options`);
    const dialog = page.locator(`${W} [role=dialog]`);
    await expect.poll(() => dialog.isVisible()).toBe(true);
    expect((await deepActive(page)).tag).toBe('body');
    expect(await page.locator(`${W} #ww-title`).textContent()).toBe('Ask us');
    expect(await page.locator(`${W} .launcher`).getAttribute('aria-label')).toBe('Questions about waiting times? Chat with us');
    expect(await page.locator(`${W} .send`).textContent()).toBe('Send');
    expect((await page.locator(`${W} .launcher`).boundingBox())!.x).toBeLessThan(40);
    expect(await page.locator(`${W} .launcher`).evaluate((el) => getComputedStyle(el).backgroundColor)).toBe('rgb(0, 96, 122)');
    expect(warnings.some((w) => w.includes('contrast'))).toBe(true);
    await expect.poll(() => page.locator(`${W} .msg.bot`).count()).toBeGreaterThan(0);
    expect(await page.locator(`${W} .msg.bot`).first().textContent()).toMatch(/Hello|Hi/);
    await page.locator(`${W} #ww-input`).fill('What is the maximum waiting time?');
    await page.keyboard.press('Enter');
    // The page switching its own lang does not override data-locale; setLocale does.
    await page.evaluate(() => (document.documentElement.lang = 'nl'));
    await page.waitForTimeout(50);
    expect(await page.locator(`${W} .send`).textContent()).toBe('Send');
    await page.evaluate(() => (window as unknown as { Wachtwijzer: { setLocale(l: string): void } }).Wachtwijzer.setLocale('nl'));
    expect(await page.locator(`${W} .send`).textContent()).toBe('Versturen');
    await page.locator(`${W} #ww-input`).fill('Dank u');
    await page.keyboard.press('Enter');
    await expect.poll(() => sent.length).toBe(2);
    expect(sent.map((a) => a.locale)).toEqual(['en', 'nl']);
    await page.screenshot({ path: screenshotPath('widget-options-en-left') });
    await page.close();
  });

  it('a hostile host stylesheet does not change the widget, and the widget does not change the page', async () => {
    const probe = async (path: string) => {
      const page = await context.newPage();
      await page.setViewportSize({ width: 1280, height: 800 });
      await page.goto(`${siteUrl}${path}`);
      const h1Style = () => page.locator('h1').evaluate((el) => ['font-size', 'color', 'font-family', 'margin', 'display'].map((p) => getComputedStyle(el).getPropertyValue(p)).join('|'));
      const pageH1 = await h1Style();
      await expect.poll(() => page.locator(`${W} .launcher`).count()).toBe(1);
      await page.locator(`${W} .launcher`).click();
      await expect.poll(() => page.locator(`${W} .msg.bot`).count()).toBeGreaterThan(1);
      await page.waitForTimeout(300);
      const styles = await page.evaluate(() => {
        const root = document.querySelector('wachtwijzer-chat')!.shadowRoot!;
        const props = ['color', 'background-color', 'font-size', 'font-family', 'line-height', 'letter-spacing', 'text-transform', 'padding', 'margin', 'border', 'display', 'visibility', 'opacity', 'transform', 'width', 'height', 'position'];
        const out: Record<string, string> = {};
        for (const sel of ['.launcher', '.dialog', '.header h2', '.log', '.msg.bot', '#ww-input', '.send', '.choice']) {
          const el = root.querySelector(sel);
          if (!el) continue;
          const cs = getComputedStyle(el);
          const box = el.getBoundingClientRect();
          out[sel] = `${props.map((p) => cs.getPropertyValue(p)).join('|')}|${Math.round(box.x)},${Math.round(box.y)},${Math.round(box.width)},${Math.round(box.height)}`;
        }
        const host = getComputedStyle(document.querySelector('wachtwijzer-chat')!);
        out.host = `${host.display}|${host.filter}|${host.position}`;
        return out;
      });
      const afterH1 = await h1Style();
      await page.screenshot({ path: screenshotPath(`widget-host-${path.slice(1)}`) });
      await page.close();
      return { styles, pageUnchanged: pageH1 === afterH1 };
    };
    const clean = await probe('/clean');
    const hostile = await probe('/hostile');
    expect(Object.keys(clean.styles).length).toBeGreaterThanOrEqual(8);
    expect(hostile.styles).toEqual(clean.styles);
    expect(clean.pageUnchanged && hostile.pageUnchanged).toBe(true);
  }, 30_000);
});

describe('widget on phones and zoomed in', () => {
  it.each([
    [375, 667, 'phone-375'],
    [320, 568, 'phone-320'],
    [640, 400, 'zoom-200'],
  ])('%i×%i: full screen, nothing wider than the screen, 16 px inputs', async (width, height, name) => {
    const page = await context.newPage();
    const errors = watch(page);
    await page.setViewportSize({ width, height });
    await page.goto(`${server.url}/`);
    await expect.poll(() => page.locator(`${W} .launcher`).count()).toBe(1);
    const launcherBox = (await page.locator(`${W} .launcher`).boundingBox())!;
    // Phones: a short visible label on one line, the full text as its accessible name.
    expect(await page.locator(`${W} .launcher .short`).isVisible()).toBe(true);
    expect(launcherBox.height).toBeLessThanOrEqual(56);
    expect(launcherBox.x).toBeGreaterThanOrEqual(0);
    expect(launcherBox.x + launcherBox.width).toBeLessThanOrEqual(width);
    await page.screenshot({ path: screenshotPath(`widget-${name}-closed`) });
    await page.locator(`${W} .launcher`).click();
    await expect.poll(() => page.locator(`${W} .choice`).count()).toBeGreaterThan(0);
    await page.waitForTimeout(200);
    const box = (await page.locator(`${W} .dialog`).boundingBox())!;
    expect([box.x, box.y, box.width, box.height]).toEqual([0, 0, width, height]);
    expect(await page.locator(`${W} [role=dialog]`).getAttribute('aria-modal')).toBe('true');
    const overflow = await page.evaluate(() => {
      const root = document.querySelector('wachtwijzer-chat')!.shadowRoot!;
      return [...root.querySelectorAll('.dialog, .header, .log, .composer, .row, .msg, .choices')].filter((el) => el.scrollWidth > el.clientWidth + 1).map((el) => el.className);
    });
    expect(overflow).toEqual([]);
    expect(await page.locator(`${W} #ww-input`).evaluate((el) => getComputedStyle(el).fontSize)).toBe('16px');
    // Full screen covers the page: Tab stays in the dialog.
    for (let i = 0; i < 12; i++) await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.tagName.toLowerCase())).toBe('wachtwijzer-chat');
    const send = (await page.locator(`${W} .send`).boundingBox())!;
    expect(send.x + send.width).toBeLessThanOrEqual(width);
    await page.screenshot({ path: screenshotPath(`widget-${name}-open`) });
    if (width === 375) {
      await page.emulateMedia({ reducedMotion: 'reduce' });
      expect(await page.locator(`${W} .dots i`).first().evaluate((el) => getComputedStyle(el).animationName)).toBe('none');
      const result = await new AxeBuilder({ page }).include(W).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
      expect(result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);
    }
    expect(errors).toEqual([]);
    await page.close();
  });
});
