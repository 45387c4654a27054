import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../../bot/data/audit.ts';
import { Conversation, createHarness, play, type Harness } from './harness.ts';

/**
 * Issue 10, as conversation tables in both languages: emergencies stop the intake, no BSN is
 * kept, consent can be withdrawn in words, case status stays within its tenant, erasure asks
 * first, and a patient can write for someone else.
 */
let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(async () => h.close());

/** Answers whatever the intake asks, as a patient would, until the summary. */
async function fillIntake(c: Conversation, answers: Record<string, string>): Promise<void> {
  for (let i = 0; i < 20 && c.lastSlot !== 'confirm'; i++) {
    const slot = c.lastSlot;
    if (!slot || !(slot in answers)) throw new Error(`unexpected question ${slot}: ${c.replies.map((r) => r.text).join(' | ')}`);
    await c.say(answers[slot]!);
  }
}
const truus = { consent: 'ja', fullName: 'Truus de Wit', dateOfBirth: '1-2-1950', policyNumber: 'AB12345', contactPreference: 'telefoon', phone: '0612345678', postcode: '3011AB', hospital: 'Maasstad', specialty: 'oncologie', waitingWeeks: '13 weken', maxTravelKm: '30' };

const nl = (tenant = 'demo-verzekeraar') => new Conversation(h, tenant, 'nl');
const en = (tenant = 'demo-verzekeraar') => new Conversation(h, tenant, 'en');

const intakeNl = ['Ik wacht al 20 weken op mijn staaroperatie in de Isala. Kan mijn zorgverzekeraar bemiddelen?', 'ja'];
const intakeEn = ['I want to file a mediation request with my insurer, I wait 20 weeks for cataract surgery at Isala', 'Yes, I consent'];

// A weekday morning and a Saturday night, Amsterdam time.
const weekdayMorning = new Date('2026-11-24T10:00:00+01:00');
const saturdayNight = new Date('2026-11-28T23:00:00+01:00');

describe('emergencies: the reply is the whole turn, at any moment', () => {
  it.each([
    ['ik wil dood, ik heb pillen gespaard', /113/],
    ['zijn mond hangt scheef', /Bel nu \*\*112\*\*/],
    ['mijn moeder is flauwgevallen en wordt niet wakker', /Bel nu \*\*112\*\*/],
    ['pijn op de borst die uitstraalt naar mijn arm', /Bel nu \*\*112\*\*/],
    ['ik kan sinds vanochtend mijn arm niet meer bewegen', /Bel nu \*\*112\*\*/],
    ['ik krijg slecht lucht', /Bel nu \*\*112\*\*/],
  ])('nl, in the middle of the policy-number question: «%s»', async (text, routing) => {
    const c = nl();
    await c.start();
    for (const s of [...intakeNl, 'Kees van Dijk', '30-06-1950']) await c.say(s);
    expect(c.lastSlot).toBe('policyNumber');
    await play(c, [
      [text, { says: [routing], never: [/verder waar we waren/, /polisnummer/i, /Is er levensgevaar/], asks: null }],
      ['ok', { says: [/Wilt u verder met uw aanvraag/], choices: ['Ja, ga verder', 'Nee, nu niet'], asks: null }],
      ['ja', { asks: 'policyNumber' }],
    ]);
    // Nothing of the emergency message became an answer.
    expect(c.state?.facts.policyNumber).toBeUndefined();
  });

  it('nl: 113 is warm, free, anonymous, day and night, with 112 for direct danger, and also for someone else', async () => {
    await play(nl(), [
      ['<start>', {}],
      ['mijn dochter wil zichzelf iets aandoen', { says: [/Goed dat u het zegt/, /gratis en anoniem \*\*113\*\*/, /dag en nacht/, /direct gevaar\? Bel \*\*112\*\*/, /iemand anders/], asks: null }],
    ]);
  });

  it('nl: "nee" after an emergency stops the request without sending anything', async () => {
    const c = nl();
    await c.start();
    for (const s of intakeNl) await c.say(s);
    await play(c, [
      ['mijn man zakt in elkaar', { says: [/112/], asks: null }],
      ['hij ligt nu in de ambulance', { says: [/Wilt u verder/] }],
      ['Nee, nu niet', { says: [/Ik stuur niets door/], asks: null }],
    ]);
    expect(c.state?.pending).toBeNull();
  });

  it('en: an emergency in the middle of the date-of-birth question, then going on', async () => {
    const c = en();
    await c.start();
    for (const s of [...intakeEn, 'Anna de Boer']) await c.say(s);
    await play(c, [
      ["I can't feel my leg", { says: [/Call \*\*112\*\* now/], never: [/date of birth/], asks: null }],
      ['fine now', { says: [/go on with your request/], choices: ['Yes, go on', 'Not now'] }],
      ['Yes, go on', { asks: 'dateOfBirth' }],
    ]);
  });

  it('en: a crisis gets 113 and nothing else', async () => {
    await play(en(), [['<start>', {}], ['my daughter says she wants to kill herself', { says: [/\*\*113\*\*/, /112/], asks: null }]]);
  });

  it('an emergency in the first message comes before any welcome', async () => {
    const c = nl();
    const replies = await c.say('help mijn vader heeft een scheve mond en praat raar');
    expect(replies[0]?.text).toMatch(/^Bel nu \*\*112\*\*/);
    expect(replies.some((r) => r.slot)).toBe(false);
  });

  it('denied symptoms keep their soft line and the question goes on', async () => {
    const c = nl();
    await c.start();
    for (const s of intakeNl) await c.say(s);
    await play(c, [['ik heb geen pijn op de borst hoor, mijn naam is Kees van Dijk', { says: [/Krijgt u toch ernstige klachten/], never: [/Bel nu/] }]]);
    await play(en(), [['<start>', {}], ["I don't have chest pain, how long is the wait for a new hip?", { says: [/If you do get serious symptoms/], never: [/Call \*\*112\*\* now/] }]]);
  });
});

describe('worsening complaints: huisarts, huisartsenpost or specialist, and a flag on the case', () => {
  it('nl by day: the huisarts, and the intake question is asked again', async () => {
    const c = nl();
    c.now = weekdayMorning;
    await c.start();
    for (const s of intakeNl) await c.say(s);
    await play(c, [['mijn pijn wordt steeds erger', { says: [/vandaag uw \*\*huisarts\*\*/, /behandelend specialist/, /Ik zet bij uw aanvraag/], never: [/112/], asks: 'fullName' }]]);
    expect(c.state?.facts.fullName).toBeUndefined();
  });

  it('en at night: the huisartsenpost', async () => {
    const c = en();
    c.now = saturdayNight;
    await play(c, [['<start>', {}], ['the tumour is growing and I have been waiting 3 months', { says: [/out-of-hours service/, /treating specialist/], never: [/Call \*\*112\*\*/] }]]);
  });

  it('a case filed after a report of worsening carries the flag and comes first in the queue', async () => {
    const c = nl();
    await c.start();
    await play(c, [['ik wacht al 3 maanden op mijn kankerbehandeling en de tumor groeit', { says: [/huisarts|huisartsenpost/] }]]);
    await c.say('Hulp van mijn verzekeraar');
    await fillIntake(c, truus);
    await c.say('Ja, versturen');
    const reference = c.caseReference!;
    const stored = await h.services.cases.findForInsurer(reference, 'demo-verzekeraar');
    expect(stored?.request.worseningReported).toBe(true);
    const insurer = h.services.cases.forInsurer('demo-verzekeraar');
    const detail = await insurer.get(reference, systemActor('test'));
    expect(detail.worseningReported).toBe(true);
    expect(detail.priority).toBe(1);
    // Shown as days past the norm without the queue's shift.
    expect(Math.abs(detail.urgencyDays)).toBeLessThan(400);
    const queue = await insurer.list({ status: ['new'], sort: 'priority', page: 1, pageSize: 5 }, systemActor('test'));
    expect(queue.items[0]).toMatchObject({ reference, worseningReported: true });
  });
});

describe('no BSN anywhere', () => {
  it.each([
    ['mijn bsn is 111222333'],
    ['BSN: 1112.22.333'],
    ['111 222 333'],
    ['111222333'],
  ])('nl: «%s» at the policy-number question is refused kindly, the question asked again, nothing kept', async (answer) => {
    const c = nl();
    await c.start();
    for (const s of [...intakeNl, 'Kees van Dijk', '30-06-1950']) await c.say(s);
    await play(c, [
      [answer, { says: [/burgerservicenummer \(BSN\)\. Dat heb ik niet bewaard/], asks: 'policyNumber' }],
      // Typed again, still not kept (no "type it once more" exception).
      [answer, { says: [/niet bewaard/], asks: 'policyNumber' }],
      ['mijn polisnummer is AB-123 456', { asks: 'contactPreference' }],
    ]);
    expect(c.state?.facts.policyNumber).toBe('AB123456');
    expect(JSON.stringify(c.state)).not.toMatch(/111\D?222\D?333|1112\.22\.333/);
  });

  it('nl: a BSN in a free message is not kept and the rest of the message is answered', async () => {
    const c = nl();
    await c.start();
    await play(c, [['mijn bsn is 111222333, hoe lang is de wachttijd voor de oogarts in het Maasstad?', { says: [/niet bewaard/, /Wachttijden voor Oogheelkunde/] }]]);
    expect(JSON.stringify(c.state)).not.toContain('111222333');
    expect(c.state?.transcript.some((l) => l.text.includes('•••••••••'))).toBe(true);
  });

  it('en: at the phone question, then a case without any BSN', async () => {
    const c = en();
    await c.start();
    for (const s of [...intakeEn, 'Anna de Boer', 'April 2, 1961', 'ZK-123456', 'Phone']) await c.say(s);
    await play(c, [['my BSN is 111 222 333', { says: [/I have not kept it/], asks: 'phone' }]]);
    await fillIntake(c, { phone: '0612345678', postcode: '3011AB', hospital: 'Isala', maxTravelKm: '50', waitingWeeks: '20 weeks', specialty: 'cataract' });
    await c.say('Yes, send it');
    const stored = await h.services.db.case.findUniqueOrThrow({ where: { reference: c.caseReference! } });
    expect(`${stored.request}${stored.transcript}`).not.toMatch(/111\D?222\D?333/);
  });

  it.each(['mijn bsn is 111222333', '111222333', '123456782'])('a policy number is never a valid BSN: «%s»', async (answer) => {
    const c = nl();
    await c.start();
    for (const s of [...intakeNl, 'Kees van Dijk', '30-06-1950']) await c.say(s);
    await c.say(answer);
    expect(c.state?.facts.policyNumber).toBeUndefined();
    expect(c.lastSlot).toBe('policyNumber');
  });

  it('a policy number is letters and digits, 5 to 20, and words around it are not part of it', async () => {
    const c = nl();
    await c.start();
    for (const s of [...intakeNl, 'Kees van Dijk', '30-06-1950']) await c.say(s);
    await play(c, [
      ['mijn polisnummer weet ik niet', { says: [/5 tot 20 cijfers of letters/], asks: 'policyNumber' }],
      ['1234', { says: [/5 tot 20/], asks: 'policyNumber' }],
      ['polis: 9876-5432', { asks: 'contactPreference' }],
    ]);
    expect(c.state?.facts.policyNumber).toBe('98765432');
  });
});

/** Consent withdrawn in words before the case is sent: nl and en, at different questions. */
const withdrawals: [locale: 'nl' | 'en', text: string][] = [
  ['nl', 'laat maar, ik wil toch niet dat jullie mijn gegevens krijgen'],
  ['nl', 'ik trek mijn toestemming in'],
  ['nl', 'ik wil stoppen'],
  ['nl', 'laat maar'],
  ['nl', 'stop'],
  ['nl', 'toch maar niet'],
  ['nl', 'ik heb me bedacht'],
  ['nl', 'annuleren'],
  ['nl', 'stuur niets door'],
  ['nl', 'ik wil niet meer'],
  ['nl', 'Ik geef geen toestemming meer'],
  ['nl', 'ik zie ervan af'],
  ['nl', 'vergeet het maar'],
  ['nl', 'toestemming intrekken graag'],
  ['nl', 'ik wil niet dat mijn verzekeraar mijn gegevens krijgt'],
  ['nl', 'ik wil de aanvraag annuleren'],
  ['en', 'never mind'],
  ['en', 'I withdraw my consent'],
  ['en', 'I want to stop'],
  ['en', 'I changed my mind'],
  ["en", "don't send anything"],
  ['en', 'forget it'],
  ['en', "I don't want you to have my data"],
  ['en', 'I no longer consent'],
  ['en', 'cancel the request'],
  ['en', "I'd rather not"],
];

describe('consent withdrawn in words', () => {
  it('tests at least 20 phrasings', () => expect(withdrawals.length).toBeGreaterThanOrEqual(20));

  it.each(withdrawals)('%s: «%s» stops the intake, discards what was collected, sends nothing', async (locale, text) => {
    const c = locale === 'nl' ? nl() : en();
    await c.start();
    for (const s of [...(locale === 'nl' ? intakeNl : intakeEn), locale === 'nl' ? 'Kees van Dijk' : 'Anna de Boer']) await c.say(s);
    expect(c.lastSlot).toBe('dateOfBirth');
    await play(c, [[text, {
      says: locale === 'nl' ? [/Ik heb niets naar Demo Verzekeraar gestuurd/, /heb ik gewist/, /Verwijder mijn gegevens/] : [/I have sent nothing to Demo Verzekeraar/, /erased/, /Delete my data/],
      asks: null,
    }]]);
    expect(c.state?.facts.fullName).toBeUndefined();
    expect(c.state?.consent).toBeNull();
    expect(JSON.stringify(c.state?.transcript)).not.toMatch(/Kees van Dijk|Anna de Boer/);
    expect(await h.services.db.case.count({ where: { conversationId: c.conversationId } })).toBe(0);
  });

  it('works at the summary too, and the patient can start again later', async () => {
    const c = nl();
    await c.start();
    await c.say(intakeNl[0]!);
    await fillIntake(c, truus);
    await play(c, [
      ['laat maar zitten', { says: [/niets naar Demo Verzekeraar/], asks: null }],
      ['Hulp van mijn verzekeraar', { asks: 'consent' }],
    ]);
  });

  it('outside an intake "stop" keeps its ordinary meaning, and "ik trek mijn toestemming in" says nothing was sent', async () => {
    await play(nl(), [['<start>', {}], ['ik trek mijn toestemming in', { says: [/Er loopt nu geen aanvraag/] }]]);
  });
});

describe('case status stays within its tenant', () => {
  let counter = 0;
  async function storedCase(insurer: string, source: string, dateOfBirth = '1950-06-30'): Promise<string> {
    counter += 1;
    const { case: stored } = await h.services.cases.create({
      insurerTenantId: insurer, sourceTenantId: source, conversationId: `status-test-${counter}`, idempotencyKey: `status-test-${process.pid}-${Date.now()}-${counter}`,
      locale: 'nl', channel: 'directline', transcript: null,
      request: { specialty: '0301', waitingWeeks: 20, treeknormWeeks: 7, patient: { fullName: 'Kees van Dijk', dateOfBirth, policyNumber: '99887766', phone: '0612345678', email: null }, consent: { given: true, at: '2026-11-20T10:00:00.000Z', text: 'test' } },
    });
    return stored.reference;
  }
  const lookUp = async (c: Conversation, reference: string, dob = '30-06-1950') => {
    await c.say(`status aanvraag ${reference}`);
    return c.say(dob);
  };

  it("nl: another insurer's case answers exactly like an unknown reference, both ways", async () => {
    const ours = await storedCase('demo-verzekeraar', 'demo-verzekeraar');
    const theirs = await storedCase('andere-verzekeraar', 'andere-verzekeraar');
    const onDemo = nl();
    await onDemo.start();
    const unknown = (await lookUp(onDemo, 'ZB-0000-0000')).map((r) => r.text);
    expect((await lookUp(onDemo, theirs)).map((r) => r.text)).toEqual(unknown);
    expect((await lookUp(onDemo, ours)).map((r) => r.text).join(' ')).toMatch(/is ontvangen/);
    const onOther = nl('andere-verzekeraar');
    await onOther.start();
    expect((await lookUp(onOther, ours)).map((r) => r.text).join(' ')).toMatch(/Ik vind geen aanvraag/);
    expect((await lookUp(onOther, theirs)).map((r) => r.text).join(' ')).toMatch(/is ontvangen/);
  });

  it('en: a hospital site finds only the cases started on it', async () => {
    const viaHospital = await storedCase('andere-verzekeraar', 'demo-ziekenhuis');
    const direct = await storedCase('andere-verzekeraar', 'andere-verzekeraar');
    const onHospital = en('demo-ziekenhuis');
    await onHospital.start();
    expect((await lookUp(onHospital, viaHospital)).map((r) => r.text).join(' ')).toMatch(/has been received/);
    expect((await lookUp(onHospital, direct)).map((r) => r.text).join(' ')).toMatch(/cannot find a request|no request/i);
    // The insurer's own assistant finds its case, wherever it started.
    const onInsurer = en('andere-verzekeraar');
    await onInsurer.start();
    expect((await lookUp(onInsurer, viaHospital)).map((r) => r.text).join(' ')).toMatch(/has been received/);
  });

  it('at most 5 look-ups per conversation per hour, also after starting over', async () => {
    const reference = await storedCase('demo-verzekeraar', 'demo-verzekeraar', '1961-04-02');
    const c = nl();
    await c.start();
    for (const dob of ['1-1-1960', '2-1-1960', '3-1-1960', '4-1-1960']) expect((await lookUp(c, reference, dob)).map((r) => r.text).join(' ')).toMatch(/Ik vind geen aanvraag/);
    await c.say('opnieuw beginnen');
    // The fifth is still answered; the sixth is not, even with the right date of birth.
    expect((await lookUp(c, reference, '5-1-1960')).map((r) => r.text).join(' ')).toMatch(/Ik vind geen aanvraag/);
    await play(c, [
      [`status aanvraag ${reference}`, { asks: 'dateOfBirth' }],
      ['2-4-1961', { says: [/Probeer het over een uur opnieuw/], never: [/is ontvangen/] }],
    ]);
    // An hour later it answers again.
    c.now = new Date(c.now.getTime() + 61 * 60_000);
    expect((await lookUp(c, reference, '2-4-1961')).map((r) => r.text).join(' ')).toMatch(/is ontvangen/);
  });
});

describe('delete my data: confirmation first, then erasure in a conversation that goes on', () => {
  it('nl: asks, erases on "ja", tells the client to clear, and goes on answering', async () => {
    const c = nl();
    await c.start();
    for (const s of [...intakeNl, 'Kees van Dijk']) await c.say(s);
    await play(c, [
      ['verwijder mijn gegevens', { says: [/Ik wis dan dit hele gesprek/, /Wilt u dat ik uw gegevens verwijder/], choices: ['Ja, verwijder alles', 'Nee, niet verwijderen'], asks: null }],
      ['ja', { says: [/Uw gesprek is verwijderd/, /U kunt gewoon verder/], event: 'conversation.erased' }],
      ['Wat is de wachttijd voor de oogarts in het Maasstad?', { says: [/Oogheelkunde/] }],
    ]);
    expect(JSON.stringify(c.state)).not.toContain('Kees van Dijk');
    expect(c.events.length === 0 || c.events[0]?.name !== 'conversation.erased').toBe(true);
  });

  it('nl: "nee" keeps everything and asks the interrupted question again', async () => {
    const c = nl();
    await c.start();
    for (const s of [...intakeNl, 'Kees van Dijk']) await c.say(s);
    await play(c, [
      ['Verwijder mijn gegevens', { asks: null }],
      ['Nee, niet verwijderen', { says: [/Ik verwijder niets/], asks: 'dateOfBirth' }],
    ]);
    expect(c.state?.facts.fullName).toBe('Kees van Dijk');
  });

  it('en: asks first, then erases', async () => {
    const c = en();
    await c.start();
    await play(c, [
      ['please delete my data', { says: [/Do you want me to delete your data/], choices: ['Yes, delete everything', 'No, keep it'] }],
      ['Yes, delete everything', { says: [/Your conversation has been deleted|deleted/, /go on in this conversation/], event: 'conversation.erased' }],
    ]);
  });
});

describe('writing for someone else (slot applicant)', () => {
  it('nl: a daughter for her mother: asked who fills in, consent covers acting on behalf, the case shows both', async () => {
    const c = nl();
    await c.start();
    await play(c, [
      ['Mijn moeder wacht al 20 weken op haar staaroperatie in de Isala. Kan de verzekeraar bemiddelen?', {}],
      ['Hulp van mijn verzekeraar', { says: [/U vult dit in voor iemand anders/], asks: 'consent' }],
      ['ja', { asks: 'applicant' }],
      ['Anna', { says: [/Schrijf uw naam en wat u van de patiënt bent/], asks: 'applicant' }],
      ['Anna de Vries, dochter', { says: [/naam van de patiënt/], asks: 'fullName' }],
    ]);
    await fillIntake(c, { fullName: 'Truus de Vries', dateOfBirth: '1-2-1940', policyNumber: 'AB12345', contactPreference: 'telefoon', phone: '0612345678', postcode: '8011AB', maxTravelKm: '30', hospital: 'Isala', waitingWeeks: '20 weken', specialty: 'oogarts' });
    expect(c.replies.map((r) => r.text).join('\n')).toMatch(/Ingevuld door: Anna de Vries \(dochter\)/);
    await c.say('Ja, versturen');
    const stored = await h.services.cases.findForInsurer(c.caseReference!, 'demo-verzekeraar');
    expect(stored?.request).toMatchObject({
      patient: { fullName: 'Truus de Vries', dateOfBirth: '1940-02-01', phone: null },
      applicant: { fullName: 'Anna de Vries', relation: 'dochter', phone: expect.stringMatching(/612345678/) },
      consent: { given: true, text: expect.stringMatching(/namens die persoon/) },
    });
  });

  it('en: a parent for a child said in the middle of the intake: consent is asked again to cover it', async () => {
    const c = en();
    await c.start();
    for (const s of intakeEn) await c.say(s);
    expect(c.lastSlot).toBe('fullName');
    await play(c, [
      ['it is for my son actually', { says: [/filling this in for someone else/], asks: 'consent' }],
      ['Yes, I consent', { asks: 'applicant' }],
      ['I am his father, Piet Jansen', { says: [/patient's full name/], asks: 'fullName' }],
    ]);
    expect(c.state?.facts.applicant).toEqual({ fullName: 'Piet Jansen', relation: 'vader' });
    expect(c.state?.facts.fullName).toBeUndefined();
  });

  it('nobody is asked who fills in when writing for themselves', async () => {
    const c = nl();
    await c.start();
    for (const s of intakeNl) await c.say(s);
    expect(c.lastSlot).toBe('fullName');
  });
});
