/**
 * The navigation pane: Import at the top, the Library with its facets (tags, sources, languages,
 * with highlights), then the registered views (Notes, Dossiers, …).
 */
import { useEffect, useState, type ReactElement } from 'react';
import { api } from '../../api';
import { useApp } from '../context';
import type { ArticleList, Facet } from '../data/types';
import { clearFilters, hasActiveFilters, languageName, setFilters, useFilters } from '../library/filters';
import { useImport } from '../library/ImportProvider';
import { registeredViews } from '../views';
import { Icon } from './Icon';
import { ImportMenu } from './ImportMenu';
import { LabelsDialog } from '../labels/LabelsDialog';

function FacetGroup({
  title,
  facets,
  active,
  onPick,
  format = (v) => v,
}: {
  title: string;
  facets: readonly Facet[];
  active: string | undefined;
  onPick: (value: string | undefined) => void;
  format?: (value: string) => string;
}): ReactElement | null {
  const [expanded, setExpanded] = useState(false);
  if (facets.length === 0) return null;
  const shown = expanded ? facets : facets.slice(0, 6);
  return (
    <section className="facet-group" aria-label={title}>
      <h3 className="nav-heading">{title}</h3>
      <ul className="facet-list">
        {shown.map((facet) => {
          const selected = active !== undefined && active.toLowerCase() === facet.value.toLowerCase();
          return (
            <li key={facet.value}>
              <button
                type="button"
                className={selected ? 'nav-item facet is-active' : 'nav-item facet'}
                aria-pressed={selected}
                onClick={() => onPick(selected ? undefined : facet.value)}
                title={format(facet.value)}
              >
                <span className="nav-label">{format(facet.value)}</span>
                <span className="nav-count">{facet.count}</span>
              </button>
            </li>
          );
        })}
      </ul>
      {facets.length > 6 && (
        <button type="button" className="link-button facet-more" onClick={() => setExpanded((e) => !e)}>
          {expanded ? 'Show fewer' : `Show all ${facets.length}`}
        </button>
      )}
    </section>
  );
}

export function Sidebar(): ReactElement {
  const { route, navigate, libraryVersion, reportError, labels, openSearch } = useApp();
  const [labelsOpen, setLabelsOpen] = useState(false);
  const filters = useFilters();
  const importer = useImport();
  const [data, setData] = useState<ArticleList | null>(null);
  const [withHighlights, setWithHighlights] = useState(0);
  const [counts, setCounts] = useState<Record<string, number>>({});

  useEffect(() => {
    let live = true;
    // Coalesce bursts of changes (a bulk import, several highlights) into one refresh.
    const timer = window.setTimeout(() => {
      api['articles.list']({})
        .then((all) => {
          if (!live) return;
          setData(all);
          setWithHighlights(all.articles.filter((a) => a.highlights > 0).length);
        })
        .catch((error: unknown) => live && reportError(error, 'load the library'));
      for (const view of registeredViews()) {
        view
          .count?.()
          .then((n) => live && setCounts((c) => ({ ...c, [view.id]: n })))
          .catch(() => undefined);
      }
    }, 200);
    return () => {
      live = false;
      window.clearTimeout(timer);
    };
  }, [libraryVersion, reportError]);

  const pick = (patch: Parameters<typeof setFilters>[0]): void => {
    setFilters(patch);
    if (route.view !== 'library') navigate({ view: 'library' });
  };

  const inLibrary = route.view === 'library' || route.view === 'reader';
  const onlyHighlighted = filters.hasHighlights === true;

  return (
    <div className="sidebar">
      <div className="sidebar-top">
        <ImportMenu
          disabled={importer.running}
          onFiles={() => importer.pickFiles('files')}
          onFolder={() => importer.pickFiles('folder')}
          onPaste={() => importer.openPaste()}
        />
      </div>
      <div className="sidebar-scroll">
        <ul className="nav-list">
          <li>
            <button
              type="button"
              className={route.view === 'library' && !hasActiveFilters(filters) ? 'nav-item is-active' : inLibrary ? 'nav-item is-current' : 'nav-item'}
              aria-current={route.view === 'library' ? 'page' : undefined}
              onClick={() => {
                clearFilters();
                navigate({ view: 'library' });
              }}
            >
              <Icon name="library" />
              <span className="nav-label">Library</span>
              <span className="nav-count">{data?.total ?? ''}</span>
            </button>
          </li>
          <li>
            <button
              type="button"
              className={onlyHighlighted ? 'nav-item is-active' : 'nav-item'}
              aria-pressed={onlyHighlighted}
              onClick={() => pick({ hasHighlights: onlyHighlighted ? undefined : true })}
            >
              <Icon name="highlight" />
              <span className="nav-label">With highlights</span>
              <span className="nav-count">{data ? withHighlights : ''}</span>
            </button>
          </li>
          {registeredViews().map((view) => (
            <li key={view.id}>
              <button
                type="button"
                className={route.view === view.id ? 'nav-item is-active' : 'nav-item'}
                aria-current={route.view === view.id ? 'page' : undefined}
                onClick={() => navigate({ view: view.id })}
              >
                <Icon name={view.icon} />
                <span className="nav-label">{view.label}</span>
                <span className="nav-count">{counts[view.id] ?? ''}</span>
              </button>
              {route.view === view.id && view.renderNav?.({ param: 'param' in route ? route.param : undefined, navigate })}
            </li>
          ))}
        </ul>
        <section className="facet-group label-nav" aria-label="Labels">
          <div className="nav-heading-row">
            <h3 className="nav-heading">Labels</h3>
            <button type="button" className="link-button" onClick={() => setLabelsOpen(true)}>
              Manage
            </button>
          </div>
          <ul className="facet-list">
            {labels.map((label) => (
              <li key={label.id}>
                <button
                  type="button"
                  className="nav-item facet"
                  title={`Highlights labelled ${label.name}`}
                  onClick={() => openSearch(`label:${quoteTerm(label.name)}`)}
                >
                  <span className="label-dot" style={{ ['--chip' as string]: label.color }} aria-hidden="true" />
                  <span className="nav-label">{label.name}</span>
                  <span className="nav-count">{label.annotations}</span>
                </button>
              </li>
            ))}
          </ul>
        </section>
        {data && (
          <div className="facets">
            <FacetGroup title="Tags" facets={data.facets.tags} active={filters.tag} onPick={(tag) => pick({ tag })} />
            <FacetGroup title="Sources" facets={data.facets.sources} active={filters.source} onPick={(source) => pick({ source })} />
            <FacetGroup title="Languages" facets={data.facets.languages} active={filters.language} onPick={(language) => pick({ language })} format={languageName} />
          </div>
        )}
      </div>
      <LabelsDialog open={labelsOpen} onClose={() => setLabelsOpen(false)} />
    </div>
  );
}

function quoteTerm(value: string): string {
  return /[\s"]/.test(value) ? `"${value.replace(/"/g, '')}"` : value;
}
