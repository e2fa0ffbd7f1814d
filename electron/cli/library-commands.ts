import type { Command } from 'commander';
import { deleteArticleWithOriginal, articleDetails } from '../core/articles.js';
import { listArticles } from '../core/db/articles.js';
import { addArticleTags } from '../core/db/tags.js';
import { NotFoundError } from '../core/errors.js';
import { libraryInfo } from '../core/library.js';
import { printJson, printLine, wantsJson, withLibrary } from './context.js';

export function registerLibraryCommands(program: Command): void {
  program
    .command('info')
    .description('show the library path, counts and schema version')
    .action(async (_options: unknown, command: Command) => {
      await withLibrary(command, (library) => {
        const info = libraryInfo(library);
        if (wantsJson(command)) return printJson(info);
        printLine(`Library:        ${info.path}`);
        printLine(`Schema version: ${info.schemaVersion}`);
        printLine(`Articles:       ${info.articles}`);
        printLine(`Highlights:     ${info.annotations}`);
        printLine(`Notes:          ${info.notes}`);
        printLine(`Dossiers:       ${info.dossiers}`);
        printLine(`Labels:         ${info.labels}`);
      });
    });

  program
    .command('list')
    .description('list the articles in the library, newest import first')
    .action(async (_options: unknown, command: Command) => {
      await withLibrary(command, (library) => {
        const articles = listArticles(library.db);
        if (wantsJson(command)) return printJson(articles);
        if (articles.length === 0) return printLine('The library is empty. Import files with `quire import PATH`.');
        for (const a of articles) {
          const meta = [a.source, a.publishedAt?.slice(0, 10), a.language].filter(Boolean).join(' · ');
          printLine(`${a.id}  ${a.title}${meta ? `  (${meta})` : ''}`);
        }
      });
    });

  program
    .command('show')
    .description('show one article with its text and metadata')
    .argument('<id>', 'article id')
    .action(async (id: string, _options: unknown, command: Command) => {
      await withLibrary(command, (library) => {
        const article = articleDetails(library, id);
        if (!article) throw new NotFoundError('article', id);
        if (wantsJson(command)) return printJson(article);
        printLine(article.title);
        printLine('='.repeat(Math.min(article.title.length, 80)));
        const meta: [string, string | null][] = [
          ['Byline', article.byline],
          ['Source', article.source],
          ['URL', article.url],
          ['Published', article.publishedAt],
          ['Imported', article.importedAt],
          ['Language', article.language ? `${article.language} (${article.direction})` : null],
          ['Tags', article.tags.join(', ') || null],
          ['Original', article.originalName ? `${article.originalName} (${article.mediaType ?? 'unknown type'})` : null],
          ['SHA-256', article.sha256],
        ];
        for (const [key, value] of meta) if (value) printLine(`${`${key}:`.padEnd(11)}${value}`);
        printLine();
        printLine(article.text);
      });
    });

  program
    .command('delete')
    .description('delete an article with its highlights')
    .argument('<id>', 'article id')
    .action(async (id: string, _options: unknown, command: Command) => {
      await withLibrary(command, (library) => {
        deleteArticleWithOriginal(library, id);
        if (wantsJson(command)) return printJson({ deleted: id });
        printLine(`Deleted ${id}.`);
      });
    });

  program
    .command('tag')
    .description('add tags to an article')
    .argument('<id>', 'article id')
    .argument('<tags...>', 'tags to add')
    .action(async (id: string, tags: string[], _options: unknown, command: Command) => {
      await withLibrary(command, (library) => {
        library.db.transaction(() => {
          if (!library.db.prepare(`SELECT 1 FROM articles WHERE id = ?`).get(id)) throw new NotFoundError('article', id);
          addArticleTags(library.db, id, tags);
        })();
        const article = articleDetails(library, id);
        if (wantsJson(command)) return printJson({ id, tags: article?.tags ?? [] });
        printLine(`${id}: ${(article?.tags ?? []).join(', ')}`);
      });
    });
}
