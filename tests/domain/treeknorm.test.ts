// Treeknormen MSZ and GGZ — domain brief §1 [V]: VWS open data 2014
// (http://vws.rijksopenheid.nl/1058/maximaal-aanvaardbare-wachttijden-treeknormen) and the
// insurer pages that copy the table; GGZ: https://www.vzinfo.nl/wachttijden/geestelijke-gezondheidszorg.
import { describe, expect, it } from 'vitest';
import {
  careTypeFromNza,
  GGZ_TREEKNORMEN,
  ggzVerdict,
  measuredAs,
  MSZ_TREEKNORMEN,
  verdict,
  verdictForWeeks,
} from '../../bot/domain/treeknorm.ts';
import type { CareType } from '../../bot/domain/reference.ts';

describe('the MSZ Treeknormen (max / 80 %)', () => {
  it.each([
    ['outpatient', 4, 3],
    ['diagnostics', 4, 3],
    ['day_treatment', 6, 4],
    ['clinical', 7, 5],
  ] as const)('%s: at most %i weeks, 80 %% within %i weeks', (careType, max, eighty) => {
    expect(MSZ_TREEKNORMEN[careType].maxWeeks).toBe(max);
    expect(MSZ_TREEKNORMEN[careType].eightyPercentWeeks).toBe(eighty);
  });

  it('every rule carries a source address and a validity period', () => {
    for (const rule of Object.values(MSZ_TREEKNORMEN)) {
      expect(rule.sources.length).toBeGreaterThan(0);
      expect(rule.sources[0]!.url).toMatch(/^https?:\/\//);
      expect(rule.validFrom).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(rule.validUntil).toBeNull();
    }
  });
});

describe('verdict(careType, days): up to and including the norm is within', () => {
  it.each<[CareType, number, string]>([
    ['outpatient', 0, 'within'],
    ['outpatient', 28, 'within'],
    ['outpatient', 29, 'exceeded'],
    ['diagnostics', 28, 'within'],
    ['diagnostics', 29, 'exceeded'],
    ['day_treatment', 42, 'within'],
    ['day_treatment', 43, 'exceeded'],
    ['clinical', 49, 'within'],
    ['clinical', 50, 'exceeded'],
  ])('%s after %i days → %s', (careType, days, expected) => {
    expect(verdict(careType, days).verdict).toBe(expected);
  });
});

describe('"treatment" (NZa Behandeling: day or clinical unknown, norm 6 or 7 weeks)', () => {
  it.each([
    [42, 'within'],
    [43, 'depends'],
    [49, 'depends'],
    [50, 'exceeded'],
  ])('%i days → %s', (days, expected) => {
    expect(verdict('treatment', days).verdict).toBe(expected);
  });

  it('shows the norm as 6 to 7 weeks', () => {
    expect(verdict('treatment', 45).normWeeks).toEqual({ min: 6, max: 7 });
    expect(verdict('clinical', 45).normWeeks).toEqual({ min: 7, max: 7 });
  });
});

describe('input checks', () => {
  it.each([-1, Number.NaN, Number.POSITIVE_INFINITY])('rejects %s days', (days) => {
    expect(() => verdict('outpatient', days)).toThrow(RangeError);
  });

  it('verdictForWeeks counts 7 days a week: 4 weeks is within, 5 is over the outpatient norm', () => {
    expect(verdictForWeeks('outpatient', 4).verdict).toBe('within');
    expect(verdictForWeeks('outpatient', 5).verdict).toBe('exceeded');
  });
});

describe('GGZ: registration 4, treatment 10, total 14 weeks', () => {
  it('has the three norms', () => {
    expect([GGZ_TREEKNORMEN.registration.maxWeeks, GGZ_TREEKNORMEN.treatment.maxWeeks, GGZ_TREEKNORMEN.total.maxWeeks]).toEqual([4, 10, 14]);
  });

  it.each([
    ['registration', 28, 'within'],
    ['registration', 29, 'exceeded'],
    ['treatment', 70, 'within'],
    ['total', 99, 'exceeded'],
  ] as const)('%s after %i days → %s', (stage, days, expected) => {
    expect(ggzVerdict(stage, days).verdict).toBe(expected);
  });
});

describe('NZa TreatmentType mapping (domain brief §4.1)', () => {
  it.each([
    ['Polikliniekbezoek', 'outpatient'],
    ['Diagnostiek', 'diagnostics'],
    ['Behandeling', 'treatment'],
    ['behandeling ', 'treatment'],
    ['Opname', null],
  ])('%s → %s', (input, expected) => {
    expect(careTypeFromNza(input)).toBe(expected);
  });

  it('day and clinical treatment are both measured as NZa "treatment"', () => {
    expect(measuredAs('day_treatment')).toBe('treatment');
    expect(measuredAs('clinical')).toBe('treatment');
    expect(measuredAs('outpatient')).toBe('outpatient');
  });
});
