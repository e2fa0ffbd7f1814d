/**
 * How a citation looks in the note editor: the quote, a short citation (source, date), and, when the
 * highlight changed, was orphaned or deleted since it was cited, a notice saying so with what to do.
 * Click (or Enter) opens the article at the highlight; the block can be selected and deleted like text.
 */
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { useLexicalNodeSelection } from '@lexical/react/useLexicalNodeSelection';
import { mergeRegister } from '@lexical/utils';
import {
  $getNodeByKey,
  $getSelection,
  $isNodeSelection,
  CLICK_COMMAND,
  COMMAND_PRIORITY_LOW,
  KEY_BACKSPACE_COMMAND,
  KEY_DELETE_COMMAND,
  type NodeKey,
} from 'lexical';
import { useCallback, useEffect, useRef, type ReactElement } from 'react';
import { CITATION_STATUS_TEXT } from '../../../../electron/common/note-document';
import { formatDate } from '../../format';
import { Icon } from '../../shell/Icon';
import type { CitationData, CitationNode } from './CitationNode';
import { useCitations } from './citations-context';

export function CitationBlock({ nodeKey, data }: { nodeKey: NodeKey; data: CitationData }): ReactElement {
  const [editor] = useLexicalComposerContext();
  const [isSelected, setSelected, clearSelection] = useLexicalNodeSelection(nodeKey);
  const { byAnnotation, openHighlight } = useCitations();
  const ref = useRef<HTMLElement>(null);
  const resolved = byAnnotation.get(data.annotationId);
  const status = resolved?.status ?? 'current';
  const articleId = resolved?.annotation?.articleId ?? data.articleId;
  const title = resolved?.article?.title ?? data.articleTitle;
  const source = resolved?.article?.source ?? data.source;
  const published = resolved?.article?.publishedAt ?? data.publishedAt;

  const remove = useCallback(
    (event: KeyboardEvent) => {
      const selection = $getSelection();
      if (isSelected && $isNodeSelection(selection)) {
        event.preventDefault();
        $getNodeByKey(nodeKey)?.remove();
        return true;
      }
      return false;
    },
    [isSelected, nodeKey],
  );

  useEffect(
    () =>
      mergeRegister(
        editor.registerCommand(
          CLICK_COMMAND,
          (event: MouseEvent) => {
            if (ref.current && event.target instanceof Node && ref.current.contains(event.target)) {
              if ((event.target as HTMLElement).closest('button')) return false;
              if (!event.shiftKey) clearSelection();
              setSelected(true);
              return true;
            }
            return false;
          },
          COMMAND_PRIORITY_LOW,
        ),
        editor.registerCommand(KEY_DELETE_COMMAND, remove, COMMAND_PRIORITY_LOW),
        editor.registerCommand(KEY_BACKSPACE_COMMAND, remove, COMMAND_PRIORITY_LOW),
      ),
    [clearSelection, editor, remove, setSelected],
  );

  const updateQuote = (): void => {
    const current = resolved?.currentQuote;
    if (current === null || current === undefined) return;
    editor.update(() => {
      // Checked by type name: importing CitationNode here would make the two modules import each other.
      const node = $getNodeByKey(nodeKey);
      if (node?.getType() === 'citation') (node as CitationNode).setQuote(current);
    });
  };

  const removeBlock = (): void => {
    editor.update(() => $getNodeByKey(nodeKey)?.remove());
  };

  const canOpen = articleId !== null && status !== 'deleted';
  const citation = [source, title, published ? formatDate(published) : null].filter(Boolean).join(' · ');

  return (
    <figure
      ref={ref}
      className={`citation citation-${status}${isSelected ? ' is-selected' : ''}`}
      data-annotation-id={data.annotationId}
      data-status={status}
      contentEditable={false}
    >
      <blockquote className="citation-quote" dir="auto" style={resolved?.annotation?.label ? { borderColor: resolved.annotation.label.color } : undefined}>
        {data.quote}
      </blockquote>
      <figcaption className="citation-caption">
        <span className="citation-source">— {citation || 'Unknown source'}</span>
        <span className="citation-actions">
          {canOpen && (
            <button
              type="button"
              className="link-button citation-open"
              onClick={() => openHighlight(articleId, data.annotationId)}
              title="Open the article at this highlight"
            >
              Open in article
            </button>
          )}
          {editor.isEditable() && (
            <button type="button" className="icon-button citation-remove" aria-label="Remove this citation" onClick={removeBlock}>
              <Icon name="close" size={14} />
            </button>
          )}
        </span>
      </figcaption>
      {status !== 'current' && (
        <div className="citation-warning" role="note">
          <Icon name="warning" size={14} />
          <span>
            {CITATION_STATUS_TEXT[status]}
            {status === 'changed' && resolved?.currentQuote ? <> It now reads: “{resolved.currentQuote}”.</> : null}
          </span>
          {status === 'changed' && editor.isEditable() && (
            <button type="button" className="button button-small" onClick={updateQuote}>
              Use the current text
            </button>
          )}
        </div>
      )}
    </figure>
  );
}
