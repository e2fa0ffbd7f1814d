/**
 * The builder's right pane: add a section heading, or articles, highlights and notes picked from the
 * library, or from search results. What the dossier already holds is marked and cannot be added twice.
 */
import { useEffect, useMemo, useState, type FormEvent, type ReactElement } from 'react';
import { api } from '../../api';
import type { DossierDto } from '../../../electron/api/contract/dossiers';
import type { CitableHighlightDto, NoteSummaryDto } from '../../../electron/api/contract/notes';
import type { ArticleListItem, SearchHit } from '../data/types';
import { useApp } from '../context';
import { formatDate } from '../format';
import { Icon } from '../shell/Icon';

type Tab = 'articles' | 'highlights' | 'notes' | 'search';
const TABS: readonly [Tab, string][] = [
  ['articles', 'Articles'],
  ['highlights', 'Highlights'],
  ['notes', 'Notes'],
  ['search', 'Search'],
];

interface AddItemsPanelProps {
  readonly dossier: DossierDto;
  readonly onAdd: (input: { ids?: string[]; heading?: string; highlightsOnly?: boolean }) => Promise<void>;
}

interface Candidate {
  readonly id: string;
  readonly kind: 'article' | 'annotation' | 'note';
  readonly title: string;
  readonly detail: string;
  readonly color?: string;
  readonly dir?: 'ltr' | 'rtl';
}

export function AddItemsPanel({ dossier, onAdd }: AddItemsPanelProps): ReactElement {
  const { reportError, libraryVersion } = useApp();
  const [tab, setTab] = useState<Tab>('articles');
  const [filter, setFilter] = useState('');
  const [heading, setHeading] = useState('');
  const [highlightsOnly, setHighlightsOnly] = useState(false);
  const [candidates, setCandidates] = useState<readonly Candidate[] | null>(null);
  const present = useMemo(() => new Set(dossier.items.map((i) => `${i.kind}:${i.refId ?? ''}`)), [dossier.items]);

  useEffect(() => {
    let live = true;
    const query = filter.trim();
    const load = async (): Promise<readonly Candidate[]> => {
      if (tab === 'articles') {
        const { articles } = await api['articles.list']({ sort: 'imported' });
        const needle = query.toLocaleLowerCase();
        return articles
          .filter((a: ArticleListItem) => !needle || [a.title, a.source ?? '', ...a.tags].some((f) => f.toLocaleLowerCase().includes(needle)))
          .map((a: ArticleListItem) => ({
            id: a.id,
            kind: 'article' as const,
            title: a.title,
            detail: [a.source, a.publishedAt ? formatDate(a.publishedAt) : null, `${a.highlights} highlight${a.highlights === 1 ? '' : 's'}`].filter(Boolean).join(' · '),
            dir: a.direction,
          }));
      }
      if (tab === 'highlights') {
        const { highlights } = await api['notes.citable']({ query, limit: 300 });
        return highlights.map((h: CitableHighlightDto) => ({
          id: h.id,
          kind: 'annotation' as const,
          title: `“${h.quote}”`,
          detail: [h.label?.name, h.articleTitle, h.status === 'orphaned' ? 'orphaned' : null].filter(Boolean).join(' · '),
          color: h.label?.color ?? 'var(--border-strong)',
          dir: h.direction,
        }));
      }
      if (tab === 'notes') {
        const { notes } = await api['notes.list']({});
        const needle = query.toLocaleLowerCase();
        return notes
          .filter((n: NoteSummaryDto) => !needle || [n.title, n.excerpt].some((f) => f.toLocaleLowerCase().includes(needle)))
          .map((n: NoteSummaryDto) => ({
            id: n.id,
            kind: 'note' as const,
            title: n.title,
            detail: [n.articleTitle, n.citationCount ? `${n.citationCount} citation${n.citationCount === 1 ? '' : 's'}` : null, n.excerpt.slice(0, 80)]
              .filter(Boolean)
              .join(' · '),
          }));
      }
      if (!query) return [];
      const { results } = await api['search.query']({ query, limit: 60 });
      return results.map((hit: SearchHit) => ({
        id: hit.id,
        kind: hit.type,
        title: hit.type === 'annotation' ? `“${hit.snippet}”` : hit.title,
        detail: hit.type === 'annotation' ? `Highlight · ${hit.title}` : `${hit.type === 'article' ? 'Article' : 'Note'} · ${hit.snippet.slice(0, 90)}`,
      }));
    };
    const timer = window.setTimeout(
      () => {
        load()
          .then((list) => live && setCandidates(list))
          .catch((error: unknown) => live && reportError(error, 'list what can be added'));
      },
      tab === 'search' || tab === 'highlights' ? 180 : 0,
    );
    return () => {
      live = false;
      window.clearTimeout(timer);
    };
  }, [tab, filter, libraryVersion, reportError]);

  const addHeading = (event: FormEvent): void => {
    event.preventDefault();
    const text = heading.trim();
    if (!text) return;
    setHeading('');
    void onAdd({ heading: text });
  };

  return (
    <div className="add-items">
      <section className="panel-section">
        <h2 className="panel-heading">Add a section heading</h2>
        <form className="add-heading" onSubmit={addHeading}>
          <input
            className="input input-small"
            aria-label="Section heading text"
            placeholder="e.g. Background"
            value={heading}
            onChange={(event) => setHeading(event.target.value)}
          />
          <button type="submit" className="button button-small" disabled={heading.trim() === ''}>
            Add
          </button>
        </form>
      </section>
      <section className="panel-section add-from">
        <h2 className="panel-heading">Add from the library</h2>
        <div className="add-tabs" role="tablist" aria-label="What to add">
          {TABS.map(([id, label]) => (
            <button
              key={id}
              type="button"
              role="tab"
              aria-selected={tab === id}
              className={`add-tab${tab === id ? ' is-on' : ''}`}
              onClick={() => {
                if (id === tab) return;
                setTab(id);
                setCandidates(null);
              }}
            >
              {label}
            </button>
          ))}
        </div>
        <input
          className="input input-small add-filter"
          type="search"
          aria-label={tab === 'search' ? 'Search the library' : `Filter ${tab}`}
          placeholder={tab === 'search' ? 'Search articles, highlights and notes…' : `Filter ${tab}…`}
          value={filter}
          onChange={(event) => setFilter(event.target.value)}
        />
        {(tab === 'articles' || tab === 'search') && (
          <label className="q-check add-option">
            <input type="checkbox" checked={highlightsOnly} onChange={(event) => setHighlightsOnly(event.target.checked)} /> Add articles as
            highlights only
          </label>
        )}
        <ul className="add-list" role="tabpanel" aria-label={`${tab} to add`}>
          {candidates?.map((c) => {
            const added = present.has(`${c.kind}:${c.id}`);
            return (
              <li key={`${c.kind}:${c.id}`} className="add-row">
                {c.color ? <span className="cite-option-chip" style={{ background: c.color }} /> : <Icon name={c.kind === 'note' ? 'note' : c.kind === 'annotation' ? 'highlight' : 'file'} size={14} />}
                <span className="add-row-main">
                  <span className="add-row-title" dir={c.dir ?? 'auto'} title={c.title}>
                    {c.title}
                  </span>
                  <span className="add-row-detail">{c.detail}</span>
                </span>
                <button
                  type="button"
                  className="button button-small add-row-button"
                  disabled={added}
                  aria-label={added ? `${c.title} is in the dossier` : `Add ${c.title}`}
                  onClick={() => void onAdd({ ids: [c.id], ...(c.kind === 'article' && highlightsOnly ? { highlightsOnly: true } : {}) })}
                >
                  {added ? (
                    <>
                      <Icon name="check" size={12} /> Added
                    </>
                  ) : (
                    'Add'
                  )}
                </button>
              </li>
            );
          })}
        </ul>
        {candidates && candidates.length === 0 && (
          <p className="panel-empty">{tab === 'search' && !filter.trim() ? 'Type to search the whole library.' : 'Nothing to add here.'}</p>
        )}
      </section>
    </div>
  );
}
