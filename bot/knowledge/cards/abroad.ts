/** Treatment abroad (Belgium, Germany): through the insurer, with its permission first. */
import { card } from './define.ts';
import { SRC } from './sources.ts';

export const abroadCards = [
  card({
    id: 'abroad-general',
    topic: 'abroad',
    title: { nl: 'Mag ik in het buitenland behandeld worden?', en: 'May I be treated abroad?' },
    examples: {
      nl: ['Mag ik in het buitenland behandeld worden?', 'Kan ik naar het buitenland voor mijn operatie?', 'Wordt een behandeling in het buitenland vergoed?', 'behandeling buitenland wachtlijst', 'Kan ik naar een ziekenhuis over de grens?'],
      en: ['May I be treated abroad?', 'Can I go abroad for treatment?', 'Is treatment abroad covered?', 'Can I go to a hospital across the border?', 'treatment abroad waiting list'],
    },
    nl: { answer: 'Soms wel. Is de wachttijd in Nederland te lang? Dan kan [[uw|je]] zorgverzekeraar ook zoeken in België of Duitsland. Regel het via [[uw|je]] verzekeraar en vraag eerst toestemming. Anders betaalt [[u|je]] misschien zelf.' },
    en: { answer: 'Sometimes. If the wait in the Netherlands is too long, your health insurer can also look in Belgium or Germany. Arrange it through your insurer and ask for permission first. Otherwise you may pay yourself.' },
    sources: [SRC.univeMediation, SRC.azwa],
    next: ['mediation'],
  }),
  card({
    id: 'abroad-germany',
    topic: 'abroad',
    title: { nl: 'Mag ik naar Duitsland?', en: 'May I go to Germany?' },
    examples: {
      nl: ['Mag ik naar Duitsland?', 'Mag ik naar Duitsland of België?', 'Kan ik mijn knie in Duitsland laten opereren?', 'mag ik ook naar een kliniek in Duitsland als de wachttijd daar korter is?', 'Ik woon bij de Duitse grens, mag ik daar naar het ziekenhuis?', 'Duits ziekenhuis vergoed?'],
      en: ['May I go to Germany?', 'Could I get my knee done in Germany?', 'I live near the German border, may I go to a hospital there?', 'Is a German hospital covered?', 'surgery in Germany instead of waiting'],
    },
    nl: { answer: 'Dat kan soms. Zoekt [[uw|je]] zorgverzekeraar een plek, dan kijkt hij eerst in [[uw|je]] regio, dan in Nederland, en zo nodig in Duitsland of België. Vraag altijd eerst toestemming aan [[uw|je]] verzekeraar. Dan weet [[u|je]] zeker wat vergoed wordt.' },
    en: { answer: 'Sometimes, yes. When your health insurer looks for a place, it looks in your region first, then in the Netherlands, and if needed in Germany or Belgium. Always ask your insurer for permission first. Then you know for sure what is covered.' },
    sources: [SRC.univeMediation],
    next: ['mediation'],
  }),
  card({
    id: 'abroad-belgium',
    topic: 'abroad',
    title: { nl: 'Mag ik naar België?', en: 'May I go to Belgium?' },
    examples: {
      nl: ['Mag ik naar België?', 'Kan ik in België geopereerd worden?', 'Belgisch ziekenhuis sneller, mag dat?', 'Wordt een ziekenhuis in Antwerpen vergoed?', 'Ik woon bij de Belgische grens, mag ik daar naar het ziekenhuis?'],
      en: ['May I go to Belgium?', 'Can I have surgery in Belgium?', 'Belgian hospital is faster, is that allowed?', 'Is a hospital in Antwerp covered?', 'I live near the Belgian border, may I go to a hospital there?'],
    },
    nl: { answer: 'Dat kan soms. [[Uw|Je]] zorgverzekeraar zoekt eerst in [[uw|je]] regio en in Nederland, en zo nodig in België of Duitsland. Regel het via [[uw|je]] verzekeraar en vraag eerst toestemming. Dan weet [[u|je]] zeker wat vergoed wordt.' },
    en: { answer: 'Sometimes, yes. Your health insurer looks in your region and the Netherlands first, and if needed in Belgium or Germany. Arrange it through your insurer and ask for permission first. Then you know for sure what is covered.' },
    sources: [SRC.univeMediation],
    next: ['mediation'],
  }),
];
