/**
 * The widget's DOM inside an open shadow root: launcher, dialog, transcript, composer. Server text
 * reaches the DOM only through textContent or the Markdown renderer's createElement calls.
 * The transcript has two parts in one scrolling area: the restored history, outside any live
 * region, and the role="log" live region that only new messages go into. Nothing is hidden and
 * shown again (Chromium announces a shown live region as a whole): after a reload or a move to
 * another page a screen reader hears only what is new.
 */
import { renderMarkdown, parseMarkdown, resolveServerLinks } from './markdown.ts';
import type { Locale, Resolved } from './options.ts';
import { inputFor, normalizeAnswer } from './slots.ts';
import { css, themeCss } from './styles.ts';
import type { Translate } from './i18n.ts';
import { DirectLine, HttpError, type DlActivity, type Session, type TransportDeps } from './transport.ts';

export type WidgetEvent = 'caseCreated' | 'open' | 'close';
type Listener = (detail: Record<string, unknown>) => void;

export interface WidgetEnv {
  base: string;
  options: Resolved;
  locale: Locale;
  translator: (locale: Locale) => Translate;
  deps: TransportDeps;
}

interface Stored extends Session {
  v: 1;
  open: boolean;
}

const svgNs = 'http://www.w3.org/2000/svg';
const icons = {
  chat: 'M21 12a8 8 0 0 1-11.6 7.1L4 20.5l1.4-5A8 8 0 1 1 21 12z',
  close: 'M6 6l12 12M18 6L6 18',
  restart: 'M3 12a9 9 0 1 0 3-6.7M3 4v5h5',
};

function icon(path: string): SVGSVGElement {
  const svg = document.createElementNS(svgNs, 'svg');
  svg.setAttribute('viewBox', '0 0 24 24');
  svg.setAttribute('aria-hidden', 'true');
  svg.setAttribute('focusable', 'false');
  const p = document.createElementNS(svgNs, 'path');
  p.setAttribute('d', path);
  svg.append(p);
  return svg;
}

function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string> = {}, ...children: (Node | string)[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
  el.append(...children);
  return el;
}

/** Builds the widget and answers its small public API. */
export function createWidget(env: WidgetEnv) {
  const { options, deps, base } = env;
  const storageKey = `wachtwijzer:${options.tenant}`;
  let locale = env.locale;
  /** The locale's texts, with the tenant's own launcher and subtitle where it has them. */
  const translator = (l: Locale): Translate => {
    const base = env.translator(l);
    const own = options.texts[l];
    return (key, values) => (key === 'launcher' && own?.launcher) || ((key === 'subtitle' || key === 'subtitleTenant') && own?.subtitle) || base(key, values);
  };
  let t = translator(locale);
  const texts: [Element, string, string | null, (() => Record<string, string>) | undefined][] = [];
  /** Registers an element's text (or attribute) with a key, so a language change re-renders it. */
  const bind = <E extends Element>(el: E, key: string, attr: string | null = null, values?: () => Record<string, string>): E => {
    texts.push([el, key, attr, values]);
    return el;
  };
  const applyTexts = () => {
    for (const [el, key, attr, values] of texts) {
      const text = t(key, values?.());
      if (attr) el.setAttribute(attr, text);
      else el.textContent = text;
    }
  };

  // ── DOM ────────────────────────────────────────────────────────────────────────────────────
  const host = document.createElement('wachtwijzer-chat');
  const root = host.attachShadow({ mode: 'open' });
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(css);
  const theme = new CSSStyleSheet();
  theme.replaceSync(themeCss(options.primaryColor));
  root.adoptedStyleSheets = [sheet, theme];

  // Phones show the short text; the accessible name is always the full one (and contains the short one).
  const badge = h('span', { class: 'badge', 'aria-hidden': 'true', hidden: '' });
  const launcher = h('button', { type: 'button', class: 'launcher', 'aria-expanded': 'false', 'aria-controls': 'ww-dialog', 'aria-haspopup': 'dialog' }, icon(icons.chat), bind(h('span', { class: 'long' }), 'launcher'), bind(h('span', { class: 'short' }), 'launcherShort'), badge);
  let unread = 0;
  /** Replies that came while the window was closed are not announced: the launcher counts them instead. */
  const launcherName = () => {
    badge.textContent = String(unread);
    badge.hidden = !unread;
    launcher.setAttribute('aria-label', unread ? `${t('launcher')} (${t('unread', { count: unread })})` : t('launcher'));
  };
  const title = h('h2', { id: 'ww-title' });
  if (options.title) title.textContent = options.title;
  else bind(title, 'title');
  const subtitle = options.displayName ? bind(h('p', { id: 'ww-sub' }), 'subtitleTenant', null, () => ({ tenant: options.displayName })) : bind(h('p', { id: 'ww-sub' }), 'subtitle');
  const restartButton = bind(bind(h('button', { type: 'button', class: 'icon' }, icon(icons.restart)), 'restart', 'aria-label'), 'restart', 'title');
  const closeButton = bind(bind(h('button', { type: 'button', class: 'icon' }, icon(icons.close)), 'close', 'aria-label'), 'close', 'title');
  const history = h('div', { class: 'history' });
  const live = h('div', { class: 'live', role: 'log', 'aria-live': 'polite', 'aria-relevant': 'additions' });
  const log = bind(h('div', { class: 'log', role: 'group', tabindex: '0' }, history, live), 'transcript', 'aria-label');
  /** Where rendered messages go: the live log, or the quiet history while a transcript is restored. */
  let sink: HTMLElement = live;
  const typing = h('div', { class: 'typing', 'aria-hidden': 'true', hidden: '' }, h('span', { class: 'dots' }, h('i'), h('i'), h('i')), bind(h('span'), 'typing'));
  const refValue = h('p', { class: 'ref-value' });
  const copyButton = bind(h('button', { type: 'button', class: 'copy' }), 'reference.copy');
  bind(copyButton, 'reference.copyLabel', 'aria-label', () => ({ reference: refValue.textContent ?? '' }));
  const refPanel = h(
    'section',
    { class: 'ref', 'aria-labelledby': 'ww-ref-l', hidden: '' },
    h('div', { class: 'ref-text' }, bind(h('p', { class: 'ref-label', id: 'ww-ref-l' }), 'reference.label'), refValue, bind(h('p', { class: 'ref-hint' }), 'reference.hint')),
    copyButton,
  );
  const confirmYes = bind(h('button', { type: 'button' }), 'restartYes');
  const confirmNo = bind(h('button', { type: 'button' }), 'restartNo');
  const confirm = h('div', { class: 'confirm', role: 'group', 'aria-labelledby': 'ww-confirm', hidden: '' }, bind(h('p', { id: 'ww-confirm' }), 'restartConfirm'), h('div', {}, confirmYes, confirmNo));
  const status = h('p', { class: 'status', role: 'status' });
  const label = h('label', { for: 'ww-input' });
  const input = h('input', { id: 'ww-input', type: 'text', enterkeyhint: 'send' });
  const sendButton = bind(h('button', { type: 'submit', class: 'send' }), 'send');
  const form = h('form', { class: 'composer', novalidate: '' }, label, h('div', { class: 'row' }, input, sendButton));
  const dialog = h(
    'div',
    { id: 'ww-dialog', class: 'dialog', role: 'dialog', 'aria-modal': 'false', 'aria-labelledby': 'ww-title', 'aria-describedby': 'ww-sub', hidden: '' },
    h('div', { class: 'header' }, h('div', { class: 'heading' }, title, subtitle), restartButton, closeButton),
    log,
    typing,
    refPanel,
    confirm,
    status,
    form,
  );
  const wrap = h('div', { class: options.position === 'bottom-left' ? 'ww left' : 'ww' }, launcher, dialog);
  root.append(wrap);
  applyTexts();
  launcherName();

  // ── State ──────────────────────────────────────────────────────────────────────────────────
  let conn: DirectLine | null = null;
  let starting: Promise<void> | null = null;
  let slot: unknown;
  let statusKey = '';
  let typingTimer: ReturnType<typeof setTimeout> | undefined;
  let clientSeq = 0;
  const pending = new Map<string, HTMLElement>();
  const listeners = new Map<WidgetEvent, Set<Listener>>();
  const fullScreen = matchMedia('(max-width: 480px), (max-height: 560px)');

  const store = {
    read(): Stored | null {
      try {
        const raw = sessionStorage.getItem(storageKey);
        const s = raw ? (JSON.parse(raw) as Stored) : null;
        return s && s.v === 1 && typeof s.token === 'string' && typeof s.conversationId === 'string' ? s : null;
      } catch {
        return null;
      }
    },
    write(): void {
      const s = conn?.session;
      if (!s) return;
      try {
        // Only what resuming needs; never what was said.
        const value: Stored = { v: 1, conversationId: s.conversationId, token: s.token, expiresAt: s.expiresAt, lifetime: s.lifetime, watermark: s.watermark, userId: s.userId, open: !dialog.hidden };
        sessionStorage.setItem(storageKey, JSON.stringify(value));
      } catch {
        // Storage can be unavailable (private modes, sandboxed frames): the chat still works, it only does not resume.
      }
    },
    clear(): void {
      try {
        sessionStorage.removeItem(storageKey);
      } catch {
        // as above
      }
    },
  };

  function emit(event: WidgetEvent, detail: Record<string, unknown>): void {
    for (const fn of listeners.get(event) ?? []) {
      try {
        fn(detail);
      } catch (e) {
        // A host page's handler must not break the chat; its error still reaches the console.
        setTimeout(() => {
          throw e;
        });
      }
    }
    window.dispatchEvent(new CustomEvent(`wachtwijzer:${event === 'caseCreated' ? 'case-created' : event}`, { detail }));
  }

  function setStatus(key: string, ok = false): void {
    statusKey = key;
    status.className = ok ? 'status ok' : 'status';
    status.textContent = key ? t(key) : '';
  }

  function scrollDown(): void {
    log.scrollTop = log.scrollHeight;
  }

  function showTyping(on: boolean): void {
    clearTimeout(typingTimer);
    typing.hidden = !on;
    // The assistant answers within seconds; after this the dots would only mislead.
    if (on) typingTimer = setTimeout(() => (typing.hidden = true), 20_000);
  }

  function applySlot(next: unknown): void {
    slot = next;
    const spec = inputFor(next);
    input.type = spec.type;
    input.inputMode = spec.inputMode;
    input.autocomplete = spec.autocomplete as AutoFill;
    input.setAttribute('autocapitalize', spec.autocapitalize);
    input.spellcheck = spec.spellcheck;
    input.maxLength = spec.maxLength;
    label.textContent = t(`input.${spec.label}`);
    // The plain message field needs no visible label (the placeholder shows what to do); a specific question does.
    label.className = spec.label === 'message' ? 'vh' : '';
    input.placeholder = spec.label === 'message' ? `${t('input.message')}…` : '';
  }

  /** Disables the open choice buttons, marking the one that matches what the patient said. */
  function settleChoices(said: string | null): void {
    for (const b of log.querySelectorAll<HTMLButtonElement>('.choice:enabled')) {
      if (said !== null && b.value === said) b.classList.add('chosen');
      b.disabled = true;
    }
  }

  function addUserMessage(text: string): HTMLElement {
    // aria-live off: the patient does not need to hear what they just typed.
    const el = h('div', { class: 'msg user', 'aria-live': 'off' }, bind(h('span', { class: 'vh' }, t('you')), 'you'), text);
    sink.append(el);
    return el;
  }

  function addNotice(key: string): void {
    sink.append(bind(h('p', { class: 'notice' }, t(key)), key));
    scrollDown();
  }

  function showReference(reference: string, fresh: boolean): void {
    refValue.textContent = reference;
    refPanel.hidden = false;
    copyButton.setAttribute('aria-label', t('reference.copyLabel', { reference }));
    if (fresh) emit('caseCreated', { reference, tenant: options.tenant });
  }

  /** Renders one activity; `fresh` is false for restored history (no events for it). */
  function render(a: DlActivity, fresh: boolean): void {
    // The patient's data was erased on the server: clear what this page still shows of it. The
    // stored session never holds what was said; it is rewritten so nothing older than now remains.
    if (a.type === 'event' && a.name === 'conversation.erased') {
      pending.clear();
      // Empty both parts, keep them: what follows (the confirmation, a restored transcript) goes into them.
      history.replaceChildren();
      live.replaceChildren();
      refPanel.hidden = true;
      showTyping(false);
      applySlot(undefined);
      store.write();
      return;
    }
    if (a.type === 'typing' && a.from?.role !== 'user') {
      showTyping(true);
      return scrollDown();
    }
    if (a.type !== 'message') return;
    const cd = a.channelData ?? {};
    if (a.from?.role === 'user' || a.from?.id === conn?.session?.userId) {
      const mine = typeof cd.clientActivityID === 'string' ? pending.get(cd.clientActivityID) : undefined;
      if (mine) {
        mine.classList.remove('pending');
        pending.delete(cd.clientActivityID as string);
      } else {
        settleChoices(a.text ?? '');
        addUserMessage(a.text ?? '');
      }
      return;
    }
    showTyping(false);
    if (a.text) {
      const bubble = h('div', { class: 'msg bot' }, bind(h('span', { class: 'vh' }, t('assistant')), 'assistant'));
      renderMarkdown(document, parseMarkdown(resolveServerLinks(a.text, base)), bubble, t('newWindow'));
      sink.append(bubble);
      if (fresh && dialog.hidden) {
        unread += 1;
        launcherName();
      }
    }
    const actions = (a.suggestedActions?.actions ?? []).filter((x) => x.title !== undefined || x.value !== undefined);
    if (actions.length) {
      settleChoices(null);
      const group = h('div', { class: 'choices', role: 'group', 'aria-label': t('choices') });
      for (const action of actions) {
        const value = String(action.value ?? action.title);
        const b = h('button', { type: 'button', class: 'choice', value }, String(action.title ?? action.value));
        b.addEventListener('click', () => {
          if (b.disabled) return;
          b.classList.add('chosen');
          settleChoices(null);
          setStatus('');
          // A confirmation, not an error: neutral, not the error red.
          status.className = 'status info';
          status.textContent = t('chosen', { choice: b.textContent ?? value });
          input.focus();
          void send(value, false);
        });
        group.append(b);
      }
      sink.append(group);
    }
    applySlot(cd.slot);
    if (typeof cd.caseReference === 'string' && cd.caseReference) showReference(cd.caseReference, fresh);
    scrollDown();
  }

  // ── Conversation ───────────────────────────────────────────────────────────────────────────
  function transport(): DirectLine {
    const c: DirectLine = new DirectLine(base, deps, {
      activities: (list) => {
        if (conn !== c) return;
        for (const a of list) render(a, true);
      },
      status: (s) => {
        if (conn !== c) return;
        if (s === 'online') {
          if (statusKey === 'status.reconnecting' || statusKey === 'status.offline') setStatus('status.online', true);
          else if (statusKey === 'status.connecting' || statusKey === 'status.loading') setStatus('');
        } else setStatus(`status.${s}`);
      },
      session: () => {
        if (conn === c) store.write();
      },
      expired: () => {
        if (conn === c) lapsed();
      },
    });
    return c;
  }

  /** The conversation cannot go on: say so, and start a new one now (if open) or on the next open. */
  function lapsed(restart = true): void {
    conn?.stop();
    conn = null;
    store.clear();
    settleChoices(null);
    showTyping(false);
    applySlot(undefined);
    addNotice('notice.expired');
    if (restart && !dialog.hidden) void begin();
  }

  function failed(e: unknown): void {
    conn?.stop();
    conn = null;
    if (e instanceof HttpError && (e.status === 403 || e.status === 404)) {
      setStatus('status.unavailable');
      // For the web team, not the patient: the usual cause is a page origin missing from the tenant's allow-list.
      console.warn(`[Wachtwijzer] The server refused a conversation for tenant "${options.tenant}" from ${location.origin} (HTTP ${e.status}). Is this origin on the tenant's allow-list?`);
    } else setStatus(navigator.onLine ? 'status.error' : 'status.offline');
  }

  /** Resumes this tab's conversation; false when it has lapsed (a new one is needed). */
  async function resume(saved: Stored): Promise<boolean> {
    const c = (conn = transport());
    setStatus('status.loading');
    try {
      await c.resume(saved);
    } catch (e) {
      if (conn !== c) return true;
      if (e instanceof HttpError && [401, 403, 404].includes(e.status)) {
        lapsed(false);
        return false;
      }
      throw e;
    }
    const all = await c.fetchSince('');
    // What arrived after the stored watermark is new since the last page: it may be announced.
    const fresh = saved.watermark && all.watermark !== saved.watermark ? new Set((await c.fetchSince(saved.watermark)).activities.map((a) => a.id)) : new Set<string | undefined>();
    if (conn !== c) return true;
    sink = history;
    try {
      for (const a of all.activities) if (!fresh.has(a.id)) render(a, false);
    } finally {
      sink = live;
    }
    for (const a of all.activities) if (fresh.has(a.id)) render(a, true);
    c.markSeen(all.activities, all.watermark);
    scrollDown();
    setStatus('');
    c.connect();
    return true;
  }

  async function startNew(): Promise<void> {
    const c = (conn = transport());
    setStatus('status.connecting');
    await c.start(options.tenant, locale);
    if (conn !== c) return;
    store.write();
    c.connect();
  }

  /** Connects once: resumes this tab's conversation when there is one, else starts a new one. */
  function begin(): Promise<void> {
    if (conn) return Promise.resolve();
    starting ??= (async () => {
      const saved = store.read();
      try {
        if (!saved || !(await resume(saved))) await startNew();
      } catch (e) {
        failed(e);
      } finally {
        starting = null;
      }
    })();
    return starting;
  }

  async function send(text: string, typed: boolean): Promise<void> {
    const value = normalizeAnswer(slot, text);
    if (!value) return;
    if (!conn?.session) {
      await begin();
      if (!conn?.session) return;
    }
    const clientId = `c${Date.now().toString(36)}${(clientSeq++).toString(36)}`;
    if (typed) settleChoices(value);
    const bubble = addUserMessage(value);
    bubble.classList.add('pending');
    pending.set(clientId, bubble);
    // Typing dots first: they take height from the log, and the new message must stay in view.
    showTyping(true);
    scrollDown();
    try {
      await conn.send({ type: 'message', text: value, locale, textFormat: 'plain', channelData: { clientActivityID: clientId } });
    } catch {
      pending.delete(clientId);
      bubble.remove();
      showTyping(false);
      if (typed && !input.value) input.value = text;
      setStatus('status.sendFailed');
    }
  }

  // ── Opening and closing ────────────────────────────────────────────────────────────────────
  function open(focus: boolean): void {
    if (dialog.hidden) {
      dialog.hidden = false;
      unread = 0;
      launcherName();
      launcher.setAttribute('aria-expanded', 'true');
      store.write();
      emit('open', {});
      scrollDown();
    }
    // Focus moves only when the patient asked; a dialog restored on page load must not steal it.
    if (focus) input.focus();
    void begin();
  }

  function close(): void {
    if (dialog.hidden) return;
    dialog.hidden = true;
    confirm.hidden = true;
    launcher.setAttribute('aria-expanded', 'false');
    store.write();
    launcher.focus();
    emit('close', {});
  }

  function restart(): void {
    confirm.hidden = true;
    conn?.stop();
    conn = null;
    store.clear();
    pending.clear();
    history.replaceChildren();
    live.replaceChildren();
    refPanel.hidden = true;
    showTyping(false);
    applySlot(undefined);
    setStatus('');
    input.value = '';
    input.focus();
    void begin();
  }

  const syncModal = () => dialog.setAttribute('aria-modal', String(fullScreen.matches));
  fullScreen.addEventListener('change', syncModal);
  syncModal();

  launcher.addEventListener('click', () => (dialog.hidden ? open(true) : close()));
  closeButton.addEventListener('click', close);
  restartButton.addEventListener('click', () => {
    confirm.hidden = false;
    confirmYes.focus();
  });
  confirmYes.addEventListener('click', restart);
  confirmNo.addEventListener('click', () => {
    confirm.hidden = true;
    restartButton.focus();
  });
  copyButton.addEventListener('click', () => {
    const reference = refValue.textContent ?? '';
    const selectIt = () => {
      getSelection()?.selectAllChildren(refValue);
      setStatus('reference.copyFailed');
    };
    if (!navigator.clipboard) return selectIt();
    navigator.clipboard.writeText(reference).then(() => setStatus('reference.copied', true), selectIt);
  });
  dialog.addEventListener('keydown', (e) => {
    if (e.key === 'Escape') {
      e.stopPropagation();
      if (!confirm.hidden) {
        confirm.hidden = true;
        restartButton.focus();
      } else close();
    } else if (e.key === 'Tab' && fullScreen.matches) {
      // Full screen the page behind is covered (aria-modal): keep Tab inside the dialog.
      const focusable = [...dialog.querySelectorAll<HTMLElement>('button:enabled, input, a[href], [tabindex="0"]')].filter((el) => el.checkVisibility?.() ?? true);
      const first = focusable[0];
      const last = focusable.at(-1);
      if (e.shiftKey && root.activeElement === first) {
        e.preventDefault();
        last?.focus();
      } else if (!e.shiftKey && root.activeElement === last) {
        e.preventDefault();
        first?.focus();
      }
    }
  });
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const text = input.value;
    if (!text.trim()) return;
    input.value = '';
    setStatus('');
    void send(text, true);
  });
  addEventListener('online', () => {
    // The stream may have survived; if it did not, the transport reports reconnecting in a moment.
    if (statusKey === 'status.offline') setStatus(conn ? 'status.online' : '', true);
    conn?.wake();
    if (!conn && !dialog.hidden) void begin();
  });
  addEventListener('offline', () => {
    if (conn) setStatus('status.offline');
  });
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible') conn?.wake();
  });
  applySlot(undefined);

  return {
    host,
    /** Opens on load when the page asked for it or the patient had it open on the previous page. */
    restore(): void {
      const saved = store.read();
      if (saved?.open || options.open) open(false);
    },
    open: () => open(true),
    close,
    setLocale(next: Locale): void {
      locale = next;
      t = translator(next);
      applyTexts();
      launcherName();
      applySlot(slot);
      if (statusKey) setStatus(statusKey, status.classList.contains('ok'));
    },
    get locale(): Locale {
      return locale;
    },
    on(event: WidgetEvent, fn: Listener): void {
      if (!listeners.has(event)) listeners.set(event, new Set());
      listeners.get(event)!.add(fn);
    },
    off(event: WidgetEvent, fn: Listener): void {
      listeners.get(event)?.delete(fn);
    },
  };
}

export type Widget = ReturnType<typeof createWidget>;
