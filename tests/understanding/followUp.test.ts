import { describe, expect, it } from 'vitest';
import { recognizeCaseQuestion, recognizeFollowUp } from '../../bot/understanding/followUp.ts';
import { asksPriorityAtOwnHospital, storyCues, wantsToStayWithOwnHospital } from '../../bot/understanding/stories.ts';

describe('follow-up forms (nl, en)', () => {
  it.each([
    ['is dat te lang?', 'verdict'], ['is dat normaal?', 'verdict'], ['Is dat binnen de norm?', 'verdict'], ['mag dat?', 'verdict'],
    ['is that too long?', 'verdict'], ['is that normal?', 'verdict'],
    ['hoe ver is dat?', 'distance'], ['hoe ver is dat van mij vandaan?', 'distance'], ['how far is that?', 'distance'], ['how far away is it from me?', 'distance'],
    ['wat is het dichtstbij?', 'nearest'], ['welk ziekenhuis is het dichtst bij?', 'nearest'], ["what's the nearest?", 'nearest'], ['which is the closest hospital?', 'nearest'],
    ['is er iets dichterbij?', 'nearest'], ['welk ziekenhuis ligt het dichtstbij?', 'nearest'], ['wat is het dichtstbijzijnde ziekenhuis?', 'nearest'], ['which hospital is nearest?', 'nearest'], ['anything closer?', 'nearest'],
    ['en daar?', 'there'], ['and there?', 'there'], ['what about that one?', 'there'],
  ])('«%s» is a %s follow-up', (text, kind) => {
    expect(recognizeFollowUp(text)?.kind).toBe(kind);
  });

  it.each([
    ['en binnen 50 km?', { radiusKm: 50 }], ['and within 50 km?', { radiusKm: 50 }],
    ['en in de buurt van 3511?', { postcode: '3511' }], ['and near 3511 AB?', { postcode: '3511AB' }],
    ['en in Utrecht?', { place: 'utrecht' }], ['and near Utrecht?', { place: 'utrecht' }],
    ['en in de buurt van Amersfoort binnen 30 km?', { place: 'amersfoort', radiusKm: 30 }],
    ['en voor mijn knie?', { treatment: 'knie' }], ['and for my hip?', { treatment: 'hip' }], ['en bij de oogarts?', { treatment: 'oogarts' }],
    ['en in het Maasstad?', { place: 'maasstad' }],
    ['en bij ons in de buurt, rond Deventer?', { place: 'deventer' }], ['and near us, around Leiden?', { place: 'leiden' }],
  ])('«%s» changes %o', (text, change) => {
    expect(recognizeFollowUp(text)).toMatchObject({ kind: 'change', ...change });
  });

  it.each(['Wat is de wachttijd voor orthopedie in het Erasmus MC?', 'Ik wacht al 20 weken', 'Kan ik ergens anders sneller terecht voor mijn knieoperatie en hoe zit het dan met de kosten van de reis?', 'Hoe lang is de wachttijd?'])('«%s» is a question of its own', (text) => {
    expect(recognizeFollowUp(text)).toBeNull();
  });
});

describe('questions about the filed request (nl, en)', () => {
  it.each([
    ['Wat gebeurt er nu?', 'next'], ['wanneer bellen ze mij?', 'next'], ['hoe lang duurt het?', 'next'], ['wanneer hoor ik iets?', 'next'],
    ['What happens now?', 'next'], ['When will they call me?', 'next'], ['How long will it take?', 'next'],
    ['Ik wil het intrekken', 'withdraw'], ['ik wil mijn aanvraag intrekken', 'withdraw'], ['Annuleer mijn aanvraag', 'withdraw'], ['I want to withdraw my request', 'withdraw'], ['Please cancel it', 'withdraw'],
    ['Ik wil iets toevoegen', 'addNote'], ['Ik wil nog iets aanvullen: mijn afspraak is verzet', 'addNote'], ['I want to add something', 'addNote'],
  ])('«%s» is %s', (text, kind) => {
    expect(recognizeCaseQuestion(text)).toBe(kind);
  });

  it('leaves erasure to "delete my data" and long stories to the story', () => {
    expect(recognizeCaseQuestion('Verwijder mijn gegevens')).toBeNull();
    expect(recognizeCaseQuestion('Mijn knieoperatie is vorige week voor de tweede keer uitgesteld door het ziekenhuis, wat nu?')).toBeNull();
  });
});

describe('own hospital and stories', () => {
  it.each(['ik wil in mijn eigen ziekenhuis blijven', 'Ik blijf liever bij mijn eigen arts', 'Ik wil niet naar een ander ziekenhuis', 'Liever in mijn eigen ziekenhuis', "I'd rather stay with my own hospital", "I don't want to go to another hospital"])('«%s» is a wish to stay', (text) => {
    expect(wantsToStayWithOwnHospital(text)).toBe(true);
  });

  it('tells the priority question apart from the wish to stay', () => {
    const q = 'Kan mijn verzekeraar zorgen dat ik in mijn eigen ziekenhuis eerder word geholpen?';
    expect(asksPriorityAtOwnHospital(q)).toBe(true);
    expect(wantsToStayWithOwnHospital(q)).toBe(false);
    expect(asksPriorityAtOwnHospital('Can my insurer get me seen sooner at my own hospital?')).toBe(true);
    expect(wantsToStayWithOwnHospital('Ik wil naar een ander ziekenhuis')).toBe(false);
  });

  it('reads waiting, postponement and "is that normal?" cues', () => {
    expect(storyCues('nog 4 maanden wachten op staar, is dat normaal?')).toEqual({ waiting: true, postponed: false, asksVerdict: true });
    expect(storyCues('My surgery was postponed')).toMatchObject({ postponed: true });
    expect(storyCues('Ik heb al 10 weken pijn, is dat normaal?')).toMatchObject({ waiting: false, postponed: false });
  });
});
