/** Privacy questions: what is stored, what is shared, the BSN, deleting, how long. Facts from the product's own rules (/privacy). */
import { card } from './define.ts';
import { SRC } from './sources.ts';

export const privacyCards = [
  card({
    id: 'privacy-stored',
    topic: 'privacy',
    title: { nl: 'Wat doen jullie met mijn gegevens?', en: 'What do you do with my data?' },
    examples: {
      nl: ['Wat doen jullie met mijn gegevens?', 'Hoe zit het met de privacy?', 'Bewaren jullie dit gesprek?', 'wat gebeurt er met mijn gegevens', 'Worden mijn gegevens opgeslagen?', 'privacy?', 'Hoe beschermen jullie mijn gegevens?', 'Wat is jullie privacyverklaring?', 'Worden mijn gegevens verkocht?'],
      en: ['What do you do with my data?', 'What about privacy?', 'Do you keep this conversation?', 'what happens to my data', 'Is my data stored?', 'privacy policy', 'How is my data protected?', 'Do you sell my data?', 'is it safe to share my details here?'],
    },
    nl: { answer: 'Ik bewaar dit gesprek om [[u|je]] te helpen. Ik deel niets met een zorgverzekeraar zonder [[uw|je]] toestemming. Ik vraag nooit om [[uw|je]] BSN. [[U|Je]] [[kunt|kunt]] [[uw|je]] gegevens altijd laten verwijderen. Lees meer in de [privacyverklaring](/privacy).' },
    en: { answer: 'I keep this conversation to help you. I share nothing with a health insurer without your consent. I never ask for your BSN. You can always have your data deleted. Read more in the [privacy statement](/privacy).' },
    sources: [SRC.privacy],
    next: ['privacyDelete'],
  }),
  card({
    id: 'privacy-shared',
    topic: 'privacy',
    title: { nl: 'Met wie delen jullie mijn gegevens?', en: 'Who do you share my data with?' },
    examples: {
      nl: ['Met wie delen jullie mijn gegevens?', 'Krijgt mijn verzekeraar dit gesprek te zien?', 'Delen jullie mijn gegevens met mijn werkgever?', 'Wie kan mijn gegevens zien?', 'Worden mijn gesprekken gelezen door medewerkers?', 'Gaan mijn gegevens naar het ziekenhuis?'],
      en: ['Who do you share my data with?', 'Will my insurer see this conversation?', 'Do you share my details with my employer?', 'Who can see my data?', 'Does anyone read these chats?', 'Does the hospital get my data?'],
    },
    nl: { answer: 'Alleen als [[u|je]] toestemming [[geeft|geeft]], stuur ik [[uw|je]] vraag naar de zorgbemiddeling van [[uw|je]] zorgverzekeraar. Een zorgbemiddelaar leest dan [[uw|je]] gegevens en dit gesprek. Verder deel ik niets, ook niet met [[uw|je]] werkgever.' },
    en: { answer: 'Only if you give consent do I send your request to your health insurer’s mediation team. A mediator then reads your details and this conversation. I share nothing else, not with your employer either.' },
    sources: [SRC.privacy],
    next: ['privacyDelete'],
  }),
  card({
    id: 'privacy-bsn',
    topic: 'privacy',
    title: { nl: 'Hebben jullie mijn BSN nodig?', en: 'Do you need my citizen service number?' },
    examples: {
      nl: ['Hebben jullie mijn BSN nodig?', 'Moet ik mijn burgerservicenummer geven?', 'Vraagt u om mijn BSN?', 'Moet ik inloggen met DigiD?', 'waarom vragen jullie geen bsn', 'mag ik mijn bsn hier typen'],
      en: ['Do you need my BSN?', 'Do you need my citizen service number?', 'Should I give my BSN?', 'Do I have to log in with DigiD?', 'can I type my social security number here'],
    },
    nl: { answer: 'Nee. Ik vraag nooit om [[uw|je]] BSN (burgerservicenummer) of DigiD. Voor zorgbemiddeling is [[uw|je]] polisnummer genoeg. Dat staat op [[uw|je]] zorgpas. Typ [[uw|je]] BSN dus niet in dit gesprek.' },
    en: { answer: 'No. I never ask for your BSN (citizen service number) or DigiD. For care mediation your policy number is enough. It is on your insurance card. So please do not type your BSN in this chat.' },
    sources: [SRC.privacy],
  }),
  card({
    id: 'privacy-delete',
    topic: 'privacy',
    title: { nl: 'Hoe laat ik mijn gegevens verwijderen?', en: 'How do I have my data deleted?' },
    examples: {
      nl: ['Hoe laat ik mijn gegevens verwijderen?', 'Kan ik mijn gegevens laten wissen?', 'Kan ik mijn toestemming intrekken?', 'Hoe trek ik mijn toestemming in?', 'Kan ik alles laten verwijderen?', 'Mag ik mijn gegevens inzien?'],
      en: ['How do I have my data deleted?', 'Can I have my details erased?', 'Can I withdraw my consent?', 'How do I withdraw my consent?', 'Can I see the data you hold about me?'],
    },
    nl: { answer: 'Typ ‘verwijder mijn gegevens’ of kies die knop. Dan wis ik dit gesprek en een aanvraag die nog niet in behandeling is. Is [[uw|je]] aanvraag al in behandeling? Vraag het dan aan [[uw|je]] zorgverzekeraar.' },
    en: { answer: 'Type ‘delete my data’ or choose that button. I then erase this conversation and any request not yet picked up. Is your request already being handled? Then ask your health insurer.' },
    sources: [SRC.privacy],
    next: ['privacyDelete'],
  }),
  card({
    id: 'privacy-retention',
    topic: 'privacy',
    title: { nl: 'Hoe lang bewaren jullie mijn gegevens?', en: 'How long do you keep my data?' },
    examples: {
      nl: ['Hoe lang bewaren jullie mijn gegevens?', 'Hoe lang worden mijn gegevens bewaard?', 'Wanneer worden mijn gegevens gewist?', 'bewaartermijn gegevens', 'Blijft dit gesprek altijd bewaard?'],
      en: ['How long do you keep my data?', 'How long do you store my details?', 'When is my data deleted?', 'data retention period', 'Is this chat kept forever?'],
    },
    nl: { answer: 'Een gesprek zonder aanvraag wis ik na een tijd vanzelf. Een aanvraag bewaart [[uw|je]] verzekeraar zolang die loopt, en daarna hoogstens {{retentionDays}} dagen. In de [privacyverklaring](/privacy) staan de precieze termijnen.' },
    en: { answer: 'A conversation without a request is erased automatically after a while. Your insurer keeps a request while it runs, and after that at most {{retentionDays}} days. The [privacy statement](/privacy) gives the exact periods.' },
    sources: [SRC.privacy],
    next: ['privacyDelete'],
  }),
];
