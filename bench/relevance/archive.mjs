/**
 * The relevance benchmark's archive: the project's fixtures plus a few thousand generated news stories
 * in English, Arabic and Persian, deterministic from a seed (article i of a language is always the same).
 *
 * Every article carries `meta`, what it is about, written down when it is generated and independent of any
 * analyser: its topic (2 = the story is about it), a secondary topic (1 = one background sentence), the
 * person who leads it (2) and a person it mentions (1), its city and the countries involved. Judgments
 * (judge.mjs) are derived from this, so a judged id means "an editor would file this story under the need".
 *
 * No dependency on the build: the unit tests import this module directly.
 */
import { readFileSync } from 'node:fs';
import { toJalaali } from 'jalaali-js';
import { CONTEXT_AR, INCIDENTAL_AR, PLAYERS_AR, SOFT_AR } from './soft-ar.mjs';
import { CONTEXT_EN, INCIDENTAL_EN, PLAYERS_EN, SOFT_EN } from './soft-en.mjs';
import { CONTEXT_FA, INCIDENTAL_FA, PLAYERS_FA, SOFT_FA } from './soft-fa.mjs';
import { TOPICS_AR } from './topics-ar.mjs';
import { TOPICS_EN } from './topics-en.mjs';
import { TOPICS_FA } from './topics-fa.mjs';
import { CITIES, COUNTRIES, PEOPLE, SOURCES, TAGS } from './world.mjs';

export const ARCHIVE_SEED = 20261203;
/** Generated stories per language (plus the 4 fixtures). */
export const COUNTS = { en: 1000, ar: 800, fa: 800 };
/** Share of stories on a political topic (the rest: sport, culture, weather, science, health, lookalikes). */
const POLITICAL_SHARE = 0.45;
/**
 * How often each political topic is covered, relative to the others: a few topics fill an archive (talks,
 * sanctions, oil), most are occasional (a Zipf-like spread, as in any news archive).
 */
const TOPIC_WEIGHT = {
  talks: 3, sanctions: 3, oil_exports: 2.5, elections: 2, protests: 2, drones: 2, investment: 1.5, prisoners: 1,
  embassy: 0.7, earthquake: 0.6, refinery: 0.6, pilgrims: 0.5, flights: 0.5, university: 0.5,
};

const TOPICS = { en: TOPICS_EN, ar: TOPICS_AR, fa: TOPICS_FA };
const SOFT = { en: SOFT_EN, ar: SOFT_AR, fa: SOFT_FA };
const INCIDENTAL = { en: INCIDENTAL_EN, ar: INCIDENTAL_AR, fa: INCIDENTAL_FA };
const CONTEXT = { en: CONTEXT_EN, ar: CONTEXT_AR, fa: CONTEXT_FA };
const PLAYERS = { en: PLAYERS_EN, ar: PLAYERS_AR, fa: PLAYERS_FA };
/** Stories set in one country (the actor's): the city is one of its cities. */
const DOMESTIC = new Set(['oil_exports', 'drones', 'elections', 'protests', 'earthquake', 'refinery', 'university']);
const MAIN_COUNTRIES = ['iran', 'saudi', 'iraq', 'oman', 'qatar', 'lebanon', 'bahrain', 'turkey'];

function weighted(rand, weights) {
  const keys = Object.keys(weights);
  let x = rand() * keys.reduce((sum, k) => sum + weights[k], 0);
  for (const k of keys) {
    x -= weights[k];
    if (x < 0) return k;
  }
  return keys[keys.length - 1];
}

/** mulberry32: small, fast, good enough for a benchmark generator. */
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

const EN_MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const AR_MONTHS = ['يناير', 'فبراير', 'مارس', 'أبريل', 'مايو', 'يونيو', 'يوليو', 'أغسطس', 'سبتمبر', 'أكتوبر', 'نوفمبر', 'ديسمبر'];
const FA_MONTHS = ['فروردین', 'اردیبهشت', 'خرداد', 'تیر', 'مرداد', 'شهریور', 'مهر', 'آبان', 'آذر', 'دی', 'بهمن', 'اسفند'];
const FA_GREGORIAN = ['ژانویه', 'فوریه', 'مارس', 'آوریل', 'مه', 'ژوئن', 'ژوئیه', 'اوت', 'سپتامبر', 'اکتبر', 'نوامبر', 'دسامبر'];

function digits(text, set) {
  if (set === 'latin') return text;
  const zero = set === 'arabic' ? 0x0660 : 0x06f0;
  return text.replace(/[0-9]/g, (d) => String.fromCharCode(zero + Number(d)));
}

const GENERIC = {
  en: ['a government spokesman', 'the spokesman'],
  ar: ['متحدث باسم الحكومة', 'المتحدث'],
  fa: ['سخنگوی دولت', 'سخنگو'],
};

function personName(key, lang, sourceIndex) {
  const p = PEOPLE[key];
  if (lang === 'en') {
    const [full, short] = p.en[sourceIndex % p.en.length];
    return { full, short, titled: `${p.title.en} ${full}` };
  }
  const [full, short] = p[lang];
  return { full, short, titled: lang === 'ar' ? `${p.title.ar} ${full}` : `${full}، ${p.title.fa}،` };
}

const MENTION = {
  en: (name, city) => `${name} is due in ${city} next week, officials said.`,
  ar: (name, city) => `ومن المقرر أن يزور ${name} ${city} الأسبوع المقبل.`,
  fa: (name, city) => `قرار است ${name} هفته آینده به ${city} سفر کند.`,
};

function formatDate(lang, day, digitSet, rand) {
  const d = new Date(Date.UTC(2019, 0, 1) + day * 86_400_000);
  const [y, m, dd] = [d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()];
  if (lang === 'en') return { date: rand() < 0.5 ? `${dd} ${EN_MONTHS[m]} ${y}` : `${EN_MONTHS[m]} ${dd}`, month: EN_MONTHS[m] };
  if (lang === 'ar') return { date: digits(`${dd} ${AR_MONTHS[m]} ${y}`, digitSet), month: AR_MONTHS[m] };
  const j = toJalaali(y, m + 1, dd);
  if (rand() < 0.75) return { date: digits(`${j.jd} ${FA_MONTHS[j.jm - 1]} ${j.jy}`, digitSet), month: FA_MONTHS[j.jm - 1] };
  return { date: digits(`${dd} ${FA_GREGORIAN[m]} ${y}`, digitSet), month: FA_GREGORIAN[m] };
}

/** Story `i` of language `lang`. */
export function generatedArticle(lang, i) {
  const rand = rng(ARCHIVE_SEED ^ Math.imul(i + 1, 2654435761) ^ (lang === 'en' ? 0x1111 : lang === 'ar' ? 0x2222 : 0x3333));
  const pick = (list) => list[Math.floor(rand() * list.length)];
  const political = rand() < POLITICAL_SHARE;
  const pool = political ? TOPICS[lang] : SOFT[lang];
  const topic = political ? weighted(rand, TOPIC_WEIGHT) : pick(Object.keys(pool));
  const def = pool[topic];
  const variant = pick(def.variants);
  const sourceIndex = Math.floor(rand() * SOURCES[lang].length);
  const digitSet = lang === 'en' ? 'latin' : lang === 'ar' ? (sourceIndex % 2 === 0 ? 'arabic' : 'latin') : sourceIndex === 4 ? 'latin' : 'persian';

  const actor = def.people.length > 0 && (rand() < 0.6 || !political) ? pick(def.people) : null;
  const cityKeys = Object.keys(CITIES);
  let country = actor ? PEOPLE[actor].country : pick(MAIN_COUNTRIES);
  let city;
  if (DOMESTIC.has(topic) || !political) {
    const local = cityKeys.filter((k) => CITIES[k].country === country);
    city = local.length > 0 ? pick(local) : pick(cityKeys);
    if (!actor) country = CITIES[city].country;
  } else {
    city = pick(cityKeys);
  }
  let country2 = pick(MAIN_COUNTRIES);
  while (country2 === country) country2 = pick(MAIN_COUNTRIES);

  const day = Math.floor(rand() * 7 * 365);
  const { date, month } = formatDate(lang, day, digitSet, rand);
  const who = actor ? personName(actor, lang, sourceIndex) : { titled: GENERIC[lang][0], short: GENERIC[lang][1] };
  const countryName = (k) => (lang === 'en' ? COUNTRIES[k].en : COUNTRIES[k][lang]);
  const numbers = {};
  const c = {
    city: CITIES[city][lang],
    country: countryName(country),
    country2: countryName(country2),
    adj: lang === 'en' ? COUNTRIES[country].adj : lang === 'ar' ? COUNTRIES[country].arAdj : COUNTRIES[country].faAdj,
    date,
    month,
    who: who.titled,
    name: who.short,
    player: pick(PLAYERS[lang]),
    // One draw per range and story, so the title and the lead give the same figure.
    num: (a, b) => (numbers[`${a}-${b}`] ??= digits(String(a + Math.floor(rand() * (b - a + 1))), digitSet)),
    pick,
  };

  const sentences = [variant.lead(c)];
  const more = [...variant.more];
  const moreCount = Math.min(more.length, 2 + Math.floor(rand() * 3));
  for (let k = 0; k < moreCount; k++) sentences.push(more.splice(Math.floor(rand() * more.length), 1)[0](c));

  let topic2 = null;
  if (rand() < 0.15) {
    topic2 = weighted(rand, TOPIC_WEIGHT);
    while (topic2 === topic) topic2 = weighted(rand, TOPIC_WEIGHT);
    sentences.push(TOPICS[lang][topic2].background(c));
  }
  let mention = null;
  if (political && rand() < 0.2) {
    const candidates = Object.keys(PEOPLE).filter((k) => k !== actor);
    mention = pick(candidates);
    const otherCity = CITIES[pick(cityKeys)][lang];
    sentences.push(MENTION[lang](personName(mention, lang, sourceIndex).full, otherCity));
  }
  // Stories on other subjects use the bare topic words in passing (political stories keep to their subject).
  const incidental = !political && rand() < 0.8 ? 1 + Math.floor(rand() * 2) : 0;
  for (let k = 0; k < incidental; k++) sentences.push(pick(INCIDENTAL[lang])(c));

  const context = [...CONTEXT[lang]];
  for (let k = 1 + Math.floor(rand() * 3); k > 0; k--) sentences.push(context.splice(Math.floor(rand() * context.length), 1)[0](c));
  if (lang === 'en') sentences.forEach((s, k) => (sentences[k] = s.charAt(0).toUpperCase() + s.slice(1)));

  // Paragraphs of one to three sentences, as wire copy is laid out.
  const paragraphs = [];
  for (let k = 0; k < sentences.length; ) {
    const n = k === 0 ? 1 : 1 + Math.floor(rand() * 3);
    paragraphs.push(sentences.slice(k, k + n).join(' '));
    k += n;
  }
  const title = variant.title(c);
  const body = paragraphs.join('\n\n');
  const all = `${title}\n${body}`;
  // Judgments rest on what the text says: a person counts only if named, a country only if named
  // (its name, adjective or one of its cities, as this generator wrote them).
  const named = (key) => key !== null && [personName(key, lang, sourceIndex).full, personName(key, lang, sourceIndex).short].some((n) => all.includes(n));
  const { cities, countries } = placesNamed(lang, all);
  const tags = new Set([pick(TAGS)]);
  if (rand() < 0.5) tags.add(pick(TAGS));
  const published = new Date(Date.UTC(2019, 0, 1) + day * 86_400_000).toISOString().slice(0, 10);
  return {
    id: `rel-${lang}-${String(i).padStart(5, '0')}`,
    lang,
    title,
    source: SOURCES[lang][sourceIndex],
    publishedAt: published,
    tags: [...tags],
    text: body,
    meta: {
      topic,
      topic2,
      actor: named(actor) ? actor : null,
      mention: named(mention) ? mention : null,
      /** Where the story happens: the actor's (or the city's) country. */
      country: countries.includes(country) ? country : CITIES[city].country,
      cities,
      countries,
    },
  };
}

/** The cities and countries a text names, as this generator writes them. */
function placesNamed(lang, text) {
  return {
    cities: Object.keys(CITIES).filter((k) => names(lang, text, CITIES[k][lang])),
    countries: Object.keys(COUNTRIES).filter((k) => countryStrings(k, lang).some((n) => names(lang, text, n))),
  };
}

const wordPatterns = new Map();
/**
 * Whether `text` names `name` as a word, not inside another (وین, Vienna, is inside می‌گویند), allowing
 * one Arabic clitic letter written onto it (والرياض، بطهران).
 */
function names(lang, text, name) {
  const key = `${lang}\u0000${name}`;
  let re = wordPatterns.get(key);
  if (!re) {
    const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const clitic = lang === 'en' ? '' : '(?:[وبلفك])?';
    re = new RegExp(`(?<![\\p{L}\\p{M}])${clitic}${escaped}(?![\\p{L}\\p{M}])`, 'u');
    wordPatterns.set(key, re);
  }
  return re.test(text);
}

/** How `lang` writes a country: its name, its adjective, its cities. */
function countryStrings(key, lang) {
  const k = COUNTRIES[key];
  const own = lang === 'en' ? [k.en, k.adj] : lang === 'ar' ? [k.ar, k.arAdj] : [k.fa, k.faAdj];
  return [...own, ...Object.values(CITIES).filter((city) => city.country === key).map((city) => city[lang])];
}

/**
 * The fixtures (tests/fixtures), judged by hand: what each is about. The HTML page is the same story as
 * the .txt and is left out (an archive keeps one copy).
 */
const FIXTURES = [
  {
    id: 'fx-bahrain-iran-coordination',
    file: 'bahrain-iran-coordination.txt',
    lang: 'en',
    title: 'Bahrain to continue coordination with Iran to restore diplomatic ties',
    meta: { topic: 'relations', topic2: 'embassy', actor: 'araghchi', mention: null, country: 'bahrain' },
  },
  {
    id: 'fx-manama-tehran-talks-ar',
    file: 'manama-tehran-talks.ar.txt',
    lang: 'ar',
    meta: { topic: 'relations', topic2: 'embassy', actor: 'araghchi', mention: null, country: 'bahrain' },
  },
  {
    id: 'fx-manama-tehran-talks-fa',
    file: 'manama-tehran-talks.fa.txt',
    lang: 'fa',
    meta: { topic: 'relations', topic2: null, actor: 'araghchi', mention: null, country: 'bahrain' },
  },
  {
    id: 'fx-beijing-deal-briefing',
    file: 'beijing-deal-briefing.md',
    lang: 'en',
    meta: { topic: 'embassy', topic2: null, actor: null, mention: null, country: 'iran' },
  },
];

function fixtureArticle(f) {
  let text = readFileSync(new URL(`../../tests/fixtures/${f.file}`, import.meta.url), 'utf8').replace(/\r\n/g, '\n');
  let title = f.title;
  const front = /^---\n([\s\S]*?)\n---\n/.exec(text);
  if (front) {
    title = /title:\s*"?(.*?)"?\s*$/m.exec(front[1])?.[1];
    text = text.slice(front[0].length).replace(/^#+\s*/gm, '').replace(/\*\*?|^> /gm, '');
  }
  if (!title) {
    const [first, ...rest] = text.trim().split('\n');
    title = first.trim();
    text = rest.join('\n');
  }
  text = text.trim();
  const meta = { ...f.meta, ...placesNamed(f.lang, `${title}\n${text}`) };
  return { id: f.id, lang: f.lang, title, source: 'Fixture', publishedAt: '2024-11-01', tags: ['diplomacy'], text, meta };
}

/** The whole archive, fixtures first. ~3,300 articles; generating it takes well under a second. */
export function generateArchive(counts = COUNTS) {
  const out = FIXTURES.map(fixtureArticle);
  for (const lang of ['en', 'ar', 'fa']) for (let i = 0; i < counts[lang]; i++) out.push(generatedArticle(lang, i));
  return out;
}
