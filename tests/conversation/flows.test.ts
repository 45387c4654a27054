import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Conversation, createHarness, play, type Harness } from './harness.ts';

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(async () => h.close());

const nl = (tenant = 'demo-verzekeraar') => new Conversation(h, tenant, 'nl');
const en = (tenant = 'demo-verzekeraar') => new Conversation(h, tenant, 'en');

describe('welcome', () => {
  it('says who it is (a computer, not a doctor), gives a privacy notice with a link and offers topics and the other language', async () => {
    await play(nl(), [
      ['<start>', { says: [/Wachtwijzer.*Demo Verzekeraar.*computer, geen arts/, /\[privacyverklaring\]\(\/privacy\)/, /112/], choices: ['Wachttijd opzoeken', 'Hulp van mijn verzekeraar', 'English'] }],
    ]);
  });

  it('is short: at most 45 words in at most two bubbles, with the privacy link, for every tenant and language', async () => {
    for (const c of [nl(), en(), nl('andere-verzekeraar'), nl('demo-ziekenhuis'), en('demo-ziekenhuis')]) {
      const replies = await c.start();
      const words = replies.map((r) => r.text.replace(/\]\([^)]*\)/g, ']')).join(' ').split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
      expect(replies.length).toBeLessThanOrEqual(2);
      expect(words).toBeLessThanOrEqual(45);
      expect(replies.some((r) => r.text.includes('](/privacy)'))).toBe(true);
    }
  });

  it('uses "je" for a tenant that chose the informal form of address', async () => {
    await play(nl('andere-verzekeraar'), [['<start>', { says: [/Ik deel niets zonder je toestemming/], never: [/\buw\b/] }]]);
  });

  it('welcomes in English', async () => {
    await play(en(), [['<start>', { says: [/I am a computer, not a doctor/, /privacy statement/], choices: ['Nederlands'] }]]);
  });
});

describe('waiting time', () => {
  it('answers the figures for the hospital and specialism asked about, against the Treeknorm, with source, date and a demo label', async () => {
    await play(nl(), [
      ['<start>', {}],
      ['Hoe lang is de wachttijd voor de oogarts in het Maasstad?', {
        says: [/Wachttijden voor Oogheelkunde bij Maasstad Ziekenhuis/, /demogegevens/, /Treeknorm/, /Bron: demogegevens \(gemaakt, niet echt\), gemeten op 1-11-2026/],
        never: [/Demo data|generated|not real/],
        choices: ['Sneller ergens anders', 'Hulp van mijn verzekeraar'],
      }],
    ]);
  });

  it('asks for what is missing, with the slot', async () => {
    await play(nl(), [
      ['<start>', {}],
      ['Wat is de wachttijd?', { asks: 'specialty' }],
      ['orthopedie', { asks: 'hospital' }],
      ['Erasmus MC', { says: [/Orthopedie bij Erasmus MC/] }],
    ]);
  });

  it('asks again kindly when the hospital is unknown', async () => {
    await play(nl(), [
      ['<start>', {}],
      ['Hoe lang moet ik wachten voor de KNO-arts?', { asks: 'hospital' }],
      ['Ziekenhuis Nergenshuizen', { says: [/Dat ziekenhuis ken ik niet/], asks: 'hospital' }],
    ]);
  });

  it('works in English', async () => {
    await play(en(), [
      ['<start>', {}],
      ['How long is the waiting time for a hip replacement at the Erasmus MC?', { says: [/Waiting times for Orthopaedics at Erasmus MC/, /demo data/, /Source:/] }],
    ]);
  });
});

describe('postponed care', () => {
  it('acknowledges, explains the catch-up framework and today, leaves urgency to the doctor and offers help', async () => {
    // A story without a treatment or a wait: what applies today (with a treatment, see dialogue.test.ts).
    await play(nl(), [
      ['<start>', {}],
      ['Mijn operatie is uitgesteld door het ziekenhuis. Wat nu?', {
        says: [/vervelend/, /2021 en 2022/, /zorgverzekeraar moet zorgen/, /Sinds 2026/, /Alleen uw arts bepaalt/],
        choices: ['Hulp van mijn verzekeraar', 'Sneller ergens anders'],
      }],
    ]);
  });

  it('answers a postponed treatment with its norm first (issue 11: no fixed template)', async () => {
    await play(nl(), [
      ['<start>', {}],
      ['Mijn knieoperatie is uitgesteld. Wat nu?', {
        says: [/vervelend/, /Treeknorm 6 of 7 weken/, /Alleen uw arts bepaalt/],
        never: [/2021 en 2022/],
        choices: ['Hulp van mijn verzekeraar', 'Sneller ergens anders'],
      }],
    ]);
  });

  it('takes "ja" to its offer as a mediation request', async () => {
    await play(nl(), [
      ['<start>', {}],
      ['Mijn knieoperatie is uitgesteld. Wat nu?', { says: [/Wilt u dat\?/] }],
      ['ja graag', { asks: 'consent' }],
    ]);
  });

  it('does so in English', async () => {
    await play(en(), [['<start>', {}], ['My operation was cancelled because of the hospital, what can I do?', { says: [/sorry your treatment was postponed/, /Only your doctor decides/] }]]);
  });
});

describe('rights', () => {
  it('answers "all my rights" with a short index of topics as choices, never the whole list', async () => {
    const c = nl();
    await play(c, [['<start>', {}], ['Wat zijn mijn rechten als ik te lang moet wachten?', { says: [/Over welk onderwerp/], choices: ['Wat is een Treeknorm?', 'Wat is zorgbemiddeling?'] }]]);
    expect(c.replies).toHaveLength(1);
    expect(c.replies[0]!.choices!.length).toBeLessThanOrEqual(6);
  });

  it('answers the specific question asked from its card, with the source in the answer\'s language', async () => {
    await play(nl(), [['<start>', {}], ['Geldt het Kader Passende Inhaalzorg nog?', { says: [/gelden niet meer/, /^Bron: \[.+\]\(https:\/\/.+\)/], never: [/Dit zijn uw rechten/, /in force/] }]]);
    await play(nl(), [['<start>', {}], ['Is zorgbemiddeling gratis?', { says: [/gratis/], asks: null }]]);
  });

  it('says the catch-up framework applies when asked on a date inside its validity', async () => {
    const c = new Conversation(h, 'demo-verzekeraar', 'nl', undefined, new Date('2021-09-01T10:00:00+02:00'));
    await play(c, [['<start>', {}], ['Geldt het Kader Passende Inhaalzorg nog?', { says: [/geldt nu/, /31 december 2021/], never: [/niet meer/] }]]);
  });
});

describe('treatment elsewhere', () => {
  it('asks postcode and distance, lists shorter waits with distance and source, and respects staying put', async () => {
    await play(nl(), [
      ['<start>', {}],
      ['Kan ik ergens anders sneller geholpen worden voor mijn staaroperatie? Ik wacht al 30 weken.', { says: [/ander ziekenhuis/], asks: 'postcode' }],
      ['99999', { says: [/geen Nederlandse postcode/], asks: 'postcode' }],
      ['3011 AB', { asks: 'maxTravelKm' }],
      ['30 km', { says: [/Plekken voor Oogheelkunde binnen 30 km/, /km/, /sneller/, /verwijzing blijft 1 jaar/], choices: ['Ik blijf bij mijn ziekenhuis'] }],
      ['Ik blijf bij mijn ziekenhuis', { says: [/U blijft bij uw eigen ziekenhuis/] }],
    ]);
  });
});

const kees = {
  first: 'Ik wacht al 20 weken op mijn staaroperatie in de Isala. Kan mijn zorgverzekeraar bemiddelen?',
};

describe('mediation request', () => {
  it('asks consent first, skips what the patient already said, summarises and stores one case in the insurer queue', async () => {
    const c = nl();
    await play(c, [
      ['<start>', {}],
      [kees.first, { says: [/Ik stuur dan naar Demo Verzekeraar/, /bewaard/], asks: 'consent', choices: ['Ja, ik geef toestemming', 'Nee, liever niet'] }],
      ['Ja, ik geef toestemming', { asks: 'fullName' }],
      ['Kees van Dijk', { asks: 'dateOfBirth' }],
      ['30-06-1950', { asks: 'policyNumber' }],
      ['99887766', { asks: 'contactPreference', choices: ['Telefoon', 'E-mail'] }],
      ['Telefoon', { asks: 'phone' }],
      ['0687654321', { asks: 'postcode' }],
      ['8011 AB', { asks: 'maxTravelKm' }],
      ['60 km', { says: [/Dit stuur ik naar Demo Verzekeraar/, /Kees van Dijk/, /30-6-1950/, /Isala/, /20 weken/], asks: 'confirm', choices: ['Ja, versturen', 'Iets aanpassen'] }],
      ['Ja, versturen', { caseReference: true, says: [/binnen 2 werkdagen/], event: 'handoff.initiate' }],
    ]);
    const stored = await h.services.cases.findForInsurer(c.caseReference!, 'demo-verzekeraar');
    expect(stored?.request).toMatchObject({
      specialty: '0301', hospital: 'Isala', waitingWeeks: 20, treeknormExceeded: true, postcode: '8011AB', maxTravelKm: 60, contactPreference: 'phone',
      patient: { fullName: 'Kees van Dijk', dateOfBirth: '1950-06-30', policyNumber: '99887766', phone: expect.stringMatching(/0687654321|\+31687654321|06/), email: null },
      consent: { given: true },
    });
    expect(JSON.stringify(stored?.request)).not.toMatch(/bsn/i);
  });

  it('never makes two cases for a double-sent confirmation', async () => {
    const c = nl();
    await c.start();
    for (const s of [kees.first, 'ja', 'Kees van Dijk', '30-06-1950', '99887766', 'e-mail', 'kees@example.nl', '8011AB', '50']) await c.say(s);
    expect(c.lastSlot).toBe('confirm');
    const before = JSON.parse(JSON.stringify(c.state));
    await c.say('Ja, versturen');
    const first = c.caseReference;
    c.state = before; // the same turn delivered twice
    await c.say('Ja, versturen');
    expect(c.caseReference).toBe(first);
    expect(await h.services.db.case.count({ where: { reference: first! } })).toBe(1);
  });

  it('lets the patient correct a field from the summary', async () => {
    const c = nl();
    await c.start();
    for (const s of [kees.first, 'ja', 'Kees van Dijk', '30-06-1950', '99887766', 'telefoon', '06 12345678', '8011AB', '25 km']) await c.say(s);
    await play(c, [
      ['Iets aanpassen', { says: [/Wat wilt u aanpassen/], choices: ['Postcode', 'Naam'] }],
      ['Postcode', { asks: 'postcode' }],
      ['3011 AB', { says: [/Postcode: 3011AB/], asks: 'confirm' }],
    ]);
  });

  it('refuses a BSN once and explains it is never needed', async () => {
    const c = nl();
    await c.start();
    for (const s of [kees.first, 'ja', 'Kees van Dijk', '30-06-1950']) await c.say(s);
    await play(c, [
      ['111222333', { says: [/burgerservicenummer \(BSN\)/], asks: 'policyNumber' }],
      ['A12345678', { asks: 'contactPreference' }],
    ]);
    expect(JSON.stringify(c.state?.transcript)).not.toContain('111222333');
  });

  it('rejects implausible and malformed answers kindly and keeps what was stored', async () => {
    const c = nl();
    await c.start();
    for (const s of [kees.first, 'ja', 'Kees van Dijk']) await c.say(s);
    await play(c, [
      ['31-02-1950', { says: [/datum/], asks: 'dateOfBirth' }],
      ['1-1-1850', { says: [/kan niet kloppen/], asks: 'dateOfBirth' }],
      ['2 april 1961', { asks: 'policyNumber' }],
    ]);
    expect(c.state?.facts.fullName).toBe('Kees van Dijk');
    expect(c.state?.facts.dateOfBirth).toBe('1961-04-02');
  });

  it('respects a refusal of consent and still helps', async () => {
    await play(nl(), [
      ['<start>', {}],
      ['Ik wil dat mijn verzekeraar helpt', { asks: 'consent' }],
      ['Nee, liever niet', { says: [/Ik stuur niets door/], asks: null }],
    ]);
  });

  it('in English, with an English date of birth and e-mail', async () => {
    const c = en();
    await play(c, [
      ['<start>', {}],
      ['I would like my health insurer to mediate for me. I need a knee replacement and I have been waiting 6 months.', { asks: 'consent' }],
      ['Yes, I consent', { asks: 'fullName' }],
      ['Anna de Boer', { asks: 'dateOfBirth' }],
      ['April 2, 1961', { asks: 'policyNumber' }],
      ['ZK-123456', { asks: 'contactPreference' }],
      ['E-mail', { asks: 'email' }],
      ['anna@example.com', { asks: 'postcode' }],
      ['3011AB', { asks: 'hospital' }],
      ["I don't know", { asks: 'maxTravelKm' }],
      ['100 km', { asks: 'confirm' }],
      ['Yes, send it', { caseReference: true, says: [/within 2 working days/] }],
    ]);
    const stored = await h.services.cases.findForInsurer(c.caseReference!, 'demo-verzekeraar');
    expect(stored?.locale).toBe('en');
    expect(stored?.request).toMatchObject({ specialty: '0305', waitingWeeks: 26, hospital: null, patient: { dateOfBirth: '1961-04-02', email: 'anna@example.com', policyNumber: 'ZK123456' } });
  });
});

describe('hospital site', () => {
  it("asks the patient's insurer and routes to that insurer's queue", async () => {
    const c = nl('demo-ziekenhuis');
    await c.start();
    await play(c, [
      ['Ik wil zorgbemiddeling aanvragen voor mijn heupoperatie', { asks: 'consent' }],
      ['ja', { asks: 'insurer', choices: ['Demo Verzekeraar', 'Andere Verzekeraar'] }],
      ['Andere Verzekeraar', { asks: 'fullName' }],
    ]);
    for (const s of ['Piet Jansen', '1-1-1960', '12345678', 'telefoon', '0612345678', '3011AB', 'Maasstad', '14 weken', '30']) await c.say(s);
    await c.say('Ja, versturen');
    expect(c.caseReference).toMatch(/^ZB-/);
    expect(await h.services.cases.findForInsurer(c.caseReference!, 'andere-verzekeraar')).not.toBeNull();
    expect(await h.services.cases.findForInsurer(c.caseReference!, 'demo-verzekeraar')).toBeNull();
  });

  it('gives an insurer that does not work with us its own route instead of a case', async () => {
    const c = nl('demo-ziekenhuis');
    await c.start();
    await c.say('Ik wil zorgbemiddeling aanvragen');
    await c.say('ja');
    // At once, before any personal data is asked; Univé's own mediation desk is in the reference data.
    await play(c, [['Interpolis', { says: [/Interpolis werkt nog niet met deze assistent/, /zorgpas/], never: [/referentie/], asks: null }]]);
    const again = nl('demo-ziekenhuis');
    await again.start();
    await again.say('Ik wil zorgbemiddeling aanvragen');
    await again.say('ja');
    await play(again, [['Univé', { says: [/Univé werkt nog niet/, /088 131 1617/], asks: null }]]);
  });
});

describe('at any turn', () => {
  it('routes an emergency at once as the whole turn; the next turn asks whether to go on', async () => {
    const c = nl();
    await c.start();
    await c.say(kees.first);
    await c.say('ja');
    await play(c, [
      ['Ik heb ineens hele erge pijn op de borst', { says: [/Bel nu \*\*112\*\*/], never: [/verder waar we waren/, /huisartsenpost/], asks: null }],
      ['ok', { says: [/Wilt u verder met uw aanvraag/], choices: ['Ja, ga verder', 'Nee, nu niet'], asks: null }],
      ['Ja, ga verder', { asks: 'fullName' }],
    ]);
  });

  it('routes suicidal thoughts to 113', async () => {
    await play(nl(), [['<start>', {}], ['ik wil niet meer leven', { says: [/113/, /0800-0113/, /113\.nl/] }]]);
    await play(en(), [['<start>', {}], ["I don't want to live anymore", { says: [/113/] }]]);
  });

  it('refuses medical advice kindly, pointing to the own doctor', async () => {
    await play(nl(), [['<start>', {}], ['Moet ik mijn heupoperatie wel laten doen of kan ik beter wachten?', { says: [/geen medisch advies/, /huisarts/] }]]);
  });

  it('answers a privacy question mid-intake and asks the pending question again', async () => {
    const c = nl();
    await c.start();
    await c.say(kees.first);
    await c.say('ja');
    await play(c, [['Wat doen jullie met mijn gegevens?', { says: [/BSN/, /verder waar we waren/], asks: 'fullName' }]]);
  });

  it('changes language and asks the pending question again in the new language', async () => {
    const c = nl();
    await c.start();
    await c.say(kees.first);
    await c.say('ja');
    await play(c, [['English', { says: [/I will now talk to you in English/, /What is your full name/], asks: 'fullName' }]]);
  });

  it('follows the page when it switches language (widget setLocale)', async () => {
    const c = nl();
    await c.start();
    await c.say(kees.first);
    const replies = await (c as unknown as { turn(i: unknown): Promise<{ text: string }[]> }).turn({ kind: 'message', text: 'Yes, I consent', locale: 'en' });
    expect(replies.at(-1)?.text).toMatch(/What is your full name/);
  });

  it('offers a person: office hours inside and outside', async () => {
    const inside = nl();
    inside.now = new Date('2026-11-24T10:00:00+01:00'); // Tuesday 10:00
    await play(inside, [['<start>', {}], ['Ik wil een medewerker spreken', { says: [/U kunt nu een medewerker/] }]]);
    const outside = nl();
    outside.now = new Date('2026-11-28T22:00:00+01:00'); // Saturday night
    await play(outside, [['<start>', {}], ['Ik wil een mens spreken', { says: [/er nu niet/, /08:30–17:00/, /terugbelt/], choices: ['Hulp van mijn verzekeraar'] }]]);
  });

  it('erases the conversation and a case not yet picked up when the patient asks', async () => {
    const c = nl();
    await c.start();
    for (const s of [kees.first, 'ja', 'Kees van Dijk', '30-06-1950', '99887766', 'telefoon', '0612345678', '8011AB', '50', 'Ja, versturen']) await c.say(s);
    const reference = c.caseReference!;
    await play(c, [
      ['Verwijder mijn gegevens', { says: [/Wilt u dat ik uw gegevens verwijder/], choices: ['Ja, verwijder alles', 'Nee, niet verwijderen'] }],
      ['Ja, verwijder alles', { says: [/Uw gesprek is verwijderd/, /Ook uw aanvraag is verwijderd/], event: 'conversation.erased' }],
    ]);
    expect(await h.services.cases.findForInsurer(reference, 'demo-verzekeraar')).toBeNull();
    expect(c.state?.transcript.length ?? 0).toBeLessThan(5);
  });

  it('tells the status of a request with reference and date of birth', async () => {
    const c = nl();
    await c.start();
    for (const s of [kees.first, 'ja', 'Kees van Dijk', '30-06-1950', '99887766', 'telefoon', '0612345678', '8011AB', '50', 'Ja, versturen']) await c.say(s);
    const reference = c.caseReference!;
    const later = nl();
    await later.start();
    await play(later, [
      ['Wat is de status van mijn aanvraag?', { says: [/referentie/] }],
      [reference, { asks: 'dateOfBirth' }],
      ['30-06-1950', { says: [new RegExp(`${reference} is ontvangen`)] }],
    ]);
    // Once a mediator has picked it up, the status says so and comes as handoff.status "accepted".
    await h.services.db.case.update({ where: { reference }, data: { status: 'claimed' } });
    await play(later, [
      [`status aanvraag ${reference}`, { asks: 'dateOfBirth' }],
      ['30-06-1950', { says: [/opgepakt/], event: 'handoff.status' }],
    ]);
    expect(later.events.find((e) => e.name === 'handoff.status')?.value).toMatchObject({ state: 'accepted', reference });
    await play(later, [
      [`status aanvraag ${reference}`, { asks: 'dateOfBirth' }],
      ['1-1-1970', { says: [/geen aanvraag/] }],
    ]);
  });

  it('starts over on request', async () => {
    const c = nl();
    await c.start();
    await c.say(kees.first);
    await play(c, [['opnieuw beginnen', { says: [/opnieuw/, /Wachtwijzer/] }]]);
    expect(c.state?.facts).toEqual({});
  });

  it('never leaves a dead end: after two misses it offers choices and a person', async () => {
    await play(nl(), [
      ['<start>', {}],
      ['blablabla qwerty', { says: [/begreep ik niet/], choices: ['Wachttijd opzoeken'] }],
      ['asdf zxcv', { says: [/nog steeds niet/], choices: ['Een medewerker spreken'] }],
    ]);
  });

  it('in English too: an emergency and a privacy question interrupt the intake, which then goes on', async () => {
    const c = en();
    await c.start();
    await c.say('I want to file a mediation request with my insurer');
    await c.say('Yes, I consent');
    await play(c, [
      ["I suddenly can't breathe", { says: [/Call \*\*112\*\* now/], asks: null }],
      ['it is ok now', { says: [/go on with your request/], choices: ['Yes, go on'] }],
      ['yes', { asks: 'fullName' }],
      ['What happens with my data?', { says: [/BSN/], asks: 'fullName' }],
      ['Nederlands', { says: [/Nederlands/, /Wat is uw volledige naam/], asks: 'fullName' }],
    ]);
  });

  it('in English: refuses medical advice and offers a person', async () => {
    await play(en(), [
      ['<start>', {}],
      ['Should I take ibuprofen for the pain while I wait?', { says: [/cannot give medical advice/] }],
      ['Can I speak to a real person?', { says: [/call a person|not available/] }],
    ]);
  });

  it('says goodbye', async () => {
    await play(nl(), [['<start>', {}], ['Bedankt, dat was het', { says: [/Graag gedaan/] }]]);
  });
});
