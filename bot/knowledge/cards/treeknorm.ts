/** The Treeknormen: what they are and each norm (numbers from bot/domain/treeknorm.ts). */
import { GGZ_TREEKNORMEN, MSZ_TREEKNORMEN } from '../../domain/treeknorm.ts';
import { card } from './define.ts';
import { SRC } from './sources.ts';

const poli = MSZ_TREEKNORMEN.outpatient.maxWeeks;
const poli80 = MSZ_TREEKNORMEN.outpatient.eightyPercentWeeks;
const diag = MSZ_TREEKNORMEN.diagnostics.maxWeeks;
const day = MSZ_TREEKNORMEN.day_treatment.maxWeeks;
const clinical = MSZ_TREEKNORMEN.clinical.maxWeeks;
const ggzIntake = GGZ_TREEKNORMEN.registration.maxWeeks;
const ggzTreatment = GGZ_TREEKNORMEN.treatment.maxWeeks;
const ggzTotal = GGZ_TREEKNORMEN.total.maxWeeks;

export const treeknormCards = [
  card({
    id: 'treeknorm-what',
    topic: 'treeknorm',
    title: { nl: 'Wat is een Treeknorm?', en: 'What is a Treeknorm?' },
    examples: {
      nl: ['Wat is een Treeknorm?', 'wat betekent treeknorm', 'Wat zijn de Treeknormen?', 'treeknorm uitleg', 'Wat is de maximale wachttijd in het ziekenhuis?', 'Is er een maximum aan hoe lang ik mag wachten?', 'Bestaat er een wettelijke maximale wachttijd?', 'hoe lang mag een wachttijd zijn', 'Wie bepaalt de Treeknorm?'],
      en: ['What is a Treeknorm?', 'what does treeknorm mean', 'What are the Treeknormen?', 'Is there a maximum waiting time for hospital care?', 'maximum waiting times', 'How long is a hospital allowed to make me wait?', 'Is there a legal maximum wait?', 'explain the treek norm', 'who sets the maximum waiting times'],
    },
    nl: {
      answer: `Een Treeknorm is de langste wachttijd die zorgverleners en zorgverzekeraars hebben afgesproken. Voor een eerste afspraak is dat ${poli} weken. Voor een behandeling ${day} of ${clinical} weken. Het is geen garantie van het ziekenhuis. Wacht [[u|je]] langer? Dan moet [[uw|je]] zorgverzekeraar helpen.`,
      more: `Voor onderzoek, zoals een scan, is de norm ${diag} weken. Voor een dagbehandeling ${day} weken, voor een opname ${clinical} weken. In de ggz gelden andere normen.`,
    },
    en: {
      answer: `A Treeknorm is the longest wait that care providers and health insurers agreed on. For a first appointment it is ${poli} weeks. For a treatment ${day} or ${clinical} weeks. It is not a hospital’s guarantee. If you wait longer, your health insurer must help you.`,
      more: `For tests such as a scan the norm is ${diag} weeks. For day treatment ${day} weeks, for an admission ${clinical} weeks. Mental health care has other norms.`,
    },
    sources: [SRC.treeknormenVws, SRC.zorgplichtNza],
    next: ['waitingTime', 'mediation'],
  }),
  card({
    id: 'treeknorm-outpatient',
    topic: 'treeknorm',
    title: { nl: 'Treeknorm voor een eerste afspraak', en: 'Treeknorm for a first appointment' },
    examples: {
      nl: ['Wat is de Treeknorm voor de poli?', 'Hoe lang mag ik wachten op een eerste afspraak bij de specialist?', 'treeknorm polikliniek', 'maximale wachttijd eerste afspraak', 'Hoe snel moet ik bij de specialist terecht kunnen?', 'Binnen hoeveel weken moet ik een eerste gesprek in het ziekenhuis hebben?', 'wat is de norm voor een poliafspraak'],
      en: ['What is the Treeknorm for an outpatient appointment?', 'How long may I wait for a first appointment with a specialist?', 'maximum wait for the outpatient clinic', 'treeknorm first visit', 'How soon should I be able to see the specialist?', 'what is the norm for a first consultation at the hospital'],
    },
    nl: { answer: `Voor een eerste afspraak op de polikliniek is de Treeknorm ${poli} weken. Meestal (8 van de 10 keer) hoort het binnen ${poli80} weken. Duurt het langer? Dan kan [[uw|je]] zorgverzekeraar helpen een plek te vinden.` },
    en: { answer: `For a first outpatient appointment the Treeknorm is ${poli} weeks. In 8 out of 10 cases it should be within ${poli80} weeks. If it takes longer, your health insurer can help you find a place.` },
    sources: [SRC.treeknormenVws],
    next: ['waitingTime', 'mediation'],
  }),
  card({
    id: 'treeknorm-diagnostics',
    topic: 'treeknorm',
    title: { nl: 'Treeknorm voor onderzoek of een scan', en: 'Treeknorm for tests or a scan' },
    examples: {
      nl: ['Wat is de Treeknorm voor een scan?', 'Hoe lang mag ik wachten op een MRI?', 'Geldt de treeknorm ook voor diagnostiek?', 'maximale wachttijd voor een ct-scan', 'hoe lang mag wachten op onderzoek in het ziekenhuis', 'treeknorm mri', 'Hoe lang mag ik wachten op een echo of röntgenfoto?'],
      en: ['What is the Treeknorm for a scan?', 'How long may I wait for an MRI?', 'Does the Treeknorm apply to diagnostic tests?', 'maximum wait for a CT scan', 'treeknorm for diagnostics', 'How long can I be made to wait for an ultrasound or x-ray?'],
    },
    nl: { answer: `Voor onderzoek, zoals een scan, MRI of echo, is de Treeknorm ${diag} weken. Dat telt vanaf het moment dat de arts het onderzoek aanvraagt. Duurt het langer? Dan kan [[uw|je]] zorgverzekeraar helpen.` },
    en: { answer: `For tests such as a scan, MRI or ultrasound the Treeknorm is ${diag} weeks. It counts from when the doctor asks for the test. If it takes longer, your health insurer can help.` },
    sources: [SRC.treeknormenVws],
    next: ['mediation'],
  }),
  card({
    id: 'treeknorm-day-treatment',
    topic: 'treeknorm',
    title: { nl: 'Treeknorm voor een dagbehandeling', en: 'Treeknorm for day treatment' },
    examples: {
      nl: ['Wat is de Treeknorm voor een dagbehandeling?', 'Hoe lang mag ik wachten op een behandeling zonder opname?', 'treeknorm dagopname', 'maximale wachttijd poliklinische behandeling', 'Ik hoef niet te blijven slapen, hoe lang mag het wachten duren?', 'norm voor een ingreep op dezelfde dag naar huis'],
      en: ['What is the Treeknorm for day treatment?', 'How long may I wait for a day case?', 'maximum wait for treatment without staying overnight', 'treeknorm day surgery', 'norm for an outpatient procedure where I go home the same day'],
    },
    nl: { answer: `Voor een behandeling waarbij [[u|je]] dezelfde dag naar huis gaat (dagbehandeling), is de Treeknorm ${day} weken. Dat telt vanaf het moment dat de arts zegt dat [[u|je]] de behandeling nodig [[heeft|hebt]].` },
    en: { answer: `For a treatment where you go home the same day (day treatment) the Treeknorm is ${day} weeks. It counts from when the doctor says you need the treatment.` },
    sources: [SRC.treeknormenVws],
    next: ['waitingTime', 'mediation'],
  }),
  card({
    id: 'treeknorm-clinical',
    topic: 'treeknorm',
    title: { nl: 'Treeknorm voor een opname', en: 'Treeknorm for an admission' },
    examples: {
      nl: ['Wat is de Treeknorm voor een opname?', 'Hoe lang mag ik wachten op een operatie met opname?', 'treeknorm klinische behandeling', 'maximale wachttijd als ik moet blijven slapen in het ziekenhuis', 'hoe lang mag het duren voor ik opgenomen word'],
      en: ['What is the Treeknorm for an admission?', 'How long may I wait for surgery with a hospital stay?', 'maximum wait for inpatient treatment', 'treeknorm clinical treatment', 'how long can it take before I am admitted'],
    },
    nl: { answer: `Moet [[u|je]] voor de behandeling in het ziekenhuis blijven slapen (opname)? Dan is de Treeknorm ${clinical} weken. Dat telt vanaf het moment dat de arts zegt dat [[u|je]] de behandeling nodig [[heeft|hebt]].` },
    en: { answer: `If you have to stay in hospital overnight for the treatment (admission), the Treeknorm is ${clinical} weeks. It counts from when the doctor says you need the treatment.` },
    sources: [SRC.treeknormenVws],
    next: ['waitingTime', 'mediation'],
  }),
  card({
    id: 'treeknorm-operation',
    topic: 'treeknorm',
    title: { nl: 'Treeknorm voor een operatie', en: 'Treeknorm for an operation' },
    examples: {
      nl: ['Wat is de Treeknorm voor een operatie?', 'Hoe lang mag ik maximaal wachten op een operatie?', 'hoe lang mag de wachttijd voor een staaroperatie maximaal zijn', 'Wat is de norm voor een knieoperatie?', 'maximale wachttijd operatie', 'treeknorm behandeling', 'Geldt de Treeknorm voor mijn operatie?', 'Binnen hoeveel weken moet ik geopereerd worden?'],
      en: ['What is the Treeknorm for an operation?', 'What is the maximum wait for surgery?', 'How long can they make me wait for cataract surgery by law?', 'Does the Treeknorm apply to my operation?', 'maximum waiting time for an operation', 'Within how many weeks should I have my surgery?'],
    },
    nl: { answer: `Voor een operatie is de Treeknorm ${day} weken als [[u|je]] dezelfde dag naar huis gaat. Moet [[u|je]] blijven slapen? Dan ${clinical} weken. Dat telt vanaf het moment dat de arts zegt dat [[u|je]] de operatie nodig [[heeft|hebt]].` },
    en: { answer: `For an operation the Treeknorm is ${day} weeks if you go home the same day, and ${clinical} weeks if you stay overnight. It counts from when the doctor says you need the operation.` },
    sources: [SRC.treeknormenVws],
    next: ['waitingTime', 'mediation'],
  }),
  card({
    id: 'treeknorm-ggz',
    topic: 'treeknorm',
    title: { nl: 'Treeknorm in de ggz', en: 'Treeknorm in mental health care' },
    examples: {
      nl: ['Wat is de Treeknorm in de ggz?', 'treeknorm ggz', 'Hoe lang mag ik wachten op een psycholoog?', 'maximale wachttijd geestelijke gezondheidszorg', 'Hoe lang mag de wachtlijst bij de ggz zijn?', 'wachttijd norm voor een intake bij de ggz', 'hoe lang mag wachten op therapie'],
      en: ['What is the Treeknorm in mental health care?', 'treeknorm mental health', 'How long may I wait for a psychologist?', 'maximum wait for mental health treatment', 'norm for the waiting list at a mental health service', 'how long can I wait for therapy'],
    },
    nl: { answer: `In de geestelijke gezondheidszorg (ggz) zijn er twee normen. Tot het eerste gesprek (intake) hoogstens ${ggzIntake} weken. Van het eerste gesprek tot de behandeling hoogstens ${ggzTreatment} weken. Samen dus ${ggzTotal} weken.` },
    en: { answer: `Mental health care (ggz) has two norms. Up to the first interview (intake) at most ${ggzIntake} weeks. From the intake to the start of treatment at most ${ggzTreatment} weeks. That is ${ggzTotal} weeks in total.` },
    sources: [SRC.ggzVzinfo],
    next: ['mediation'],
  }),
  card({
    id: 'treeknorm-guarantee',
    topic: 'treeknorm',
    title: { nl: 'Is de Treeknorm een garantie?', en: 'Is the Treeknorm a guarantee?' },
    examples: {
      nl: ['Is de Treeknorm een garantie?', 'Moet het ziekenhuis zich aan de Treeknorm houden?', 'Is de treeknorm wettelijk verplicht?', 'Kan ik het ziekenhuis dwingen mij binnen de treeknorm te helpen?', 'Wat als het ziekenhuis zich niet aan de treeknorm houdt?', 'Mag het ziekenhuis langer dan de treeknorm laten wachten?'],
      en: ['Is the Treeknorm a guarantee?', 'Does the hospital have to keep to the Treeknorm?', 'Is the treeknorm legally binding?', 'Can I force the hospital to treat me within the norm?', 'What if the hospital does not meet the Treeknorm?'],
    },
    nl: { answer: 'Nee, de Treeknorm is geen garantie van het ziekenhuis. Het is een norm voor [[uw|je]] zorgverzekeraar. Die moet zorgen dat [[u|je]] op tijd zorg [[krijgt|krijgt]]. Wacht [[u|je]] langer dan de norm? Vraag dan [[uw|je]] zorgverzekeraar om zorgbemiddeling: hulp bij het zoeken naar een plek waar het sneller kan.' },
    en: { answer: 'No, the Treeknorm is not a guarantee from the hospital. It is a norm for your health insurer, which must make sure you get care in time. If you wait longer than the norm, ask your insurer for care mediation: help to find a place where it is sooner.' },
    sources: [SRC.zorgplichtNza, SRC.treeknormenVws],
    next: ['mediation', 'elsewhere'],
  }),
  card({
    id: 'treeknorm-counting',
    topic: 'treeknorm',
    title: { nl: 'Vanaf wanneer telt de wachttijd?', en: 'When does the wait start counting?' },
    examples: {
      nl: ['Vanaf wanneer telt de wachttijd?', 'Telt de wachttijd vanaf de verwijzing?', 'Wanneer begint de treeknorm te lopen?', 'vanaf welk moment wordt de wachttijd berekend', 'Telt de tijd tot de operatie vanaf mijn eerste afspraak?'],
      en: ['When does the waiting time start counting?', 'Does the wait count from the referral?', 'From what moment is the waiting time measured?', 'when does the treeknorm clock start', 'Is the wait for surgery counted from my first appointment?'],
    },
    nl: { answer: 'Elke stap heeft een eigen wachttijd. Voor de eerste afspraak telt de tijd vanaf [[uw|je]] aanmelding met de verwijzing. Voor onderzoek en behandeling telt de tijd vanaf het moment dat de arts zegt dat [[u|je]] het nodig [[heeft|hebt]].' },
    en: { answer: 'Each step has its own wait. For the first appointment it counts from when you register with your referral. For tests and treatment it counts from when the doctor says you need them.' },
    sources: [SRC.treeknormenVws],
  }),
  card({
    id: 'treeknorm-exceeded',
    topic: 'treeknorm',
    title: { nl: 'Ik wacht langer dan de Treeknorm', en: 'I wait longer than the Treeknorm' },
    examples: {
      nl: ['Ik wacht langer dan de Treeknorm, wat nu?', 'De wachttijd is langer dan de norm, wat kan ik doen?', 'Wat kan ik doen als de treeknorm overschreden is?', 'treeknorm overschreden', 'Mijn wachttijd is te lang, heb ik ergens recht op?', 'Wat kan ik eisen van mijn zorgverzekeraar als de wachtlijst te lang is?'],
      en: ['I am waiting longer than the Treeknorm, what now?', 'The wait is over the norm, what can I do?', 'What can I demand from my health insurer when the waiting list is too long?', 'treeknorm exceeded', 'My wait is too long, am I entitled to anything?'],
    },
    nl: { answer: 'Wacht [[u|je]] langer dan de Treeknorm? Dan moet [[uw|je]] zorgverzekeraar [[u|je]] helpen. Vraag om zorgbemiddeling: de verzekeraar zoekt dan een ziekenhuis of kliniek waar [[u|je]] sneller terecht [[kunt|kunt]]. Dat is gratis.' },
    en: { answer: 'If you wait longer than the Treeknorm, your health insurer must help you. Ask for care mediation: the insurer then looks for a hospital or clinic where you can be seen sooner. It is free.' },
    sources: [SRC.zorgplichtNza, SRC.zorgdirectMediation],
    next: ['mediation', 'elsewhere'],
  }),
];
