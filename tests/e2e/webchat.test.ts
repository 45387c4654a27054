/**
 * Microsoft's own Web Chat 4.18 (botframework-webchat's dist/webchat.js, exactly as a web team
 * includes it) in Debian's Chromium, on a page of another origin than the server: the token comes
 * from tokens/generate (the tenant's origin allow-list decides), Web Chat connects over WebSocket
 * and over polling, and everything is asserted as the patient sees it on the screen.
 */
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, screenshotPath } from '../support/browser.ts';
import { startTestServer, type TestServer } from '../support/server.ts';

// The package exports no package.json; its CommonJS entry is lib/index.js, next to dist/.
const webChatJs = readFileSync(join(dirname(createRequire(import.meta.url).resolve('botframework-webchat')), '..', 'dist', 'webchat.js'));

/**
 * The page a Bot Framework developer writes: a token from tokens/generate, then renderWebChat.
 * Query: api (our server), ws=1|0, user (a dl_ id to bind in tokens/generate), userID=1 (pass it to
 * Web Chat as well), upload=1 (leave Web Chat's upload button on), resume=1 (reconnect with the
 * conversationId, token and watermark kept in sessionStorage).
 */
const pageHtml = `<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>Zorgverzekeraar – chat</title><link rel="icon" href="data:,">
<style>html,body{height:100%;margin:0}#webchat{height:100%}</style></head>
<body><main id="webchat"></main>
<script src="/webchat.js"></script>
<script>
(async () => {
  const p = new URLSearchParams(location.search);
  const api = p.get('api');
  const user = p.get('user');
  const saved = p.get('resume') === '1' ? JSON.parse(sessionStorage.getItem('dl') || 'null') : null;
  let token = saved && saved.token;
  if (!saved) {
    const r = await fetch(api + '/v3/directline/tokens/generate', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ tenant: 'demo-verzekeraar', locale: 'nl-NL', ...(user ? { user: { id: user } } : {}) }) });
    token = (await r.json()).token;
  }
  const directLine = window.WebChat.createDirectLine({ token, domain: api + '/v3/directline', webSocket: p.get('ws') === '1', ...(saved ? { conversationId: saved.conversationId, watermark: saved.watermark } : {}) });
  // What a page keeps to resume after a reload (Microsoft's "reconnect" sample does the same).
  window.keep = () => sessionStorage.setItem('dl', JSON.stringify({ token: directLine.token, conversationId: directLine.conversationId, watermark: directLine.watermark }));
  // Web Chat reads a bound user id from the token (as in the README); a page may also pass the same one as userID.
  window.WebChat.renderWebChat({ directLine, locale: 'nl-NL', ...(user && p.get('userID') === '1' ? { userID: user } : {}), styleOptions: { hideUploadButton: p.get('upload') !== '1' } }, document.getElementById('webchat'));
})();
</script></body></html>`;

let server: TestServer;
let site: Server;
let siteUrl = '';
let context: BrowserContext;
let closeBrowser: () => Promise<void>;

beforeAll(async () => {
  server = await startTestServer();
  site = createServer((req, res) => {
    const path = (req.url ?? '').split('?')[0];
    if (path === '/') return void res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(pageHtml);
    if (path === '/webchat.js') return void res.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8' }).end(webChatJs);
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => site.listen(0, '127.0.0.1', resolve));
  // The API is on 127.0.0.1, the page on localhost: another origin, and one on the demo tenant's allow-list.
  siteUrl = `http://localhost:${(site.address() as AddressInfo).port}`;
  ({ context, close: closeBrowser } = await launchBrowser());
}, 60_000);

afterAll(async () => {
  await closeBrowser?.();
  await new Promise<void>((resolve) => (site ? site.close(() => resolve()) : resolve()));
  await server?.close();
});

/** Everything the page reports as wrong: console errors, uncaught exceptions, failed requests. */
function watch(p: Page): string[] {
  const problems: string[] = [];
  p.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console.error: ${m.text()}`);
    // Web Chat replaces a dl_ user id it cannot find in the token by a random one (which the conversation then refuses).
    if (m.type() === 'warning' && /user id/i.test(m.text())) problems.push(`console.warn: ${m.text()}`);
  });
  p.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  // A request the page itself cancels (a poll in flight when it navigates away) is not a failure.
  p.on('requestfailed', (r) => r.failure()?.errorText !== 'net::ERR_ABORTED' && problems.push(`request failed: ${r.url()} ${r.failure()?.errorText ?? ''}`));
  return problems;
}

const pageUrl = (q: Record<string, string | undefined>) =>
  `${siteUrl}/?${new URLSearchParams({ api: server.url, ...Object.fromEntries(Object.entries(q).filter(([, v]) => v !== undefined)) } as Record<string, string>)}`;
const botBubbles = (p: Page) => p.locator('.webchat__bubble:not(.webchat__bubble--from-user) .webchat__bubble__content');
const userBubbles = (p: Page) => p.locator('.webchat__bubble--from-user .webchat__bubble__content');
const texts = async (p: Page) => (await p.locator('.webchat__bubble .webchat__bubble__content').allInnerTexts()).map((t) => t.trim());
const actions = (p: Page) => p.locator('.webchat__suggested-actions button.webchat__suggested-action');
const sendBox = (p: Page) => p.locator('[data-id="webchat-sendbox-input"]').first();

/** Waits until the assistant has said more than `after` things and then stayed quiet for a moment. */
async function botSaysMoreThan(p: Page, after: number): Promise<string[]> {
  const until = Date.now() + 30_000;
  let last = -1;
  let since = Date.now();
  while (Date.now() < until) {
    const n = await botBubbles(p).count();
    if (n !== last) [last, since] = [n, Date.now()];
    else if (n > after && Date.now() - since > 2000) return (await botBubbles(p).allInnerTexts()).slice(after).map((t) => t.trim());
    await p.waitForTimeout(100);
  }
  throw new Error(`the assistant said nothing new after ${after} messages; shown: ${(await texts(p)).join(' | ')}`);
}

/** Opens Web Chat and waits for the greeting: two messages, the second with the topic choices. */
async function openWithGreeting(p: Page, q: Record<string, string | undefined>): Promise<string[]> {
  await p.goto(pageUrl(q));
  await actions(p).first().waitFor({ timeout: 30_000 });
  return botSaysMoreThan(p, 0);
}

for (const ws of [true, false]) {
  for (const user of [undefined, 'dl_webchat_patient']) {
    describe(`Web Chat 4.18 on another origin, ${ws ? 'over WebSocket' : 'polling'}, ${user ? 'user id bound in tokens/generate' : 'user id made by Web Chat'}`, () => {
      it('greets in two messages with choices; a tap and a typed question are answered; no CORS or other error', async () => {
        const p = await context.newPage();
        const problems = watch(p);
        const greeting = await openWithGreeting(p, { ws: ws ? '1' : '0', user });
        expect(greeting).toHaveLength(2);
        expect(greeting[0]).toContain('Ik ben Wachtwijzer');
        expect(greeting[1]).toContain('privacyverklaring');
        // The privacy link is absolute, so in Web Chat it is a link that goes to our privacy page.
        const privacy = p.getByRole('link', { name: /privacyverklaring/ }).first();
        expect(await privacy.getAttribute('href')).toBe(`${server.url}/privacy`);
        expect(await actions(p).count()).toBeGreaterThan(1);
        // hideUploadButton: no paper clip next to the send box.
        expect(await p.locator('.webchat__upload-button').count()).toBe(0);
        expect(await sendBox(p).isVisible()).toBe(true);

        await sendBox(p).fill('Wat is de treeknorm?');
        await sendBox(p).press('Enter');
        await userBubbles(p).filter({ hasText: 'Wat is de treeknorm?' }).first().waitFor({ timeout: 20_000 });
        const answer = (await botSaysMoreThan(p, 2)).join('\n');
        expect(answer).toContain('Treeknorm');
        expect(answer).toMatch(/\d+ weken/);

        // The answer's choices, shown by Web Chat as buttons: a tap is answered too.
        await actions(p).first().waitFor({ timeout: 20_000 });
        const shown = await botBubbles(p).count();
        const tapped = (await actions(p).first().innerText()).trim();
        await actions(p).first().click();
        await userBubbles(p).filter({ hasText: tapped }).first().waitFor({ timeout: 20_000 });
        const afterTap = (await botSaysMoreThan(p, shown)).join('\n');
        expect(afterTap).toMatch(/\S/);
        expect(afterTap).not.toMatch(/ging iets mis|begrijp (u|je)|error/i);
        // Web Chat marks a message it could not deliver; none is marked.
        expect(await p.getByText(/Send failed|Verzenden mislukt/i).count()).toBe(0);

        await p.screenshot({ path: screenshotPath(`webchat-${ws ? 'ws' : 'polling'}-${user ? 'bound' : 'unbound'}`) });
        expect(problems).toEqual([]);
        await p.close();
      }, 120_000);
    });
  }
}

describe('Web Chat 4.18 resuming a conversation after a reload (conversationId + token + watermark)', () => {
  for (const ws of [true, false]) {
    it(`${ws ? 'over WebSocket' : 'polling'}: shows what came after the watermark once, and the conversation goes on`, async () => {
      const p = await context.newPage();
      const problems = watch(p);
      // Resuming needs the same user id: the conversation is bound to it (a dl_ id named in the token).
      await openWithGreeting(p, { ws: ws ? '1' : '0', user: 'dl_webchat_resume' });
      // Kept after the greeting: a resume from here shows only what came later.
      await p.evaluate(() => (window as unknown as { keep(): void }).keep());
      const kept = await p.evaluate(() => JSON.parse(sessionStorage.getItem('dl')!) as { conversationId: string; watermark: string });
      expect(kept.conversationId).toMatch(/\S/);
      expect(kept.watermark).toMatch(/^\d+$/);
      await sendBox(p).fill('Wat is de treeknorm?');
      await sendBox(p).press('Enter');
      await botSaysMoreThan(p, 2);
      const all = await texts(p);
      const sinceWatermark = all.slice(2);
      expect(sinceWatermark[0]).toBe('Wat is de treeknorm?');

      await p.goto(pageUrl({ ws: ws ? '1' : '0', user: 'dl_webchat_resume', userID: '1', resume: '1' }));
      await userBubbles(p).first().waitFor({ timeout: 30_000 });
      await expect.poll(() => texts(p), { timeout: 20_000 }).toEqual(sinceWatermark);
      // Stays that way: nothing arrives twice a moment later.
      await botSaysMoreThan(p, 0);
      expect(await texts(p)).toEqual(sinceWatermark);

      const shown = await botBubbles(p).count();
      await sendBox(p).fill('Kan de zorgverzekeraar helpen?');
      await sendBox(p).press('Enter');
      const answer = await botSaysMoreThan(p, shown);
      expect(answer.join(' ')).toMatch(/\S/);
      const after = await texts(p);
      expect(after.slice(0, sinceWatermark.length)).toEqual(sinceWatermark);
      expect(after.filter((t) => t === 'Kan de zorgverzekeraar helpen?')).toHaveLength(1);
      expect(problems).toEqual([]);
      await p.close();
    }, 120_000);
  }
});

describe('Web Chat 4.18 with its upload button left on', () => {
  it('a file the patient sends anyway gets a kind reply in the chat', async () => {
    const p = await context.newPage();
    const problems = watch(p);
    await openWithGreeting(p, { ws: '1', upload: '1' });
    const shown = await botBubbles(p).count();
    await p.locator('input[type=file]').first().setInputFiles({ name: 'verwijsbrief.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4 demo') });
    // Web Chat sends an attachment when the file is picked (sendAttachmentOn defaults to "send": press Send).
    if ((await userBubbles(p).count()) === 0) await p.locator('button.webchat__send-button').click();
    const reply = await botSaysMoreThan(p, shown);
    expect(reply.join(' ')).toContain('Ik kan geen bestanden of foto\'s ontvangen');
    // The browser and Web Chat log the refused upload (HTTP 415); nothing else went wrong.
    expect(problems.filter((m) => !/415|Failed to post activity to chat adapter/.test(m))).toEqual([]);
    await p.screenshot({ path: screenshotPath('webchat-upload-refused') });
    await p.close();
  }, 120_000);
});
