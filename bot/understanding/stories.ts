/**
 * Two things patients say in their own words that the intent model does not separate:
 * a wish to stay with their own hospital, and the question whether the insurer can get them
 * seen sooner at that hospital (it cannot: only the treating specialist decides urgency).
 * Pure: text in, yes or no out.
 */

const clean = (text: string) =>
  text
    .toLowerCase()
    .normalize('NFKC')
    .replace(/[’`]/g, "'")
    .replace(/[?!.,;:]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

const priorityAtOwn = [
  /\b(verzekeraar|zorgverzekeraar|verzekering|zorgverzekering)\b.*\b(eigen|huidige|mijn) (ziekenhuis|arts|specialist|dokter)\b.*\b(eerder|sneller|voorrang|voor laten gaan|naar voren)\b/,
  /\b(verzekeraar|zorgverzekeraar|verzekering)\b.*\b(eerder|sneller|voorrang)\b.*\b(eigen|huidige|mijn) (ziekenhuis|arts|specialist)\b/,
  /\b(voorrang|eerder aan de beurt|naar voren (halen|schuiven))\b.*\b(eigen|mijn) ziekenhuis\b/,
  /\b(insurer|insurance|insurance company)\b.*\b(own|current|my) (hospital|doctor|specialist)\b.*\b(sooner|faster|earlier|priority|move me up|jump the queue)\b/,
  /\b(insurer|insurance)\b.*\b(sooner|faster|earlier|priority|move me up)\b.*\b(own|current|my) (hospital|doctor)\b/,
];

const stayWish = [
  /\b(ik )?(wil|blijf|ga|zou) (graag |liever |toch |gewoon )*(blijven |)(bij|in) (mijn|m'n) (eigen|huidige|vertrouwde)? ?(ziekenhuis|arts|dokter|specialist|chirurg)( blijven)?\b/,
  /\b(liever|het liefst|graag) (bij|in) (mijn|m'n) (eigen|huidige|vertrouwde)? ?(ziekenhuis|arts|dokter|specialist)\b/,
  /\b(wil|ga) (niet|nergens) (naar )?(een )?(ander|andere|ergens anders|elders)( ziekenhuis| kliniek| heen| naartoe)?\b/,
  /\bwil (niet|geen) (wisselen|overstappen|verhuizen|weg)( van ziekenhuis)?\b/,
  /\b(ik )?blijf (liever |gewoon |toch )?(waar ik ben|hier|bij mijn (eigen )?(ziekenhuis|arts))\b/,
  /\bvertrouw (mijn|m'n) (eigen )?(arts|dokter|ziekenhuis|specialist)\b.*\b(blijf|blijven|niet weg|niet naar)\b/,
  /\b(i'd|i would|i) (rather|prefer to|want to|wanna|will) stay (with|at) (my|the same) (own )?(hospital|doctor|specialist|surgeon)\b/,
  /\b(i )?(don't|do not) want to (go|move|switch|change) (to )?(another|a different|an other|other)( hospital| clinic| place)?\b/,
  /\b(keep|stick with) my (own )?(hospital|doctor|specialist)\b/,
  /\bstay where i am\b/,
];

/** "Kan mijn verzekeraar zorgen dat ik in mijn eigen ziekenhuis eerder word geholpen?" */
export function asksPriorityAtOwnHospital(text: string): boolean {
  const t = clean(text);
  return priorityAtOwn.some((p) => p.test(t));
}

/** "Ik wil in mijn eigen ziekenhuis blijven", "I'd rather stay with my own hospital". */
export function wantsToStayWithOwnHospital(text: string): boolean {
  const t = clean(text);
  if (asksPriorityAtOwnHospital(text)) return false;
  return stayWish.some((p) => p.test(t));
}

/** What makes a message a waiting story: it talks about waiting or a postponement, and may ask whether that is normal. */
export interface StoryCues {
  waiting: boolean;
  postponed: boolean;
  /** "is dat normaal?", "te lang?", "is that too long?" */
  asksVerdict: boolean;
}

export function storyCues(text: string): StoryCues {
  const t = clean(text);
  return {
    waiting: /\b(wacht|wachten|wachttijd|wachtlijst|gewacht|wait|waiting|waited|waitlist|waiting list)\b/.test(t),
    postponed: /\b(uitgesteld|verzet|afgezegd|geannuleerd|verschoven|uitstel|postponed|cancelled|canceled|delayed|rescheduled|pushed back)\b/.test(t),
    asksVerdict: /\b(normaal|te lang|mag dat|mag het|is dat (wel )?(ok|oke|goed|redelijk|toegestaan)|binnen de (tree)?norm|normal|too long|is that (ok|okay|allowed|acceptable|reasonable)|within the (treek)?norm)\b/.test(t),
  };
}
