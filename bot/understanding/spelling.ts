/**
 * Narrow spelling correction towards the words the module knows (training corpus, lexicons,
 * cue words): "uitgestelt" → "uitgesteld", "ooperatie" → "operatie", "wachtijd" → "wachttijd".
 * Only longer words are corrected and only to a unique nearest word, because every
 * correction of a correct but unknown word ("morgen" → "zorgen") adds false evidence.
 */
import { distance } from 'fastest-levenshtein';

export class Vocabulary {
  private readonly known: Set<string>;
  private readonly byLength = new Map<number, string[]>();
  private readonly cache = new Map<string, string>();

  constructor(words: Iterable<string>) {
    this.known = new Set(words);
    for (const w of this.known) {
      if (w.length < 5 || /\d/.test(w)) continue;
      const list = this.byLength.get(w.length) ?? [];
      list.push(w);
      this.byLength.set(w.length, list);
    }
  }

  has(word: string): boolean {
    return this.known.has(word);
  }

  /** The known word this token most likely misspells, or the token itself. */
  correct(token: string): string {
    if (token.length < 6 || this.known.has(token) || /\d/.test(token)) return token;
    const hit = this.cache.get(token);
    if (hit !== undefined) return hit;
    const max = token.length >= 10 ? 2 : 1;
    let best = token;
    let bestD = max + 1;
    let tie = false;
    for (let len = token.length - max; len <= token.length + max; len++) {
      for (const w of this.byLength.get(len) ?? []) {
        if (w[0] !== token[0]) continue; // typing errors rarely hit the first letter
        const d = distance(token, w);
        if (d < bestD) {
          best = w;
          bestD = d;
          tie = false;
        } else if (d === bestD && w !== best) tie = true;
      }
    }
    const out = bestD <= max && !tie ? best : token;
    if (this.cache.size > 50_000) this.cache.clear();
    this.cache.set(token, out);
    return out;
  }
}
