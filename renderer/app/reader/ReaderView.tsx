/**
 * The reader: one article in a Lexical editor set for reading (a 68ch serif column; Arabic script
 * in Naskh, right to left), its highlights as marks, the selection toolbar, a highlight's popover,
 * an edit mode whose highlights follow the text, and the side panel (highlights, metadata, and the
 * sections other features register).
 */
import { LexicalComposer } from '@lexical/react/LexicalComposer';
import { ContentEditable } from '@lexical/react/LexicalContentEditable';
import { EditorRefPlugin } from '@lexical/react/LexicalEditorRefPlugin';
import { LexicalErrorBoundary } from '@lexical/react/LexicalErrorBoundary';
import { HistoryPlugin } from '@lexical/react/LexicalHistoryPlugin';
import { LinkPlugin } from '@lexical/react/LexicalLinkPlugin';
import { ListPlugin } from '@lexical/react/LexicalListPlugin';
import { RichTextPlugin } from '@lexical/react/LexicalRichTextPlugin';
import type { LexicalEditor } from 'lexical';
import { Fragment, useCallback, useEffect, useMemo, useRef, useState, type ReactElement } from 'react';
import { api } from '../../api';
import { parseDocument, type ArticleDocument } from '../../../electron/common/document';
import { stripMarks } from '../../editor/document-json';
import { $collectMarkRanges } from '../../editor/marks';
import { readerNodes } from '../../editor/nodes';
import { DocumentPlugin } from '../../editor/plugins/DocumentPlugin';
import { FlashPlugin, type FlashTarget } from '../../editor/plugins/FlashPlugin';
import { HighlightsPlugin, type HighlightStyle } from '../../editor/plugins/HighlightsPlugin';
import { MarkEditPlugin } from '../../editor/plugins/MarkEditPlugin';
import { SelectionToolbarPlugin } from '../../editor/plugins/SelectionToolbarPlugin';
import { readerTheme } from '../../editor/theme';
import { useApp } from '../context';
import type { Article } from '../data/types';
import { formatDate, readingMinutes } from '../format';
import { languageName } from '../library/filters';
import { useDeleteArticle } from '../library/useDeleteArticle';
import { PromoteEventDialog } from '../timeline/PromoteEventDialog';
import { Icon } from '../shell/Icon';
import { modLabel } from '../shell/keys';
import { RightPane } from '../shell/RightPane';
import { registeredReaderSections, type Route } from '../views';
import { HighlightPopover } from './HighlightPopover';
import { HighlightsPanel } from './HighlightsPanel';
import { MetadataPanel } from './MetadataPanel';
import { useHighlights } from './useHighlights';
import { useReaderKeys } from './useReaderKeys';

type ReaderRoute = Extract<Route, { view: 'reader' }>;

/** Trims whitespace off both ends of a selected range: a triple-click should not highlight the blank line. */
function trimRange(text: string, start: number, end: number): { start: number; end: number } {
  let s = start;
  let e = end;
  while (s < e && /\s/.test(text[s]!)) s += 1;
  while (e > s && /\s/.test(text[e - 1]!)) e -= 1;
  return { start: s, end: e };
}

/** Whether the document opens with the title as a heading (then the header does not repeat it). */
function startsWithTitle(bodyJson: string, title: string): boolean {
  try {
    const doc = parseDocument(bodyJson);
    const first = doc.root.children[0];
    if (!first || first.type !== 'heading') return false;
    const text = first.children.map((c) => ('text' in c ? c.text : '')).join('');
    return text.trim() === title.trim();
  } catch {
    return false;
  }
}

export function ReaderView({ route }: { route: ReaderRoute }): ReactElement {
  const app = useApp();
  const { labels, navigate, back, reportError, toast, libraryChanged } = app;
  const [article, setArticle] = useState<Article | null>(null);
  const [missing, setMissing] = useState<string | null>(null);
  const [docVersion, setDocVersion] = useState(0);
  const [editing, setEditing] = useState(false);
  const [saving, setSaving] = useState(false);
  const [focusedId, setFocusedId] = useState<string | null>(null);
  const [popover, setPopover] = useState<{ id: string; focusNote: boolean } | null>(null);
  const [flash, setFlash] = useState<FlashTarget | null>(null);
  const [attachId, setAttachId] = useState<string | null>(null);
  const [timelineId, setTimelineId] = useState<string | null>(null);
  const [scrollEl, setScrollEl] = useState<HTMLDivElement | null>(null);
  const editorRef = useRef<LexicalEditor | null>(null);
  const ops = useHighlights(route.articleId);
  const deleteArticle = useDeleteArticle();

  const loadArticle = useCallback(async () => {
    try {
      setArticle(await api['articles.get']({ id: route.articleId }));
    } catch (error) {
      setMissing(error instanceof Error ? error.message : 'This article could not be opened.');
    }
  }, [route.articleId]);

  useEffect(() => {
    void loadArticle();
  }, [loadArticle]);

  // The window title names what is open (task switchers, the desktop window's title bar).
  useEffect(() => {
    if (!article) return;
    document.title = `${article.title} — Quire`;
    return () => {
      document.title = 'Quire';
    };
  }, [article?.title]);

  // Land on the route's target (a search match or a highlight) once text and highlights are in.
  useEffect(() => {
    if (!article || !ops.loaded || !route.target) return;
    if ('annotationId' in route.target) {
      const annotation = ops.annotations.find((a) => a.id === (route.target as { annotationId: string }).annotationId);
      if (annotation && annotation.start !== null && annotation.end !== null) {
        setFocusedId(annotation.id);
        setFlash({ start: annotation.start, end: annotation.end, nonce: route.nonce ?? 0 });
      }
    } else {
      setFlash({ start: route.target.start, end: route.target.end, nonce: route.nonce ?? 0 });
    }
    // Only when the route asks: not on every highlight change.
  }, [article !== null, ops.loaded, route.target, route.nonce]);

  const highlights: HighlightStyle[] = useMemo(
    () =>
      ops.annotations
        .filter((a) => a.status === 'anchored' && a.start !== null && a.end !== null)
        .map((a) => ({ id: a.id, start: a.start!, end: a.end!, color: a.color, label: a.label })),
    [ops.annotations],
  );
  const anchored = useMemo(() => ops.annotations.filter((a) => a.status === 'anchored' && a.start !== null), [ops.annotations]);

  const landOn = useCallback(
    (id: string) => {
      const a = ops.annotations.find((x) => x.id === id);
      setFocusedId(id);
      if (a && a.start !== null && a.end !== null) setFlash({ start: a.start, end: a.end, nonce: Date.now() });
    },
    [ops.annotations],
  );

  const openPopover = useCallback((id: string, focusNote = false) => {
    setFocusedId(id);
    setPopover({ id, focusNote });
  }, []);

  const createHighlight = useCallback(
    async (range: { start: number; end: number }, labelId: string | null, withNote: boolean) => {
      if (!article) return;
      const { start, end } = trimRange(article.text, range.start, range.end);
      if (end <= start) return;
      const created = await ops.create({ start, end, quote: article.text.slice(start, end), labelId });
      if (!created) return;
      setFocusedId(created.id);
      if (withNote) requestAnimationFrame(() => openPopover(created.id, true));
    },
    [article, ops, openPopover],
  );

  const saveEdit = useCallback(async () => {
    const editor = editorRef.current;
    if (!editor || !article) return;
    setSaving(true);
    try {
      const marks = editor.getEditorState().read(() => $collectMarkRanges());
      const doc = stripMarks(editor.getEditorState().toJSON() as unknown as ArticleDocument);
      const result = await api['articles.saveEdit']({ articleId: article.id, bodyJson: JSON.stringify(doc), marks });
      const [fresh] = await Promise.all([api['articles.get']({ id: article.id }), ops.reload()]);
      setArticle(fresh);
      setEditing(false);
      setDocVersion((v) => v + 1);
      libraryChanged();
      const lost = result.annotations.filter((a) => a.status === 'orphaned' && a.previous.status === 'anchored').length;
      toast(
        lost > 0
          ? {
              message: `Text saved. ${lost} highlight${lost === 1 ? '' : 's'} lost ${lost === 1 ? 'its' : 'their'} text and ${lost === 1 ? 'is' : 'are'} kept under Orphaned.`,
            }
          : { kind: 'success', message: 'Text saved; highlights moved with it.' },
      );
    } catch (error) {
      reportError(error, 'save the text');
    } finally {
      setSaving(false);
    }
  }, [article, ops, libraryChanged, toast, reportError]);

  const cancelEdit = useCallback(() => {
    setEditing(false);
    setDocVersion((v) => v + 1);
  }, []);

  const startEdit = useCallback(() => {
    setPopover(null);
    window.getSelection()?.removeAllRanges();
    setEditing(true);
    requestAnimationFrame(() => editorRef.current?.focus());
  }, []);

  useReaderKeys({ editing, popoverOpen: popover !== null, anchored, focusedId, landOn, openPopover, remove: ops.remove, setFocusedId, startEdit, cancelEdit, saveEdit });

  if (missing) {
    return (
      <div className="empty-state">
        <div className="empty-card">
          <Icon name="warning" size={28} />
          <h1>This article is not in the library</h1>
          <p className="empty-lead">{missing}</p>
          <button type="button" className="button button-primary" onClick={() => navigate({ view: 'library' })}>
            Back to the library
          </button>
        </div>
      </div>
    );
  }
  if (!article) return <div className="reader reader-loading" aria-busy="true" />;

  const rtl = article.direction === 'rtl';
  const arabicScript = rtl || ['ar', 'fa', 'ur', 'ps'].includes(article.language ?? '');
  const popoverAnnotation = popover ? ops.annotations.find((a) => a.id === popover.id) : undefined;
  const attaching = attachId ? ops.annotations.find((a) => a.id === attachId) : undefined;
  const timelineAnnotation = timelineId ? ops.annotations.find((a) => a.id === timelineId) : undefined;
  const showTitle = !startsWithTitle(article.bodyJson, article.title);
  // Each part is isolated: in a right-to-left article an unisolated "3 Dec 2026" is laid out as "Dec 2026 3".
  const kicker = [article.source, article.publishedAt ? formatDate(article.publishedAt) : null].filter((part): part is string => Boolean(part));

  return (
    <div className={editing ? 'reader is-editing' : 'reader'}>
      <div className="reader-bar" role="toolbar" aria-label="Article">
        <button type="button" className="icon-button" aria-label="Back" title={editing ? 'Save or cancel the edit first' : 'Back (Alt ←)'} onClick={back} disabled={editing}>
          <Icon name="chevron" className="flip" />
        </button>
        <span className="reader-bar-title" dir="auto" title={article.title}>
          {article.title}
        </span>
        <span className="reader-bar-spacer" />
        {editing ? (
          <>
            <span className="edit-hint">Editing — highlights follow your changes</span>
            <button type="button" className="button" onClick={cancelEdit} disabled={saving}>
              Cancel
            </button>
            <button type="button" className="button button-primary" onClick={() => void saveEdit()} disabled={saving} aria-keyshortcuts="Control+S">
              <Icon name="check" /> {saving ? 'Saving…' : 'Save'}
            </button>
          </>
        ) : (
          <>
            <span className="reader-bar-meta">
              {anchored.length} highlight{anchored.length === 1 ? '' : 's'}
            </span>
            <button type="button" className="button button-quiet" onClick={startEdit} title={`Correct the text (${modLabel} E)`}>
              <Icon name="edit" /> Edit text
            </button>
            <button
              type="button"
              className="icon-button"
              aria-label="Delete article"
              title="Delete article (you can undo)"
              onClick={() => void deleteArticle(article).then((ok) => ok && navigate({ view: 'library' }))}
            >
              <Icon name="trash" />
            </button>
          </>
        )}
      </div>
      {attaching && (
        <div className="reader-banner" role="status">
          Select the passage to attach “{attaching.quote.slice(0, 60)}
          {attaching.quote.length > 60 ? '…' : ''}” to, then press Enter.
          <button type="button" className="link-button" onClick={() => setAttachId(null)}>
            Cancel
          </button>
        </div>
      )}
      <div className="reader-scroll" ref={setScrollEl}>
        <article
          className={`reader-article${arabicScript ? ' is-arabic-script' : ''}`}
          dir={article.direction}
          lang={article.language ?? undefined}
          aria-label={article.title}
        >
          <header className="article-header">
            {kicker.length > 0 && (
              <div className="article-kicker">
                {kicker.map((part, i) => (
                  <Fragment key={part}>
                    {i > 0 && ' · '}
                    <bdi>{part}</bdi>
                  </Fragment>
                ))}
              </div>
            )}
            {showTitle && <h1 className="article-title">{article.title}</h1>}
            <div className="article-meta">
              {/* The spans keep the article's direction, so each separator (::before) falls between two items in
                  a right-to-left article too; the text inside is isolated in its own direction. */}
              {article.byline && (
                <span>
                  <bdi>{article.byline}</bdi>
                </span>
              )}
              <span>
                <bdi dir="ltr">{languageName(article.language)}</bdi>
              </span>
              <span>
                <bdi dir="ltr">{readingMinutes(article.characters)} min read</bdi>
              </span>
            </div>
          </header>
          <LexicalComposer
            initialConfig={{
              namespace: 'quire-reader',
              nodes: [...readerNodes],
              theme: readerTheme,
              editable: false,
              onError: (error) => reportError(error, 'show this article'),
            }}
          >
            <RichTextPlugin
              contentEditable={<ContentEditable className="reader-content" aria-label="Article text" spellCheck={editing} />}
              ErrorBoundary={LexicalErrorBoundary}
            />
            <EditorRefPlugin editorRef={editorRef} />
            <DocumentPlugin bodyJson={article.bodyJson} version={docVersion} editable={editing} />
            <HighlightsPlugin highlights={highlights} focusedId={focusedId} editing={editing} documentVersion={docVersion} onHighlightClick={(id) => openPopover(id)} />
            <SelectionToolbarPlugin
              labels={labels}
              disabled={editing}
              container={scrollEl}
              onHighlight={(range, labelId, withNote) => void createHighlight(range, labelId, withNote)}
              attachMode={
                attaching
                  ? {
                      label: attaching.label ?? 'highlight',
                      onAttach: (range) => {
                        const { start, end } = trimRange(article.text, range.start, range.end);
                        setAttachId(null);
                        void ops.attach(attaching.id, { start, end, quote: article.text.slice(start, end) });
                      },
                      onCancel: () => setAttachId(null),
                    }
                  : null
              }
            />
            <FlashPlugin target={flash} container={scrollEl} ready={ops.loaded} />
            {editing && <HistoryPlugin />}
            {editing && <MarkEditPlugin />}
            <ListPlugin />
            <LinkPlugin />
          </LexicalComposer>
        </article>
        {popover && popoverAnnotation && scrollEl && (
          <HighlightPopover
            annotation={popoverAnnotation}
            labels={labels}
            anchor={scrollEl.querySelector<HTMLElement>(`mark[data-ids~="${CSS.escape(popover.id)}"]`)}
            container={scrollEl}
            focusNote={popover.focusNote}
            citation={[article.source, `“${article.title}”`, article.publishedAt ? formatDate(article.publishedAt) : null].filter(Boolean).join(', ')}
            ops={ops}
            onClose={() => setPopover(null)}
            onAddToTimeline={() => {
              setPopover(null);
              setTimelineId(popover.id);
            }}
          />
        )}
        {timelineAnnotation && (
          <PromoteEventDialog
            annotationId={timelineAnnotation.id}
            articleId={article.id}
            quote={timelineAnnotation.quote}
            range={timelineAnnotation.start !== null && timelineAnnotation.end !== null ? { start: timelineAnnotation.start, end: timelineAnnotation.end } : null}
            onClose={() => setTimelineId(null)}
            onSaved={() => setTimelineId(null)}
          />
        )}
      </div>
      <RightPane>
        <div className="details">
          <HighlightsPanel
            annotations={ops.annotations}
            focusedId={focusedId}
            direction={article.direction}
            onSelect={landOn}
            onOpen={(id) => {
              landOn(id);
              requestAnimationFrame(() => openPopover(id));
            }}
            onAttach={(id) => {
              setAttachId(id);
              toast({ message: 'Select the passage in the text, then press Enter.' });
            }}
            onDelete={(id) => void ops.remove(id)}
          />
          {registeredReaderSections().map((section) => (
            <section key={section.id} className="panel-section" aria-label={section.title}>
              <h3 className="panel-heading">{section.title}</h3>
              {section.render({ articleId: article.id, articleTitle: article.title, annotationId: focusedId, navigate })}
            </section>
          ))}
          <MetadataPanel article={article} />
        </div>
      </RightPane>
    </div>
  );
}
