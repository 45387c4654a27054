// FMS urgency classes — domain brief §2.1: classes 3–5 [V] (FMS Raamwerk 30 Oct 2020; NH Nieuws
// on classes 4/5; Kamerbrief 31 May 2021 on class 3), classes 1–2 windows unverified [M].
import { describe, expect, it } from 'vitest';
import {
  ASSISTANT_MAY_ASSIGN_URGENCY,
  FMS_URGENCY_CLASSES,
  fmsUrgencyClass,
  isAcute,
  URGENCY_DECIDED_BY,
} from '../../bot/domain/urgency.ts';

describe('FMS urgency classes', () => {
  it('urgency is decided by the treating doctor, never by the assistant', () => {
    expect(URGENCY_DECIDED_BY).toBe('treating_doctor');
    expect(ASSISTANT_MAY_ASSIGN_URGENCY).toBe(false);
  });

  it('class 3 is critical plannable care within 6 weeks (verified)', () => {
    expect(FMS_URGENCY_CLASSES[3].window).toEqual({ kind: 'within_weeks', weeks: 6 });
    expect(FMS_URGENCY_CLASSES[3].verified).toBe(true);
  });

  it('class 4: a delay beyond 6 weeks carries some risk; class 5: 6 weeks or more, no lasting harm', () => {
    expect(FMS_URGENCY_CLASSES[4].window).toEqual({ kind: 'beyond_weeks_some_risk', weeks: 6 });
    expect(FMS_URGENCY_CLASSES[5].window).toEqual({ kind: 'beyond_weeks_no_lasting_harm', weeks: 6 });
  });

  it.each([1, 2] as const)('class %i is only "acute, immediately": no invented window, marked unverified', (n) => {
    expect(FMS_URGENCY_CLASSES[n].window).toEqual({ kind: 'acute' });
    expect(FMS_URGENCY_CLASSES[n].verified).toBe(false);
    expect(isAcute(n)).toBe(true);
  });

  it('every class names a source with an address', () => {
    for (const c of Object.values(FMS_URGENCY_CLASSES)) expect(c.sources.some((s) => s.url?.startsWith('https://'))).toBe(true);
  });

  it.each([0, 6, 2.5, Number.NaN])('fmsUrgencyClass(%s) is null: the assistant does not guess', (n) => {
    expect(fmsUrgencyClass(n)).toBeNull();
  });
});
