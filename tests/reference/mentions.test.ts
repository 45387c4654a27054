// findHospitalMentions: a hospital named anywhere in a sentence (used by language understanding).
import { describe, expect, it } from 'vitest';
import { findHospitalMentions, getHospitalIndex, loadReferenceData } from '../../bot/data/referenceData.ts';

const index = getHospitalIndex(loadReferenceData());
const names = (text: string) => index.findHospitalMentions(text).map((m) => m.hospital.officialName);

describe('findHospitalMentions', () => {
  it.each([
    ['Mijn knieoperatie in het Maasstad is uitgesteld, ik wacht al 3 maanden', ['Maasstad Ziekenhuis']],
    ['Hoe lang is de wachttijd bij het Erasmus voor een staaroperatie?', ['Erasmus MC']],
    ['Ik sta op de wachtlijst van de Antonius in Nieuwegein', ['St. Antonius Ziekenhuis']],
    ['I have been waiting for my hip at the VUmc for 20 weeks', ['Amsterdam UMC']],
    ['Ik ben in het AMC en daarna in het Radboud geweest', ['Amsterdam UMC', 'Radboudumc']],
    ['wachttijd oogarts umc utrecht', ['UMC Utrecht']],
    ['Kan ik naar het Rode Kruis Ziekenhuis in Beverwijk?', ['Rode Kruis Ziekenhuis']],
    ['operatie in het catharina uitgesteld', ['Catharina Ziekenhuis']],
    ['ik lig in het maasstadt', ['Maasstad Ziekenhuis']],
    ['Mijn afspraak bij Isala in Zwolle is verzet', ['Isala']],
    ['Ik woon in 8025 AB en ben patiënt van het St. Jansdal', ['St Jansdal']],
    ['Is het Jeroen Bosch sneller dan het JBZ?', ['Jeroen Bosch Ziekenhuis', 'Jeroen Bosch Ziekenhuis']],
  ])('%j → %j', (text, expected) => {
    expect(names(text)).toEqual(expected);
  });

  it.each([
    'ik wil een nieuwe heup',
    'Ik woon in Deventer en wacht op een knieoperatie',
    'mijn dochter Catharina heeft pijn in haar knie',
    'Anna wacht al 13 weken',
    'ik spaarde voor een nieuwe bril',
    // Words that are also hospital names count only after a cue ("in het Meander"); after a bare
    // article ("de meander") they still would, a limit we accept in a waiting-time chat.
    'een meander in de rivier',
    'Ik woon in het noordwesten van het land',
    'hoe lang moet ik wachten op de oogarts?',
    'I want to talk to a human',
    'Mijn postcode is 3011 AB',
  ])('%j names no hospital', (text) => {
    expect(names(text)).toEqual([]);
  });

  it('gives the span of the name in the original text', () => {
    const text = 'Mijn operatie in het Máxima MC is uitgesteld';
    const [m] = index.findHospitalMentions(text);
    expect(m).toMatchObject({ text: 'Máxima MC', start: text.indexOf('Máxima'), end: text.indexOf(' is') });
  });

  it('a location alias names the location', () => {
    expect(index.findHospitalMentions('Ik wacht in het Bronovo')[0]?.location?.id).toBe('hmc-bronovo');
  });

  it('the exported function uses the shipped data', () => {
    expect(findHospitalMentions('wachtlijst Ikazia')[0]?.hospital.id).toBe('ikazia-ziekenhuis');
  });

  it('is fast: well under 0.5 ms per sentence', () => {
    const sentences = [
      'Mijn knieoperatie in het Maasstad is uitgesteld, ik wacht al 3 maanden en mijn postcode is 3011AB',
      'Hoe lang is de wachttijd voor een staaroperatie bij de oogarts in de buurt van Rotterdam?',
      'I have been waiting for my hip replacement at the Erasmus for twenty weeks now, can I go elsewhere?',
      'ik lig in het maasstadt en wil graag weten of het ergens anders sneller kan voor mijn nieuwe heup',
    ];
    for (let i = 0; i < 200; i++) index.findHospitalMentions(sentences[i % 4]!); // warm-up
    const runs = 4000;
    const start = performance.now();
    for (let i = 0; i < runs; i++) index.findHospitalMentions(sentences[i % 4]!);
    const perSentence = (performance.now() - start) / runs;
    expect(perSentence).toBeLessThan(0.5);
  });
});
