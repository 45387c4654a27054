/**
 * Language understanding for Wachtwijzer: text → intent + entities, and parsers for one-slot
 * answers. See README.md in this folder for the approach, tie-breaks and measured figures.
 */
export { createUnderstanding, type UnderstandingOptions } from './understand.ts';
export { detectEmergency } from './emergency.ts';
export { parseDate, parseDistanceKm, parseEmail, parsePhone, parsePostcode, parseWeeks, parseYesNo } from './slots.ts';
export { recognizeDutchNumbers } from './dutchNumbers.ts';
export { recognizeDutchDurations, weeksFromTimex } from './dutchDurations.ts';
export { recognizeDutchDates } from './dutchDates.ts';
export { clearRecognizerCache, recognizerStats, resetRecognizerStats, warmUpEnglish } from './english.ts';
export { readCorpus, parseCorpus, TRAINING_CORPUS, type LabelledUtterance, type GoldEntities } from './corpus.ts';
export * from './types.ts';
