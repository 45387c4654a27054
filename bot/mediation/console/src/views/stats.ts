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

/** GET /api/admin/waiting-times/sync (admins): the schedule and the last runs of the NZa import. */
interface SyncRun {
  trigger: 'cli' | 'schedule';
  source: string;
  status: 'running' | 'imported' | 'rejected' | 'failed';
  startedAt: string;
  finishedAt: string | null;
  summary: { imported?: number; skipped?: number; total?: number; reason?: string | null };
}
interface SyncStatus {
  scheduled: boolean;
  everyDays: number;
  lastRun: SyncRun | null;
  lastImported: SyncRun | null;
  nextDueAt: string | null;
}

const statuses = ['new', 'claimed', 'in_progress', 'resolved', 'closed', 'withdrawn'];
const kinds = ['faster_place_found', 'no_faster_option', 'patient_declined', 'not_reachable'];

/** The insurer's figures (GET /api/stats): open work, first contact, and what mediation achieved. */
export async function renderStats(isAdmin = false): Promise<void> {
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
  if (isAdmin) region.appendChild(await syncSection(nf));
  announce(t('stats.title'));
}

/** Where the waiting times come from and whether the last import worked: admins see it with the figures. */
async function syncSection(nf: (n: number) => string): Promise<HTMLElement> {
  const section = h('section', { 'aria-labelledby': 'stats-sync-title', id: 'stats-sync' }, h('h2', { id: 'stats-sync-title' }, t('stats.sync.title')));
  let sync: SyncStatus;
  try {
    sync = await api<SyncStatus>('GET', '/api/admin/waiting-times/sync');
  } catch (error) {
    section.appendChild(alertBox(errorMessage(error)));
    return section;
  }
  const when = (iso: string | null) => (iso ? formatDate(iso) : t('stats.none'));
  const run = (r: SyncRun | null) =>
    r
      ? `${t(`stats.sync.status.${r.status}`)} · ${when(r.finishedAt ?? r.startedAt)} · ${t(`stats.sync.trigger.${r.trigger}`)}` +
        (r.summary.imported !== undefined ? ` · ${t('stats.sync.counts', { imported: nf(r.summary.imported), skipped: nf(r.summary.skipped ?? 0) })}` : '') +
        (r.summary.reason ? ` · ${r.summary.reason}` : '')
      : t('stats.sync.never');
  const rows: [string, string][] = [
    [t('stats.sync.schedule'), sync.scheduled ? t('stats.sync.every', { count: sync.everyDays }) : t('stats.sync.notScheduled')],
    [t('stats.sync.lastRun'), run(sync.lastRun)],
    [t('stats.sync.lastImported'), run(sync.lastImported)],
  ];
  if (sync.scheduled) rows.push([t('stats.sync.nextDue'), sync.nextDueAt === 'now' ? t('stats.sync.dueNow') : when(sync.nextDueAt)]);
  section.appendChild(h('dl', { class: 'sync' }, rows.flatMap(([k, v]) => [h('dt', {}, k), h('dd', {}, v)])));
  // A failed or refused last run is the one thing an admin must not miss here.
  if (sync.lastRun && (sync.lastRun.status === 'failed' || sync.lastRun.status === 'rejected')) section.appendChild(alertBox(t('stats.sync.lastFailed')));
  return section;
}
