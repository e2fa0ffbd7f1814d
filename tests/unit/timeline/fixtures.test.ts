/**
 * The "done when" facts, on the sample articles imported through the real import path:
 * January 2016 (ties cut) from the English, Arabic and Persian versions; March 2023 (the Beijing deal)
 * from the English and Arabic ones; October 2024 (Araghchi meets King Hamad) from the web page, whose
 * published date (2024-12-03) anchors "In October"; and no year guessed for "In October" where the
 * article has no published date.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getArticle } from '../../../electron/core/db/articles.js';
import { tempLibrary, type TempLibrary } from '../helpers/library.js';
import { importFixtures, storedMentions, type FixtureKey } from './helpers.js';

let lib: TempLibrary;
let ids: Record<FixtureKey, string>;

beforeAll(async () => {
  lib = tempLibrary();
  ids = await importFixtures(lib.library);
});
afterAll(() => lib.cleanup());

const dated = (key: FixtureKey) => storedMentions(lib.library, ids[key]).map((m) => `${m.date} ${m.precision}`);

function mentionOf(key: FixtureKey, date: string) {
  const found = storedMentions(lib.library, ids[key]).find((m) => m.date === date);
  if (!found) throw new Error(`no ${date} in ${key}: ${JSON.stringify(storedMentions(lib.library, ids[key]))}`);
  return found;
}

describe('dates of the sample articles', () => {
  it('January 2016, at month precision, in the sentence about the cut ties, from the English, Arabic and Persian versions', () => {
    const english = mentionOf('englishText', '2016-01');
    expect(english).toMatchObject({ precision: 'month', text: 'January 2016', flags: '' });
    expect(english.sentence).toMatch(/^Bahrain followed Saudi Arabia’s suit and severed diplomatic relations with Iran in January 2016,/);

    const arabic = mentionOf('arabic', '2016-01');
    expect(arabic).toMatchObject({ precision: 'month', text: 'كانون الثاني/يناير ٢٠١٦' });
    expect(arabic.sentence).toContain('قطعت علاقاتها');

    const persian = mentionOf('persian', '2016-01');
    expect(persian).toMatchObject({ precision: 'month', text: 'ژانویه ۲۰۱۶' });
    expect(persian.sentence).toContain('قطع کرده بود');
  });

  it('March 2023 (the Beijing deal) from the English and Arabic versions, and the briefing', () => {
    expect(mentionOf('englishText', '2023-03')).toMatchObject({ precision: 'month', text: 'March 2023' });
    expect(mentionOf('englishText', '2023-03').sentence).toContain('Beijing');
    const arabic = mentionOf('arabic', '2023-03');
    expect(arabic).toMatchObject({ precision: 'month', text: 'آذار/مارس ٢٠٢٣' });
    expect(arabic.sentence.startsWith('وفي آذار/مارس ٢٠٢٣')).toBe(true);
    expect(arabic.sentence).toContain('بكين');
    expect(mentionOf('markdown', '2023-03').sentence).toContain('Beijing');
  });

  it('October 2024 from the web page, its published date (2024-12-03) anchoring “In October”', () => {
    expect(getArticle(lib.library.db, ids.englishPage)?.publishedAt).toMatch(/^2024-12-03/);
    const october = mentionOf('englishPage', '2024-10');
    expect(october).toMatchObject({ precision: 'month', text: 'October', flags: 'relative' });
    expect(october.sentence).toMatch(/^In October, Iranian Foreign Minister Abbas Araqchi and King Hamad of Bahrain met in Manama/);
    // The web page carries the same absolute dates as the text version.
    expect(dated('englishPage')).toEqual(expect.arrayContaining(['2016-01 month', '2023-03 month', '2024-10 month']));
  });

  it('gives no year to “In October” in an article without a published date', () => {
    expect(getArticle(lib.library.db, ids.englishText)?.publishedAt).toBeNull();
    expect(dated('englishText')).toEqual(['2016-01 month', '2023-03 month']);
    // The Arabic and Persian versions have no published date either: their yearless October is left out too.
    expect(dated('arabic')).toEqual(['2016-01 month', '2023-03 month']);
    expect(dated('persian')).toEqual(['2016-01 month']);
  });

  it('stores offsets that point at the date in the article text, and sentences that hold it', () => {
    for (const key of Object.keys(ids) as FixtureKey[]) {
      const text = getArticle(lib.library.db, ids[key])!.text;
      for (const m of storedMentions(lib.library, ids[key])) {
        expect(text.slice(m.start, m.end)).toBe(m.text);
        expect(text.slice(m.sentenceStart, m.sentenceStart + m.sentence.length)).toBe(m.sentence);
        expect(m.start).toBeGreaterThanOrEqual(m.sentenceStart);
        expect(m.end).toBeLessThanOrEqual(m.sentenceStart + m.sentence.length);
      }
    }
  });

  it('records every imported article as read by the current extractor', () => {
    const rows = lib.library.db.prepare(`SELECT COUNT(*) AS n FROM date_extractions`).get() as { n: number };
    expect(rows.n).toBe(Object.keys(ids).length);
  });
});
