import { api, type AuditItem } from '../api.ts';
import { h, text } from '../dom.ts';
import { formatDateTime, t } from '../i18n.ts';
import { alertBox, announce, errorMessage, startView } from '../ui.ts';

/** The NEN 7513 access log for admins: newest first, filter by case, paged. */
export async function renderAudit(params: URLSearchParams, go: (hash: string) => void): Promise<void> {
  const heading = startView(t('audit.title'));
  const region = heading.parentElement as HTMLElement;
  const caseRef = (params.get('case') ?? '').toUpperCase();
  const page = Math.max(1, Number(params.get('page') ?? 1) || 1);
  const input = h('input', { id: 'audit-case', name: 'case', value: caseRef, autocomplete: 'off', 'aria-describedby': 'audit-case-hint' });
  const form = h('form', { class: 'filters', role: 'search', 'aria-label': t('audit.filter') },
    h('div', { class: 'field' }, h('label', { for: 'audit-case' }, t('audit.case')), input, h('span', { class: 'hint', id: 'audit-case-hint' }, t('audit.caseHint'))),
    h('div', { class: 'field actions' }, h('button', { type: 'submit', class: 'primary' }, t('audit.apply'))),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const v = input.value.trim();
    go(`#/audit${v ? `?case=${encodeURIComponent(v)}` : ''}`);
  });
  region.appendChild(form);
  const query = new URLSearchParams({ page: String(page), pageSize: '50' });
  if (caseRef) query.set('case', caseRef);
  let data: { items: AuditItem[]; total: number; page: number; pageSize: number };
  try {
    data = await api('GET', `/api/audit?${query.toString()}`);
  } catch (error) {
    region.appendChild(alertBox(errorMessage(error)));
    return;
  }
  const pages = Math.max(1, Math.ceil(data.total / data.pageSize));
  const summary = t('audit.summary', { count: data.total, page: data.page, pages });
  const table = h('table', { class: 'audit' },
    h('caption', {}, summary),
    h('thead', {}, h('tr', {}, ...['at', 'action', 'outcome', 'actor', 'onBehalfOf', 'case'].map((k) => h('th', { scope: 'col' }, t(`audit.col.${k}`))))),
    h('tbody', {}, data.items.map((a) => h('tr', {},
      h('td', {}, formatDateTime(a.at)),
      h('td', {}, t(`audit.actions.${a.action.replace(/\./g, '_')}`, { defaultValue: a.action })),
      h('td', {}, t(`audit.outcomes.${a.outcome}`, { defaultValue: a.outcome })),
      h('td', {}, `${t(`audit.actors.${a.actorType}`, { defaultValue: a.actorType })}${a.actorRole ? ` (${a.actorRole})` : ''}`, h('span', { class: 'sub' }, text(a.actorId))),
      h('td', {}, text(a.onBehalfOf)),
      h('td', {}, a.caseReference ? h('a', { href: `#/case/${a.caseReference}` }, a.caseReference) : '–'),
    ))),
  );
  region.appendChild(h('div', { class: 'table-scroll', role: 'region', 'aria-label': t('audit.title'), tabindex: '0' }, table));
  const base = caseRef ? `case=${encodeURIComponent(caseRef)}&` : '';
  region.appendChild(h('nav', { class: 'pager', 'aria-label': t('queue.pages') },
    h('button', { type: 'button', disabled: page <= 1, onclick: () => go(`#/audit?${base}page=${page - 1}`) }, t('queue.previous')),
    h('span', {}, t('queue.pageOf', { page, pages })),
    h('button', { type: 'button', disabled: page >= pages, onclick: () => go(`#/audit?${base}page=${page + 1}`) }, t('queue.next')),
  ));
  announce(summary);
}
