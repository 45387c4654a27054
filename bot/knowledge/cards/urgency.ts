/** FMS urgency classes 3, 4, 5 and who decides (the treating doctor, never the assistant or the insurer). */
import { FMS_URGENCY_CLASSES } from '../../domain/urgency.ts';
import { card } from './define.ts';
import { SRC } from './sources.ts';

const weeks = (c: 3 | 4 | 5): number => {
  const w = FMS_URGENCY_CLASSES[c].window;
  return w.kind === 'acute' ? 0 : w.weeks;
};

export const urgencyCards = [
  card({
    id: 'urgency-class-3',
    topic: 'urgency',
    title: { nl: 'Wat is urgentieklasse 3?', en: 'What is urgency class 3?' },
    examples: {
      nl: ['Wat is urgentieklasse 3?', 'urgentieklasse 3', 'Wat betekent klasse 3?', 'Mijn arts zegt dat ik klasse 3 ben, wat betekent dat?', 'kritiek planbare zorg', 'fms klasse 3', 'wat is kritiek planbare zorg'],
      en: ['What is urgency class 3?', 'urgency class 3', 'What does class 3 mean?', 'My doctor says I am class 3, what does that mean?', 'critical plannable care', 'fms class 3'],
    },
    nl: { answer: `Urgentieklasse 3 heet ‘kritiek planbare zorg’. Die zorg moet binnen ${weeks(3)} weken gebeuren, anders kan [[uw|je]] gezondheid schade oplopen. Denk aan sommige kankerbehandelingen. Alleen [[uw|je]] arts bepaalt welke klasse [[u|je]] [[heeft|hebt]].` },
    en: { answer: `Urgency class 3 is called ‘critical plannable care’. It must happen within ${weeks(3)} weeks, or your health may be harmed. Some cancer treatments are an example. Only your doctor decides which class you are in.` },
    sources: [SRC.fmsRaamwerk, SRC.kamerbrief2021],
  }),
  card({
    id: 'urgency-class-4',
    topic: 'urgency',
    title: { nl: 'Wat is urgentieklasse 4?', en: 'What is urgency class 4?' },
    examples: {
      nl: ['Wat is urgentieklasse 4?', 'urgentieklasse 4', 'Wat betekent klasse 4?', 'Mijn behandeling is klasse 4, wat houdt dat in?', 'fms klasse 4', 'Ik val onder klasse vier'],
      en: ['What is urgency class 4?', 'urgency class 4', 'What does class 4 mean?', 'My treatment is class 4, what does that mean?', 'fms class 4'],
    },
    nl: { answer: `Urgentieklasse 4 is planbare zorg. Langer dan ${weeks(4)} weken uitstellen geeft enig risico op blijvende schade aan [[uw|je]] gezondheid. Alleen [[uw|je]] arts bepaalt welke klasse [[u|je]] [[heeft|hebt]] en wanneer [[u|je]] aan de beurt bent.` },
    en: { answer: `Urgency class 4 is plannable care. Putting it off for more than ${weeks(4)} weeks carries some risk of lasting harm to your health. Only your doctor decides which class you are in and when it is your turn.` },
    sources: [SRC.fmsRaamwerk, SRC.fmsClasses45],
  }),
  card({
    id: 'urgency-class-5',
    topic: 'urgency',
    title: { nl: 'Wat is urgentieklasse 5?', en: 'What is urgency class 5?' },
    examples: {
      nl: ['Wat is urgentieklasse 5?', 'urgentieklasse 5', 'Wat betekent klasse 5?', 'Mijn heupoperatie is klasse 5, wat betekent dat?', 'fms klasse 5', 'ik ben klasse vijf'],
      en: ['What is urgency class 5?', 'urgency class 5', 'What does class 5 mean?', 'My hip operation is class 5, what does that mean?', 'fms class 5'],
    },
    nl: { answer: `Urgentieklasse 5 is planbare zorg waarbij ${weeks(5)} weken of langer uitstellen naar verwachting geen blijvende schade geeft. Denk aan een nieuwe heup of een liesbreuk. Alleen [[uw|je]] arts bepaalt welke klasse [[u|je]] [[heeft|hebt]].` },
    en: { answer: `Urgency class 5 is plannable care where a delay of ${weeks(5)} weeks or more is not expected to cause lasting harm. A new hip or a hernia are examples. Only your doctor decides which class you are in.` },
    sources: [SRC.fmsRaamwerk, SRC.fmsClasses45],
  }),
  card({
    id: 'urgency-who-decides',
    topic: 'urgency',
    title: { nl: 'Wie bepaalt hoe dringend het is?', en: 'Who decides how urgent it is?' },
    examples: {
      nl: ['Wie bepaalt hoe dringend mijn behandeling is?', 'Wie beslist over mijn urgentie?', 'Kunt u zeggen of mijn operatie dringend is?', 'Welke urgentieklasse heb ik?', 'Hoe weet ik of ik voorrang krijg?', 'Kan ik een hogere urgentie krijgen?', 'Is mijn operatie urgent?'],
      en: ['Who decides how urgent my treatment is?', 'Who decides my urgency?', 'Can you tell me whether my operation is urgent?', 'Which urgency class am I?', 'How do I get a higher priority?', 'Is my surgery urgent?'],
    },
    nl: { answer: 'Alleen de arts die [[u|je]] behandelt, bepaalt hoe dringend [[uw|je]] behandeling is. Ik kan dat niet beoordelen, en [[uw|je]] verzekeraar ook niet. Denkt [[u|je]] dat het sneller moet? Bespreek het met [[uw|je]] arts. Worden [[uw|je]] klachten erger? Bel [[uw|je]] huisarts.' },
    en: { answer: 'Only the doctor who treats you decides how urgent your treatment is. I cannot judge that, and neither can your insurer. Do you think it should be sooner? Talk to your doctor. If your symptoms get worse, call your GP.' },
    sources: [SRC.iakMediation, SRC.fmsRaamwerk],
  }),
  card({
    id: 'urgency-no-priority',
    topic: 'urgency',
    title: { nl: 'Kan mijn verzekeraar zorgen voor voorrang?', en: 'Can my insurer get me priority?' },
    examples: {
      nl: ['Kan mijn verzekeraar zorgen dat ik in mijn eigen ziekenhuis eerder word geholpen?', 'Kan de verzekeraar mij voorrang geven?', 'Kan zorgbemiddeling mij hoger op de wachtlijst zetten?', 'Kan mijn zorgverzekeraar het ziekenhuis vragen mij eerder te helpen?', 'voorrang in mijn eigen ziekenhuis', 'Kan ik via de verzekeraar sneller aan de beurt komen in hetzelfde ziekenhuis?'],
      en: ['Can my insurer make my own hospital treat me sooner?', 'Can the insurer get me priority?', 'Can mediation move me up the waiting list?', 'Can my insurer ask the hospital to see me earlier?', 'priority at my own hospital'],
    },
    nl: { answer: 'Nee. [[Uw|Je]] verzekeraar kan [[u|je]] geen voorrang geven in [[uw|je]] eigen ziekenhuis. Alleen [[uw|je]] arts bepaalt of het sneller moet. Wel kan de verzekeraar zoeken naar een ander ziekenhuis of een kliniek waar [[u|je]] eerder terecht [[kunt|kunt]].' },
    en: { answer: 'No. Your insurer cannot give you priority at your own hospital. Only your doctor decides whether it must be sooner. But the insurer can look for another hospital or clinic where you can be seen earlier.' },
    sources: [SRC.univeMediation, SRC.iakMediation],
    next: ['elsewhere', 'mediation'],
  }),
];
