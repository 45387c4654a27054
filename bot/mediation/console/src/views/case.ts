import { api, specialisms, type CaseDetail, type Me, type Note, type Outcome } from '../api.ts';
import { h, text } from '../dom.ts';
import { formatDate, formatDateTime, language, t } from '../i18n.ts';
import { alertBox, announce, errorMessage, focusHeading, startView, statusBadge } from '../ui.ts';

const noteMax = 2000;

function dl(rows: [string, string | Node][]): HTMLElement {
  return h('dl', { class: 'facts' }, rows.flatMap(([k, v]) => [h('dt', {}, k), h('dd', {}, v)]));
}

const yesNo = (v: unknown) => (v === true ? t('common.yes') : v === false ? t('common.no') : '–');

/** One case: the structured request, patient, consent, transcript (with consent), and the actions. */
export async function renderCase(reference: string, me: Me, go: (hash: string) => void): Promise<void> {
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
  const reload = async (message: string) => {
    await renderCase(reference, me, go);
    focusHeading();
    announce(message);
  };
  const feedback = h('div', { id: 'case-feedback' });
  const run = (action: () => Promise<unknown>, success: string) => {
    feedback.replaceChildren();
    action()
      .then(() => reload(success))
      .catch((error: unknown) => {
        feedback.appendChild(alertBox(errorMessage(error)));
      });
  };

  const r = c.request;
  const specialtyName = typeof r.specialty === 'string' ? (await specialisms()).get(r.specialty)?.[language()] : undefined;
  const p = (r.patient ?? {}) as Record<string, unknown>;
  const consent = (r.consent ?? {}) as Record<string, unknown>;
  const applicant = r.applicant && typeof r.applicant === 'object' ? (r.applicant as Record<string, unknown>) : null;

  region.appendChild(h('div', { class: 'case-summary' },
    statusBadge(c.status),
    h('span', { class: `priority priority-${c.priority}` }, t('case.priority', { priority: c.priority })),
    c.worseningReported ? h('span', { class: 'tag tag-danger', id: 'worsening-flag' }, t('queue.worseningTag')) : null,
    c.overdue ? h('span', { class: 'tag tag-danger' }, t('queue.overdueTag')) : null,
    c.anonymised ? h('span', { class: 'tag' }, t('case.anonymised')) : null,
  ));

  // Actions first: what a mediator came to do.
  const actions = h('section', { class: 'panel', 'aria-labelledby': 'actions-title' }, h('h2', { id: 'actions-title' }, t('case.actions')), feedback);
  const buttons = h('div', { class: 'button-row' });
  if (c.status === 'new') buttons.appendChild(h('button', { type: 'button', class: 'primary', id: 'claim', onclick: () => run(() => api('POST', `/api/cases/${c.reference}/claim`), t('case.claimed')) }, t('case.claim')));
  if (c.status === 'claimed') buttons.appendChild(h('button', { type: 'button', id: 'release', onclick: () => run(() => api('POST', `/api/cases/${c.reference}/release`), t('case.released')) }, t('case.release')));
  if (buttons.childNodes.length) actions.appendChild(buttons);

  const targets = c.allowedTransitions.filter((s) => s !== 'claimed' && s !== 'new');
  if (targets.length) {
    const statusSelect = h('select', { id: 'new-status', name: 'status' }, targets.map((s) => h('option', { value: s }, t(`status.${s}`))));
    const reason = h('input', { id: 'close-reason', name: 'reason', maxlength: 500, autocomplete: 'off' });
    const reasonField = h('div', { class: 'field', id: 'close-reason-field', hidden: statusSelect.value !== 'closed' }, h('label', { for: 'close-reason' }, t('case.closeReason')), reason);
    statusSelect.addEventListener('change', () => (reasonField.hidden = statusSelect.value !== 'closed'));
    const form = h('form', { class: 'inline-form', 'aria-label': t('case.changeStatus') },
      h('div', { class: 'field' }, h('label', { for: 'new-status' }, t('case.newStatus')), statusSelect),
      reasonField,
      h('div', { class: 'field actions' }, h('button', { type: 'submit', id: 'set-status' }, t('case.changeStatus'))),
    );
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      if (statusSelect.value === 'closed' && !reason.value.trim()) {
        feedback.replaceChildren(alertBox(t('case.closeReasonMissing')));
        reason.focus();
        return;
      }
      const body = statusSelect.value === 'closed' ? { status: statusSelect.value, reason: reason.value.trim() } : { status: statusSelect.value };
      run(() => api('POST', `/api/cases/${c.reference}/status`, body), t('case.statusChanged', { status: t(`status.${statusSelect.value}`) }));
    });
    actions.appendChild(form);
  }
  if (!buttons.childNodes.length && !targets.length) actions.appendChild(h('p', {}, t('case.noActions')));
  region.appendChild(actions);

  region.appendChild(h('section', { class: 'panel', 'aria-labelledby': 'request-title' },
    h('h2', { id: 'request-title' }, t('case.request')),
    dl([
      [t('fields.specialty'), specialtyName ? `${specialtyName} (${String(r.specialty)})` : text(r.specialty)],
      [t('fields.treatment'), text(r.treatment)],
      [t('fields.hospital'), text(r.hospital)],
      [t('fields.waitingWeeks'), text(r.waitingWeeks)],
      [t('fields.treeknormWeeks'), text(r.treeknormWeeks)],
      [t('fields.treeknormExceeded'), yesNo(r.treeknormExceeded)],
      [t('fields.doctorUrgency'), r.doctorUrgency === undefined ? '–' : text(typeof r.doctorUrgency === 'object' ? JSON.stringify(r.doctorUrgency) : r.doctorUrgency)],
      [t('fields.postcode'), text(r.postcode)],
      [t('fields.maxTravelKm'), text(r.maxTravelKm)],
      [t('fields.contactPreference'), r.contactPreference ? t(`contact.${String(r.contactPreference)}`, { defaultValue: String(r.contactPreference) }) : '–'],
      [t('fields.locale'), t(`languages.${c.locale}`, { defaultValue: c.locale })],
      [t('fields.createdAt'), formatDateTime(c.createdAt)],
      [t('fields.firstContactDueAt'), formatDateTime(c.firstContactDueAt)],
      [t('fields.claimedBy'), c.claimedBy ? `${text(c.claimedBy.name)} (${formatDateTime(c.claimedAt)})` : '–'],
      ...(c.closedReason ? ([[t('fields.closedReason'), c.closedReason]] as [string, string][]) : []),
    ]),
  ));

  region.appendChild(h('section', { class: 'panel', 'aria-labelledby': 'patient-title' },
    h('h2', { id: 'patient-title' }, t('case.patient')),
    dl([
      [t('fields.fullName'), text(p.fullName)],
      [t('fields.dateOfBirth'), typeof p.dateOfBirth === 'string' ? formatDate(`${p.dateOfBirth}T12:00:00Z`) : '–'],
      [t('fields.policyNumber'), text(p.policyNumber)],
      [t('fields.phone'), text(p.phone)],
      [t('fields.email'), text(p.email)],
      // Written for someone else: whom to call is the applicant.
      ...(applicant ? ([[t('fields.applicant'), `${text(applicant.fullName)} (${text(applicant.relation)})`], [t('fields.applicantContact'), text(applicant.phone ?? applicant.email)]] as [string, string][]) : []),
      [t('fields.consent'), consent.given === true ? t('case.consentGiven', { at: formatDateTime(typeof consent.at === 'string' ? consent.at : null) }) : t('common.no')],
    ]),
    typeof consent.text === 'string' ? h('p', { class: 'consent-text' }, h('span', { class: 'label' }, `${t('case.consentText')}: `), consent.text) : null,
  ));

  // The transcript is stored only when the patient agreed; show it only then.
  if (c.transcript && consent.given === true) {
    region.appendChild(h('section', { class: 'panel', 'aria-labelledby': 'transcript-title' },
      h('h2', { id: 'transcript-title' }, t('case.transcript')),
      h('details', {}, h('summary', {}, t('case.showTranscript', { count: c.transcript.length })),
        h('ol', { class: 'transcript' }, c.transcript.map((line) =>
          h('li', { class: line.from === 'patient' ? 'from-patient' : 'from-assistant' },
            h('span', { class: 'who' }, line.from === 'patient' ? t('case.fromPatient') : t('case.fromAssistant')),
            h('span', { class: 'when' }, formatDateTime(line.at)),
            h('span', { class: 'what' }, text(line.text)),
          ))),
      ),
    ));
  }

  region.appendChild(outcomeSection(c, run));
  region.appendChild(notesSection(c, notes, run));
  if (me.mediator.role === 'admin') region.appendChild(h('p', {}, h('a', { href: `#/audit?case=${c.reference}` }, t('case.auditLink'))));
}

function outcomeSection(c: CaseDetail, run: (action: () => Promise<unknown>, success: string) => void): HTMLElement {
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
  const field = (id: string, label: string, type = 'text', required = false) =>
    h('div', { class: 'field' }, h('label', { for: id }, label, required ? h('span', { class: 'required' }, ` (${t('common.required')})`) : null), h('input', { id, name: id, type, maxlength: type === 'text' ? 200 : null }));
  const faster = h('fieldset', { id: 'faster-fields', hidden: c.outcome?.kind !== 'faster_place_found' },
    h('legend', {}, t('outcome.whereWhen')),
    field('o-provider', t('outcome.provider'), 'text', true),
    field('o-location', t('outcome.location')),
    field('o-date', t('outcome.date'), 'date', true),
    field('o-originalDate', t('outcome.originalDate'), 'date'),
  );
  const form = h('form', { class: 'outcome-form', 'aria-labelledby': 'outcome-title' },
    h('fieldset', {}, h('legend', {}, t('outcome.kind')), radios),
    faster,
    h('button', { type: 'submit', id: 'save-outcome' }, t('outcome.save')),
  );
  form.addEventListener('change', () => {
    faster.hidden = (form.querySelector('input[name="outcome-kind"]:checked') as HTMLInputElement | null)?.value !== 'faster_place_found';
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
      if (!value('o-provider') || !value('o-date')) {
        feedback?.replaceChildren(alertBox(t('outcome.whereWhenMissing')));
        (form.querySelector(value('o-provider') ? '#o-date' : '#o-provider') as HTMLInputElement).focus();
        return;
      }
      body = { kind, provider: value('o-provider'), date: value('o-date'), ...(value('o-location') ? { location: value('o-location') } : {}), ...(value('o-originalDate') ? { originalDate: value('o-originalDate') } : {}) };
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

function notesSection(c: CaseDetail, notes: Note[], run: (action: () => Promise<unknown>, success: string) => void): HTMLElement {
  const list = notes.length
    ? h('ol', { class: 'notes' }, notes.map((n) => h('li', {}, h('p', { class: 'note-meta' }, `${n.author.name} · ${formatDateTime(n.createdAt)}`), h('p', { class: 'note-text' }, n.text))))
    : h('p', {}, t('notes.none'));
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
  return h('section', { class: 'panel', 'aria-labelledby': 'notes-title' }, h('h2', { id: 'notes-title' }, t('notes.title')), list, form);
}
