// Real figures as the patient and the public API see them as they age: with their date after
// six weeks, not as a current wait after six months (in the patient's language).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../../bot/data/databaseUrl.ts';
import { importWaitingTimes } from '../../bot/data/waitingTimeImporter.ts';
import { KnowledgeService } from '../../bot/knowledge.ts';
import { caseAlternatives } from '../../bot/services.ts';
import { Conversation, createHarness, play, type Harness } from '../conversation/harness.ts';

const xml = readFileSync(join(projectRoot, 'tests/fixtures/waiting-times/nza-zorgbeeld.xml'), 'utf8');

describe('ageing real figures (measured 2026-11-10)', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness();
    expect((await importWaitingTimes(h.services.db, h.services.reference, 'nza.xml', xml, new Date('2026-11-24T12:00:00Z'))).status).toBe('imported');
    h.services.waitingTimes.invalidate();
    await h.services.knowledge.ready();
  });
  afterAll(async () => h.close());
  const at = (day: string) => new KnowledgeService(h.services.reference, h.services.waitingTimes, h.services.tenants, h.services.contracts, () => new Date(`${day}T12:00:00Z`));

  it('within six weeks: current; after: aging with its date; after six months: no figure, only the date', async () => {
    const clinic = (await h.services.waitingTimes.currentHospitals()).find((x) => x.officialName === 'Voorbeeldkliniek Orthopedie B.V.')!;
    expect((await at('2026-12-01').atHospital(clinic, '0305'))[0]).toMatchObject({ freshness: 'current' });
    expect((await at('2027-01-15').atHospital(clinic, '0305'))[0]).toMatchObject({ freshness: 'aging', measuredAt: '2026-11-10' });
    const old = (await at('2027-06-01').atHospital(clinic, '0305'))[0]!;
    expect(old).toMatchObject({ freshness: 'outdated', outpatientWeeks: null, treatmentWeeks: null, measuredAt: '2026-11-10' });
    // …and an outdated figure is no alternative either.
    const alternatives = await at('2027-06-01').alternatives({ specialty: '0305', careType: 'outpatient', postcode: '3011AB', maxKm: 10, currentWeeks: 30 });
    expect(alternatives.status === 'ok' && alternatives.results.some((r) => r.hospital === 'Voorbeeldkliniek Orthopedie B.V.')).toBe(false);
  });

  it('on a case, an ageing alternative says so (with its date), and an outdated one is not offered', async () => {
    const request = { specialty: '0305', careType: 'outpatient', postcode: '3011AB', maxTravelKm: 10, waitingWeeks: 30, hospital: 'Erasmus MC' };
    const clinicOn = async (day: string) => (await caseAlternatives(at(day))(request, 'demo-verzekeraar')).find((a) => a.hospital === 'Voorbeeldkliniek Orthopedie B.V.');
    expect(await clinicOn('2026-12-01')).toMatchObject({ freshness: 'current', isDemo: false });
    expect(await clinicOn('2027-01-15')).toMatchObject({ freshness: 'aging', measuredAt: '2026-11-10' });
    expect(await clinicOn('2027-06-01')).toBeUndefined();
  });

  const talkOn = (day: string) => {
    // The conversation's knowledge sees the same day as the conversation.
    h.services.conversationServices.knowledge = at(day);
  };

  it('the chat says "may be out of date" with the date, in Dutch and in English', async () => {
    talkOn('2027-01-15');
    const steps = (question: string, says: RegExp) => [['<start>', {}], [question, { says: [says] }]] as const;
    await play(new Conversation(h, 'demo-verzekeraar', 'nl', undefined, new Date('2027-01-15T10:00:00+01:00')), [
      ...steps('Hoe lang is de wachttijd voor orthopedie bij Voorbeeldkliniek Orthopedie B.V.?', /cijfers zijn van 10-11-2026\. Ze kunnen verouderd zijn/),
    ] as never);
    await play(new Conversation(h, 'demo-verzekeraar', 'en', undefined, new Date('2027-01-15T10:00:00+01:00')), [
      ...steps('How long is the wait for orthopaedics at Voorbeeldkliniek Orthopedie B.V.?', /figures are from 2026-11-10\. They may be out of date/),
    ] as never);
  });

  it('older than six months, the chat gives no wait, only the date of the last figure', async () => {
    talkOn('2027-06-01');
    await play(new Conversation(h, 'demo-verzekeraar', 'nl', undefined, new Date('2027-06-01T10:00:00+02:00')), [
      ['<start>', {}],
      ['Hoe lang is de wachttijd voor orthopedie bij Voorbeeldkliniek Orthopedie B.V.?', { says: [/laatste wachttijd die ik heb .* is van 10-11-2026\. Dat is te oud/], never: [/eerste afspraak \d/] }],
    ]);
  });
});
