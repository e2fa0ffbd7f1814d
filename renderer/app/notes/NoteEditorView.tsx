/**
 * One note: its title, the rich-text editor (autosaved), and in the right pane its citations (each
 * checked against the highlight as it is now), the article it is attached to, and its dossiers.
 */
import type { LexicalEditor } from 'lexical';
import { useCallback, useEffect, useMemo, useRef, useState, type ReactElement } from 'react';
import { api } from '../../api';
import type { CitableHighlightDto, NoteDto } from '../../../electron/api/contract/notes';
import { CITATION_STATUS_TEXT } from '../../../electron/common/note-document';
import { useApp } from '../context';
import { formatDateTime } from '../format';
import { Icon } from '../shell/Icon';
import { RightPane } from '../shell/RightPane';
import { DossierMembership } from '../dossiers/DossierMembership';
import { CitePicker } from './CitePicker';
import { CitationsContext } from './editor/citations-context';
import { insertCitation, RichNoteEditor } from './editor/RichNoteEditor';

const SAVE_DELAY_MS = 600;

type SaveState = 'saved' | 'pending' | 'saving' | 'failed';

export function NoteEditorView({ noteId }: { noteId: string }): ReactElement {
  const { navigate, reportError, toast, libraryChanged } = useApp();
  const [note, setNote] = useState<NoteDto | null>(null);
  const [missing, setMissing] = useState(false);
  const [title, setTitle] = useState('');
  const [saveState, setSaveState] = useState<SaveState>('saved');
  const [citeOpen, setCiteOpen] = useState(false);
  const pending = useRef<{ title?: string; bodyJson?: string }>({});
  const timer = useRef<number | undefined>(undefined);
  const saving = useRef<Promise<void> | null>(null);
  const editorRef = useRef<LexicalEditor | null>(null);
  const titleRef = useRef<HTMLInputElement>(null);
  const selectTitle = useRef(false);

  useEffect(() => {
    let live = true;
    api['notes.get']({ id: noteId })
      .then((loaded) => {
        if (!live) return;
        setNote(loaded);
        setTitle(loaded.title);
        if (loaded.title === 'Untitled note' && loaded.text === '') selectTitle.current = true;
      })
      .catch((error: unknown) => {
        if (!live) return;
        setMissing(true);
        reportError(error, 'open the note');
      });
    return () => {
      live = false;
    };
  }, [noteId, reportError]);

  // A new note arrives titled "Untitled note": once it is on screen, select the title so typing replaces it.
  useEffect(() => {
    if (!note || !selectTitle.current || !titleRef.current) return;
    selectTitle.current = false;
    titleRef.current.focus();
    titleRef.current.select();
  }, [note]);

  const flush = useCallback(async (): Promise<void> => {
    window.clearTimeout(timer.current);
    if (saving.current) await saving.current;
    const patch = pending.current;
    if (patch.title === undefined && patch.bodyJson === undefined) return;
    pending.current = {};
    setSaveState('saving');
    const run = api['notes.update']({ id: noteId, patch })
      .then((saved) => {
        setNote(saved);
        setSaveState(pending.current.title !== undefined || pending.current.bodyJson !== undefined ? 'pending' : 'saved');
        if (patch.title !== undefined) libraryChanged();
      })
      .catch((error: unknown) => {
        // Keep what failed so the next change (or leaving) tries again.
        pending.current = { ...patch, ...pending.current };
        setSaveState('failed');
        reportError(error, 'save the note');
      })
      .finally(() => {
        saving.current = null;
      });
    saving.current = run;
    await run;
  }, [noteId, reportError, libraryChanged]);

  const schedule = useCallback(() => {
    setSaveState('pending');
    window.clearTimeout(timer.current);
    timer.current = window.setTimeout(() => void flush(), SAVE_DELAY_MS);
  }, [flush]);

  // Leaving the note saves what is pending.
  useEffect(() => () => void flush(), [flush]);

  const onBodyChange = useCallback(
    (json: string) => {
      pending.current = { ...pending.current, bodyJson: json };
      schedule();
    },
    [schedule],
  );

  const onTitleChange = (value: string): void => {
    setTitle(value);
    if (value.trim() === '') return; // a title is required; keep the old one until something is typed
    pending.current = { ...pending.current, title: value };
    schedule();
  };

  const cite = (highlight: CitableHighlightDto): void => {
    setCiteOpen(false);
    const editor = editorRef.current;
    if (!editor) return;
    insertCitation(editor, {
      annotationId: highlight.id,
      quote: highlight.quote,
      articleId: highlight.articleId,
      articleTitle: highlight.articleTitle,
      source: highlight.source,
      publishedAt: highlight.publishedAt,
    });
  };

  const remove = async (): Promise<void> => {
    window.clearTimeout(timer.current);
    pending.current = {};
    try {
      const deleted = await api['notes.delete']({ id: noteId });
      libraryChanged();
      navigate({ view: 'notes' });
      toast({
        message: `Deleted the note “${deleted.title}”.`,
        action: {
          label: 'Undo',
          run: async () => {
            const restored = await api['notes.restore']({ snapshot: deleted.snapshot });
            libraryChanged();
            navigate({ view: 'notes', param: restored.id });
          },
        },
      });
    } catch (error) {
      reportError(error, 'delete the note');
    }
  };

  const openHighlight = useCallback(
    (articleId: string, annotationId: string) => {
      void flush();
      navigate({ view: 'reader', articleId, target: { annotationId }, nonce: Date.now() });
    },
    [flush, navigate],
  );

  const citations = useMemo(
    () => ({ byAnnotation: new Map((note?.citations ?? []).map((c) => [c.annotationId, c])), openHighlight }),
    [note?.citations, openHighlight],
  );

  if (missing) {
    return (
      <section className="note-view">
        <div className="notes-empty">
          <h2>This note is no longer in the library</h2>
          <button type="button" className="button" onClick={() => navigate({ view: 'notes' })}>
            Back to notes
          </button>
        </div>
      </section>
    );
  }
  if (!note) return <section className="note-view" aria-busy="true" />;

  const statusText: Record<SaveState, string> = { saved: 'Saved', pending: 'Editing…', saving: 'Saving…', failed: 'Not saved' };

  return (
    <CitationsContext.Provider value={citations}>
      <section className="note-view" aria-label={`Note: ${note.title}`}>
        <header className="note-header">
          <button type="button" className="link-button note-back" onClick={() => navigate({ view: 'notes' })}>
            <Icon name="chevron" size={12} className="flip" /> Notes
          </button>
          <span className={`note-save-state is-${saveState}`} role="status" aria-live="polite">
            {statusText[saveState]}
          </span>
          <button type="button" className="icon-button" aria-label="Delete this note" title="Delete this note" onClick={() => void remove()}>
            <Icon name="trash" />
          </button>
        </header>
        <div className="note-scroll">
          <div className="note-page">
            <input
              ref={titleRef}
              className="note-title-input"
              aria-label="Note title"
              value={title}
              placeholder="Title"
              onChange={(event) => onTitleChange(event.target.value)}
              onBlur={() => void flush()}
              onKeyDown={(event) => {
                if (event.key === 'Enter') {
                  event.preventDefault();
                  editorRef.current?.focus();
                }
              }}
            />
            <p className="note-meta">
              {note.article ? (
                <>
                  On{' '}
                  <button type="button" className="link-button" onClick={() => note.articleId && navigate({ view: 'reader', articleId: note.articleId })}>
                    {note.article.title}
                  </button>
                  {' · '}
                </>
              ) : null}
              Created {formatDateTime(note.createdAt)}
            </p>
            <RichNoteEditor
              initialJson={note.bodyJson}
              label="Note text"
              placeholder="Write your analysis. Use “Cite highlight” to quote a source."
              onChange={onBodyChange}
              onCite={() => setCiteOpen(true)}
              editorRef={editorRef}
              className="note-editor-main"
            />
          </div>
        </div>
        <CitePicker open={citeOpen} articleId={note.articleId} onClose={() => setCiteOpen(false)} onPick={cite} />
        <RightPane>
          <NoteSidePanel note={note} onOpenHighlight={openHighlight} onAttach={async (articleId) => {
            try {
              const saved = await api['notes.update']({ id: noteId, patch: { articleId } });
              setNote(saved);
              libraryChanged();
            } catch (error) {
              reportError(error, 'attach the note');
            }
          }} />
        </RightPane>
      </section>
    </CitationsContext.Provider>
  );
}

interface SidePanelProps {
  readonly note: NoteDto;
  readonly onOpenHighlight: (articleId: string, annotationId: string) => void;
  readonly onAttach: (articleId: string | null) => Promise<void>;
}

function NoteSidePanel({ note, onOpenHighlight, onAttach }: SidePanelProps): ReactElement {
  const { reportError } = useApp();
  const [articles, setArticles] = useState<readonly { id: string; title: string }[] | null>(null);

  useEffect(() => {
    let live = true;
    api['articles.list']({ sort: 'title', order: 'asc' })
      .then((result) => live && setArticles(result.articles.map((a) => ({ id: a.id, title: a.title }))))
      .catch((error: unknown) => live && reportError(error, 'list the articles'));
    return () => {
      live = false;
    };
  }, [reportError]);

  return (
    <div className="note-side">
      <section className="panel-section" aria-labelledby="note-citations-heading">
        <h2 className="panel-heading" id="note-citations-heading">
          Citations <span className="panel-count">{note.citations.length}</span>
        </h2>
        {note.citations.length === 0 ? (
          <p className="panel-empty">Quote a highlight with “Cite highlight”: the quote keeps a link to its place in the article.</p>
        ) : (
          <ol className="note-citation-list">
            {note.citations.map((c) => {
              const articleId = c.annotation?.articleId ?? c.snapshot.articleId;
              return (
                <li key={c.annotationId} className={`note-citation-item is-${c.status}`}>
                  <span className="cite-option-chip" style={{ background: c.annotation?.label?.color ?? 'var(--border-strong)' }} />
                  <span className="note-citation-text">
                    <span className="note-citation-quote">“{c.quote}”</span>
                    <span className="note-citation-source">{c.article?.title ?? c.snapshot.articleTitle ?? 'Unknown source'}</span>
                    {c.status !== 'current' && (
                      <span className="note-citation-status">
                        <Icon name="warning" size={12} /> {CITATION_STATUS_TEXT[c.status]}
                      </span>
                    )}
                  </span>
                  {articleId && c.status !== 'deleted' && (
                    <button type="button" className="icon-button" aria-label="Open in the article" title="Open in the article" onClick={() => onOpenHighlight(articleId, c.annotationId)}>
                      <Icon name="chevron" size={14} />
                    </button>
                  )}
                </li>
              );
            })}
          </ol>
        )}
      </section>
      <section className="panel-section" aria-labelledby="note-article-heading">
        <h2 className="panel-heading" id="note-article-heading">
          Attached to
        </h2>
        <select
          className="input input-small note-attach"
          aria-label="Article this note is about"
          value={note.articleId ?? ''}
          onChange={(event) => void onAttach(event.target.value === '' ? null : event.target.value)}
        >
          <option value="">No article (free-standing note)</option>
          {note.articleId && !articles?.some((a) => a.id === note.articleId) && <option value={note.articleId}>{note.article?.title ?? note.articleId}</option>}
          {articles?.map((a) => (
            <option key={a.id} value={a.id}>
              {a.title}
            </option>
          ))}
        </select>
      </section>
      <DossierMembership refId={note.id} refKind="note" title={note.title} />
    </div>
  );
}
