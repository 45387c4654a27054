/**
 * The Treeknormen: the maximum acceptable waiting times agreed between care providers,
 * insurers and patient organisations. They bind the insurer's duty of care (see rights.ts),
 * not the hospital. Every rule carries its source and validity as data.
 */
import type { CareType } from './reference.ts';
import { STANDING_RULES_FROM, type Source, type Validity } from './validity.ts';

/** One Treeknorm. */
export interface TreeknormRule extends Validity {
  careType: CareType;
  /** The maximum ("in alle gevallen binnen"), in weeks. For "treatment" the upper of 6 or 7. */
  maxWeeks: number;
  /** The lower bound when the care type does not say which norm applies ("treatment": 6). */
  minWeeks: number;
  /** The 80 % norm ("in 80 % van de gevallen binnen"), in weeks; null when it depends. */
  eightyPercentWeeks: number | null;
  labelNl: string;
  sources: Source[];
  verified: boolean;
}

const MSZ_SOURCES: Source[] = [
  { url: 'http://vws.rijksopenheid.nl/1058/maximaal-aanvaardbare-wachttijden-treeknormen', title: 'VWS open data (2014): Maximaal aanvaardbare wachttijden (Treeknormen)' },
  { url: 'https://www.zorgdirect.nl/klantenservice/zorgadvies/zorgbemiddeling', title: 'ZorgDirect: Zorgbemiddeling (Treeknormen table)' },
  { url: 'https://www.pnozorg.nl/zorgadvies/pno-zorgconsulent/wachtlijstbemiddeling/wachttijden-zorg/', title: 'PNOzorg: Wachttijden zorg (Treeknormen table)' },
];

// "Behandeling" in the NZa data does not say day or clinical treatment, so the norm is 6 or
// 7 weeks; RIVM/VZinfo reports it as "treeknorm van 6 of 7 weken".
const TREATMENT_SOURCES: Source[] = [
  ...MSZ_SOURCES,
  { url: 'https://github.com/HubbersBI/wachttijd-radar', title: 'wachttijd-radar notes on mapping NZa "Behandeling" to 6 or 7 weeks (secondary)' },
];

// The norms are older than our oldest source (VWS open data, 2014); "in_force_by" says so.
const MSZ_VALIDITY: Validity = { validFrom: '2014-01-01', validFromKind: 'in_force_by', validUntil: null };

/** The MSZ Treeknormen per care type. */
export const MSZ_TREEKNORMEN: Readonly<Record<CareType, TreeknormRule>> = {
  outpatient: { careType: 'outpatient', maxWeeks: 4, minWeeks: 4, eightyPercentWeeks: 3, labelNl: 'Eerste polikliniekbezoek', sources: MSZ_SOURCES, verified: true, ...MSZ_VALIDITY },
  diagnostics: { careType: 'diagnostics', maxWeeks: 4, minWeeks: 4, eightyPercentWeeks: 3, labelNl: 'Diagnostiek', sources: MSZ_SOURCES, verified: true, ...MSZ_VALIDITY },
  day_treatment: { careType: 'day_treatment', maxWeeks: 6, minWeeks: 6, eightyPercentWeeks: 4, labelNl: 'Poliklinische behandeling / dagbehandeling', sources: MSZ_SOURCES, verified: true, ...MSZ_VALIDITY },
  clinical: { careType: 'clinical', maxWeeks: 7, minWeeks: 7, eightyPercentWeeks: 5, labelNl: 'Klinische behandeling (opname)', sources: MSZ_SOURCES, verified: true, ...MSZ_VALIDITY },
  treatment: { careType: 'treatment', maxWeeks: 7, minWeeks: 6, eightyPercentWeeks: null, labelNl: 'Behandeling (dag of klinisch onbekend)', sources: TREATMENT_SOURCES, verified: true, ...MSZ_VALIDITY },
};

/** GGZ waiting stages. */
export type GgzStage = 'registration' | 'treatment' | 'total';

/** One GGZ Treeknorm. */
export interface GgzTreeknormRule extends Validity {
  stage: GgzStage;
  maxWeeks: number;
  labelNl: string;
  sources: Source[];
  verified: boolean;
}

const GGZ_SOURCES: Source[] = [{ url: 'https://www.vzinfo.nl/wachttijden/geestelijke-gezondheidszorg', title: 'VZinfo (RIVM): Wachttijden geestelijke gezondheidszorg' }];
// The current 4 + 10 = 14 weeks replaced older GGZ norms (VWS 2014 lists others); our source
// is undated and the change date is not verified, so this is a standing rule.
const GGZ_VALIDITY: Validity = { validFrom: STANDING_RULES_FROM, validFromKind: 'standing_rule', validUntil: null };

/** The GGZ Treeknormen: registration 4 weeks, treatment 10 weeks, total 14 weeks. */
export const GGZ_TREEKNORMEN: Readonly<Record<GgzStage, GgzTreeknormRule>> = {
  registration: { stage: 'registration', maxWeeks: 4, labelNl: 'Aanmeldwachttijd', sources: GGZ_SOURCES, verified: true, ...GGZ_VALIDITY },
  treatment: { stage: 'treatment', maxWeeks: 10, labelNl: 'Behandelwachttijd', sources: GGZ_SOURCES, verified: true, ...GGZ_VALIDITY },
  total: { stage: 'total', maxWeeks: 14, labelNl: 'Totale wachttijd', sources: GGZ_SOURCES, verified: true, ...GGZ_VALIDITY },
};

/** A wait compared with the norm. "depends" only for "treatment" between 6 and 7 weeks. */
export type Verdict = 'within' | 'exceeded' | 'depends';

/** The outcome of comparing a wait with its Treeknorm, with the norm to show. */
export interface TreeknormVerdict {
  verdict: Verdict;
  careType: CareType;
  days: number;
  /** The norm to show: {min: 4, max: 4}, or {min: 6, max: 7} for "treatment". */
  normWeeks: { min: number; max: number };
  rule: TreeknormRule;
}

function checkDays(days: number): void {
  if (!Number.isFinite(days) || days < 0) throw new RangeError(`a waiting time must be a number of days ≥ 0, got ${days}`);
}

/**
 * Compares a wait in days with the MSZ Treeknorm for a care type. Up to and including the
 * norm is within. For "treatment": ≤ 42 days within, 43–49 depends (within 7 weeks if it is
 * a clinical admission, over 6 if a day treatment), > 49 exceeded.
 */
export function verdict(careType: CareType, days: number): TreeknormVerdict {
  checkDays(days);
  const rule = MSZ_TREEKNORMEN[careType];
  const lower = rule.minWeeks * 7;
  const upper = rule.maxWeeks * 7;
  const v: Verdict = days <= lower ? 'within' : days > upper ? 'exceeded' : 'depends';
  return { verdict: v, careType, days, normWeeks: { min: rule.minWeeks, max: rule.maxWeeks }, rule };
}

/** verdict() for a wait given in weeks. */
export function verdictForWeeks(careType: CareType, weeks: number): TreeknormVerdict {
  return verdict(careType, weeks * 7);
}

/** Compares a GGZ wait in days with its norm (within up to and including the norm). */
export function ggzVerdict(stage: GgzStage, days: number): { verdict: Exclude<Verdict, 'depends'>; normWeeks: number; rule: GgzTreeknormRule } {
  checkDays(days);
  const rule = GGZ_TREEKNORMEN[stage];
  return { verdict: days <= rule.maxWeeks * 7 ? 'within' : 'exceeded', normWeeks: rule.maxWeeks, rule };
}

/** Maps an NZa Zorgbeeld "TreatmentType" to our care type; null when unknown. */
export function careTypeFromNza(treatmentType: string): CareType | null {
  switch (treatmentType.trim().toLowerCase()) {
    case 'polikliniekbezoek':
      return 'outpatient';
    case 'diagnostiek':
      return 'diagnostics';
    case 'behandeling':
      return 'treatment';
    default:
      return null;
  }
}

/** The waiting-time row kind a care type is measured under: day and clinical treatment are both NZa "Behandeling". */
export function measuredAs(careType: CareType): 'outpatient' | 'diagnostics' | 'treatment' {
  return careType === 'day_treatment' || careType === 'clinical' ? 'treatment' : careType;
}
