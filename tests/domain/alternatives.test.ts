// Alternatives ranking: locations within reach, shortest wait first, then nearest; rows with
// too few observations never show a number (NZa "InsufficientObservations: Ja").
import { describe, expect, it } from 'vitest';
import { AlternativesIndex, rankAlternatives, type WaitingTimeFigure } from '../../bot/domain/alternatives.ts';
import type { Hospital } from '../../bot/domain/reference.ts';

function hospital(id: string, name: string, locations: [string, string, number, number][]): Hospital {
  return {
    id,
    officialName: name,
    kind: 'general',
    agbCode: null,
    aliases: [],
    website: null,
    locations: locations.map(([lid, city, latitude, longitude]) => ({
      id: lid,
      name: `${name} ${city}`,
      city,
      postcode: null,
      pc4: null,
      latitude,
      longitude,
      agbCode: null,
      hasEmergency: true,
    })),
  };
}

// Coordinates from reference/hospitals.json (2019 list); the patient lives in PC4 3011 (Rotterdam centre).
const hospitals: Hospital[] = [
  hospital('maasstad', 'Maasstad Ziekenhuis', [['maasstad-rdam', 'Rotterdam', 51.880232, 4.535401]]),
  hospital('ikazia', 'Ikazia Ziekenhuis', [['ikazia-rdam', 'Rotterdam', 51.88637, 4.493347]]),
  hospital('franciscus', 'Franciscus Gasthuis & Vlietland', [
    ['franciscus-rdam', 'Rotterdam', 51.941352, 4.460835],
    ['franciscus-schiedam', 'Schiedam', 51.922665, 4.38112],
  ]),
  hospital('asz', 'Albert Schweitzer ziekenhuis', [['asz-dordrecht', 'Dordrecht', 51.79229, 4.682049]]),
  hospital('umcg', 'UMCG', [['umcg-groningen', 'Groningen', 53.220956, 6.577328]]),
];
const origin = { latitude: 51.917923, longitude: 4.487494 };

function row(locationId: string, days: number | null, extra: Partial<WaitingTimeFigure> = {}): WaitingTimeFigure {
  return {
    locationId,
    specialismCode: '0305',
    careType: 'outpatient',
    days,
    insufficient: days === null,
    measuredAt: '2026-10-01',
    source: 'test',
    isDemo: false,
    ...extra,
  };
}

const figures: WaitingTimeFigure[] = [
  row('maasstad-rdam', 35),
  row('ikazia-rdam', 21),
  row('franciscus-rdam', 21),
  row('franciscus-schiedam', null),
  row('asz-dordrecht', 14),
  row('umcg-groningen', 7),
  row('maasstad-rdam', 60, { careType: 'treatment' }),
  row('ikazia-rdam', 45, { careType: 'clinical' }),
  row('ikazia-rdam', 30, { specialismCode: '0301' }),
];

describe('rankAlternatives', () => {
  const index = new AlternativesIndex(hospitals, figures);

  it('ranks by wait, then by distance; insufficient rows come last without a number; far away is out', () => {
    const result = index.rank({ specialism: '0305', origin, maxKm: 30 });
    expect(result.map((a) => [a.locationId, a.waitDays])).toEqual([
      ['asz-dordrecht', 14],
      ['franciscus-rdam', 21], // 21 days like Ikazia, but nearer
      ['ikazia-rdam', 21],
      ['maasstad-rdam', 35],
      ['franciscus-schiedam', null],
    ]);
    const insufficient = result.at(-1)!;
    expect(insufficient).toMatchObject({ insufficient: true, waitDays: null, waitWeeks: null, weeksSaved: null, exceedsNorm: null });
  });

  it('respects the radius (Groningen, 150+ km away, only with a large radius)', () => {
    expect(index.rank({ specialism: '0305', origin, maxKm: 5 }).map((a) => a.locationId)).toEqual(['franciscus-rdam', 'ikazia-rdam']);
    expect(index.rank({ specialism: '0305', origin, maxKm: 300 })[0]!.locationId).toBe('umcg-groningen');
  });

  it('reports distance with one decimal, weeks rounded up, weeks saved rounded down, and the norm verdict', () => {
    const [first] = index.rank({ specialism: '0305', origin, maxKm: 30, currentWaitWeeks: 13 });
    expect(first).toMatchObject({ hospitalName: 'Albert Schweitzer ziekenhuis', waitDays: 14, waitWeeks: 2, weeksSaved: 11, exceedsNorm: false, normVerdict: 'within', measuredAt: '2026-10-01', source: 'test', isDemo: false });
    expect(first!.distanceKm).toBe(Math.round(first!.distanceKm * 10) / 10);
    const maasstad = index.rank({ specialism: '0305', origin, maxKm: 30 }).find((a) => a.locationId === 'maasstad-rdam')!;
    expect(maasstad).toMatchObject({ waitWeeks: 5, exceedsNorm: true }); // 35 days > 4-week outpatient norm
  });

  it('filters by care type: a clinical query takes clinical figures and NZa "treatment" figures, judged by the clinical norm', () => {
    const result = index.rank({ specialism: '0305', careType: 'clinical', origin, maxKm: 30 });
    expect(result.map((a) => [a.locationId, a.careType, a.waitDays, a.normVerdict])).toEqual([
      ['ikazia-rdam', 'clinical', 45, 'within'],
      ['maasstad-rdam', 'treatment', 60, 'exceeded'],
    ]);
    const dayQuery = index.rank({ specialism: '0305', careType: 'day_treatment', origin, maxKm: 30 });
    expect(dayQuery.map((a) => a.locationId)).toEqual(['maasstad-rdam']); // Ikazia's clinical figure does not answer a day-treatment question
  });

  it('lists every known kind of wait for the location next to the ranked one', () => {
    const maasstad = index.rank({ specialism: '0305', origin, maxKm: 30 }).find((a) => a.locationId === 'maasstad-rdam')!;
    expect(maasstad.figures).toEqual([
      { careType: 'outpatient', days: 35, insufficient: false },
      { careType: 'treatment', days: 60, insufficient: false },
    ]);
  });

  it('keeps specialisms apart, excludes the hospital the patient already waits at, and honours a limit', () => {
    expect(index.rank({ specialism: '0301', origin, maxKm: 30 }).map((a) => a.locationId)).toEqual(['ikazia-rdam']);
    expect(index.rank({ specialism: '0305', origin, maxKm: 30, excludeHospitalIds: ['franciscus'] }).map((a) => a.locationId)).not.toContain('franciscus-rdam');
    expect(index.rank({ specialism: '0305', origin, maxKm: 30, limit: 2 })).toHaveLength(2);
    expect(index.rank({ specialism: '0390', origin, maxKm: 30 })).toEqual([]);
  });

  it('reports figures for locations it does not know instead of silently ranking them', () => {
    const withStray = new AlternativesIndex(hospitals, [...figures, row('nowhere', 3)]);
    expect(withStray.unknownLocationIds).toEqual(['nowhere']);
    expect(withStray.rank({ specialism: '0305', origin, maxKm: 300 }).map((a) => a.locationId)).not.toContain('nowhere');
  });

  it('accepts plain hospitals and figures and reuses the index for the same arrays', () => {
    const a = rankAlternatives({ specialism: '0305', origin, maxKm: 30 }, { hospitals, figures });
    const b = rankAlternatives({ specialism: '0305', origin, maxKm: 30 }, { hospitals, figures });
    expect(a).toEqual(b);
    expect(a[0]!.locationId).toBe('asz-dordrecht');
  });

  it('rejects a radius that is not positive', () => {
    expect(() => index.rank({ specialism: '0305', origin, maxKm: 0 })).toThrow(RangeError);
  });
});
