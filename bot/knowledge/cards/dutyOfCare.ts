/** The insurer's duty of care (zorgplicht) and the 2026 change that lets insurers see waiting lists. */
import { card } from './define.ts';
import { SRC } from './sources.ts';

export const dutyOfCareCards = [
  card({
    id: 'zorgplicht-what',
    topic: 'duty_of_care',
    title: { nl: 'Wat is de zorgplicht?', en: 'What is the duty of care?' },
    examples: {
      nl: ['Wat is de zorgplicht?', 'wat houdt de zorgplicht van de verzekeraar in', 'Moet mijn verzekeraar mij helpen?', 'Is mijn zorgverzekeraar verplicht mij te helpen als ik te lang wacht?', 'zorgplicht zorgverzekeraar', 'Wat moet mijn zorgverzekeraar doen als ik te lang wacht?', 'De cardioloog heeft pas over drie maanden plek. Moet de verzekeraar mij dan helpen?'],
      en: ['What is the duty of care?', 'What does the insurer’s duty of care mean?', 'Is my insurer obliged to help me?', 'is my insurer obliged to help me', 'Does my health insurer have to help when I wait too long?', 'insurer duty of care', 'What must my insurer do if the wait is too long?'],
    },
    nl: { answer: '[[Uw|Je]] zorgverzekeraar moet zorgen dat [[u|je]] de zorg uit het basispakket op tijd en niet te ver weg [[krijgt|krijgt]]. Dat heet zorgplicht. Het staat in de Zorgverzekeringswet. De NZa controleert het, met de Treeknormen als maat. Wacht [[u|je]] te lang? Vraag dan om zorgbemiddeling.' },
    en: { answer: 'Your health insurer must make sure you get the care of the basic package in time and not too far away. This is its duty of care (zorgplicht), set in the Health Insurance Act. The NZa checks it, with the Treeknormen as the measure. If you wait too long, ask for care mediation.' },
    sources: [SRC.zvw, SRC.zorgplichtNza],
    next: ['mediation'],
  }),
  card({
    id: 'zorgplicht-distance',
    topic: 'duty_of_care',
    title: { nl: 'Hoe ver hoef ik te reizen?', en: 'How far do I have to travel?' },
    examples: {
      nl: ['Hoe ver hoef ik te reizen voor zorg?', 'Moet ik ver reizen om sneller geholpen te worden?', 'Mag de verzekeraar mij naar een ziekenhuis ver weg sturen?', 'Wat is een redelijke reisafstand?', 'Moet ik akkoord gaan met een ziekenhuis aan de andere kant van het land?'],
      en: ['How far do I have to travel for care?', 'Do I have to travel far to be treated sooner?', 'Can the insurer send me to a hospital far away?', 'What is a reasonable travel distance?', 'Must I accept a hospital on the other side of the country?'],
    },
    nl: { answer: 'Zorg moet op tijd zijn en binnen een redelijke reisafstand. [[U|Jij]] bepaalt zelf hoe ver [[u|je]] wilt reizen. Zoekt [[uw|je]] verzekeraar een plek? Zeg dan hoeveel kilometer [[u|je]] hoogstens wilt reizen. Eerst wordt in [[uw|je]] regio gezocht.' },
    en: { answer: 'Care must be in time and within a reasonable travel distance. You decide how far you want to travel. If your insurer looks for a place, say how many kilometres you are willing to travel. The search starts in your region.' },
    sources: [SRC.zorgplichtNza, SRC.univeMediation],
    next: ['elsewhere'],
  }),
  card({
    id: 'azwa-2026',
    topic: 'duty_of_care',
    title: { nl: 'Wat is er veranderd in 2026?', en: 'What changed in 2026?' },
    examples: {
      nl: ['Wat is er veranderd in 2026?', 'Mogen verzekeraars sinds 2026 de wachtlijsten zien?', 'Kan mijn verzekeraar zien dat ik op een wachtlijst sta?', 'Wat is het AZWA?', 'nieuwe regels wachtlijsten 2026', 'Weet mijn verzekeraar hoe lang ik wacht?', 'Mag de verzekeraar in de wachtlijst van het ziekenhuis kijken?', 'Is er een nieuwe wet over wachtlijsten?', 'Sinds wanneer gelden de nieuwe regels voor wachtlijsten?'],
      en: ['What changed in 2026?', 'Can insurers see the waiting lists since 2026?', 'Can my insurer see that I am on a waiting list?', 'What is the AZWA?', 'new waiting list rules 2026', 'Does my insurer know how long I am waiting?', 'Is there a new law on waiting lists?', 'When do the new waiting list rules start?'],
    },
    nl: { answer: 'Sinds 1 januari 2026 mogen zorgverzekeraars zien wie langer wacht dan de Treeknorm. Dat is afgesproken in het Aanvullend Zorg- en Welzijnsakkoord (AZWA). De verzekeraar mag [[u|je]] dan zelf een snellere plek aanbieden. Dat gebeurt alleen met [[uw|je]] toestemming.' },
    en: { answer: 'Since 1 January 2026 health insurers may see who waits longer than the Treeknorm. This was agreed in the Supplementary Care and Welfare Agreement (AZWA). The insurer may then offer you a faster place itself. This only happens with your consent.' },
    sources: [SRC.azwa, SRC.patientenfederatie2025],
    validity: { validFrom: '2026-01-01', validFromKind: 'exact', validUntil: null },
    next: ['mediation'],
  }),
  card({
    id: 'azwa-insurer-called',
    topic: 'duty_of_care',
    title: { nl: 'Mijn verzekeraar belde mij over mijn wachttijd', en: 'My insurer contacted me about my wait' },
    examples: {
      nl: ['Mijn verzekeraar belde mij over mijn wachttijd, klopt dat?', 'Waarom belt mijn zorgverzekeraar mij over de wachtlijst?', 'Ik kreeg een brief van mijn verzekeraar over een snellere plek', 'Is het normaal dat de verzekeraar mij benadert?', 'Moet ik ingaan op het aanbod van mijn verzekeraar?'],
      en: ['My insurer called me about my wait, is that right?', 'Why is my health insurer contacting me about the waiting list?', 'I got a letter from my insurer about a faster place', 'Is it normal that the insurer approaches me?', 'Do I have to accept my insurer’s offer?'],
    },
    nl: { answer: 'Ja, dat kan kloppen. Sinds 2026 mogen verzekeraars mensen benaderen die langer wachten dan de Treeknorm. Zij bieden dan een snellere plek aan. [[U|Je]] hoeft dat niet aan te nemen. [[U|Je]] mag ook bij [[uw|je]] eigen ziekenhuis blijven.' },
    en: { answer: 'Yes, that can be right. Since 2026 insurers may approach people who wait longer than the Treeknorm and offer a faster place. You do not have to accept it. You may also stay with your own hospital.' },
    sources: [SRC.azwa],
    validity: { validFrom: '2026-01-01', validFromKind: 'exact', validUntil: null },
  }),
];
