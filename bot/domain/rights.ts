/**
 * What a waiting patient is entitled to, as dated and sourced statements. The text a patient
 * reads lives in locales/ under `rights.<id>`; here each statement carries one plain English
 * sentence (summaryEn) for documentation and tests. Statements marked verified: false come from
 * memory or unchecked pages and are never shown to patients (statementsFor leaves them out).
 */
import { dutchCalendarDate, isValidOn, STANDING_RULES_FROM, type Source, type Validity } from './validity.ts';

/** What a statement is about. */
export type RightsTopic =
  | 'postponed_care'
  | 'waiting_time_norms'
  | 'duty_of_care'
  | 'mediation'
  | 'treatment_elsewhere'
  | 'referral'
  | 'reimbursement'
  | 'urgency';

/** One dated, sourced statement about a patient's rights. */
export interface RightsStatement extends Validity {
  id: string;
  topic: RightsTopic;
  /** The main source (always an address). */
  sourceUrl: string;
  sourceTitle: string;
  /** Further sources; a url may be null for a document we hold only as text. */
  sources: Source[];
  /** False for facts from memory or unchecked pages ([M] in the domain brief). */
  verified: boolean;
  /** One plain sentence for docs and tests; the patient text is the locale key `rights.<id>`. */
  summaryEn: string;
}

const KAMERBRIEF_31_MAY_2021: Source = {
  url: null,
  title: 'Kamerbrief 31 May 2021 on support of care and catch-up care (Kamerstuk 25 295), section "Wat kan de patiënt verwachten?"',
};
const NZA_ADDENDUM = 'https://puc.overheid.nl/nza/doc/PUC_645423_22/1/';
const KAMERBRIEF_2022 = 'https://zoek.officielebekendmakingen.nl/kst-31765-650.html';
const UNIVE_MEDIATION = 'https://www.unive.nl/zorgverzekering/zorghulp/zorgbemiddeling';
const IAK_MEDIATION = 'https://www.iak.nl/zorgverzekering/wachtlijstbemiddeling';
const ZORGWIJZER_POLIS = 'https://www.zorgwijzer.nl/faq/zorgpolis';
const VERWIJSREGELS = 'https://www.afsprakenhuisartsenspecialist.nl/werkafspraken/verwijsregels-zorgverzekeringswet';

/** All statements, current and historic, verified or not. */
export const RIGHTS_STATEMENTS: readonly RightsStatement[] = [
  {
    id: 'inhaalzorg-kader-2021',
    topic: 'postponed_care',
    validFrom: '2021-05-31',
    validFromKind: 'in_force_by',
    validUntil: '2021-12-31',
    validUntilKind: 'exact',
    sourceUrl: NZA_ADDENDUM,
    sourceTitle: 'NZa, Addendum Kader "inhalen van uitgestelde zorg: MSZ" (the May 2021 Kader Passende Inhaalzorg applied until at most 31 December 2021)',
    sources: [KAMERBRIEF_31_MAY_2021, { url: KAMERBRIEF_2022, title: 'Kamerbrief 5 July 2022 (Kamerstuk 31 765, nr. 650): Kader Passende Inhaalzorg, NZa monitor' }],
    verified: true,
    summaryEn:
      'Until 31 December 2021 the NZa Kader Passende Inhaalzorg set out how hospitals, insurers and regions catch up care postponed by Covid-19; insurers take charge for patients who wait too long, with the Treeknormen as reference.',
  },
  {
    id: 'inhaalzorg-class3-within-6-weeks-2021',
    topic: 'postponed_care',
    validFrom: '2021-05-31',
    validFromKind: 'in_force_by',
    validUntil: '2021-12-31',
    validUntilKind: 'exact',
    sourceUrl: NZA_ADDENDUM,
    sourceTitle: 'NZa addendum (period of the Kader); Kamerbrief 31 May 2021: "Uitgestelde klasse 3 zorg wordt binnen 6 weken ingehaald"',
    sources: [KAMERBRIEF_31_MAY_2021],
    verified: true,
    summaryEn:
      'In 2021, postponed critical plannable care (FMS class 3) was to be caught up within 6 weeks; classes 4 and 5 as far as possible in 2021, possibly into early 2022, planned with your doctor.',
  },
  {
    id: 'inhaalzorg-addendum-2022',
    topic: 'postponed_care',
    validFrom: '2022-01-01',
    validFromKind: 'exact',
    validUntil: '2022-12-31',
    // The addendum covers 2022; its exact end is not stated in our source.
    validUntilKind: 'assumed',
    sourceUrl: NZA_ADDENDUM,
    sourceTitle: 'NZa, Addendum Kader "inhalen van uitgestelde zorg: MSZ" (2022)',
    sources: [{ url: KAMERBRIEF_2022, title: 'Kamerbrief 5 July 2022 (Kamerstuk 31 765, nr. 650): extra agreements on postponed care with ZN, NVZ and NFU' }],
    verified: true,
    summaryEn:
      'In 2022 an addendum kept the principles of the 2021 catch-up framework in force ("inhalen van uitgestelde zorg"), with care prioritised by the FMS urgency classes.',
  },
  {
    id: 'treeknormen-msz',
    topic: 'waiting_time_norms',
    validFrom: '2014-01-01',
    validFromKind: 'in_force_by',
    validUntil: null,
    sourceUrl: 'http://vws.rijksopenheid.nl/1058/maximaal-aanvaardbare-wachttijden-treeknormen',
    sourceTitle: 'VWS open data (2014): Maximaal aanvaardbare wachttijden (Treeknormen)',
    sources: [
      { url: 'https://www.zorgdirect.nl/klantenservice/zorgadvies/zorgbemiddeling', title: 'ZorgDirect: Zorgbemiddeling' },
      { url: 'https://www.pnozorg.nl/zorgadvies/pno-zorgconsulent/wachtlijstbemiddeling/wachttijden-zorg/', title: 'PNOzorg: Wachttijden zorg' },
    ],
    verified: true,
    summaryEn:
      'The maximum acceptable waits (Treeknormen) for hospital care are 4 weeks to a first outpatient visit, 4 weeks for diagnostics, 6 weeks for a day treatment and 7 weeks for an admission.',
  },
  {
    id: 'treeknormen-ggz',
    topic: 'waiting_time_norms',
    validFrom: STANDING_RULES_FROM,
    validFromKind: 'standing_rule',
    validUntil: null,
    sourceUrl: 'https://www.vzinfo.nl/wachttijden/geestelijke-gezondheidszorg',
    sourceTitle: 'VZinfo (RIVM): Wachttijden geestelijke gezondheidszorg',
    sources: [],
    verified: true,
    summaryEn: 'In mental health care (GGZ) the norms are 4 weeks from registration to intake and 10 weeks from intake to treatment, 14 weeks in total.',
  },
  {
    id: 'insurer-duty-of-care',
    topic: 'duty_of_care',
    validFrom: '2018-01-01',
    validFromKind: 'exact',
    validUntil: null,
    sourceUrl: 'https://wetten.overheid.nl/BWBR0040215/2018-01-01',
    sourceTitle: 'NZa Beleidsregel toezichtkader zorgplicht zorgverzekeraars Zvw (TH/BR-025), in force 1 January 2018',
    sources: [{ url: 'https://zoek.officielebekendmakingen.nl/stcrt-2017-66048.html', title: 'Staatscourant 2017, 66048 (TH/BR-025)' }],
    verified: true,
    summaryEn:
      'Your health insurer must make sure you get covered care in time and within a reasonable travel distance (art. 11 Zvw); the NZa supervises this, with the Treeknormen as reference.',
  },
  {
    id: 'zorgbemiddeling',
    topic: 'mediation',
    validFrom: '2021-05-31',
    validFromKind: 'in_force_by',
    validUntil: null,
    sourceUrl: UNIVE_MEDIATION,
    sourceTitle: 'Univé: Zorgbemiddeling',
    sources: [
      KAMERBRIEF_31_MAY_2021,
      { url: 'https://www.zorgdirect.nl/klantenservice/zorgadvies/zorgbemiddeling', title: 'ZorgDirect: Zorgbemiddeling' },
      { url: IAK_MEDIATION, title: 'IAK: Wachtlijstbemiddeling' },
    ],
    verified: true,
    summaryEn:
      'If you wait too long, you can ask your health insurer for free mediation (zorgbemiddeling): they look for a provider who can help you sooner at an acceptable distance.',
  },
  {
    id: 'treatment-elsewhere',
    topic: 'treatment_elsewhere',
    validFrom: '2021-05-31',
    validFromKind: 'in_force_by',
    validUntil: null,
    sourceUrl: UNIVE_MEDIATION,
    sourceTitle: 'Univé: Zorgbemiddeling (search in the region, then the rest of the Netherlands, if needed Belgium or Germany)',
    sources: [KAMERBRIEF_31_MAY_2021],
    verified: true,
    summaryEn:
      'You may be treated sooner at another hospital or clinic; your insurer can help you find one, first in your region, then elsewhere in the Netherlands.',
  },
  {
    id: 'urgency-by-doctor',
    topic: 'urgency',
    validFrom: '2020-10-30',
    validFromKind: 'in_force_by',
    validUntil: null,
    sourceUrl: IAK_MEDIATION,
    sourceTitle: 'IAK: Wachtlijstbemiddeling ("alleen de behandelend specialist kan bepalen of er een medische reden is om uw ingreep te vervroegen")',
    sources: [
      { url: 'https://zkn.nl/nieuws/igj-indicatoren-2019-het-resultaat-gemeten/1238', title: 'FMS Raamwerk (30 Oct 2020): decisions stay with the hospital and the specialist' },
      { url: UNIVE_MEDIATION, title: 'Univé: no priority at your current hospital through mediation' },
    ],
    verified: true,
    summaryEn:
      'Only your treating specialist decides whether there is a medical reason to treat you sooner; your insurer cannot get you priority at your own hospital, and this assistant does not judge urgency.',
  },
  {
    id: 'azwa-proactive-mediation-2026',
    topic: 'mediation',
    validFrom: '2026-01-01',
    validFromKind: 'exact',
    validUntil: null,
    sourceUrl: 'https://www.nationalezorggids.nl/zorgverzekering/zorgverzekeraars-krijgen-vanaf-2026-toegang-tot-wachtlijsten-om-doorverwijzing-te-versnellen',
    sourceTitle: 'Nationale Zorggids (5 Sept 2025): Zorgverzekeraars krijgen vanaf 2026 toegang tot wachtlijsten',
    sources: [
      { url: 'https://www.skipr.nl/nieuws/patientenfederatie-doorbraak-in-strijd-tegen-lange-wachttijden/', title: 'Skipr (9 Sept 2025): Aanvullend Zorg- en Welzijnsakkoord' },
      { url: 'https://www.skipr.nl/nieuws/wachttijd-zorg-kan-maanden-korter/', title: 'Skipr (5 Sept 2025): Wachttijd zorg kan maanden korter' },
    ],
    verified: true,
    summaryEn:
      'From 1 January 2026 (AZWA) insurers can see who waits longer than the Treeknorm at hospitals and may contact you with a faster option, but only with your consent.',
  },
  {
    id: 'referral-valid-one-year',
    topic: 'referral',
    validFrom: STANDING_RULES_FROM,
    validFromKind: 'standing_rule',
    validUntil: null,
    sourceUrl: 'https://www.maasziekenhuispantein.nl',
    sourceTitle: 'Hospital referral pages (Maasziekenhuis Pantein, St. Antonius Ziekenhuis): a referral is valid for one year',
    sources: [{ url: 'https://www.antoniusziekenhuis.nl', title: 'St. Antonius Ziekenhuis: verwijzing' }],
    verified: true,
    summaryEn: 'A referral is valid for one year: your first appointment must be within a year of the referral date.',
  },
  {
    id: 'referral-to-specialism',
    topic: 'referral',
    validFrom: STANDING_RULES_FROM,
    validFromKind: 'standing_rule',
    validUntil: null,
    sourceUrl: VERWIJSREGELS,
    sourceTitle: 'Afspraken huisarts en specialist: verwijsregels Zorgverzekeringswet (art. 14 lid 2 Zvw)',
    sources: [{ url: 'https://www.zilverenkruis.nl', title: 'Zilveren Kruis: the GP decides to which specialism to refer' }],
    verified: true,
    summaryEn:
      'Your GP refers you to a specialism, not to one doctor or hospital, so after mediation you can normally use the same referral at the new hospital (bring a copy or ask your GP to send it again).',
  },
  {
    id: 'natura-non-contracted-provider',
    topic: 'reimbursement',
    validFrom: STANDING_RULES_FROM,
    validFromKind: 'standing_rule',
    validUntil: null,
    sourceUrl: ZORGWIJZER_POLIS,
    sourceTitle: 'Zorgwijzer: natura, restitutie, combinatie and budget policies',
    sources: [{ url: 'https://www.ahadvocaten.eu', title: 'AH Advocaten: hinderpaalcriterium (art. 13 Zvw)' }],
    verified: true,
    summaryEn:
      'With a natura policy, care from a provider your insurer has no contract with is only partly reimbursed; check with your insurer before you choose such a provider yourself.',
  },
  {
    id: 'restitutie-reimbursement',
    topic: 'reimbursement',
    validFrom: STANDING_RULES_FROM,
    validFromKind: 'standing_rule',
    validUntil: null,
    sourceUrl: ZORGWIJZER_POLIS,
    sourceTitle: 'Zorgwijzer: restitutie policies reimburse up to the market-rate tariff',
    sources: [],
    verified: true,
    summaryEn: 'With a restitutie policy you may choose any provider; the insurer reimburses up to the market-rate (marktconform) tariff.',
  },
  // ---- not verified: kept for the record, never shown to patients
  {
    id: 'natura-typical-percentage',
    topic: 'reimbursement',
    validFrom: STANDING_RULES_FROM,
    validFromKind: 'standing_rule',
    validUntil: null,
    sourceUrl: ZORGWIJZER_POLIS,
    sourceTitle: 'Zorgwijzer ("rond 70 procent"); the percentage differs per insurer and policy',
    sources: [],
    verified: false,
    summaryEn: 'Non-contracted care on a natura policy is typically reimbursed at around 60–80 % of the average contracted tariff.',
  },
  {
    id: 'mediated-care-contracted',
    topic: 'reimbursement',
    validFrom: STANDING_RULES_FROM,
    validFromKind: 'standing_rule',
    validUntil: null,
    sourceUrl: UNIVE_MEDIATION,
    sourceTitle: 'Domain brief §3.4 (from memory; insurer-specific wording to confirm)',
    sources: [],
    verified: false,
    summaryEn: 'Alternatives found through mediation are normally contracted providers, so the only cost is your deductible (eigen risico).',
  },
];

/**
 * The statements that apply on a date (its calendar day in the Netherlands). Unverified
 * statements are left out unless includeUnverified is set (for reviewers, never for patients).
 */
export function statementsFor(date: Date, options: { includeUnverified?: boolean } = {}): RightsStatement[] {
  const day = dutchCalendarDate(date);
  return RIGHTS_STATEMENTS.filter((s) => isValidOn(s, day) && (s.verified || options.includeUnverified === true));
}

/** The locale key under which the patient text of a statement lives. */
export function rightsLocaleKey(statement: Pick<RightsStatement, 'id'>): string {
  return `rights.${statement.id}`;
}
