import { beforeAll, describe, expect, it } from 'vitest';
import { loadReferenceData } from '../../bot/data/referenceData.ts';
import { createUnderstanding } from '../../bot/understanding/index.ts';
import type { Intent, Locale } from '../../bot/understanding/index.ts';
import type { ReferenceData } from '../../bot/domain/reference.ts';
import type { Understanding } from '../../bot/understanding/types.ts';

let u: Understanding;
beforeAll(() => {
  u = createUnderstanding(loadReferenceData());
});

describe('intents and the tie-breaks between them', () => {
  it.each<[string, Locale, Intent]>([
    // Red flags win over everything else in the message.
    ['Mijn heupoperatie is uitgesteld en nu heb ik pijn op de borst', 'nl', 'emergency'],
    ['My surgery was postponed and I want to end my life', 'en', 'emergency'],
    // A denied red flag does not make an emergency.
    ['Ik heb geen pijn op de borst, hoe lang is de wachttijd bij de cardioloog?', 'nl', 'waiting_time'],
    // Reported postponement, generic "what now": postponed care.
    ['Mijn staaroperatie is afgezegd, wat moet ik nu doen?', 'nl', 'postponed_care'],
    ['They cancelled my knee operation again. What now?', 'en', 'postponed_care'],
    // Postponement plus a request to mediate: what the patient asks for wins.
    ['Mijn knieoperatie is uitgesteld, kunnen jullie bemiddelen?', 'nl', 'mediation_request'],
    ['My hip surgery was postponed, please arrange mediation', 'en', 'mediation_request'],
    // Postponement plus "can I go elsewhere": treatment elsewhere.
    ['Mijn operatie is uitgesteld, kan ik ergens anders sneller terecht?', 'nl', 'treatment_elsewhere'],
    // A wait plus "is that allowed / the norm": rights.
    ['Ik wacht al 15 weken, is dat wel volgens de treeknorm?', 'nl', 'rights'],
    // Medical advice phrased as a waiting-time question.
    ['Moet ik mijn heupoperatie wel laten doen of kan ik beter wachten?', 'nl', 'medical_advice'],
    ['Is it dangerous to wait another three months for my knee surgery?', 'en', 'medical_advice'],
    ['hoe lang is de wachttijd voor een nieuwe knie', 'nl', 'waiting_time'],
    ['wachtijd oogarts', 'nl', 'waiting_time'], // misspelt
    ['Ik wil met een medewerker praten', 'nl', 'human_agent'],
    ['Please delete my personal data', 'en', 'privacy'],
    ['Hallo!', 'nl', 'greeting'],
    ['hoi allemaal', 'nl', 'greeting'],
    ['ok dankjewel, doei', 'nl', 'thanks_goodbye'],
    ['thanks, bye', 'en', 'thanks_goodbye'],
    ['Wat wordt het weer morgen?', 'nl', 'out_of_scope'],
    ['', 'nl', 'out_of_scope'],
  ])('"%s" (%s) → %s', (text, locale, intent) => {
    expect(u.understand(text, locale).intent).toBe(intent);
  });

  it('keeps the soft red flag on the result when the intent is not an emergency', () => {
    const r = u.understand('Ik heb geen pijn op de borst, hoe lang is de wachttijd bij de cardioloog?', 'nl');
    expect(r.emergency).toMatchObject({ kind: 'medical', negated: true });
  });
  it('gives a confidence between 0 and 1', () => {
    const r = u.understand('hoe lang is de wachttijd bij de kno-arts?', 'nl');
    expect(r.confidence).toBeGreaterThan(0.5);
    expect(r.confidence).toBeLessThanOrEqual(1);
  });
});

describe('language', () => {
  it.each<[string, Locale, Locale]>([
    ['How long is the waiting list for a new hip?', 'nl', 'en'],
    ['Hoe lang is de wachttijd bij de uroloog?', 'en', 'nl'],
    ['Isala', 'en', 'en'], // no evidence: the page's language stands
    ['wachttijd oogarts', 'nl', 'nl'],
  ])('"%s" on a %s page is %s', (text, page, language) => {
    expect(u.understand(text, page).language).toBe(language);
  });
});

describe('entities', () => {
  it.each<[string, Locale, string | null]>([
    ['wachttijd orthopedie', 'nl', '0305'],
    ['Hoe lang moet ik wachten voor de oogarts?', 'nl', '0301'],
    ['afspraak bij de orthopeed', 'nl', '0305'],
    ['wachttijd kno-arts', 'nl', '0302'],
    ['wachttijd kno arts', 'nl', '0302'],
    ['de cardioloog', 'nl', '0320'],
    ['hoe lang wachten op een staaroperatie', 'nl', '0301'],
    ['wachten op een nieuwe heup', 'nl', '0305'],
    ['mijn knieoperatie is uitgesteld', 'nl', '0305'],
    ['Wachttijd voor een hernia operatie?', 'nl', '0308'], // Dutch "hernia" is a slipped disc
    ['How long is the wait for hernia surgery?', 'en', '0303'], // English "hernia" is abdominal
    ['waiting time ophtalmologist', 'en', '0301'], // misspelt
    ['Moet ik naar de huisarts?', 'nl', null], // the GP is not "huidarts"
    ['mijn knie is opgezwollen, moet ik koelen?', 'nl', null], // a body part alone is a symptom
    ['Ik heb rugpijn', 'nl', null],
  ])('"%s": specialty %s', (text, locale, code) => {
    expect(u.understand(text, locale).entities.specialty).toBe(code);
  });

  it('reports the matched treatment and its care type', () => {
    const e = u.understand('Ik wacht op mijn staaroperatie', 'nl').entities;
    expect(e.specialtyTerm).toMatchObject({ id: 'staaroperatie', matched: 'staaroperatie' });
    expect(e.careType).toBe('day_treatment');
  });

  it.each<[string, string | null]>([
    ['wachttijd in het Maasstad', 'Maasstad Ziekenhuis'],
    ['Are the waits long at the AMC?', 'Amsterdam UMC'],
    ['wachtlijst gynaecologie erasmus', 'Erasmus MC'],
    ['in het maasstadt', 'Maasstad Ziekenhuis'], // misspelt
    ['Krijg ik een vergoeding als het ziekenhuis de wachttijd overschrijdt?', null], // not "ziekenhuis Ede"
    ['Ik woon in Utrecht', null], // a city is not a hospital
  ])('"%s": hospital %s', (text, hospital) => {
    expect(u.understand(text, 'nl').entities.hospital).toBe(hospital);
  });

  it.each<[string, Locale, number | null]>([
    ['Ik wacht al 3 maanden', 'nl', 13],
    ['ik sta al een half jaar op de wachtlijst', 'nl', 26],
    ['al anderhalve maand wachten', 'nl', 7],
    ['ik wacht nu ruim 2 maanden', 'nl', 9],
    ['ik sta een week of acht op de lijst', 'nl', 8],
    ['wachttijd 10 wk', 'nl', 10],
    ['twintig weken wachten', 'nl', 20],
    ["I've been waiting six weeks", 'en', 6],
    ['waiting for a year now', 'en', 52],
    ['been on the list for almost four months', 'en', 17],
    ['ik ben 70 jaar en wacht op een nieuwe heup', 'nl', null], // an age
    ["I'm 70 years old and waiting", 'en', null],
    ['postcode 3011, hoe lang wachten?', 'nl', null], // a postcode
    ['ik wil maximaal 30 km reizen', 'nl', null], // a distance
    ["I've had a rash for a week", 'en', null], // a symptom's duration
    ['ik wacht al sinds maart', 'nl', null], // needs the date of today: left to the caller
    ['ik ga 2 dagen per week naar de fysio', 'nl', null], // a frequency
  ])('"%s": waitingWeeks %s', (text, locale, weeks) => {
    expect(u.understand(text, locale).entities.waitingWeeks).toBe(weeks);
  });

  it('reads postcodes, contact details, distances and a date of birth for slot filling', () => {
    const e = u.understand('Ik ben geboren op 30-06-1950, woon in 8011 AB, bel me op 06-12345678 of mail kees@example.nl; max 60 km', 'nl').entities;
    expect(e).toMatchObject({ postcode: '8011AB', phone: '+31612345678', email: 'kees@example.nl', dateOfBirth: '1950-06-30', distanceKm: 60 });
  });
  it('answers yes/no for short answers', () => {
    expect(u.understand('ja graag', 'nl').yesNo).toBe('yes');
    expect(u.understand('no thanks', 'en').yesNo).toBe('no');
  });
});

describe('long and odd input', () => {
  it('answers a pasted 50,000-character message quickly and still finds a red flag at its end', () => {
    const text = `${'Ik wacht al drie maanden op mijn knieoperatie. '.repeat(1000)}Nu heb ik pijn op de borst.`;
    const started = performance.now();
    const r = u.understand(text, 'nl');
    // Generous bound for a busy machine; before the guards this took seconds.
    expect(performance.now() - started).toBeLessThan(1000);
    expect(r.intent).toBe('emergency');
  });
  it('does not hang on one enormous word', () => {
    const started = performance.now();
    expect(u.understand('a'.repeat(50_000), 'nl').intent).toBe('out_of_scope');
    expect(performance.now() - started).toBeLessThan(1000);
  });
});

describe('with reference data passed in', () => {
  // A small fixture: the module needs only the ReferenceData type, not the shipped files.
  const fixture: ReferenceData = {
    hospitals: [
      {
        id: 'testziekenhuis',
        officialName: 'Testziekenhuis Noord',
        kind: 'general',
        agbCode: null,
        aliases: ['TZN', 'het Testziekenhuis'],
        website: null,
        locations: [{ id: 'tzn-a', name: 'Testziekenhuis Noord', city: 'Groningen', postcode: '9713GZ', pc4: '9713', latitude: 53.2, longitude: 6.5, agbCode: null, hasEmergency: true }],
      },
    ],
    specialisms: [{ code: '0305', nameNl: 'Orthopedie', nameEn: 'Orthopaedics' }],
    treatments: [{ id: 'voetoperatie', terms: { nl: ['voetoperatie'], en: ['foot surgery'] }, specialty: '0305', careType: 'day_treatment', label: { nl: 'Voetoperatie', en: 'Foot surgery' } }],
    insurers: [],
    pc4: new Map(),
  };
  it('resolves the fixture hospital and treatment', () => {
    const small = createUnderstanding(fixture);
    const e = small.understand('Hoe lang wachten op een voetoperatie bij het TZN?', 'nl').entities;
    expect(e).toMatchObject({ hospital: 'Testziekenhuis Noord', specialty: '0305', specialtyTerm: { id: 'voetoperatie' } });
  });
});
