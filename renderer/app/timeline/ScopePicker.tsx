/**
 * "Show events of": the whole library, a tag, a dossier, or (when the timeline was opened from
 * search results or a set of articles) that result. One native select: keyboard and screen readers
 * know it, and it stays small in the header.
 */
import { useEffect, useState, type ReactElement } from 'react';
import { api } from '../../api';
import { useApp } from '../context';
import { scopeFromParam, scopeToParam, type TimelineScopeParam } from './scope';

interface Choice {
  readonly value: string;
  readonly label: string;
}

export function scopeTitle(scope: TimelineScopeParam, dossierTitle: string | null): string {
  switch (scope.kind) {
    case 'library':
      return 'Whole library';
    case 'tag':
      return `Tag #${scope.tag}`;
    case 'dossier':
      return `Dossier “${dossierTitle ?? '…'}”`;
    case 'search':
      return `Search “${scope.query}”`;
    case 'articles':
      return `${scope.ids.length} selected article${scope.ids.length === 1 ? '' : 's'}`;
  }
}

export function ScopePicker({ scope, onChange }: { scope: TimelineScopeParam; onChange: (scope: TimelineScopeParam) => void }): ReactElement {
  const { libraryVersion } = useApp();
  const [tags, setTags] = useState<readonly string[]>([]);
  const [dossiers, setDossiers] = useState<readonly { id: string; title: string }[]>([]);

  useEffect(() => {
    let live = true;
    Promise.all([api['articles.list']({}), api['dossiers.list']({})])
      .then(([list, d]) => {
        if (!live) return;
        setTags(list.facets.tags.map((f) => f.value));
        setDossiers(d.dossiers.map((x) => ({ id: x.id, title: x.title })));
      })
      // The picker still offers the library and the current scope without these lists.
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [libraryVersion]);

  const current = scopeToParam(scope) ?? '';
  const dossierTitle = scope.kind === 'dossier' ? (dossiers.find((d) => d.id === scope.id)?.title ?? null) : null;
  const choices: Choice[] = [{ value: '', label: 'Whole library' }];
  if (scope.kind === 'search' || scope.kind === 'articles') choices.push({ value: current, label: scopeTitle(scope, null) });
  const tagChoices = tags.map((tag) => ({ value: `tag:${tag}`, label: `#${tag}` }));
  const dossierChoices = dossiers.map((d) => ({ value: `dossier:${d.id}`, label: d.title }));
  // A scope the lists do not (yet) hold is still shown as chosen.
  const known = [...choices, ...tagChoices, ...dossierChoices].some((c) => c.value === current);
  if (!known) choices.push({ value: current, label: scopeTitle(scope, dossierTitle) });

  return (
    <label className="timeline-scope">
      <span>Events of</span>
      <select className="input input-small" value={current} onChange={(e) => onChange(scopeFromParam(e.target.value || undefined))} aria-label="Events of">
        {choices.map((c) => (
          <option key={c.value || 'library'} value={c.value}>
            {c.label}
          </option>
        ))}
        {tagChoices.length > 0 && (
          <optgroup label="Tags">
            {tagChoices.map((c) => (
              <option key={c.value} value={c.value}>
                {c.label}
              </option>
            ))}
          </optgroup>
        )}
        {dossierChoices.length > 0 && (
          <optgroup label="Dossiers">
            {dossierChoices.map((c) => (
              <option key={c.value} value={c.value}>
                {c.label}
              </option>
            ))}
          </optgroup>
        )}
      </select>
    </label>
  );
}
