/**
 * The dossier chronology through the real path: articles imported (their dates read at import), the
 * dossier's "Include chronology" setting, a highlight put on the timeline, then the resolved model,
 * the JSON file (version 2: setting, highlight dates and the derived section; lossless round trip;
 * version 1 still read) and the PDF read back with pdftotext.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { getDossierView, updateDossier } from '../../../electron/core/dossiers/dossiers.js';
import { dossierJsonText, exportDossierJson, importDossierJson } from '../../../electron/core/dossiers/json.js';
import { DOSSIER_JSON_VERSION, type DossierFile } from '../../../electron/core/dossiers/json-schema.js';
import { loadDossierForExport } from '../../../electron/core/dossiers/model.js';
import { exportDossier } from '../../../electron/core/export/index.js';
import { getEventForAnnotation, promoteHighlight } from '../../../electron/core/timeline/events.js';
import { buildCorpusLibrary, QUOTES, type CorpusLibrary } from '../export/corpus-library.js';
import { arabicLetters, flat, pdfPages } from '../export/pdf-text.js';
import { tempLibrary, type TestLibrary } from './library-fixture.js';

let lib: CorpusLibrary;
let target: TestLibrary;

beforeAll(async () => {
  lib = await buildCorpusLibrary();
  target = tempLibrary();
}, 60_000);

afterAll(() => {
  lib?.dispose();
  target?.dispose();
});

function withoutTime(file: DossierFile): Omit<DossierFile, 'exportedAt'> {
  const { exportedAt: _t, ...rest } = file;
  return rest;
}

describe('dossier chronology', () => {
  test('is off by default: no events are read into the model', () => {
    const dossier = loadDossierForExport(lib.library, lib.dossierId);
    expect(dossier.includeChronology).toBe(false);
    expect(dossier.chronology).toEqual([]);
  });

  test('lists the dated events of the dossier’s articles, earliest first, each with its citation', () => {
    updateDossier(lib.library.db, lib.dossierId, { includeChronology: true });
    expect(getDossierView(lib.library.db, lib.dossierId).includeChronology).toBe(true);
    const { chronology } = loadDossierForExport(lib.library, lib.dossierId);
    const days = chronology.map((e) => e.date);
    expect([...days].sort()).toEqual(days);
    const find = (articleId: string, date: string, words: string) =>
      chronology.find((e) => e.citation.articleId === articleId && e.date === date && e.mark !== null && e.sentence.slice(e.mark.start, e.mark.end) === words);
    // January 2016 (ties cut) in English and Arabic, March 2023 (Beijing) in both and in the briefing.
    expect(find(lib.articles.en, '2016-01', 'January 2016')).toBeDefined();
    expect(find(lib.articles.ar, '2016-01', 'كانون الثاني/يناير ٢٠١٦')).toBeDefined();
    expect(find(lib.articles.en, '2023-03', 'March 2023')).toBeDefined();
    expect(find(lib.articles.ar, '2023-03', 'آذار/مارس ٢٠٢٣')).toBeDefined();
    expect(find(lib.articles.md, '2023-03', 'March 2023')).toBeDefined();
    // "In October" takes its year from the web page's published date (3 December 2024).
    const october = chronology.find((e) => e.citation.articleId === lib.articles.en && e.date === '2024-10');
    expect(october?.precision).toBe('month');
    expect(october?.sentence).toContain('Araqchi and King Hamad of Bahrain met in Manama');
    expect(october?.citation.publishedAt).toMatch(/^2024-12-03/);
  });

  test('a highlight put on the timeline takes the place of the date found in it', () => {
    promoteHighlight(lib.library.db, lib.highlights.enEvidence, { date: '2016-01-03', precision: 'day', title: 'Bahrain cuts ties' });
    const { chronology } = loadDossierForExport(lib.library, lib.dossierId);
    const promoted = chronology.filter((e) => e.kind === 'highlight');
    expect(promoted).toHaveLength(1);
    expect(promoted[0]).toMatchObject({ date: '2016-01-03', precision: 'day', title: 'Bahrain cuts ties', annotationId: lib.highlights.enEvidence, mark: null });
    expect(promoted[0]!.sentence).toContain(QUOTES.enEvidence);
    // The English January 2016 mention it covers is gone; the Arabic one stays.
    expect(chronology.filter((e) => e.kind === 'mention' && e.citation.articleId === lib.articles.en && e.date === '2016-01')).toEqual([]);
    expect(chronology.some((e) => e.citation.articleId === lib.articles.ar && e.date === '2016-01')).toBe(true);
  });

  test('JSON version 2 carries the setting, the highlight’s date and the section, and round-trips losslessly', () => {
    const file = exportDossierJson(lib.library, lib.dossierId);
    expect(file.version).toBe(DOSSIER_JSON_VERSION);
    expect(DOSSIER_JSON_VERSION).toBe(2);
    expect(file.dossier.includeChronology).toBe(true);
    const evidence = file.annotations.find((a) => a.id === lib.highlights.enEvidence);
    expect(evidence?.timeline).toEqual({ date: '2016-01-03', precision: 'day', title: 'Bahrain cuts ties', sentence: null });
    expect(file.annotations.filter((a) => a.timeline).length).toBe(1);
    expect(file.chronology?.length).toBe(loadDossierForExport(lib.library, lib.dossierId).chronology.length);
    expect(file.chronology?.find((e) => e.kind === 'highlight')).toMatchObject({ annotationId: lib.highlights.enEvidence, articleId: lib.articles.en });

    const result = importDossierJson(target.library, dossierJsonText(file));
    expect(getDossierView(target.library.db, result.dossierId).includeChronology).toBe(true);
    const targetHighlight = result.idMap[lib.highlights.enEvidence] ?? lib.highlights.enEvidence;
    expect(getEventForAnnotation(target.library.db, targetHighlight)).toMatchObject({ date: '2016-01-03', precision: 'day', title: 'Bahrain cuts ties' });
    // The imported articles' dates were read at import: the section is rebuilt, equal to the exported one.
    const again = exportDossierJson(target.library, result.dossierId);
    expect(withoutTime(again)).toEqual(withoutTime(file));
  });

  test('a version 1 file (before chronologies) still imports, without one', () => {
    const file = exportDossierJson(lib.library, lib.dossierId, { includeOriginals: false });
    const { chronology: _c, ...rest } = file;
    const { includeChronology: _i, ...dossier } = file.dossier;
    const v1 = {
      ...rest,
      version: 1,
      dossier: { ...dossier, id: 'dos_v1_file' },
      annotations: file.annotations.map(({ timeline: _t, ...a }) => a),
    };
    const fresh = tempLibrary();
    try {
      const result = importDossierJson(fresh.library, JSON.stringify(v1));
      expect(getDossierView(fresh.library.db, result.dossierId).includeChronology).toBe(false);
      expect(fresh.library.db.prepare(`SELECT COUNT(*) AS n FROM timeline_events`).get()).toEqual({ n: 0 });
    } finally {
      fresh.dispose();
    }
  });

  test('a file with an impossible highlight date is refused with the reason, writing nothing', () => {
    const file = structuredClone(exportDossierJson(lib.library, lib.dossierId, { includeOriginals: false }));
    const evidence = file.annotations.find((a) => a.timeline);
    evidence!.timeline = { date: '2016-02-31', precision: 'day', title: null, sentence: null };
    const fresh = tempLibrary();
    try {
      expect(() => importDossierJson(fresh.library, file)).toThrow(/31 February 2016/);
      expect(fresh.library.db.prepare(`SELECT COUNT(*) AS n FROM articles`).get()).toEqual({ n: 0 });
    } finally {
      fresh.dispose();
    }
  });

  test('the PDF prints the chronology after the summary, Arabic in logical order', async () => {
    const out = join(lib.dir, 'chronology.pdf');
    await exportDossier(lib.library, lib.dossierId, { format: 'pdf', paper: 'a4', out });
    const pages = pdfPages(out);
    const contents = flat(pages[1] ?? '');
    expect(contents).toMatch(/Summary .*Chronology .*Sources/);
    const first = pages.findIndex((p, i) => i > 1 && /^\s*Chronology\s*$/m.test(p));
    expect(first).toBeGreaterThan(1);
    const section = pages.slice(first, first + 2).join('\n');
    expect(flat(section)).toContain('3 January 2016');
    expect(flat(section)).toContain('Bahrain cuts ties');
    expect(flat(section)).toContain('October 2024');
    expect(flat(section)).toContain('Analyst’s highlight');
    // (pdftotext's layout mode splits a line at the bold date, so phrases away from it are compared.)
    for (const phrase of ['إثر إعدام الشيخ نمر باقر النمر', 'توصّلت طهران والرياض في بكين إلى اتفاق', 'كانون الثاني']) {
      expect(arabicLetters(section), phrase).toContain(arabicLetters(phrase));
    }
  }, 120_000);
});
