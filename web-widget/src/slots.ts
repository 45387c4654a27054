// The slots of the contract (channelData.slot) have one definition, shared with the server.
import { slots, type Slot } from '../../bot/conversation/types.ts';

export { slots, type Slot };

/** How the composer's text field is set up for one question. */
export interface InputSpec {
  type: 'text' | 'tel' | 'email';
  inputMode: 'text' | 'numeric' | 'tel' | 'email';
  autocomplete: string;
  /** i18next key of the field's label (also what a screen reader reads), under `input.`. */
  label: string;
  autocapitalize: 'off' | 'sentences' | 'words' | 'characters';
  spellcheck: boolean;
  maxLength: number;
}

const base: InputSpec = { type: 'text', inputMode: 'text', autocomplete: 'off', label: 'message', autocapitalize: 'sentences', spellcheck: true, maxLength: 2000 };

const specs: Partial<Record<Slot, Partial<InputSpec>>> = {
  fullName: { autocomplete: 'name', label: 'fullName', autocapitalize: 'words', spellcheck: false, maxLength: 120 },
  // A text field rather than type=date: birth dates are typed faster than picked, and the server
  // reads "30-06-1950"; the numeric keyboard suits the digits, normalizeAnswer adds the dashes.
  dateOfBirth: { inputMode: 'numeric', autocomplete: 'bday', label: 'dateOfBirth', spellcheck: false, maxLength: 20 },
  policyNumber: { label: 'policyNumber', autocapitalize: 'characters', spellcheck: false, maxLength: 40 },
  phone: { type: 'tel', inputMode: 'tel', autocomplete: 'tel', label: 'phone', spellcheck: false, maxLength: 30 },
  email: { type: 'email', inputMode: 'email', autocomplete: 'email', label: 'email', autocapitalize: 'off', spellcheck: false, maxLength: 254 },
  postcode: { autocomplete: 'postal-code', label: 'postcode', autocapitalize: 'characters', spellcheck: false, maxLength: 10 },
  hospital: { label: 'hospital' },
  specialty: { label: 'specialty' },
  waitingWeeks: { inputMode: 'numeric', label: 'waitingWeeks', spellcheck: false, maxLength: 40 },
  maxTravelKm: { inputMode: 'numeric', label: 'maxTravelKm', spellcheck: false, maxLength: 40 },
};

/** The input for the slot the assistant asks for; a plain message field for none or an unknown one. */
export function inputFor(slot: unknown): InputSpec {
  return { ...base, ...(typeof slot === 'string' ? specs[slot as Slot] : undefined) };
}

/**
 * Tidies what was typed into a slot before it is sent. Birth dates typed as digits only or with
 * spaces, dots or slashes ("30061950", "30 6 1950", "30/06/1950") become "30-06-1950"; the rest is
 * sent as typed (trimmed), since the server understands free text.
 */
export function normalizeAnswer(slot: unknown, value: string): string {
  const v = value.trim().replace(/\s+/g, ' ');
  if (slot === 'dateOfBirth') {
    const compact = /^(\d{2})(\d{2})(\d{4})$/.exec(v);
    const parts = compact ?? /^(\d{1,2})[\s./-](\d{1,2})[\s./-](\d{4})$/.exec(v);
    if (parts) return `${parts[1]!.padStart(2, '0')}-${parts[2]!.padStart(2, '0')}-${parts[3]}`;
  }
  return v;
}
