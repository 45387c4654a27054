import { api } from '../api.ts';
import { h } from '../dom.ts';
import { formatDate, language, t } from '../i18n.ts';
import { alertBox, announce, errorMessage, startView, statusBadge } from '../ui.ts';

interface Stats {
  cases: { total: number; byStatus: Record<string, number> };
  outcomes: { total: number; byKind: Record<string, number> };
  helped: number;
  shareHelped: number | null;
  weeksSaved: { total: number; mean: number | null };
  firstContact: { made: number; onTime: number; shareOnTime: number | null; overdueOpen: number; medianHours: number | null };
  perWeek: { weekStart: string; created: number; firstContactMade: number; firstContactOnTime: number; helped: number; weeksSaved: number }[];
}

const statuses = ['new', 'claimed', 'in_progress', 'resolved', 'closed', 'withdrawn'];
const kinds = ['faster_place_found', 'no_faster_option', 'patient_declined', 'not_reachable'];

/** The insurer's figures (GET /api/stats): open work, first contact, and what mediation achieved. */
export async function renderStats(): Promise<void> {
  const heading = startView(t('stats.title'));
  const region = heading.parentElement as HTMLElement;
  let s: Stats;
  try {
    s = await api<Stats>('GET', '/api/stats');
  } catch (error) {
    region.appendChild(alertBox(errorMessage(error)));
    return;
  }
  const nf = (n: number) => n.toLocaleString(language() === 'en' ? 'en-GB' : 'nl-NL', { maximumFractionDigits: 1 });
  const pct = (share: number | null) => (share === null ? t('stats.none') : t('stats.share', { pct: nf(share * 100) }));
  const open = (s.cases.byStatus.new ?? 0) + (s.cases.byStatus.claimed ?? 0) + (s.cases.byStatus.in_progress ?? 0);
  const card = (id: string, label: string, figure: string, sub?: string) =>
    h('li', { id }, h('span', { class: 'label' }, label), h('span', { class: 'figure' }, figure), sub ? h('span', { class: 'sub' }, sub) : null);
  region.appendChild(h('ul', { class: 'stats-cards' },
    card('stat-open', t('stats.open'), nf(open)),
    card('stat-overdue', t('stats.overdue'), nf(s.firstContact.overdueOpen)),
    card('stat-on-time', t('stats.firstContactOnTime'), pct(s.firstContact.shareOnTime), s.firstContact.made ? t('stats.ofMade', { onTime: s.firstContact.onTime, made: s.firstContact.made }) : undefined),
    card('stat-median-contact', t('stats.medianFirstContact'), s.firstContact.medianHours === null ? t('stats.none') : t('stats.hours', { hours: nf(s.firstContact.medianHours) })),
    card('stat-helped', t('stats.helped'), pct(s.shareHelped), s.outcomes.total ? t('stats.ofMade', { onTime: s.helped, made: s.outcomes.total }) : undefined),
    card('stat-weeks-saved', t('stats.weeksSaved'), nf(s.weeksSaved.total), s.weeksSaved.mean === null ? undefined : `${t('stats.weeksSavedMean')}: ${nf(s.weeksSaved.mean)}`),
  ));
  region.appendChild(h('section', { 'aria-labelledby': 'stats-status-title' },
    h('h2', { id: 'stats-status-title' }, t('stats.byStatus')),
    h('table', { class: 'stats-status' },
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, t('stats.status')), h('th', { scope: 'col' }, t('stats.count')))),
      h('tbody', {}, statuses.map((st) => h('tr', {}, h('th', { scope: 'row' }, statusBadge(st)), h('td', { class: 'num' }, nf(s.cases.byStatus[st] ?? 0))))),
      h('tfoot', {}, h('tr', {}, h('th', { scope: 'row' }, t('stats.total')), h('td', { class: 'num' }, nf(s.cases.total)))),
    ),
  ));
  region.appendChild(h('section', { 'aria-labelledby': 'stats-outcome-title' },
    h('h2', { id: 'stats-outcome-title' }, t('stats.outcomes')),
    h('table', { class: 'stats-outcomes' },
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, t('stats.outcome')), h('th', { scope: 'col' }, t('stats.count')))),
      h('tbody', {}, kinds.map((k) => h('tr', {}, h('th', { scope: 'row' }, t(`outcome.${k}`)), h('td', { class: 'num' }, nf(s.outcomes.byKind[k] ?? 0))))),
    ),
  ));
  region.appendChild(h('section', { 'aria-labelledby': 'stats-week-title' },
    h('h2', { id: 'stats-week-title' }, t('stats.perWeek')),
    h('div', { class: 'table-scroll', role: 'region', 'aria-label': t('stats.perWeek'), tabindex: '0' },
      h('table', { class: 'stats-weeks' },
        h('caption', {}, t('stats.perWeekCaption')),
        h('thead', {}, h('tr', {}, ...['week', 'created', 'onTime', 'helped', 'weeksSaved'].map((k) => h('th', { scope: 'col' }, t(`stats.col.${k}`))))),
        h('tbody', {}, s.perWeek.map((w) => h('tr', {},
          h('th', { scope: 'row' }, t('stats.weekOf', { date: formatDate(`${w.weekStart}T12:00:00Z`) })),
          h('td', { class: 'num' }, nf(w.created)),
          h('td', { class: 'num' }, w.firstContactMade ? t('stats.ofMade', { onTime: w.firstContactOnTime, made: w.firstContactMade }) : '–'),
          h('td', { class: 'num' }, nf(w.helped)),
          h('td', { class: 'num' }, nf(w.weeksSaved)),
        ))),
      )),
  ));
  announce(t('stats.title'));
}
