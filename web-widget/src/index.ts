/**
 * Wachtwijzer widget entry, the one side-effecting module:
 *   <script src="https://HOST/widget.js" data-tenant="demo-verzekeraar" async></script>
 * Reads the tag's options, asks the server for the tenant's display settings, mounts the widget in
 * an open shadow root and defines the only global, window.Wachtwijzer. No inline script, no eval,
 * no style element or attribute (strict CSP works); nothing is stored and no conversation is
 * opened before the patient opens the chat.
 */
import { createTranslator } from './i18n.ts';
import { chooseLocale, readEmbed, readTenantConfig, resolve, toLocale, type TenantConfig } from './options.ts';
import type { TransportDeps } from './transport.ts';
import { createWidget, type Widget, type WidgetEvent } from './widget.ts';

declare const WIDGET_VERSION: string;

type Listener = (detail: Record<string, unknown>) => void;
interface Api {
  readonly version: string;
  open(): void;
  close(): void;
  setLocale(locale: string): void;
  on(event: WidgetEvent, fn: Listener): void;
  off(event: WidgetEvent, fn: Listener): void;
}

const warn = (message: string) => console.warn(`[Wachtwijzer] ${message}`);

/** The tenant's settings; 'unknown' when the server does not know the tenant, null when it could not be asked. */
async function loadTenant(base: string, tenant: string): Promise<TenantConfig | 'unknown' | null> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), 5000);
  try {
    const r = await fetch(`${base}api/widget-config?tenant=${encodeURIComponent(tenant)}`, { credentials: 'omit', signal: controller.signal });
    if (r.status === 404 || r.status === 400) return 'unknown';
    return r.ok ? readTenantConfig(await r.json()) : null;
  } catch {
    return null;
  } finally {
    clearTimeout(timer);
  }
}

function main(): void {
  const w = window as unknown as { Wachtwijzer?: Partial<Api> };
  if (typeof w.Wachtwijzer?.open === 'function') return warn('widget.js is included twice; the second copy does nothing.');
  // Constructable stylesheets keep a strict CSP possible (Chrome 73, Firefox 101, Safari 16.4); older browsers get no widget rather than a broken one.
  if (!('adoptedStyleSheets' in Document.prototype)) return warn('this browser is too old for the chat widget.');
  // The loader (widget.js) hands over its tag; the bundle's own tag carries no options.
  const handed = (window as unknown as { __wachtwijzerScript?: HTMLScriptElement }).__wachtwijzerScript;
  const script = handed ?? (document.currentScript as HTMLScriptElement | null) ?? document.querySelector<HTMLScriptElement>('script[data-tenant][src*="widget"]');
  if (!script) return warn('cannot find its script tag.');
  const { options, problems } = readEmbed({ ...script.dataset });
  problems.forEach(warn);
  if (!options) return;
  // Relative to the script, so a server behind a path prefix works too.
  const base = new URL('./', script.src).href;

  let widget: Widget | null = null;
  const queue: ((w: Widget) => void)[] = [];
  const when = (fn: (w: Widget) => void) => (widget ? fn(widget) : queue.push(fn));
  let followPage = !options.locale;
  const api: Api = Object.freeze({
    version: WIDGET_VERSION,
    open: () => when((x) => x.open()),
    close: () => when((x) => x.close()),
    setLocale(locale: string) {
      const l = toLocale(locale);
      if (!l) return warn(`setLocale: "${locale}" is not nl or en.`);
      followPage = false;
      when((x) => x.setLocale(l));
    },
    on: (event: WidgetEvent, fn: Listener) => when((x) => x.on(event, fn)),
    off: (event: WidgetEvent, fn: Listener) => when((x) => x.off(event, fn)),
  });
  w.Wachtwijzer = api;

  void loadTenant(base, options.tenant).then((tenant) => {
    if (tenant === 'unknown') return warn(`the server does not know tenant "${options.tenant}"; check data-tenant.`);
    const resolved = resolve(options, tenant);
    if (resolved.colorAdjusted) warn(`the primary colour has less than 4.5:1 contrast with white text; using ${resolved.primaryColor} instead.`);
    const deps: TransportDeps = {
      fetch: (url, init) => fetch(url, init),
      ...(typeof WebSocket === 'function' ? { socket: (url: string) => new WebSocket(url) } : {}),
      now: () => Date.now(),
      setTimeout: (fn, ms) => setTimeout(fn, ms),
      clearTimeout: (id) => clearTimeout(id as number),
      online: () => navigator.onLine,
      visible: () => document.visibilityState !== 'hidden',
      random: () => Math.random(),
    };
    const root = document.documentElement;
    const x = createWidget({ base, options: resolved, locale: chooseLocale(options.locale, root.lang, tenant?.defaultLocale), translator: createTranslator(), deps });
    // The language follows the page's lang (also when the page switches it) unless data-locale or setLocale chose one.
    new MutationObserver(() => {
      const l = toLocale(root.lang);
      if (followPage && l && l !== x.locale) x.setLocale(l);
    }).observe(root, { attributes: true, attributeFilter: ['lang'] });
    const mount = () => {
      document.body.append(x.host);
      widget = x;
      x.restore();
      queue.splice(0).forEach((fn) => fn(x));
      dispatchEvent(new CustomEvent('wachtwijzer:ready', { detail: { version: WIDGET_VERSION } }));
    };
    if (document.body) mount();
    else document.addEventListener('DOMContentLoaded', mount, { once: true });
  });
}

main();
