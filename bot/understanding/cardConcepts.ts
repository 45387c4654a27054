/**
 * Concepts the answer cards turn on, with the words patients use for them in Dutch and English.
 * The card retriever adds a concept feature for each one a message names, so that "ct-scan",
 * "mri" and "echo" meet the diagnostics card's examples even when the examples use another of
 * those words, and "blijven slapen" meets "opname". Matched on normalised text (lower case, no
 * diacritics; bot/understanding/text.ts). Only words that decide between cards belong here.
 */
export const CARD_CONCEPTS: Record<string, RegExp> = {
  diagnostics: /\b(scan\w*|mri\w*|ct|echo\w*|rontgen\w*|x-?ray\w*|ultrasound|diagnosti\w*|bloedonderzoek|onderzoek(en)?|tests?)\b/,
  outpatient: /\b(poli|poli(kliniek|klinische|afspraak|afspraken)\w*|spreekuur|eerste (afspraak|gesprek|consult)|consult(atie)?|consultation|first (appointment|visit|consultation)|outpatient|see (a|the) (consultant|specialist)|bij de specialist)\b/,
  dayTreatment: /\b(dagbehandeling|dagopname|day ?(case|surgery|treatment)|same day|dezelfde dag|zonder opname|without (an )?(admission|overnight))\b/,
  admission: /\b(opname|opgenomen|opnemen|blijven slapen|overnacht\w*|nacht (blijven|in het ziekenhuis)|stay (the|a) night|overnight|admission|admitted|inpatient|hospital stay|klinisch\w*)\b/,
  operation: /\b(operatie\w*|opereren|geopereerd|ingreep|chirurg\w*|surgery|surgical|operation|operated|surgeon|procedure)\b/,
  mentalHealth: /\b(ggz|psycholo\w*|psychiat\w*|geestelijke|mentale?|mental health|therap\w*)\b/,
  catchUp: /\b(inhaalzorg|inhaal\w*|corona\w*|covid\w*|kader|catch[- ]?up|framework)\b/,
  stillValid: /\b(nog (steeds )?(geldig|van kracht|gelden|geldt)|geldt .{0,30}nog|gelden .{0,30}nog|van kracht|still (valid|apply|applies|in force|exist\w*|hold\w*)|no longer)\b/,
  urgencyClass: /\b(urgentie\w*|klasse|class|fms)\b/,
  bsn: /\b(bsn|burgerservicenummer|sofinummer|citizen service number|social security)\b/,
  deleteData: /\b(verwijder\w*|wis(sen)?|gewist|delete\w*|remove|erase\w*|vergeten worden|forget me)\b/,
  mediation: /\b(\w*bemiddel\w*|mediat\w*)\b/,
  // "Wie mag ...", "who can ...": the question is about the person, not the way.
  who: /^(en |and )?(wie|who)\b/,
  onBehalf: /\b(namens|voor (mijn|m'n) (moeder|vader|man|vrouw|partner|kind|zoon|dochter|ouders?|opa|oma)|on behalf|for my (husband|wife|mother|father|partner|child|son|daughter|parents?))\b/,
  belgium: /\b(belgi\w*|antwerpen|gent|leuven|luik)\b/,
  germany: /\b(duitsland|duits\w*|german\w*|aken|munster|dusseldorf)\b/,
  abroad: /\b(buitenland\w*|abroad|ander land|another country|foreign)\b/,
  contactBack: /\b(terugbellen|terug ?bellen|bellen .{0,20}terug|belt .{0,20}(mij|me)|contact (met mij )?opnemen|neemt .{0,20}contact|call (me )?back|contact me|get in touch|hear (back|from))\b/,
  complaint: /\b(klacht\w*|klagen|klaag|ontevreden|niet eens met|complain\w*|unhappy|dissatisfied)\b/,
  travel: /\b(reiskosten|taxi|benzine|vervoer|parkeer\w*|kilometervergoeding|travel (costs|expenses)|transport|petrol|parking)\b/,
  referral: /\b(verwijzing\w*|verwijsbrief|doorverwijz\w*|referral|referred)\b/,
  records: /\b(dossier|medische gegevens|medical (file|records?)|records)\b/,
  costs: /\b(kost(en)?|betalen|bijbetalen|vergoed\w*|geld|eigen bijdrage|pay\w*|cost\w*|covered|money|charge)\b/,
  insurer: /\b(\w*verzekeraar\w*|\w*verzekering\w*|insurer\w*|insurance)\b/,
  decides: /\b(beslist|bepaalt|beslissen|bepalen|besluit|decide\w*|determin\w*)\b/,
  leaveList: /\b(afmelden|uitschrijven|wachtlijst af|oude wachtlijst|van de lijst|leave the (old )?(waiting )?list|off the (old )?(waiting )?list|take me off|give up my place)\b/,
  overNorm: /\b(over de (tree)?norm|boven de (tree)?norm|langer .{0,30}dan de (tree)?norm|norm overschreden|overschrijd\w*|over the (maximum|norm|limit)|longer than the (norm|maximum)|exceed\w*)\b/,
  guarantee: /\b(garantie|gegarandeerd|verplicht|dwingen|zich .{0,20}houden aan|houden aan de|guarantee\w*|binding|have to (keep|stick) to|stick to|keep to|force)\b/,
  norm: /\b(treek ?norm\w*|maximale? wachttijd|maximaal|maximum|hoe lang mag|langste|longest|acceptable|acceptabel|toegestaan|allowed to wait)\b/,
  priority: /\b(voorrang|voor (mag|laten gaan)|eerder aan de beurt|voordringen|priority|jump the queue|sooner at my own)\b/,
};
