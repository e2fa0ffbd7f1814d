/**
 * An empty timeline teaches: where events come from (dates in the articles, in English, Arabic and
 * Persian, found at import) and how to add one by hand (a highlight in the reader). A scope with no
 * events offers the whole library instead.
 */
import type { ReactElement } from 'react';
import { useImport } from '../library/ImportProvider';
import { Icon } from '../shell/Icon';
import type { TimelineScopeParam } from './scope';

interface TimelineEmptyProps {
  readonly scope: TimelineScopeParam;
  readonly searchArticles: number | null;
  readonly onLibrary: () => void;
}

export function TimelineEmpty({ scope, searchArticles, onLibrary }: TimelineEmptyProps): ReactElement {
  const importer = useImport();
  if (scope.kind !== 'library') {
    const what =
      scope.kind === 'search' && searchArticles === 0
        ? `The search “${scope.query}” finds no articles, so there is nothing to place on the timeline.`
        : scope.kind === 'dossier'
          ? 'None of this dossier’s articles or highlights has a date Quire could place. Add a highlight to the timeline from the reader, or add dated articles to the dossier.'
          : 'None of these articles mentions a date Quire could place.';
    return (
      <div className="empty-state timeline-empty">
        <div className="empty-card">
          <Icon name="timeline" size={28} />
          <h1>No dated events here</h1>
          <p className="empty-lead">{what}</p>
          <button type="button" className="button button-primary" onClick={onLibrary}>
            Show the whole library’s timeline
          </button>
        </div>
      </div>
    );
  }
  return (
    <div className="empty-state timeline-empty">
      <div className="empty-card">
        <Icon name="timeline" size={32} />
        <h1>No dated events yet</h1>
        <p className="empty-lead">
          Quire reads the dates in the articles you import and places each on this timeline with the sentence it comes from: “in January 2016”,
          “<span dir="rtl" lang="ar">في آذار/مارس ٢٠٢٣</span>”, “<span dir="rtl" lang="fa">دی ۱۳۹۴</span>”. Import an article to begin.
        </p>
        <div className="empty-actions">
          <button type="button" className="button button-primary button-large" onClick={() => importer.pickFiles('files')}>
            <Icon name="import" /> Import files
          </button>
        </div>
        <ul className="empty-hints">
          <li>
            <Icon name="highlight" size={14} /> In the reader, click a highlight and choose <strong>Add to timeline</strong> to date it yourself.
          </li>
          <li>
            <Icon name="dossier" size={14} /> Dossiers can print these events as a chronology (Cover &amp; summary ▸ Include chronology).
          </li>
        </ul>
      </div>
    </div>
  );
}
