// Waiting-time import: NZa Zorgbeeld WaitingTimeMSZ layout (domain brief §4.1; fixtures are
// synthetic, shaped like the live feed) and the hospitals' own CSV (docs/waiting-time-import.md).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { getHospitalIndex, loadReferenceData } from '../../bot/data/referenceData.ts';
import {
  parseHospitalWaitingTimesCsv,
  parseNzaWaitingTimes,
  toWaitingTimeFigures,
  type ImportContext,
} from '../../bot/domain/waitingTimeImport.ts';
import type { Hospital } from '../../bot/domain/reference.ts';

const fixture = (name: string) => readFileSync(new URL(`../fixtures/waiting-times/${name}`, import.meta.url), 'utf8');
const data = loadReferenceData();
const index = getHospitalIndex(data);
const now = new Date('2026-11-24T12:00:00+01:00');
const ctx: ImportContext = {
  specialisms: data.specialisms,
  hospitals: data.hospitals,
  resolveHospital: (name) => index.resolveHospital(name, { fuzzy: false }),
  now,
};

describe('NZa WaitingTimeMSZ, JSON', () => {
  const { rows, errors } = parseNzaWaitingTimes(fixture('nza-good.json'), ctx);

  it('accepts every good record', () => {
    expect(errors).toEqual([]);
    expect(rows).toHaveLength(5);
  });

  it('maps fields: specialism "Orthopedie (305)" → 0305, Polikliniekbezoek → outpatient, days kept, ISO timestamp → date', () => {
    expect(rows[0]).toMatchObject({ line: 1, origin: 'nza', hospitalId: 'maasstad-ziekenhuis', locationId: 'maasstad-rotterdam', specialismCode: '0305', careType: 'outpatient', days: 35, insufficient: false, measuredAt: '2026-10-01', source: 'NZa Zorgbeeld (WaitingTimeMSZ)' });
    expect(rows[1]).toMatchObject({ hospitalId: 'erasmus-mc', specialismCode: '0301', careType: 'treatment', days: 62, treatment: 'Cataract-operatie' });
  });

  it('InsufficientObservations "Ja" gives a row without a figure; the Location name picks the location', () => {
    expect(rows[2]).toMatchObject({ hospitalId: 'haaglanden-medisch-centrum', locationId: 'hmc-bronovo', specialismCode: '0362', careType: 'diagnostics', days: null, insufficient: true });
  });

  it('files a shared specialism label under its first code', () => {
    expect(rows[3]).toMatchObject({ hospitalId: 'isala', locationId: 'isala-zwolle', specialismCode: '0305' });
  });

  it('finds the location by postcode when the record has no Location name', () => {
    expect(rows[4]).toMatchObject({ hospitalId: 'canisius-wilhelmina-ziekenhuis', locationId: 'cwz-nijmegen', specialismCode: '0302' });
  });
});

describe('NZa WaitingTimeMSZ, bad JSON records (numbered from 1)', () => {
  const { rows, errors } = parseNzaWaitingTimes(fixture('nza-bad.json'), ctx);

  it.each([
    [1, /unknown specialism "Kaakchirurgie"/],
    [2, /unknown TreatmentType "Opname"/],
    [3, /Date "01-10-2026" is not a valid date/],
    [4, /Date 2027-01-05 is in the future/],
    [5, /WaitingTime -4 is negative/],
    [6, /WaitingTime of 2000 days is more than 3 years/],
    [7, /unknown hospital: CareProvider "Ziekenhuis Atlantis"/],
    [8, /WaitingTime is missing while InsufficientObservations is "Nee"/],
    [10, /duplicate of line 9/],
    [11, /unknown location "HMC Bergpolder".*Haaglanden Medisch Centrum/],
    [12, /unknown specialism code 0399/],
    [13, /InsufficientObservations must be "Ja" or "Nee"/],
  ])('record %i: %s', (line, reason) => {
    expect(errors.find((e) => e.line === line)?.reason).toMatch(reason);
  });

  it('keeps the one good record and reports one error per bad record', () => {
    expect(rows.map((r) => r.line)).toEqual([9]);
    expect(errors).toHaveLength(12);
  });
});

describe('NZa WaitingTimeMSZ, CSV with the same column names', () => {
  it('parses the good file like the JSON one (header is line 1)', () => {
    const { rows, errors } = parseNzaWaitingTimes(fixture('nza-good.csv'), ctx);
    expect(errors).toEqual([]);
    expect(rows.map((r) => [r.line, r.locationId, r.specialismCode, r.careType, r.days])).toEqual([
      [2, 'maasstad-rotterdam', '0305', 'outpatient', 35],
      [3, 'erasmus-mc-rotterdam', '0301', 'treatment', 62],
      [4, 'hmc-bronovo', '0362', 'diagnostics', null],
      [5, 'isala-zwolle', '0305', 'treatment', 48],
    ]);
  });

  it('reports bad lines by their line number', () => {
    const { rows, errors } = parseNzaWaitingTimes(fixture('nza-bad.csv'), ctx);
    expect(errors).toEqual([
      { line: 2, code: 'no_specialism_code', reason: expect.stringMatching(/unknown specialism "Kaakchirurgie"/) },
      { line: 3, code: 'bad_date', reason: expect.stringMatching(/Date "2026-02-30" is not a valid date/) },
      { line: 5, code: 'duplicate', reason: expect.stringMatching(/duplicate of line 4/) },
      { line: 6, code: 'bad_wait', reason: expect.stringMatching(/WaitingTime "veertig" is not a number/) },
      { line: 7, code: 'bad_record', reason: expect.stringMatching(/fewer fields than the header/) },
    ]);
    expect(rows.map((r) => r.line)).toEqual([4]);
  });

  it('names missing required columns on line 1', () => {
    expect(parseNzaWaitingTimes('Date,WaitingTime\n2026-10-01,3\n', ctx, { format: 'csv' }).errors).toEqual([
      { line: 1, code: 'file', reason: 'missing column(s): Specialism, TreatmentType' },
    ]);
  });

  it('reports a file that is not JSON or not an array as a whole (line 0)', () => {
    expect(parseNzaWaitingTimes('[{"Date": ', ctx).errors[0]).toMatchObject({ line: 0, reason: expect.stringMatching(/not valid JSON/) });
    expect(parseNzaWaitingTimes('{"Date": "2026-10-01"}', ctx).errors[0]).toMatchObject({ line: 0, reason: expect.stringMatching(/JSON array/) });
  });
});

describe('matching by AGB code first (codes kept as strings, leading zeros intact)', () => {
  const withAgb: Hospital[] = [
    {
      id: 'h1',
      officialName: 'Testziekenhuis Noord',
      kind: 'general',
      agbCode: '06000001',
      aliases: [],
      website: null,
      locations: [
        { id: 'h1-a', name: 'Noord A', city: 'Assen', postcode: null, pc4: '9401', latitude: 53, longitude: 6.5, agbCode: '06000011', hasEmergency: false },
        { id: 'h1-b', name: 'Noord B', city: 'Emmen', postcode: null, pc4: '7824', latitude: 52.8, longitude: 6.9, agbCode: '06000012', hasEmergency: false },
      ],
    },
  ];
  const agbCtx: ImportContext = { ...ctx, hospitals: withAgb, resolveHospital: () => null };
  const record = (extra: object) => JSON.stringify([{ Date: '2026-10-01', WaitingTime: 10, InsufficientObservations: 'Nee', TreatmentType: 'Diagnostiek', Specialism: 'Radiologie (362)', ...extra }]);

  it('a Location_AGBCode names the location even when the name is unknown', () => {
    expect(parseNzaWaitingTimes(record({ Location_AGBCode: '06000012', CareProvider: 'Onbekend' }), agbCtx).rows[0]).toMatchObject({ hospitalId: 'h1', locationId: 'h1-b' });
  });

  it('a CareProvider_AGBCode names the hospital; the address picks the location; a number that lost its zero is padded', () => {
    expect(parseNzaWaitingTimes(record({ CareProvider_AGBCode: 6000001, City: 'ASSEN' }), agbCtx).rows[0]).toMatchObject({ locationId: 'h1-a' });
  });
});

describe("hospitals' own CSV", () => {
  it('accepts names, aliases, locations by name or town, weeks or days, Dutch care-type words and decimal commas', () => {
    const { rows, errors } = parseHospitalWaitingTimesCsv(fixture('hospital-good.csv'), ctx);
    expect(errors).toEqual([]);
    expect(rows.map((r) => [r.line, r.hospitalId, r.locationId, r.specialismCode, r.careType, r.days, r.measuredAt])).toEqual([
      [2, 'maasstad-ziekenhuis', 'maasstad-rotterdam', '0305', 'outpatient', 35, '2026-11-01'],
      [3, 'maasstad-ziekenhuis', 'maasstad-rotterdam', '0305', 'clinical', 84, '2026-11-01'],
      [4, 'haaglanden-medisch-centrum', 'hmc-bronovo', '0301', 'day_treatment', 63, '2026-11-01'],
      [5, 'canisius-wilhelmina-ziekenhuis', 'cwz-nijmegen', '0302', 'outpatient', 24.5, '2026-10-15'],
      [6, 'hagaziekenhuis', 'haga-zoetermeer', '0307', 'outpatient', 20, '2026-10-15'],
    ]);
    expect(rows[0]!.source).toBe('https://www.maasstadziekenhuis.nl/wachttijden');
  });

  it.each([
    [2, /unknown specialism code 0399/],
    [3, /unknown hospital "Ziekenhuis Atlantis"/],
    [4, /Haaglanden Medisch Centrum has 3 locations; say which in the location column/],
    [5, /measured_at "2026-13-01" is not a valid date \(expected YYYY-MM-DD\)/],
    [6, /measured_at 2027-01-05 is in the future/],
    [7, /waiting_days -2 is negative/],
    [8, /waiting_days of 1200 days is more than 3 years/],
    [9, /waiting_days or waiting_weeks is missing/],
    [10, /source is missing/],
    [11, /unknown care_type "spoed"/],
    [13, /duplicate of line 12/],
    [14, /waiting_days 35 and waiting_weeks 2 disagree/],
    [15, /unknown location "HMC Bergpolder"/],
  ])('line %i: %s', (line, reason) => {
    const { errors } = parseHospitalWaitingTimesCsv(fixture('hospital-bad.csv'), ctx);
    expect(errors.find((e) => e.line === line)?.reason).toMatch(reason);
  });

  it('keeps only the good line of the bad file', () => {
    const { rows, errors } = parseHospitalWaitingTimesCsv(fixture('hospital-bad.csv'), ctx);
    expect(rows.map((r) => r.line)).toEqual([12]);
    expect(errors).toHaveLength(13);
  });

  it('names the missing columns', () => {
    expect(parseHospitalWaitingTimesCsv('hospital,specialism\nCWZ,0302\n', ctx).errors).toEqual([
      { line: 1, code: 'file', reason: 'missing column(s): care_type, measured_at, source, waiting_days or waiting_weeks' },
    ]);
  });
});

describe('toWaitingTimeFigures', () => {
  it('collapses NZa treatments to one figure per location, specialism and care type: the longest median', () => {
    const rows = parseNzaWaitingTimes(
      JSON.stringify([
        { Date: '2026-10-01', WaitingTime: 40, InsufficientObservations: 'Nee', CareProvider: 'Maasstad Ziekenhuis', Treatment: 'Knie', TreatmentType: 'Behandeling', Specialism: 'Orthopedie (305)' },
        { Date: '2026-10-01', WaitingTime: 70, InsufficientObservations: 'Nee', CareProvider: 'Maasstad Ziekenhuis', Treatment: 'Heup', TreatmentType: 'Behandeling', Specialism: 'Orthopedie (305)' },
        { Date: '2026-10-01', InsufficientObservations: 'Ja', CareProvider: 'Maasstad Ziekenhuis', Treatment: 'Schouder', TreatmentType: 'Behandeling', Specialism: 'Orthopedie (305)' },
      ]),
      ctx,
    ).rows;
    expect(toWaitingTimeFigures(rows)).toEqual([
      { locationId: 'maasstad-rotterdam', specialismCode: '0305', careType: 'treatment', days: 70, insufficient: false, measuredAt: '2026-10-01', source: 'NZa Zorgbeeld (WaitingTimeMSZ)', isDemo: false },
    ]);
  });
});
