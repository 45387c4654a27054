import { describe, expect, it } from 'vitest';
import { loadReferenceData } from '../../bot/data/referenceData.ts';
import { COMMON_SPECIALISMS, DEMO_SOURCE, generateDemoWaitingTimes } from '../../bot/domain/demoWaitingTimes.ts';
import { AlternativesIndex } from '../../bot/domain/alternatives.ts';
import { verdict } from '../../bot/domain/treeknorm.ts';

const data = loadReferenceData();
const options = { seed: 'test', measuredAt: '2026-11-01' };

describe('generateDemoWaitingTimes', () => {
  const rows = generateDemoWaitingTimes(data.hospitals, data.specialisms, options);

  it('is deterministic for a seed and differs for another seed', () => {
    expect(generateDemoWaitingTimes(data.hospitals, data.specialisms, options)).toEqual(rows);
    expect(generateDemoWaitingTimes(data.hospitals, data.specialisms, { ...options, seed: 'other' })).not.toEqual(rows);
  });

  it('marks every row as demo data with the demo source and the given date', () => {
    for (const r of rows) expect(r).toMatchObject({ isDemo: true, source: DEMO_SOURCE, measuredAt: '2026-11-01' });
    expect(DEMO_SOURCE).toBe('Demo data (generated, not real)');
  });

  it('covers every location of a general hospital for every common specialism and care type', () => {
    const maasstad = rows.filter((r) => r.locationId === 'maasstad-rotterdam');
    expect(new Set(maasstad.map((r) => r.specialismCode))).toEqual(new Set(COMMON_SPECIALISMS));
    expect(new Set(maasstad.filter((r) => r.specialismCode === '0305').map((r) => r.careType))).toEqual(new Set(['outpatient', 'diagnostics', 'treatment']));
    for (const h of data.hospitals) for (const l of h.locations) expect(rows.some((r) => r.locationId === l.id)).toBe(true);
  });

  it('gives categorical hospitals and ZBCs only their own specialisms', () => {
    expect(new Set(rows.filter((r) => r.locationId === 'oogziekenhuis-rotterdam-rotterdam').map((r) => r.specialismCode))).toEqual(new Set(['0301']));
    expect(new Set(rows.filter((r) => r.locationId === 'pmc-utrecht').map((r) => r.specialismCode))).toEqual(new Set(['0316']));
  });

  it('has plausible days, a few rows without a figure, and a fair share over the norm', () => {
    const withFigure = rows.filter((r) => !r.insufficient);
    for (const r of withFigure) expect(r.days).toBeGreaterThanOrEqual(2);
    for (const r of withFigure) expect(r.days).toBeLessThanOrEqual(300);
    const insufficient = rows.filter((r) => r.insufficient);
    expect(insufficient.length).toBeGreaterThan(0);
    expect(insufficient.length / rows.length).toBeLessThan(0.1);
    for (const r of insufficient) expect(r.days).toBeNull();
    const exceeded = withFigure.filter((r) => verdict(r.careType, r.days!).verdict === 'exceeded').length / withFigure.length;
    expect(exceeded).toBeGreaterThan(0.15);
    expect(exceeded).toBeLessThan(0.8);
  });

  it('scope "all" gives every location every specialism (for load tests)', () => {
    const all = generateDemoWaitingTimes(data.hospitals, data.specialisms, { ...options, scope: 'all' });
    const locations = data.hospitals.reduce((n, h) => n + h.locations.length, 0);
    expect(new Set(all.map((r) => `${r.locationId}|${r.specialismCode}`)).size).toBe(locations * data.specialisms.length);
  });

  it('feeds the alternatives index with known locations only', () => {
    expect(new AlternativesIndex(data.hospitals, rows).unknownLocationIds).toEqual([]);
  });

  it('rejects a malformed measurement date', () => {
    expect(() => generateDemoWaitingTimes(data.hospitals, data.specialisms, { seed: 1, measuredAt: '1-11-2026' })).toThrow(RangeError);
  });
});
