/**
 * FMS urgency classes (Federatie Medisch Specialisten, "Raamwerk voor het behoud van reguliere
 * klinische non-COVID zorg", 30 October 2020). Used to explain what a doctor told the patient,
 * never to classify a patient: the treating doctor decides urgency, not the assistant.
 */
import type { Source } from './validity.ts';

/** Who decides a patient's urgency: always the treating doctor. */
export const URGENCY_DECIDED_BY = 'treating_doctor' as const;

/** The assistant never assigns, infers or changes an urgency class. */
export const ASSISTANT_MAY_ASSIGN_URGENCY = false as const;

/** FMS urgency class number. */
export type FmsClass = 1 | 2 | 3 | 4 | 5;

/**
 * What the class says about timing. Classes 1–2 only as "acute, immediately": their exact
 * windows are not verified, so none is given.
 */
export type UrgencyWindow =
  | { kind: 'acute' }
  | { kind: 'within_weeks'; weeks: 6 }
  | { kind: 'beyond_weeks_some_risk'; weeks: 6 }
  | { kind: 'beyond_weeks_no_lasting_harm'; weeks: 6 };

/** One FMS class with its sources. */
export interface UrgencyClass {
  fmsClass: FmsClass;
  nameNl: string;
  summaryEn: string;
  window: UrgencyWindow;
  sources: Source[];
  verified: boolean;
}

const RAAMWERK: Source = {
  url: 'https://zkn.nl/nieuws/igj-indicatoren-2019-het-resultaat-gemeten/1238',
  title: 'FMS, Raamwerk voor het behoud van reguliere klinische non-COVID zorg in relatie tot de pandemische druk (30 Oct 2020), as reported by ZKN',
};
const NH_NIEUWS: Source = {
  url: 'https://www.nhnieuws.nl/nieuws/n62202/de-jonge-stemt-in-met-verzoek-niet-kritieke-operaties-te-mogen-afbellen',
  title: 'NH Nieuws: De Jonge stemt in met verzoek niet-kritieke operaties te mogen afbellen (classes 4 and 5)',
};
const KAMERBRIEF_2021: Source = {
  url: null,
  title: 'Kamerbrief 31 May 2021, Ondersteuning zorg, herstel zorgprofessionals en inhaalzorg (Kamerstuk 25 295): "Uitgestelde klasse 3 zorg wordt binnen 6 weken ingehaald"',
};

/** The five FMS classes. */
export const FMS_URGENCY_CLASSES: Readonly<Record<FmsClass, UrgencyClass>> = {
  1: {
    fmsClass: 1,
    nameNl: 'Acute zorg',
    summaryEn: 'Acute, life-threatening care that cannot wait: immediately.',
    window: { kind: 'acute' },
    sources: [RAAMWERK],
    verified: false,
  },
  2: {
    fmsClass: 2,
    nameNl: 'Semi-acute zorg',
    summaryEn: 'Urgent care that cannot be planned far ahead: acute, immediately (exact window not verified).',
    window: { kind: 'acute' },
    sources: [RAAMWERK],
    verified: false,
  },
  3: {
    fmsClass: 3,
    nameNl: 'Kritiek planbare zorg',
    summaryEn: 'Critical plannable care: needed within 6 weeks to prevent harm to health.',
    window: { kind: 'within_weeks', weeks: 6 },
    sources: [RAAMWERK, KAMERBRIEF_2021],
    verified: true,
  },
  4: {
    fmsClass: 4,
    nameNl: 'Planbare zorg, uitstel geeft enig risico',
    summaryEn: 'Plannable care where a delay of more than 6 weeks carries some risk of lasting harm or lost life-years.',
    window: { kind: 'beyond_weeks_some_risk', weeks: 6 },
    sources: [RAAMWERK, NH_NIEUWS],
    verified: true,
  },
  5: {
    fmsClass: 5,
    nameNl: 'Planbare zorg, uitstel geeft geen blijvende schade',
    summaryEn: 'Plannable care where a delay of 6 weeks or more is expected to cause no lasting harm (e.g. hip, hernia, cosmetic).',
    window: { kind: 'beyond_weeks_no_lasting_harm', weeks: 6 },
    sources: [RAAMWERK, NH_NIEUWS],
    verified: true,
  },
};

/** The class with this number, or null for anything else (the assistant does not guess). */
export function fmsUrgencyClass(n: number): UrgencyClass | null {
  return n === 1 || n === 2 || n === 3 || n === 4 || n === 5 ? FMS_URGENCY_CLASSES[n] : null;
}

/** True for classes 1–2: the assistant routes to 112, the GP or the out-of-hours GP post instead of a waiting-time answer. */
export function isAcute(fmsClass: FmsClass): boolean {
  return FMS_URGENCY_CLASSES[fmsClass].window.kind === 'acute';
}
