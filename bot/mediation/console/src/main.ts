/**
 * The mediators' console: one script, no inline code or styles (the app's CSP holds), every text from
 * locales/<lang>/console.json, patient text always as text nodes. Hash routes: #/queue, #/case/<ref>,
 * #/audit (admins), #/stats. Built by ../build.ts into dist/console/console.js.
 */
import { api, setCsrf, type Me } from './api.ts';
import { clear, h } from './dom.ts';
import { initI18n, language, setLanguage, t } from './i18n.ts';
import { announce, focusHeading } from './ui.ts';
import { renderAudit } from './views/audit.ts';
import { renderCase } from './views/case.ts';
import { renderLogin } from './views/login.ts';
import { renderStats } from './views/stats.ts';
import { filtersFrom, renderQueue } from './views/queue.ts';

let me: Me | null = null;
// On the first page load focus stays at the top (skip link first); later views move it to their heading.
let firstView = true;

function go(hash: string): void {
  if (location.hash === hash) void route();
  else location.hash = hash;
}

function renderHeader(): void {
  const header = document.getElementById('app-header') as HTMLElement;
  clear(header);
  const other = language() === 'nl' ? 'en' : 'nl';
  const nav = h('nav', { 'aria-label': t('nav.label') },
    h('ul', {},
      me ? h('li', {}, h('a', { href: '#/queue' }, t('nav.queue'))) : null,
      me ? h('li', {}, h('a', { href: '#/stats' }, t('nav.stats'))) : null,
      me?.mediator.role === 'admin' ? h('li', {}, h('a', { href: '#/audit' }, t('nav.audit'))) : null,
      h('li', {}, h('button', { type: 'button', id: 'language', lang: other, onclick: () => void switchLanguage(other) }, t('nav.otherLanguage'))),
      me ? h('li', { class: 'who' }, t('nav.loggedInAs', { name: me.mediator.name })) : null,
      me ? h('li', {}, h('button', { type: 'button', id: 'logout', onclick: () => void logout() }, t('nav.logout'))) : null,
    ),
  );
  header.appendChild(h('p', { class: 'app-name' }, t('app.name')));
  header.appendChild(nav);
  const skip = document.querySelector('.skip-link');
  if (skip) skip.textContent = t('app.skip');
}

async function switchLanguage(lang: 'nl' | 'en'): Promise<void> {
  await setLanguage(lang);
  renderHeader();
  await route();
  (document.getElementById('language') as HTMLElement | null)?.focus();
  announce(t('nav.languageChanged'));
}

async function logout(): Promise<void> {
  try {
    await api('POST', '/api/auth/logout');
  } catch {
    // The session may have ended already; the console forgets it either way.
  }
  me = null;
  setCsrf(null);
  renderHeader();
  go('#/login');
  announce(t('nav.loggedOut'));
}

async function route(): Promise<void> {
  const hash = location.hash || '#/queue';
  // In-page anchors (the skip link) are not routes.
  if (!hash.startsWith('#/')) return;
  const [path = '', queryString = ''] = hash.slice(1).split('?');
  const params = new URLSearchParams(queryString);
  if (!me) {
    renderLogin((session) => {
      me = session;
      renderHeader();
      go(path === '/login' || path === '' ? '#/queue' : hash);
      announce(t('login.welcome', { name: session.mediator.name }));
    });
    moveFocus();
    return;
  }
  const caseMatch = /^\/case\/(ZB-[0-9A-Z]{4}-[0-9A-Z]{4})$/i.exec(path);
  if (caseMatch) await renderCase(caseMatch[1]!.toUpperCase(), me, go);
  else if (path === '/audit' && me.mediator.role === 'admin') await renderAudit(params, go);
  else if (path === '/stats') await renderStats(me.mediator.role === 'admin');
  else await renderQueue(filtersFrom(params), go);
  moveFocus();
}

function moveFocus(): void {
  if (firstView) firstView = false;
  else focusHeading();
}

async function start(): Promise<void> {
  await initI18n();
  try {
    const session = await api<Me>('GET', '/api/auth/session');
    me = session;
    setCsrf(session.csrfToken);
  } catch {
    me = null;
  }
  renderHeader();
  window.addEventListener('hashchange', () => void route());
  await route();
}

void start();
