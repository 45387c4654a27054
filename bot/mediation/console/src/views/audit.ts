import { api, type AuditItem } from '../api.ts';
import { h, text } from '../dom.ts';
import { formatDateTime, t } from '../i18n.ts';
import { alertBox, announce, errorMessage, startView } from '../ui.ts';

/** The action families an admin filters by (GET /api/audit takes a prefix ending in a dot). */
export const auditFamilies = ['case.', 'auth.', 'audit.', 'api.', 'token.', 'mediator.', 'webhook.', 'settings.', 'contracts.', 'retention.', 'stats.'] as const;

export interface AuditFilters {
  case: string;
  actor: string;
  action: string;
  from: string;
  to: string;
}

const isoDay = /^\d{4}-\d{2}-\d{2}$/;

/** The filters from the address (#/audit?…), dropped when malformed so the API never answers a 400 to a hand-edited link. */
export function auditFiltersFrom(params: URLSearchParams): AuditFilters {
  const pick = (name: string, pattern: RegExp): string => {
    const v = (params.get(name) ?? '').trim();
    return pattern.test(v) ? v : '';
  };
  return {
    // A mistyped reference goes through, so the API's clear 400 says what is wrong instead of showing everything.
    case: (params.get('case') ?? '').trim().slice(0, 40).toUpperCase(),
    actor: pick('actor', /^[A-Za-z0-9_-]{1,40}$/),
    action: pick('action', /^[a-z_.]{1,60}$/),
    from: pick('from', isoDay),
    to: pick('to', isoDay),
  };
}

/** The same filters as query parameters, for the address, the list and the CSV export alike. */
export function auditParams(f: AuditFilters): URLSearchParams {
  const p = new URLSearchParams();
  for (const key of ['case', 'actor', 'action', 'from', 'to'] as const) if (f[key]) p.set(key, f[key]);
  return p;
}

type Person = { id: string; name: string; kind: 'mediator' | 'token' };

/** Who can appear as actor: the insurer's accounts and API tokens (both admin-only lists). */
async function people(): Promise<Person[]> {
  const [mediators, tokens] = await Promise.all([
    api<{ items: { id: string; name: string }[] }>('GET', '/api/mediators').then((x) => x.items).catch(() => []),
    api<{ items: { id: string; name: string }[] }>('GET', '/api/tokens').then((x) => x.items).catch(() => []),
  ]);
  return [...mediators.map((m) => ({ id: m.id, name: m.name, kind: 'mediator' as const })), ...tokens.map((m) => ({ id: m.id, name: m.name, kind: 'token' as const }))];
}

function field(id: string, label: string, control: HTMLElement, hint?: string): HTMLElement {
  return h('div', { class: 'field' }, h('label', { for: id }, label), control, hint ? h('span', { class: 'hint', id: `${id}-hint` }, hint) : null);
}

/** The NEN 7513 access log for admins: newest first, filtered by person, action (family), days and case; paged; exportable as CSV. */
export async function renderAudit(params: URLSearchParams, go: (hash: string) => void): Promise<void> {
  const heading = startView(t('audit.title'));
  const region = heading.parentElement as HTMLElement;
  const filters = auditFiltersFrom(params);
  const page = Math.max(1, Number(params.get('page') ?? 1) || 1);
  const persons = await people();

  const actorOptions = [h('option', { value: '' }, t('audit.anyone'))];
  const groups: [Person['kind'], string][] = [['mediator', t('audit.mediators')], ['token', t('audit.tokens')]];
  const actor = h('select', { id: 'audit-actor', name: 'actor' }, actorOptions,
    groups.map(([kind, label]) => {
      const members = persons.filter((p) => p.kind === kind);
      return members.length ? h('optgroup', { label }, members.map((p) => h('option', { value: p.id, selected: p.id === filters.actor }, p.name))) : null;
    }),
    // A linked id nobody in the lists has (a removed token) still shows as chosen.
    filters.actor && !persons.some((p) => p.id === filters.actor) ? h('option', { value: filters.actor, selected: true }, filters.actor) : null);
  const action = h('select', { id: 'audit-action', name: 'action' },
    h('option', { value: '' }, t('audit.anyAction')),
    auditFamilies.map((f) => h('option', { value: f, selected: f === filters.action }, t(`audit.families.${f.slice(0, -1)}`))),
    filters.action && !(auditFamilies as readonly string[]).includes(filters.action)
      ? h('option', { value: filters.action, selected: true }, t(`audit.actions.${filters.action.replace(/\./g, '_')}`, { defaultValue: filters.action }))
      : null);
  const from = h('input', { id: 'audit-from', name: 'from', type: 'date', value: filters.from });
  const to = h('input', { id: 'audit-to', name: 'to', type: 'date', value: filters.to });
  const caseInput = h('input', { id: 'audit-case', name: 'case', value: filters.case, autocomplete: 'off', maxlength: 40, 'aria-describedby': 'audit-case-hint' });
  const form = h('form', { class: 'filters', role: 'search', 'aria-label': t('audit.filter') },
    field('audit-actor', t('audit.person'), actor),
    field('audit-action', t('audit.action'), action),
    field('audit-from', t('audit.from'), from),
    field('audit-to', t('audit.to'), to),
    field('audit-case', t('audit.case'), caseInput, t('audit.caseHint')),
    h('div', { class: 'field actions' }, h('button', { type: 'submit', class: 'primary' }, t('audit.apply'))),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const chosen = auditFiltersFrom(new URLSearchParams({ case: caseInput.value, actor: actor.value, action: action.value, from: from.value, to: to.value }));
    const p = auditParams(chosen).toString();
    go(`#/audit${p ? `?${p}` : ''}`);
  });
  region.appendChild(form);

  const filterParams = auditParams(filters);
  const exportQuery = filterParams.toString();
  // A plain link: the browser sends the session cookie and saves the file the server names.
  region.appendChild(h('p', { class: 'export' },
    h('a', { id: 'audit-export', class: 'button', href: `/api/audit/export${exportQuery ? `?${exportQuery}` : ''}`, download: '' }, t('audit.export')),
    ' ', h('span', { class: 'hint' }, t('audit.exportHint'))));

  const query = new URLSearchParams({ ...Object.fromEntries(filterParams), page: String(page), pageSize: '50' });
  let data: { items: AuditItem[]; total: number; page: number; pageSize: number };
  try {
    data = await api('GET', `/api/audit?${query.toString()}`);
  } catch (error) {
    region.appendChild(alertBox(errorMessage(error)));
    return;
  }
  const pages = Math.max(1, Math.ceil(data.total / data.pageSize));
  const summary = t('audit.summary', { count: data.total, page: data.page, pages });
  const actorLabel = (a: AuditItem): string => `${t(`audit.actors.${a.actorType}`, { defaultValue: a.actorType })}${a.actorRole ? ` (${a.actorRole})` : ''}`;
  const table = h('table', { class: 'audit' },
    h('caption', {}, summary),
    h('thead', {}, h('tr', {}, ...['at', 'action', 'outcome', 'actor', 'onBehalfOf', 'case'].map((k) => h('th', { scope: 'col' }, t(`audit.col.${k}`))))),
    h('tbody', {}, data.items.map((a) => h('tr', {},
      h('td', {}, formatDateTime(a.at)),
      h('td', {}, t(`audit.actions.${a.action.replace(/\./g, '_')}`, { defaultValue: a.action })),
      h('td', {}, t(`audit.outcomes.${a.outcome}`, { defaultValue: a.outcome })),
      // The name first (what an admin recognises), the kind and the id beneath it (what the log stores).
      h('td', {}, a.actorName ? h('span', { class: 'actor-name' }, a.actorName) : actorLabel(a),
        h('span', { class: 'sub' }, a.actorName ? `${actorLabel(a)} · ${text(a.actorId)}` : text(a.actorId))),
      h('td', {}, text(a.onBehalfOfName ?? a.onBehalfOf)),
      h('td', {}, a.caseReference ? h('a', { href: `#/case/${a.caseReference}` }, a.caseReference) : '–'),
    ))),
  );
  region.appendChild(h('div', { class: 'table-scroll', role: 'region', 'aria-label': t('audit.title'), tabindex: '0' }, table));
  const base = exportQuery ? `${exportQuery}&` : '';
  region.appendChild(h('nav', { class: 'pager', 'aria-label': t('queue.pages') },
    h('button', { type: 'button', disabled: page <= 1, onclick: () => go(`#/audit?${base}page=${page - 1}`) }, t('queue.previous')),
    h('span', {}, t('queue.pageOf', { page, pages })),
    h('button', { type: 'button', disabled: page >= pages, onclick: () => go(`#/audit?${base}page=${page + 1}`) }, t('queue.next')),
  ));
  announce(summary);
}
