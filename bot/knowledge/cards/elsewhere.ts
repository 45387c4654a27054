/** Treatment elsewhere: allowed, the same referral, a referral's year, the old waiting list, the dossier, going back. */
import { card } from './define.ts';
import { SRC } from './sources.ts';

export const elsewhereCards = [
  card({
    id: 'elsewhere-allowed',
    topic: 'elsewhere',
    title: { nl: 'Mag ik naar een ander ziekenhuis?', en: 'May I go to another hospital?' },
    examples: {
      nl: ['Mag ik naar een ander ziekenhuis?', 'Mag ik zelf een ander ziekenhuis kiezen?', 'Mag ik van ziekenhuis wisselen?', 'Ben ik verplicht in mijn eigen ziekenhuis te blijven?', 'Mag ik naar een zelfstandige kliniek?', 'mag ik naar een zelfstandig behandelcentrum', 'Kan ik overstappen naar een ander ziekenhuis als het daar sneller kan?'],
      en: ['May I go to another hospital?', 'Can I choose another hospital myself?', 'Am I allowed to change hospital?', 'Do I have to stay at my own hospital?', 'Can I go to a private clinic instead?', 'Am I allowed to switch to a hospital with a shorter wait?'],
    },
    nl: { answer: 'Ja. [[U|Je]] mag ook in een ander ziekenhuis of een zelfstandige kliniek behandeld worden. [[Uw|Je]] zorgverzekeraar kan helpen een plek te vinden waar het sneller kan. Vraag vooraf of die plek een contract heeft met [[uw|je]] verzekeraar.' },
    en: { answer: 'Yes. You may also be treated at another hospital or an independent clinic. Your health insurer can help you find a place where it is sooner. Ask beforehand whether that place has a contract with your insurer.' },
    sources: [SRC.univeMediation, SRC.kamerbrief2021],
    next: ['elsewhere', 'mediation'],
  }),
  card({
    id: 'elsewhere-same-referral',
    topic: 'elsewhere',
    title: { nl: 'Heb ik een nieuwe verwijzing nodig?', en: 'Do I need a new referral?' },
    examples: {
      nl: ['Heb ik een nieuwe verwijzing nodig?', 'Moet ik een nieuwe verwijsbrief halen bij de huisarts?', 'Kan ik mijn verwijzing meenemen naar een ander ziekenhuis?', 'Geldt mijn verwijzing ook in een ander ziekenhuis?', 'verwijzing ander ziekenhuis', 'Moet de huisarts mij opnieuw verwijzen als ik van ziekenhuis wissel?'],
      en: ['Do I need a new referral?', 'Do I need a new referral letter from my GP?', 'Can I take my referral to another hospital?', 'Is my referral valid at another hospital?', 'Does my GP have to refer me again if I change hospital?'],
    },
    nl: { answer: 'Meestal niet. [[Uw|Je]] huisarts verwijst [[u|je]] naar een specialisme, zoals oogheelkunde, niet naar één ziekenhuis. [[U|Je]] [[kunt|kunt]] dezelfde verwijzing dus meestal ook ergens anders gebruiken. Neem een kopie mee of vraag [[uw|je]] huisarts om hem opnieuw te sturen.' },
    en: { answer: 'Usually not. Your GP refers you to a specialism, such as eye care, not to one hospital. So you can usually use the same referral elsewhere. Bring a copy or ask your GP to send it again.' },
    sources: [SRC.verwijsregels],
  }),
  card({
    id: 'elsewhere-referral-valid',
    topic: 'elsewhere',
    title: { nl: 'Hoe lang is een verwijzing geldig?', en: 'How long is a referral valid?' },
    examples: {
      nl: ['Hoe lang is een verwijzing geldig?', 'Hoe lang blijft mijn verwijsbrief geldig?', 'Verloopt mijn verwijzing?', 'Is mijn verwijzing van vorig jaar nog geldig?', 'geldigheid verwijzing', 'Mijn verwijzing is al 11 maanden oud, is die nog goed?'],
      en: ['How long is a referral valid?', 'How long does my referral letter stay valid?', 'Does my referral expire?', 'Is my referral from last year still valid?', 'referral validity'],
    },
    nl: { answer: 'Een verwijzing is 1 jaar geldig. [[Uw|Je]] eerste afspraak moet binnen dat jaar zijn. Is de verwijzing ouder en [[heeft|heb]] [[u|je]] nog geen afspraak gehad? Vraag dan [[uw|je]] huisarts om een nieuwe.' },
    en: { answer: 'A referral is valid for 1 year. Your first appointment must be within that year. Is the referral older and have you not had an appointment yet? Then ask your GP for a new one.' },
    sources: [SRC.verwijsregels],
  }),
  card({
    id: 'elsewhere-leave-list',
    topic: 'elsewhere',
    title: { nl: 'Moet ik van de oude wachtlijst af?', en: 'Must I leave the old waiting list?' },
    examples: {
      nl: ['Moet ik van de oude wachtlijst af?', 'Moet ik mij afmelden bij mijn eigen ziekenhuis?', 'Mag ik op twee wachtlijsten staan?', 'Blijf ik op de wachtlijst staan als ik ergens anders ga?', 'Wat doe ik met mijn plek op de wachtlijst?'],
      en: ['Must I leave the old waiting list?', 'Do I have to cancel at my own hospital?', 'Can I be on two waiting lists?', 'Do I stay on the waiting list if I go elsewhere?', 'What do I do with my place on the list?'],
    },
    nl: { answer: 'Ja. Gaat [[u|je]] naar een ander ziekenhuis? Vraag dan [[uw|je]] oude ziekenhuis om [[u|je]] van de wachtlijst te halen. Doe dat pas als [[u|je]] een nieuwe afspraak [[heeft|hebt]]. Zo komt [[uw|je]] plek vrij voor iemand anders.' },
    en: { answer: 'Yes. If you go to another hospital, ask your old hospital to take you off its waiting list. Do that only once you have a new appointment. That frees your place for someone else.' },
    sources: [SRC.univeMediation],
  }),
  card({
    id: 'elsewhere-dossier',
    topic: 'elsewhere',
    title: { nl: 'Hoe gaat mijn dossier mee?', en: 'How does my medical file move?' },
    examples: {
      nl: ['Hoe gaat mijn dossier mee naar het nieuwe ziekenhuis?', 'Hoe komt mijn dossier bij het andere ziekenhuis?', 'Moet ik mijn foto’s en uitslagen opvragen?', 'Krijgt het nieuwe ziekenhuis mijn gegevens?', 'medisch dossier overdragen', 'Hoe krijgt het andere ziekenhuis mijn scans?'],
      en: ['How does my medical file move to the new hospital?', 'How does the other hospital get my records?', 'Do I need to ask for my scans and results?', 'transfer of medical records', 'Will the new hospital get my data?'],
    },
    nl: { answer: 'Vraag [[uw|je]] oude ziekenhuis om [[uw|je]] dossier, uitslagen en foto’s naar het nieuwe ziekenhuis te sturen. Dat gebeurt alleen met [[uw|je]] toestemming. Zo hoeft [[u|je]] onderzoeken niet opnieuw te doen.' },
    en: { answer: 'Ask your old hospital to send your file, results and images to the new hospital. This only happens with your consent. That way you do not have to repeat tests.' },
    sources: [SRC.univeMediation],
  }),
  card({
    id: 'elsewhere-going-back',
    topic: 'elsewhere',
    title: { nl: 'Kan ik terug naar mijn eigen ziekenhuis?', en: 'Can I go back to my own hospital?' },
    examples: {
      nl: ['Kan ik terug naar mijn eigen ziekenhuis?', 'Kan ik later terug naar mijn oude ziekenhuis?', 'Wat als ik het nieuwe ziekenhuis niet fijn vind?', 'Mag ik voor de nacontrole terug naar mijn eigen ziekenhuis?', 'terug naar het oude ziekenhuis'],
      en: ['Can I go back to my own hospital?', 'Can I return to my old hospital later?', 'What if I do not like the new hospital?', 'Can I have my check-up at my own hospital?', 'going back to the old hospital'],
    },
    nl: { answer: 'Voor dezelfde klacht blijft [[u|je]] meestal bij het nieuwe ziekenhuis, ook voor de controle erna. Terug naar het oude ziekenhuis kan vaak niet zomaar. Twijfelt [[u|je]]? Vraag het [[uw|je]] zorgverzekeraar voordat [[u|je]] kiest.' },
    en: { answer: 'For the same complaint you usually stay with the new hospital, including the check-up afterwards. Going back to the old hospital is often not simply possible. In doubt? Ask your health insurer before you choose.' },
    sources: [SRC.univeMediation],
  }),
  card({
    id: 'elsewhere-how-find',
    topic: 'elsewhere',
    title: { nl: 'Hoe vind ik een ziekenhuis met een kortere wachttijd?', en: 'How do I find a hospital with a shorter wait?' },
    examples: {
      nl: ['Hoe vind ik een ziekenhuis met een kortere wachttijd?', 'Waar kan ik de wachttijden van ziekenhuizen vergelijken?', 'Hoe weet ik welk ziekenhuis sneller is?', 'Waar staan de wachttijden van alle ziekenhuizen?', 'Welk ziekenhuis heeft de kortste wachtlijst?'],
      en: ['How do I find a hospital with a shorter wait?', 'Where can I compare hospital waiting times?', 'How do I know which hospital is faster?', 'Where are the waiting times of all hospitals?', 'Which hospital has the shortest waiting list?'],
    },
    nl: { answer: 'Ik kan voor [[u|je]] zoeken. Noem de behandeling, [[uw|je]] postcode en hoe ver [[u|je]] wilt reizen. Dan laat ik plekken zien met een kortere wachttijd. [[Uw|Je]] zorgverzekeraar kan ook voor [[u|je]] zoeken en bellen.' },
    en: { answer: 'I can search for you. Tell me the treatment, your postcode and how far you want to travel. I then show places with a shorter wait. Your health insurer can also search and call for you.' },
    sources: [SRC.univeMediation],
    next: ['elsewhere', 'mediation'],
  }),
];
