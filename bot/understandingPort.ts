import type { UnderstandingPort } from './conversation/ports.ts';
import type { ReferenceData } from './domain/reference.ts';
import { createUnderstanding } from './understanding/index.ts';
import { recognizeCaseQuestion, recognizeFollowUp } from './understanding/followUp.ts';
import { asksPriorityAtOwnHospital, storyCues, wantsToStayWithOwnHospital } from './understanding/stories.ts';
import { getHospitalIndex, type HospitalRecord } from './data/referenceData.ts';
import { parseDate, parseDistanceKm, parseEmail, parsePhone, parsePostcode, parseWeeks, parseYesNo } from './understanding/slots.ts';

/** The understanding module as the conversation sees it: models loaded once per process. */
export function createUnderstandingPort(reference: ReferenceData, providers?: () => readonly HospitalRecord[]): UnderstandingPort {
  const understanding = createUnderstanding(reference);
  return {
    understand: (text, locale) => {
      const result = understanding.understand(text, locale);
      if (result.entities.hospital || !providers) return result;
      // Providers an NZa import created (clinics) are named in chat like any hospital; the trained
      // model only knows the shipped reference hospitals, so their names are looked up here.
      const imported = getHospitalIndex({ hospitals: providers() })
        .findHospitalMentions(text)
        .find((m) => m.hospital.origin !== undefined && m.hospital.origin !== 'reference');
      return imported ? { ...result, entities: { ...result.entities, hospital: imported.hospital.officialName } } : result;
    },
    parseDate: (text, locale, now) => parseDate(text, locale, now),
    parseWeeks: (text, locale) => parseWeeks(text, locale),
    parseDistanceKm: (text, locale) => parseDistanceKm(text, locale),
    // After "what is your postcode?" four digits alone are a postcode.
    parsePostcode: (text) => parsePostcode(text, { allowBareDigits: true }),
    parsePhone: (text) => parsePhone(text),
    parseEmail: (text) => parseEmail(text),
    parseYesNo: (text) => parseYesNo(text),
    followUp: (text) => recognizeFollowUp(text),
    caseQuestion: (text) => recognizeCaseQuestion(text),
    storyCues: (text) => storyCues(text),
    ownHospital: (text) => (asksPriorityAtOwnHospital(text) ? 'priority' : wantsToStayWithOwnHospital(text) ? 'stay' : null),
  };
}
