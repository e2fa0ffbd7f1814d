/** Listing the timeline: scopes, filters, order, and highlights outranking the mentions they speak for. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createAnnotation, deleteAnnotation } from '../../../electron/core/annotations.js';
import { addArticleTags } from '../../../electron/core/db/tags.js';
import { addItems, createDossier } from '../../../electron/core/dossiers/dossiers.js';
import { checkAnalystDate, promoteHighlight, removeEvent, updateEvent } from '../../../electron/core/timeline/events.js';
import { listTimeline, type TimelineFilter } from '../../../electron/core/timeline/query.js';
import { writeArticleDates } from '../../../electron/core/timeline/store.js';
import { insertPlainTextArticle, tempLibrary, type TempLibrary } from '../helpers/library.js';

let lib: TempLibrary;
let english: string;
let arabic: string;
let undated: string;

const ENGLISH = [
  'Bahrain severed relations with Iran in January 2016, after protesters stormed the Saudi embassy.',
  '',
  'Tehran and Riyadh reached an agreement in Beijing in March 2023 to restore relations.',
  '',
  'In October, Abbas Araqchi and King Hamad met in Manama. Elections are due in 2026.',
].join('\n');
const ARABIC = 'قطعت البحرين علاقاتها مع إيران في كانون الثاني/يناير ٢٠١٦. وفي آذار/مارس ٢٠٢٣ توصّلت طهران والرياض إلى اتفاق في بكين.';

beforeEach(() => {
  lib = tempLibrary();
  english = insertPlainTextArticle(lib.library, { title: 'Bahrain and Iran', source: 'Tehran Times', publishedAt: '2024-12-03', text: ENGLISH }).id;
  arabic = insertPlainTextArticle(lib.library, { title: 'المنامة وطهران', source: 'الوسط', direction: 'rtl', language: 'ar', text: ARABIC }).id;
  undated = insertPlainTextArticle(lib.library, { title: 'Undated', text: 'The embassy closed in 2016. In October, it was quiet.' }).id;
  for (const id of [english, arabic, undated]) writeArticleDates(lib.library.db, id);
});
afterEach(() => lib.cleanup());

const list = (filter: Partial<TimelineFilter> = {}) => listTimeline(lib.library.db, { scope: { kind: 'library' }, today: '2026-12-01', ...filter });
const summary = (filter: Partial<TimelineFilter> = {}) => list(filter).map((e) => `${e.date} ${e.kind} ${e.articleTitle}`);

function highlight(articleId: string, text: string, quote: string): string {
  const start = text.indexOf(quote);
  return createAnnotation(lib.library, { articleId, target: { start, end: start + quote.length } }).id;
}

describe('listing', () => {
  it('lists every dated event of the library, earliest first, broader before narrower at the same start', () => {
    expect(summary()).toEqual([
      '2016 mention Undated',
      '2016-01 mention Bahrain and Iran',
      '2016-01 mention المنامة وطهران',
      '2023-03 mention Bahrain and Iran',
      '2023-03 mention المنامة وطهران',
      '2024-10 mention Bahrain and Iran',
      '2026 mention Bahrain and Iran',
    ]);
  });

  it('describes each event with its article, source, sentence, offsets, direction and flags', () => {
    const october = list().find((e) => e.date === '2024-10')!;
    expect(october).toMatchObject({
      kind: 'mention',
      articleId: english,
      articleTitle: 'Bahrain and Iran',
      source: 'Tehran Times',
      precision: 'month',
      startDay: '2024-10-01',
      endDay: '2024-10-31',
      text: 'October',
      sentence: 'In October, Abbas Araqchi and King Hamad met in Manama.',
      annotationId: null,
      flags: ['relative'],
      direction: 'ltr',
    });
    expect(ENGLISH.slice(october.start!, october.end!)).toBe('October');
    expect(october.start! - october.sentenceStart!).toBe(3);
    expect(list().find((e) => e.date === '2026')!.flags).toEqual(['future']);
    expect(list().find((e) => e.articleId === arabic)!.direction).toBe('rtl');
  });

  it('filters by dates (a bound at any precision) and precision', () => {
    expect(summary({ after: '2023', before: '2024-10' })).toEqual([
      '2023-03 mention Bahrain and Iran',
      '2023-03 mention المنامة وطهران',
      '2024-10 mention Bahrain and Iran',
    ]);
    // A year overlapping the window counts: 2016 ends on 2016-12-31.
    expect(summary({ after: '2016-06-01', before: '2016-12' })).toEqual(['2016 mention Undated']);
    expect(summary({ precision: ['year'] })).toEqual(['2016 mention Undated', '2026 mention Bahrain and Iran']);
    expect(() => list({ after: '2016-02-31' })).toThrow(/“2016-02-31” is not a date/);
    expect(() => list({ after: '2024', before: '2016' })).toThrow(/later than --before/);
  });

  it('narrows to articles (a search result), a tag, or a dossier', () => {
    expect(summary({ scope: { kind: 'articles', ids: [arabic] } })).toEqual(['2016-01 mention المنامة وطهران', '2023-03 mention المنامة وطهران']);
    expect(summary({ scope: { kind: 'articles', ids: [] } })).toEqual([]);
    addArticleTags(lib.library.db, undated, ['Gulf']);
    expect(summary({ scope: { kind: 'tag', tag: 'gulf' } })).toEqual(['2016 mention Undated']);
    expect(summary({ scope: { kind: 'tag', tag: 'nothing' } })).toEqual([]);

    const dossier = createDossier(lib.library.db, { title: 'Chronology' });
    addItems(lib.library.db, dossier.id, { ids: [arabic] });
    expect(summary({ scope: { kind: 'dossier', id: dossier.id } })).toEqual(['2016-01 mention المنامة وطهران', '2023-03 mention المنامة وطهران']);
    expect(() => list({ scope: { kind: 'dossier', id: 'dos_missing' } })).toThrow(/No dossier with id dos_missing/);
  });

  it('takes from a highlights-only article or a single highlight of a dossier only the dates inside the highlights', () => {
    const dossier = createDossier(lib.library.db, { title: 'Highlights' });
    const deal = highlight(english, ENGLISH, 'Tehran and Riyadh reached an agreement in Beijing in March 2023');
    addItems(lib.library.db, dossier.id, { ids: [english], highlightsOnly: true });
    expect(summary({ scope: { kind: 'dossier', id: dossier.id } })).toEqual(['2023-03 mention Bahrain and Iran']);
    const other = createDossier(lib.library.db, { title: 'One highlight' });
    addItems(lib.library.db, other.id, { ids: [deal] });
    expect(summary({ scope: { kind: 'dossier', id: other.id } })).toEqual(['2023-03 mention Bahrain and Iran']);
  });
});

describe('highlights on the timeline', () => {
  it('outrank the mention they speak for, keep a second date of the sentence, and carry the analyst’s date', () => {
    const id = highlight(english, ENGLISH, 'Bahrain severed relations with Iran');
    promoteHighlight(lib.library.db, id, { date: '2016-01-03', precision: 'day', title: 'Bahrain cuts ties' });
    const events = list({ scope: { kind: 'articles', ids: [english] } });
    expect(events.filter((e) => e.date.startsWith('2016'))).toEqual([
      expect.objectContaining({
        kind: 'highlight',
        annotationId: id,
        date: '2016-01-03',
        precision: 'day',
        title: 'Bahrain cuts ties',
        text: 'Bahrain severed relations with Iran',
        sentence: 'Bahrain severed relations with Iran',
        start: 0,
        sentenceStart: 0,
      }),
    ]);
    // A highlight dated to another time in the same sentence leaves the mention in place.
    updateEvent(lib.library.db, list().find((e) => e.kind === 'highlight')!.id, { date: '2015', precision: 'year' });
    expect(summary({ scope: { kind: 'articles', ids: [english] } }).slice(0, 2)).toEqual(['2015 highlight Bahrain and Iran', '2016-01 mention Bahrain and Iran']);
  });

  it('go with their highlight, and can be taken off the timeline without touching it', () => {
    const a = highlight(arabic, ARABIC, 'وفي آذار/مارس ٢٠٢٣ توصّلت طهران والرياض');
    const eventId = promoteHighlight(lib.library.db, a, { date: '2023-03', precision: 'month', sentence: 'Beijing deal' });
    expect(list({ scope: { kind: 'articles', ids: [arabic] } }).map((e) => `${e.kind} ${e.sentence}`)).toEqual([
      'mention قطعت البحرين علاقاتها مع إيران في كانون الثاني/يناير ٢٠١٦.',
      'highlight Beijing deal',
    ]);
    expect(removeEvent(lib.library.db, eventId)).toMatchObject({ annotationId: a, date: '2023-03' });
    expect(list({ scope: { kind: 'articles', ids: [arabic] } }).map((e) => e.kind)).toEqual(['mention', 'mention']);
    const again = promoteHighlight(lib.library.db, a, { date: '2023-03', precision: 'month' });
    // Promoting twice changes the one event rather than adding another.
    expect(promoteHighlight(lib.library.db, a, { date: '2023-03-10', precision: 'day' })).toBe(again);
    deleteAnnotation(lib.library, a);
    expect(lib.library.db.prepare(`SELECT COUNT(*) AS n FROM timeline_events`).get()).toEqual({ n: 0 });
  });

  it('check the analyst’s date against its precision in plain words', () => {
    expect(() => checkAnalystDate('2016-02-31', 'day')).toThrow('31 February 2016 is not a date.');
    expect(() => checkAnalystDate('2016', 'month')).toThrow(/Give the month for month precision/);
    expect(() => checkAnalystDate('2016-01', 'day')).toThrow(/Give the day for day precision/);
    expect(() => checkAnalystDate('Jan 2016', 'month')).toThrow(/is not a date: write it as 2016, 2016-01 or 2016-01-03/);
    expect(checkAnalystDate('2024-10-15', 'month')).toEqual({ date: '2024-10', precision: 'month', startDay: '2024-10-01', endDay: '2024-10-31' });
    expect(() => promoteHighlight(lib.library.db, 'ann_missing', { date: '2016', precision: 'year' })).toThrow(/No highlight with id ann_missing/);
  });
});
