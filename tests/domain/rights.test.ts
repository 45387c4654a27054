// Rights statements by date — domain brief §1.3, §2.2–2.4, §3.3–3.4. Patient text lives in
// locales/ under rights.<id>; these tests check which statements apply when.
import { describe, expect, it } from 'vitest';
import { RIGHTS_STATEMENTS, rightsLocaleKey, statementsFor } from '../../bot/domain/rights.ts';

const ids = (date: string) => statementsFor(new Date(date)).map((s) => s.id);

describe('statementsFor(date)', () => {
  it('1 June 2021: the Kader Passende Inhaalzorg applies (May 2021 – 31 Dec 2021), no addendum, no AZWA', () => {
    const on = ids('2021-06-01T12:00:00+02:00');
    expect(on).toContain('inhaalzorg-kader-2021');
    expect(on).toContain('inhaalzorg-class3-within-6-weeks-2021');
    expect(on).not.toContain('inhaalzorg-addendum-2022');
    expect(on).not.toContain('azwa-proactive-mediation-2026');
    expect(on).toEqual(expect.arrayContaining(['treeknormen-msz', 'insurer-duty-of-care', 'zorgbemiddeling', 'treatment-elsewhere', 'urgency-by-doctor']));
  });

  it('1 June 2022: the 2022 addendum applies, the 2021 kader no longer', () => {
    const on = ids('2022-06-01T12:00:00+02:00');
    expect(on).toContain('inhaalzorg-addendum-2022');
    expect(on).not.toContain('inhaalzorg-kader-2021');
  });

  it('1 June 2025: no catch-up framework, no AZWA yet; the standing rights apply', () => {
    const on = ids('2025-06-01T12:00:00+02:00');
    expect(on.some((id) => id.startsWith('inhaalzorg'))).toBe(false);
    expect(on).not.toContain('azwa-proactive-mediation-2026');
    expect(on).toEqual(
      expect.arrayContaining([
        'treeknormen-msz',
        'treeknormen-ggz',
        'insurer-duty-of-care',
        'zorgbemiddeling',
        'treatment-elsewhere',
        'urgency-by-doctor',
        'referral-valid-one-year',
        'referral-to-specialism',
        'natura-non-contracted-provider',
      ]),
    );
  });

  it('24 November 2026: AZWA (from 1 Jan 2026) applies — insurers may offer help proactively, with consent', () => {
    const on = ids('2026-11-24T12:00:00+01:00');
    expect(on).toContain('azwa-proactive-mediation-2026');
    const azwa = RIGHTS_STATEMENTS.find((s) => s.id === 'azwa-proactive-mediation-2026')!;
    expect(azwa.summaryEn).toMatch(/consent/);
  });

  it('uses the Dutch calendar day: 31 Dec 2021 23:30 UTC is already 2022 in the Netherlands', () => {
    expect(ids('2021-12-31T22:30:00Z')).toContain('inhaalzorg-kader-2021');
    expect(ids('2021-12-31T23:30:00Z')).toContain('inhaalzorg-addendum-2022');
  });

  it('the insurer duty of care starts with TH/BR-025 on 1 January 2018', () => {
    expect(ids('2017-12-31T12:00:00+01:00')).not.toContain('insurer-duty-of-care');
    expect(ids('2018-01-01T12:00:00+01:00')).toContain('insurer-duty-of-care');
  });
});

describe('unverified facts ([M] in the brief) never reach patients', () => {
  it('statementsFor leaves them out unless a reviewer asks for them', () => {
    const unverified = RIGHTS_STATEMENTS.filter((s) => !s.verified).map((s) => s.id);
    expect(unverified.length).toBeGreaterThan(0);
    const date = new Date('2026-11-24T12:00:00+01:00');
    expect(statementsFor(date).map((s) => s.id)).not.toEqual(expect.arrayContaining([unverified[0]]));
    expect(statementsFor(date, { includeUnverified: true }).map((s) => s.id)).toEqual(expect.arrayContaining(unverified));
  });

  it('no verified statement states a reimbursement percentage', () => {
    for (const s of RIGHTS_STATEMENTS.filter((r) => r.verified)) expect(s.summaryEn).not.toMatch(/\d+\s*%/);
  });
});

describe('every statement', () => {
  it.each(RIGHTS_STATEMENTS.map((s) => [s.id, s] as const))('%s has a source address, a validity period and a one-line summary', (_id, s) => {
    expect(s.sourceUrl).toMatch(/^https?:\/\//);
    expect(s.sourceTitle.length).toBeGreaterThan(5);
    expect(s.validFrom).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    if (s.validUntil !== null) expect(s.validUntil >= s.validFrom).toBe(true);
    expect(s.summaryEn.split(/(?<=[.!?])\s+(?=[A-Z])/).length).toBe(1);
    expect(rightsLocaleKey(s)).toBe(`rights.${s.id}`);
  });

  it('ids are unique', () => {
    expect(new Set(RIGHTS_STATEMENTS.map((s) => s.id)).size).toBe(RIGHTS_STATEMENTS.length);
  });
});
