/**
 * The Notes screen: all notes (newest edit first, filter by typing, ↑/↓ + Enter to open), or one
 * note in the editor when the route names it.
 */
import { useEffect, useMemo, useRef, useState, type KeyboardEvent, type ReactElement } from 'react';
import { api } from '../../api';
import type { NoteSummaryDto } from '../../../electron/api/contract/notes';
import { useApp } from '../context';
import { formatDate } from '../format';
import { Icon } from '../shell/Icon';
import { RightPane } from '../shell/RightPane';
import type { ViewProps } from '../views';
import { NoteEditorView } from './NoteEditorView';

export function NotesView({ param }: ViewProps): ReactElement {
  if (param) return <NoteEditorView key={param} noteId={param} />;
  return <NotesList />;
}

/** Creates an empty note (optionally attached to an article) and opens it. */
export function useCreateNote(): (articleId?: string) => Promise<void> {
  const { navigate, reportError, libraryChanged } = useApp();
  return async (articleId?: string) => {
    try {
      const note = await api['notes.create']({ title: 'Untitled note', ...(articleId ? { articleId } : {}) });
      libraryChanged();
      navigate({ view: 'notes', param: note.id });
    } catch (error) {
      reportError(error, 'create the note');
    }
  };
}

function NotesList(): ReactElement {
  const { navigate, reportError, libraryVersion } = useApp();
  const [notes, setNotes] = useState<readonly NoteSummaryDto[] | null>(null);
  const [filter, setFilter] = useState('');
  const [active, setActive] = useState(0);
  const createNote = useCreateNote();
  const list = useRef<HTMLUListElement>(null);

  useEffect(() => {
    let live = true;
    api['notes.list']({})
      .then((result) => live && setNotes(result.notes))
      .catch((error: unknown) => live && reportError(error, 'load the notes'));
    return () => {
      live = false;
    };
  }, [libraryVersion, reportError]);

  const shown = useMemo(() => {
    const needle = filter.trim().toLocaleLowerCase();
    if (!notes || !needle) return notes ?? [];
    return notes.filter((n) => [n.title, n.excerpt, n.articleTitle ?? ''].some((f) => f.toLocaleLowerCase().includes(needle)));
  }, [notes, filter]);

  const onKeyDown = (event: KeyboardEvent): void => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const next = Math.max(0, Math.min(shown.length - 1, active + (event.key === 'ArrowDown' ? 1 : -1)));
      setActive(next);
      list.current?.querySelectorAll<HTMLElement>('.note-card')[next]?.focus();
    }
  };

  return (
    <section className="notes-view" aria-labelledby="notes-title">
      <header className="view-header">
        <div className="view-title">
          <h1 id="notes-title">Notes</h1>
          <span className="view-subtitle">{notes ? `${notes.length} note${notes.length === 1 ? '' : 's'}` : ''}</span>
        </div>
        <div className="view-actions">
          <input
            className="input input-small"
            type="search"
            placeholder="Filter notes"
            aria-label="Filter notes"
            value={filter}
            onChange={(event) => setFilter(event.target.value)}
          />
          <button type="button" className="button button-primary" onClick={() => void createNote()}>
            <Icon name="plus" /> New note
          </button>
        </div>
      </header>
      {notes && notes.length === 0 ? (
        <div className="notes-empty">
          <Icon name="note" size={28} />
          <h2>Your reasoning goes here</h2>
          <p>
            A note holds your own analysis: headings, lists, links, and quotes of highlights that stay linked to their source. Start one here,
            or from an article’s side panel.
          </p>
          <button type="button" className="button button-primary" onClick={() => void createNote()}>
            <Icon name="plus" /> Write the first note
          </button>
        </div>
      ) : (
        <ul className="note-cards" ref={list} onKeyDown={onKeyDown} aria-label="Notes">
          {shown.map((note, index) => (
            <li key={note.id}>
              <button
                type="button"
                className="note-card"
                tabIndex={index === active ? 0 : -1}
                onFocus={() => setActive(index)}
                onClick={() => navigate({ view: 'notes', param: note.id })}
              >
                <span className="note-card-title">{note.title}</span>
                {note.excerpt && <span className="note-card-excerpt">{note.excerpt}</span>}
                <span className="note-card-meta">
                  {note.articleTitle && (
                    <span className="note-card-article">
                      <Icon name="file" size={12} /> {note.articleTitle}
                    </span>
                  )}
                  {note.citationCount > 0 && (
                    <span>
                      <Icon name="highlight" size={12} /> {note.citationCount} citation{note.citationCount === 1 ? '' : 's'}
                    </span>
                  )}
                  <span>Edited {formatDate(note.updatedAt)}</span>
                </span>
              </button>
            </li>
          ))}
          {notes && shown.length === 0 && <li className="panel-empty">No note matches “{filter}”.</li>}
        </ul>
      )}
      <RightPane>
        <section className="panel-section pane-help" aria-labelledby="notes-help">
          <h2 className="panel-heading" id="notes-help">
            Notes
          </h2>
          <p>Your own analysis, in rich text: headings, lists, bold and italic, links and block quotes.</p>
          <p>
            <strong>Cite highlight</strong> quotes a passage with its source. The citation stays linked: it opens the article at the highlight, and
            says so if the highlighted text later changes or disappears.
          </p>
          <p>Every article lists the notes that cite it, and notes can go into dossiers.</p>
        </section>
      </RightPane>
    </section>
  );
}
