// eslint-disable-next-line @typescript-eslint/triple-slash-reference -- the package has no types; the tests' tsconfig only sees this declaration through this reference
/// <reference path="./wink-porter2-stemmer.d.ts" />
/**
 * English: the Porter2 (Snowball English) stemmer, as maintained in `wink-porter2-stemmer`.
 * "embassies" and "embassy" both become "embassi"; "sanctions", "sanctioned" → "sanction".
 */
import porter2 from 'wink-porter2-stemmer';

/** Words shorter than this are left alone (Porter2 itself leaves most of them, and "as"/"us"/"is" are noise). */
const MIN_LENGTH = 3;

/** The Porter2 stem of a normalised (lower-case) ASCII word; digits and short words are returned as they are. */
export function stemEnglish(term: string): string {
  if (term.length < MIN_LENGTH || !/^[a-z]+$/.test(term)) return term;
  return porter2(term);
}
