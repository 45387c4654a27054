import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Conversation, createHarness, play, type Harness } from './harness.ts';

/**
 * Issue 11, parts 2–4 as conversation tables: follow-ups in the context of the last answer,
 * stories answered first, staying with one's own hospital, and what happens after the hand-off.
 */

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(async () => h.close());

const nl = (tenant = 'demo-verzekeraar') => new Conversation(h, tenant, 'nl');
const en = (tenant = 'demo-verzekeraar') => new Conversation(h, tenant, 'en');

const radboudEye = 'Hoe lang is de wachttijd voor de oogarts in het Radboud?';

describe('follow-ups in context (nl)', () => {
  it('reruns the last question with another place, radius, treatment or hospital', async () => {
    await play(nl(), [
      ['<start>', {}],
      [radboudEye, { says: [/Oogheelkunde bij Radboudumc/] }],
      ['is dat te lang?', { says: [/Eerste afspraak bij Radboudumc: 4 weken\. Dat is binnen de Treeknorm van 4 weken/, /Behandeling bij Radboudumc: 12 weken\. Dat is langer dan de Treeknorm van 6 of 7 weken/], never: [/Wachttijden voor/], choices: ['Hulp van mijn verzekeraar'] }],
      ['en in de buurt van 3511?', { says: [/Wachttijden voor Oogheelkunde binnen 25 km van 3511/, /km/], never: [/bij Radboudumc/] }],
      ['en binnen 50 km?', { says: [/Wachttijden voor Oogheelkunde binnen 50 km van 3511/, /Flevoziekenhuis/] }],
      ['en voor mijn knie?', { says: [/Wachttijden voor Orthopedie binnen 50 km van 3511/] }],
      ['en in het Maasstad?', { says: [/Wachttijden voor Orthopedie bij Maasstad Ziekenhuis/] }],
      ['en in Utrecht?', { says: [/Wachttijden voor Orthopedie binnen 50 km van Utrecht/] }],
      ['en daar?', { says: [/Wachttijden voor Orthopedie bij UMC Utrecht/] }],
    ]);
  });

  it('gives the distance from the patient\'s postcode, asking it when unknown', async () => {
    await play(nl(), [
      ['<start>', {}],
      [radboudEye, {}],
      ['hoe ver is dat?', { says: [/Wat is uw postcode\? Dan reken ik uit hoe ver Radboudumc/], asks: 'postcode' }],
      ['6525 GA', { says: [/Radboudumc in Nijmegen ligt ongeveer \d+(,\d)? km van postcode 6525GA/, /hemelsbreed/], asks: null }],
    ]);
  });

  it('gives the nearest location with its figures', async () => {
    const c = nl();
    await play(c, [
      ['<start>', {}],
      [radboudEye, {}],
      ['wat is het dichtstbij?', { says: [/postcode/], asks: 'postcode' }],
      ['3511', { says: [/Het dichtstbij voor Oogheelkunde is \*\*Diakonessenhuis\*\* in Utrecht, 1,6 km van 3511/, /Eerste afspraak: \d+ weken/, /Bron:/] }],
      ['is dat normaal?', { says: [/bij Diakonessenhuis: \d+ weken/, /Treeknorm/] }],
    ]);
    expect(c.state?.context?.hospital).toBe('Diakonessenhuis');
  });

  it('keeps the personal postcode apart from a town asked about, and uses the own postcode for distances', async () => {
    const c = nl();
    await play(c, [
      ['<start>', {}],
      ['Kan ik ergens anders sneller geholpen worden voor mijn staaroperatie?', { asks: 'postcode' }],
      ['8011 AB', { asks: 'maxTravelKm' }],
      ['30 km', { says: [/Plekken voor Oogheelkunde binnen 30 km/] }],
      ['en binnen 100 km?', { says: [/Wachttijden voor Oogheelkunde binnen 100 km van 8011AB/] }],
      ['en in de buurt van Utrecht?', { says: [/binnen 100 km van Utrecht/] }],
      ['hoe ver is dat?', { says: [/van postcode 8011AB/] }],
    ]);
    expect(c.state?.facts.postcode).toBe('8011AB');
    expect(c.state?.facts.maxTravelKm).toBe(100);
  });

  it('treats a question of its own as a new question, not a follow-up', async () => {
    await play(nl(), [
      ['<start>', {}],
      [radboudEye, {}],
      ['Wat is de wachttijd voor orthopedie in het Erasmus MC?', { says: [/Orthopedie bij Erasmus MC/] }],
      ['en hoe zit het met de kosten?', { never: [/Wachttijden voor/] }],
    ]);
  });

  it('answers "is dat te lang?" about the patient\'s own wait when nothing was shown', async () => {
    await play(nl(), [
      ['<start>', {}],
      ['Ik wacht al 9 weken op mijn knieoperatie', {}],
      ['is dat te lang?', { says: [/U wacht 9 weken\. Dat is langer dan de Treeknorm van 6 of 7 weken/] }],
    ]);
  });
});

describe('follow-ups in context (en)', () => {
  it('reruns the last question with another place, radius, treatment or hospital', async () => {
    await play(en(), [
      ['<start>', {}],
      ['How long is the waiting time for the eye doctor at the Radboud?', { says: [/Ophthalmology at Radboudumc/] }],
      ['is that too long?', { says: [/Treatment at Radboudumc: 12 weeks\. That is longer than the Treeknorm of 6 or 7 weeks/], never: [/Waiting times for/] }],
      ['and near 3511?', { says: [/Waiting times for Ophthalmology within 25 km of 3511/] }],
      ['and within 50 km?', { says: [/within 50 km of 3511/] }],
      ['and for my knee?', { says: [/Waiting times for Orthopaedics within 50 km of 3511/] }],
      ['and at the Maasstad?', { says: [/Orthopaedics at Maasstad Ziekenhuis/] }],
      ['and near Utrecht?', { says: [/within 50 km of Utrecht/] }],
      ['and there?', { says: [/Orthopaedics at UMC Utrecht/] }],
      ['how far is that?', { says: [/km from postcode 3511|Distance from postcode 3511/, /crow flies/] }],
      ["what's the nearest?", { says: [/The nearest for Orthopaedics is \*\*/, /First appointment: \d+ weeks/] }],
    ]);
  });
});

describe('stories answered first', () => {
  it('compares a named wait with the norm for that care before offering help', async () => {
    const c = nl();
    await play(c, [
      ['<start>', {}],
      ['nog 4 maanden wachten op staar, is dat normaal?', {
        says: [/Voor een dagbehandeling is de Treeknorm 6 weken\. U wacht 17 weken: dat is langer dan de norm/, /Wilt u dat\?/],
        never: [/2021 en 2022/, /welk ziekenhuis/i],
        choices: ['Hulp van mijn verzekeraar', 'Sneller ergens anders', 'Ik blijf bij mijn ziekenhuis'],
      }],
    ]);
    // The answer comes first: the first bubble holds the verdict.
    expect(c.replies[0]?.text).toMatch(/Treeknorm/);
    await play(c, [['ja', { asks: 'consent' }]]);
  });

  it('a postponed treatment gets its norm, the doctor decides urgency, then the offer (not the six-bubble template)', async () => {
    const c = nl();
    await play(c, [
      ['<start>', {}],
      ['Mijn knieoperatie is uitgesteld. Wat nu?', { says: [/vervelend/, /Voor een behandeling is de Treeknorm 6 of 7 weken/, /Alleen uw arts bepaalt/, /Wilt u dat\?/], never: [/2021 en 2022/] }],
    ]);
    expect(c.replies.length).toBeLessThanOrEqual(4);
  });

  it('a wait between the norms asks which care it is; a wait over every norm says so', async () => {
    await play(nl(), [
      ['<start>', {}],
      ['Ik wacht al 10 weken, is dat normaal?', { says: [/U wacht 10 weken\. Dat is langer dan elke Treeknorm voor het ziekenhuis: die is hoogstens 7 weken/] }],
    ]);
    await play(nl(), [
      ['<start>', {}],
      ['Ik wacht al 5 weken, is dat te lang?', { says: [/hangt af van de zorg: 4 weken voor een eerste afspraak, 7 weken voor een opname/], asks: 'specialty' }],
    ]);
  });

  it('does not read symptoms as a waiting story', async () => {
    await play(nl(), [['<start>', {}], ['Ik heb al 10 weken pijn, is dat normaal?', { says: [/geen medisch advies/], never: [/Treeknorm/] }]]);
  });

  it('in English', async () => {
    await play(en(), [
      ['<start>', {}],
      ['My cataract surgery was postponed, I have to wait another 4 months. Is that normal?', {
        says: [/sorry your treatment was postponed/, /For a day treatment the Treeknorm \(the agreed maximum wait\) is 6 weeks\. You are waiting 17 weeks: that is longer than the norm/, /Only your doctor decides/],
        never: [/What is your postcode/],
      }],
    ]);
  });
});

describe('staying with one\'s own hospital', () => {
  it('is respected in any words: acknowledged, what they can do, and no alternatives unless asked', async () => {
    const c = nl();
    await play(c, [
      ['<start>', {}],
      ['nog 4 maanden wachten op staar, is dat normaal?', {}],
      ['Ik wil liever in mijn eigen ziekenhuis blijven, ik vertrouw mijn arts', {
        says: [/U blijft bij uw eigen ziekenhuis/, /vragen wanneer u ongeveer aan de beurt bent/, /Bespreek met uw arts/, /zonder dat u van ziekenhuis wisselt/],
        never: [/Plekken voor/, /km/],
      }],
      [radboudEye, { says: [/Oogheelkunde bij Radboudumc/] }],
    ]);
    const offered = c.replies.flatMap((r) => r.choices ?? []);
    expect(offered).not.toContain('Sneller ergens anders');
    // Asked for alternatives after all: then they are shown.
    await play(c, [['Kan ik ergens anders sneller terecht?', { asks: 'postcode' }]]);
  });

  it('is heard in the middle of a question about alternatives', async () => {
    await play(nl(), [
      ['<start>', {}],
      ['Kan ik ergens anders sneller geholpen worden voor mijn staaroperatie?', { asks: 'postcode' }],
      ['Nee, ik wil niet naar een ander ziekenhuis', { says: [/U blijft bij uw eigen ziekenhuis/], asks: null }],
    ]);
  });

  it('in English', async () => {
    await play(en(), [
      ['<start>', {}],
      ["I'd rather stay with my own hospital", { says: [/You stay with your own hospital/, /ask the hospital roughly when/, /without you changing hospital/], never: [/km/] }],
    ]);
  });

  it('answers no to priority at the own hospital: only the treating specialist decides', async () => {
    await play(nl(), [
      ['<start>', {}],
      ['Kan mijn verzekeraar zorgen dat ik in mijn eigen ziekenhuis eerder word geholpen?', { says: [/^Nee\./, /Alleen uw (behandelend specialist|arts) bepaalt/], never: [/U mag ook in een ander ziekenhuis/] }],
    ]);
    await play(en(), [
      ['<start>', {}],
      ['Can my insurer get me seen sooner at my own hospital?', { says: [/^No\./, /Only your (treating specialist|doctor) decides/] }],
    ]);
  });
});

const kees = ['Ik wacht al 20 weken op mijn staaroperatie in de Isala. Kan mijn zorgverzekeraar bemiddelen?', 'ja', 'Kees van Dijk', '30-06-1950', '99887766', 'telefoon', '0612345678', '8011AB', '50', 'Ja, versturen'];

async function filed(c: Conversation): Promise<string> {
  await c.start();
  for (const s of kees) await c.say(s);
  return c.caseReference!;
}

describe('after the hand-off', () => {
  it('answers what happens now with the promise, the way chosen, the reference and what to have at hand; never a new consent', async () => {
    const c = nl();
    const reference = await filed(c);
    for (const question of ['Wat gebeurt er nu?', 'wanneer bellen ze mij?', 'hoe lang duurt het?', 'wanneer hoor ik iets?']) {
      await play(c, [[question, { says: [/binnen 2 werkdagen contact met u op, via de telefoon op \+31612345678/, new RegExp(reference), /zorgpas/], never: [/toestemming/, /Sneller ergens anders/], asks: null }]]);
    }
    // Picked up by a mediator: the answer says so.
    await h.services.db.case.update({ where: { reference }, data: { status: 'claimed' } });
    await play(c, [['Wat gebeurt er nu?', { says: [/al opgepakt/] }]]);
  });

  it('in English', async () => {
    const c = en();
    await c.start();
    for (const s of ['I want my insurer to mediate for my hip replacement, I have waited 20 weeks', 'Yes, I consent', 'Anna de Boer', 'April 2, 1961', 'ZK-123456', 'E-mail', 'anna@example.com', '3011AB', 'Maasstad', '100 km', 'Yes, send it']) await c.say(s);
    const reference = c.caseReference!;
    await play(c, [
      ['What happens now? When will they call me?', { says: [/within 2 working days, by e-mail at anna@example\.com/, new RegExp(reference), /insurance card/], never: [/consent/i] }],
      ['I want to add something', { says: [/What would you like to add/] }],
      ['Please call me after 2 pm', { says: [/I have added this to request/] }],
      ['I want to withdraw my request', { says: [/really want to withdraw/], asks: 'confirm', choices: ['Yes, withdraw', 'No, keep it'] }],
      ['No, keep it', { says: [/stays/] }],
    ]);
  });

  it('withdraws after confirmation: status withdrawn for the mediator, the data erased as for "delete my data"', async () => {
    const c = nl();
    const reference = await filed(c);
    await play(c, [
      ['Ik wil mijn aanvraag intrekken', { says: [new RegExp(`aanvraag ${reference} echt intrekken`)], asks: 'confirm', choices: ['Ja, intrekken', 'Nee, laten staan'] }],
      ['Ja, intrekken', { says: [/is ingetrokken/, /gegevens .* zijn verwijderd/] }],
    ]);
    const row = await h.services.db.case.findUniqueOrThrow({ where: { reference } });
    expect(row.status).toBe('withdrawn');
    expect(row.request).not.toContain('Kees van Dijk');
    expect(c.state?.facts).toEqual({});
    expect(c.state?.openCases).toEqual([]);
    await play(c, [['ik wil het intrekken', { says: [/geen lopende aanvraag/] }]]);
  });

  it('keeps the request when the patient says no', async () => {
    const c = nl();
    const reference = await filed(c);
    await play(c, [
      ['Ik wil het intrekken', { asks: 'confirm' }],
      ['nee', { says: [/blijft staan/] }],
    ]);
    expect((await h.services.db.case.findUniqueOrThrow({ where: { reference } })).status).toBe('new');
  });

  it("adds the patient's words as a note the mediator sees (no BSN)", async () => {
    const c = nl();
    const reference = await filed(c);
    await play(c, [
      ['Ik wil iets toevoegen', { says: [/Wat wilt u toevoegen/] }],
      ['Ik kan alleen op maandag gebeld worden. Mijn BSN is 111222333', { says: [/Ik heb dit bij aanvraag .* gezet/] }],
      ['Ik wil nog iets aanvullen: mijn nieuwe afspraak is op 3 maart', { says: [/Ik heb dit bij aanvraag/] }],
    ]);
    const notes = await h.services.db.caseNote.findMany({ where: { case: { reference } }, orderBy: { createdAt: 'asc' } });
    expect(notes.map((n) => n.text)).toEqual([expect.stringMatching(/^Ik kan alleen op maandag gebeld worden\. Mijn BSN is \D+$/), 'mijn nieuwe afspraak is op 3 maart']);
    expect(JSON.stringify(notes)).not.toContain('111222333');
    expect(notes.every((n) => n.authorId === 'patient')).toBe(true);
  });

  it('a second request for other care reuses the confirmed details and asks only to confirm them; the same care is not filed twice', async () => {
    const c = nl();
    const first = await filed(c);
    await play(c, [
      ['Ik wil ook zorgbemiddeling voor mijn heupoperatie', { says: [/dezelfde gegevens als bij uw vorige aanvraag/, /Kees van Dijk/, /30-6-1950/], asks: 'consent', never: [/Wat is uw volledige naam/] }],
      ['Ja, ik geef toestemming', { asks: 'hospital' }],
      ['Maasstad', { asks: 'waitingWeeks' }],
      ['12 weken', { says: [/Orthopedie/, /Maasstad/, /12 weken/], asks: 'confirm' }],
      ['Ja, versturen', { caseReference: true }],
    ]);
    const second = c.caseReference!;
    expect(second).not.toBe(first);
    expect(c.state?.openCases).toEqual([first, second]);
    await play(c, [['Ik wil zorgbemiddeling voor mijn heupoperatie', { says: [new RegExp(`al een aanvraag gedaan: \\*\\*${second}`)], never: [/toestemming/] }]]);
    // Withdrawing the newest keeps the other (and this conversation's data for it).
    await play(c, [
      ['ik wil mijn aanvraag intrekken', { asks: 'confirm' }],
      ['ja', { says: [/is ingetrokken/, /andere aanvraag blijft staan/] }],
    ]);
    expect((await h.services.db.case.findUniqueOrThrow({ where: { reference: first } })).status).toBe('new');
  });
});

describe('a question answered from its card, not from the flow its words resemble', () => {
  it('"vanaf wanneer telt de wachttijd" (a question without a question mark) is answered, not taken as a waiting-time request', async () => {
    await play(nl(), [['<start>', {}], ['vanaf wanneer telt de wachttijd eigenlijk', { says: [/verwijzing/], never: [/Om welke behandeling/] }]]);
  });

  it('a complaint about the insurer gets the complaint route, not the consent form', async () => {
    await play(nl(), [['<start>', {}], ['ik wil klagen over mijn zorgverzekeraar', { says: [/klacht/i], asks: null, never: [/toestemming/] }]]);
  });

  it('a question about going abroad is answered before any search for hospitals', async () => {
    await play(nl(), [['<start>', {}], ['kan ik in het buitenland geholpen worden?', { says: [/toestemming/], never: [/Om welke behandeling/] }]]);
  });

  it('what to do when complaints get worse is answered (call the GP), while a question about medicines is still refused', async () => {
    await play(en(), [
      ['<start>', {}],
      ['what should I do if my pain gets worse while waiting?', { says: [/GP/], never: [/cannot give medical advice/] }],
      ['Should I take ibuprofen for the pain while I wait?', { says: [/cannot give medical advice/] }],
    ]);
  });

  it('the urgency class named is the one explained', async () => {
    await play(nl(), [['<start>', {}], ['mijn arts zegt klasse 5, wat is dat?', { says: [/klasse 5/i], never: [/klasse 3/i] }]]);
  });
});

describe('places named the way patients name them', () => {
  it('a postcode area in a sentence ("ik woon in 3511") is used to search near the patient', async () => {
    await play(nl(), [
      ['<start>', {}],
      ['wachttijd kno-arts, ik woon in 3511', { never: [/Wat is uw postcode/] }],
      ['welk ziekenhuis ligt het dichtst bij?', { says: [/dichtstbij/i, /3511/], never: [/Wat is uw postcode/] }],
    ]);
  });

  it('"is there anything closer?" while the travel distance is asked gives the nearest place, not the question again', async () => {
    await play(en(), [
      ['<start>', {}],
      ['I am looking for a cardiologist, I live in 2511', { asks: 'maxTravelKm' }],
      ['is there anything closer?', { says: [/nearest/i, /2511/] }],
    ]);
  });

  it('a town after "bij ons in de buurt" is the place searched, not the filler', async () => {
    await play(nl(), [
      ['<start>', {}],
      ['hoe lang is de wachttijd voor de uroloog in het Maasstad', { says: [/Maasstad/] }],
      ['en hier bij ons in de buurt, rondom Groningen?', { says: [/Groningen/i], never: [/begreep ik niet/] }],
    ]);
  });

  it('"ik zoek een ..." looks for places, it does not start a request to the insurer', async () => {
    await play(nl(), [['<start>', {}], ['ik zoek een orthopeed', { never: [/toestemming/] }]]);
  });
});
