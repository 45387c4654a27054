/** While waiting: complaints that get worse, asking for an expected date, what the patient can do. */
import { card } from './define.ts';
import { SRC } from './sources.ts';

export const waitingCards = [
  card({
    id: 'waiting-worse',
    topic: 'waiting',
    title: { nl: 'Mijn klachten worden erger terwijl ik wacht', en: 'My symptoms get worse while I wait' },
    examples: {
      nl: ['Mijn klachten worden erger terwijl ik wacht, wat moet ik doen?', 'Wat als mijn klachten erger worden?', 'Ik heb steeds meer pijn op de wachtlijst', 'Het gaat slechter met mij terwijl ik wacht', 'Mijn pijn wordt erger, kan ik eerder geholpen worden?', 'wat moet ik doen als het erger wordt voor de operatie'],
      en: ['My symptoms are getting worse while I wait, what should I do?', 'What if my complaints get worse?', 'I am in more and more pain on the waiting list', 'I am getting worse while waiting', 'My pain is getting worse, can I be seen sooner?'],
    },
    nl: { answer: 'Worden [[uw|je]] klachten erger? Bel dan [[uw|je]] huisarts of de afdeling van het ziekenhuis waar [[u|je]] op de wachtlijst [[staat|staat]]. Zij kunnen bekijken of het sneller moet. Is er levensgevaar? Bel 112.' },
    en: { answer: 'If your symptoms get worse, call your GP or the hospital department where you are on the waiting list. They can check whether it must be sooner. In a life-threatening situation, call 112.' },
    sources: [SRC.iakMediation],
  }),
  card({
    id: 'waiting-expected-date',
    topic: 'waiting',
    title: { nl: 'Wanneer ben ik aan de beurt?', en: 'When is it my turn?' },
    examples: {
      nl: ['Wanneer ben ik aan de beurt?', 'Weten jullie wanneer mijn operatie is?', 'Hoe kom ik te weten wanneer ik geopereerd word?', 'Ik heb nog geen datum gekregen', 'Wanneer hoor ik van het ziekenhuis?', 'Waar sta ik op de wachtlijst?'],
      en: ['When is it my turn?', 'Do you know when my operation is?', 'How do I find out when I will have surgery?', 'I have not been given a date yet', 'Where am I on the waiting list?'],
    },
    nl: { answer: 'Dat weet alleen [[uw|je]] ziekenhuis. Bel de afdeling waar [[u|je]] op de wachtlijst [[staat|staat]] en vraag naar een verwachte datum. Is die te ver weg? Dan kan [[uw|je]] zorgverzekeraar zoeken naar een plek waar het sneller kan.' },
    en: { answer: 'Only your hospital knows. Call the department where you are on the waiting list and ask for an expected date. If it is too far away, your health insurer can look for a place where it is sooner.' },
    sources: [SRC.kamerbrief2021],
    next: ['mediation', 'elsewhere'],
  }),
  card({
    id: 'waiting-meanwhile',
    topic: 'waiting',
    title: { nl: 'Wat kan ik doen terwijl ik wacht?', en: 'What can I do while I wait?' },
    examples: {
      nl: ['Wat kan ik doen terwijl ik wacht?', 'Wat kan ik zelf doen tijdens het wachten?', 'Het wachten duurt zo lang, wat kan ik doen?', 'Kan ik iets doen om sneller geholpen te worden?', 'Ik zit al zo lang op de wachtlijst'],
      en: ['What can I do while I wait?', 'What can I do myself during the wait?', 'The wait is so long, what can I do?', 'Can I do anything to be seen sooner?', 'I have been on the list for so long'],
    },
    nl: { answer: '[[U|Je]] [[kunt|kunt]] drie dingen doen. Vraag het ziekenhuis naar een verwachte datum. Bespreek met [[uw|je]] arts of het sneller moet. En vraag [[uw|je]] zorgverzekeraar om zorgbemiddeling: die zoekt een plek waar het sneller kan.' },
    en: { answer: 'You can do three things. Ask the hospital for an expected date. Discuss with your doctor whether it must be sooner. And ask your health insurer for care mediation: it looks for a place where it is sooner.' },
    sources: [SRC.kamerbrief2021, SRC.univeMediation],
    next: ['mediation', 'elsewhere'],
  }),
];
