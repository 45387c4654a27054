/**
 * Our widget as a screen reader and a zoomed-in patient meet it, in Debian's Chromium:
 * - after a reload or a move to another page of the site, the restored transcript is outside every
 *   live region in Chromium's accessibility tree (CDP Accessibility.getFullAXTree), so nothing of it
 *   is read out again; only messages that arrive later are inside the live region;
 * - at 400 % zoom (a 1366×768 screen is then 342×192 CSS px; WCAG's reflow case is 320 px wide) the
 *   header collapses and the transcript keeps at least 40 % of the visible height.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { BrowserContext, CDPSession, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, screenshotPath } from '../support/browser.ts';
import { startTestServer, type TestServer } from '../support/server.ts';

const W = 'wachtwijzer-chat';
let server: TestServer;
let site: Server;
let siteUrl = '';
let context: BrowserContext;
let closeBrowser: () => Promise<void>;

beforeAll(async () => {
  server = await startTestServer();
  // A web team's site on another origin, two pages with the one script tag.
  const page = (title: string) =>
    `<!doctype html><html lang="nl"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${title}</title><link rel="icon" href="data:,"></head><body><h1>${title}</h1><p>Tekst van de site.</p><script src="${server.url}/widget.js" data-tenant="demo-verzekeraar" async></script></body></html>`;
  site = createServer((req, res) => {
    const path = (req.url ?? '').split('?')[0];
    if (path === '/' || path === '/wachttijden') return void res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page(path === '/' ? 'Zorgverzekeraar' : 'Wachttijden'));
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => site.listen(0, '127.0.0.1', resolve));
  siteUrl = `http://localhost:${(site.address() as AddressInfo).port}`;
  ({ context, close: closeBrowser } = await launchBrowser());
}, 60_000);

afterAll(async () => {
  await closeBrowser?.();
  await new Promise<void>((resolve) => (site ? site.close(() => resolve()) : resolve()));
  await server?.close();
});

function watch(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  page.on('pageerror', (e) => errors.push(e.message));
  return errors;
}

const messages = (page: Page) => page.locator(`${W} .msg`).allTextContents();

/** Waits until the transcript has more than `n` messages and then stays the same for a moment. */
async function quietAfter(page: Page, n: number): Promise<string[]> {
  const until = Date.now() + 30_000;
  let last: string[] = [];
  let since = Date.now();
  while (Date.now() < until) {
    const now = await messages(page);
    if (now.join('\u0000') !== last.join('\u0000')) [last, since] = [now, Date.now()];
    else if (now.length > n && Date.now() - since > 1500) return now;
    await page.waitForTimeout(100);
  }
  throw new Error(`the transcript did not grow past ${n}: ${last.join(' | ')}`);
}

type AXValue = { type: string; value?: unknown };
type AXNode = { nodeId: string; parentId?: string; ignored: boolean; backendDOMNodeId?: number; properties?: { name: string; value: AXValue }[] };

/**
 * For each assistant message of the widget, whether a screen reader reads it out when it is added:
 * Chromium's accessibility tree (CDP Accessibility.getFullAXTree) is walked up from the message's
 * node to the nearest ancestor with a live property (CDP reports it on a live region's root).
 * "polite"/"assertive": inside a live region; "none": outside every live region (or in an "off" one).
 */
async function liveness(cdp: CDPSession): Promise<{ inLive: string[]; quiet: string[] }> {
  await cdp.send('DOM.getDocument', { depth: -1, pierce: true });
  const list = await cdp.send('Runtime.evaluate', { expression: `[...document.querySelector('${W}').shadowRoot.querySelectorAll('.msg.bot')]` });
  const items = await cdp.send('Runtime.getProperties', { objectId: list.result.objectId!, ownProperties: true });
  const bubbles: { backendNodeId: number; text: string }[] = [];
  for (const item of items.result.filter((p) => /^\d+$/.test(p.name)).sort((x, y) => Number(x.name) - Number(y.name))) {
    const { node } = await cdp.send('DOM.describeNode', { objectId: item.value!.objectId! });
    const text = await cdp.send('Runtime.callFunctionOn', { objectId: item.value!.objectId!, functionDeclaration: 'function () { return this.textContent; }', returnByValue: true });
    bubbles.push({ backendNodeId: node.backendNodeId, text: String(text.result.value ?? '') });
  }
  const { nodes } = (await cdp.send('Accessibility.getFullAXTree')) as unknown as { nodes: AXNode[] };
  const byId = new Map(nodes.map((n) => [n.nodeId, n]));
  const byDom = new Map(nodes.filter((n) => n.backendDOMNodeId !== undefined).map((n) => [n.backendDOMNodeId!, n]));
  const inLive: string[] = [];
  const quiet: string[] = [];
  for (const b of bubbles) {
    const start = byDom.get(b.backendNodeId);
    expect(start, `"${b.text.slice(0, 40)}" is not in the accessibility tree`).toBeTruthy();
    let live = 'none';
    for (let a: AXNode | undefined = start; a; a = a.parentId ? byId.get(a.parentId) : undefined) {
      const value = a.properties?.find((p) => p.name === 'live')?.value.value;
      if (typeof value === 'string') {
        live = value === 'off' ? 'none' : value;
        break;
      }
    }
    (live === 'none' ? quiet : inLive).push(b.text);
  }
  return { inLive, quiet };
}

describe('widget and screen readers: a restored transcript is not read out again', () => {
  it('after a reload and on another page the history is outside every live region; only new messages are inside it', async () => {
    const page = await context.newPage();
    const errors = watch(page);
    const cdp = await context.newCDPSession(page);
    await cdp.send('Accessibility.enable');
    await page.goto(`${siteUrl}/`);
    await page.locator(`${W} .launcher`).click();
    const greeting = await quietAfter(page, 0);
    await page.locator(`${W} #ww-input`).fill('Wat is de treeknorm?');
    await page.keyboard.press('Enter');
    const before = await quietAfter(page, greeting.length + 1);

    // Said while the page was open: in the live region, so it was read out once.
    const first = await liveness(cdp);
    expect(first.inLive.length).toBeGreaterThan(1);
    expect(first.quiet).toEqual([]);

    for (const path of ['/', '/wachttijden']) {
      if (path === '/') await page.reload();
      else await page.goto(`${siteUrl}${path}`);
      await expect.poll(() => messages(page), { timeout: 20_000 }).toEqual(before);
      const restored = await liveness(cdp);
      expect(restored.inLive, `read out again after ${path === '/' ? 'a reload' : 'moving to another page'}`).toEqual([]);
      expect(restored.quiet.length).toBe(first.inLive.length);
    }

    // A new question: only its answer is in the live region, the history stays quiet.
    await page.locator(`${W} #ww-input`).fill('Kan mijn zorgverzekeraar helpen?');
    await page.keyboard.press('Enter');
    const after = await quietAfter(page, before.length + 1);
    expect(after.slice(0, before.length)).toEqual(before);
    const next = await liveness(cdp);
    expect(next.quiet.length).toBe(first.inLive.length);
    expect(next.inLive.length).toBeGreaterThan(0);
    expect(next.inLive.length + next.quiet.length).toBe(await page.locator(`${W} .msg.bot`).count());
    // Everything is still one scrollable, labelled transcript for a screen reader that browses it.
    const log = page.locator(`${W} .log`);
    expect(await log.getAttribute('aria-label')).toBe('Gesprek');
    expect(errors).toEqual([]);
    await page.close();
  }, 120_000);
});

describe('widget after "delete my data"', () => {
  it('clears what the page showed, shows the confirmation, and after a reload shows it again and goes on', async () => {
    const page = await context.newPage();
    const errors = watch(page);
    await page.goto(`${siteUrl}/`);
    await page.locator(`${W} .launcher`).click();
    const greeting = await quietAfter(page, 0);
    await page.locator(`${W} #ww-input`).fill('Verwijder mijn gegevens');
    await page.keyboard.press('Enter');
    const asked = await quietAfter(page, greeting.length + 1);
    expect(asked.join(' ')).toContain('Wilt u dat ik uw gegevens verwijder');
    await page.locator(`${W} .choice`, { hasText: 'Ja, verwijder alles' }).click();
    // The erasure empties the transcript; the confirmation is what remains, on screen.
    await expect.poll(() => messages(page), { timeout: 20_000 }).toEqual(expect.arrayContaining([expect.stringContaining('Uw gesprek is verwijderd.')]));
    const shown = await quietAfter(page, 0);
    expect(shown.join(' ')).not.toContain('Verwijder mijn gegevens');
    expect(shown.join(' ')).not.toContain('Ik ben Wachtwijzer');
    expect(await page.locator(`${W} .msg`, { hasText: 'Uw gesprek is verwijderd.' }).first().isVisible()).toBe(true);

    // After a reload only what came after the erasure is restored, and it is visible.
    await page.reload();
    await expect.poll(() => messages(page), { timeout: 20_000 }).toEqual(shown);
    expect(await page.locator(`${W} .msg`, { hasText: 'Uw gesprek is verwijderd.' }).first().isVisible()).toBe(true);
    await page.locator(`${W} #ww-input`).fill('Wat is de treeknorm?');
    await page.keyboard.press('Enter');
    const after = await quietAfter(page, shown.length + 1);
    expect(after.slice(0, shown.length)).toEqual(shown);
    expect(await page.locator(`${W} .msg.bot`).last().isVisible()).toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  }, 120_000);
});

describe('widget at 400 % zoom', () => {
  it.each([
    [342, 192, '1366×768 at 400 %'],
    [320, 256, 'WCAG reflow, 1280×1024 at 400 %'],
  ])('%i×%i CSS px (%s): the header collapses and the transcript keeps at least 40 per cent of the height', async (width, height) => {
    const page = await context.newPage();
    const errors = watch(page);
    await page.setViewportSize({ width, height });
    await page.goto(`${siteUrl}/`);
    await page.locator(`${W} .launcher`).click();
    const greeting = await quietAfter(page, 0);
    await expect.poll(() => page.locator(`${W} .choice`).count()).toBeGreaterThan(0);
    // A choice tapped: the assistant asks the next question, with its label over the text field
    // and the confirmation on the status line, which both take height from the transcript.
    await page.locator(`${W} .choice`).first().click();
    await quietAfter(page, greeting.length + 1);
    expect(await page.locator(`${W} .status`).textContent()).toMatch(/^U koos:/);
    const measure = () =>
      page.evaluate(() => {
        const root = document.querySelector('wachtwijzer-chat')!.shadowRoot!;
        const box = (sel: string) => root.querySelector(sel)!.getBoundingClientRect();
        const visible = Math.min(innerHeight, box('.dialog').bottom) - Math.max(0, box('.dialog').top);
        const log = box('.log');
        const logVisible = Math.max(0, Math.min(log.bottom, innerHeight) - Math.max(log.top, 0));
        return { share: logVisible / visible, header: box('.header').height, composer: box('.composer').height, title: root.querySelector('#ww-title')!.textContent };
      });
    const m = await measure();
    expect(m.share, JSON.stringify(m)).toBeGreaterThanOrEqual(0.4);
    // The header collapses to one line, the title still there.
    expect(m.header).toBeLessThanOrEqual(44);
    expect(m.title).toMatch(/\S/);
    // The controls stay usable: close and send are on screen.
    for (const sel of ['.header .icon:last-child', '.send']) {
      const b = (await page.locator(`${W} ${sel}`).boundingBox())!;
      expect(b.x + b.width).toBeLessThanOrEqual(width);
      expect(b.y + b.height).toBeLessThanOrEqual(height);
    }
    await page.screenshot({ path: screenshotPath(`widget-zoom-400-${width}x${height}`) });
    expect(errors).toEqual([]);
    await page.close();
  }, 60_000);
});
