import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Conversation, createHarness, type Harness } from './harness.ts';

/**
 * Issue 14, "captured data can be wrong unnoticed": what the patient says in passing reaches the
 * mediator's request correctly. "al twee keer uitgesteld" is postponed: true, whatever the message
 * asks for; "oogoperatie (staar)" is a cataract operation (ophthalmology), not glaucoma.
 */
let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(async () => h.close());

const answers: Record<'nl' | 'en', Record<string, string>> = {
  nl: { consent: 'ja', fullName: 'Kees van Dijk', dateOfBirth: '30-06-1950', policyNumber: '99887766', contactPreference: 'telefoon', phone: '0687654321', postcode: '8011 AB', hospital: 'Isala', specialty: 'oogheelkunde', waitingWeeks: '20 weken', maxTravelKm: '60 km' },
  en: { consent: 'Yes, I consent', fullName: 'Kees Smith', dateOfBirth: '30-06-1950', policyNumber: '99887766', contactPreference: 'phone', phone: '0687654321', postcode: '8011 AB', hospital: 'Isala', specialty: 'ophthalmology', waitingWeeks: '20 weeks', maxTravelKm: '60 km' },
};

/** Talks from the first message to a stored case, answering what the intake asks; returns the stored request. */
async function requestAfter(locale: 'nl' | 'en', messages: string[], answer: Record<string, string> = {}) {
  const c = new Conversation(h, 'demo-verzekeraar', locale);
  await c.start();
  for (const m of messages) await c.say(m);
  const all = { ...answers[locale], ...answer };
  for (let i = 0; i < 25 && c.lastSlot !== 'confirm'; i++) {
    const slot = c.lastSlot;
    if (!slot || !(slot in all)) throw new Error(`unexpected question ${slot}: ${c.replies.map((r) => r.text).join(' | ')}`);
    await c.say(all[slot]!);
  }
  await c.say(locale === 'nl' ? 'Ja, versturen' : 'Yes, send it');
  expect(c.caseReference, c.replies.map((r) => r.text).join(' | ')).toBeTruthy();
  return (await h.services.cases.findForInsurer(c.caseReference!, 'demo-verzekeraar'))!.request as Record<string, unknown>;
}

describe('a postponement told in passing is on the request', () => {
  it('"al twee keer uitgesteld" in a request for mediation: postponed, and the treatment is the cataract operation', async () => {
    const request = await requestAfter('nl', ['Ik wacht al 20 weken op een oogoperatie (staar) in de Isala, die is al twee keer uitgesteld. Kan mijn zorgverzekeraar bemiddelen?']);
    expect(request).toMatchObject({ postponed: true, specialty: '0301', treatment: 'Staaroperatie (cataract)', careType: 'day_treatment', hospital: 'Isala' });
  });

  it('told in an answer to another question ("20 weken, hij is weer verzet")', async () => {
    const request = await requestAfter('nl', ['Kan mijn zorgverzekeraar bemiddelen voor mijn grauwe staar in de Isala?'], { waitingWeeks: '20 weken, hij is weer verzet' });
    expect(request).toMatchObject({ postponed: true, specialty: '0301', treatment: 'Staaroperatie (cataract)', waitingWeeks: 20 });
  });

  it('in English: "postponed twice" and "cataract surgery"', async () => {
    const request = await requestAfter('en', ['I have been waiting 20 weeks for cataract surgery at Isala and it has been postponed twice. Can my insurer mediate?']);
    expect(request).toMatchObject({ postponed: true, specialty: '0301', treatment: 'Cataract surgery' });
  });

  it('no postponement, no flag', async () => {
    const request = await requestAfter('nl', ['Ik wacht al 20 weken op mijn staaroperatie in de Isala. Kan mijn zorgverzekeraar bemiddelen?']);
    expect(request).toMatchObject({ postponed: false, treatment: 'Staaroperatie (cataract)' });
  });
});
