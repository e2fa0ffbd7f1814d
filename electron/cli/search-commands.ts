/**
 * `quire search QUERY` and `quire reindex`. The CLI searches in-process (no worker: it answers once
 * and exits), loading the saved index and catching up with the change log first.
 */
import { InvalidArgumentError, type Command } from 'commander';
import { UsageError } from '../core/errors.js';
import { createSearchService } from '../core/search/index.js';
import type { SearchDocType, SearchHit, SearchMatch } from '../core/search/types.js';
import { printJson, printLine, wantsJson, withLibrary } from './context.js';

const TYPES: readonly SearchDocType[] = ['article', 'annotation', 'note'];

function parseType(value: string): SearchDocType {
  const type = value.toLowerCase() as SearchDocType;
  if (!TYPES.includes(type)) throw new InvalidArgumentError('use article, annotation or note');
  return type;
}

function parseLimit(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 500) throw new InvalidArgumentError('a whole number from 1 to 500');
  return n;
}

/** Marks matches: reverse video on a terminal, «guillemets» on a pipe. */
export function markMatches(snippet: string, matches: readonly SearchMatch[], tty: boolean): string {
  const [open, close] = tty ? ['\x1b[1;7m', '\x1b[0m'] : ['«', '»'];
  const sorted = [...matches].sort((a, b) => a.start - b.start);
  let out = '';
  let at = 0;
  for (const m of sorted) {
    if (m.start < at || m.end > snippet.length || m.end <= m.start) continue;
    out += snippet.slice(at, m.start) + open + snippet.slice(m.start, m.end) + close;
    at = m.end;
  }
  return out + snippet.slice(at);
}

function humanLine(hit: SearchHit, tty: boolean): string {
  const kind = hit.type === 'article' ? '' : `[${hit.type}] `;
  const snippet = hit.snippet ? ` — ${markMatches(hit.snippet, hit.matches, tty)}` : '';
  return `${hit.id}  ${kind}${hit.title}${snippet}`;
}

export function registerSearchCommands(program: Command): void {
  program
    .command('search')
    .description(
      'search articles, highlights and notes (words AND-ed, in any form or spelling; =word one spelling; OR; -word; "exact phrase"; title: source: tag: label: lang: type:; after:/before: dates)',
    )
    .argument('<query...>', 'what to look for')
    .option('--type <type>', 'only articles, annotations or notes', parseType)
    .option('--limit <n>', 'at most this many results (default 20)', parseLimit)
    .action(async (words: string[], options: { type?: SearchDocType; limit?: number }, command: Command) => {
      const query = words.join(' ');
      if (query.trim() === '') throw new UsageError('Give something to search for, for example: quire search "good neighbourliness"');
      await withLibrary(command, async (library) => {
        const search = createSearchService(library, { mode: 'inline' });
        try {
          const response = await search.search({ query, limit: options.limit ?? 20, ...(options.type ? { type: options.type } : {}) });
          if (response.warning) process.stderr.write(`quire: ${response.warning}\n`);
          if (wantsJson(command)) {
            return printJson({
              total: response.total,
              results: response.results.map((h) => ({
                type: h.type,
                id: h.id,
                articleId: h.articleId,
                title: h.title,
                score: h.score,
                snippet: h.snippet,
                matches: h.matches,
              })),
              ...(response.totalIsEstimate ? { totalIsEstimate: true } : {}),
              ...(response.warning ? { warning: response.warning } : {}),
            });
          }
          if (response.total === 0) return printLine('No results.');
          const tty = process.stdout.isTTY === true;
          for (const hit of response.results) printLine(humanLine(hit, tty));
          const about = response.totalIsEstimate ? 'about ' : '';
          if (response.total > response.results.length) {
            printLine(`(${response.results.length} of ${about}${response.total} results; use --limit for more)`);
          }
        } finally {
          await search.close();
        }
      });
    });

  program
    .command('reindex')
    .description('rebuild the search index from the library')
    .action(async (_options: unknown, command: Command) => {
      await withLibrary(command, async (library) => {
        const search = createSearchService(library, { mode: 'inline' });
        const started = performance.now();
        try {
          await search.rebuild();
          const status = await search.status?.();
          const seconds = ((performance.now() - started) / 1000).toFixed(1);
          if (wantsJson(command)) return printJson({ indexed: status?.indexed ?? 0, seconds: Number(seconds) });
          printLine(`Indexed ${status?.indexed ?? 0} documents in ${seconds} s.`);
        } finally {
          await search.close();
        }
      });
    });
}
