import { describe, expect, it } from 'vitest';
import { allowedTransitions, canTransition, caseStatuses, fhirTaskStatus, handoffStatusFor } from '../../bot/domain/caseStatus.ts';
import { casePriority, isOverdue, parseDoctorUrgency, priorityFromUrgencyDays, urgencyAnchor, urgencyDays, urgencyDaysAtCreation } from '../../bot/domain/casePriority.ts';

const day = 86_400_000;

describe('case workflow', () => {
  it('allows new → claimed → in_progress → resolved/closed, release, and nothing after the end', () => {
    expect(allowedTransitions('new')).toEqual(['claimed', 'closed']);
    expect(allowedTransitions('claimed')).toEqual(['new', 'in_progress', 'closed']);
    expect(allowedTransitions('in_progress')).toEqual(['resolved', 'closed']);
    expect(allowedTransitions('resolved')).toEqual([]);
    expect(allowedTransitions('closed')).toEqual([]);
    expect(canTransition('new', 'in_progress')).toBe(false);
    for (const s of caseStatuses) expect(canTransition(s, s)).toBe(false);
  });

  it('maps to the Bot Framework handoff.status and FHIR Task states', () => {
    const table: [typeof caseStatuses[number], Parameters<typeof handoffStatusFor>[1], string | null, string][] = [
      ['new', null, null, 'requested'],
      ['claimed', null, 'accepted', 'accepted'],
      ['in_progress', null, 'accepted', 'in-progress'],
      ['resolved', 'faster_place_found', 'completed', 'completed'],
      ['resolved', null, 'completed', 'completed'],
      ['closed', 'no_faster_option', 'completed', 'completed'],
      ['closed', 'faster_place_found', 'completed', 'completed'],
      ['closed', 'patient_declined', 'failed', 'cancelled'],
      ['closed', 'not_reachable', 'failed', 'cancelled'],
      ['closed', null, 'failed', 'cancelled'],
    ];
    for (const [status, outcome, handoff, task] of table) {
      expect(handoffStatusFor(status, outcome), `${status}/${outcome}`).toBe(handoff);
      expect(fhirTaskStatus(status, outcome), `${status}/${outcome}`).toBe(task);
    }
  });
});

describe('case priority', () => {
  it('counts days past the Treeknorm, a tighter window from the doctor, and the doctor\'s urgency', () => {
    expect(urgencyDaysAtCreation({ waitingWeeks: 13, treeknormWeeks: 7 })).toBe(42);
    expect(urgencyDaysAtCreation({ waitingWeeks: 5, treeknormWeeks: 7 })).toBe(-14);
    expect(urgencyDaysAtCreation({ waitingWeeks: null, treeknormWeeks: 7 })).toBe(0);
    expect(urgencyDaysAtCreation({ waitingWeeks: 5, treeknormWeeks: 7, doctorUrgency: { withinWeeks: 4 } })).toBe(7);
    expect(urgencyDaysAtCreation({ waitingWeeks: 5, treeknormWeeks: 7, doctorUrgency: 'urgent' })).toBe(14);
    expect(urgencyDaysAtCreation({ waitingWeeks: 5, treeknormWeeks: 7, doctorUrgency: 'soon' })).toBe(0);
    expect(urgencyDaysAtCreation({ waitingWeeks: 'veel', treeknormWeeks: -1 })).toBe(0);
  });

  it('reads what the patient said the doctor said, and ignores anything else', () => {
    expect(parseDoctorUrgency(true)).toBe('urgent');
    expect(parseDoctorUrgency('Spoed')).toBe('urgent');
    expect(parseDoctorUrgency('binnenkort')).toBe('soon');
    expect(parseDoctorUrgency({ withinWeeks: 6 })).toEqual({ withinWeeks: 6 });
    expect(parseDoctorUrgency({ withinWeeks: -1 })).toBeNull();
    expect(parseDoctorUrgency('klasse 3')).toBeNull();
    expect(parseDoctorUrgency(undefined)).toBeNull();
  });

  it('grows one day per day in the queue, so the fixed anchor orders by live urgency', () => {
    const created = new Date('2026-11-02T09:00:00Z');
    const anchor = urgencyAnchor(created, { waitingWeeks: 13, treeknormWeeks: 7 });
    expect(urgencyDays(anchor, created)).toBe(42);
    expect(urgencyDays(anchor, new Date(created.getTime() + 10 * day))).toBe(52);
    expect(casePriority(anchor, created)).toBe(2); // the contract's example: 13 weeks against 7
    expect(casePriority(anchor, new Date(created.getTime() + 14 * day))).toBe(1);
    expect([60, 56, 55, 28, 27, 0, -1, -28, -29].map(priorityFromUrgencyDays)).toEqual([1, 1, 2, 2, 3, 3, 4, 4, 5]);
  });

  it('is overdue only while first contact is due, not made and the case still waits', () => {
    const now = new Date('2026-11-10T12:00:00Z');
    const past = new Date(now.getTime() - 1000);
    expect(isOverdue({ status: 'new', firstContactDueAt: past, firstContactAt: null }, now)).toBe(true);
    expect(isOverdue({ status: 'claimed', firstContactDueAt: past, firstContactAt: null }, now)).toBe(true);
    expect(isOverdue({ status: 'in_progress', firstContactDueAt: past, firstContactAt: past }, now)).toBe(false);
    expect(isOverdue({ status: 'new', firstContactDueAt: new Date(now.getTime() + 1000), firstContactAt: null }, now)).toBe(false);
    expect(isOverdue({ status: 'new', firstContactDueAt: null, firstContactAt: null }, now)).toBe(false);
  });
});
