/**
 * Types of the shipped reference data (reference/*.json|csv). The loader lives in
 * bot/data/referenceData.ts; everything else receives these plain values.
 */

/** Care types as the Treeknormen distinguish them; "treatment" is NZa's "Behandeling" (day or clinical unknown). */
export type CareType = 'outpatient' | 'diagnostics' | 'day_treatment' | 'clinical' | 'treatment';

export interface Specialism {
  code: string; // Vektis COD016, "0305"
  nameNl: string;
  nameEn: string;
}

export interface HospitalLocation {
  id: string; // slug, unique across all hospitals
  name: string;
  city: string;
  postcode: string | null; // "3079DZ"
  pc4: string | null; // "3079"
  latitude: number;
  longitude: number;
  agbCode: string | null;
  hasEmergency: boolean;
}

export type HospitalKind = 'umc' | 'general' | 'top_clinical' | 'categorical' | 'zbc';

export interface Hospital {
  id: string; // slug
  officialName: string; // current official name as the organisation writes it
  kind: HospitalKind;
  agbCode: string | null;
  aliases: string[]; // abbreviations, informal and former names
  website: string | null;
  locations: HospitalLocation[];
}

/** A lay word or treatment name mapped to a specialism and care type. */
export interface TreatmentTerm {
  id: string; // slug, e.g. "staaroperatie"
  terms: { nl: string[]; en: string[] }; // surface forms, lower case, without accents
  specialty: string; // COD016 code
  careType: CareType;
  label: { nl: string; en: string }; // what a mediator or patient reads
}

export interface InsurerLabel {
  id: string; // slug, e.g. "interpolis"
  name: string; // "Interpolis"
  aliases: string[];
}

export interface InsurerConcern {
  id: string; // slug, e.g. "achmea"
  name: string;
  labels: InsurerLabel[];
  /** Public route to the concern's mediation desk, or null when not known (never guessed). */
  mediationContact: { phone: string | null; url: string | null; source: string | null } | null;
}

export interface Pc4Point {
  pc4: string;
  latitude: number;
  longitude: number;
}

export interface ReferenceData {
  hospitals: Hospital[];
  specialisms: Specialism[];
  treatments: TreatmentTerm[];
  insurers: InsurerConcern[];
  pc4: Map<string, Pc4Point>;
}
