/**
 * The library table: every article with title, source, dates, language and highlight count; sort by
 * any column, filter from the navigation pane or by typing; ↑/↓ and Enter to open; Delete with undo.
 * Rows are windowed, so a library of a hundred thousand articles scrolls as smoothly as ten.
 */
import { useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent, type ReactElement } from 'react';
import { api } from '../../api';
import { useApp } from '../context';
import type { ArticleList, ArticleListItem } from '../data/types';
import { formatDate } from '../format';
import { Icon } from '../shell/Icon';
import { RightPane } from '../shell/RightPane';
import { useDeleteArticle } from './useDeleteArticle';
import { clearFilters, hasActiveFilters, languageName, setFilters, useFilters, type SortKey } from './filters';
import { EmptyLibrary } from './EmptyLibrary';
import { ArticleDetails } from './ArticleDetails';
import { LibraryGlance } from './LibraryGlance';

const ROW_HEIGHT = 52;
const OVERSCAN = 8;

const columns: ReadonlyArray<{ key: SortKey | null; label: string; className: string }> = [
  { key: 'title', label: 'Title', className: 'col-title' },
  { key: 'source', label: 'Source', className: 'col-source' },
  { key: 'published', label: 'Published', className: 'col-date' },
  { key: null, label: 'Language', className: 'col-lang' },
  { key: 'highlights', label: 'Highlights', className: 'col-count' },
  { key: 'imported', label: 'Imported', className: 'col-date' },
];

function matchesText(article: ArticleListItem, text: string): boolean {
  if (!text) return true;
  const needle = text.toLocaleLowerCase();
  return [article.title, article.source ?? '', article.byline ?? '', ...article.tags].some((field) => field.toLocaleLowerCase().includes(needle));
}

export function LibraryView(): ReactElement {
  const { navigate, libraryVersion, reportError } = useApp();
  const filters = useFilters();
  const [data, setData] = useState<ArticleList | null>(null);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [viewport, setViewport] = useState(600);
  const scroller = useRef<HTMLDivElement>(null);
  const deleteArticle = useDeleteArticle();

  useEffect(() => {
    let live = true;
    api['articles.list']({
      tag: filters.tag,
      source: filters.source,
      language: filters.language,
      hasHighlights: filters.hasHighlights,
      sort: filters.sort,
      order: filters.order,
    })
      .then((result) => live && setData(result))
      .catch((error: unknown) => live && reportError(error, 'load the library'));
    return () => {
      live = false;
    };
  }, [filters.tag, filters.source, filters.language, filters.hasHighlights, filters.sort, filters.order, libraryVersion, reportError]);

  useEffect(() => {
    const element = scroller.current;
    if (!element) return;
    const observer = new ResizeObserver(() => setViewport(element.clientHeight));
    observer.observe(element);
    return () => observer.disconnect();
  }, [data !== null]);

  const rows = useMemo(() => (data ? data.articles.filter((a) => matchesText(a, filters.text)) : []), [data, filters.text]);
  const selectedIndex = rows.findIndex((r) => r.id === selectedId);
  const selected = selectedIndex >= 0 ? rows[selectedIndex]! : null;

  const focusRow = useCallback((index: number) => {
    const element = scroller.current;
    if (!element) return;
    const top = index * ROW_HEIGHT;
    if (top < element.scrollTop) element.scrollTop = top;
    else if (top + ROW_HEIGHT > element.scrollTop + element.clientHeight) element.scrollTop = top + ROW_HEIGHT - element.clientHeight;
    // The row may render on the next frame after scrolling.
    requestAnimationFrame(() => element.querySelector<HTMLButtonElement>(`[data-row="${index}"] .row-open`)?.focus());
  }, []);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>): void => {
    if (rows.length === 0) return;
    let next = selectedIndex;
    if (event.key === 'ArrowDown') next = Math.min(rows.length - 1, selectedIndex + 1);
    else if (event.key === 'ArrowUp') next = Math.max(0, selectedIndex - 1);
    else if (event.key === 'Home') next = 0;
    else if (event.key === 'End') next = rows.length - 1;
    else if (event.key === 'PageDown') next = Math.min(rows.length - 1, selectedIndex + Math.floor(viewport / ROW_HEIGHT));
    else if (event.key === 'PageUp') next = Math.max(0, selectedIndex - Math.floor(viewport / ROW_HEIGHT));
    else if ((event.key === 'Delete' || event.key === 'Backspace') && selected) {
      event.preventDefault();
      const after = rows[selectedIndex + 1] ?? rows[selectedIndex - 1] ?? null;
      void deleteArticle(selected).then((ok) => ok && setSelectedId(after?.id ?? null));
      return;
    } else return;
    event.preventDefault();
    setSelectedId(rows[next]!.id);
    focusRow(next);
  };

  // "/" jumps to the filter field, as in most keyboard-driven lists.
  const filterInput = useRef<HTMLInputElement>(null);
  useEffect(() => {
    const onKeyDown = (event: globalThis.KeyboardEvent): void => {
      if (event.key !== '/' || event.ctrlKey || event.metaKey || event.altKey) return;
      const target = event.target as HTMLElement | null;
      if (target && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName))) return;
      if (document.querySelector('dialog[open], .search-overlay')) return;
      event.preventDefault();
      filterInput.current?.focus();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);

  const sortBy = (key: SortKey): void => {
    if (filters.sort === key) setFilters({ order: filters.order === 'asc' ? 'desc' : 'asc' });
    else setFilters({ sort: key, order: key === 'title' || key === 'source' ? 'asc' : 'desc' });
  };

  if (data && data.total === 0) return <EmptyLibrary />;

  const first = Math.max(0, Math.floor(scrollTop / ROW_HEIGHT) - OVERSCAN);
  const last = Math.min(rows.length, Math.ceil((scrollTop + viewport) / ROW_HEIGHT) + OVERSCAN);
  const active = hasActiveFilters(filters);

  return (
    <div className="library">
      <div className="view-header">
        <div className="view-title">
          <h1>Library</h1>
          <span className="view-subtitle">
            {data ? (active ? `${rows.length} of ${data.total} articles` : `${data.total} article${data.total === 1 ? '' : 's'}`) : 'Loading…'}
          </span>
        </div>
        <div className="view-actions library-actions">
          <div className="filter-field">
            <Icon name="filter" />
            <input
              ref={filterInput}
              className="input input-quiet"
              type="search"
              aria-label="Filter articles"
              placeholder="Filter by title, source, tag"
              value={filters.text}
              onChange={(e) => setFilters({ text: e.target.value })}
              onKeyDown={(e) => {
                if (e.key === 'ArrowDown' && rows.length > 0) {
                  e.preventDefault();
                  setSelectedId(rows[0]!.id);
                  focusRow(0);
                }
              }}
            />
          </div>
        </div>
      </div>
      {active && (
        <div className="active-filters" aria-label="Active filters">
          {filters.hasHighlights && <FilterChip label="With highlights" onClear={() => setFilters({ hasHighlights: undefined })} />}
          {filters.tag && <FilterChip label={`Tag: ${filters.tag}`} onClear={() => setFilters({ tag: undefined })} />}
          {filters.source && <FilterChip label={`Source: ${filters.source}`} onClear={() => setFilters({ source: undefined })} />}
          {filters.language && <FilterChip label={`Language: ${languageName(filters.language)}`} onClear={() => setFilters({ language: undefined })} />}
          {filters.text && <FilterChip label={`“${filters.text}”`} onClear={() => setFilters({ text: '' })} />}
          <button type="button" className="link-button" onClick={clearFilters}>
            Clear all
          </button>
        </div>
      )}
      <div className="table" role="table" aria-label="Articles" aria-rowcount={rows.length + 1}>
        <div className="table-head" role="rowgroup">
          <div className="table-row table-header-row" role="row" aria-rowindex={1}>
            {columns.map((column) => {
              const sorted = column.key !== null && filters.sort === column.key;
              return (
                <div
                  key={column.label}
                  role="columnheader"
                  className={`table-cell ${column.className}`}
                  aria-sort={sorted ? (filters.order === 'asc' ? 'ascending' : 'descending') : undefined}
                >
                  {column.key ? (
                    <button type="button" className={sorted ? 'sort-button is-sorted' : 'sort-button'} onClick={() => sortBy(column.key!)}>
                      {column.label}
                      {sorted && <span className="sort-arrow" aria-hidden="true">{filters.order === 'asc' ? '↑' : '↓'}</span>}
                    </button>
                  ) : (
                    <span className="sort-button static">{column.label}</span>
                  )}
                </div>
              );
            })}
          </div>
        </div>
        <div className="table-body" role="rowgroup" ref={scroller} onScroll={(e) => setScrollTop(e.currentTarget.scrollTop)} onKeyDown={onKeyDown}>
          {data && rows.length === 0 && (
            <div className="table-empty" role="row">
              <div role="cell">
                No article matches these filters.{' '}
                <button type="button" className="link-button" onClick={clearFilters}>
                  Clear the filters
                </button>
              </div>
            </div>
          )}
          <div style={{ height: rows.length * ROW_HEIGHT, position: 'relative' }}>
            {rows.slice(first, last).map((article, i) => {
              const index = first + i;
              const isSelected = article.id === selectedId;
              return (
                <div
                  key={article.id}
                  role="row"
                  aria-rowindex={index + 2}
                  aria-selected={isSelected}
                  data-row={index}
                  className={isSelected ? 'table-row is-selected' : 'table-row'}
                  style={{ top: index * ROW_HEIGHT, height: ROW_HEIGHT }}
                  onClick={() => setSelectedId(article.id)}
                  onDoubleClick={() => navigate({ view: 'reader', articleId: article.id })}
                >
                  <div role="cell" className="table-cell col-title" dir="auto">
                    <button
                      type="button"
                      className="row-open"
                      onFocus={() => setSelectedId(article.id)}
                      onClick={(e) => {
                        e.stopPropagation();
                        navigate({ view: 'reader', articleId: article.id });
                      }}
                    >
                      {article.title}
                    </button>
                    <span className="row-excerpt" dir="auto" aria-hidden="true">
                      {article.excerpt}
                    </span>
                  </div>
                  <div role="cell" className="table-cell col-source" title={article.source ?? ''}>
                    {article.source ?? <span className="muted">—</span>}
                  </div>
                  <div role="cell" className="table-cell col-date">
                    {article.publishedAt ? formatDate(article.publishedAt) : <span className="muted">—</span>}
                  </div>
                  <div role="cell" className="table-cell col-lang">
                    {article.language ? <span className="lang-pill" title={languageName(article.language)}>{article.language.toUpperCase()}</span> : <span className="muted">—</span>}
                  </div>
                  <div role="cell" className="table-cell col-count">
                    {article.highlights > 0 ? (
                      <span className="count-pill" aria-label={`${article.highlights} highlights`}>
                        {article.highlights}
                      </span>
                    ) : (
                      <span className="muted" aria-label="No highlights">
                        0
                      </span>
                    )}
                  </div>
                  <div role="cell" className="table-cell col-date">
                    {formatDate(article.importedAt)}
                  </div>
                </div>
              );
            })}
          </div>
        </div>
      </div>
      <RightPane>
        {selected ? (
          <ArticleDetails
            articleId={selected.id}
            onOpen={() => navigate({ view: 'reader', articleId: selected.id })}
            onDelete={() => {
              const after = rows[selectedIndex + 1] ?? rows[selectedIndex - 1] ?? null;
              void deleteArticle(selected).then((ok) => ok && setSelectedId(after?.id ?? null));
            }}
          />
        ) : (
          <LibraryGlance />
        )}
      </RightPane>
    </div>
  );
}

function FilterChip({ label, onClear }: { label: string; onClear: () => void }): ReactElement {
  return (
    <span className="filter-chip">
      {label}
      <button type="button" className="chip-clear" aria-label={`Remove filter ${label}`} onClick={onClear}>
        <Icon name="close" size={12} />
      </button>
    </span>
  );
}
