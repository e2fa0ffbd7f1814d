/**
 * A library built from the shared corpus fixtures: the English, Arabic and Markdown articles with
 * their originals, labelled highlights (one with a note, one orphaned), an analyst note citing two
 * highlights, and a dossier with a marking. Articles are written straight to the tables (the import
 * pipeline is tested elsewhere); highlights go through the annotations service.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { documentFromBlocks, documentFromPlainText, documentPlainText, type ArticleDocument } from '../../../electron/common/document.js';
import { createAnnotation } from '../../../electron/core/annotations.js';
import { contentHash } from '../../../electron/core/content-hash.js';
import { insertArticle } from '../../../electron/core/db/articles.js';
import { addItems, createDossier } from '../../../electron/core/dossiers/dossiers.js';
import { newId } from '../../../electron/core/ids.js';
import { extractMarkdown } from '../../../electron/core/importers/markdown.js';
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

function addCorpusArticle(
  library: Library,
  file: string,
  meta: { title: string; source: string | null; byline: string | null; url: string | null; publishedAt: string | null; language: string; direction: 'ltr' | 'rtl'; mediaType: string },
  doc: ArticleDocument,
): string {
  const bytes = readFileSync(join(FIXTURES, file));
  const staged = library.originals.stage(bytes);
  staged.commit();
  const text = documentPlainText(doc);
  const id = newId('art');
  insertArticle(library.db, {
    id,
    ...meta,
    importedAt: '2026-11-20T09:30:00.000Z',
    bodyJson: JSON.stringify(doc),
    text,
    originalName: file,
    originalSha256: staged.sha256,
    contentSha256: contentHash(meta.title, text),
  });
  return id;
}

export function buildCorpusLibrary(): CorpusLibrary {
  registerLabelSeeding();
  const dir = mkdtempSync(join(tmpdir(), 'quire-'));
  const library = openLibrary({ dir: join(dir, 'lib') });
  const labels = new Map(listLabels(library).map((l) => [l.name, l.id]));
  const label = (name: string): string => {
    const id = labels.get(name);
    if (!id) throw new Error(`no default label ${name}`);
    return id;
  };

  const en = addCorpusArticle(
    library,
    'bahrain-iran-coordination.txt',
    {
      title: 'Bahrain to continue coordination with Iran to restore diplomatic ties',
      source: 'Example Wire',
      byline: 'Staff correspondent',
      url: 'https://news.example.com/world/bahrain-iran-coordination',
      publishedAt: '2024-11-19',
      language: 'en',
      direction: 'ltr',
      mediaType: 'text/plain',
    },
    documentFromPlainText(readFileSync(join(FIXTURES, 'bahrain-iran-coordination.txt'), 'utf8'), 'ltr'),
  );
  const arSource = readFileSync(join(FIXTURES, 'manama-tehran-talks.ar.txt'), 'utf8');
  const [arTitle, ...arBody] = arSource.split(/\n\s*\n/);
  const ar = addCorpusArticle(
    library,
    'manama-tehran-talks.ar.txt',
    {
      title: (arTitle ?? '').trim(),
      source: 'وكالة المثال للأنباء',
      byline: null,
      url: 'https://ar.example.net/news/manama-tehran',
      publishedAt: '2024-11-20',
      language: 'ar',
      direction: 'rtl',
      mediaType: 'text/plain',
    },
    documentFromPlainText(arBody.join('\n\n'), 'rtl'),
  );
  const md = extractMarkdown(readFileSync(join(FIXTURES, 'beijing-deal-briefing.md'), 'utf8'));
  const mdId = addCorpusArticle(
    library,
    'beijing-deal-briefing.md',
    {
      title: md.title ?? 'Beijing deal',
      source: md.source ?? null,
      byline: md.byline ?? null,
      url: md.url ?? null,
      publishedAt: md.publishedAt ?? null,
      language: 'en',
      direction: 'ltr',
      mediaType: 'text/markdown',
    },
    documentFromBlocks(md.blocks, 'ltr'),
  );

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
