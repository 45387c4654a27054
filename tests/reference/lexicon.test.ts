// reference/treatments.json: lay words and specialist names → specialism (COD016) and care type.
import { describe, expect, it } from 'vitest';
import { loadReferenceData } from '../../bot/data/referenceData.ts';
import { normalizeText, toMatchKey } from '../../bot/domain/text.ts';

const data = loadReferenceData();
const byForm = new Map(data.treatments.flatMap((t) => [...t.terms.nl, ...t.terms.en].map((f) => [toMatchKey(f), t] as const)));

describe('treatments.json', () => {
  it('has at least ~120 entries', () => {
    expect(data.treatments.length).toBeGreaterThanOrEqual(120);
  });

  it('every specialty exists in specialisms.csv', () => {
    const codes = new Set(data.specialisms.map((s) => s.code));
    for (const t of data.treatments) expect(codes.has(t.specialty), `${t.id}: ${t.specialty}`).toBe(true);
  });

  it('every specialism has at least one specialist-name or lay term', () => {
    const covered = new Set(data.treatments.map((t) => t.specialty));
    for (const s of data.specialisms) expect(covered.has(s.code), s.code).toBe(true);
  });

  it('surface forms are lower case without accents, and no form belongs to two entries', () => {
    const owner = new Map<string, string>();
    for (const t of data.treatments) {
      for (const form of [...t.terms.nl, ...t.terms.en]) {
        expect(form).toBe(normalizeText(form));
        const key = toMatchKey(form);
        expect(owner.get(key) ?? t.id, `"${form}"`).toBe(t.id);
        owner.set(key, t.id);
      }
    }
  });

  it.each([
    ['staar', '0301', 'day_treatment'],
    ['cataract', '0301', 'day_treatment'],
    ['staaroperatie', '0301', 'day_treatment'],
    ['nieuwe heup', '0305', 'clinical'],
    ['heupprothese', '0305', 'clinical'],
    ['hip replacement', '0305', 'clinical'],
    ['knieprothese', '0305', 'clinical'],
    ['nieuwe knie', '0305', 'clinical'],
    ['meniscus', '0305', 'day_treatment'],
    ['kijkoperatie knie', '0305', 'day_treatment'],
    ['liesbreuk', '0303', 'day_treatment'],
    ['hernia inguinalis', '0303', 'day_treatment'],
    ['spataderen', '0310', 'day_treatment'], // NZa files varices under "Dermatologie (310) / Chirurgie (heelkunde) (303)"
    ['amandelen', '0302', 'day_treatment'],
    ['tonsillectomie', '0302', 'day_treatment'],
    ['dotteren', '0320', 'treatment'],
    ['dotterbehandeling', '0320', 'treatment'],
    ['carpaal tunnel', '0303', 'day_treatment'],
    ['galblaas', '0303', 'treatment'],
    ['baarmoeder verwijderen', '0307', 'clinical'],
    ['prostaat', '0306', 'treatment'],
    ['rughernia', '0308', 'treatment'],
    ['hernia', '0308', 'treatment'],
    ['mri', '0362', 'diagnostics'],
    ['ct scan', '0362', 'diagnostics'],
    ['ct-scan', '0362', 'diagnostics'],
    ['oogarts', '0301', 'outpatient'],
    ['kno-arts', '0302', 'outpatient'],
    ['kno arts', '0302', 'outpatient'],
    ['orthopeed', '0305', 'outpatient'],
    ['cardioloog', '0320', 'outpatient'],
    ['dermatoloog', '0310', 'outpatient'],
    ['huidarts', '0310', 'outpatient'],
    ['internist', '0313', 'outpatient'],
    ['kinderarts', '0316', 'outpatient'],
    ['longarts', '0322', 'outpatient'],
    ['neuroloog', '0330', 'outpatient'],
    ['uroloog', '0306', 'outpatient'],
    ['gynaecoloog', '0307', 'outpatient'],
    ['mdl-arts', '0318', 'outpatient'],
    ['mdl arts', '0318', 'outpatient'],
    ['ophthalmologist', '0301', 'outpatient'],
  ])('%j → %s (%s)', (form, specialty, careType) => {
    const entry = byForm.get(toMatchKey(form));
    expect(entry, form).toBeDefined();
    expect([entry!.specialty, entry!.careType]).toEqual([specialty, careType]);
  });
});

describe('specialisms.csv', () => {
  it('has the 26 codes of the interface contract, 0301 … 0390', () => {
    expect(data.specialisms).toHaveLength(26);
    expect(data.specialisms[0]).toEqual({ code: '0301', nameNl: 'Oogheelkunde', nameEn: 'Ophthalmology' });
    expect(data.specialisms.at(-1)!.code).toBe('0390');
  });
});
