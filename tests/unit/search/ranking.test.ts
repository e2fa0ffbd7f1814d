/**
 * "Exact word > stem or name variant": a query word's spellings are not added up. A story with the
 * word itself once in its body ranks above one that has only its variants, two different ones, or a
 * variant in its title (titles are boosted for the word itself only).
 */
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { SearchCore } from '../../../electron/core/search/searcher.js';
import { addArticle, tempLibrary, type TestLibrary } from './helpers.js';

let t: TestLibrary;
beforeEach(() => {
  t = tempLibrary();
});
afterEach(() => t.cleanup());

function search(query: string): string[] {
  const c = new SearchCore(t.library.db, t.library.searchDir);
  c.open();
  c.finish();
  // A trailing space: the analyst finished typing (no completion of the last word).
  return c.search({ query: `${query} `, type: 'article' }).results.map((h) => h.id);
}

/** Stories on other subjects, so that idf is that of an archive rather than of three documents. */
function addBackground(lang: 'en' | 'ar', n: number): void {
  for (let i = 0; i < n; i++) {
    addArticle(t.library, {
      title: lang === 'en' ? `Oil exports rise for the ${i + 1}th month` : `ارتفاع صادرات النفط للشهر ${i + 1}`,
      text:
        lang === 'en'
          ? `Crude exports rose again in month ${i + 1}, the ministry said on Sunday, citing new contracts with refineries in Asia.`
          : `ارتفعت صادرات النفط الخام مجدداً في الشهر ${i + 1}، وفق ما قالت الوزارة يوم الأحد، مشيرة إلى عقود جديدة مع مصافٍ في آسيا.`,
      language: lang,
    });
  }
}

describe('a query word scores by its best spelling, with the exact one first', () => {
  test('Arabic: السوداني once in a body beats السودانية and سودانية in another story', () => {
    addBackground('ar', 12);
    const exact = addArticle(t.library, {
      title: 'بغداد تستضيف محادثات حول المياه',
      text: 'استضافت بغداد يوم الثلاثاء ١٤ مايو محادثات حول تقاسم المياه، وقال رئيس الوزراء محمد شياع السوداني إن الاتفاق سيوقع قريباً.',
      language: 'ar',
    });
    const variants = addArticle(t.library, {
      title: 'القتال يشرد آلافاً آخرين',
      text: 'أجبر القتال ٨٢ ألف شخص آخرين على ترك منازلهم. ودعا وسطاء من قطر الأطراف السودانية إلى هدنة، وعبرت عائلات سودانية عن خوفها.',
      language: 'ar',
    });
    const found = search('السوداني');
    expect(found).toContain(variants);
    expect(found[0]).toBe(exact);
  });

  test('English: Qasim in a body beats Qassim in a title and Qassem in the other body', () => {
    addBackground('en', 12);
    const exact = addArticle(t.library, {
      title: 'Air defences down nine drones over Beirut',
      text: "Air defences shot down nine drones over Beirut on 18 March 2024. Hezbollah's secretary-general Naim Qasim said the drones had targeted energy sites.",
      language: 'en',
    });
    const variants = addArticle(t.library, {
      title: 'Qassim date festival draws buyers from across the Gulf',
      text: 'The annual date festival opened on 29 January, drawing traders from Kuwait and Qatar; the governor, Prince Qassem, toured the stalls.',
      language: 'en',
    });
    const found = search('Qasim');
    expect(found).toContain(variants);
    expect(found[0]).toBe(exact);
  });

  test('English: universe in a body beats Universities in a title and university in the other body', () => {
    addBackground('en', 12);
    const exact = addArticle(t.library, {
      title: 'Observatory near Beirut opens to the public',
      text: 'A new observatory near Beirut opened on 3 May 2021, offering views of the early universe. School groups can book night visits.',
      language: 'en',
    });
    const variants = addArticle(t.library, {
      title: 'Universities in Doha move classes online',
      text: 'Colleges in Doha moved classes online on 9 February because of air pollution; one university kept its library open.',
      language: 'en',
    });
    const found = search('universe');
    expect(found).toContain(variants);
    expect(found[0]).toBe(exact);
  });
});
