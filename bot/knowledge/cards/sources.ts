/**
 * The sources the cards cite, with titles in both languages. Primary sources first (the
 * minister's letters, NZa rules, wetten.overheid.nl); insurer pages only for insurer practice.
 * Copies of the letters we quote are in bot/knowledge/sources/ (with where they come from).
 */
import type { CardSource } from './types.ts';

export const SRC = {
  treeknormenVws: {
    url: 'http://vws.rijksopenheid.nl/1058/maximaal-aanvaardbare-wachttijden-treeknormen',
    title: { nl: 'Ministerie van VWS: Maximaal aanvaardbare wachttijden (Treeknormen)', en: 'Ministry of Health (VWS): maximum acceptable waiting times (Treeknormen)' },
  },
  ggzVzinfo: {
    url: 'https://www.vzinfo.nl/wachttijden/geestelijke-gezondheidszorg',
    title: { nl: 'VZinfo (RIVM): Wachttijden in de ggz', en: 'VZinfo (RIVM): waiting times in mental health care' },
  },
  zorgplichtNza: {
    url: 'https://wetten.overheid.nl/BWBR0040215/2018-01-01',
    title: { nl: 'NZa-beleidsregel toezichtkader zorgplicht zorgverzekeraars (TH/BR-025), geldig sinds 1 januari 2018', en: 'NZa policy rule on the insurers’ duty of care (TH/BR-025), in force since 1 January 2018' },
  },
  kamerbrief2021: {
    // No stable address was verified; the text is in bot/knowledge/sources/.
    url: null,
    title: { nl: 'Kamerbrief van 31 mei 2021 over ondersteuning van de zorg en inhaalzorg (Kamerstuk 25 295)', en: 'Letter to parliament of 31 May 2021 on support of care and catch-up care (Kamerstuk 25 295)' },
  },
  nzaAddendum2022: {
    url: 'https://puc.overheid.nl/nza/doc/PUC_645423_22/1/',
    title: { nl: 'NZa: Addendum bij het kader ‘inhalen van uitgestelde zorg’ (2022)', en: 'NZa: addendum to the framework for catching up postponed care (2022)' },
  },
  kamerbrief2022: {
    url: 'https://zoek.officielebekendmakingen.nl/kst-31765-650.html',
    title: { nl: 'Kamerbrief van 5 juli 2022 over uitgestelde zorg (Kamerstuk 31 765, nr. 650)', en: 'Letter to parliament of 5 July 2022 on postponed care (Kamerstuk 31 765, no. 650)' },
  },
  fmsRaamwerk: {
    url: 'https://zkn.nl/nieuws/igj-indicatoren-2019-het-resultaat-gemeten/1238',
    title: { nl: 'Federatie Medisch Specialisten: Raamwerk voor planbare zorg (30 oktober 2020)', en: 'Federation of Medical Specialists: framework for plannable care (30 October 2020)' },
  },
  fmsClasses45: {
    url: 'https://www.nhnieuws.nl/nieuws/n62202/de-jonge-stemt-in-met-verzoek-niet-kritieke-operaties-te-mogen-afbellen',
    title: { nl: 'NH Nieuws: uitleg over urgentieklasse 4 en 5', en: 'NH Nieuws (Dutch): urgency classes 4 and 5 explained' },
  },
  azwa: {
    url: 'https://www.nationalezorggids.nl/zorgverzekering/zorgverzekeraars-krijgen-vanaf-2026-toegang-tot-wachtlijsten-om-doorverwijzing-te-versnellen',
    title: { nl: 'Nationale Zorggids (5 september 2025): verzekeraars zien vanaf 2026 de wachtlijsten', en: 'Nationale Zorggids (5 September 2025): insurers see waiting lists from 2026' },
  },
  patientenfederatie2025: {
    url: 'https://www.skipr.nl/nieuws/patientenfederatie-doorbraak-in-strijd-tegen-lange-wachttijden/',
    title: { nl: 'Skipr (9 september 2025): Patiëntenfederatie over wachttijden en zorgbemiddeling', en: 'Skipr (9 September 2025): Dutch patients’ federation on waiting times and mediation' },
  },
  univeMediation: {
    url: 'https://www.unive.nl/zorgverzekering/zorghulp/zorgbemiddeling',
    title: { nl: 'Univé: Zorgbemiddeling (voorbeeld van een verzekeraar)', en: 'Univé: care mediation (an insurer’s example)' },
  },
  zorgdirectMediation: {
    url: 'https://www.zorgdirect.nl/klantenservice/zorgadvies/zorgbemiddeling',
    title: { nl: 'ZorgDirect: Zorgbemiddeling (voorbeeld van een verzekeraar)', en: 'ZorgDirect: care mediation (an insurer’s example)' },
  },
  iakMediation: {
    url: 'https://www.iak.nl/zorgverzekering/wachtlijstbemiddeling',
    title: { nl: 'IAK: Wachtlijstbemiddeling', en: 'IAK: waiting-list mediation' },
  },
  pnoMediation: {
    url: 'https://www.pnozorg.nl/zorgadvies/pno-zorgconsulent/wachtlijstbemiddeling/wachttijden-zorg/',
    title: { nl: 'PNOzorg: Wachttijden en wachtlijstbemiddeling', en: 'PNOzorg: waiting times and waiting-list mediation' },
  },
  verwijsregels: {
    url: 'https://www.afsprakenhuisartsenspecialist.nl/werkafspraken/verwijsregels-zorgverzekeringswet',
    title: { nl: 'Afspraken huisarts en specialist: verwijsregels Zorgverzekeringswet', en: 'GP–specialist agreements: referral rules of the Health Insurance Act' },
  },
  zorgwijzerPolis: {
    url: 'https://www.zorgwijzer.nl/faq/zorgpolis',
    title: { nl: 'Zorgwijzer: naturapolis, restitutiepolis en budgetpolis', en: 'Zorgwijzer: in-kind, reimbursement and budget policies' },
  },
  zvw: {
    url: 'https://wetten.overheid.nl/BWBR0018450',
    title: { nl: 'Zorgverzekeringswet (artikel 11: zorgplicht van de verzekeraar)', en: 'Health Insurance Act (Zorgverzekeringswet), article 11: the insurer’s duty of care' },
  },
  wkkgz: {
    url: 'https://wetten.overheid.nl/BWBR0037173',
    title: { nl: 'Wet kwaliteit, klachten en geschillen zorg (Wkkgz)', en: 'Care Quality, Complaints and Disputes Act (Wkkgz)' },
  },
  privacy: {
    url: '/privacy',
    title: { nl: 'Privacyverklaring van Wachtwijzer', en: 'Wachtwijzer privacy statement' },
  },
} as const satisfies Record<string, CardSource>;
