import type { CaseStore } from '../data/caseStore.ts';
import { handoffStatusFor, type CaseStatus, type HandoffStatus } from '../domain/caseStatus.ts';

export interface PatientCaseStatus {
  status: CaseStatus;
  /** The Bot Framework handoff.status state; null while nobody has picked the case up. */
  handoffStatus: HandoffStatus | null;
  updatedAt: string;
}

/** Where the patient asks: an insurer's site finds that insurer's cases, a hospital site the cases started on it. */
export interface PatientStatusScope {
  tenantId: string;
  kind: 'insurer' | 'hospital';
}

/** (reference, dateOfBirth, scope) → the case's status for the patient, or null when anything does not match. */
export type PatientCaseStatusLookup = (reference: string, dateOfBirth: string, scope?: PatientStatusScope) => Promise<PatientCaseStatus | null>;

/**
 * The status-back-to-the-patient use-case, for the conversation: `services.patientCaseStatus(ref, dob)`.
 * Both the reference and the date of birth (YYYY-MM-DD) must match; anything else answers null.
 */
export function patientCaseStatus(cases: Pick<CaseStore, 'findByReferenceForPatient'>, now: () => Date = () => new Date()): PatientCaseStatusLookup {
  return async (reference, dateOfBirth, scope) => {
    const ref = reference.trim().toUpperCase();
    if (!/^ZB-[0-9A-Z]{4}-[0-9A-Z]{4}$/.test(ref) || !/^\d{4}-\d{2}-\d{2}$/.test(dateOfBirth)) return null;
    const found = await cases.findByReferenceForPatient(ref, dateOfBirth, now(), scope);
    if (!found) return null;
    return { status: found.status, handoffStatus: handoffStatusFor(found.status, found.outcomeKind), updatedAt: found.updatedAt.toISOString() };
  };
}
