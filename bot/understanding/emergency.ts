/**
 * Red flags (domain brief §7): acute, possibly life-threatening symptoms (112) and suicidal
 * thoughts or self-harm (113). Rules, not a statistical model, and run before anything else:
 * missing one costs far more than a false alarm, which costs one safety message. Rules are
 * written over normalised words (no accents, lower case) after a narrow spelling correction
 * towards the red-flag vocabulary ("pian", "brost", "benouwd", "bewustenloos", "sucidal").
 *
 * Denial does not silence a red flag: "geen pijn op de borst" is reported with negated:true so
 * the conversation can still say "if you do have chest pain, call 112". Events placed clearly in
 * the past ("vorig jaar een hartaanval gehad", "revalidatie na een beroerte") are reported the
 * same way, with historical:true. Symptoms are never treated as past: "ik had net pijn op de
 * borst" stays an emergency.
 */
import { normalize, tokenize, type NormalizedText } from './text.ts';
import type { EmergencyKind, EmergencySignal } from './types.ts';

const W = (n: number): string => `(?:[^ |]+ ){0,${n}}`; // up to n filler words, never across a clause break
const DET = '(?:de |het |een |mijn |mn |m\'n |m |me |zijn |haar |z\'n |zn |zijn |onze |the |my |his |her |a )?';

interface Rule {
  kind: EmergencyKind;
  re: RegExp;
  /** The whole message must also match this (co-occurring sign, e.g. suddenness for a weak arm). */
  needs?: RegExp;
  /** The clause must not match this (e.g. "het ziekenhuis reageert niet" is not unresponsiveness). */
  unless?: RegExp;
  /** A named event (heart attack, stroke) that can be in the past; symptoms cannot. */
  event?: boolean;
}

const SUDDEN = /\b(plotseling|ineens|opeens|acuut|suddenly|sudden|all of a sudden|out of nowhere|net|just now|nu net|sinds vanochtend|sinds vanmorgen|sinds vannacht|sinds gisteravond|sinds een uur|since this morning|since last night|an hour ago|since an hour)\b/;
// A known, lasting cause: "sinds de schouderoperatie", "after the surgery", "al jaren".
const KNOWN_CAUSE = /\b(operatie|ingreep|sinds de|na de|na mijn|al jaren|jaren|soms|af en toe|chronisch|artrose|reuma|surgery|operation|since the|after the|after my|for years|sometimes|arthritis)\b/;
const STROKE_SIGN = /\b(scheve mond|mondhoek|dubbele tong|onduidelijk|verward|brabbel\w*|slurred|slurring|drooping|droop\w*|face|gezicht|spraak|speech)\b/;
const INSTITUTION = /\b(ziekenhuis|ziekenhuizen|verzekeraar|afdeling|poli|polikliniek|mail|e-mail|email|telefoon|bericht|brief|berichten|mails|hospital|insurer|clinic|office|emails|messages|letter|phone|app|website|site|huisarts|gp|doctor|dokter|arts|specialist)\b/;
const CHRONIC = /\b(soms|af en toe|vaak|bij inspanning|traplopen|trap op|sinds jaren|al jaren|chronisch|astma|copd|sometimes|occasionally|often|when climbing|exercise|exertion|stairs|for years|chronic|asthma)\b/;

const r = (s: string): RegExp => new RegExp(`(?:^|[ |])(?:${s})(?=$|[ |])`);

const RULES: Rule[] = [
  // --- chest / heart (nl) ---
  { kind: 'medical', re: r(`(?:pijn|steken|stekende pijn|drukkende pijn|knellende pijn|druk|pijnlijke druk) ${W(3)}(?:op|in|aan|rond|om) ${DET}(?:borst|borstkas|hart)`) },
  { kind: 'medical', re: r(`(?:borstpijn|borst pijn|pijn op de borst|pijnopdeborst)`) },
  { kind: 'medical', re: r(`(?:pijn|druk|steken) op ${DET}(?:bors|borts|bost|borstt)`) },
  { kind: 'medical', re: r(`(?:drukkend|drukkende|beklemmend|beklemmende|knellend|knellende|benauwend|zwaar) (?:gevoel )?${W(3)}(?:op|in|aan|rond) ${DET}(?:borst|borstkas)`) },
  { kind: 'medical', re: r(`pijn ${W(5)}(?:uitstraalt|uitstraalde|straalt|trekt) ${W(4)}(?:arm|armen|kaak|rug|nek|schouder|linkerarm)`) },
  { kind: 'medical', re: r(`(?:uitstralende pijn|uitstralende|straalt uit naar)`), needs: /\b(borst|arm|kaak|linkerarm|hart)\b/ },
  { kind: 'medical', re: r(`(?:hartaanval|hartinfarct|hartstilstand|hart infarct|hart aanval)`), event: true },
  // --- chest / heart (en) ---
  { kind: 'medical', re: r(`chest ${W(1)}(?:pain|pains|tightness|pressure|hurts|hurting|ache|aches|discomfort)`) },
  { kind: 'medical', re: r(`chest ${W(2)}(?:tight|heavy|crushed|squeezed|like an elephant)|tight chest|tightness in ${DET}chest`) },
  { kind: 'medical', re: r(`(?:pain|pains|pressure|tightness|crushing|squeezing|heaviness|ache|tight) ${W(3)}(?:in|on|across|around) ${DET}chest`) },
  { kind: 'medical', re: r(`(?:pain|pains) ${W(4)}(?:spreading|radiating|radiates|spreads|going|goes|shooting|moving) ${W(4)}(?:arm|arms|jaw|back|neck|shoulder)`) },
  { kind: 'medical', re: r(`(?:heart attack|cardiac arrest|myocardial infarction)`), event: true },
  // --- breathing (nl) ---
  { kind: 'medical', re: r(`(?:krijg|kreeg|krijgt|krijgen|heb|heeft|hebben) ${W(3)}geen (?:lucht|adem)`) },
  { kind: 'medical', re: r(`geen lucht (?:meer )?(?:krijgen|krijg|krijgt)`) },
  { kind: 'medical', re: r(`(?:kan|kon|kunnen|kunt) ${W(3)}(?:niet|nauwelijks|amper|bijna niet|moeilijk|slecht|haast niet|geen) (?:meer |goed )?(?:ademen|ademhalen|adem halen|lucht krijgen|adem)`) },
  { kind: 'medical', re: r(`(?:ademt|ademde) ${W(2)}niet(?: meer)?`) },
  { kind: 'medical', re: r(`ademhaling ${W(3)}(?:moeilijk|moeilijker|zwaar|zwaarder|slechter|stopt|gestopt|piept erg|heel snel)`), unless: CHRONIC },
  { kind: 'medical', re: r(`(?:krijg|krijgt|kreeg|krijgen|heb|heeft) ${W(2)}(?:slecht|slechter|amper|nauwelijks|bijna geen|haast geen|moeilijk|weinig|minder) (?:lucht|adem)`), unless: CHRONIC },
  { kind: 'medical', re: r(`(?:ademen|ademhalen|adem halen) ${W(3)}(?:moeilijk|moeilijker|zwaar|zwaarder|slecht|slechter|lukt niet|gaat niet)`), unless: CHRONIC },
  { kind: 'medical', re: r(`(?:benauwd|kortademig)`), unless: CHRONIC },
  { kind: 'medical', re: r(`(?:erg|heel|zeer|extreem|ontzettend|vreselijk|hevig|ernstig|super|enorm) ${W(1)}(?:benauwd|benauwdheid|kortademig)`) },
  { kind: 'medical', re: r(`(?:blauwe lippen|lippen ${W(2)}blauw|lippen worden blauw|blauw aan)`) },
  { kind: 'medical', re: r(`(?:stikken|stik|verstikking|happ\\w* naar (?:lucht|adem)|snak\\w* naar (?:lucht|adem))`) },
  { kind: 'medical', re: r(`kan ${W(2)}niet ${W(1)}praten van ${DET}benauwdheid`) },
  // --- breathing (en) ---
  { kind: 'medical', re: r(`(?:can ?not|can't|cant|couldn't|couldnt|unable to|struggling to|struggle to|trouble|hard to|difficulty|barely|hardly|problems|difficult to) ${W(2)}(?:breathe|breath|breathing)`) },
  { kind: 'medical', re: r(`(?:not breathing|stopped breathing|isn't breathing|isnt breathing)`) },
  { kind: 'medical', re: r(`(?:can't|cant|cannot|can not|couldn't|couldnt) get ${W(1)}(?:air|enough air|any air|breath|my breath)`) },
  { kind: 'medical', re: r(`breathing ${W(2)}(?:getting worse|worse|harder|difficult|laboured|labored|very fast|shallow)`), unless: CHRONIC },
  { kind: 'medical', re: r(`(?:short of breath|shortness of breath|breathless|out of breath)`), unless: CHRONIC },
  { kind: 'medical', re: r(`(?:gasping|choking|suffocating|can't catch ${W(1)}breath|cant catch ${W(1)}breath)`) },
  { kind: 'medical', re: r(`(?:blue lips|lips ${W(2)}(?:blue|turning blue)|turning blue)`) },
  // --- stroke (nl): mond, spraak, arm (Hartstichting) ---
  { kind: 'medical', re: r(`(?:scheve mond|mond ${W(2)}scheef|scheef gezicht|gezicht ${W(2)}(?:scheef|hangt|verlamd|trekt)|hangende mondhoek|scheve mondhoek|mondhoek ${W(2)}(?:hangt|scheef)|hangt ${W(2)}mondhoek)`) },
  { kind: 'medical', re: r(`(?:dubbele tong|praat ${W(3)}(?:onduidelijk|verward|raar|vreemd|wartaal|brabbel\\w*)|spraak ${W(3)}(?:weg|onduidelijk|verward|raar)|onduidelijke spraak|kan ${W(2)}niet ${W(1)}(?:meer )?(?:uit zijn woorden|uit haar woorden|uit mijn woorden|praten))`), unless: /\bbenauwdheid\b/ },
  { kind: 'medical', re: r(`(?:arm|been|hand|armen|benen|gezicht|lichaam) ${W(4)}(?:niet|nauwelijks) ${W(1)}(?:meer )?(?:bewegen|optillen|voelen|gebruiken|tillen|omhoog)`), needs: new RegExp(`${SUDDEN.source}|${STROKE_SIGN.source}|\\b(kant|zijde|helft)\\b`) },
  { kind: 'medical', re: r(`(?:krachtverlies|verlamd|verlamming|gevoelloos|slap) ${W(4)}(?:kant|zijde|helft|arm|been|gezicht)`), needs: new RegExp(`${SUDDEN.source}|\\b(kant|zijde|helft|gezicht)\\b`) },
  { kind: 'medical', re: r(`(?:krachtverlies|halfzijdig\\w*)`) },
  // "niet meer" is a new loss: "ik kan mijn been niet meer voelen"; a known cause in the clause is not.
  { kind: 'medical', re: r(`(?:arm|been|hand|armen|benen|gezicht|linkerarm|rechterarm|linkerbeen|rechterbeen|linkerhand|rechterhand) ${W(3)}niet meer ${W(1)}(?:bewegen|voelen|gebruiken|optillen|tillen)`), unless: KNOWN_CAUSE },
  { kind: 'medical', re: r(`(?:voel|voelt|voelde) ${DET}(?:arm|been|hand|armen|benen|gezicht|linkerarm|rechterarm|linkerbeen|rechterbeen) ${W(1)}niet meer`), unless: KNOWN_CAUSE },
  { kind: 'medical', re: r(`(?:beroerte|herseninfarct|hersenbloeding|tia|cva)`), event: true },
  { kind: 'medical', re: r(`(?:plotseling|ineens|opeens) ${W(4)}(?:slecht|niet meer|niks|niets|dubbel|wazig|blind) ${W(3)}(?:zien|ziet|zag)`) },
  { kind: 'medical', re: r(`(?:hoofdpijn)`), needs: /\b(plotseling|ineens|opeens|ergste|knallende|barstende|donderslag|nog nooit zo|nooit eerder zo|explosie\w*)\b/ },
  // --- stroke (en) ---
  { kind: 'medical', re: r(`(?:face ${W(2)}(?:drooping|droops|dropping|drooped|droopy|numb|lopsided)|drooping (?:face|mouth|on one side)|droopy face|mouth ${W(2)}(?:drooping|droops|crooked))`) },
  { kind: 'medical', re: r(`(?:slurred|slurring|garbled) ${W(1)}(?:speech|words|talk\\w*)?|(?:speech|talking|speaking|words) ${W(2)}(?:slurred|slurring|garbled|strange|weird|confused)|can't speak|cannot speak|cant speak`) },
  { kind: 'medical', re: r(`(?:can't|cannot|cant|can not|unable to) ${W(1)}(?:lift|move|feel|raise|use) ${W(2)}(?:arm|leg|hand|arms|legs|face)`), needs: new RegExp(`${SUDDEN.source}|${STROKE_SIGN.source}|\\b(side)\\b`) },
  { kind: 'medical', re: r(`(?:one side|left side|right side|half) ${W(4)}(?:numb|weak|paralyzed|paralysed|droop\\w*|limp)|(?:numb|weak|paralyzed|paralysed|limp) ${W(3)}one side`) },
  { kind: 'medical', re: r(`(?:can't|cannot|cant|can not|unable to) ${W(1)}(?:move|feel) ${W(1)}(?:arm|leg|arms|legs|face|hand|left arm|right arm|left leg|right leg)`), unless: KNOWN_CAUSE },
  { kind: 'medical', re: r(`(?:arm|leg|face|hand) ${W(2)}(?:numb|weak|limp|paralysed|paralyzed|dead)`), needs: new RegExp(`${SUDDEN.source}|\\b(side)\\b`) },
  { kind: 'medical', re: r(`(?:stroke|mini stroke|mini-stroke|tia|brain bleed|brain haemorrhage|brain hemorrhage)`), event: true, unless: /\b(heat ?stroke|stroke of luck|breast ?stroke|back ?stroke|swimming)\b/ },
  { kind: 'medical', re: r(`(?:suddenly|all of a sudden) ${W(4)}(?:can't|cannot|cant) ${W(1)}see|(?:lost|losing|loss of) ${W(1)}(?:vision|sight)|(?:sudden ${W(2)}(?:blind|blindness|vision loss))`) },
  { kind: 'medical', re: r(`(?:headache)`), needs: /\b(worst|sudden|suddenly|thunderclap|exploding|explosive|never had such)\b/ },
  // --- bleeding (nl) ---
  { kind: 'medical', re: r(`(?:bloed|bloedt|bloedde|bloeding|bloeden|bloedverlies) ${W(4)}(?:stopt niet|houdt niet op|wil niet stoppen|blijft|gutst|spuit|hevig|heel erg|erg|enorm|flink|veel)`) },
  { kind: 'medical', re: r(`(?:veel|heel veel|hevig|hevige|ernstig|ernstige|enorm|enorme|flink|zwaar|zware) ${W(2)}(?:bloed|bloedverlies|bloeden|bloeding|bloedt)`) },
  { kind: 'medical', re: r(`(?:bloeding|bloeden|bloedt) ${W(2)}(?:stopt|stoppen) ${W(1)}niet`) },
  { kind: 'medical', re: r(`(?:hoest|hoesten|hoestte|braak|braken|brak|spuug|spugen|kots|kotsen|geef ${W(1)}over|overgeven) ${W(3)}bloed|bloed ${W(1)}(?:ophoesten|opgehoest|opgeven|overgeven|braken|gebraakt|spugen|gespuugd)`) },
  { kind: 'medical', re: r(`(?:zwarte|teerachtige|teer|pikzwarte) ${W(1)}ontlasting|ontlasting ${W(3)}(?:zwart|pikzwart|teer)`) },
  // --- bleeding (en) ---
  { kind: 'medical', re: r(`(?:bleeding|bleeds|bleed) ${W(3)}(?:heavily|a lot|badly|profusely|everywhere|won't stop|wont stop|doesn't stop|doesnt stop|does not stop|not stopping|will not stop)`) },
  { kind: 'medical', re: r(`(?:heavy|severe|massive|uncontrolled|serious|lot of|lots of) ${W(1)}(?:bleeding|blood loss|blood)`) },
  { kind: 'medical', re: r(`(?:bleeding|blood) ${W(3)}(?:won't|wont|doesn't|doesnt|does not|will not|can't|cant) ${W(1)}stop`) },
  { kind: 'medical', re: r(`(?:vomiting|throwing up|coughing up|coughing|spitting up|spitting|puking|threw up|vomited|cough up|vomit) ${W(1)}blood|blood ${W(2)}(?:vomit|cough)`) },
  { kind: 'medical', re: r(`(?:black|tarry) ${W(1)}(?:stool|stools|poo|poop|faeces|feces)`) },
  { kind: 'medical', re: r(`pregnant ${W(5)}(?:bleed\\w*|blood)`) },
  { kind: 'medical', re: r(`blood everywhere|so much blood|overal bloed|bloed overal|bloed spuit|spuit ${W(1)}bloed`) },
  { kind: 'medical', re: r(`zwanger ${W(5)}(?:bloed\\w*|bloeding)`) },
  // --- consciousness (nl) ---
  { kind: 'medical', unless: /\b(wil|wou|hoop|wens) (?:[^ |]+ )?niet (?:meer )?wakker\b/, re: r(`(?:bewusteloos|buiten westen|buiten bewustzijn|bewustzijn ${W(2)}(?:verloren|kwijt)|flauwgevallen|flauw gevallen|in elkaar gezakt|ingestort|niet ${W(1)}aanspreekbaar|niet ${W(1)}wakker ${W(1)}(?:te krijgen|worden|wordt)|wordt niet ${W(1)}wakker)`) },
  { kind: 'medical', re: r(`(?:reageert|reageerde|reageren) ${W(2)}niet(?: meer)?`), unless: INSTITUTION },
  { kind: 'medical', re: r(`(?:zakt|zakte|zakken|valt|viel) ${W(2)}(?:in elkaar|neer)|in elkaar ${W(1)}(?:gezakt|zakken|zakt|zakte)|(?:valt|viel) ${W(1)}flauw`) },
  // --- consciousness (en) ---
  { kind: 'medical', re: r(`(?:unconscious|passed out|fainted|blacked out|collapsed|unresponsive|won't wake up|wont wake up|will not wake up|can't wake ${W(1)}up|cant wake ${W(1)}up|not waking up)`) },
  { kind: 'medical', re: r(`(?:not responding|isn't responding|isnt responding|doesn't respond|doesnt respond)`), unless: INSTITUTION },
  // --- seizures ---
  { kind: 'medical', re: r(`(?:epileptische aanval|epilepsie aanval|epilepsieaanval|insult|stuip|stuipen|trekkingen|schuimbekken|toeval krijgt|aanval ${W(3)}(?:stopt niet|houdt niet op))`) },
  { kind: 'medical', re: r(`(?:heeft|had|krijgt|kreeg) ${W(1)}toeval|schokt ${W(1)}(?:helemaal|met|over)|schokken ${W(3)}(?:armen|benen|lichaam)|ligt te (?:schokken|schudden)`) },
  { kind: 'medical', re: r(`(?:jerking|twitching|shaking|convulsing) ${W(3)}(?:all over|not responding|unresponsive|arms and legs)`) },
  { kind: 'medical', re: r(`(?:seizure|seizures|seizing|convulsion|convulsions|convulsing|fitting|having a fit|epileptic (?:fit|attack|seizure))`) },
  // --- severe allergy ---
  { kind: 'medical', re: r(`(?:(?:ernstige|heftige|zware|hevige|erge|sterke) allergische reactie|anafylact\\w*|anafylaxie|allergische shock)`) },
  { kind: 'medical', re: r(`(?:tong|keel|lippen|lip|gezicht|mond) ${W(3)}(?:zwelt|zwellen|zwol|opgezwollen|dik|dikker|opzwellen|dicht)|(?:zwelt|zwellen|zwol|opgezwollen|opzwellen) ${W(3)}(?:tong|keel|lippen)|dikke (?:tong|keel|lippen)`) },
  { kind: 'medical', re: r(`(?:(?:severe|serious|bad|strong) allergic reaction|anaphyla\\w*|allergic shock)`) },
  { kind: 'medical', re: r(`(?:throat|tongue|lips|lip|face) ${W(2)}(?:swelling|swollen|swells|closing|tight)|swelling ${W(1)}(?:of )?${DET}(?:throat|tongue|lips)|swollen (?:throat|tongue|lips)`) },
  // --- other acute (nl) ---
  { kind: 'medical', re: r(`(?:nekstijfheid|stijve nek|nek ${W(1)}stijf)`), needs: /\b(koorts|fever)\b/ },
  { kind: 'medical', re: r(`(?:vlekjes|vlekken|puntjes) ${W(3)}(?:niet ${W(1)}wegdrukken|niet weg ${W(1)}(?:te )?drukken|niet wegdrukbaar)`) },
  { kind: 'medical', re: r(`(?:ondraaglijke|ontzettende|extreme|vreselijke|hevige|enorme) ${W(1)}(?:buikpijn|pijn in ${W(1)}buik)`) },
  { kind: 'medical', re: r(`(?:vergiftigd|vergiftiging|vergiftigt|overdosis|te veel ${W(1)}(?:pillen|medicijnen|tabletten|slaappillen|paracetamol) ${W(2)}(?:genomen|ingenomen|geslikt|gegeten))`) },
  { kind: 'medical', re: r(`(?:hoofd|hoofdje) ${W(3)}(?:gestoten|geraakt|gevallen|bloedt)|(?:gevallen|val) ${W(4)}(?:hoofd|hoofdje)|ernstig ongeluk|zwaar ongeluk`) },
  // --- other acute (en) ---
  { kind: 'medical', re: r(`(?:stiff neck)`), needs: /\b(koorts|fever)\b/ },
  { kind: 'medical', re: r(`(?:purple spots|spots ${W(3)}(?:don't|do not|dont) fade|rash ${W(3)}(?:doesn't|does not|doesnt) fade)`) },
  { kind: 'medical', re: r(`(?:unbearable|excruciating|severe|extreme|terrible) ${W(1)}(?:stomach|abdominal|belly) ${W(1)}pain`) },
  { kind: 'medical', re: r(`(?:poisoned|poisoning|overdosed|overdose|too many ${W(1)}(?:pills|tablets|sleeping pills|painkillers))`) },
  { kind: 'medical', re: r(`(?:hit|banged|bumped|fell on|hurt) ${W(2)}head|head injury|serious accident`) },
  // --- suicide and self-harm (nl) ---
  { kind: 'suicide', re: r(`(?:zelfmoord\\w*|zelfdoding\\w*|suicid\\w*|suicide\\w*|zelfbeschadiging|zelfverwonding|afscheidsbrief\\w*)`) },
  { kind: 'suicide', re: r(`wil (?:(?!niet |geen |nooit )[^ |]+ ){0,2}(?:dood|sterven)|dood willen|wou dat ik dood was|was ik maar dood`) },
  { kind: 'suicide', re: r(`(?:wil|wou|hoef) ${W(1)}niet ${W(1)}(?:meer )?(?:te )?(?:leven|wakker worden|wakker te worden)|(?:leven|bestaan) ${W(2)}geen zin|(?:denk|dacht|denken|overweeg) ${W(3)}(?:springen|ophangen|verdrinken)`) },
  { kind: 'suicide', re: r(`(?:wil|wil ik|kan) ${W(1)}niet meer ${W(1)}(?:leven|verder)|wil er ${W(2)}niet meer zijn|er niet meer ${W(1)}willen zijn|geen zin ${W(1)}(?:meer )?in ${DET}leven`) },
  { kind: 'suicide', re: r(`(?:een )?(?:einde|eind) ${W(1)}aan ${DET}(?:leven|alles)|er ${W(2)}(?:een )?(?:eind|einde) aan ${W(1)}(?:te )?maken|(?:eind|einde) aan maken`) },
  { kind: 'suicide', re: r(`zie het ${W(2)}niet meer zitten|zie ${W(2)}geen uitweg|geen uitweg meer`) },
  { kind: 'suicide', re: r(`(?:mezelf|mijzelf|me|zichzelf|zich|hemzelf|haarzelf) ${W(3)}(?:iets )?(?:aandoen|aan te doen|aan doen|aan ${W(1)}doen|pijn doen|snijden|snij|beschadigen|verwonden|ophangen|van kant maken|om het leven brengen)|(?:snijd|snij|sneed|doe|deed) ${W(1)}(?:mezelf|mijzelf)`) },
  { kind: 'suicide', re: r(`(?:pillen|medicijnen|tabletten|slaappillen) ${W(2)}(?:gespaard|verzameld|opgespaard)`) },
  { kind: 'suicide', re: r(`(?:van|voor) ${DET}(?:brug|flat|dak|trein|spoor) ${W(2)}(?:springen|spring|gooien)|voor de trein`) },
  // --- suicide and self-harm (en) ---
  { kind: 'suicide', re: r(`(?:kill|killing|hurt|hurting|harm|harming|cut|cutting) ${W(1)}(?:myself|himself|herself|themselves|themself)|self[- ]?harm\\w*`) },
  { kind: 'suicide', re: r(`wanna die|want to die|wants to die|rather be dead`) },
  { kind: 'suicide', re: r(`(?:end|ending|take|taking) ${W(1)}(?:my (?:own )?life|it all|my own life)|(?:want|wanna|going) ${W(1)}to die|wish i (?:was|were) dead|better off dead`) },
  { kind: 'suicide', re: r(`(?:don't|dont|do not) ${W(1)}want to (?:live|be alive|be here|exist|go on)|no reason to live|nothing ${W(1)}to live for|no point (?:in )?living`) },
  { kind: 'suicide', re: r(`(?:goodbye|suicide|farewell) (?:letter|note)|(?:saving|saved|stockpiling|hoarding|collected) ${W(2)}(?:pills|tablets)|jump (?:off|from|in front of)`) },
];

// Spelling correction targets. Short words are only corrected for swapped letters ("pian",
// "brost"): other one-letter changes turn ordinary words into red flags ("worst" → "borst").
const VOCAB = [
  'borst', 'borstkas', 'pijn', 'benauwd', 'benauwdheid', 'kortademig', 'bewusteloos', 'bewustzijn', 'flauwgevallen',
  'zelfmoord', 'zelfdoding', 'hartaanval', 'hartinfarct', 'beroerte', 'herseninfarct', 'epileptische', 'allergische',
  'anafylactische', 'bloeding', 'bloedverlies', 'ophoesten', 'ademen', 'ademhalen', 'ademhaling', 'lucht', 'krachtverlies',
  'mondhoek', 'onduidelijk', 'uitstraalt', 'drukkende', 'stuipen', 'afscheidsbrief', 'zelfbeschadiging', 'suicidaal',
  'chest', 'pain', 'breathe', 'breathing', 'unconscious', 'suicide', 'suicidal', 'seizure', 'bleeding', 'stroke',
  'drooping', 'slurred', 'allergic', 'anaphylactic', 'unresponsive', 'convulsions', 'collapsed', 'fainted', 'heart',
  'attack', 'overdose', 'myself', 'radiating', 'spreading', 'swelling', 'tongue', 'throat', 'vomiting', 'coughing',
  'heavily', 'bloed', 'blood', 'pressure', 'ondraaglijke', 'vergiftiging', 'nekstijfheid', 'hoofdpijn', 'headache', 'verlamd',
];
const VOCAB_SET = new Set(VOCAB);
// Real words one edit away from a red-flag word that must stay themselves.
const NEVER_CORRECT = new Set(['worst', 'burst', 'breath', 'beast', 'paint', 'paid', 'rain', 'pin', 'pains', 'bloedt', 'blod', 'heat', 'hear', 'heard', 'strike', 'stoke', 'strokes', 'cheat', 'chess', 'chase', 'borstel', 'lucht', 'licht', 'luchten', 'lichte', 'pijl', 'bijna', 'mezelf', 'myself', 'himself', 'herself', 'bloedde', 'borsten', 'ademt', 'adem', 'attacks', 'tough', 'through', 'thought', 'thoughts']);

function osa(a: string, b: string, max: number): number {
  // Optimal string alignment distance (Levenshtein plus adjacent swaps), stopped early past max.
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const prev2 = new Array<number>(b.length + 1).fill(0);
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  let cur = new Array<number>(b.length + 1).fill(0);
  let before = prev2;
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    let rowMin = cur[0];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, before[j - 2]! + 1);
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    const tmp = before;
    before = prev;
    prev = cur;
    cur = tmp;
  }
  return prev[b.length]!;
}

function isSwap(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  const diff: number[] = [];
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) diff.push(i);
  return diff.length === 2 && diff[1] === diff[0]! + 1 && a[diff[0]!] === b[diff[1]!] && a[diff[1]!] === b[diff[0]!];
}

const correctionCache = new Map<string, string>();

/** The red-flag word a misspelled token stands for, or the token itself. */
export function correctRedFlagWord(token: string): string {
  if (token.length < 4 || VOCAB_SET.has(token) || NEVER_CORRECT.has(token) || /\d/.test(token)) return token;
  const hit = correctionCache.get(token);
  if (hit !== undefined) return hit;
  let best = token;
  for (const target of VOCAB) {
    if (target.length <= 5) {
      if (isSwap(token, target)) { best = target; break; }
      continue;
    }
    const max = target.length >= 9 ? 2 : 1;
    if (token.length < 5) continue;
    if (osa(token, target, max) <= max) { best = target; break; }
  }
  // Compounds with a misspelled head: "zelfmoortgedachten", "suicidegedachten"
  if (best === token && token.length > 10) {
    for (const head of ['zelfmoord', 'zelfdoding']) {
      if (osa(token.slice(0, head.length), head, 1) <= 1) { best = head + token.slice(head.length); break; }
    }
  }
  if (correctionCache.size > 20_000) correctionCache.clear();
  correctionCache.set(token, best);
  return best;
}

const NEGATORS = new Set(['geen', 'niet', 'nooit', 'zonder', 'no', 'not', 'never', 'without', "don't", 'dont', "doesn't", 'doesnt', "didn't", 'didnt', "isn't", 'isnt', "haven't", 'havent', "hasn't", 'hasnt', 'nor', 'noch', "aren't", "wasn't", 'nothing']);
const NOT_NEGATING_NEXT = new Set(['alleen', 'only', 'just', 'meer', 'sure', 'zeker']);
const CLAUSE_WORDS = new Set(['en', 'and', 'maar', 'but', 'want', 'because', 'omdat', 'toen', 'dus', 'so']);
const PAST = /\b(vorig jaar|vorige maand|vorige week|vorige keer|jaar geleden|jaren geleden|maanden geleden|weken geleden|in (?:19|20)\d\d|gehad|heb gehad|na een|na mijn|na zijn|na haar|sinds mijn|sinds een|last year|last month|years ago|year ago|months ago|in the past|after a|after my|after his|after her|since my|had a|have had|has had|previous)\b/;
const PRESENT = /\b(nu|now|right now|op dit moment|vandaag|today|weer|again|opnieuw|momenteel|currently|net|just|denk|think|heb ik|heeft hij|heeft ze|is having|am having|having)\b/;

interface Hit {
  rule: Rule;
  start: number; // token index
  end: number; // token index (exclusive)
  negated: boolean;
  historical: boolean;
}

/** Red-flag detection over one message. Pure; about 60 regular expressions over a short string. */
export function detectEmergency(text: string): EmergencySignal {
  const nt: NormalizedText = normalize(text);
  const tokens = tokenize(nt.norm);
  const words: string[] = [];
  const charStart: number[] = [];
  let joined = '';
  for (let i = 0; i < tokens.length; i++) {
    const gap = i > 0 ? nt.norm.slice(tokens[i - 1]!.end, tokens[i]!.start) : '';
    if (i > 0 && /[.!?;:,\n()]/.test(gap)) joined += '| ';
    charStart.push(joined.length);
    const w = correctRedFlagWord(tokens[i]!.text);
    words.push(w);
    joined += `${w} `;
  }
  joined = joined.trimEnd();
  if (joined.length === 0) return { kind: null, matched: null, negated: false, historical: false };

  const tokenAt = (charIndex: number): number => {
    let lo = 0;
    let hi = charStart.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (charStart[mid]! <= charIndex) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };
  const clauseText = (from: number, to: number): string => {
    let a = from;
    let b = to;
    while (a > 0 && !joined.slice(charStart[a - 1]!, charStart[a]!).includes('|')) a--;
    while (b < words.length && !(b > to - 1 && b < words.length - 1 && joined.slice(charStart[b]!, charStart[b + 1]!).includes('|'))) b++;
    return words.slice(a, Math.min(words.length, b + 1)).join(' ');
  };

  const hits: Hit[] = [];
  for (const rule of RULES) {
    const m = rule.re.exec(joined);
    if (!m) continue;
    const offset = m.index + (m[0].startsWith(' ') || m[0].startsWith('|') ? 1 : 0);
    const start = tokenAt(offset);
    const end = tokenAt(m.index + m[0].length - 1) + 1;
    const clause = clauseText(start, end);
    if (rule.needs && !rule.needs.test(joined)) continue;
    if (rule.unless && rule.unless.test(clause)) continue;
    hits.push({ rule, start, end, negated: isNegated(words, joined, charStart, start), historical: rule.event === true && isPast(clause) });
  }
  if (hits.length === 0) return { kind: null, matched: null, negated: false, historical: false };

  const live = hits.filter((h) => !h.negated && !h.historical);
  // 112 covers immediate danger to life, so a live medical red flag wins over a suicide one.
  const pick = live.find((h) => h.rule.kind === 'medical') ?? live[0] ?? hits[0]!;
  const from = nt.map[tokens[pick.start]!.start]!;
  const to = nt.map[tokens[pick.end - 1]!.end - 1]! + 1;
  const allDenied = live.length === 0;
  return {
    kind: pick.rule.kind,
    matched: text.slice(from, to),
    negated: allDenied,
    historical: allDenied && pick.historical,
  };
}

function isNegated(words: string[], joined: string, charStart: number[], start: number): boolean {
  for (let k = start - 1; k >= Math.max(0, start - 4); k--) {
    // stop at a clause break or a conjunction: "geen koorts en pijn op de borst" is not denied
    if (joined.slice(charStart[k]!, charStart[k + 1]!).includes('|')) return false;
    const w = words[k]!;
    if (CLAUSE_WORDS.has(w)) return false;
    if (NEGATORS.has(w) && !NOT_NEGATING_NEXT.has(words[k + 1] ?? '')) return true;
  }
  return false;
}

function isPast(clause: string): boolean {
  return PAST.test(clause) && !PRESENT.test(clause.replace(/\b(heb gehad|have had|has had)\b/g, ''));
}
