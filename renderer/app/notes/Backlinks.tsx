/** The reader's "Notes" section: notes attached to the article or citing its highlights, and a new one. */
import { useEffect, useState, type ReactElement } from 'react';
import { api } from '../../api';
import type { BacklinkDto } from '../../../electron/api/contract/notes';
import { useApp } from '../context';
import { Icon } from '../shell/Icon';
import type { ReaderSectionProps } from '../views';
import { useCreateNote } from './NotesView';

export function Backlinks({ articleId, annotationId, navigate }: ReaderSectionProps): ReactElement {
  const { reportError, libraryVersion } = useApp();
  const [notes, setNotes] = useState<readonly BacklinkDto[] | null>(null);
  const createNote = useCreateNote();

  useEffect(() => {
    let live = true;
    api['notes.backlinks']({ articleId })
      .then((result) => live && setNotes(result.notes))
      .catch((error: unknown) => live && reportError(error, 'list the notes on this article'));
    return () => {
      live = false;
    };
  }, [articleId, libraryVersion, reportError]);

  return (
    <div className="backlinks">
      {notes && notes.length === 0 && <p className="panel-empty">No note cites this article yet.</p>}
      {notes && notes.length > 0 && (
        <ul className="backlink-list" aria-label="Notes on this article">
          {notes.map((note) => {
            const citesFocused = annotationId !== null && note.annotationIds.includes(annotationId);
            return (
              <li key={note.id}>
                <button
                  type="button"
                  className={`backlink${citesFocused ? ' cites-focused' : ''}`}
                  onClick={() => navigate({ view: 'notes', param: note.id })}
                >
                  <Icon name="note" size={14} />
                  <span className="backlink-main">
                    <span className="backlink-title">{note.title}</span>
                    <span className="backlink-meta">
                      {[
                        note.annotationIds.length > 0 ? `cites ${note.annotationIds.length} highlight${note.annotationIds.length === 1 ? '' : 's'}` : null,
                        note.attached ? 'about this article' : null,
                        citesFocused ? 'cites the selected highlight' : null,
                      ]
                        .filter(Boolean)
                        .join(' · ')}
                    </span>
                  </span>
                </button>
              </li>
            );
          })}
        </ul>
      )}
      <button type="button" className="button button-small" onClick={() => void createNote(articleId)}>
        <Icon name="plus" size={14} /> New note on this article
      </button>
    </div>
  );
}
