/** The timeline API through the real dispatcher: input checks, scopes, promotion and the dossier flag. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { corpus } from '../importers/fixtures.js';
import { apiFixture, type ApiFixture } from './helpers.js';

let api: ApiFixture;
let page: string;
let arabic: string;

beforeEach(async () => {
  api = apiFixture();
  const imported = await api.call('import.files', {
    files: [
      { name: 'bahrain-iran-coordination.html', dataBase64: Buffer.from(corpus('bahrain-iran-coordination.html')).toString('base64') },
      { name: 'manama-tehran-talks.ar.txt', dataBase64: Buffer.from(corpus('manama-tehran-talks.ar.txt')).toString('base64') },
    ],
  });
  [page, arabic] = imported.imported.map((a) => a.id) as [string, string];
});
afterEach(() => api.cleanup());

async function failure(promise: Promise<unknown>): Promise<{ code: string; message: string }> {
  try {
    await promise;
  } catch (error) {
    return { code: (error as { code: string }).code, message: (error as Error).message };
  }
  throw new Error('expected the call to fail');
}

describe('timeline.list', () => {
  it('lists the imported articles’ dates, earliest first, with nothing pending', async () => {
    const { events, pending } = await api.call('timeline.list', { scope: { kind: 'library' } });
    expect(pending).toBe(0);
    expect(events.map((e) => `${e.date} ${e.precision} ${e.articleId === page ? 'page' : 'ar'}`)).toEqual([
      '2016-01 month page',
      '2016-01 month ar',
      '2023-03 month page',
      '2023-03 month ar',
      '2024-10 month page',
    ]);
    const october = events.at(-1)!;
    expect(october).toMatchObject({ kind: 'mention', text: 'October', flags: ['relative'], annotationId: null, label: null });
    expect(october.sentence).toMatch(/^In October, Iranian Foreign Minister Abbas Araqchi and King Hamad/);
    expect(events.find((e) => e.articleId === arabic)).toMatchObject({ direction: 'rtl', text: 'كانون الثاني/يناير ٢٠١٦' });
  });

  it('applies the filters and refuses malformed ones with the reason', async () => {
    const { events } = await api.call('timeline.list', { scope: { kind: 'articles', ids: [arabic] }, after: '2020', precision: ['month'] });
    expect(events.map((e) => e.date)).toEqual(['2023-03']);
    expect(await failure(api.call('timeline.list', { scope: { kind: 'library' }, after: '2016-02-30' }))).toEqual({
      code: 'usage',
      message: '--after “2016-02-30” is not a date: write it as 2016, 2016-01 or 2016-01-03.',
    });
    const bad = await failure(api.call('timeline.list', { scope: { kind: 'library' }, before: 'March 2023' } as never));
    expect(bad.code).toBe('invalid_input');
    expect(bad.message).toMatch(/before: expected YYYY, YYYY-MM or YYYY-MM-DD/);
    expect((await failure(api.call('timeline.list', { scope: { kind: 'dossier', id: 'dos_nope' } }))).code).toBe('not_found');
  });

  it('reads the dates of articles from before the timeline on the way', async () => {
    api.library.db.prepare(`DELETE FROM date_extractions`).run();
    api.library.db.prepare(`DELETE FROM date_mentions`).run();
    const { events, pending } = await api.call('timeline.list', { scope: { kind: 'articles', ids: [page] } });
    expect(pending).toBe(0);
    expect(events.map((e) => e.date)).toEqual(['2016-01', '2023-03', '2024-10']);
  });
});

describe('timeline.promote, updateEvent, removeEvent', () => {
  it('puts a highlight on the timeline, corrects it, and takes it off (with what undo needs)', async () => {
    const text = (await api.call('articles.get', { id: page })).text;
    const quote = 'Iranian Foreign Minister Abbas Araqchi and King Hamad of Bahrain met in Manama';
    const start = text.indexOf(quote);
    const highlight = await api.call('annotations.create', { articleId: page, start, end: start + quote.length });
    const event = await api.call('timeline.promote', { annotationId: highlight.id, date: '2024-10-24', precision: 'day', title: 'Araghchi meets King Hamad' });
    expect(event).toMatchObject({ kind: 'highlight', annotationId: highlight.id, date: '2024-10-24', precision: 'day', start, end: start + quote.length, sentence: quote });

    // The highlight outranks the extracted "October" of its sentence.
    const listed = (await api.call('timeline.list', { scope: { kind: 'articles', ids: [page] } })).events;
    expect(listed.map((e) => `${e.kind} ${e.date}`)).toEqual(['mention 2016-01', 'mention 2023-03', 'highlight 2024-10-24']);

    const corrected = await api.call('timeline.updateEvent', { id: event.id, date: '2024-10', precision: 'month', title: null });
    expect(corrected).toMatchObject({ date: '2024-10', precision: 'month', startDay: '2024-10-01', endDay: '2024-10-31', title: null });
    expect(await failure(api.call('timeline.updateEvent', { id: event.id, date: '2024-02-30', precision: 'day' }))).toEqual({
      code: 'usage',
      message: '30 February 2024 is not a date.',
    });

    const removed = await api.call('timeline.removeEvent', { id: event.id });
    expect(removed).toEqual({ id: event.id, annotationId: highlight.id, date: '2024-10', precision: 'month', title: null, sentence: null });
    expect((await failure(api.call('timeline.removeEvent', { id: event.id }))).code).toBe('not_found');
    // The highlight itself stays.
    expect((await api.call('annotations.get', { id: highlight.id })).id).toBe(highlight.id);
  });

  it('comes back with its highlight, or its article, when a deletion is undone', async () => {
    const text = (await api.call('articles.get', { id: page })).text;
    const quote = 'King Hamad of Bahrain met in Manama';
    const start = text.indexOf(quote);
    const highlight = await api.call('annotations.create', { articleId: page, start, end: start + quote.length });
    await api.call('timeline.promote', { annotationId: highlight.id, date: '2024-10-24', precision: 'day', title: 'Araghchi meets King Hamad' });
    const onTimeline = async () =>
      (await api.call('timeline.list', { scope: { kind: 'library' } })).events.filter((e) => e.kind === 'highlight').map((e) => `${e.date} ${e.title}`);

    const deleted = await api.call('annotations.delete', { id: highlight.id });
    expect(await onTimeline()).toEqual([]);
    await api.call('annotations.restore', { snapshot: deleted.snapshot });
    expect(await onTimeline()).toEqual(['2024-10-24 Araghchi meets King Hamad']);

    const article = await api.call('articles.delete', { id: page });
    expect(await onTimeline()).toEqual([]);
    await api.call('articles.restore', { snapshot: article.snapshot });
    expect(await onTimeline()).toEqual(['2024-10-24 Araghchi meets King Hamad']);
    // The article's extracted dates come back too.
    expect((await api.call('timeline.list', { scope: { kind: 'articles', ids: [page] } })).events.map((e) => e.date)).toEqual(['2016-01', '2023-03', '2024-10-24']);
  });

  it('refuses a promotion of an unknown highlight or with a date of the wrong shape', async () => {
    expect((await failure(api.call('timeline.promote', { annotationId: 'ann_nope', date: '2016', precision: 'year' }))).code).toBe('not_found');
    const bad = await failure(api.call('timeline.promote', { annotationId: 'ann_nope', date: '03/2016', precision: 'month' }));
    expect(bad.code).toBe('invalid_input');
  });
});

describe('dossiers.includeChronology', () => {
  it('is off for a new dossier and set through dossiers.update or at creation', async () => {
    const dossier = await api.call('dossiers.create', { title: 'Bahrain–Iran' });
    expect(dossier.includeChronology).toBe(false);
    const updated = await api.call('dossiers.update', { id: dossier.id, patch: { includeChronology: true } });
    expect(updated.includeChronology).toBe(true);
    expect((await api.call('dossiers.list', {})).dossiers[0]!.includeChronology).toBe(true);
    expect((await api.call('dossiers.create', { title: 'With', includeChronology: true })).includeChronology).toBe(true);
    // Undoing a deletion brings the setting back.
    const deleted = await api.call('dossiers.delete', { id: dossier.id });
    expect((await api.call('dossiers.restore', { snapshot: deleted.snapshot })).includeChronology).toBe(true);
  });
});
