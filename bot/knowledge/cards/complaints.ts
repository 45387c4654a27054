/** Complaints about a hospital or a care provider (Wkkgz), and about the insurer. */
import { card } from './define.ts';
import { SRC } from './sources.ts';

export const complaintCards = [
  card({
    id: 'complaint-hospital',
    topic: 'complaints',
    title: { nl: 'Een klacht over het ziekenhuis', en: 'A complaint about the hospital' },
    examples: {
      nl: ['Ik wil een klacht indienen over het ziekenhuis', 'Waar kan ik een klacht over het ziekenhuis indienen?', 'Ik ben ontevreden over mijn behandeling', 'Ik wil klagen over mijn arts', 'klacht ziekenhuis', 'Ik ben slecht behandeld in het ziekenhuis'],
      en: ['I want to complain about the hospital', 'Where can I file a complaint about the hospital?', 'I am unhappy with my treatment', 'I want to file a complaint about my doctor', 'hospital complaint'],
    },
    nl: { answer: 'Bespreek het eerst met de zorgverlener zelf. Lukt dat niet? Elk ziekenhuis heeft een klachtenregeling en een klachtenfunctionaris die [[u|je]] gratis helpt. Komt [[u|je]] er samen niet uit? Dan kan [[u|je]] naar een geschilleninstantie.' },
    en: { answer: 'First talk to the care provider yourself. If that does not work: every hospital has a complaints procedure and a complaints officer who helps you for free. If you still cannot agree, you can go to a disputes committee.' },
    sources: [SRC.wkkgz],
  }),
  card({
    id: 'complaint-insurer',
    topic: 'complaints',
    title: { nl: 'Een klacht over mijn zorgverzekeraar', en: 'A complaint about my insurer' },
    examples: {
      nl: ['Ik wil een klacht indienen over mijn zorgverzekeraar', 'Ik ben niet tevreden over de zorgbemiddeling', 'Mijn verzekeraar helpt mij niet, waar kan ik klagen?', 'klacht zorgverzekeraar', 'De verzekeraar doet niets aan mijn wachttijd', 'Ik wil klagen over de verzekeraar', 'Waar klaag ik over mijn zorgverzekeraar?', 'Ik ben boos op mijn zorgverzekeraar', 'Hoe dien ik een klacht in bij mijn verzekering?'],
      en: ['I want to complain about my health insurer', 'I am not happy with the mediation', 'My insurer does not help me, where can I complain?', 'complaint about insurer', 'My insurer does nothing about my wait', 'I want to complain about the insurance company', 'How do I file a complaint with my insurer?', 'I am angry with my health insurer', 'I have a complaint about my insurance company'],
    },
    nl: { answer: 'Meld een klacht eerst bij [[uw|je]] zorgverzekeraar zelf. {{customerService}}' },
    en: { answer: 'First make a complaint to your health insurer itself. {{customerService}}' },
    sources: [SRC.zvw],
  }),
];
