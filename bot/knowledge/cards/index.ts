/** Every answer card, one file per topic. */
import { catchUpCards } from './catchUp.ts';
import { dutyOfCareCards } from './dutyOfCare.ts';
import { mediationCards } from './mediation.ts';
import { treeknormCards } from './treeknorm.ts';
import type { AnswerCard } from './types.ts';
import { urgencyCards } from './urgency.ts';
import { privacyCards } from './privacy.ts';
import { customerServiceCards } from './customerService.ts';
import { elsewhereCards } from './elsewhere.ts';
import { costCards } from './costs.ts';
import { abroadCards } from './abroad.ts';
import { waitingCards } from './waiting.ts';
import { complaintCards } from './complaints.ts';

export const ALL_CARDS: readonly AnswerCard[] = [...treeknormCards, ...catchUpCards, ...urgencyCards, ...dutyOfCareCards, ...mediationCards,
  ...elsewhereCards, ...costCards, ...abroadCards, ...waitingCards, ...complaintCards, ...privacyCards, ...customerServiceCards,
];

const byId = new Map(ALL_CARDS.map((c) => [c.id, c]));

export function cardById(id: string): AnswerCard | null {
  return byId.get(id) ?? null;
}

export type { AnswerCard } from './types.ts';
