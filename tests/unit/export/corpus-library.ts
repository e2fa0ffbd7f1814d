/**
 * A library built from the shared corpus fixtures: the English, Arabic and Markdown articles with
 * their originals, labelled highlights (one with a note, one orphaned), an analyst note citing two
 * highlights, and a dossier with a marking. Everything goes through the real services: articles through
 * the importer (with their originals), highlights through the annotations service.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createAnnotation } from '../../../electron/core/annotations.js';
import { addItems, createDossier } from '../../../electron/core/dossiers/dossiers.js';
import { importFile } from '../../../electron/core/import.js';
import { registerLabelSeeding, listLabels } from '../../../electron/core/labels.js';
import { openLibrary, type Library } from '../../../electron/core/library.js';
import { createNote } from '../../../electron/core/notes.js';

const FIXTURES = join(import.meta.dirname, '..', '..', 'fixtures');

export interface CorpusLibrary {
  readonly library: Library;
  readonly dir: string;
  readonly dossierId: string;
  readonly articles: { readonly en: string; readonly ar: string; readonly md: string };
  readonly highlights: Readonly<Record<'enClaim' | 'enEvidence' | 'arKey' | 'mdQuestion' | 'orphan', string>>;
  readonly noteId: string;
  dispose(): void;
}

export const MARKING = 'RESTRICTED — TRAINING USE ONLY';
export const DOSSIER_TITLE = 'Bahrain–Iran rapprochement';

/** Quotes highlighted in the fixtures, as they appear in the files. */
export const QUOTES = {
  enClaim: 'Bahrain pursues a balanced approach in its foreign policy',
  enEvidence: 'severed diplomatic relations with Iran in January 2016',
  arKey: 'ستواصل التنسيق مع نظيرتها الإيرانيّة',
  mdQuestion: 'China acted as mediator for the first time in a major Gulf dispute.',
  orphan: 'King Hamad expressed hope that he would pay a visit to Tehran.',
} as const;

async function importFixture(library: Library, file: string): Promise<string> {
  const outcome = await importFile(library, { name: file, bytes: readFileSync(join(FIXTURES, file)) });
  if (outcome.status !== 'imported') throw new Error(`could not import ${file}: ${JSON.stringify(outcome)}`);
  return outcome.article.id;
}

export async function buildCorpusLibrary(): Promise<CorpusLibrary> {
  registerLabelSeeding();
  const dir = mkdtempSync(join(tmpdir(), 'quire-'));
  const library = openLibrary({ dir: join(dir, 'lib') });
  const labels = new Map(listLabels(library).map((l) => [l.name, l.id]));
  const label = (name: string): string => {
    const id = labels.get(name);
    if (!id) throw new Error(`no default label ${name}`);
    return id;
  };

  // The English article comes from the hostile saved web page (scripts, trackers, handlers): what
  // reaches an export must be the story and its metadata only.
  const en = await importFixture(library, 'bahrain-iran-coordination.html');
  const ar = await importFixture(library, 'manama-tehran-talks.ar.txt');
  const mdId = await importFixture(library, 'beijing-deal-briefing.md');

  const highlight = (articleId: string, quote: string, labelName: string, note?: string): string =>
    createAnnotation(library, {
      articleId,
      target: { quote },
      labelId: label(labelName),
      ...(note ? { note: { text: note } } : {}),
    }).id;

  const highlights = {
    enClaim: highlight(en, QUOTES.enClaim, 'Claim', 'Official line; compare with the Arabic statement.'),
    enEvidence: highlight(en, QUOTES.enEvidence, 'Evidence'),
    arKey: highlight(ar, QUOTES.arKey, 'Key quote', 'Same commitment as in the English wire.'),
    mdQuestion: highlight(mdId, QUOTES.mdQuestion, 'Question'),
    orphan: highlight(en, QUOTES.orphan, 'Place/Date'),
  };
  // The passage was edited away: the highlight survives as orphaned.
  library.db.prepare(`UPDATE annotations SET status = 'orphaned', start = NULL, end = NULL WHERE id = ?`).run(highlights.orphan);

  const note = createNote(library.db, {
    title: 'Assessment: Manama keeps the door open',
    markdown: 'Both the English and the Arabic statements commit Bahrain to **continued coordination** with Tehran.\n\n- The wording is identical in substance.\n- Neither sets a date.',
    cite: [highlights.enClaim, highlights.arKey],
  });

  const dossier = createDossier(library.db, {
    title: DOSSIER_TITLE,
    subtitle: 'Statements and context, November 2024',
    author: 'Gulf desk, research unit',
    date: '2024-11-21',
    marking: MARKING,
    summaryText: 'Bahrain and Iran are moving towards restoring diplomatic relations severed in 2016. This dossier gathers the official statements in English and Arabic and the background of the 2023 Beijing agreement.',
  });
  addItems(library.db, dossier.id, { heading: 'Sources', ids: [en, ar, mdId] });
  addItems(library.db, dossier.id, { heading: 'Analysis', ids: [note.id, highlights.mdQuestion] });

  return {
    library,
    dir,
    dossierId: dossier.id,
    articles: { en, ar, md: mdId },
    highlights,
    noteId: note.id,
    dispose: () => {
      library.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
