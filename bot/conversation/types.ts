import type { Locale } from '../i18n/index.ts';

/** The pieces of information a question can ask for (contract: channelData.slot). */
export const slots = [
  'consent', 'insurer', 'fullName', 'dateOfBirth', 'policyNumber', 'phone', 'email', 'postcode',
  'hospital', 'specialty', 'waitingWeeks', 'maxTravelKm', 'contactPreference', 'confirm',
  // Who fills in the request, asked only when the patient writes for someone else (contract).
  'applicant',
] as const;
export type Slot = (typeof slots)[number];

/** One message to the patient; the bot layer turns it into an Activity. */
export interface Reply {
  text: string;
  slot?: Slot;
  choices?: string[];
  caseReference?: string;
  /** The answer card this message answers from (for the answers evaluation; not sent to channels). */
  cardId?: string;
}

/** A Bot Framework event to emit after the messages (e.g. handoff.initiate). */
export interface OutgoingEvent {
  /** Sent before the turn's messages (e.g. conversation.erased, so a client clears first, then shows the confirmation). */
  first?: boolean;
  name: string;
  value: unknown;
  attachments?: { contentType: string; content: unknown }[];
}

export interface TenantView {
  id: string;
  displayName: string;
  kind: 'insurer' | 'hospital';
  formality: 'u' | 'je';
  /** The tenant's own first welcome message per language (else locales/ welcome.intro). */
  greeting?: Partial<Record<'nl' | 'en', string>>;
  responseWorkingDays: number;
  retentionDays: number;
  /** Weekday ("mon".."sun") → [open, close] in the tenant's timezone, and the phone to call then. */
  officeHours: { timezone: string; days: Record<string, [string, string]>; phone: string | null };
  /** Where patients go with questions outside this assistant's field (claims, premiums, switching). */
  customerService?: { phone: string | null; url: { nl: string | null; en: string | null } };
}

export interface TurnInfo {
  conversationId: string;
  channel: string;
  tenant: TenantView;
  now: Date;
}

export type PatientInput = { kind: 'start'; locale?: Locale } | { kind: 'message'; text: string; locale?: Locale };

export interface TurnResult<S> {
  state: S;
  replies: Reply[];
  events: OutgoingEvent[];
}
