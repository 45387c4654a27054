/** Zorgbemiddeling: what it is, that it is free, who may ask, how long it takes, what to have at hand. */
import { card } from './define.ts';
import { SRC } from './sources.ts';

export const mediationCards = [
  card({
    id: 'mediation-what',
    topic: 'mediation',
    title: { nl: 'Wat is zorgbemiddeling?', en: 'What is care mediation?' },
    examples: {
      nl: ['Wat is zorgbemiddeling?', 'wat houdt zorgbemiddeling in', 'Wat doet een zorgbemiddelaar?', 'wat is wachtlijstbemiddeling', 'Hoe werkt zorgbemiddeling?', 'Wat is wachttijdbemiddeling?', 'wat houdt zorgbemiddeling in en heb ik daar recht op?', 'Wat kan de zorgbemiddeling voor mij doen?'],
      en: ['What is care mediation?', 'what exactly is care mediation', 'What does a care mediator do?', 'What is waiting-list mediation?', 'How does mediation work?', 'what is zorgbemiddeling', 'What can the mediation team do for me?'],
    },
    nl: { answer: 'Zorgbemiddeling is hulp van [[uw|je]] zorgverzekeraar als [[u|je]] lang [[moet|moet]] wachten. Een zorgbemiddelaar zoekt een ziekenhuis of kliniek waar [[u|je]] sneller terecht [[kunt|kunt]], niet te ver weg. [[U|Jij]] beslist zelf of [[u|je]] daar naartoe gaat.' },
    en: { answer: 'Care mediation (zorgbemiddeling) is help from your health insurer when you face a long wait. A mediator looks for a hospital or clinic where you can be seen sooner, not too far away. You decide yourself whether you go there.' },
    sources: [SRC.univeMediation, SRC.zorgdirectMediation],
    next: ['mediation'],
  }),
  card({
    id: 'mediation-free',
    topic: 'mediation',
    title: { nl: 'Is zorgbemiddeling gratis?', en: 'Is care mediation free?' },
    examples: {
      nl: ['Is zorgbemiddeling gratis?', 'Kost zorgbemiddeling geld?', 'Moet ik betalen voor zorgbemiddeling?', 'wat kost bemiddeling', 'Zijn er kosten verbonden aan de zorgbemiddeling?', 'betaal ik iets voor de hulp van de verzekeraar'],
      en: ['Is care mediation free?', 'Does mediation cost anything?', 'Do I have to pay for care mediation?', 'what does mediation cost', 'Are there any fees for the mediation service?'],
    },
    nl: { answer: 'Ja, zorgbemiddeling is gratis. [[U|Je]] betaalt niets voor de hulp van de zorgbemiddelaar. Let wel op: de behandeling zelf valt onder [[uw|je]] gewone verzekering. Vraag vooraf of het nieuwe ziekenhuis een contract heeft met [[uw|je]] verzekeraar.' },
    en: { answer: 'Yes, care mediation is free. You pay nothing for the mediator’s help. Note that the treatment itself falls under your normal insurance. Ask beforehand whether the new hospital has a contract with your insurer.' },
    sources: [SRC.univeMediation, SRC.zorgdirectMediation],
    next: ['mediation'],
  }),
  card({
    id: 'mediation-who',
    topic: 'mediation',
    title: { nl: 'Wie mag zorgbemiddeling vragen?', en: 'Who may ask for mediation?' },
    examples: {
      nl: ['Wie mag zorgbemiddeling vragen?', 'Heb ik recht op zorgbemiddeling?', 'Heb ik recht op zorgbemiddeling als ik te lang moet wachten?', 'Mag ik bemiddeling vragen voor mijn moeder?', 'Kan ik zorgbemiddeling aanvragen voor mijn kind?', 'Mag ik zorgbemiddeling vragen als ik binnen de treeknorm zit?', 'Kom ik in aanmerking voor zorgbemiddeling?'],
      en: ['Who may ask for care mediation?', 'Am I entitled to mediation?', 'Am I entitled to mediation when the wait exceeds the norm?', 'Can I ask for mediation for my mother?', 'Can I request mediation for my child?', 'Can I ask for mediation if my wait is within the norm?'],
    },
    nl: { answer: 'Iedereen die bij een zorgverzekeraar verzekerd is en lang [[moet|moet]] wachten, mag zorgbemiddeling vragen. Ook als de wachttijd nog binnen de Treeknorm is, kunnen veel verzekeraars helpen. [[U|Je]] mag het ook voor [[uw|je]] kind of een naaste vragen. Die moet er wel mee eens zijn.' },
    en: { answer: 'Anyone insured with a Dutch health insurer who faces a long wait may ask for care mediation. Many insurers also help when the wait is still within the Treeknorm. You may also ask for your child or someone close to you, if they agree.' },
    sources: [SRC.univeMediation, SRC.pnoMediation],
    next: ['mediation'],
  }),
  card({
    id: 'mediation-how-long',
    topic: 'mediation',
    title: { nl: 'Hoe lang duurt zorgbemiddeling?', en: 'How long does mediation take?' },
    examples: {
      nl: ['Hoe lang duurt zorgbemiddeling?', 'Wanneer neemt de zorgbemiddelaar contact op?', 'Hoe snel hoor ik iets van de zorgbemiddeling?', 'Hoe lang moet ik wachten op de zorgbemiddelaar?', 'binnen hoeveel dagen belt de bemiddelaar', 'Hoe snel helpt de verzekeraar mij?'],
      en: ['How long does care mediation take?', 'When will the mediator contact me?', 'How soon will I hear from the mediation team?', 'How long until the mediator calls?', 'How fast does the insurer help me?'],
    },
    nl: { answer: 'Een zorgbemiddelaar van {{tenant}} neemt binnen {{days}} werkdagen contact met [[u|je]] op. Samen zoekt [[u|je]] dan een plek. Hoe lang dat duurt, hangt af van de behandeling en hoe ver [[u|je]] wilt reizen.' },
    en: { answer: 'A care mediator of {{tenant}} contacts you within {{days}} working days. Together you then look for a place. How long that takes depends on the treatment and how far you want to travel.' },
    sources: [SRC.zorgdirectMediation],
    next: ['mediation'],
  }),
  card({
    id: 'mediation-prepare',
    topic: 'mediation',
    title: { nl: 'Wat heb ik nodig voor zorgbemiddeling?', en: 'What do I need for mediation?' },
    examples: {
      nl: ['Wat heb ik nodig voor zorgbemiddeling?', 'Wat moet ik klaar hebben als de bemiddelaar belt?', 'Welke gegevens heeft de zorgbemiddelaar nodig?', 'Wat moet ik voorbereiden voor de zorgbemiddeling?', 'welke informatie moet ik geven voor bemiddeling', 'Wat vraagt de zorgbemiddelaar aan mij?', 'Wat moet ik klaarleggen voor het gesprek met de bemiddelaar?', 'Welke papieren heb ik nodig voor bemiddeling?'],
      en: ['What do I need for care mediation?', 'What should I have ready when the mediator calls?', 'What information does the mediator need?', 'How do I prepare for mediation?', 'What will the mediator ask me?', 'What should I have at hand for mediation?', 'Which papers do I need for mediation?'],
    },
    nl: { answer: 'Houd dit bij de hand: [[uw|je]] polisnummer (op [[uw|je]] zorgpas) en [[uw|je]] verwijzing met de datum. Weet ook in welk ziekenhuis [[u|je]] op de wachtlijst [[staat|staat]], voor welke behandeling, en hoe lang [[u|je]] al [[wacht|wacht]]. Bedenk hoe ver [[u|je]] wilt reizen.' },
    en: { answer: 'Have this at hand: your policy number (on your insurance card), your referral with its date, the hospital where you are on the waiting list, which treatment it is and how long you have waited. Also think about how far you want to travel.' },
    sources: [SRC.univeMediation, SRC.zorgdirectMediation],
    next: ['mediation'],
  }),
  card({
    id: 'mediation-how-to-ask',
    topic: 'mediation',
    title: { nl: 'Hoe vraag ik zorgbemiddeling aan?', en: 'How do I ask for mediation?' },
    examples: {
      nl: ['Hoe vraag ik zorgbemiddeling aan?', 'Hoe kan ik een verzoek indienen bij de zorgbemiddeling?', 'Waar vraag ik wachtlijstbemiddeling aan?', 'Hoe kom ik in contact met de zorgbemiddeling?', 'Hoe werkt de aanvraag voor bemiddeling?'],
      en: ['How do I ask for care mediation?', 'How do I submit a request to the mediation team?', 'Where do I apply for waiting-list mediation?', 'How do I get in touch with the mediators?', 'How does the mediation request work?'],
    },
    nl: { answer: 'Dat kan hier in dit gesprek. Ik vraag eerst [[uw|je]] toestemming. Daarna vraag ik een paar gegevens en stuur ik [[uw|je]] vraag naar de zorgbemiddeling. [[U|Je]] [[krijgt|krijgt]] een referentie. Binnen {{days}} werkdagen neemt een zorgbemiddelaar contact op.' },
    en: { answer: 'You can do that here in this chat. I first ask for your consent. Then I ask a few details and send your request to the mediation team. You get a reference. A mediator contacts you within {{days}} working days.' },
    sources: [SRC.zorgdirectMediation],
    next: ['mediation'],
  }),
  card({
    id: 'mediation-helps',
    topic: 'mediation',
    title: { nl: 'Helpt zorgbemiddeling echt?', en: 'Does mediation really help?' },
    examples: {
      nl: ['Helpt zorgbemiddeling echt?', 'Heeft zorgbemiddeling zin?', 'Word ik echt sneller geholpen met bemiddeling?', 'Werkt zorgbemiddeling?', 'Hoeveel mensen worden sneller geholpen door bemiddeling?'],
      en: ['Does care mediation really help?', 'Is mediation worth it?', 'Will I really be treated sooner with mediation?', 'Does mediation work?', 'How many people get help faster through mediation?'],
    },
    nl: { answer: 'Vaak wel. Uit onderzoek van de Patiëntenfederatie (2025) blijkt: meer dan de helft van de mensen die zorgbemiddeling vroeg, werd sneller geholpen. Het hangt af van de behandeling en hoe ver [[u|je]] wilt reizen.' },
    en: { answer: 'Often, yes. Research by the Dutch patients’ federation (2025) found that more than half of the people who asked for care mediation were helped sooner. It depends on the treatment and how far you want to travel.' },
    sources: [SRC.patientenfederatie2025],
    next: ['mediation'],
  }),
];
