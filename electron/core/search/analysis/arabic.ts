/**
 * Arabic-script light stemming (Arabic and Persian), on words already normalised by normalize.ts
 * (so ة is already ه, ى and ی are ي, ک is ك, hamza and harakat are gone).
 *
 * Arabic: Larkey's light10 as Lucene's ArabicStemmer implements it: one prefix (the article and its
 * fused particles, or a lone و), then each suffix of the list in turn. Persian: plural and comparative
 * endings (ها، های، ان، ات، ترین، تر) before that. The suffix guard is stricter than Lucene's
 * (three letters must remain, where Lucene keeps two) so that short words and names such as علي,
 * بيان or زيد are not cut down to two letters that then match everything.
 */

/** Prefixes, longest first; each needs MIN_STEM letters after it. */
const PREFIXES: readonly string[] = ['وال', 'بال', 'كال', 'فال', 'ال', 'لل', 'و'];
/** Lucene's order (ها ان ات ون ين يه ية ه ة ي) after normalisation (ة → ه, so ية is يه): each is tried once, in turn. */
const ARABIC_SUFFIXES: readonly string[] = ['ها', 'ان', 'ات', 'ون', 'ين', 'يه', 'ه', 'ي'];
/** Persian endings (ی is ي after normalisation), longest first; at most one is removed. */
const PERSIAN_SUFFIXES: readonly string[] = ['ترين', 'هاي', 'ها', 'تر'];
/** Fewest letters a stem may keep. */
export const MIN_STEM = 3;

/**
 * Place names whose ending only looks like a suffix (Lucene's "stem exclusion set"): without this,
 * لبنان would stem to لبن (milk), البحرين to بحر (sea), سورية to سور (wall), كرمان to كرم. Written as
 * normalize.ts leaves them (ي for ی, ك for ک, ه for ة, bare alef), without the article (removed first).
 */
const PROTECTED: ReadonlySet<string> = new Set([
  'لبنان', 'ايران', 'عمان', 'بحرين', 'سودان', 'يونان', 'يابان', 'فلسطين', 'سوريه', 'تركيه', 'اثيوبيه',
  'تهران', 'طهران', 'اصفهان', 'كرمان', 'كرمانشاه', 'خراسان', 'گيلان', 'زنجان', 'همدان', 'ابادان', 'سمنان',
  'اذربايجان', 'اذربيجان', 'برلين', 'كرملين', 'حسين', 'عثمان', 'سلمان', 'رمضان', 'شعبان',
]);
/** Persian "-stan" (land): باكستان, كردستان, عربستان… keep their ان. */
const STAN = 'ستان';

const ARABIC_LETTERS = /^[\u0620-\u064a\u066e-\u06d3\u06fa-\u06ff]+$/;

function stripPrefix(word: string): string {
  for (const p of PREFIXES) {
    // As Lucene: a lone و is removed from words of four letters or more (وقال → قال), which also
    // shortens a few words that begin with و (وزير → زير); the exact spelling still ranks first.
    if (word.startsWith(p) && word.length - p.length >= MIN_STEM) return word.slice(p.length);
  }
  return word;
}

function stripSuffixes(word: string): string {
  let w = word;
  for (const s of PERSIAN_SUFFIXES) {
    if (w.endsWith(s) && w.length - s.length >= MIN_STEM) {
      w = w.slice(0, -s.length);
      break;
    }
  }
  for (const s of ARABIC_SUFFIXES) {
    if (w.endsWith(s) && w.length - s.length >= MIN_STEM) w = w.slice(0, -s.length);
  }
  return w;
}

/** The light stem of a normalised Arabic-script word (unchanged when it is short or not Arabic-script). */
export function stemArabicScript(term: string): string {
  if (term.length <= MIN_STEM || !ARABIC_LETTERS.test(term)) return term;
  const word = stripPrefix(term);
  if (PROTECTED.has(word) || word.endsWith(STAN)) return word;
  return stripSuffixes(word);
}
