import { api, specialisms, type QueueItem } from '../api.ts';
import { h, text } from '../dom.ts';
import { formatDateTime, language, t } from '../i18n.ts';
import { alertBox, announce, errorMessage, startView, statusBadge } from '../ui.ts';

export interface QueueFilters {
  status: string;
  specialty: string;
  treeknormExceeded: string;
  overdue: string;
  minAgeDays: string;
  sort: string;
  page: number;
  pageSize: number;
}

const statusChoices = ['new', 'claimed', 'in_progress', 'resolved', 'closed'];
// "Open" is the working view: everything not finished.
const openStatuses = 'new,claimed,in_progress';

export function filtersFrom(params: URLSearchParams): QueueFilters {
  return {
    status: params.get('status') ?? 'new',
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
  if (f.status) p.set('status', f.status);
  if (f.specialty) p.set('specialty', f.specialty);
  if (f.treeknormExceeded) p.set('treeknormExceeded', f.treeknormExceeded);
  if (f.overdue) p.set('overdue', f.overdue);
  if (f.minAgeDays) p.set('minAgeDays', f.minAgeDays);
  if (f.sort !== 'priority') p.set('sort', f.sort);
  if (f.page > 1) p.set('page', String(f.page));
  if (f.pageSize !== 25) p.set('pageSize', String(f.pageSize));
  return p;
}

function select(id: string, label: string, value: string, options: [string, string][]): HTMLElement {
  const el = h('select', { id, name: id }, options.map(([v, l]) => h('option', { value: v, selected: v === value }, l)));
  return h('div', { class: 'field' }, h('label', { for: id }, label), el);
}

/** The queue: filters (kept in the address, so a view can be bookmarked), table, pager. */
export async function renderQueue(filters: QueueFilters, go: (hash: string) => void): Promise<void> {
  const heading = startView(t('queue.title'));
  const region = heading.parentElement as HTMLElement;

  const specialty = h('input', { id: 'f-specialty', name: 'specialty', inputmode: 'numeric', pattern: '\\d{4}', maxlength: 4, value: filters.specialty, 'aria-describedby': 'f-specialty-hint' });
  const minAge = h('input', { id: 'f-minAgeDays', name: 'minAgeDays', type: 'number', min: 0, max: 3650, value: filters.minAgeDays });
  const form = h('form', { class: 'filters', role: 'search', 'aria-label': t('queue.filters') },
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
    go(`#/queue?${toParams({ status: value('f-status'), specialty: value('f-specialty'), treeknormExceeded: value('f-treeknorm'), overdue: value('f-overdue'), minAgeDays: value('f-minAgeDays'), sort: value('f-sort'), page: 1, pageSize: Number(value('f-pageSize')) }).toString()}`);
  });
  region.appendChild(form);

  const results = h('section', { 'aria-labelledby': 'queue-results-title' }, h('h2', { id: 'queue-results-title' }, t('queue.results')));
  region.appendChild(results);
  const query = new URLSearchParams({ sort: filters.sort, page: String(filters.page), pageSize: String(filters.pageSize) });
  for (const key of ['status', 'specialty', 'treeknormExceeded', 'overdue', 'minAgeDays'] as const) if (filters[key]) query.set(key, filters[key]);
  let data: { items: QueueItem[]; total: number; page: number; pageSize: number };
  try {
    data = await api('GET', `/api/cases?${query.toString()}`);
  } catch (error) {
    results.appendChild(alertBox(errorMessage(error)));
    return;
  }
  const pages = Math.max(1, Math.ceil(data.total / data.pageSize));
  const summary = t('queue.summary', { count: data.total, page: data.page, pages });
  if (data.items.length === 0) {
    results.appendChild(h('p', { class: 'empty' }, t('queue.empty')));
  } else {
    const names = await specialisms();
    // A mediator reads "Oogheelkunde (0301)", not a bare code.
    const specialtyLabel = (code: string | null) => (code ? `${names.get(code)?.[language()] ?? ''} (${code})`.trim() : '–');
    const rows = data.items.map((c) =>
      h('tr', { class: c.overdue ? 'overdue' : '' },
        h('th', { scope: 'row' }, h('a', { href: `#/case/${c.reference}` }, c.reference)),
        h('td', {}, h('span', { class: `priority priority-${c.priority}` }, String(c.priority)), h('span', { class: 'visually-hidden' }, ` ${t(`priority.p${c.priority}`)}`), c.worseningReported ? h('span', { class: 'tag tag-danger' }, t('queue.worseningTag')) : null),
        h('td', {}, statusBadge(c.status)),
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
  announce(summary);
}
