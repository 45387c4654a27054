import { getWithDate, specialisms, type QueueItem } from '../api.ts';
import { clear, h, text } from '../dom.ts';
import { formatDateTime, language, t } from '../i18n.ts';
import { alertBox, announce, errorMessage, everyWhileShown, startView, statusBadge } from '../ui.ts';

export interface QueueFilters {
  q: string;
  status: string;
  assignee: string;
  specialty: string;
  treeknormExceeded: string;
  overdue: string;
  minAgeDays: string;
  sort: string;
  page: number;
  pageSize: number;
}

const statusChoices = ['new', 'claimed', 'in_progress', 'resolved', 'closed', 'withdrawn'];
// "Open" is the working view: everything not finished.
const openStatuses = 'new,claimed,in_progress';
/** How often the live queue asks for changes (conditional: one small change-feed query, same session). */
export const livePollMs = 10_000;

export function filtersFrom(params: URLSearchParams): QueueFilters {
  const status = params.get('status') ?? 'new';
  const assignee = params.get('assignee') ?? '';
  return {
    q: (params.get('q') ?? '').slice(0, 100),
    // "all" in the address keeps "every status" apart from the default (new).
    status: status === 'all' ? '' : status,
    assignee: ['me', 'none'].includes(assignee) ? assignee : '',
    specialty: params.get('specialty') ?? '',
    treeknormExceeded: params.get('treeknormExceeded') ?? '',
    overdue: params.get('overdue') ?? '',
    minAgeDays: params.get('minAgeDays') ?? '',
    sort: params.get('sort') ?? 'priority',
    page: Math.max(1, Number(params.get('page') ?? 1) || 1),
    pageSize: [10, 25, 50, 100].includes(Number(params.get('pageSize'))) ? Number(params.get('pageSize')) : 25,
  };
}

function toParams(f: QueueFilters): URLSearchParams {
  const p = new URLSearchParams();
  if (f.q) p.set('q', f.q);
  if (f.status !== 'new') p.set('status', f.status || 'all');
  if (f.assignee) p.set('assignee', f.assignee);
  if (f.specialty) p.set('specialty', f.specialty);
  if (f.treeknormExceeded) p.set('treeknormExceeded', f.treeknormExceeded);
  if (f.overdue) p.set('overdue', f.overdue);
  if (f.minAgeDays) p.set('minAgeDays', f.minAgeDays);
  if (f.sort !== 'priority') p.set('sort', f.sort);
  if (f.page > 1) p.set('page', String(f.page));
  if (f.pageSize !== 25) p.set('pageSize', String(f.pageSize));
  return p;
}

/** The API query for a view of the queue. */
function apiQuery(f: QueueFilters): URLSearchParams {
  const query = new URLSearchParams({ sort: f.sort, page: String(f.page), pageSize: String(f.pageSize) });
  for (const key of ['q', 'status', 'assignee', 'specialty', 'treeknormExceeded', 'overdue', 'minAgeDays'] as const) if (f[key]) query.set(key, f[key]);
  return query;
}

function select(id: string, label: string, value: string, options: [string, string][]): HTMLElement {
  const el = h('select', { id, name: id }, options.map(([v, l]) => h('option', { value: v, selected: v === value }, l)));
  return h('div', { class: 'field' }, h('label', { for: id }, label), el);
}

const blank: QueueFilters = { q: '', status: 'new', assignee: '', specialty: '', treeknormExceeded: '', overdue: '', minAgeDays: '', sort: 'priority', page: 1, pageSize: 25 };


type Page = { items: QueueItem[]; total: number; page: number; pageSize: number };

/** The queue: search, filters (kept in the address, so a view can be bookmarked), table, pager; it refreshes itself. */
export async function renderQueue(filters: QueueFilters, go: (hash: string) => void): Promise<void> {
  const heading = startView(t('queue.title'));
  const region = heading.parentElement as HTMLElement;
  const hashOfView = location.hash;

  // The three working views one click away (the same filters as the form below).
  const quick: [string, QueueFilters][] = [
    [t('queue.quickMine'), { ...blank, status: openStatuses, assignee: 'me' }],
    [t('queue.quickUnassigned'), { ...blank, status: openStatuses, assignee: 'none' }],
    [t('queue.quickAll'), { ...blank, status: openStatuses }],
  ];
  region.appendChild(h('nav', { class: 'quick-views', 'aria-label': t('queue.quickViews') }, h('ul', {}, quick.map(([label, f]) => {
    const current = !filters.q && filters.status === f.status && filters.assignee === f.assignee;
    return h('li', {}, h('a', { href: `#/queue?${toParams(f).toString()}`, 'aria-current': current ? 'page' : null, class: current ? 'current' : '' }, label));
  }))));

  // Search: name, reference (read aloud: O for 0 is fine), phone, policy number, e-mail; over every status.
  const q = h('input', { id: 'q', name: 'q', type: 'search', value: filters.q, autocomplete: 'off', maxlength: 100, 'aria-describedby': 'q-hint' });
  const searchForm = h('form', { class: 'search-row', role: 'search', 'aria-label': t('queue.search') },
    h('div', { class: 'field search' }, h('label', { for: 'q' }, t('queue.search')), q, h('span', { class: 'hint', id: 'q-hint' }, t('queue.searchHint'))),
    h('div', { class: 'field actions' }, h('button', { type: 'submit', class: 'primary', id: 'search' }, t('queue.search'))),
    filters.q ? h('div', { class: 'field actions' }, h('button', { type: 'button', id: 'clear-search', onclick: () => go(`#/queue?${toParams({ ...filters, q: '', status: 'new', page: 1 }).toString()}`) }, t('queue.clearSearch'))) : null,
  );
  searchForm.addEventListener('submit', (event) => {
    event.preventDefault();
    const value = q.value.trim();
    go(`#/queue?${toParams({ ...filters, q: value, status: value ? '' : 'new', page: 1 }).toString()}`);
  });
  region.appendChild(searchForm);

  const specialty = h('input', { id: 'f-specialty', name: 'specialty', inputmode: 'numeric', pattern: '\\d{4}', maxlength: 4, value: filters.specialty, 'aria-describedby': 'f-specialty-hint' });
  const minAge = h('input', { id: 'f-minAgeDays', name: 'minAgeDays', type: 'number', min: 0, max: 3650, value: filters.minAgeDays });
  const form = h('form', { class: 'filters', 'aria-label': t('queue.filters') },
    select('f-assignee', t('queue.view'), filters.assignee, [['', t('queue.viewAll')], ['me', t('queue.viewMine')], ['none', t('queue.viewUnassigned')]]),
    select('f-status', t('queue.status'), filters.status, [['new', t('status.new')], [openStatuses, t('queue.open')], ...statusChoices.slice(1).map((s): [string, string] => [s, t(`status.${s}`)]), ['', t('queue.all')]]),
    h('div', { class: 'field' }, h('label', { for: 'f-specialty' }, t('queue.specialty')), specialty, h('span', { class: 'hint', id: 'f-specialty-hint' }, t('queue.specialtyHint'))),
    select('f-treeknorm', t('queue.treeknorm'), filters.treeknormExceeded, [['', t('queue.any')], ['true', t('queue.exceeded')], ['false', t('queue.within')]]),
    select('f-overdue', t('queue.overdue'), filters.overdue, [['', t('queue.any')], ['true', t('queue.overdueOnly')], ['false', t('queue.onTime')]]),
    h('div', { class: 'field' }, h('label', { for: 'f-minAgeDays' }, t('queue.minAgeDays')), minAge),
    select('f-sort', t('queue.sort'), filters.sort, [['priority', t('queue.sortPriority')], ['due', t('queue.sortDue')]]),
    select('f-pageSize', t('queue.pageSize'), String(filters.pageSize), [['10', '10'], ['25', '25'], ['50', '50'], ['100', '100']]),
    h('div', { class: 'field actions' }, h('button', { type: 'submit', class: 'primary' }, t('queue.apply'))),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const value = (id: string) => (form.querySelector(`#${id}`) as HTMLInputElement | HTMLSelectElement).value.trim();
    go(`#/queue?${toParams({ q: filters.q, status: value('f-status'), assignee: value('f-assignee'), specialty: value('f-specialty'), treeknormExceeded: value('f-treeknorm'), overdue: value('f-overdue'), minAgeDays: value('f-minAgeDays'), sort: value('f-sort'), page: 1, pageSize: Number(value('f-pageSize')) }).toString()}`);
  });
  region.appendChild(form);

  const results = h('section', { 'aria-labelledby': 'queue-results-title' });
  region.appendChild(results);
  let data: Page;
  let since: Date | null;
  try {
    ({ body: data, date: since } = await getWithDate<Page>(`/api/cases?${apiQuery(filters).toString()}`));
  } catch (error) {
    results.appendChild(alertBox(errorMessage(error)));
    return;
  }
  const names = await specialisms();
  const summary = renderResults(results, filters, data, names, go, new Set());
  announce(summary);

  // Live: every few seconds one change-feed query over the whole insurer (a case that left this view
  // counts too); on a change the page is fetched again and the change announced politely.
  if (since === null) return;
  let sinceIso = since.toISOString();
  let busy = false;
  const poll = async () => {
    if (busy || document.hidden || location.hash !== hashOfView || !document.body.contains(results)) return;
    busy = true;
    try {
      const feed = await getWithDate<{ items: QueueItem[] }>(`/api/cases?updatedSince=${encodeURIComponent(sinceIso)}&pageSize=100`);
      if (feed.body.items.length === 0) return;
      sinceIso = feed.body.items.reduce((latest, i) => (i.updatedAt > latest ? i.updatedAt : latest), sinceIso);
      const changed = new Set(feed.body.items.map((i) => i.reference));
      const fresh = await getWithDate<Page>(`/api/cases?${apiQuery(filters).toString()}`);
      if (location.hash !== hashOfView) return;
      // Keep the keyboard where it was when the table is redrawn.
      const focused = document.activeElement instanceof HTMLAnchorElement && results.contains(document.activeElement) ? document.activeElement.getAttribute('href') : null;
      renderResults(results, filters, fresh.body, names, go, changed);
      if (focused) (results.querySelector(`a[href="${CSS.escape(focused)}"]`) as HTMLElement | null)?.focus();
      announce(t('queue.liveChanged', { count: changed.size }));
    } catch {
      // A missed poll is retried at the next tick; the session may have ended (the next action says so).
    } finally {
      busy = false;
    }
  };
  everyWhileShown(livePollMs, () => void poll());
}

function renderResults(results: HTMLElement, filters: QueueFilters, data: Page, names: Map<string, { nl: string; en: string }>, go: (hash: string) => void, changed: Set<string>): string {
  clear(results);
  results.appendChild(h('h2', { id: 'queue-results-title' }, filters.q ? t('queue.searchResults', { q: filters.q }) : t('queue.results')));
  results.appendChild(h('p', { class: 'live-note', id: 'live-note' }, `${t('queue.live')} ${t('queue.updatedAt', { at: formatDateTime(new Date().toISOString()) })}`));
  const pages = Math.max(1, Math.ceil(data.total / data.pageSize));
  const summary = t('queue.summary', { count: data.total, page: data.page, pages });
  if (data.items.length === 0) {
    results.appendChild(h('p', { class: 'empty' }, t('queue.empty')));
  } else {
    // A mediator reads "Oogheelkunde (0301)", not a bare code.
    const specialtyLabel = (code: string | null) => (code ? `${names.get(code)?.[language()] ?? ''} (${code})`.trim() : '–');
    const rows = data.items.map((c) =>
      h('tr', { class: [c.overdue ? 'overdue' : '', c.status === 'withdrawn' ? 'withdrawn' : '', changed.has(c.reference) ? 'changed' : ''].filter(Boolean).join(' '), 'data-reference': c.reference },
        h('th', { scope: 'row' }, h('a', { href: `#/case/${c.reference}` }, c.reference), changed.has(c.reference) ? h('span', { class: 'tag tag-warn' }, t('queue.changedTag')) : null),
        h('td', {}, h('span', { class: `priority priority-${c.priority}` }, String(c.priority)), h('span', { class: 'visually-hidden' }, ` ${t(`priority.p${c.priority}`)}`), c.worseningReported ? h('span', { class: 'tag tag-danger' }, t('queue.worseningTag')) : null),
        h('td', {}, statusBadge(c.status), c.status === 'withdrawn' ? h('span', { class: 'sub' }, t('queue.withdrawnTag')) : null, c.duplicate ? h('span', { class: 'tag tag-warn' }, t('queue.duplicateTag')) : null),
        h('td', {}, specialtyLabel(c.specialty), c.treatment ? h('span', { class: 'sub' }, c.treatment) : null),
        h('td', { class: 'num' }, c.waitingWeeks === null ? '–' : t('queue.weeksVsNorm', { weeks: c.waitingWeeks, norm: c.treeknormWeeks ?? '–' }), c.treeknormExceeded ? h('span', { class: 'tag tag-warn' }, t('queue.exceeded')) : null),
        h('td', { class: 'num' }, String(c.ageDays)),
        h('td', {}, formatDateTime(c.firstContactDueAt), c.overdue ? h('span', { class: 'tag tag-danger' }, t('queue.overdueTag')) : null),
        h('td', {}, c.claimedBy ? text(c.claimedBy.name) : '–'),
      ),
    );
    const table = h('table', { class: 'queue' },
      h('caption', {}, summary),
      h('thead', {}, h('tr', {}, ...['reference', 'priority', 'status', 'specialty', 'waiting', 'ageDays', 'firstContactDue', 'claimedBy'].map((k) => h('th', { scope: 'col' }, t(`queue.col.${k}`))))),
      h('tbody', {}, rows),
    );
    // The region scrolls sideways at high zoom; it takes focus so keyboard users can scroll it too.
    results.appendChild(h('div', { class: 'table-scroll', role: 'region', 'aria-label': t('queue.results'), tabindex: '0' }, table));
  }
  const pager = h('nav', { class: 'pager', 'aria-label': t('queue.pages') },
    h('button', { type: 'button', disabled: data.page <= 1, onclick: () => go(`#/queue?${toParams({ ...filters, page: data.page - 1 }).toString()}`) }, t('queue.previous')),
    h('span', {}, t('queue.pageOf', { page: data.page, pages })),
    h('button', { type: 'button', disabled: data.page >= pages, onclick: () => go(`#/queue?${toParams({ ...filters, page: data.page + 1 }).toString()}`) }, t('queue.next')),
  );
  results.appendChild(pager);
  return summary;
}
