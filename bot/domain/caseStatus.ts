/**
 * The mediation case workflow: new → claimed → in_progress → resolved / closed, with a release
 * back to new; the patient may withdraw an open case (withdrawn); and how a case's state reads
 * in the Bot Framework hand-off and FHIR vocabularies.
 */

export const caseStatuses = ['new', 'claimed', 'in_progress', 'resolved', 'closed', 'withdrawn'] as const;
export type CaseStatus = (typeof caseStatuses)[number];

export const isCaseStatus = (value: unknown): value is CaseStatus => typeof value === 'string' && (caseStatuses as readonly string[]).includes(value);

// The mediator's workflow. Closing is allowed from any open state (duplicate, patient said so on the
// phone); resolved, closed and withdrawn are final so that the insurer's reported figures do not shift.
// Withdrawn is the patient's own act (in the chat), never a mediator's: it is not in this table.
const transitions: Record<CaseStatus, readonly CaseStatus[]> = {
  new: ['claimed', 'closed'],
  claimed: ['new', 'in_progress', 'closed'],
  in_progress: ['resolved', 'closed'],
  resolved: [],
  closed: [],
  withdrawn: [],
};

/** The statuses a mediator may set (PATCH status): everything but the patient's withdrawal. */
export const mediatorStatuses = caseStatuses.filter((s): s is Exclude<CaseStatus, 'withdrawn'> => s !== 'withdrawn');

/** The patient may withdraw a case as long as it is open. */
export function canWithdraw(from: CaseStatus): boolean {
  return openStatuses.includes(from);
}

/** The statuses a mediator may move a case to from `from`. */
export function allowedTransitions(from: CaseStatus): readonly CaseStatus[] {
  return transitions[from];
}

export function canTransition(from: CaseStatus, to: CaseStatus): boolean {
  return transitions[from].includes(to);
}

export const openStatuses: readonly CaseStatus[] = ['new', 'claimed', 'in_progress'];
export const finishedStatuses: readonly CaseStatus[] = ['resolved', 'closed', 'withdrawn'];

/** Moving to one of these means the mediator has been in touch with the patient (the SLA's first contact). */
export const contactMadeStatuses: readonly CaseStatus[] = ['in_progress', 'resolved', 'closed'];

export const outcomeKinds = ['faster_place_found', 'no_faster_option', 'patient_declined', 'not_reachable'] as const;
export type OutcomeKind = (typeof outcomeKinds)[number];

/** Outcomes where the mediation itself was carried out (whether or not a faster place existed). */
const completedOutcomes: readonly OutcomeKind[] = ['faster_place_found', 'no_faster_option'];

export type HandoffStatus = 'accepted' | 'failed' | 'completed';

/**
 * The Bot Framework `handoff.status` state for the patient: picked up → accepted; resolved → completed;
 * closed → completed when the search was done, failed when the patient declined, was not reachable
 * or the case was closed without an outcome. A case nobody has picked up yet has no status (null).
 */
export function handoffStatusFor(status: CaseStatus, outcome: OutcomeKind | null): HandoffStatus | null {
  switch (status) {
    case 'new':
      return null;
    case 'claimed':
    case 'in_progress':
      return 'accepted';
    case 'resolved':
      return 'completed';
    case 'closed':
      return outcome && completedOutcomes.includes(outcome) ? 'completed' : 'failed';
    // The hand-off ended without mediation, at the patient's request.
    case 'withdrawn':
      return 'failed';
  }
}

export type FhirTaskStatus = 'requested' | 'accepted' | 'in-progress' | 'completed' | 'cancelled';

/** FHIR R4 Task.status for a case (closed without a completed search is cancelled). */
export function fhirTaskStatus(status: CaseStatus, outcome: OutcomeKind | null): FhirTaskStatus {
  switch (status) {
    case 'new':
      return 'requested';
    case 'claimed':
      return 'accepted';
    case 'in_progress':
      return 'in-progress';
    case 'resolved':
      return 'completed';
    case 'closed':
      return handoffStatusFor(status, outcome) === 'completed' ? 'completed' : 'cancelled';
    case 'withdrawn':
      return 'cancelled';
  }
}
