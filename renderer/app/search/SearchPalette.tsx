/**
 * The search palette (Ctrl/Cmd+K from anywhere): results as you type, grouped by type, with
 * snippets whose matches are marked; filters that write query syntax (`source:… after:…`) so what
 * you see is what is searched. Enter opens the result: the article scrolled to the match, flashed.
 *
 * Typing never waits for search: requests are debounced and a late answer to an older query is
 * dropped.
 */
import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent, type ReactElement } from 'react';
import { api } from '../../api';
import { describeError, useApp } from '../context';
import type { ArticleList, SearchHit, SearchResult } from '../data/types';
import { languageName } from '../library/filters';
import { Icon } from '../shell/Icon';
import { moveInRadioGroup } from '../shell/keys';
import { registeredViews } from '../views';
import { Snippet, termMatches } from './Snippet';
import { composeQuery, type SearchFilters, type SearchType } from './query';

const DEBOUNCE_MS = 110;

const groupTitles: Record<SearchHit['type'], string> = { article: 'Articles', annotation: 'Highlights', note: 'Notes' };
const typeOrder: SearchHit['type'][] = ['article', 'annotation', 'note'];

export function SearchPalette({ initialQuery, onClose }: { initialQuery: string; onClose: () => void }): ReactElement {
  const { navigate, labels } = useApp();
  const [text, setText] = useState(initialQuery);
  const [filters, setFilters] = useState<SearchFilters>({});
  const [type, setType] = useState<SearchType>('all');
  const [result, setResult] = useState<SearchResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [active, setActive] = useState(0);
  const [facets, setFacets] = useState<ArticleList['facets'] | null>(null);
  const [showFilters, setShowFilters] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const listRef = useRef<HTMLDivElement>(null);
  const sequence = useRef(0);
  const listId = useId();
  const previousFocus = useRef<Element | null>(document.activeElement);

  const query = composeQuery(text, filters);

  useEffect(() => {
    input.current?.focus();
    api['articles.list']({})
      .then((list) => setFacets(list.facets))
      .catch(() => undefined);
    const restore = previousFocus.current;
    return () => {
      if (restore instanceof HTMLElement && restore.isConnected) restore.focus();
    };
  }, []);

  useEffect(() => {
    const mine = ++sequence.current;
    if (!query.trim()) {
      setResult(null);
      setBusy(false);
      setError(null);
      return;
    }
    setBusy(true);
    const timer = window.setTimeout(() => {
      api['search.query']({ query, type: type === 'all' ? undefined : type, limit: 40 })
        .then((answer) => {
          if (mine !== sequence.current) return; // a newer query is on its way: drop this answer
          setResult(answer);
          setError(null);
          setActive(0);
        })
        .catch((e: unknown) => {
          if (mine === sequence.current) setError(describeError(e));
        })
        .finally(() => {
          if (mine === sequence.current) setBusy(false);
        });
    }, DEBOUNCE_MS);
    return () => window.clearTimeout(timer);
  }, [query, type]);

  const groups = useMemo(() => {
    const hits = result?.results ?? [];
    return typeOrder.map((t) => ({ type: t, hits: hits.filter((h) => h.type === t) })).filter((g) => g.hits.length > 0);
  }, [result]);
  const flat = useMemo(() => groups.flatMap((g) => g.hits), [groups]);

  useEffect(() => {
    listRef.current?.querySelector(`[data-index="${active}"]`)?.scrollIntoView({ block: 'nearest' });
  }, [active]);

  const open = (hit: SearchHit): void => {
    onClose();
    const nonce = Date.now();
    if (hit.type === 'article') {
      const target = hit.textStart !== undefined && hit.textEnd !== undefined ? { start: hit.textStart, end: hit.textEnd } : undefined;
      navigate({ view: 'reader', articleId: hit.id, target, nonce });
    } else if (hit.type === 'annotation' && hit.articleId) {
      navigate({ view: 'reader', articleId: hit.articleId, target: { annotationId: hit.id }, nonce });
    } else if (hit.type === 'note') {
      if (registeredViews().some((v) => v.id === 'notes')) navigate({ view: 'notes', param: hit.id });
      else if (hit.articleId) navigate({ view: 'reader', articleId: hit.articleId, nonce });
    }
  };

  const paletteRef = useRef<HTMLDivElement>(null);
  const onKeyDown = (event: KeyboardEvent): void => {
    if (event.key === 'Tab') {
      // A modal palette keeps focus inside itself.
      const focusable = Array.from(paletteRef.current?.querySelectorAll<HTMLElement>('input, select, button, [tabindex]:not([tabindex="-1"])') ?? []).filter(
        (el) => !el.hasAttribute('disabled'),
      );
      const first = focusable[0];
      const last = focusable[focusable.length - 1];
      if (event.shiftKey && document.activeElement === first) {
        event.preventDefault();
        last?.focus();
      } else if (!event.shiftKey && document.activeElement === last) {
        event.preventDefault();
        first?.focus();
      }
      return;
    }
    if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      onClose();
    } else if (event.key === 'ArrowDown' && event.target === input.current) {
      event.preventDefault();
      setActive((i) => Math.min(flat.length - 1, i + 1));
    } else if (event.key === 'ArrowUp' && event.target === input.current) {
      event.preventDefault();
      setActive((i) => Math.max(0, i - 1));
    } else if (event.key === 'Enter' && event.target === input.current && flat[active]) {
      event.preventDefault();
      open(flat[active]);
    }
  };

  const setFilter = (patch: Partial<SearchFilters>): void => setFilters((f) => ({ ...f, ...patch }));
  const activeFilterCount = Object.values(filters).filter(Boolean).length;
  let index = -1;

  return (
    <div className="search-overlay" onMouseDown={(e) => e.target === e.currentTarget && onClose()} onKeyDown={onKeyDown}>
      <div className="search-palette" role="dialog" aria-modal="true" aria-label="Search" ref={paletteRef}>
        <div className="search-input-row">
          <Icon name="search" size={18} />
          <input
            ref={input}
            className="search-input"
            type="text"
            role="combobox"
            aria-label="Search"
            aria-expanded={flat.length > 0}
            aria-controls={listId}
            aria-autocomplete="list"
            aria-activedescendant={flat[active] ? `${listId}-${active}` : undefined}
            placeholder="Search articles, highlights and notes"
            value={text}
            onChange={(e) => setText(e.target.value)}
            spellCheck={false}
            autoComplete="off"
            dir="auto"
          />
          {busy && <span className="spinner" aria-label="Searching" role="status" />}
          <button
            type="button"
            className={showFilters || activeFilterCount ? 'button button-small is-on' : 'button button-small'}
            aria-expanded={showFilters}
            onClick={() => setShowFilters((s) => !s)}
          >
            <Icon name="filter" size={14} /> Filters{activeFilterCount ? ` (${activeFilterCount})` : ''}
          </button>
        </div>
        <div className="search-types" role="radiogroup" aria-label="Result type" onKeyDown={moveInRadioGroup}>
          {(['all', 'article', 'annotation', 'note'] as const).map((t) => (
            <button key={t} type="button" role="radio" aria-checked={type === t} className={type === t ? 'type-tab is-active' : 'type-tab'} onClick={() => setType(t)}>
              {t === 'all' ? 'All' : groupTitles[t]}
            </button>
          ))}
        </div>
        {showFilters && (
          <div className="search-filters" aria-label="Filters" role="group">
            <FilterSelect label="Source" value={filters.source} options={facets?.sources.map((f) => [f.value, f.value]) ?? []} onChange={(source) => setFilter({ source })} />
            <FilterSelect label="Tag" value={filters.tag} options={facets?.tags.map((f) => [f.value, f.value]) ?? []} onChange={(tag) => setFilter({ tag })} />
            <FilterSelect label="Label" value={filters.label} options={labels.map((l) => [l.name, l.name])} onChange={(label) => setFilter({ label })} />
            <FilterSelect
              label="Language"
              value={filters.lang}
              options={facets?.languages.map((f) => [f.value, languageName(f.value)]) ?? []}
              onChange={(lang) => setFilter({ lang })}
            />
            <label className="filter-date">
              <span>After</span>
              <input type="date" className="input input-small" value={filters.after ?? ''} onChange={(e) => setFilter({ after: e.target.value || undefined })} />
            </label>
            <label className="filter-date">
              <span>Before</span>
              <input type="date" className="input input-small" value={filters.before ?? ''} onChange={(e) => setFilter({ before: e.target.value || undefined })} />
            </label>
            {activeFilterCount > 0 && (
              <button type="button" className="link-button" onClick={() => setFilters({})}>
                Clear
              </button>
            )}
          </div>
        )}
        {result && flat.length > 0 && registeredViews().some((v) => v.id === 'timeline') && (
          <div className="search-actions">
            <button
              type="button"
              className="link-button"
              onClick={() => {
                onClose();
                navigate({ view: 'timeline', param: `search:${query}` });
              }}
            >
              <Icon name="timeline" size={13} /> Show the dates in these results on the timeline
            </button>
          </div>
        )}
        {query !== text && query.trim() && (
          <div className="search-query-preview" aria-label="Query">
            <code>{query}</code>
          </div>
        )}
        <div className="search-results" ref={listRef} id={listId} role="listbox" aria-label="Results">
          {error && (
            <div className="search-message is-error" role="alert">
              {error}
            </div>
          )}
          {result?.warning && <div className="search-message">{result.warning}</div>}
          {result && !result.ready && <div className="search-message">The index is still loading; results may be incomplete.</div>}
          {!query.trim() && <SearchHelp />}
          {result && flat.length === 0 && query.trim() && !busy && (
            <div className="search-message">
              Nothing found for <strong>{query}</strong>. Try fewer words, or remove a filter.
            </div>
          )}
          {groups.map((group) => (
            <div key={group.type} role="group" aria-label={groupTitles[group.type]} className="result-group">
              <div className="result-group-title" aria-hidden="true">
                {groupTitles[group.type]}
                <span className="panel-count">{group.hits.length}</span>
              </div>
              {group.hits.map((hit) => {
                index += 1;
                const i = index;
                return (
                  <div
                    key={`${hit.type}:${hit.id}`}
                    id={`${listId}-${i}`}
                    role="option"
                    aria-selected={i === active}
                    data-index={i}
                    className={i === active ? 'result is-active' : 'result'}
                    onMouseMove={() => i !== active && setActive(i)}
                    onClick={() => open(hit)}
                  >
                    <Icon name={hit.type === 'article' ? 'file' : hit.type === 'annotation' ? 'highlight' : 'note'} className="result-icon" />
                    <div className="result-body">
                      <div className="result-title" dir="auto">
                        <Snippet text={hit.title} matches={hit.titleMatches ?? termMatches(hit.title, text)} />
                      </div>
                      {hit.snippet && (
                        <div className="result-snippet" dir="auto">
                          <Snippet text={hit.snippet} matches={hit.matches} />
                        </div>
                      )}
                    </div>
                  </div>
                );
              })}
            </div>
          ))}
        </div>
        <div className="search-footer" aria-hidden="true">
          <span>
            <kbd>↑</kbd>
            <kbd>↓</kbd> move
          </span>
          <span>
            <kbd>↵</kbd> open
          </span>
          <span>
            <kbd>Esc</kbd> close
          </span>
          {result && <span className="search-total">{result.total} result{result.total === 1 ? '' : 's'}</span>}
        </div>
      </div>
    </div>
  );
}

function FilterSelect({
  label,
  value,
  options,
  onChange,
}: {
  label: string;
  value: string | undefined;
  options: ReadonlyArray<readonly [string, string]>;
  onChange: (value: string | undefined) => void;
}): ReactElement {
  return (
    <label className="filter-select">
      <span>{label}</span>
      <select className="input input-small" value={value ?? ''} onChange={(e) => onChange(e.target.value || undefined)}>
        <option value="">Any</option>
        {options.map(([v, name]) => (
          <option key={v} value={v}>
            {name}
          </option>
        ))}
      </select>
    </label>
  );
}

function SearchHelp(): ReactElement {
  return (
    <div className="search-help">
      <p>Type to search every article, highlight and note, in any language.</p>
      <ul>
        <li>
          <code>"exact phrase"</code> words in this order
        </li>
        <li>
          <code>-word</code> leave out results with a word
        </li>
        <li>
          <code>a OR b</code> either word
        </li>
        <li>
          <code>source:Reuters</code> <code>tag:gulf</code> <code>label:Claim</code> <code>lang:ar</code>
        </li>
        <li>
          <code>after:2024-01-01</code> <code>before:2024-06-30</code> published dates
        </li>
      </ul>
    </div>
  );
}
