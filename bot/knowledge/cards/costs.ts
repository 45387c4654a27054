/** Costs of treatment elsewhere: contracted care, natura and restitutie policies, travel. */
import { card } from './define.ts';
import { SRC } from './sources.ts';

export const costCards = [
  card({
    id: 'elsewhere-costs',
    topic: 'costs',
    title: { nl: 'Wat kost behandeling in een ander ziekenhuis?', en: 'What does treatment elsewhere cost?' },
    examples: {
      nl: ['Wat kost behandeling in een ander ziekenhuis?', 'Wordt een behandeling in een ander ziekenhuis vergoed?', 'Moet ik zelf betalen als ik naar een ander ziekenhuis ga?', 'Betaal ik meer in een andere kliniek?', 'kosten ander ziekenhuis', 'Wordt het vergoed als ik ergens anders geholpen word?', 'Moet ik bijbetalen in een ander ziekenhuis?', 'Kost het mij geld als ik ergens anders heen ga?', 'Krijg ik een eigen bijdrage in een andere kliniek?'],
      en: ['What does treatment at another hospital cost?', 'Is treatment at another hospital covered?', 'Do I pay myself if I go to another hospital?', 'Will I pay more at another clinic?', 'costs of going elsewhere', 'Do I have to pay extra at another hospital?', 'Will it cost me money to be treated somewhere else?'],
    },
    nl: {
      answer: 'Heeft het andere ziekenhuis een contract met [[uw|je]] zorgverzekeraar? Dan wordt de behandeling gewoon vergoed, zoals in [[uw|je]] eigen ziekenhuis. Zonder contract betaalt [[u|je]] misschien een deel zelf. Dat hangt af van [[uw|je]] polis. Vraag het vooraf aan [[uw|je]] verzekeraar.',
      more: 'Met een naturapolis (de verzekeraar kiest met welke zorgverleners hij afspraken maakt) krijgt [[u|je]] zonder contract vaak maar een deel terug. Met een restitutiepolis (vrije keuze) vergoedt de verzekeraar tot het gewone marktbedrag.',
    },
    en: {
      answer: 'Does the other hospital have a contract with your health insurer? Then the treatment is covered as at your own hospital. Without a contract you may pay part yourself. That depends on your policy. Ask your insurer beforehand.',
      more: 'With an in-kind policy (naturapolis: the insurer chooses which providers it contracts) you often get only part back without a contract. With a reimbursement policy (restitutiepolis: free choice) the insurer pays up to the usual market rate.',
    },
    sources: [SRC.zorgwijzerPolis],
    next: ['mediation'],
  }),
  card({
    id: 'costs-natura',
    topic: 'costs',
    title: { nl: 'Wat is een naturapolis?', en: 'What is an in-kind policy?' },
    examples: {
      nl: ['Wat is een naturapolis?', 'Wat is het verschil tussen natura en restitutie?', 'Ik heb een naturapolis, mag ik naar een ander ziekenhuis?', 'naturapolis niet gecontracteerd ziekenhuis', 'Wat krijg ik vergoed met een naturapolis?', 'budgetpolis ander ziekenhuis'],
      en: ['What is an in-kind policy?', 'What is the difference between natura and restitutie?', 'I have a natura policy, can I go to another hospital?', 'What does a naturapolis cover?', 'budget policy other hospital'],
    },
    nl: { answer: 'Met een naturapolis maakt [[uw|je]] zorgverzekeraar afspraken (contracten) met zorgverleners. Daar wordt [[uw|je]] zorg volledig vergoed. Kiest [[u|je]] zelf een ziekenhuis zonder contract? Dan betaalt [[u|je]] misschien een deel zelf. Vraag het eerst aan [[uw|je]] verzekeraar.' },
    en: { answer: 'With an in-kind policy (naturapolis) your health insurer makes contracts with care providers. There your care is fully covered. If you choose a hospital without a contract yourself, you may pay part yourself. Ask your insurer first.' },
    sources: [SRC.zorgwijzerPolis],
  }),
  card({
    id: 'costs-restitutie',
    topic: 'costs',
    title: { nl: 'Wat is een restitutiepolis?', en: 'What is a reimbursement policy?' },
    examples: {
      nl: ['Wat is een restitutiepolis?', 'Ik heb een restitutiepolis, wordt een ander ziekenhuis vergoed?', 'restitutie vergoeding', 'Mag ik met restitutie overal heen?', 'Wat vergoedt een restitutiepolis?'],
      en: ['What is a reimbursement policy?', 'I have a restitutie policy, is another hospital covered?', 'restitution policy reimbursement', 'Can I go anywhere with a restitutie policy?', 'What does a restitution policy pay?'],
    },
    nl: { answer: 'Met een restitutiepolis mag [[u|je]] zelf kiezen waar [[u|je]] behandeld wordt. [[Uw|Je]] verzekeraar vergoedt tot het gewone marktbedrag. Soms betaalt [[u|je]] eerst zelf en declareert [[u|je]] daarna.' },
    en: { answer: 'With a reimbursement policy (restitutiepolis) you may choose where you are treated. Your insurer pays up to the usual market rate. Sometimes you pay first and claim afterwards.' },
    sources: [SRC.zorgwijzerPolis],
  }),
  card({
    id: 'costs-contracted',
    topic: 'costs',
    title: { nl: 'Heeft het ziekenhuis een contract met mijn verzekeraar?', en: 'Does the hospital have a contract with my insurer?' },
    examples: {
      nl: ['Heeft dit ziekenhuis een contract met mijn verzekeraar?', 'Hoe weet ik of een kliniek gecontracteerd is?', 'Wat betekent gecontracteerde zorg?', 'Is de kliniek die de verzekeraar voorstelt gecontracteerd?', 'gecontracteerd ziekenhuis'],
      en: ['Does this hospital have a contract with my insurer?', 'How do I know if a clinic is contracted?', 'What does contracted care mean?', 'Is the clinic the insurer suggests contracted?', 'contracted hospital'],
    },
    nl: { answer: 'Gecontracteerde zorg betekent: [[uw|je]] zorgverzekeraar heeft afspraken met dat ziekenhuis. Dan wordt de zorg gewoon vergoed, op [[uw|je]] eigen risico na. Of een ziekenhuis een contract heeft, staat op de website van [[uw|je]] verzekeraar. Een zorgbemiddelaar kan het ook zeggen.' },
    en: { answer: 'Contracted care means your health insurer has agreements with that hospital. The care is then covered, apart from your deductible. Whether a hospital has a contract is on your insurer’s website. A care mediator can also tell you.' },
    sources: [SRC.zorgwijzerPolis],
    next: ['mediation'],
  }),
  card({
    id: 'costs-travel',
    topic: 'costs',
    title: { nl: 'Worden mijn reiskosten vergoed?', en: 'Are my travel costs covered?' },
    examples: {
      nl: ['Worden mijn reiskosten vergoed?', 'Betaalt de verzekeraar mijn reiskosten naar een ander ziekenhuis?', 'Krijg ik de benzine vergoed als ik verder weg moet?', 'reiskosten ziekenhuis verder weg', 'Wie betaalt het vervoer naar de kliniek?'],
      en: ['Are my travel costs covered?', 'Does the insurer pay my travel to another hospital?', 'Will my petrol be paid if I have to travel further?', 'travel costs hospital further away', 'Who pays for transport to the clinic?'],
    },
    nl: { answer: 'Dat hangt af van [[uw|je]] polis en [[uw|je]] situatie. Vaak betaalt [[u|je]] de reis zelf. Vraag het vooraf aan [[uw|je]] zorgverzekeraar voordat [[u|je]] een ziekenhuis verder weg kiest.' },
    en: { answer: 'That depends on your policy and your situation. Often you pay for the journey yourself. Ask your health insurer before you choose a hospital further away.' },
    sources: [SRC.zorgwijzerPolis],
    next: ['mediation'],
  }),
];
