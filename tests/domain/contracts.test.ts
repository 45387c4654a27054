// The insurer's contracted providers: the CSV an insurer uploads, and "is this provider
// contracted for this specialism today?".
import { describe, expect, it } from 'vitest';
import { contractStatus, parseContractsCsv, type Contract } from '../../bot/domain/contracts.ts';

const specialisms = new Set(['0301', '0305']);
const hospital = { id: 'h', agbCode: '06999941', locations: [{ agbCode: '06999951' }, { agbCode: null }] } as never;

describe('the contracts CSV', () => {
  it('reads AGB codes (leading zero kept or restored), names, a specialism or all, yes/no in English or Dutch, and dates', () => {
    const { rows, errors } = parseContractsCsv(
      'agb_code;provider;specialism;contracted;valid_from;valid_until\n06999941;;0305;ja;2026-01-01;2026-12-31\n6999951;;all;yes;;\n;Maasstad Ziekenhuis;301;nee;;\n',
      specialisms,
    );
    expect(errors).toEqual([]);
    expect(rows).toEqual([
      { line: 2, agbCode: '06999941', providerName: null, specialismCode: '0305', contracted: true, validFrom: '2026-01-01', validUntil: '2026-12-31' },
      { line: 3, agbCode: '06999951', providerName: null, specialismCode: null, contracted: true, validFrom: null, validUntil: null },
      { line: 4, agbCode: null, providerName: 'Maasstad Ziekenhuis', specialismCode: '0301', contracted: false, validFrom: null, validUntil: null },
    ]);
  });

  it.each([
    ['agb_code,specialism,contracted\n,0305,yes\n', /give an AGB code or a provider name/],
    ['agb_code,specialism,contracted\nABC,0305,yes\n', /not an AGB code/],
    ['agb_code,specialism,contracted\n06999941,0399,yes\n', /unknown specialism code 0399/],
    ['agb_code,specialism,contracted\n06999941,0305,misschien\n', /contracted must be yes or no/],
    ['agb_code,specialism,contracted,valid_from,valid_until\n06999941,0305,yes,2026-12-31,2026-01-01\n', /before valid_from/],
    ['agb_code,specialism,contracted,valid_from\n06999941,0305,yes,31-12-2026\n', /not a date/],
  ])('reports a bad line with its number: %j', (csv, reason) => {
    expect(parseContractsCsv(csv, specialisms).errors).toEqual([{ line: 2, reason: expect.stringMatching(reason) }]);
  });

  it('names missing columns', () => {
    expect(parseContractsCsv('specialism\n0305\n', specialisms).errors).toEqual([{ line: 1, reason: 'missing column(s): agb_code or provider, contracted' }]);
  });
});

describe('is a provider contracted?', () => {
  const c = (x: Partial<Contract>): Contract => ({ agbCode: null, providerName: null, hospitalId: null, specialismCode: null, contracted: true, validFrom: null, validUntil: null, ...x });

  it('by the provider AGB code, by a location AGB code, or by the resolved hospital', () => {
    expect(contractStatus([c({ agbCode: '06999941' })], hospital, '0305', '2026-11-24')).toBe(true);
    expect(contractStatus([c({ agbCode: '06999951', contracted: false })], hospital, '0305', '2026-11-24')).toBe(false);
    expect(contractStatus([c({ hospitalId: 'h' })], hospital, '0305', '2026-11-24')).toBe(true);
    expect(contractStatus([c({ agbCode: '01234567' })], hospital, '0305', '2026-11-24')).toBeNull();
  });

  it('a line for the specialism beats a line for all; another specialism says nothing', () => {
    const list = [c({ agbCode: '06999941', contracted: true }), c({ agbCode: '06999941', specialismCode: '0305', contracted: false })];
    expect(contractStatus(list, hospital, '0305', '2026-11-24')).toBe(false);
    expect(contractStatus(list, hospital, '0301', '2026-11-24')).toBe(true);
    expect(contractStatus([c({ agbCode: '06999941', specialismCode: '0301' })], hospital, '0305', '2026-11-24')).toBeNull();
  });

  it('only inside its validity period', () => {
    const list = [c({ agbCode: '06999941', validFrom: '2026-01-01', validUntil: '2026-12-31' })];
    expect(contractStatus(list, hospital, '0305', '2026-12-31')).toBe(true);
    expect(contractStatus(list, hospital, '0305', '2027-01-01')).toBeNull();
    expect(contractStatus(list, hospital, '0305', '2025-12-31')).toBeNull();
  });
});
