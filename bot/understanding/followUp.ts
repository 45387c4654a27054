/**
 * Follow-up forms: short messages that only make sense after an answer ("is dat te lang?",
 * "en binnen 50 km?", "en voor mijn knie?", "en daar?"), and questions about a request the
 * patient has just filed ("wanneer bellen ze?", "ik wil het intrekken"). Recognised by their
 * form, in Dutch and English; what they refer to is the conversation's business
 * (bot/conversation/dialogueContext.ts). Pure: text in, form out.
 */

export type FollowUp =
  /** "is dat te lang?", "is dat normaal?": the Treeknorm verdict for what was just shown. */
  | { kind: 'verdict' }
  /** "hoe ver is dat?": the distance from the patient's postcode. */
  | { kind: 'distance' }
  /** "wat is het dichtstbij?": the nearest location with its figures. */
  | { kind: 'nearest' }
  /** "en daar?": the last question again, about the place just pointed at. */
  | { kind: 'there' }
  /** "en binnen 50 km?", "en in de buurt van 3511?", "en voor mijn knie?", "en in het Maasstad?". */
  | { kind: 'change'; radiusKm: number | null; postcode: string | null; place: string | null; treatment: string | null };

export type CaseQuestion = 'next' | 'withdraw' | 'addNote';

const clean = (text: string) =>
  text
    .toLowerCase()
    .normalize('NFKC')
    .replace(/[’`]/g, "'")
    .replace(/[?!.,;:]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

// Whole-message forms: a longer message that contains these words is a new question, not a follow-up.
const verdictForms = [
  /^(en |maar |dus )?(is|vindt u|vind je|vind jij|zou) (dat|dit|het|die|deze wachttijd|die wachttijd|dat wachten) (niet )?(wel )?(erg |heel |te |nog )?(te lang|lang|normaal|veel|redelijk|oke|ok|acceptabel|toegestaan|goed|binnen de (tree)?norm|over de (tree)?norm|boven de (tree)?norm)( of niet)?( dan)?$/,
  /^(mag|klopt) (dat|dit|het)( wel)?( zo)?$/,
  /^(en |dus )?(te lang|normaal|binnen de norm|is dat te lang of niet)$/,
  /^(en |dus )?valt (dat|dit|het) binnen de (tree)?norm$/,
  /^(and |so )?(is|isn't|is not) (that|this|it) (too long|normal|ok|okay|acceptable|allowed|reasonable|within the (treek)?norm|over the (treek)?norm|too much)( then)?$/,
  /^(and |so )?(too long|normal|is that allowed|is this allowed)$/,
];
const distanceForms = [
  /^(en |maar )?hoe ?ver (is|ligt|zit) (dat|dit|het|die|dat ziekenhuis|het ziekenhuis|die plek)( (van|bij) (mij|mijn huis|huis|mij thuis))?( vandaan)?( weg)?$/,
  /^(en |maar )?hoeveel (km|kilometer) (is|ligt) (dat|dit|het)( (van|bij) (mij|mijn huis|huis))?( vandaan)?$/,
  /^(and |but )?how far( away)? (is|is it to) (that|it|this|that hospital|the hospital)( from (me|home|my home|my house))?( away)?$/,
  /^(and |but )?how many (km|kilometres|kilometers|miles) (is|is it to) (that|it|this)( from (me|home))?( away)?$/,
];
const nearestForms = [
  /^(en |maar )?(wat|welk|welke|waar) is (het|de|het ziekenhuis|het ziekenhuis dat) (dichtst ?bij(zijnde)?|dichtste|meest dichtbij|het dichtst ?bij)( ziekenhuis| plek)?( bij mij| bij mij in de buurt)?$/,
  /^(en |maar )?(wat|welk|welke) (ziekenhuis|plek) (is|ligt) (het )?(dichtst ?bij|het dichtst ?bij|het dichtste ?bij)( mij)?$/,
  /^(en |maar )?(het )?dichtst ?bij(zijnde)?( ziekenhuis)?$/,
  /^(and |but )?(what|which|where)('s| is) (the )?(nearest|closest)( one| hospital| place| location)?( to me)?$/,
  /^(and |but )?(the )?(nearest|closest)( one| hospital)?$/,
];
// Any short message that asks for the nearest or something closer: "welk ziekenhuis is het dichtstbij?",
// "is er iets dichterbij?", "which hospital is closest?", "anything nearer?".
const nearestWord = /\b(dichtst ?bij(zijnde)?|dichtste ?bij|dichtste|dichter ?bij|het dichtst|nearest|closest|nearer|closer)\b/;
// "bij ons in de buurt", "hier in de buurt", "near me": where the patient is, not a place of its own.
const hereFiller = /\b((bij|near|close to) (ons|mij|me|us)( thuis)?( in de buurt)?|hier in de buurt|in de buurt(?! van)|near me|near us|nearby|around here)\b/g;
const thereForms = [/^(en|maar|and|what about|how about) (daar|there|die|dat ziekenhuis|die plek|dat ene|that one|that hospital|that place)$/];

// A follow-up that changes one thing starts like "en …" / "and …" / "what about …".
const changeStart = /^(en|and|maar|but|ook|also|what about|how about|en wat als|en als|and if|and what if|dan|then)\b/;
// Or it is nothing but the changed thing: "binnen 50 km?", "in de buurt van Utrecht?", "for my knee?".
const bareChange = /^(binnen|within|in de buurt van|near|nearby|rond|rondom|around|bij|in|at|for|voor|close to|dichtbij|dicht bij)\b/;

const radiusPattern = /\b(?:binnen|within|tot|up to|hoogstens|maximaal|max|in a radius of|straal van)?\s*(\d{1,3})\s?(?:km|kilometer|kilometers|kilometres|kms)\b/;
const postcodePattern = /(?<![\p{L}\p{N}])([1-9]\d{3})(?:\s?([a-z]{2}))?(?![\p{L}\p{N}])/u;
const placeIntro = /\b(?:in de buurt van|in de regio|in de omgeving van|omgeving|regio|rond|rondom|dicht bij|dichtbij|vlakbij|near|close to|around|in the area of|nearby|in|bij|at)\s+(.+)$/;
const treatmentIntro = /\b(?:voor|for|met|with|bij de|naar de|to the|at the)\s+(?:mijn|m'n|de|het|een|my|a|an|the)?\s*(.+)$/;
const stopWords = new Set(['daar', 'there', 'dat', 'die', 'dit', 'this', 'that', 'mij', 'me', 'de buurt', 'the area', 'km', 'the region']);

/** A follow-up form, or null when the message is a question of its own. */
export function recognizeFollowUp(text: string): FollowUp | null {
  const t = clean(text);
  if (t === '' || t.split(' ').length > 10) return null;
  if (verdictForms.some((p) => p.test(t))) return { kind: 'verdict' };
  if (distanceForms.some((p) => p.test(t))) return { kind: 'distance' };
  if (nearestForms.some((p) => p.test(t))) return { kind: 'nearest' };
  if (thereForms.some((p) => p.test(t))) return { kind: 'there' };
  if (nearestWord.test(t) && t.split(' ').length <= 8 && !/\d/.test(t)) return { kind: 'nearest' };
  if (!changeStart.test(t) && !bareChange.test(t)) return null;
  const body = t.replace(/^(en wat als|en als|and what if|and if|what about|how about|en|and|maar|but|ook|also|dan|then)\s+/, '');
  const radius = radiusPattern.exec(body);
  const radiusKm = radius ? Number(radius[1]) : null;
  const withoutRadius = radius ? body.replace(radius[0], ' ').replace(/\s+/g, ' ').trim() : body;
  const pc = postcodePattern.exec(withoutRadius);
  const postcode = pc ? `${pc[1]}${pc[2] && !['en', 'in', 'op', 'is', 'km'].includes(pc[2]) ? pc[2].toUpperCase() : ''}` : null;
  let place: string | null = null;
  let treatment: string | null = null;
  if (!postcode) {
    // "en bij ons in de buurt, rond Zwolle?": the place is the last one named, after the filler.
    const placeText = withoutRadius.replace(hereFiller, ' ').replace(/\s+/g, ' ').trim();
    for (let rest = placeText, p = placeIntro.exec(rest); p; rest = p[1]!, p = placeIntro.exec(rest)) {
      const candidate = p[1]!.replace(/^(het|de|the)\s+/, '').trim();
      if (candidate && !stopWords.has(candidate)) place = candidate;
    }
  }
  const tr = treatmentIntro.exec(withoutRadius);
  if (tr?.[1] && !/^(de buurt|the area)/.test(tr[1])) treatment = tr[1].trim();
  // "en voor mijn knie?": a treatment, not a place; "en bij de oogarts?": a treatment.
  if (treatment && place && withoutRadius.indexOf(treatment) <= withoutRadius.indexOf(place)) place = null;
  if (radiusKm === null && !postcode && !place && !treatment) {
    // "en in het Maasstad?", "en de oogarts?": the conversation looks the rest up.
    if (body.split(' ').length > 6) return null;
    return { kind: 'change', radiusKm: null, postcode: null, place: body.replace(/^(het|de|the)\s+/, '') || null, treatment: null };
  }
  return { kind: 'change', radiusKm, postcode, place, treatment };
}

const nextForms = [
  /\b(wat gebeurt er (nu|hierna|nou|straks|verder)|wat (nu|moet ik nu doen)|hoe gaat het (nu )?verder|wat is de volgende stap)\b/,
  /\b(wanneer|hoe snel|hoe laat|op welke dag) (bellen|belt|mailen|mailt|hoor|krijg|neemt|nemen|reageren|reageert|zal|gaan)\b/,
  /\b(hoe lang|hoelang) (duurt|moet ik wachten op) (het|dat|dit|een reactie|antwoord|de bemiddeling|het contact)( voordat| tot| totdat)?/,
  /\bwanneer hoor ik (iets|wat|meer|van (jullie|u|hen|ze))\b/,
  /\b(gaan ze|gaat iemand|belt er iemand|worden ik|word ik) (mij |me )?(bellen|terugbellen|gebeld|gemaild)\b/,
  /\bwhat happens (now|next)\b/,
  /\bwhat('s| is) (the )?next( step)?\b/,
  /\bwhen (will|do|does|shall|would) (they|you|someone|somebody|anyone|i|the insurer|the mediator) (call|ring|contact|email|e-mail|hear|get|phone|reply|respond)\b/,
  /\bhow long (will|does|would) (it|this|that) take\b/,
  /\bwhen (will|do) i hear\b/,
];
const withdrawForms = [
  /\b(intrekken|trek (ik )?(\w+ )?in|terugtrekken|annuleren|annuleer|stopzetten|afzeggen|zeg (\w+ )?af|wil (het|de aanvraag|mijn aanvraag) niet meer|hoeft niet meer|niet meer nodig)\b/,
  /\b(withdraw|cancel|call off|retract|don't need (it|this|that|help) any ?more|do not need (it|this) any ?more|no longer need)\b/,
];
const addNoteForms = [
  /\b(iets|wat|nog iets|nog wat|informatie|een opmerking|een bericht) (toevoegen|aanvullen|erbij zetten|doorgeven|vertellen|melden|zeggen)\b/,
  /\b(toevoegen|aanvullen|aanvulling)\b.*\b(aanvraag|verzoek)\b/,
  /\bwil (ik )?(nog )?(even )?(iets|wat) (kwijt|doorgeven)\b/,
  /\b(add|say|tell|mention) (something|some|anything|a note|more|one more thing)\b/,
  /\b(add|append) .* (to )?(my|the) (request|case|application)\b/,
];

/** A question about the request the patient filed in this conversation, by its form. */
export function recognizeCaseQuestion(text: string): CaseQuestion | null {
  const t = clean(text);
  if (t === '') return null;
  if (withdrawForms.some((p) => p.test(t)) && !/\b(verwijder|wis|delete|erase)\b/.test(t)) return 'withdraw';
  if (addNoteForms.some((p) => p.test(t))) return 'addNote';
  // "Mijn operatie is uitgesteld, wat nu?" in a long story is about the story, not the request.
  if (nextForms.some((p) => p.test(t)) && t.split(' ').length <= 10) return 'next';
  return null;
}
