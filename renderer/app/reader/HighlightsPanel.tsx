/**
 * The reader's side panel: the article's highlights in reading order (label chip, quote, note
 * preview); a click lands the text there. Orphans (their text was edited away) are kept apart,
 * greyed, with their quote, to be re-attached to a new selection or deleted.
 */
import type { ReactElement } from 'react';
import type { Annotation } from '../data/types';
import { Icon } from '../shell/Icon';

interface HighlightsPanelProps {
  readonly annotations: readonly Annotation[];
  readonly focusedId: string | null;
  readonly direction: 'ltr' | 'rtl';
  readonly onSelect: (id: string) => void;
  readonly onOpen: (id: string) => void;
  readonly onAttach: (id: string) => void;
  readonly onDelete: (id: string) => void;
}

export function LabelChip({ name, color }: { name: string | null; color: string | null }): ReactElement {
  return (
    <span className="label-chip" style={{ ['--chip' as string]: color ?? 'var(--hl-no-label)' }}>
      <span className="label-dot" aria-hidden="true" />
      {name ?? 'No label'}
    </span>
  );
}

export function HighlightsPanel({ annotations, focusedId, direction, onSelect, onOpen, onAttach, onDelete }: HighlightsPanelProps): ReactElement {
  const anchored = annotations.filter((a) => a.status === 'anchored');
  const orphans = annotations.filter((a) => a.status === 'orphaned');
  return (
    <section className="panel-section highlights-panel" aria-label="Highlights">
      <h3 className="panel-heading">
        Highlights <span className="panel-count">{anchored.length}</span>
      </h3>
      {anchored.length === 0 && (
        <p className="panel-empty">
          Select text in the article, then pick a label or press <kbd>1</kbd>–<kbd>9</kbd>. <kbd>N</kbd> adds a note.
        </p>
      )}
      <ol className="highlight-list">
        {anchored.map((a) => (
          <li key={a.id}>
            <div
              className={a.id === focusedId ? 'highlight-item is-focused' : 'highlight-item'}
              style={{ ['--chip' as string]: a.color ?? 'var(--hl-no-label)' }}
            >
              <button
                type="button"
                className="highlight-open"
                disabled={a.id.startsWith('pending-')}
                aria-label={`${a.label ?? 'Highlight'}: ${a.quote}`}
                onClick={() => onSelect(a.id)}
                onDoubleClick={() => onOpen(a.id)}
                onKeyDown={(e) => {
                  if (e.key === 'Delete' || e.key === 'Backspace') {
                    e.preventDefault();
                    onDelete(a.id);
                  }
                }}
              >
                <LabelChip name={a.label} color={a.color} />
                <span className="highlight-quote" dir={direction}>
                  {a.quote}
                </span>
                {a.note && (
                  <span className="highlight-note" dir="auto">
                    <Icon name="note" size={12} /> {a.note}
                  </span>
                )}
                {a.tags.length > 0 && <span className="highlight-tags">{a.tags.map((t) => `#${t}`).join(' ')}</span>}
              </button>
              <button type="button" className="icon-button highlight-edit" aria-label={`Edit highlight “${a.quote.slice(0, 40)}”`} onClick={() => onOpen(a.id)}>
                <Icon name="edit" size={14} />
              </button>
            </div>
          </li>
        ))}
      </ol>
      {orphans.length > 0 && (
        <section className="orphans" aria-label="Orphaned highlights">
          <h3 className="panel-heading">
            <Icon name="warning" size={13} /> Orphaned <span className="panel-count">{orphans.length}</span>
          </h3>
          <p className="panel-empty">Their text is no longer in the article. Re-attach one to a new selection, or delete it.</p>
          <ul className="highlight-list">
            {orphans.map((a) => (
              <li key={a.id}>
                <div className="highlight-item is-orphan">
                  <div className="highlight-open" aria-label={`Orphaned: ${a.quote}`}>
                    <LabelChip name={a.label} color={a.color} />
                    <span className="highlight-quote" dir={direction}>
                      {a.quote}
                    </span>
                    {a.note && <span className="highlight-note">{a.note}</span>}
                    <span className="orphan-actions">
                      <button type="button" className="button button-small" onClick={() => onAttach(a.id)}>
                        Re-attach…
                      </button>
                      <button type="button" className="button button-small button-danger-quiet" onClick={() => onDelete(a.id)}>
                        Delete
                      </button>
                    </span>
                  </div>
                </div>
              </li>
            ))}
          </ul>
        </section>
      )}
    </section>
  );
}
