import { describe, expect, it } from 'vitest';
import { detectEmergency } from '../../bot/understanding/emergency.ts';

// Red flags must be found in both languages, misspelt and without accents (domain brief §7).
const medical: string[] = [
  'Ik heb pijn op de borst',
  'drukkende pijn op mijn borst',
  'pijn op de brost', // letters swapped
  'pijn straalt uit naar mijn kaak',
  'ik denk dat ik een hartaanval heb',
  'ik krijg geen lucht',
  'mijn moeder is erg benauwd',
  'ik ben heel erg benouwd', // misspelt
  'hij heeft blauwe lippen',
  'mijn vader heeft een scheve mond',
  'haar mondhoek hangt en ze praat onduidelijk',
  'hij kan ineens zijn arm niet meer bewegen',
  'plotseling krachtverlies aan een kant',
  'de bloeding stopt niet',
  'ik hoest bloed op',
  'ik braak bloed',
  'mijn man is bewusteloos',
  'hij is bewustenloos', // misspelt
  'mijn dochter heeft een epileptische aanval',
  'ernstige allergische reactie, mijn keel zwelt op',
  'mijn kind heeft hoge koorts en een stijve nek',
  'I have chest pain',
  'chest pian spreading to my jaw', // misspelt
  "my wife can't breathe",
  'i cant breath', // informal
  'his face is drooping and his speech is slurred',
  'she suddenly cannot lift her arm',
  'bleeding heavily and it will not stop',
  'I am coughing up blood',
  'my dad is unconscious',
  'he is unconsious', // misspelt
  'my son is having a seizure',
  'my tongue is swelling after a bee sting',
  'sudden worst headache of my life',
];
const suicide: string[] = [
  'ik wil dood',
  'ik wil niet meer leven',
  'ik zie het niet meer zitten',
  'ik denk aan zelfmoord',
  'zelfmoordgedachten',
  'zelfmoort gedachten', // misspelt
  'ik denk erover om mezelf iets aan te doen',
  'ik heb pillen gespaard',
  'ik heb een afscheidsbrief geschreven',
  'suicidale gedachten',
  'I want to kill myself',
  'thinking about ending my life',
  "I don't want to live anymore",
  'I keep cutting myself',
  'sucidal', // misspelt
];
const denied: Array<[string, 'medical' | 'suicide']> = [
  ['Ik heb geen pijn op de borst, maar wel vragen over de wachttijd', 'medical'],
  ['ik ben niet benauwd', 'medical'],
  ["I don't have chest pain", 'medical'],
  ['no trouble breathing, just a question', 'medical'],
  ['Ik heb geen gedachten aan zelfmoord', 'suicide'],
  ["I'm not suicidal", 'suicide'],
];
const past: string[] = ['Ik heb vorig jaar een hartaanval gehad', 'I had a stroke two years ago', 'revalidatie na een beroerte'];
const ordinary: string[] = [
  'Hoe lang is de wachttijd voor een staaroperatie?',
  'mijn knie is opgezwollen, moet ik koelen?',
  'Is mijn bloeddruk te hoog?',
  'het ziekenhuis reageert niet op mijn mail',
  'the hospital is not responding to my emails',
  'Wat is de worst case wachttijd?',
  'borstverkleining wachtlijst',
  'ik kan mijn arm niet goed optillen sinds de schouderoperatie',
  'ik wil niet dood, ik wil alleen een nieuwe heup',
  'this waiting list is killing me',
];

describe('red flags', () => {
  it.each(medical)('"%s" is a medical emergency (112)', (text) => {
    expect(detectEmergency(text)).toMatchObject({ kind: 'medical', negated: false });
  });
  it.each(suicide)('"%s" is a suicide crisis (113)', (text) => {
    expect(detectEmergency(text)).toMatchObject({ kind: 'suicide', negated: false });
  });
  it.each(denied)('"%s" is reported but denied', (text, kind) => {
    expect(detectEmergency(text)).toMatchObject({ kind, negated: true, historical: false });
  });
  it.each(past)('"%s" is in the past: reported, not live', (text) => {
    expect(detectEmergency(text)).toMatchObject({ kind: 'medical', negated: true, historical: true });
  });
  it.each(ordinary)('"%s" is no red flag', (text) => {
    expect(detectEmergency(text).kind).toBeNull();
  });
  it('reports the phrase as the patient wrote it', () => {
    expect(detectEmergency('Sinds vanochtend PIJN OP DE BORST').matched).toBe('PIJN OP DE BORST');
  });
  it('prefers 112 when a live medical red flag comes with crisis language', () => {
    expect(detectEmergency('ik heb te veel pillen genomen, ik wil dood').kind).toBe('medical');
  });
  it('a denial in one clause does not silence a red flag in the next', () => {
    expect(detectEmergency('geen koorts, maar wel pijn op de borst')).toMatchObject({ kind: 'medical', negated: false });
  });
});
