/**
 * "Cite highlight": pick a highlight from the library (type to filter by quote, note, label or
 * article; ↑/↓ and Enter) and the note gets a citation block for it.
 */
import { useEffect, useId, useRef, useState, type KeyboardEvent, type ReactElement } from 'react';
import { api } from '../../api';
import type { CitableHighlightDto } from '../../../electron/api/contract/notes';
import { useApp } from '../context';
import { formatDate } from '../format';
import { Dialog } from '../shell/Dialog';

interface CitePickerProps {
  readonly open: boolean;
  /** Offer "only this article" when the note is attached to one. */
  readonly articleId: string | null;
  readonly onClose: () => void;
  readonly onPick: (highlight: CitableHighlightDto) => void;
  readonly title?: string;
  readonly actionLabel?: string;
}

export function CitePicker({ open, articleId, onClose, onPick, title = 'Cite a highlight', actionLabel = 'Cite' }: CitePickerProps): ReactElement | null {
  const { reportError } = useApp();
  const [query, setQuery] = useState('');
  const [onlyArticle, setOnlyArticle] = useState(articleId !== null);
  const [results, setResults] = useState<readonly CitableHighlightDto[] | null>(null);
  const [active, setActive] = useState(0);
  const listId = useId();
  const list = useRef<HTMLUListElement>(null);

  useEffect(() => {
    if (!open) return;
    setOnlyArticle(articleId !== null);
    setQuery('');
    setActive(0);
  }, [open, articleId]);

  useEffect(() => {
    if (!open) return;
    let live = true;
    const timer = window.setTimeout(() => {
      api['notes.citable']({ query, ...(onlyArticle && articleId ? { articleId } : {}), limit: 200 })
        .then((result) => {
          if (!live) return;
          setResults(result.highlights);
          setActive(0);
        })
        .catch((error: unknown) => live && reportError(error, 'list the highlights'));
    }, 120);
    return () => {
      live = false;
      window.clearTimeout(timer);
    };
  }, [open, query, onlyArticle, articleId, reportError]);

  useEffect(() => {
    list.current?.querySelector(`[data-index="${active}"]`)?.scrollIntoView({ block: 'nearest' });
  }, [active]);

  const choose = (highlight: CitableHighlightDto | undefined): void => {
    if (highlight) onPick(highlight);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>): void => {
    const count = results?.length ?? 0;
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      setActive((i) => Math.min(i + 1, count - 1));
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      setActive((i) => Math.max(i - 1, 0));
    } else if (event.key === 'Enter') {
      event.preventDefault();
      choose(results?.[active]);
    }
  };

  return (
    <Dialog open={open} title={title} onClose={onClose} className="cite-picker">
      <div className="cite-picker-controls">
        <input
          className="input"
          type="search"
          autoFocus
          placeholder="Filter by quote, note, label or article…"
          aria-label="Filter highlights"
          role="combobox"
          aria-expanded="true"
          aria-controls={listId}
          aria-activedescendant={results && results.length > 0 ? `${listId}-${active}` : undefined}
          value={query}
          onChange={(event) => setQuery(event.target.value)}
          onKeyDown={onKeyDown}
        />
        {articleId && (
          <label className="q-check">
            <input type="checkbox" checked={onlyArticle} onChange={(event) => setOnlyArticle(event.target.checked)} /> Only this note’s article
          </label>
        )}
      </div>
      <ul className="cite-list" role="listbox" id={listId} ref={list} aria-label="Highlights">
        {results?.map((h, index) => (
          <li
            key={h.id}
            id={`${listId}-${index}`}
            data-index={index}
            role="option"
            aria-selected={index === active}
            className={`cite-option${index === active ? ' is-active' : ''}${h.status === 'orphaned' ? ' is-orphaned' : ''}`}
            onMouseEnter={() => setActive(index)}
            onClick={() => choose(h)}
          >
            <span className="cite-option-chip" style={{ background: h.label?.color ?? 'var(--border-strong)' }} title={h.label?.name ?? 'No label'} />
            <span className="cite-option-main">
              <span className="cite-option-quote" dir={h.direction}>
                “{h.quote}”
              </span>
              <span className="cite-option-meta">
                {[h.label?.name, h.articleTitle, h.source, h.publishedAt ? formatDate(h.publishedAt) : null, h.status === 'orphaned' ? 'orphaned' : null]
                  .filter(Boolean)
                  .join(' · ')}
              </span>
            </span>
            <span className="cite-option-action" aria-hidden="true">
              {actionLabel}
            </span>
          </li>
        ))}
      </ul>
      {results && results.length === 0 && (
        <p className="panel-empty cite-empty">
          {query ? 'No highlight matches these words.' : 'No highlights yet. Select text in an article and pick a label to highlight it.'}
        </p>
      )}
    </Dialog>
  );
}
