/**
 * What the simulated patients of the conversation benchmarks say.
 *   intake:    Kees asks his insurer to mediate and answers every question until his request is
 *              filed, then starts over (a real patient files one request per conversation).
 *   questions: a patient asking for information: a waiting time at a named hospital, postponed
 *              care, their rights, treatment elsewhere, the Treeknorm (one question per turn).
 */
import { answerFor, keesFirstMessage } from '../tests/support/patientAnswers.ts';
import type { Patient } from './directLineClient.ts';

export const informationQuestions = [
  'Hoe lang is de wachttijd voor de oogarts in het Maasstad?',
  'Wat is de wachttijd voor orthopedie in het Isala?',
  'Mijn knieoperatie is uitgesteld. Wat nu?',
  'Wat zijn mijn rechten als ik te lang moet wachten?',
  'Kan ik ergens anders sneller geholpen worden?',
  'Wat is de Treeknorm?',
];

export function intakeSays(p: Patient): string {
  if (p.lastBot.some((a) => a.channelData?.caseReference)) {
    p.cases += 1;
    return 'opnieuw beginnen';
  }
  const ask = [...p.lastBot].reverse().find((a) => a.channelData?.slot);
  if (!ask) return keesFirstMessage;
  return answerFor(ask.channelData!.slot!, ask.suggestedActions?.actions ?? []);
}

export function questionSays(p: Patient): string {
  return informationQuestions[p.turns % informationQuestions.length]!;
}

export const echoSays = (): string => 'Hoe lang is de wachttijd voor de oogarts in het Maasstad?';
