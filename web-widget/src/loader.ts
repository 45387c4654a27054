/**
 * widget.js: the small, stable file web teams embed. It only hands its script tag to the bundle
 * and loads the content-hashed bundle next to it, which browsers and CDNs may cache for a year
 * (a new release has a new name). No inline script, no eval: a strict CSP that allows this
 * server's scripts is enough.
 */
declare const BUNDLE_FILE: string;

const script = document.currentScript as HTMLScriptElement | null;
if (script?.src) {
  (window as unknown as { __wachtwijzerScript?: HTMLScriptElement }).__wachtwijzerScript = script;
  const bundle = document.createElement('script');
  bundle.src = new URL(BUNDLE_FILE, script.src).href;
  bundle.async = true;
  (document.head ?? document.documentElement).append(bundle);
} else {
  console.warn('[Wachtwijzer] widget.js must be loaded with a <script src> tag.');
}
