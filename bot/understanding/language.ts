/**
 * Which language a message is written in. Function words decide, because they are frequent,
 * short and almost never shared between Dutch and English; without clear evidence (a two-word
 * message, a hospital name) the page's language stands.
 */
import type { Locale } from './types.ts';

const NL = new Set([
  'de', 'het', 'een', 'en', 'ik', 'je', 'jij', 'u', 'mijn', 'mn', 'is', 'zijn', 'niet', 'geen', 'wat', 'hoe', 'lang', 'voor', 'van',
  'op', 'bij', 'naar', 'met', 'dat', 'die', 'er', 'al', 'nog', 'kan', 'kun', 'kunt', 'moet', 'wil', 'graag', 'wordt', 'worden', 'heb',
  'heeft', 'ben', 'maar', 'ook', 'waar', 'wanneer', 'welke', 'wie', 'waarom', 'mij', 'me', 'jullie', 'ons', 'zij', 'ze', 'hij', 'haar',
  'dan', 'als', 'om', 'te', 'nu', 'weer', 'hallo', 'hoi', 'dag', 'bedankt', 'dank', 'alstublieft', 'alsjeblieft', 'aub', 'wachten',
  'wachttijd', 'wachtlijst', 'ziekenhuis', 'uitgesteld', 'afspraak', 'zorgverzekeraar', 'verzekeraar', 'gegevens', 'hoelang', 'hoeveel',
  'weken', 'maanden', 'jaar', 'doen', 'ergens', 'anders', 'sneller', 'eerder', 'medewerker', 'iemand', 'spreken', 'nee', 'ja', 'goedemorgen',
  'goedemiddag', 'goedenavond', 'tot', 'ziens', 'doei', 'wel', 'zo', 'mag', 'hebben', 'gaat', 'zeer', 'erg', 'heel', 'daar', 'hier',
]);
const EN = new Set([
  'the', 'a', 'an', 'and', 'i', "i'm", "i've", 'you', 'my', 'is', 'are', 'not', 'no', 'what', 'how', 'long', 'for', 'of', 'on', 'at',
  'to', 'with', 'that', 'there', 'already', 'still', 'can', 'could', 'must', 'want', 'please', 'would', 'have', 'has', 'am', 'but',
  'also', 'where', 'when', 'which', 'who', 'why', 'me', 'your', 'our', 'they', 'he', 'she', 'her', 'his', 'then', 'if', 'now', 'again',
  'hello', 'hi', 'thanks', 'thank', 'bye', 'goodbye', 'wait', 'waiting', 'list', 'hospital', 'postponed', 'cancelled', 'appointment',
  'insurer', 'data', 'weeks', 'months', 'year', 'do', 'does', 'somewhere', 'else', 'sooner', 'faster', 'someone', 'speak', 'talk',
  'yes', 'good', 'morning', 'afternoon', 'evening', 'should', 'will', 'get', 'got', 'be', 'been', 'it', "it's", 'this', 'these', 'was',
  'were', 'from', 'about', 'time', 'see', 'see', 'very', 'really', 'just', 'any', 'anyone', 'help', 'human', 'person', 'surgery',
  "don't", "can't", 'cant', 'dont', 'im', 'ive', 'we', 'us', 'them', 'here', 'by', 'or', 'so',
]);
// "is", "me" and "op"-like words occur in both; they count half.
const SHARED = new Set(['is', 'me', 'ze', 'hier', 'here', 'data']);

/** The message's language: the page locale unless the words clearly say otherwise. */
export function detectLanguage(words: string[], pageLocale: Locale): Locale {
  let nl = 0;
  let en = 0;
  for (const w of words) {
    const weight = SHARED.has(w) ? 0.5 : 1;
    if (NL.has(w)) nl += weight;
    if (EN.has(w)) en += weight;
  }
  if (pageLocale === 'nl' ? en >= nl + 1.5 && en >= 2 * nl : nl >= en + 1.5 && nl >= 2 * en) return pageLocale === 'nl' ? 'en' : 'nl';
  if (nl === 0 && en === 0) return pageLocale;
  // A single strong word in a very short message ("thanks", "bedankt") is enough.
  if (words.length <= 3) {
    if (pageLocale === 'nl' && en > 0 && nl === 0) return 'en';
    if (pageLocale === 'en' && nl > 0 && en === 0) return 'nl';
  }
  return pageLocale;
}
