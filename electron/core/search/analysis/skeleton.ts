/**
 * A consonant skeleton shared by Latin and Arabic-script spellings of one name, so `Araghchi` meets
 * `عراقجي` and `عراقچی` (all R-K-J). Both sides drop what transliteration does not carry reliably
 * (short vowels, the long-vowel letters ا و ي, ع and hamza; final ه / h), fold letters that English
 * sources write alike (ق غ خ ك گ → K; د ذ ض ظ ز ژ → D; س ص ث → S; ت ط → T; ج چ → J) and keep one of a
 * doubled letter. Coarse by design, hence used across scripts only, for skeletons of three consonants
 * or more, below every other kind of match, and only when asked for (`crossScriptNames`): its
 * precision is measured by bench:relevance before it may be on by default.
 */

/** Latin digraphs first (each is one Arabic letter), then single letters; vowels, w, v and y vanish. */
const LATIN_DIGRAPHS: readonly (readonly [RegExp, string])[] = [
  [/sh/g, 'X'],
  [/ch/g, 'J'],
  [/kh|gh/g, 'K'],
  [/th/g, 'S'],
  [/dh|zh/g, 'D'],
  [/ph/g, 'F'],
];
const LATIN_LETTER: Readonly<Record<string, string>> = {
  b: 'B', p: 'B', t: 'T', j: 'J', g: 'K', k: 'K', q: 'K', c: 'K', d: 'D', z: 'D', s: 'S', x: 'KS',
  f: 'F', h: 'H', l: 'L', m: 'M', n: 'N', r: 'R',
};

/** Arabic-script letters (normalised: ة → ه, ی → ي, ک → ك) → the same classes; absent letters vanish. */
const ARABIC_LETTER: Readonly<Record<string, string>> = {
  'ب': 'B', 'پ': 'B', 'ت': 'T', 'ط': 'T', 'ث': 'S', 'ج': 'J', 'چ': 'J', 'ح': 'H', 'ه': 'H',
  'خ': 'K', 'غ': 'K', 'ق': 'K', 'ك': 'K', 'گ': 'K', 'د': 'D', 'ذ': 'D', 'ض': 'D', 'ظ': 'D', 'ز': 'D', 'ژ': 'D',
  'ر': 'R', 'س': 'S', 'ص': 'S', 'ش': 'X', 'ف': 'F', 'ل': 'L', 'م': 'M', 'ن': 'N',
};

const MIN_SKELETON = 3;

function finish(classes: string): string | null {
  const key = classes.replace(/H$/, '').replace(/(.)\1+/g, '$1');
  return key.length >= MIN_SKELETON ? key : null;
}

/** The skeleton of a normalised Latin word, or null (short, digits). */
export function latinSkeleton(term: string): string | null {
  if (!/^[a-z]{3,}$/.test(term)) return null;
  let s = term;
  for (const [pattern, cls] of LATIN_DIGRAPHS) s = s.replace(pattern, cls);
  let out = '';
  for (const ch of s) out += ch >= 'A' && ch <= 'Z' ? ch : (LATIN_LETTER[ch] ?? '');
  return finish(out);
}

/** The skeleton of a normalised Arabic-script word (the article ال dropped), or null. */
export function arabicSkeleton(term: string): string | null {
  if (!/^[\u0620-\u064a\u067e\u0686\u0698\u06a9\u06af\u06cc]{3,}$/.test(term)) return null;
  const word = term.startsWith('ال') && term.length >= 5 ? term.slice(2) : term;
  let out = '';
  for (const ch of word) out += ARABIC_LETTER[ch] ?? '';
  return finish(out);
}

/** The script family of a word for cross-script matching: 'latin', 'arabic' or null. */
export function skeletonScript(term: string): 'latin' | 'arabic' | null {
  const code = term.charCodeAt(0);
  if (code >= 0x61 && code <= 0x7a) return 'latin';
  if (code >= 0x0620 && code <= 0x06ff) return 'arabic';
  return null;
}

/** The cross-script skeleton of a normalised word, or null. */
export function skeletonKey(term: string): string | null {
  const script = skeletonScript(term);
  return script === 'latin' ? latinSkeleton(term) : script === 'arabic' ? arabicSkeleton(term) : null;
}
