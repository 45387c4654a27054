/**
 * The catch-up framework (Kader Passende Inhaalzorg, NZa, May 2021), its 2022 addendum and what
 * applies today. Its validity is data: asked on a date inside it, the card says it applies.
 */
import { FMS_URGENCY_CLASSES } from '../../domain/urgency.ts';
import { card } from './define.ts';
import { SRC } from './sources.ts';
import type { AnswerCard } from './types.ts';

const class3 = FMS_URGENCY_CLASSES[3].window.kind === 'within_weeks' ? FMS_URGENCY_CLASSES[3].window.weeks : 0;

// The Kamerbrief of 31 May 2021 sent the framework; it applied "tot uiterlijk 31 december 2021".
const KADER_2021 = { validFrom: '2021-05-31', validFromKind: 'in_force_by', validUntil: '2021-12-31', validUntilKind: 'exact' } as const;
// The NZa addendum carried the arrangements into 2022; its end is read as the end of 2022.
const ADDENDUM_2022 = { validFrom: '2022-01-01', validFromKind: 'in_force_by', validUntil: '2022-12-31', validUntilKind: 'assumed' } as const;
const AFTER = { validFrom: '2023-01-01', validFromKind: 'in_force_by', validUntil: null } as const;

const stillValid: AnswerCard = {
  id: 'catch-up-still-valid',
  topic: 'catch_up',
  title: { nl: 'Geldt het Kader Passende Inhaalzorg nog?', en: 'Does the catch-up care framework still apply?' },
  examples: {
    nl: ['Geldt het Kader Passende Inhaalzorg nog?', 'Is het kader inhaalzorg nog geldig?', 'Bestaan er nog afspraken over inhaalzorg na corona?', 'Gelden de corona-afspraken over uitgestelde zorg nog?', 'geldt de inhaalzorg regeling nog steeds', 'Is er nog een regeling voor zorg die door corona is uitgesteld?', 'kader passende inhaalzorg 2026', 'heb ik nog recht op inhaalzorg'],
    en: ['Does the catch-up care framework still apply?', 'Is the Kader Passende Inhaalzorg still valid?', 'Are there still arrangements for care postponed by covid?', 'Do the covid catch-up rules still apply?', 'is catch-up care still a thing', 'am I still entitled to catch-up care'],
  },
  versions: [
    {
      ...KADER_2021,
      text: {
        nl: { answer: 'Ja. Het Kader Passende Inhaalzorg geldt nu, tot uiterlijk 31 december 2021. Het gaat om zorg die door corona is uitgesteld. Ziekenhuizen en verzekeraars maken afspraken om die zorg zo snel mogelijk in te halen. Wacht [[u|je]] te lang? Vraag [[uw|je]] zorgverzekeraar om zorgbemiddeling.' },
        en: { answer: 'Yes. The catch-up care framework (Kader Passende Inhaalzorg) applies now, until 31 December 2021 at the latest. It is about care postponed by Covid. Hospitals and insurers agree how to catch up that care as soon as possible. If you wait too long, ask your insurer for care mediation.' },
      },
      sources: [SRC.kamerbrief2021],
    },
    {
      ...ADDENDUM_2022,
      text: {
        nl: { answer: 'Ja, in 2022 gelden de afspraken nog. Het kader uit 2021 liep tot 31 december 2021. Een aanvulling van de NZa (addendum) houdt de afspraken in 2022 van kracht. Wacht [[u|je]] te lang? Vraag [[uw|je]] zorgverzekeraar om zorgbemiddeling.' },
        en: { answer: 'Yes, in 2022 the arrangements still apply. The 2021 framework ran until 31 December 2021. An NZa addendum keeps the arrangements in force in 2022. If you wait too long, ask your insurer for care mediation.' },
      },
      sources: [SRC.nzaAddendum2022, SRC.kamerbrief2022],
    },
    {
      ...AFTER,
      text: {
        nl: {
          answer: 'Nee. Het Kader Passende Inhaalzorg gold in 2021, met een aanvulling voor 2022. Die afspraken gelden niet meer. Wat nu geldt: [[uw|je]] zorgverzekeraar moet zorgen dat [[u|je]] op tijd zorg [[krijgt|krijgt]]. De Treeknorm zegt hoe lang wachten mag.',
          more: 'Wacht [[u|je]] langer dan de Treeknorm? Vraag dan [[uw|je]] zorgverzekeraar om zorgbemiddeling. Dat is gratis.',
        },
        en: {
          answer: 'No. The catch-up care framework (Kader Passende Inhaalzorg) applied in 2021, with an addendum for 2022. Those arrangements no longer apply. What applies now: your health insurer must make sure you get care in time. The Treeknorm says how long a wait may be.',
          more: 'If you wait longer than the Treeknorm, ask your health insurer for care mediation. It is free.',
        },
      },
      sources: [SRC.nzaAddendum2022, SRC.zorgplichtNza],
    },
  ],
  next: ['mediation', 'rights'],
};

export const catchUpCards: AnswerCard[] = [
  stillValid,
  card({
    id: 'catch-up-what',
    topic: 'catch_up',
    title: { nl: 'Wat was het Kader Passende Inhaalzorg?', en: 'What was the catch-up care framework?' },
    examples: {
      nl: ['Wat is het Kader Passende Inhaalzorg?', 'wat is het kader passende inhaalzorg', 'Wat houdt inhaalzorg in?', 'Wat betekent inhaalzorg?', 'uitleg kader inhaalzorg', 'Wat was de afspraak over inhaalzorg?', 'Wat is passende inhaalzorg?'],
      en: ['What is the Kader Passende Inhaalzorg?', 'explain the catch-up care framework', 'What does catch-up care mean?', 'What was the catch-up framework about?', 'what is inhaalzorg'],
    },
    nl: { answer: 'Door corona werd veel zorg uitgesteld. In mei 2021 maakte de NZa met ziekenhuizen, verzekeraars en patiënten afspraken om die zorg in te halen: het Kader Passende Inhaalzorg. Ziekenhuizen planden op urgentie. Verzekeraars hielpen mensen die te lang wachtten. Die afspraken gelden niet meer.' },
    en: { answer: 'Covid caused a lot of care to be postponed. In May 2021 the NZa agreed with hospitals, insurers and patients how to catch up that care: the Kader Passende Inhaalzorg. Hospitals planned by urgency. Insurers helped people who waited too long. Those arrangements no longer apply.' },
    sources: [SRC.kamerbrief2021, SRC.nzaAddendum2022],
  }),
  card({
    id: 'catch-up-2021',
    topic: 'catch_up',
    title: { nl: 'Wat beloofde het kader in 2021?', en: 'What did the framework promise in 2021?' },
    examples: {
      nl: ['Wat stond er in het kader van 2021?', 'Wat kon de patiënt verwachten volgens de Kamerbrief van 2021?', 'Wat beloofde de minister in 2021 over uitgestelde zorg?', 'inhaalzorg afspraken 2021', 'Binnen hoeveel weken moest uitgestelde zorg worden ingehaald?', 'wat zei de kamerbrief van mei 2021'],
      en: ['What did the 2021 framework say?', 'What could patients expect according to the 2021 letter?', 'What did the minister promise in 2021 about postponed care?', 'catch-up care 2021 promises', 'How fast did postponed care have to be caught up?'],
    },
    nl: { answer: `In 2021 schreef de minister: uitgestelde zorg van urgentieklasse 3 wordt binnen ${class3} weken ingehaald. Klasse 4 en 5 zo veel mogelijk in 2021, misschien tot begin 2022. Patiënten konden met hun arts de planning bespreken en hun verzekeraar om zorgbemiddeling vragen.` },
    en: { answer: `In 2021 the minister wrote: postponed care of urgency class 3 is caught up within ${class3} weeks. Classes 4 and 5 as much as possible in 2021, perhaps into early 2022. Patients could discuss the planning with their doctor and ask their insurer for care mediation.` },
    sources: [SRC.kamerbrief2021],
    validity: { validFrom: '2021-05-31', validFromKind: 'in_force_by', validUntil: null },
  }),
  card({
    id: 'catch-up-addendum-2022',
    topic: 'catch_up',
    title: { nl: 'Wat was het addendum van 2022?', en: 'What was the 2022 addendum?' },
    examples: {
      nl: ['Wat was het addendum van 2022?', 'addendum inhaalzorg 2022', 'Is het kader inhaalzorg verlengd in 2022?', 'Wat veranderde er in 2022 aan de inhaalzorg?', 'Gold het kader ook in 2022?', 'verlenging kader passende inhaalzorg'],
      en: ['What was the 2022 addendum?', 'Was the catch-up framework extended in 2022?', 'catch-up care addendum 2022', 'What changed in 2022 for postponed care?', 'Did the framework also apply in 2022?'],
    },
    nl: { answer: 'Het kader uit 2021 gold tot 31 december 2021. Door nieuwe coronagolven werd zorg opnieuw uitgesteld. Daarom hield de NZa de afspraken met een aanvulling (addendum) ook in 2022 van kracht. Nu gelden ze niet meer.' },
    en: { answer: 'The 2021 framework applied until 31 December 2021. New Covid waves postponed care again. So the NZa kept the arrangements in force in 2022 with an addendum. They no longer apply now.' },
    sources: [SRC.nzaAddendum2022, SRC.kamerbrief2022],
    validity: { validFrom: '2022-01-01', validFromKind: 'in_force_by', validUntil: null },
  }),
  card({
    id: 'catch-up-today',
    topic: 'catch_up',
    title: { nl: 'Wat geldt nu bij uitgestelde zorg?', en: 'What applies now to postponed care?' },
    examples: {
      nl: ['Wat geldt er nu voor uitgestelde zorg?', 'Welke regels gelden nu als mijn zorg is uitgesteld?', 'Wat zijn mijn rechten bij uitgestelde zorg?', 'mijn rechten bij uitgestelde zorg', 'Wat vervangt het kader inhaalzorg?', 'Welke afspraken gelden er vandaag?'],
      en: ['What applies now to postponed care?', 'Which rules apply today if my care was postponed?', 'What are my rights when my care is postponed?', 'What replaced the catch-up framework?', 'what rules apply today'],
    },
    nl: { answer: 'Nu gelden de gewone regels. [[Uw|Je]] zorgverzekeraar moet zorgen dat [[u|je]] op tijd zorg [[krijgt|krijgt]] (zorgplicht). De Treeknorm zegt hoe lang wachten mag. Wacht [[u|je]] langer? Vraag dan om zorgbemiddeling. Sinds 2026 zien verzekeraars ook wie te lang wacht.' },
    en: { answer: 'The normal rules apply now. Your health insurer must make sure you get care in time (duty of care). The Treeknorm says how long a wait may be. If you wait longer, ask for care mediation. Since 2026 insurers also see who waits too long.' },
    sources: [SRC.zorgplichtNza, SRC.azwa],
    validity: { validFrom: '2026-01-01', validFromKind: 'exact', validUntil: null },
    next: ['mediation', 'elsewhere'],
  }),
];
