import { clear, h } from './dom.ts';
import { t } from './i18n.ts';
import { ApiError } from './api.ts';

export const main = () => document.getElementById('main') as HTMLElement;

let viewTimer: number | null = null;

/** Runs `tick` every `ms` while this view is shown; the next startView stops it. */
export function everyWhileShown(ms: number, tick: () => void): void {
  if (viewTimer !== null) window.clearInterval(viewTimer);
  viewTimer = window.setInterval(tick, ms);
}

/** Starts a view: clears the main region, sets the page title, and puts focus on the heading so screen readers hear the new page. */
export function startView(title: string): HTMLElement {
  if (viewTimer !== null) window.clearInterval(viewTimer);
  viewTimer = null;
  const region = main();
  clear(region);
  document.title = `${title} – ${t('app.name')}`;
  const heading = h('h1', { tabindex: '-1', id: 'view-title' }, title);
  region.appendChild(heading);
  return heading;
}

export function focusHeading(): void {
  document.getElementById('view-title')?.focus();
}

/** Polite announcement for screen readers (the visible message is shown next to the control). */
export function announce(message: string): void {
  const status = document.getElementById('status');
  if (!status) return;
  status.textContent = '';
  // A new text node after clearing makes screen readers announce the same message twice in a row.
  window.setTimeout(() => (status.textContent = message), 50);
}

/** The message for a failed API call, in the console's language. */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) {
    const key = `errors.${error.code}`;
    const translated = t(key, { allowed: (error.details?.allowed as string[] | undefined)?.map((s) => t(`status.${s}`)).join(', ') ?? '' });
    return translated === key ? error.message : translated;
  }
  return t('errors.network');
}

/** An alert box that screen readers announce at once. */
export function alertBox(message: string): HTMLElement {
  return h('p', { class: 'alert', role: 'alert' }, message);
}

export function statusBadge(status: string): HTMLElement {
  return h('span', { class: `badge badge-${status}` }, t(`status.${status}`));
}
