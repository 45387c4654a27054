import type { Locale } from '../i18n/index.ts';
import type { Slot } from './types.ts';

/** What the conversation remembers between turns (stored through the SDK's Storage). */
export interface ConversationState {
  version: 1;
  locale: Locale;
  welcomed: boolean;
  pending: Slot | null;
  answers: { consentAt?: string; fullName?: string; insurer?: string };
  transcript: { from: 'patient' | 'assistant'; text: string; at: string }[];
  handoffs: number;
  lastCaseReference: string | null;
}

export function initialState(locale: Locale): ConversationState {
  return { version: 1, locale, welcomed: false, pending: null, answers: {}, transcript: [], handoffs: 0, lastCaseReference: null };
}
