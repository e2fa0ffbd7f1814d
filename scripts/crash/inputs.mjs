/**
 * Inputs for the crash runs: small articles in English, Arabic and Persian as .txt, .md or .html, each with a
 * made-up word in its title and text so that it is unique (no duplicate import) and can be found by search.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';

const SENTENCES = {
  en: [
    'Officials in Manama said on Tuesday that the first round of talks with Tehran had ended without a joint statement.',
    'The foreign ministry spokesman told reporters that embassies could reopen within two months if the talks continue.',
    'Analysts at the Gulf Research Centre noted that shipping insurance rates in the Strait of Hormuz fell by 4 percent in March.',
    'A senior diplomat, speaking on condition of anonymity, said the Omani mediators had carried three drafts between the delegations.',
    'The central bank reported reserves of $4.2 billion on 12 March 2023, the lowest level since the 2016 rupture.',
    'Opposition newspapers questioned whether the agreement would survive the parliamentary elections planned for November.',
  ],
  ar: [
    'قال مسؤولون في المنامة يوم الثلاثاء إن الجولة الأولى من المحادثات مع طهران انتهت دون بيان مشترك.',
    'وأوضح المتحدث باسم وزارة الخارجية للصحفيين أن السفارتين قد تعيدان فتح أبوابهما خلال شهرين إذا استمرت المحادثات.',
    'وأشار محللون في مركز الخليج للأبحاث إلى أن أسعار التأمين البحري في مضيق هرمز تراجعت بنسبة ٤ بالمئة في مارس.',
    'وقال دبلوماسي رفيع، طلب عدم ذكر اسمه، إن الوسطاء العمانيين نقلوا ثلاث مسودات بين الوفدين.',
    'وأعلن المصرف المركزي أن الاحتياطيات بلغت ٤٫٢ مليار دولار في ١٢ مارس ٢٠٢٣، وهو أدنى مستوى منذ القطيعة عام 2016.',
  ],
  fa: [
    'مقام‌های منامه روز سه‌شنبه گفتند نخستین دور گفت‌وگوها با تهران بدون بیانیهٔ مشترک به پایان رسید.',
    'سخنگوی وزارت امور خارجه به خبرنگاران گفت اگر گفت‌وگوها ادامه یابد، سفارتخانه‌ها ظرف دو ماه بازگشایی می‌شوند.',
    'تحلیلگران مرکز پژوهش‌های خلیج فارس گفتند نرخ بیمهٔ کشتیرانی در تنگهٔ هرمز در اسفند ۱۴۰۱ چهار درصد کاهش یافت.',
    'یک دیپلمات ارشد که نخواست نامش فاش شود گفت میانجی‌های عمانی سه پیش‌نویس را میان دو هیئت جابه‌جا کرده‌اند.',
    'بانک مرکزی ذخایر ارزی را در ۲۱ اسفند ۱۴۰۱ معادل 4.2 میلیارد دلار اعلام کرد.',
  ],
};

const TITLES = {
  en: (word) => `Gulf talks briefing ${word}: embassies and shipping`,
  ar: (word) => `تقرير ${word}: محادثات المنامة وطهران`,
  fa: (word) => `گزارش ${word}: گفت‌وگوهای منامه و تهران`,
};

const escapeHtml = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Paragraphs of an article: shuffled sentences, one of them carrying the article's word. */
export function paragraphs(rng, language, word) {
  const pool = SENTENCES[language];
  const count = rng.int(3, 6);
  const out = [];
  for (let i = 0; i < count; i++) {
    const a = rng.pick(pool);
    const b = rng.pick(pool);
    out.push(a === b ? a : `${a} ${b}`);
  }
  out.splice(rng.int(0, out.length), 0, `Reference ${word} ${rng.word(6)}: filed by the desk.`);
  return out;
}

/**
 * Writes one article file into `dir` and returns what the checks need: its path, SHA-256 and search word.
 * Formats: .txt (first line is the title), .md (# heading), .html (<title> and <p>s).
 */
export function writeArticle(rng, dir, index) {
  mkdirSync(dir, { recursive: true });
  const language = rng.pick(['en', 'en', 'ar', 'fa']);
  const word = rng.word();
  const title = TITLES[language](word);
  const body = paragraphs(rng, language, word);
  const format = rng.pick(['txt', 'md', 'html']);
  let content;
  if (format === 'txt') content = `${title}\n\n${body.join('\n\n')}\n`;
  else if (format === 'md') content = `# ${title}\n\n${body.join('\n\n')}\n`;
  else {
    const dirAttr = language === 'en' ? 'ltr' : 'rtl';
    content = `<!doctype html><html lang="${language}" dir="${dirAttr}"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head>` +
      `<body><article><h1>${escapeHtml(title)}</h1>${body.map((p) => `<p>${escapeHtml(p)}</p>`).join('')}</article></body></html>\n`;
  }
  const path = join(dir, `${String(index).padStart(3, '0')}-${word}.${format}`);
  const bytes = Buffer.from(content, 'utf8');
  writeFileSync(path, bytes);
  return { path, word, sha256: createHash('sha256').update(bytes).digest('hex') };
}

/**
 * A corrected text for `quire update`: some of the old paragraphs kept (so highlights re-anchor), one new one
 * carrying `marker`. An earlier correction's paragraph is dropped, so a text names exactly one correction.
 */
export function correctedText(rng, oldText, marker) {
  const old = oldText.split(/\n\n+/).filter((p) => p.trim() !== '' && !/^Correction q[a-z]+:/.test(p.trim()));
  const kept = old.filter(() => rng.chance(0.7));
  kept.splice(rng.int(0, kept.length), 0, `Correction ${marker}: the desk revised this report.`);
  return `${kept.join('\n\n')}\n`;
}
