/**
 * Keys under which spellings of one name meet. Two words with the same key are "name variants" of
 * each other; search treats them like stems (ranked below the exact spelling).
 *
 * Latin script: the transliteration habits of Arabic and Persian names in English-language sources
 * (gh/q/g, kh/k, ou/oo/o/u, ee/i, dh/z/d, doubled letters), plus a short table of the most common
 * given names whose vowels vary beyond those rules (Mohammed/Muhammad/Mohamed…). Only words of four
 * letters or more get the generic key: below that, English words collide too easily (bin/ben, not/nut).
 *
 * Arabic script: the Persian letters that Arabic writes with its nearest letter (چ→ج, گ→ك, پ→ب,
 * ژ→ز), so عراقچی (Persian) meets عراقجي (Arabic). ی/ي and ک/ك are already one letter after normalize.
 */

/** Given names whose spellings differ in their vowels: every spelling → one key. */
const NAME_FAMILIES: readonly (readonly string[])[] = [
  ['muhammad', 'mohammed', 'mohamed', 'mohammad', 'mohamad', 'muhammed', 'mohammet', 'muhamad', 'mehmet'],
  ['ahmad', 'ahmed'],
  ['mahmoud', 'mahmud', 'mahmood'],
  ['hussein', 'hossein', 'husayn', 'husain', 'hussain', 'hosein'],
  ['hassan', 'hasan'],
  ['abdul', 'abdel', 'abdol', 'abdal'],
  ['saeed', 'said', 'saeid', 'saied', 'sayed', 'sayyid', 'seyed', 'seyyed'],
  ['youssef', 'yousef', 'yusuf', 'yousif', 'youssif', 'yusef'],
  ['mustafa', 'mostafa', 'moustafa'],
  ['ali', 'aly'],
];
const FAMILY_KEY = new Map<string, string>();
for (const family of NAME_FAMILIES) for (const spelling of family) FAMILY_KEY.set(spelling, family[0] ?? spelling);

const MIN_LATIN_NAME = 4;
const LOWER_LATIN = /^[a-z]+$/;

/**
 * The transliteration key of a normalised Latin word, or null when it gets none (short, digits).
 * One pass over the letters (this runs for every word of the dictionary when the index loads):
 * kh→k, gh→q, g→q, dh→d, z→d, ou/oo/o→u, ee→i, and a letter equal to the previous one is dropped.
 */
export function latinNameKey(term: string): string | null {
  const family = FAMILY_KEY.get(term);
  if (family !== undefined) return family;
  if (term.length < MIN_LATIN_NAME || !LOWER_LATIN.test(term)) return null;
  let key = '';
  let last = '';
  for (let i = 0; i < term.length; i++) {
    const c = term[i] ?? '';
    const next = term[i + 1];
    let out = c;
    if ((c === 'k' || c === 'g' || c === 'd') && next === 'h') {
      out = c === 'g' ? 'q' : c;
      i++;
    } else if (c === 'g') out = 'q';
    else if (c === 'z') out = 'd';
    else if (c === 'o') {
      out = 'u';
      if (next === 'u' || next === 'o') i++;
    } else if (c === 'e' && next === 'e') {
      out = 'i';
      i++;
    }
    if (out !== last) key += out;
    last = out;
  }
  return key;
}

/** Persian letters → the Arabic letter an Arabic source writes for them. */
const ARABIC_FOLD: Readonly<Record<string, string>> = {
  '\u0686': '\u062c', // چ → ج
  '\u06af': '\u0643', // گ → ك
  '\u067e': '\u0628', // پ → ب
  '\u0698': '\u0632', // ژ → ز
};
const ARABIC_FOLD_PATTERN = /[\u0686\u06af\u067e\u0698]/g;
const ARABIC_WORD = /^[\u0620-\u064a\u066e-\u06d3\u06fa-\u06ff]{3,}$/;

/** The letter-folded key of a normalised Arabic-script word of three letters or more, or null. */
export function arabicNameKey(term: string): string | null {
  if (!ARABIC_WORD.test(term)) return null;
  return term.replace(ARABIC_FOLD_PATTERN, (ch) => ARABIC_FOLD[ch] ?? ch);
}

/** The name key of a normalised word in either script, or null. */
export function nameKey(term: string): string | null {
  const code = term.charCodeAt(0);
  if (code < 0x80) return latinNameKey(term);
  if (code >= 0x0600 && code <= 0x06ff) return arabicNameKey(term);
  return null;
}
