/**
 * Questions outside this assistant's field (claims, premiums, switching, supplementary insurance,
 * the deductible, the insurance card): the tenant's customer-service route ({{customerService}},
 * a phone and link from the tenant's settings).
 */
import { card } from './define.ts';
import { SRC } from './sources.ts';

const out = (nl: string, en: string) => ({
  nl: { answer: `${nl} Daar kan ik niet bij helpen: ik weet alleen iets over wachttijden en zorgbemiddeling. {{customerService}}` },
  en: { answer: `${en} I cannot help with that: I only know about waiting times and care mediation. {{customerService}}` },
});

export const customerServiceCards = [
  card({
    id: 'cs-claims',
    topic: 'customer_service',
    title: { nl: 'Een nota declareren', en: 'Submitting a bill' },
    examples: {
      nl: ['Hoe declareer ik een nota?', 'Hoe dien ik een rekening in?', 'declaratie indienen', 'Waarom kreeg ik een rekening van het ziekenhuis?', 'Wanneer wordt mijn declaratie betaald?', 'Ik heb een factuur gekregen, wat nu?'],
      en: ['How do I submit an invoice?', 'how do I submit a claim', 'Why did I get a bill from the hospital?', 'When will my claim be paid?', 'I received an invoice, what now?'],
    },
    ...out('[[U|Je]] vraagt iets over declareren of een rekening.', 'You are asking about a claim or a bill.'),
    sources: [SRC.zvw],
  }),
  card({
    id: 'cs-premium',
    topic: 'customer_service',
    title: { nl: 'Mijn premie', en: 'My premium' },
    examples: {
      nl: ['Hoeveel premie betaal ik?', 'Wat kost de basisverzekering volgend jaar?', 'Kan ik mijn premie per maand betalen?', 'Mijn premie is omhoog gegaan', 'Hoe wijzig ik mijn IBAN bij de verzekeraar?', 'Ik heb een betalingsachterstand'],
      en: ['How much premium do I pay?', 'How much does the basic insurance cost next year?', 'Can I pay my premium monthly?', 'My premium went up', 'How do I change my bank account number?'],
    },
    ...out('[[U|Je]] vraagt iets over [[uw|je]] premie of betalen.', 'You are asking about your premium or payments.'),
    sources: [SRC.zvw],
  }),
  card({
    id: 'cs-switch',
    topic: 'customer_service',
    title: { nl: 'Overstappen naar een andere verzekeraar', en: 'Switching insurer' },
    examples: {
      nl: ['Ik wil overstappen naar een andere zorgverzekeraar', 'Hoe zeg ik mijn zorgverzekering op?', 'Wanneer kan ik overstappen?', 'andere zorgverzekering kiezen', 'Kan ik mijn polis wijzigen?'],
      en: ['I want to switch health insurance', 'How do I cancel my health insurance?', 'When can I switch insurer?', 'choose another health insurer', 'Can I change my policy?'],
    },
    ...out('[[U|Je]] vraagt iets over overstappen of [[uw|je]] polis wijzigen.', 'You are asking about switching or changing your policy.'),
    sources: [SRC.zvw],
  }),
  card({
    id: 'cs-supplementary',
    topic: 'customer_service',
    title: { nl: 'Mijn aanvullende verzekering', en: 'My supplementary insurance' },
    examples: {
      nl: ['Vergoedt mijn aanvullende verzekering de tandarts?', 'Wat zit er in mijn aanvullende verzekering?', 'Worden brillen vergoed?', 'Krijg ik fysiotherapie vergoed?', 'aanvullende verzekering afsluiten', 'Wordt de tandarts vergoed?'],
      en: ['Does my supplementary insurance cover the dentist?', 'What does my supplementary insurance cover?', 'Are glasses covered by my insurance?', 'Is physiotherapy reimbursed?', 'Is the dentist covered?'],
    },
    ...out('[[U|Je]] vraagt wat [[uw|je]] verzekering vergoedt.', 'You are asking what your insurance covers.'),
    sources: [SRC.zvw],
  }),
  card({
    id: 'cs-deductible',
    topic: 'customer_service',
    title: { nl: 'Mijn eigen risico', en: 'My deductible' },
    examples: {
      nl: ['Hoeveel eigen risico heb ik nog?', 'Hoeveel eigen risico heb ik al gebruikt?', 'Wat is mijn eigen risico dit jaar?', 'eigen risico betalen in termijnen', 'Telt dit mee voor mijn eigen risico?'],
      en: ['How much of my deductible is left?', 'How much of my own risk have I used?', 'What is my deductible this year?', 'Does this count towards my excess?', 'pay my deductible in instalments'],
    },
    ...out('[[U|Je]] vraagt iets over [[uw|je]] eigen risico.', 'You are asking about your deductible (eigen risico).'),
    sources: [SRC.zvw],
  }),
  card({
    id: 'cs-card',
    topic: 'customer_service',
    title: { nl: 'Mijn zorgpas of adres', en: 'My insurance card or address' },
    examples: {
      nl: ['Hoe vraag ik een nieuwe zorgpas aan?', 'Ik ben mijn zorgpas kwijt', 'Ik ben verhuisd, hoe geef ik mijn nieuwe adres door?', 'Waar vind ik mijn polis?', 'Ik kan niet inloggen op mijn account'],
      en: ['How do I get a new insurance card?', 'I lost my insurance card', 'I moved, how do I give my new address?', 'where is my insurance card', 'I cannot log in to my account'],
    },
    ...out('[[U|Je]] vraagt iets over [[uw|je]] zorgpas, adres of account.', 'You are asking about your insurance card, address or account.'),
    sources: [SRC.zvw],
  }),
];
