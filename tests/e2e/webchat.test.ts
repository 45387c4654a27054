import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, screenshotPath } from '../support/browser.ts';
import { startTestServer, type TestServer } from '../support/server.ts';

// Microsoft's own Web Chat bundle, exactly as a web team would include it (the package's dist/webchat.js).
const webChatJs = readFileSync(join(createRequire(import.meta.url).resolve('botframework-webchat/package.json'), '../dist/webchat.js'));

/** The page a Bot Framework developer would write: a token from tokens/generate, then renderWebChat. */
const page = `<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>Web Chat</title><link rel="icon" href="data:,">
<style>html,body{height:100%;margin:0}#webchat{height:100%}</style></head>
<body><div id="webchat" role="main"></div>
<script src="/webchat.js"></script>
<script>
(async () => {
  const p = new URLSearchParams(location.search);
  const api = p.get('api');
  const user = p.get('user');
  const r = await fetch(api + '/v3/directline/tokens/generate', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ tenant: 'demo-verzekeraar', locale: 'nl-NL', ...(user ? { user: { id: user } } : {}) }) });
  const { token } = await r.json();
  const directLine = window.WebChat.createDirectLine({ token, domain: api + '/v3/directline', webSocket: p.get('ws') === '1' });
  window.directLine = directLine;
  window.WebChat.renderWebChat({ directLine, locale: 'nl-NL', ...(user ? { userID: user } : {}), styleOptions: { hideUploadButton: true } }, document.getElementById('webchat'));
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
    if (path === '/') return void res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page);
    if (path === '/webchat.js') return void res.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8' }).end(webChatJs);
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => site.listen(0, '127.0.0.1', resolve));
  // Another origin than the API (127.0.0.1): a real cross-origin page, on the demo tenant's allow-list (http://localhost:*).
  siteUrl = `http://localhost:${(site.address() as AddressInfo).port}`;
  ({ context, close: closeBrowser } = await launchBrowser());
}, 60_000);

afterAll(async () => {
  await closeBrowser?.();
  await new Promise<void>((resolve) => site?.close(() => resolve()));
  await server?.close();
});

/** Everything the page reports as wrong: console errors, uncaught exceptions, failed requests. */
function watch(p: Page): string[] {
  const problems: string[] = [];
  p.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console.error: ${m.text()}`);
  });
  p.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  p.on('requestfailed', (r) => problems.push(`request failed: ${r.url()} ${r.failure()?.errorText ?? ''}`));
  return problems;
}

const botBubbles = (p: Page) => p.locator('.webchat__bubble:not(.webchat__bubble--from-user)');

for (const webSocket of [true, false]) {
  for (const user of [undefined, 'dl_webchat_patient']) {
    describe(`Microsoft's Web Chat 4.18 on a page of another origin, ${webSocket ? 'WebSocket' : 'polling'}, ${user ? 'user id bound in tokens/generate' : 'no user id (Web Chat makes one)'}`, () => {
      it("shows the greeting with its suggested actions, answers a tap and a typed question, with no CORS or other error", async () => {
        const p = await context.newPage();
        const problems = watch(p);
        await p.goto(`${siteUrl}/?api=${encodeURIComponent(server.url)}&ws=${webSocket ? 1 : 0}${user ? `&user=${user}` : ''}`);
        await p.getByText('Ik ben Wachtwijzer', { exact: false }).first().waitFor({ timeout: 20_000 });
        // The privacy link is absolute, so Web Chat renders it as a working link to this server.
        const privacy = p.getByRole('link', { name: /privacyverklaring/ });
        await privacy.first().waitFor({ timeout: 10_000 });
        expect(await privacy.first().getAttribute('href')).toBe(`${server.url}/privacy`);

        const actions = p.locator('.webchat__suggested-actions button');
        await actions.first().waitFor({ timeout: 10_000 });
        expect(await actions.count()).toBeGreaterThan(1);
        // No upload button: hideUploadButton, as the README shows.
        expect(await p.locator('.webchat__upload-button').count()).toBe(0);

        const before = await botBubbles(p).count();
        const tapped = (await actions.first().innerText()).trim();
        await actions.first().click();
        await p.locator('.webchat__bubble--from-user', { hasText: tapped }).first().waitFor({ timeout: 10_000 });
        await p.waitForFunction((n) => document.querySelectorAll('.webchat__bubble:not(.webchat__bubble--from-user)').length > n, before, { timeout: 15_000 });

        const afterTap = await botBubbles(p).count();
        const box = p.locator('input[data-id="webchat-sendbox-input"], textarea[data-id="webchat-sendbox-input"]').first();
        await box.fill('Hoe lang mag ik wachten op een knieoperatie?');
        await box.press('Enter');
        await p.waitForFunction((n) => document.querySelectorAll('.webchat__bubble:not(.webchat__bubble--from-user)').length > n, afterTap, { timeout: 15_000 });
        const answer = (await botBubbles(p).last().innerText()).trim();
        expect(answer.length).toBeGreaterThan(10);
        expect(answer).not.toMatch(/encountered an error|ging iets mis/);

        await p.screenshot({ path: screenshotPath(`webchat-${webSocket ? 'ws' : 'polling'}-${user ? 'bound' : 'unbound'}`) });
        expect(problems).toEqual([]);
        await p.close();
      }, 90_000);
    });
  }
}
