/** A patient who answers whatever slot the assistant asks for (as outside software does, from the contract). */
export const kees: Record<string, string | RegExp> = {
  consent: /^(ja|yes)/i,
  insurer: 'Demo Verzekeraar',
  fullName: 'Kees van Dijk',
  dateOfBirth: '30-06-1950',
  policyNumber: '99887766',
  phone: '0687654321',
  email: 'kees@example.nl',
  postcode: '8011 AB',
  hospital: 'Isala',
  specialty: 'oogheelkunde',
  waitingWeeks: '20 weken',
  maxTravelKm: '60 km',
  contactPreference: /telefo|phone/i,
  confirm: /^(ja|yes)/i,
};

export const keesFirstMessage = 'Ik wacht al 20 weken op mijn staaroperatie in de Isala. Kan mijn zorgverzekeraar bemiddelen?';

/** The answer to a question: a fixed text, or the suggested action that matches. */
export function answerFor(slot: string, actions: { title?: string; value?: unknown }[]): string {
  const want = kees[slot];
  if (want === undefined) throw new Error(`no answer for slot ${slot}`);
  if (typeof want === 'string') return want;
  const action = actions.find((a) => want.test(String(a.title ?? a.value)));
  if (!action) throw new Error(`no suggested action for slot ${slot} matching ${want}`);
  return String(action.value ?? action.title);
}
