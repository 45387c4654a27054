import { parseMarkdown, renderMarkdown, resolveServerLinks } from '../../../../../web-widget/src/markdown.ts';
import { api, ApiError, getWithDate, specialisms, type Alternative, type CaseDetail, type Colleague, type Me, type Note, type Outcome } from '../api.ts';
import { h, text } from '../dom.ts';
import { formatDate, formatDateTime, language, t } from '../i18n.ts';
import { livePollMs } from './queue.ts';
import { alertBox, announce, errorMessage, everyWhileShown, focusHeading, startView, statusBadge } from '../ui.ts';

const noteMax = 2000;
const openStatuses = ['new', 'claimed', 'in_progress'];

function dl(rows: ([string, string | Node | (string | Node | null)[]] | null)[], cls = 'facts'): HTMLElement {
  return h('dl', { class: cls }, rows.flatMap((row) => (row ? [h('dt', {}, row[0]), h('dd', {}, ...(Array.isArray(row[1]) ? row[1] : [row[1]]))] : [])));
}

const yesNo = (v: unknown) => (v === true ? t('common.yes') : v === false ? t('common.no') : t('case.unknown'));
const str = (v: unknown): string | null => (typeof v === 'string' && v.trim() ? v : null);
const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

/** A phone number as a tel: address (digits and a leading +); the number is shown as the patient gave it. */
export function telHref(phone: string): string {
  const trimmed = phone.trim();
  return `tel:${trimmed.startsWith('+') ? '+' : ''}${trimmed.replace(/\D/g, '')}`;
}

type Run = (action: () => Promise<unknown>, success: string) => void;

/**
 * One case on one screen: who to call and what it is about at the top (patient, request, actions),
 * then faster places with the outcome form, and notes; transcript, history and details below.
 */
export async function renderCase(reference: string, me: Me, go: (hash: string) => void, notice?: { text: string; error: boolean }): Promise<void> {
  const heading = startView(t('case.title', { reference }));
  const region = heading.parentElement as HTMLElement;
  region.insertBefore(h('p', { class: 'back' }, h('a', { href: '#/queue' }, t('case.back'))), heading);
  let c: CaseDetail;
  let notes: Note[];
  try {
    [c, { items: notes }] = await Promise.all([api<CaseDetail>('GET', `/api/cases/${encodeURIComponent(reference)}`), api<{ items: Note[] }>('GET', `/api/cases/${encodeURIComponent(reference)}/notes`)]);
  } catch (error) {
    region.appendChild(alertBox(errorMessage(error)));
    return;
  }
  const reload = async (message: string, error = false) => {
    await renderCase(reference, me, go, { text: message, error });
    focusHeading();
    announce(message);
  };
  const feedback = h('div', { id: 'case-feedback' });
  if (notice) feedback.appendChild(notice.error ? alertBox(notice.text) : h('p', { class: 'success' }, notice.text));
  const run: Run = (action, success) => {
    feedback.replaceChildren();
    action()
      .then(() => reload(success))
      .catch((error: unknown) => {
        // Someone else changed or holds the case: say who, and show the case as it is now.
        const holder = error instanceof ApiError ? (error.details?.holder as { name?: string | null; kind?: string } | null | undefined) : undefined;
        if (error instanceof ApiError && (error.status === 409 || error.status === 403) && (holder || error.status === 409)) {
          const who = holder ? (holder.kind === 'api_token' ? t('case.heldBySystem', { name: holder.name ?? '' }) : text(holder.name)) : null;
          void reload(who ? t('errors.heldBy', { name: who }) : t('errors.changedMeanwhile'), true);
          return;
        }
        feedback.appendChild(alertBox(errorMessage(error)));
      });
  };

  const r = c.request;
  const names = await specialisms();
  const specialtyName = typeof r.specialty === 'string' ? names.get(r.specialty)?.[language()] : undefined;
  const p = (r.patient ?? {}) as Record<string, unknown>;
  const applicant = r.applicant && typeof r.applicant === 'object' ? (r.applicant as Record<string, unknown>) : null;
  const withdrawn = c.status === 'withdrawn';
  const withdrawal = c.history.find((e) => e.type === 'status' && e.to === 'withdrawn');

  region.appendChild(h('div', { class: 'case-summary' },
    statusBadge(c.status),
    h('span', { class: `priority priority-${c.priority}` }, t('case.priority', { priority: c.priority }), ` – ${t(`priority.p${c.priority}`)}`),
    c.worseningReported ? h('span', { class: 'tag tag-danger', id: 'worsening-flag' }, t('queue.worseningTag')) : null,
    c.overdue ? h('span', { class: 'tag tag-danger' }, t('queue.overdueTag')) : null,
    c.duplicate ? h('span', { class: 'tag tag-warn' }, t('case.duplicateTag')) : null,
    c.anonymised && !withdrawn ? h('span', { class: 'tag' }, t('case.anonymised')) : null,
  ));
  region.appendChild(feedback);
  if (withdrawn) {
    region.appendChild(h('div', { class: 'notice-withdrawn', id: 'withdrawn-notice', role: 'note' },
      h('p', { class: 'notice-title' }, t('case.withdrawnTitle')),
      h('p', {}, withdrawal ? t('case.withdrawnAt', { at: formatDateTime(withdrawal.at) }) : t('case.withdrawnNoDate')),
    ));
  }

  const top = h('div', { class: 'case-grid' });
  top.appendChild(patientPanel(p, applicant, r, c));
  top.appendChild(requestPanel(c, r, specialtyName));
  top.appendChild(await actionsPanel(c, me, run, feedback));
  region.appendChild(top);

  const middle = h('div', { class: 'case-grid case-grid-wide' });
  const work = h('div', { class: 'case-work' });
  work.appendChild(alternativesPanel(c));
  work.appendChild(outcomeSection(c, run));
  middle.appendChild(work);
  middle.appendChild(notesSection(c, notes, run));
  region.appendChild(middle);

  const bottom = h('div', { class: 'case-grid case-grid-wide' });
  bottom.appendChild(transcriptPanel(c));
  bottom.appendChild(detailsPanel(c, me));
  region.appendChild(bottom);

  // Someone else changed the case meanwhile (a colleague, a system, the patient): say so and offer the
  // new state, without redrawing under the mediator's hands (a half-written note stays).
  const hashOfView = location.hash;
  let told = false;
  everyWhileShown(livePollMs, () => {
    if (told || document.hidden || location.hash !== hashOfView) return;
    getWithDate<{ items: { reference: string; updatedAt: string }[] }>(`/api/cases?q=${encodeURIComponent(c.reference)}&updatedSince=${encodeURIComponent(c.updatedAt)}&pageSize=10`)
      .then(({ body }) => {
        if (told || location.hash !== hashOfView || !body.items.some((i) => i.reference === c.reference)) return;
        told = true;
        feedback.appendChild(h('div', { class: 'notice-changed', id: 'changed-notice' },
          h('p', {}, t('case.changedElsewhere')),
          h('button', { type: 'button', id: 'show-new-state', onclick: () => void reload(t('case.showingNewState')) }, t('case.showNewState'))));
        announce(t('case.changedElsewhere'));
      })
      .catch(() => {
        // Tried again at the next tick.
      });
  });
}

function patientPanel(p: Record<string, unknown>, applicant: Record<string, unknown> | null, r: Record<string, unknown>, c: CaseDetail): HTMLElement {
  const phone = str(applicant?.phone) ?? str(p.phone);
  const email = str(applicant?.email) ?? str(p.email);
  const preference = str(r.contactPreference);
  const contact = h('ul', { class: 'contact-links' },
    phone ? h('li', {}, h('a', { href: telHref(phone), id: 'patient-phone', class: 'contact-link' }, h('span', { class: 'contact-kind' }, `${t('fields.phone')}: `), phone)) : null,
    email ? h('li', {}, h('a', { href: `mailto:${email}`, id: 'patient-email', class: 'contact-link' }, h('span', { class: 'contact-kind' }, `${t('fields.email')}: `), email)) : null,
  );
  const consent = (r.consent ?? {}) as Record<string, unknown>;
  return h('section', { class: 'panel panel-patient', 'aria-labelledby': 'patient-title' },
    h('h2', { id: 'patient-title' }, t('case.patient')),
    h('p', { class: 'patient-name', id: 'patient-name' }, c.anonymised ? t('case.nameErased') : text(p.fullName)),
    applicant ? h('p', { class: 'applicant' }, t('case.applicantCall', { name: text(applicant.fullName), relation: text(applicant.relation) })) : null,
    phone || email ? contact : h('p', { class: 'hint' }, c.anonymised ? t('case.contactErased') : t('case.noContact')),
    dl([
      [t('fields.contactPreference'), preference ? t(`contact.${preference}`, { defaultValue: preference }) : '–'],
      [t('fields.dateOfBirth'), typeof p.dateOfBirth === 'string' ? formatDate(`${p.dateOfBirth}T12:00:00Z`) : '–'],
      [t('fields.policyNumber'), text(p.policyNumber)],
      [t('fields.locale'), t(`languages.${c.locale}`, { defaultValue: c.locale })],
      [t('fields.consent'), consent.given === true ? t('case.consentGiven', { at: formatDateTime(typeof consent.at === 'string' ? consent.at : null) }) : t('common.no')],
    ], 'facts facts-compact'),
  );
}

function requestPanel(c: CaseDetail, r: Record<string, unknown>, specialtyName: string | undefined): HTMLElement {
  const weeks = num(r.waitingWeeks);
  const norm = num(r.treeknormWeeks);
  const over = weeks !== null && norm !== null ? weeks - norm : null;
  const waiting: (string | Node | null)[] = [weeks === null ? '–' : t('case.weeks', { count: weeks })];
  if (norm !== null) waiting.push(h('span', { class: 'sub' }, t('case.normWeeks', { count: norm })));
  if (r.treeknormExceeded === true && over !== null && over > 0) waiting.push(h('span', { class: 'tag tag-warn', id: 'treeknorm-excess' }, t('case.overNorm', { count: over })));
  else if (r.treeknormExceeded === true) waiting.push(h('span', { class: 'tag tag-warn', id: 'treeknorm-excess' }, t('queue.exceeded')));
  else if (r.treeknormExceeded === false) waiting.push(h('span', { class: 'tag' }, t('queue.within')));
  const careType = str(r.careType);
  const reasons = [
    c.worseningReported ? t('case.reasonWorsening') : null,
    r.treeknormExceeded === true ? t('case.reasonExceeded') : null,
    r.postponed === true ? t('case.reasonPostponed') : null,
    c.overdue ? t('case.reasonOverdue') : null,
  ].filter((x): x is string => x !== null);
  const radius = num(r.maxTravelKm);
  const postcode = str(r.postcode);
  const due = c.firstContactDueAt;
  const dueParts: (string | Node | null)[] = [formatDateTime(due)];
  if (c.firstContactAt) dueParts.push(h('span', { class: 'sub' }, t('case.firstContactMade', { at: formatDateTime(c.firstContactAt) })));
  else if (due && openStatuses.includes(c.status)) dueParts.push(h('span', { class: c.overdue ? 'tag tag-danger' : 'sub' }, c.overdue ? t('queue.overdueTag') : t('case.dueIn', { hours: Math.max(0, Math.round((Date.parse(due) - Date.now()) / 3_600_000)) })));
  return h('section', { class: 'panel panel-request', 'aria-labelledby': 'request-title' },
    h('h2', { id: 'request-title' }, t('case.request')),
    dl([
      // The treatment as the chat recognised it (a lexicon term), under the specialism it belongs to.
      [t('fields.treatment'), [str(r.treatment) ?? t('case.treatmentUnknown'), h('span', { class: 'sub' }, specialtyName ? `${specialtyName} (${String(r.specialty)})` : text(r.specialty))]],
      [t('fields.careType'), careType ? t(`careTypes.${careType}`, { defaultValue: careType }) : '–'],
      [t('fields.hospital'), text(r.hospital)],
      [t('fields.waiting'), waiting],
      [t('fields.postponed'), h('span', { id: 'postponed-flag' }, yesNo(r.postponed))],
      [t('fields.urgency'), [t(`priority.p${c.priority}`), reasons.length ? h('span', { class: 'sub' }, reasons.join(' · ')) : null,
        r.doctorUrgency !== undefined && r.doctorUrgency !== null ? h('span', { class: 'sub' }, `${t('fields.doctorUrgency')}: ${typeof r.doctorUrgency === 'object' ? JSON.stringify(r.doctorUrgency) : String(r.doctorUrgency)}`) : null]],
      [t('fields.travel'), radius !== null || postcode ? t('case.travel', { km: radius ?? '–', postcode: postcode ?? '–' }) : '–'],
      [t('fields.firstContactDueAt'), dueParts],
      c.duplicates.length ? [t('fields.duplicates'), c.duplicates.map((d) => h('span', { class: 'dup' }, h('a', { href: `#/case/${d.reference}` }, d.reference), ` (${t(`status.${d.status}`)})`))] : null,
    ], 'facts facts-compact'),
  );
}

async function actionsPanel(c: CaseDetail, me: Me, run: Run, feedback: HTMLElement): Promise<HTMLElement> {
  const section = h('section', { class: 'panel panel-actions', 'aria-labelledby': 'actions-title' }, h('h2', { id: 'actions-title' }, t('case.actions')));
  const holder = c.claimedBy;
  const isAdmin = me.mediator.role === 'admin';
  const mine = holder?.id === me.mediator.id;
  const tokenHeld = holder?.kind === 'api_token';
  // Mirrors the API's rule: the holder, an admin, or anyone when a system token holds the case.
  const mayWork = !holder || mine || isAdmin || tokenHeld;
  const open = openStatuses.includes(c.status);

  if (holder && open) {
    section.appendChild(h('p', { class: 'holder', id: 'holder' },
      mine ? t('case.heldByYou', { at: formatDateTime(c.claimedAt) }) : tokenHeld ? t('case.heldByToken', { name: text(holder.name), at: formatDateTime(c.claimedAt) }) : t('case.heldByOther', { name: text(holder.name), at: formatDateTime(c.claimedAt) })));
  }
  const buttons = h('div', { class: 'button-row' });
  const ref = c.reference;
  if (c.status === 'new') buttons.appendChild(h('button', { type: 'button', class: 'primary', id: 'claim', onclick: () => run(() => api('POST', `/api/cases/${ref}/claim`), t('case.claimed')) }, t('case.claim')));
  if (holder && open && !mine && (tokenHeld || isAdmin)) {
    buttons.appendChild(h('button', { type: 'button', class: 'primary', id: 'take-over', onclick: () => run(() => api('POST', `/api/cases/${ref}/assign`, { mediatorId: me.mediator.id }), t('case.tookOver')) }, t('case.takeOver')));
  }
  if ((c.status === 'claimed' || c.status === 'in_progress') && mayWork) {
    buttons.appendChild(h('button', { type: 'button', id: 'release', onclick: () => run(() => api('POST', `/api/cases/${ref}/release`), t('case.released')) }, t('case.release')));
  }
  if (buttons.childNodes.length) section.appendChild(buttons);

  // Give the case to a colleague: the holder, an admin, or anyone when a token holds it; a new case only an admin.
  if (open && (c.status === 'new' ? isAdmin : mayWork)) {
    const colleagues = await api<{ items: Colleague[] }>('GET', '/api/colleagues').then((x) => x.items).catch(() => [] as Colleague[]);
    const choices = colleagues.filter((m) => m.id !== holder?.id);
    if (choices.length) {
      const select = h('select', { id: 'assign-to', name: 'mediatorId' },
        h('option', { value: '' }, t('case.assignPick')),
        choices.map((m) => h('option', { value: m.id }, m.id === me.mediator.id ? t('case.assignMe', { name: m.name }) : m.name)));
      const form = h('form', { class: 'inline-form compact', 'aria-label': t('case.assign') },
        h('div', { class: 'field' }, h('label', { for: 'assign-to' }, t('case.assignTo')), select),
        h('div', { class: 'field actions' }, h('button', { type: 'submit', id: 'assign' }, t('case.assign'))),
      );
      form.addEventListener('submit', (event) => {
        event.preventDefault();
        if (!select.value) {
          feedback.replaceChildren(alertBox(t('case.assignMissing')));
          select.focus();
          return;
        }
        const name = choices.find((m) => m.id === select.value)?.name ?? '';
        run(() => api('POST', `/api/cases/${ref}/assign`, { mediatorId: select.value }), t('case.assigned', { name }));
      });
      section.appendChild(form);
    }
  }

  // The status form never preselects a target: closing (or anything else) is an explicit choice.
  const targets = c.allowedTransitions.filter((s) => s !== 'claimed' && s !== 'new');
  if (targets.length && (c.status === 'new' || mayWork)) {
    const statusSelect = h('select', { id: 'new-status', name: 'status' },
      h('option', { value: '', selected: true }, t('case.statusPick')),
      targets.map((s) => h('option', { value: s }, t(`status.${s}`))));
    const reason = h('input', { id: 'close-reason', name: 'reason', maxlength: 500, autocomplete: 'off' });
    const reasonField = h('div', { class: 'field', id: 'close-reason-field', hidden: true }, h('label', { for: 'close-reason' }, t('case.closeReason')), reason);
    statusSelect.addEventListener('change', () => (reasonField.hidden = statusSelect.value !== 'closed'));
    const form = h('form', { class: 'inline-form compact', 'aria-label': t('case.changeStatus') },
      h('div', { class: 'field' }, h('label', { for: 'new-status' }, t('case.newStatus')), statusSelect),
      reasonField,
      h('div', { class: 'field actions' }, h('button', { type: 'submit', id: 'set-status' }, t('case.changeStatus'))),
    );
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      if (!statusSelect.value) {
        feedback.replaceChildren(alertBox(t('case.statusMissing')));
        statusSelect.focus();
        return;
      }
      if (statusSelect.value === 'closed' && !reason.value.trim()) {
        feedback.replaceChildren(alertBox(t('case.closeReasonMissing')));
        reason.focus();
        return;
      }
      const body = statusSelect.value === 'closed' ? { status: statusSelect.value, reason: reason.value.trim() } : { status: statusSelect.value };
      run(() => api('POST', `/api/cases/${ref}/status`, body), t('case.statusChanged', { status: t(`status.${statusSelect.value}`) }));
    });
    section.appendChild(form);
  }

  if (c.reopenable) {
    const reason = h('input', { id: 'reopen-reason', name: 'reason', maxlength: 500, autocomplete: 'off' });
    const form = h('form', { class: 'inline-form compact', 'aria-label': t('case.reopen') },
      h('div', { class: 'field' }, h('label', { for: 'reopen-reason' }, t('case.reopenReason')), reason),
      h('div', { class: 'field actions' }, h('button', { type: 'submit', id: 'reopen' }, t('case.reopen'))),
    );
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      if (!reason.value.trim()) {
        feedback.replaceChildren(alertBox(t('case.reopenReasonMissing')));
        reason.focus();
        return;
      }
      run(() => api('POST', `/api/cases/${ref}/reopen`, { reason: reason.value.trim() }), t('case.reopened'));
    });
    section.appendChild(form);
  }
  if (section.childNodes.length === 1 || (section.childNodes.length === 2 && section.querySelector('#holder'))) {
    section.appendChild(h('p', {}, open ? t('case.askHolder') : c.status === 'withdrawn' ? t('case.withdrawnNoActions') : t('case.noActions')));
  }
  return section;
}

function alternativesPanel(c: CaseDetail): HTMLElement {
  const section = h('section', { class: 'panel', 'aria-labelledby': 'alternatives-title' }, h('h2', { id: 'alternatives-title' }, t('alternatives.title')));
  const r = c.request;
  if (c.anonymised) {
    section.appendChild(h('p', { class: 'hint' }, t('alternatives.anonymised')));
    return section;
  }
  if (c.alternatives.length === 0) {
    section.appendChild(h('p', { class: 'empty' }, typeof r.postcode === 'string' && typeof r.maxTravelKm === 'number' ? t('alternatives.none', { km: r.maxTravelKm, postcode: r.postcode }) : t('alternatives.missingData')));
    return section;
  }
  const demo = c.alternatives.some((a) => a.isDemo);
  // One line per place; the first few show, the rest one click away, so the outcome and notes stay near.
  const shown = 4;
  const row = (a: Alternative) => h('tr', {},
    h('th', { scope: 'row' }, placeName(a), a.isDemo ? h('span', { class: 'tag tag-warn tag-small' }, t('alternatives.demo')) : null),
    h('td', { class: 'num' }, t('alternatives.km', { km: a.distanceKm.toLocaleString(language() === 'en' ? 'en-GB' : 'nl-NL', { maximumFractionDigits: 1 }) })),
    h('td', { class: 'num' }, t('case.weeks', { count: a.weeks })),
    h('td', { class: 'num' }, a.weeksSaved === null ? '–' : t('alternatives.saved', { count: a.weeksSaved })),
    h('td', { class: 'num' }, formatDate(a.measuredAt), a.freshness === 'aging' ? h('span', { class: 'tag tag-warn tag-small' }, t('alternatives.aging')) : null),
    h('td', {}, a.contracted === true ? t('alternatives.contracted') : a.contracted === false ? h('span', { class: 'tag tag-warn tag-small' }, t('alternatives.notContracted')) : '–'),
  );
  const more = h('tbody', { id: 'alternatives-more', hidden: true }, c.alternatives.slice(shown).map(row));
  const table = h('table', { class: 'alternatives' },
    h('caption', {}, t('alternatives.caption', { count: c.alternatives.length, km: text(r.maxTravelKm), postcode: text(r.postcode) })),
    h('thead', {}, h('tr', {}, ...['hospital', 'distance', 'weeks', 'saved', 'measured', 'contract'].map((k) => h('th', { scope: 'col' }, t(`alternatives.col.${k}`))))),
    h('tbody', {}, c.alternatives.slice(0, shown).map(row)),
    c.alternatives.length > shown ? more : null,
  );
  section.appendChild(h('div', { class: 'table-scroll', role: 'region', 'aria-label': t('alternatives.title'), tabindex: '0' }, table));
  if (c.alternatives.length > shown) {
    const toggle: HTMLButtonElement = h('button', { type: 'button', class: 'link-button', id: 'alternatives-toggle', 'aria-expanded': 'false', 'aria-controls': 'alternatives-more', onclick: () => {
      more.hidden = !more.hidden;
      toggle.setAttribute('aria-expanded', String(!more.hidden));
      toggle.textContent = more.hidden ? t('alternatives.showAll', { count: c.alternatives.length }) : t('alternatives.showFewer');
    } }, t('alternatives.showAll', { count: c.alternatives.length }));
    section.appendChild(toggle);
  }
  if (demo) section.appendChild(h('p', { class: 'hint', id: 'alternatives-demo' }, t('alternatives.demoNote')));
  return section;
}

/** "HagaZiekenhuis Den Haag" rather than "HagaZiekenhuis – HagaZiekenhuis Den Haag, Den Haag": the location names the hospital already. */
function placeName(a: Alternative): string {
  const base = a.location && a.location.includes(a.hospital) ? a.location : [a.hospital, a.location].filter(Boolean).join(', ');
  return a.city && !base.includes(a.city) ? `${base}, ${a.city}` : base;
}

const alternativeLabel = (a: Alternative) => t('outcome.alternativeOption', { place: placeName(a), weeks: a.weeks, km: Math.round(a.distanceKm * 10) / 10 }) + (a.isDemo ? ` – ${t('alternatives.demo')}` : '');

/**
 * Suggestions for a typed "other hospital": the reference list's hospitals and locations with figures for
 * this case's specialism within 300 km of the patient (the existing GET /api/waiting-times). The fields stay
 * free text; without a specialism or a known postcode there are simply no suggestions.
 */
function hospitalSuggestions(request: Record<string, unknown>): HTMLElement[] {
  const providers = h('datalist', { id: 'o-provider-list' });
  const locations = h('datalist', { id: 'o-location-list' });
  const specialty = typeof request.specialty === 'string' && /^\d{4}$/.test(request.specialty) ? request.specialty : null;
  const near = typeof request.postcode === 'string' ? request.postcode : null;
  if (specialty && near) {
    const query = new URLSearchParams({ specialty, near, radiusKm: '300' });
    void api<{ results: { hospital: string; location: string; city: string }[] }>('GET', `/api/waiting-times?${query.toString()}`)
      .then(({ results }) => {
        const sorted = (values: string[]) => [...new Set(values)].sort((a, b) => a.localeCompare(b, 'nl'));
        for (const name of sorted(results.map((r) => r.hospital))) providers.appendChild(h('option', { value: name }));
        for (const name of sorted(results.map((r) => (r.city && !r.location.includes(r.city) ? `${r.location}, ${r.city}` : r.location)))) locations.appendChild(h('option', { value: name }));
      })
      .catch(() => undefined);
  }
  return [providers, locations];
}

function outcomeSection(c: CaseDetail, run: Run): HTMLElement {
  const section = h('section', { class: 'panel', 'aria-labelledby': 'outcome-title' }, h('h2', { id: 'outcome-title' }, t('case.outcome')));
  if (c.outcome) section.appendChild(dl(outcomeRows(c.outcome)));
  const editable = c.status === 'claimed' || c.status === 'in_progress' || ((c.status === 'resolved' || c.status === 'closed') && !c.outcome);
  if (!editable) {
    if (!c.outcome) section.appendChild(h('p', {}, c.status === 'new' ? t('case.outcomeClaimFirst') : '–'));
    return section;
  }
  const kinds: Outcome['kind'][] = ['faster_place_found', 'no_faster_option', 'patient_declined', 'not_reachable'];
  const radios = kinds.map((kind) => h('div', { class: 'radio' },
    h('input', { type: 'radio', name: 'outcome-kind', id: `kind-${kind}`, value: kind, checked: c.outcome?.kind === kind }),
    h('label', { for: `kind-${kind}` }, t(`outcome.${kind}`))));
  const field = (id: string, label: string, type = 'text', required = false, list?: string) =>
    h('div', { class: 'field' }, h('label', { for: id }, label, required ? h('span', { class: 'required' }, ` (${t('common.required')})`) : null), h('input', { id, name: id, type, maxlength: type === 'text' ? 200 : null, list: list ?? null }));
  // The new place comes from the faster places found for this case, or is typed when it is another one.
  const alternatives = c.alternatives;
  const picker = alternatives.length
    ? h('div', { class: 'field' },
        h('label', { for: 'o-pick' }, t('outcome.pick'), h('span', { class: 'required' }, ` (${t('common.required')})`)),
        h('select', { id: 'o-pick', name: 'o-pick' },
          h('option', { value: '' }, t('outcome.pickPlaceholder')),
          alternatives.map((a, i) => h('option', { value: String(i) }, alternativeLabel(a))),
          h('option', { value: 'other' }, t('outcome.pickOther'))))
    : null;
  const typed = h('div', { class: 'typed-place', id: 'typed-place', hidden: picker !== null },
    field('o-provider', t('outcome.provider'), 'text', true, 'o-provider-list'),
    field('o-location', t('outcome.location'), 'text', false, 'o-location-list'),
    ...hospitalSuggestions(c.request));
  const saved = h('p', { class: 'hint', id: 'o-saved', 'aria-live': 'polite' });
  const faster = h('fieldset', { id: 'faster-fields', hidden: c.outcome?.kind !== 'faster_place_found' },
    h('legend', {}, t('outcome.whereWhen')),
    picker, typed, saved,
    h('div', { class: 'field-row' }, field('o-date', t('outcome.date'), 'date', true), field('o-originalDate', t('outcome.originalDate'), 'date')),
  );
  const form = h('form', { class: 'outcome-form', 'aria-labelledby': 'outcome-title' },
    h('fieldset', { class: 'kinds' }, h('legend', {}, t('outcome.kind')), radios),
    faster,
    h('button', { type: 'submit', id: 'save-outcome' }, t('outcome.save')),
  );
  const pick = () => (form.querySelector('#o-pick') as HTMLSelectElement | null)?.value ?? 'other';
  form.addEventListener('change', () => {
    faster.hidden = (form.querySelector('input[name="outcome-kind"]:checked') as HTMLInputElement | null)?.value !== 'faster_place_found';
    const choice = pick();
    typed.hidden = picker !== null && choice !== 'other';
    const a = /^\d+$/.test(choice) ? alternatives[Number(choice)] : undefined;
    saved.textContent = a && a.weeksSaved !== null ? t('outcome.weeksSavedByData', { count: a.weeksSaved }) : '';
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const kind = (form.querySelector('input[name="outcome-kind"]:checked') as HTMLInputElement | null)?.value as Outcome['kind'] | undefined;
    const value = (id: string) => (form.querySelector(`#${id}`) as HTMLInputElement).value.trim();
    const feedback = document.getElementById('case-feedback');
    if (!kind) {
      feedback?.replaceChildren(alertBox(t('outcome.pickKind')));
      (form.querySelector('input[name="outcome-kind"]') as HTMLInputElement).focus();
      return;
    }
    let body: Outcome = { kind };
    if (kind === 'faster_place_found') {
      const choice = pick();
      const a = /^\d+$/.test(choice) ? alternatives[Number(choice)] : undefined;
      if (picker && !choice) {
        feedback?.replaceChildren(alertBox(t('outcome.pickMissing')));
        (form.querySelector('#o-pick') as HTMLSelectElement).focus();
        return;
      }
      const provider = a ? a.hospital : value('o-provider');
      const location = a ? [a.location, a.city].filter((x, i, all) => x && all.indexOf(x) === i).join(', ') : value('o-location');
      if (!provider || !value('o-date')) {
        feedback?.replaceChildren(alertBox(t('outcome.whereWhenMissing')));
        (form.querySelector(provider ? '#o-date' : '#o-provider') as HTMLInputElement).focus();
        return;
      }
      body = { kind, provider, date: value('o-date'), ...(location ? { location } : {}), ...(value('o-originalDate') ? { originalDate: value('o-originalDate') } : {}) };
    }
    run(() => api('POST', `/api/cases/${c.reference}/outcome`, body), t('outcome.saved'));
  });
  section.appendChild(form);
  return section;
}

function outcomeRows(o: Outcome): [string, string][] {
  const rows: [string, string][] = [[t('outcome.kind'), t(`outcome.${o.kind}`)]];
  if (o.provider) rows.push([t('outcome.provider'), o.provider]);
  if (o.location) rows.push([t('outcome.location'), o.location]);
  if (o.date) rows.push([t('outcome.date'), formatDate(`${o.date}T12:00:00Z`)]);
  if (o.originalDate) rows.push([t('outcome.originalDate'), formatDate(`${o.originalDate}T12:00:00Z`)]);
  return rows;
}

function notesSection(c: CaseDetail, notes: Note[], run: Run): HTMLElement {
  const list = notes.length
    ? h('ol', { class: 'notes' }, notes.map((n) => h('li', {}, h('p', { class: 'note-meta' }, `${n.author.name} · ${formatDateTime(n.createdAt)}`), h('p', { class: 'note-text' }, n.text))))
    : h('p', {}, t('notes.none'));
  const section = h('section', { class: 'panel panel-notes', 'aria-labelledby': 'notes-title' }, h('h2', { id: 'notes-title' }, t('notes.title')), list);
  // Notes are for open and finished cases alike, not for one the patient withdrew (their data is gone).
  if (c.status === 'withdrawn') return section;
  const textarea = h('textarea', { id: 'note-text', name: 'text', rows: 3, maxlength: noteMax, 'aria-describedby': 'note-count' });
  const counter = h('p', { id: 'note-count', class: 'hint' }, t('notes.count', { used: 0, max: noteMax }));
  textarea.addEventListener('input', () => (counter.textContent = t('notes.count', { used: textarea.value.length, max: noteMax })));
  const form = h('form', { class: 'note-form' },
    h('div', { class: 'field' }, h('label', { for: 'note-text' }, t('notes.add')), textarea, counter),
    h('button', { type: 'submit', id: 'add-note' }, t('notes.save')),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    if (!textarea.value.trim()) {
      document.getElementById('case-feedback')?.replaceChildren(alertBox(t('notes.empty')));
      textarea.focus();
      return;
    }
    run(() => api('POST', `/api/cases/${c.reference}/notes`, { text: textarea.value }), t('notes.saved'));
  });
  section.appendChild(form);
  return section;
}

/** The assistant's messages are the app's own simple Markdown: links show as links. The patient's words stay plain text. */
function messageBody(line: { from?: string; text?: string }): HTMLElement {
  const body = h('div', { class: 'what' });
  if (line.from !== 'patient' && typeof line.text === 'string') {
    renderMarkdown(document, parseMarkdown(resolveServerLinks(line.text, location.origin)), body, t('case.newWindow'));
  } else {
    body.classList.add('plain');
    body.textContent = text(line.text);
  }
  return body;
}

function transcriptPanel(c: CaseDetail): HTMLElement {
  const consent = (c.request.consent ?? {}) as Record<string, unknown>;
  const section = h('section', { class: 'panel', 'aria-labelledby': 'transcript-title' }, h('h2', { id: 'transcript-title' }, t('case.transcript')));
  // The transcript is stored only when the patient agreed; show it only then.
  if (!c.transcript || consent.given !== true) {
    section.appendChild(h('p', { class: 'hint' }, t('case.noTranscript')));
    return section;
  }
  section.appendChild(h('details', {}, h('summary', {}, t('case.showTranscript', { count: c.transcript.length })),
    h('ol', { class: 'transcript' }, c.transcript.map((line) =>
      h('li', { class: line.from === 'patient' ? 'from-patient' : 'from-assistant' },
        h('span', { class: 'who' }, line.from === 'patient' ? t('case.fromPatient') : t('case.fromAssistant')),
        h('span', { class: 'when' }, formatDateTime(line.at)),
        messageBody(line),
      ))),
  ));
  if (typeof consent.text === 'string') section.appendChild(h('p', { class: 'consent-text' }, h('span', { class: 'label' }, `${t('case.consentText')}: `), consent.text));
  return section;
}

function historyText(e: CaseDetail['history'][number]): string {
  const who = e.actorType === 'patient' ? t('history.patient') : e.actorName ?? t(`audit.actors.${e.actorType}`, { defaultValue: e.actorType });
  if (e.type === 'status' && e.to === 'withdrawn') return t('history.withdrawn');
  if (e.type === 'status') return t('history.status', { from: e.from ? t(`status.${e.from}`, { defaultValue: e.from }) : '–', to: e.to ? t(`status.${e.to}`, { defaultValue: e.to }) : '–', who });
  if (e.type === 'assign') return t('history.assign', { to: e.toName ?? '–', who });
  return t(`history.${e.type}`, { who, defaultValue: e.type });
}

function detailsPanel(c: CaseDetail, me: Me): HTMLElement {
  return h('section', { class: 'panel', 'aria-labelledby': 'history-title' },
    h('h2', { id: 'history-title' }, t('history.title')),
    h('ol', { class: 'history', id: 'history' }, c.history.map((e) => h('li', { class: e.type === 'status' && e.to === 'withdrawn' ? 'history-withdrawn' : '' },
      h('span', { class: 'when' }, formatDateTime(e.at)), ' ', historyText(e)))),
    dl([
      [t('fields.createdAt'), formatDateTime(c.createdAt)],
      [t('fields.channel'), text(c.channel)],
      c.closedReason ? [t('fields.closedReason'), c.closedReason] : null,
    ], 'facts facts-compact'),
    me.mediator.role === 'admin' ? h('p', {}, h('a', { href: `#/audit?case=${c.reference}` }, t('case.auditLink'))) : null,
  );
}
