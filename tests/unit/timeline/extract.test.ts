import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES } from '../importers/fixtures.js';
import { extractDates } from '../../../electron/core/timeline/extract.js';

const TODAY = '2026-12-01';
/** "date precision [flags]" for each mention, in text order. */
function read(text: string, publishedAt: string | null = null): string[] {
  return extractDates(text, { publishedAt, today: TODAY }).map((m) => [m.date, m.precision, ...m.flags].join(' '));
}
function texts(text: string, publishedAt: string | null = null): string[] {
  return extractDates(text, { publishedAt, today: TODAY }).map((m) => m.text);
}

describe('English', () => {
  it('reads days, months and years as written', () => {
    expect(read('Talks resumed on 5 January 2016 in Muscat.')).toEqual(['2016-01-05 day']);
    expect(read('Talks resumed on Jan. 5, 2016, in Muscat.')).toEqual(['2016-01-05 day']);
    expect(read('The deal was signed in March 2023.')).toEqual(['2023-03 month']);
    expect(read('Relations have been frozen since 2016.')).toEqual(['2016 year']);
    expect(read('Protests began in early 2011 and spread.')).toEqual(['2011 year']);
  });

  it('keeps out impossible dates, counts and page numbers', () => {
    expect(read('The memo is dated 31 February 2016.')).toEqual([]);
    expect(read('Officials said 2016 people were detained.')).toEqual([]);
    expect(read('See page 2016 of the report.')).toEqual([]);
    expect(read('Turnout was 2016 votes higher.')).toEqual([]);
  });

  it('anchors yearless and relative dates to the published date, never after it', () => {
    expect(read('In October, the ministers met.', '2024-12-03')).toEqual(['2024-10 month relative']);
    expect(read('In October, the ministers met.', '2024-03-10')).toEqual(['2023-10 month relative']);
    expect(read('On March 5 the envoy arrived.', '2024-03-04')).toEqual(['2023-03-05 day relative']);
    expect(read('The minister spoke last Tuesday.', '2024-12-05')).toEqual(['2024-12-03 day relative']);
    expect(read('The minister spoke last Tuesday.', '2024-12-03')).toEqual(['2024-11-26 day relative']);
    expect(read('The minister spoke on Tuesday.', '2024-12-03')).toEqual(['2024-12-03 day relative']);
    expect(read('The minister spoke yesterday.', '2024-12-05T09:00:00.000Z')).toEqual(['2024-12-04 day relative']);
  });

  it('gives no year to a yearless or relative date without a published date', () => {
    expect(read('In October, the ministers met.')).toEqual([]);
    expect(read('The minister spoke last Tuesday.')).toEqual([]);
    // A month-only published date anchors months but not days.
    expect(read('The minister spoke yesterday.', '2024-12')).toEqual([]);
  });

  it('does not take durations, times or verbs for dates', () => {
    expect(read('Embassies will re-open within two months.', '2023-03-11')).toEqual([]);
    expect(read('The meeting starts at 3pm.', '2023-03-11')).toEqual([]);
    expect(read('Thousands march through the capital.', '2023-03-11')).toEqual([]);
    expect(read('Officials may meet again.', '2023-03-11')).toEqual([]);
  });

  it('flags dates after the published date as future, and ambiguous numeric dates', () => {
    expect(read('Elections are due in June 2025.', '2024-12-03')).toEqual(['2025-06 month future']);
    expect(read('The decree of 5/6/2016 was annulled.')).toEqual(['2016-05-06 day ambiguous']);
    // Without a published date, "future" is measured from today.
    expect(read('The plan runs until 2030.')).toEqual(['2030 year future']);
  });

  it('reads a range as one mention from its first to its last day', () => {
    const [m] = extractDates('Talks ran from 3 to 5 March 2024 in Doha.', { publishedAt: null, today: TODAY });
    expect(m).toMatchObject({ date: '2024-03-03', precision: 'day', startDay: '2024-03-03', endDay: '2024-03-05', flags: ['range'] });
  });
});

describe('Arabic', () => {
  it('reads both month series and the combined form, with either digit set', () => {
    expect(read('قطعت البحرين علاقاتها في كانون الثاني/يناير ٢٠١٦ بعد الهجوم.')).toEqual(['2016-01 month']);
    expect(read('وفي آذار/مارس ٢٠٢٣ توصّلت طهران والرياض إلى اتفاق.')).toEqual(['2023-03 month']);
    expect(read('وقّع الطرفان الاتفاق في مارس 2023 في بكين.')).toEqual(['2023-03 month']);
    expect(read('زار الوزير المنامة في أيار ٢٠٢٤.')).toEqual(['2024-05 month']);
    expect(read('اجتمع الوزيران في تشرين الثاني (نوفمبر) ٢٠٢٤.')).toEqual(['2024-11 month']);
  });

  it('reads day-month-year forms and clitics', () => {
    expect(read('اقتحم محتجون السفارة في ٢ كانون الثاني/يناير ٢٠١٦.')).toEqual(['2016-01-02 day']);
    expect(read('وصل الوفد في 15 أغسطس 2024 إلى طهران.')).toEqual(['2024-08-15 day']);
    expect(read('التقى الوزيران بـآذار ٢٠٢٣ في بكين.')).toEqual(['2023-03 month']);
    expect(texts('منذ يناير ٢٠١٦ لم تُفتح السفارة.')).toEqual(['يناير ٢٠١٦']);
    expect(read('أعلنت الوزارة في ١٥/٠٣/٢٠٢٣ استئناف العلاقات.')).toEqual(['2023-03-15 day']);
  });

  it('tolerates marks, tatweel and hamza variants', () => {
    expect(read('وفي اكتوبر ٢٠٢٤ التقى الوزير بالملك.')).toEqual(['2024-10 month']);
    expect(read('وفي تشرين الأوّل ٢٠٢٤ التقى الوزير بالملك.')).toEqual(['2024-10 month']);
    expect(read('وفي إبريل ٢٠٢٤ عُقد الاجتماع.')).toEqual(['2024-04 month']);
  });

  it('anchors a yearless month after a cue word, and guesses no year without a published date', () => {
    expect(read('وفي تشرين الأول/أكتوبر التقى عراقجي بالملك حمد.', '2024-12-03')).toEqual(['2024-10 month relative']);
    expect(read('وفي تشرين الأول/أكتوبر التقى عراقجي بالملك حمد.')).toEqual([]);
  });

  it('keeps out impossible dates, counts, lunar Hijri years and words that look like months', () => {
    expect(read('صدر القرار في ٣١ شباط ٢٠١٦.')).toEqual([]);
    expect(read('سجّلت الوزارة في ٢٠١٦ حالة جديدة.')).toEqual([]);
    expect(read('توفي الشيخ عام ١٤٣٧هـ في الرياض.')).toEqual([]);
    expect(read('قال مارسيل إن الحوار مستمر.', '2024-12-03')).toEqual([]);
    expect(read('أُعدم الشيخ نمر النمر عام ٢٠١٦م.')).toEqual(['2016 year']);
  });
});

describe('Persian', () => {
  it('reads Gregorian months as the Iranian press writes them, with ZWNJ and ezafe', () => {
    expect(read('بحرین در ژانویه ۲۰۱۶ روابط خود را با ایران قطع کرد.')).toEqual(['2016-01 month']);
    expect(read('توافق پکن در مارس ۲۰۲۳ امضا شد.')).toEqual(['2023-03 month']);
    expect(read('دیدار در اکتبر ۲۰۲۴ در منامه برگزار شد.')).toEqual(['2024-10 month']);
    expect(read('در ۱۵ ژانویهٔ ۲۰۱۶ سفارت بسته شد.')).toEqual(['2016-01-15 day']);
    expect(read('او در ژوئیه‌ی ۲۰۲۴ به منامه رفت.')).toEqual(['2024-07 month']);
  });

  it('converts Solar Hijri months to the Gregorian month holding most of them, with exact bounds', () => {
    const [dey] = extractDates('روابط در دی ۱۳۹۴ قطع شد.', { publishedAt: null, today: TODAY });
    expect(dey).toMatchObject({ date: '2016-01', precision: 'month', startDay: '2015-12-22', endDay: '2016-01-20', flags: ['solar-hijri'] });
    expect(read('در ۱۲ دی ۱۳۹۴ سفارت عربستان در تهران مورد حمله قرار گرفت.')).toEqual(['2016-01-02 day solar-hijri']);
    expect(read('توافق در اسفند ۱۴۰۱ در پکن امضا شد.')).toEqual(['2023-03 month solar-hijri']);
    expect(read('این رویداد در سال ۱۳۹۴ رخ داد.')).toEqual(['2015 year solar-hijri']);
    expect(read('در تاریخ ۱۳۹۴/۱۰/۱۲ اعلام شد.')).toEqual(['2016-01-02 day solar-hijri']);
  });

  it('keeps out impossible Solar Hijri dates and everyday words that are month names', () => {
    expect(read('در ۳۲ دی ۱۳۹۴ اعلام شد.')).toEqual([]);
    expect(read('در ۳۰ اسفند ۱۴۰۱ اعلام شد.')).toEqual([]); // 1401 is not a leap year
    expect(read('مه غلیظی شهر را پوشاند.', '2024-12-03')).toEqual([]);
    expect(read('تیر به هدف خورد.', '2024-12-03')).toEqual([]);
    expect(read('او می‌گوید که در ماه اکتبر سفر می‌کند.')).toEqual([]);
  });

  it('reads Persian and ASCII digits alike', () => {
    expect(read('در ژانویه 2016 روابط قطع شد.')).toEqual(['2016-01 month']);
  });
});

describe('Arabic and Persian relative words', () => {
  it('counts them from the published day, and leaves spans and bare weekday names alone', () => {
    expect(read('وقال المتحدث إن اللقاء جرى أمس في الدوحة.', '2024-11-20')).toEqual(['2024-11-19 day relative']);
    expect(read('وزار الوزير موسكو الشهر الماضي.', '2024-01-15')).toEqual(['2023-12 month relative']);
    expect(read('وصل الوفد يوم الثلاثاء الماضي.', '2024-12-03')).toEqual(['2024-11-26 day relative']);
    expect(read('وزیر خارجه دیروز وارد دوحه شد.', '2024-11-20')).toEqual(['2024-11-19 day relative']);
    expect(read('پارسال تجارت دو کشور کاهش یافت.', '2024-12-03')).toEqual(['2023 year relative']);
    expect(read('وزیر گفت در ماه آینده به بحرین می‌رود.', '2024-12-20')).toEqual(['2025-01 month relative future']);
    // "In the past two months" is a span; a bare weekday is a prayer or a name; without a published date, nothing.
    expect(read('در دو ماه گذشته تنش‌ها کاهش یافت.', '2024-12-03')).toEqual([]);
    expect(read('أُقيمت صلاة الجمعة في المسجد.', '2024-12-03')).toEqual([]);
    expect(read('وقال المتحدث إن اللقاء جرى أمس في الدوحة.')).toEqual([]);
  });
});

describe('robustness', () => {
  it('never throws on odd text and finds nothing in text without dates', () => {
    expect(read('')).toEqual([]);
    expect(read('\n\n\u200c\u200f ٫٬ / - . ؟')).toEqual([]);
    expect(() => extractDates('x'.repeat(50_000) + ' 2016 ' + '٢'.repeat(10_000), { publishedAt: 'not a date' })).not.toThrow();
  });

  it('gives only well-formed mentions for hostile and random input', () => {
    const file = JSON.parse(readFileSync(join(FIXTURES, 'xss-vectors.json'), 'utf8')) as { vectors: { payload: string }[] };
    const hostile = file.vectors.map((v) => v.payload);
    expect(hostile.length).toBeGreaterThan(200);
    let seed = 12345;
    const random = (): number => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const alphabet = ['0', '1', '2', '9', '/', '-', '.', ' ', '\n', '٢', '۱', 'ژانویه', 'دی', 'كانون الثاني', 'آذار/مارس', 'January', 'March', 'last', 'in', 'عام', 'سال', '\u200c', 'ـ', 'ّ', ',', '31', '2016'];
    const noise = Array.from({ length: 200 }, () => Array.from({ length: 30 }, () => alphabet[Math.floor(random() * alphabet.length)]).join(''));
    let total = 0;
    for (const text of [...hostile, ...noise]) {
      for (const publishedAt of [null, '2024-12-03', '2024-02-29T23:59:59Z']) {
        const mentions = extractDates(text, { publishedAt, today: TODAY });
        total += mentions.length;
        for (const m of mentions) {
          expect(m.end).toBeGreaterThan(m.start);
          expect(text.slice(m.start, m.end)).toBe(m.text);
          expect(m.startDay <= m.endDay).toBe(true);
          expect(m.date).toMatch(/^\d{4}(-\d{2}(-\d{2})?)?$/);
          expect(text.slice(m.sentenceStart, m.sentenceEnd)).toBe(m.sentence);
        }
      }
    }
    // The noise is date-like enough to be read: the checks above ran on real mentions.
    expect(total).toBeGreaterThan(50);
  });

  it('keeps a long sentence to a window around the date', () => {
    const long = `${'word '.repeat(400)}in January 2016 ${'word '.repeat(400)}`;
    const [m] = extractDates(long, { publishedAt: null, today: TODAY });
    expect(m!.sentence.length).toBeLessThanOrEqual(600);
    expect(m!.sentence).toContain('January 2016');
    expect(long.slice(m!.sentenceStart, m!.sentenceStart + m!.sentence.length)).toBe(m!.sentence);
  });
});
