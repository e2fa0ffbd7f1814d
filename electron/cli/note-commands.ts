/** `quire note …`: write notes from the command line, citing highlights by id. */
import type { Command } from 'commander';
import { parseDocument } from '../common/document.js';
import { appendCitations, CITATION_STATUS_TEXT } from '../common/note-document.js';
import { UsageError } from '../core/errors.js';
import { citationFor, createNote, deleteNote, getNote, listNotes, updateNote, type Note } from '../core/notes.js';
import { printJson, printLine, wantsJson, withLibrary } from './context.js';
import { readText } from './dossier-commands.js';

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

function printNote(note: Note): void {
  printLine(note.title);
  printLine('='.repeat(Math.min(note.title.length, 80)));
  printLine(`Id:       ${note.id}`);
  if (note.article) printLine(`Article:  ${note.article.title} (${note.article.articleId})`);
  printLine(`Updated:  ${note.updatedAt}`);
  printLine();
  printLine(note.text);
  if (note.citations.length === 0) return;
  printLine();
  printLine('Citations:');
  for (const c of note.citations) {
    const where = [c.article?.title ?? c.snapshot.articleTitle, c.article?.source ?? c.snapshot.source].filter(Boolean).join(', ');
    printLine(`  “${c.quote}” — ${where || 'unknown source'}  (${c.annotationId})`);
    if (c.status !== 'current') printLine(`    ! ${CITATION_STATUS_TEXT[c.status]}${c.status === 'changed' ? ` Now: “${c.currentQuote ?? ''}”` : ''}`);
  }
}

export function registerNoteCommands(program: Command): void {
  const note = program.command('note').description('write notes that cite highlights');

  note
    .command('create')
    .description('create a note and print it with its id')
    .argument('<title>', 'title')
    .option('--article <id>', 'attach the note to an article')
    .option('--text <text>', 'the note’s text (blank lines separate paragraphs)')
    .option('--file <file.md>', 'the note’s text from a Markdown file (headings, lists, emphasis, links, quotes)')
    .option('--cite <annotation-id>', 'cite a highlight (repeatable; added at the end in this order)', collect, [])
    .action(async (title: string, options: { article?: string; text?: string; file?: string; cite: string[] }, command: Command) => {
      if (options.text !== undefined && options.file !== undefined) throw new UsageError('Give the text with --text or --file, not both.');
      const markdown = options.file !== undefined ? readText(options.file) : undefined;
      await withLibrary(command, (library) => {
        const created = createNote(library.db, {
          title,
          ...(options.article !== undefined ? { articleId: options.article } : {}),
          ...(options.text !== undefined ? { text: options.text } : {}),
          ...(markdown !== undefined ? { markdown } : {}),
          cite: options.cite,
        });
        if (wantsJson(command)) return printJson(created);
        printLine(`Created note ${created.id} “${created.title}”${created.citations.length ? ` citing ${created.citations.length} highlight(s)` : ''}.`);
      });
    });

  note
    .command('cite')
    .description('append citations of highlights to a note')
    .argument('<note-id>', 'note id')
    .argument('<annotation-ids...>', 'highlights to cite, in order')
    .action(async (noteId: string, annotationIds: string[], _options: unknown, command: Command) => {
      await withLibrary(command, (library) => {
        const current = getNote(library.db, noteId);
        const doc = appendCitations(parseDocument(current.bodyJson), annotationIds.map((id) => citationFor(library.db, id)));
        const updated = updateNote(library.db, noteId, { bodyJson: JSON.stringify(doc) });
        if (wantsJson(command)) return printJson(updated);
        printLine(`Note ${updated.id} now cites ${updated.citations.length} highlight(s).`);
      });
    });

  note
    .command('list')
    .description('list notes, most recently edited first')
    .option('--article <id>', 'only notes attached to this article')
    .action(async (options: { article?: string }, command: Command) => {
      await withLibrary(command, (library) => {
        const notes = listNotes(library.db, options.article !== undefined ? { articleId: options.article } : {});
        if (wantsJson(command)) return printJson(notes);
        if (notes.length === 0) return printLine('No notes yet. Write one with `quire note create TITLE --text …`.');
        for (const n of notes) {
          const meta = [n.articleTitle ? `on ${n.articleTitle}` : null, n.citationCount ? `${n.citationCount} citation(s)` : null, n.updatedAt.slice(0, 10)]
            .filter(Boolean)
            .join(' · ');
          printLine(`${n.id}  ${n.title}  (${meta})`);
        }
      });
    });

  note
    .command('show')
    .description('show a note with its citations and whether each is still current')
    .argument('<note-id>', 'note id')
    .action(async (id: string, _options: unknown, command: Command) => {
      await withLibrary(command, (library) => {
        const found = getNote(library.db, id);
        if (wantsJson(command)) return printJson(found);
        printNote(found);
      });
    });

  note
    .command('delete')
    .description('delete a note')
    .argument('<note-id>', 'note id')
    .action(async (id: string, _options: unknown, command: Command) => {
      await withLibrary(command, (library) => {
        deleteNote(library.db, id);
        if (wantsJson(command)) return printJson({ deleted: id });
        printLine(`Deleted note ${id}.`);
      });
    });
}
