/**
 * Queue priority of a mediation case, from how far the patient's wait is past the Treeknorm (or past
 * the window their own doctor gave), plus time in the queue. The bot never judges urgency itself: a
 * doctor's urgency only counts when the patient reports what their doctor said (brief §2.1).
 *
 * Urgency is measured in days "past the norm" and grows by one each day a case waits, so it is
 * linear in time: urgency(now) = now − anchor. Sorting by the fixed anchor therefore sorts by live
 * urgency, and the database can keep that order in an index.
 */

const dayMs = 86_400_000;

/** What the patient told their doctor's urgency was; anything else is ignored. */
export type DoctorUrgency = 'urgent' | 'soon' | { withinWeeks: number } | null;

// A doctor's "urgent" weighs like four weeks past the norm, "soon" like two: enough to lift a case
// above routine ones, never enough to hide a long Treeknorm excess.
const urgentBonusDays = 28;
const soonBonusDays = 14;

/** Reads request.doctorUrgency leniently: true/"urgent"/"spoed", "soon"/"binnenkort", or {withinWeeks}. */
export function parseDoctorUrgency(value: unknown): DoctorUrgency {
  if (value === true) return 'urgent';
  if (typeof value === 'string') {
    const v = value.trim().toLowerCase();
    if (['urgent', 'high', 'spoed', 'dringend', 'yes', 'ja'].includes(v)) return 'urgent';
    if (['soon', 'medium', 'binnenkort', 'snel'].includes(v)) return 'soon';
    return null;
  }
  if (value && typeof value === 'object' && 'withinWeeks' in value) {
    const weeks = Number((value as { withinWeeks: unknown }).withinWeeks);
    if (Number.isFinite(weeks) && weeks > 0 && weeks < 520) return { withinWeeks: weeks };
  }
  return null;
}

/**
 * A patient who reports worsening complaints is shown before every case without that report (issue
 * 10): the flag moves the anchor ten years back, far beyond any Treeknorm excess, so the one
 * queue order (urgencyAnchorAt) and its index still serve. The shift is not "days past the norm"
 * and is taken out again wherever urgency is shown (displayedUrgencyDays).
 */
export const worseningShiftDays = 3650;

/** Reads request.worseningReported: only a literal true counts. */
export const reportsWorsening = (request: { worseningReported?: unknown }): boolean => request.worseningReported === true;

const weeksOrNull = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) && v >= 0 && v < 520 ? v : null);

/** Days past the norm when the case is stored (negative when still within it; 0 when unknown). */
export function urgencyDaysAtCreation(request: { waitingWeeks?: unknown; treeknormWeeks?: unknown; doctorUrgency?: unknown; worseningReported?: unknown }): number {
  const waiting = weeksOrNull(request.waitingWeeks);
  const urgency = parseDoctorUrgency(request.doctorUrgency);
  let norm = weeksOrNull(request.treeknormWeeks);
  // A doctor's own window is the norm when it is tighter than the Treeknorm.
  if (urgency && typeof urgency === 'object') norm = norm === null ? urgency.withinWeeks : Math.min(norm, urgency.withinWeeks);
  const excess = waiting !== null && norm !== null ? (waiting - norm) * 7 : 0;
  const bonus = urgency === 'urgent' ? urgentBonusDays : urgency === 'soon' ? soonBonusDays : 0;
  return Math.round(excess + bonus) + (reportsWorsening(request) ? worseningShiftDays : 0);
}

/** The anchor moment stored with the case (see the module comment). */
export function urgencyAnchor(createdAt: Date, request: Parameters<typeof urgencyDaysAtCreation>[0]): Date {
  return new Date(createdAt.getTime() - urgencyDaysAtCreation(request) * dayMs);
}

/** Days past the norm at `now` (with the worsening shift, which sorts; see displayedUrgencyDays). */
export function urgencyDays(anchor: Date, now: Date): number {
  return Math.floor((now.getTime() - anchor.getTime()) / dayMs);
}

/** Days past the norm as a mediator reads them: without the worsening shift. */
export function displayedUrgencyDays(anchor: Date, now: Date, worseningReported: boolean): number {
  return urgencyDays(anchor, now) - (worseningReported ? worseningShiftDays : 0);
}

/**
 * Priority 1 (most urgent) to 5. Six weeks past the norm (e.g. 13 weeks' wait against 7) is 2;
 * a case within the norm with no other signal is 3, the default of a fresh hand-off.
 */
export function priorityFromUrgencyDays(days: number): 1 | 2 | 3 | 4 | 5 {
  if (days >= 56) return 1;
  if (days >= 28) return 2;
  if (days >= 0) return 3;
  if (days >= -28) return 4;
  return 5;
}

/** The live priority of a case. */
export function casePriority(anchor: Date, now: Date): 1 | 2 | 3 | 4 | 5 {
  return priorityFromUrgencyDays(urgencyDays(anchor, now));
}

/** Whether the promised first contact is late: not yet made and past its due moment. */
export function isOverdue(c: { firstContactDueAt: Date | null; firstContactAt: Date | null; status: string }, now: Date): boolean {
  return c.firstContactDueAt !== null && c.firstContactAt === null && (c.status === 'new' || c.status === 'claimed') && c.firstContactDueAt.getTime() < now.getTime();
}
