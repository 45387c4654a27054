import { describe, expect, it } from 'vitest';
import { detectEmergency } from '../../bot/understanding/emergency.ts';
import { detectWorsening } from '../../bot/understanding/worsening.ts';

/**
 * Red-flag phrasings added for issue 10, as patients type them: informal, misspelt, about someone
 * else ("mijn man", "my mom"), Dutch and English. The first lines are the ones the issue saw missed.
 * (tests/understanding/emergency.test.ts holds the earlier set; none of these repeats one there.)
 */
export const newMedicalRedFlags = [
  'ik kan sinds vanochtend mijn arm niet meer bewegen',
  'ik krijg slecht lucht',
  "I can't feel my leg",
  'zijn mond hangt scheef',
  'ze is flauwgevallen en wordt niet wakker',
  'pijn op mijn borst die naar mijn arm trekt',
  'mijn man heeft pijn op de borst die uitstraalt naar zijn arm',
  'mn vader zn gezicht hangt ineens scheef',
  'mijn moeder praat ineens heel raar en haar arm is slap',
  'mijn oma kan opeens niet meer praten',
  'hij kan zijn been ineens niet meer bewegen',
  'ik voel mijn arm niet meer sinds vanmorgen',
  'ik kan mijn linkerarm niet meer optillen, ging net ineens',
  'het ademen gaat steeds moeilijker',
  'ik krijg steeds minder lucht',
  'mijn ademhaling wordt steeds slechter',
  'mijn vrouw ademt niet meer',
  'ik kan bijna niet ademen',
  'mn kind krijgt amper lucht',
  'hij is buiten westen',
  'mijn vader is in elkaar gezakt en reageert niet',
  'ze wordt niet meer wakker',
  'mijn man is niet wakker te krijgen',
  'hij heeft een toeval, hij schokt helemaal',
  'mijn zoon heeft een aanval en schokt met armen en benen',
  'ze ligt te schudden en reageert niet',
  'het bloed spuit eruit',
  'ik bloed heel erg en het stopt niet',
  'mijn moeder bloedt heel veel',
  'ik ben gestoken door een wesp en mijn keel zit dicht',
  'zijn lippen en tong zwellen op na de pinda',
  'ze is allergisch en krijgt het benauwd',
  'drukkend gevoel op de borst en zweten',
  'een knellend gevoel op mijn borst',
  'mijn hart doet pijn en het straalt uit naar mijn kaak',
  'echt veel pijn op de borst nu', 'pijn op de bors', 'pijn op m borst',
  'heel erg benauwt',
  'ik krijg geen adem',
  'my husband has chest pain going down his arm',
  'pain in my chest and left arm',
  'crushing pain in my chest',
  'my mom cant breathe properly',
  'i cant get any air',
  'my breathing is getting worse',
  "she's struggling to breathe",
  'my dad collapsed and is not responding',
  "he passed out and won't wake up",
  'my wife is unconcious',
  "her face is drooping on one side",
  'his mouth is crooked and he talks funny',
  'my grandmother suddenly cant speak properly',
  'suddenly my arm went numb and weak',
  "i can't move my right arm since this morning",
  'my son is having a fit',
  'she is shaking and jerking all over and not responding',
  'bleeding alot and it wont stop',
  "there's blood everywhere",
  'my throat is closing up after eating nuts',
  'his tongue is swollen and he cant breathe',
  'severe allergic reaction to a bee sting',
  'chest presure',
  'ik kan mijn been niet meer voelen',
  'mijn vader heeft een beroerte denk ik',
  'i think my husband is having a stroke',
  'I think I am having a heart attack',
];
export const newCrisisRedFlags = [
  'ik wil dood, ik heb pillen gespaard',
  'ik wil er een eind aan maken',
  'ik hoef niet meer te leven',
  'ik wil niet meer wakker worden',
  'het leven heeft geen zin meer',
  'mijn dochter wil zichzelf iets aandoen',
  'mijn zoon praat over zelfmoord',
  'ik denk erover om te springen',
  'I want to end it all',
  "i dont want to be here anymore",
  'my daughter says she wants to kill herself',
  "I've been thinking about suicide",
  'i wanna die',
  'ik wil me van kant maken',
];

/** Worsening but not acute: huisarts, huisartsenpost or specialist, never 112; the case gets a flag. */
const worsening = [
  'mijn pijn wordt steeds erger',
  'de tumor groeit',
  'ik zie steeds minder',
  'ik wacht al 3 maanden op mijn kankerbehandeling en de tumor groeit',
  'mijn klachten worden snel erger',
  'ik kan niet meer lopen',
  'ik kan bijna niet meer eten',
  'het gaat steeds slechter met me',
  'ik ga hard achteruit',
  'de knobbel wordt groter',
  'het wordt elke dag erger',
  'my pain is getting worse',
  'the tumour is growing',
  'I can see less and less',
  'I can no longer walk',
  "I can't walk anymore",
  'my symptoms are worsening',
  'the lump is getting bigger',
  'my eyesight keeps getting worse',
];

/** Questions and ordinary messages that must stay what they are. */
const notWorsening = [
  'Wordt mijn staar erger als ik nog langer moet wachten?',
  'will my eyesight get worse if I postpone the cataract surgery?',
  'Wordt het erger als ik de operatie uitstel?',
  'Will my arthritis get worse while I wait?',
  'hoe lang is de wachttijd voor een nieuwe heup',
  'ik kan niet meer wachten',
  'I cannot wait any longer',
];

const notRedFlags = [
  'ik kan mijn arm niet goed optillen sinds de schouderoperatie',
  'ik kan mijn been niet meer goed buigen sinds de knieoperatie',
  "I can't move my arm well since the surgery",
  'ik wil niet meer wachten',
  'ik heb soms wat slecht lucht bij traplopen',
  'mijn pijn wordt steeds erger',
  'de tumor groeit',
  'wat een toeval dat ik u spreek',
  'het ziekenhuis reageert niet',
];

describe('red flags added for issue 10', () => {
  it('adds at least 60 phrasings', () => {
    expect(newMedicalRedFlags.length + newCrisisRedFlags.length).toBeGreaterThanOrEqual(60);
  });
  it.each(newMedicalRedFlags)('"%s" is a medical emergency (112)', (text) => {
    expect(detectEmergency(text)).toMatchObject({ kind: 'medical', negated: false });
  });
  it.each(newCrisisRedFlags)('"%s" is a crisis (113)', (text) => {
    expect(detectEmergency(text)).toMatchObject({ kind: 'suicide', negated: false });
  });
  it.each(notRedFlags)('"%s" is no red flag', (text) => {
    expect(detectEmergency(text).kind).toBeNull();
  });
});

describe('worsening complaints', () => {
  it.each(worsening)('"%s" reports worsening', (text) => {
    expect(detectWorsening(text)).not.toBeNull();
  });
  it.each(notWorsening)('"%s" does not', (text) => {
    expect(detectWorsening(text)).toBeNull();
  });
  it('reports the clause as the patient wrote it', () => {
    expect(detectWorsening('Hallo. Mijn PIJN wordt steeds erger.')).toBe('Mijn PIJN wordt steeds erger');
  });
});
