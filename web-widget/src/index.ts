/**
 * Wachtwijzer widget: one script tag, one global (window.Wachtwijzer), everything inside an open
 * shadow root. No inline script, no eval, styles through a constructable stylesheet, so a strict
 * Content-Security-Policy works. Nothing is stored before the patient opens the chat.
 */
import nl from '../../locales/nl/widget.json';
import en from '../../locales/en/widget.json';
import { DirectLineTransport, type DlActivity, type Session } from './transport.ts';
import { css } from './styles.ts';

type Strings = typeof nl;
const strings: Record<string, Strings> = { nl, en };

const script = (document.currentScript as HTMLScriptElement | null) ?? document.querySelector<HTMLScriptElement>('script[data-tenant][src*="widget"]');
const tenant = script?.dataset.tenant ?? 'demo-verzekeraar';
const base = script ? new URL(script.src, location.href).origin : location.origin;
const pageLang = (script?.dataset.locale ?? document.documentElement.lang ?? 'nl').slice(0, 2).toLowerCase();
let locale = pageLang === 'en' ? 'en' : 'nl';
const storageKey = `wachtwijzer:${tenant}`;

const host = document.createElement('div');
host.setAttribute('data-wachtwijzer', '');
const root = host.attachShadow({ mode: 'open' });
if ('adoptedStyleSheets' in root) {
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(css);
  root.adoptedStyleSheets = [sheet];
}
const el = <K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string> = {}, text?: string) => {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  if (text !== undefined) node.textContent = text;
  return node;
};

const s = () => strings[locale] ?? nl;
const launcher = el('button', { class: 'launcher', type: 'button', 'aria-haspopup': 'dialog', 'aria-expanded': 'false' }, s().launcher);
const dialog = el('div', { class: 'dialog', role: 'dialog', 'aria-modal': 'false', 'aria-labelledby': 'ww-title', hidden: '' });
const header = el('div', { class: 'header' });
const title = el('h2', { id: 'ww-title' }, script?.dataset.title ?? s().title);
const subtitle = el('p', { class: 'subtitle' }, s().subtitle);
const close = el('button', { class: 'close', type: 'button', 'aria-label': s().close }, '×');
header.append(title, subtitle, close);
const log = el('div', { class: 'log', role: 'log', 'aria-live': 'polite', 'aria-label': s().transcript, tabindex: '0' });
const actions = el('div', { class: 'actions' });
const status = el('p', { class: 'status', role: 'status' });
const form = el('form', { class: 'composer' });
const label = el('label', { for: 'ww-input', class: 'visually-hidden' }, s().input);
const input = el('input', { id: 'ww-input', type: 'text', autocomplete: 'off', placeholder: s().input, maxlength: '2000' });
const send = el('button', { type: 'submit', class: 'send' }, s().send);
form.append(label, input, send);
dialog.append(header, log, actions, status, form);
root.append(launcher, dialog);

const transport = new DirectLineTransport(base);
let session: Session | null = null;
let polling: number | undefined;
const seen = new Set<string>();

function render(activity: DlActivity): void {
  if (activity.id) {
    if (seen.has(activity.id)) return;
    seen.add(activity.id);
  }
  if (activity.type !== 'message' || !activity.text) return;
  const mine = activity.from?.id === session?.userId;
  const item = el('div', { class: mine ? 'msg user' : 'msg bot' });
  item.append(el('span', { class: 'visually-hidden' }, `${mine ? s().you : s().assistant}: `));
  // Patient and assistant text is always text; only **bold** is honoured.
  activity.text.split(/(\*\*[^*]+\*\*)/).forEach((part) => {
    item.append(part.startsWith('**') && part.endsWith('**') ? el('strong', {}, part.slice(2, -2)) : document.createTextNode(part));
  });
  log.append(item);
  if (!mine) {
    actions.replaceChildren();
    for (const a of activity.suggestedActions?.actions ?? []) {
      const b = el('button', { type: 'button', class: 'choice' }, String(a.title ?? a.value));
      b.addEventListener('click', () => void say(String(a.value ?? a.title)));
      actions.append(b);
    }
    input.type = activity.channelData?.slot === 'email' ? 'email' : activity.channelData?.slot === 'phone' ? 'tel' : 'text';
    const ref = activity.channelData?.caseReference;
    if (ref) window.dispatchEvent(new CustomEvent('wachtwijzer:case-created', { detail: { reference: ref } }));
  }
  log.scrollTop = log.scrollHeight;
}

async function pollOnce(): Promise<void> {
  if (!session) return;
  try {
    for (const a of await transport.poll(session)) render(a);
    sessionStorage.setItem(storageKey, JSON.stringify(session));
    status.textContent = '';
  } catch {
    status.textContent = s().offline;
  }
}

async function say(text: string): Promise<void> {
  if (!session || !text.trim()) return;
  actions.replaceChildren();
  try {
    await transport.send(session, text.trim(), locale);
    await pollOnce();
  } catch {
    status.textContent = s().error;
  }
}

async function open(): Promise<void> {
  dialog.hidden = false;
  launcher.setAttribute('aria-expanded', 'true');
  input.focus();
  if (session) return;
  status.textContent = s().connecting;
  try {
    const saved = sessionStorage.getItem(storageKey);
    session = await transport.open(tenant, locale, saved ? (JSON.parse(saved) as Session) : null);
    if (session.watermark === '' || saved) {
      session.watermark = '';
    }
    await pollOnce();
    polling = window.setInterval(() => void pollOnce(), 1500);
  } catch {
    status.textContent = s().error;
  }
}

function closeDialog(): void {
  dialog.hidden = true;
  launcher.setAttribute('aria-expanded', 'false');
  launcher.focus();
}

launcher.addEventListener('click', () => void open());
close.addEventListener('click', closeDialog);
dialog.addEventListener('keydown', (e) => {
  if (e.key === 'Escape') closeDialog();
});
form.addEventListener('submit', (e) => {
  e.preventDefault();
  const text = input.value;
  input.value = '';
  void say(text);
});

const api = {
  open: () => void open(),
  close: closeDialog,
  setLocale(next: string) {
    locale = next === 'en' ? 'en' : 'nl';
  },
};
(window as unknown as { Wachtwijzer: typeof api }).Wachtwijzer = api;
const mount = () => document.body.append(host);
if (document.body) mount();
else document.addEventListener('DOMContentLoaded', mount);
if (sessionStorage.getItem(storageKey) || script?.dataset.open === 'true') void open();
void polling;
