/**
 * Word classes that carry an intent in either language, robust to word order and filler:
 * "uitgesteld", "postponed", "afgezegd" are all POSTPONE. They become extra features for the
 * intent model, so it learns from a few hundred examples what a class of words means instead
 * of having to see every word with every intent. Patterns run over the corrected, normalised
 * words joined by single spaces.
 */

const w = (alternatives: string): RegExp => new RegExp(`(?:^| )(?:${alternatives})(?= |$)`);

export const CUES: Record<string, RegExp> = {
  WAIT_Q: w(
    "hoe lang|hoelang|how long|hoeveel weken|hoeveel tijd|how many weeks|how soon|hoe snel|wachttijd\\w*|wachtlijst\\w*|wacht tijd|wachtijd|waiting time\\w*|waiting list\\w*|wait time\\w*|wait list|the wait|wiat|duurt het|how much longer|hoeveel langer|aan de beurt|until i can|voor ik|voordat ik|till i|wachten op|wacht je|moet ik wachten|to wait|must wait",
  ),
  POSTPONE: w(
    'uitgesteld|uitgestelt|uitstel|uitstellen|afgezegd|afgezegt|afzeggen|geannuleerd|geannuleert|annuleren|gecanceld|gecanceled|verzet|verschoven|verplaatst|afgeblazen|geschrapt|niet door|gaat niet door|niet doorgegaan|niet doorgaat|afgebeld|postponed|postponned|postpone|rescheduled|delayed|called off|pushed back|moved|cancelled|canceled|cancel|weer later|nieuwe datum|new date|geen datum',
  ),
  WHAT_NOW: w(
    "wat nu|en nu|wat moet ik nu|wat moet ik doen|wat kan ik doen|wat kunnen we doen|hoe nu verder|wat zijn mijn opties|wat zijn mijn mogelijkheden|met wie|wie kan mij helpen|what now|now what|what should i do|what can i do|what do i do|what can we do|what are my options|who do i contact|who should i contact|what happens now|what next|what happens next|what do i do now|wat betekent dat",
  ),
  RIGHTS: w(
    'recht|rechten|recht op|treeknorm\\w*|treek|norm|normen|maximale|maximum|maximaal|wettelijk\\w*|wettelijke|wet|law|legal|zorgplicht|duty of care|duty|entitled|allowed|toegestaan|mag dat|mag een|mag de|mag het|verplicht|obliged|obligated|inhaalzorg|kader|framework|nza|aanvaardbaar\\w*|acceptable|regels|rules|eisen|demand|rights|catch-up|limit|binnen de norm|boven de norm|overschrijdt|exceeds|exceed',
  ),
  ELSEWHERE: w(
    'ander ziekenhuis|andere ziekenhuis|ander ziekenhuizen|andere ziekenhuizen|ergens anders|elders|elsewhere|another hospital|other hospital|different hospital|somewhere else|somewhere other|other hospitals|another urologist|andere uroloog|andere kno|buitenland|abroad|belgie|belgium|duitsland|germany|privekliniek\\w*|privekliniek|prive kliniek|private clinic\\w*|zbc|zelfstandig behandelcentrum|independent treatment|kliniek|klinieken|clinic|clinics|overstappen|switch|transfer|kortste|kortere|shortest|shorter|sneller|eerder|sooner|faster|quicker|earlier|welk ziekenhuis|which hospital|waar kan ik|where can i|andere zorgaanbieder|other provider|heen',
  ),
  MEDIATION: w(
    'bemiddel\\w*|zorgbemiddel\\w*|zorgbemidelling|wachtlijstbemiddeling|bemiddelingsverzoek|mediat\\w*|mediaton|terugbellen|terug bellen|teruggebeld|terug gebeld|bel me|bel mij|belt|bellen|call me|call back|callback|ring me|phone me|namens mij|on my behalf|voor mij regelen|voor me regelen|regel|regelen|arrange|aanvraag|aanvragen|request|indienen|file|submit|verzoek|zoek voor me|zoek een|find me|zoeken voor mij|plek voor me|a place|a spot|een plek',
  ),
  HUMAN: w(
    'medewerker|medewerkers|mens|menselijke|persoon|iemand|echt persoon|echte|echt mens|human|person|somebody|someone|agent|employee|staff member|colleague|klantenservice|customer service|doorverbinden|doorverbind|verbind|transfer me|put me through|connect me|operator|representative|bot|robot|computer|live|spreken|speak|talk to|praten met|aan de lijn|aan de telefoon|on the phone|chatten met|chat with',
  ),
  PRIVACY: w(
    'gegevens|persoonsgegevens|gelezen|lezen|read|see my|doorsturen|forward|medische info|medical info|medical information|medical details|data|privacy|prive|avg|gdpr|toestemming|consent|verwijder\\w*|delete\\w*|erase|wis|wissen|bewaren|bewaard|bewaart|store|stored|keep my|opgeslagen|opslaan|recorded|delen|gedeeld|share|shared|bsn|burgerservicenummer|citizen service number|dossier|inzien|access|privacyverklaring|privacy policy|third parties|derden|my information|personal information|details|geboortedatum|date of birth|telefoonnummer|phone number|wie kan|who can|veilig en prive',
  ),
  MEDICAL: w(
    'pijnstiller\\w*|painkiller\\w*|paracetamol|ibuprofen|medicijn\\w*|medicatie|medication|medicine|bloedverdunner\\w*|gevaarlijk|dangerous|safe|safely|veilig|erger|worse|oefening\\w*|exercise\\w*|risico\\w*|risk\\w*|risky|zorgen maken|worry|worried|normaal|normal|wat kan dat zijn|wat kan het zijn|what could it be|slim|verstandig|slikken|dieet|eat|sporten|sport|fysiotherap\\w*|physiotherap\\w*|moet ik me|should i worry|raadt|raad|recommend|advies|advice|tips|narcose|anaesthesia|anesthesia|antibiotica|antibiotics|bloeddruk|blood pressure|duizelig\\w*|dizzy|slaap\\w*|sleep|bang|scared|anxious|cope|echt nodig|really need|or can it wait|of kan het|beter wachten|better to wait|or is it better|push for it|laten doen of|symptomen|symptoms|klachten|hoofdpijn|headache|koorts|fever',
  ),
  // Whether waiting or the treatment itself is medically wise: medical advice even when the
  // question is about waiting ("Is het gevaarlijk om nog 3 maanden te wachten?").
  RISK: w(
    'gevaarlijk|dangerous|kapot|damaged|damage|harmful|schadelijk|beschadigd|erger|worse|schade|safe|safely|veilig|risico\\w*|risk\\w*|risky|kwaad|harm|verslechter\\w*|deteriorat\\w*|slim|verstandig|wise|smart',
  ),
  DECIDE: w(
    "laten doen of|of kan ik beter|kan ik beter|beter wachten|or is it better|is it better|better to wait|or can it wait|of kan het|or should i|echt nodig|really need|wel laten|wel nodig|go ahead with|twijfel\\w*|not sure whether|whether to|push for it|medically",
  ),
  // Asking the insurer to act on the patient's behalf: mediation rather than a question.
  ACT_FOR_ME: w(
    'zoek|zoeken|regel|regelt|regelen|find me|arrange|voor me|voor mij|namens|on my behalf|for me|kunnen jullie|kunt u|can you|could you|willen jullie|wilt u|would you|let the insurer|i want my insurer|ik wil dat',
  ),
  // "morgen" and "middag" alone are left out: "wat voor weer wordt het morgen?" is no greeting
  // (a lone "Morgen!" is caught by the pleasantry rule in understand.ts).
  GREETING: w(
    'hallo|hallootjes|hoi|hey|hee|hi|hello|hiya|howdy|heey|goedemorgen|goedemiddag|goedenavond|goeiemorgen|goeiemiddag|goeienavond|goedendag|good morning|good afternoon|good evening|morning|greetings|goede avond|goede morgen|goede middag',
  ),
  THANKS: w(
    "bedankt|dank|dankjewel|dankuwel|danku|thanks|thank|thx|thnx|ty|cheers|doei|daag|bye|goodbye|tot ziens|tot later|see you|fijne dag|nice day|good day|dat was het|dat was alles|that's all|that is all|i'm done|im done|ik ga stoppen|weet genoeg|know enough|helps|geholpen",
  ),
  OFF_TOPIC: w(
    'weer|weather|premie|premium|eigen risico|deductible|parkeren|park|parking|bezoekuur|bezoektijden|bezoekuren|visiting|grap|joke|mop|funny|iban|bankrekening\\w*|bank account|zorgpas|insurance card|vergoed|vergoeding|covered|declareer|declareren|invoice|nota|vacature|hiring|bus|taxi|wifi|cafe|cafetaria|cafeteria|restaurant|recept|recipe|voetbal|football|hoofdstad|capital|premier|prime minister|supermarkt|supermarket|apotheek|pharmacy|opzeggen|tandarts\\w*|dental|rolstoel|wheelchair|pannenkoeken|pancakes|appeltaart|basisverzekering|basic insurance|zorgverzekering opzeggen|switch health insurance|hoe laat|klacht indienen|een klacht|complaint|complain|rekening|bill|factuur|machtiging|vertalen|translate|tax|belasting',
  ),
};

/** The cue names present in the corrected words. */
export function cuesOf(words: string[]): string[] {
  const joined = words.join(' ');
  const out: string[] = [];
  for (const [name, re] of Object.entries(CUES)) if (re.test(joined)) out.push(name);
  return out;
}
