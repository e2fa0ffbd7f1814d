/**
 * The note editor's toolbar: block type (paragraph, headings, quote), bold, italic, lists, link and
 * "Cite highlight". A real toolbar for assistive technology: one tab stop, arrow keys move within.
 */
import { $isLinkNode, TOGGLE_LINK_COMMAND } from '@lexical/link';
import { $isListNode, INSERT_ORDERED_LIST_COMMAND, INSERT_UNORDERED_LIST_COMMAND, REMOVE_LIST_COMMAND } from '@lexical/list';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { $createHeadingNode, $createQuoteNode, $isHeadingNode, $isQuoteNode, type HeadingTagType } from '@lexical/rich-text';
import { $setBlocksType } from '@lexical/selection';
import { $findMatchingParent, $getNearestNodeOfType, mergeRegister } from '@lexical/utils';
import { ListNode } from '@lexical/list';
import {
  $createParagraphNode,
  $getSelection,
  $isRangeSelection,
  $isRootOrShadowRoot,
  FORMAT_TEXT_COMMAND,
  SELECTION_CHANGE_COMMAND,
  COMMAND_PRIORITY_LOW,
  type LexicalNode,
} from 'lexical';
import { useCallback, useEffect, useRef, useState, type KeyboardEvent, type ReactElement } from 'react';
import { Icon } from '../../shell/Icon';
import { LinkDialog } from './LinkDialog';

type BlockType = 'paragraph' | 'h1' | 'h2' | 'h3' | 'quote' | 'bullet' | 'number';

const BLOCK_NAMES: Readonly<Record<BlockType, string>> = {
  paragraph: 'Paragraph',
  h1: 'Heading 1',
  h2: 'Heading 2',
  h3: 'Heading 3',
  quote: 'Quote',
  bullet: 'Bulleted list',
  number: 'Numbered list',
};

interface ToolbarState {
  readonly block: BlockType;
  readonly bold: boolean;
  readonly italic: boolean;
  readonly link: string | null;
}

function topBlock(node: LexicalNode): LexicalNode {
  const found = $findMatchingParent(node, (n) => {
    const parent = n.getParent();
    return parent !== null && $isRootOrShadowRoot(parent);
  });
  return found ?? node.getTopLevelElementOrThrow();
}

export function ToolbarPlugin({ onCite }: { onCite?: () => void }): ReactElement {
  const [editor] = useLexicalComposerContext();
  const [state, setState] = useState<ToolbarState>({ block: 'paragraph', bold: false, italic: false, link: null });
  const [linkOpen, setLinkOpen] = useState(false);
  const toolbar = useRef<HTMLDivElement>(null);

  const refresh = useCallback(() => {
    const selection = $getSelection();
    if (!$isRangeSelection(selection)) return;
    const anchor = selection.anchor.getNode();
    const block = topBlock(anchor);
    let type: BlockType = 'paragraph';
    if ($isListNode(block)) {
      const list = $getNearestNodeOfType(anchor, ListNode);
      type = (list ?? block).getListType() === 'number' ? 'number' : 'bullet';
    } else if ($isHeadingNode(block)) {
      const tag = block.getTag();
      type = tag === 'h1' || tag === 'h2' ? tag : 'h3';
    } else if ($isQuoteNode(block)) {
      type = 'quote';
    }
    const linkNode = $findMatchingParent(anchor, $isLinkNode);
    setState({
      block: type,
      bold: selection.hasFormat('bold'),
      italic: selection.hasFormat('italic'),
      link: linkNode && $isLinkNode(linkNode) ? linkNode.getURL() : null,
    });
  }, []);

  useEffect(
    () =>
      mergeRegister(
        editor.registerUpdateListener(({ editorState }) => editorState.read(refresh)),
        editor.registerCommand(
          SELECTION_CHANGE_COMMAND,
          () => {
            refresh();
            return false;
          },
          COMMAND_PRIORITY_LOW,
        ),
      ),
    [editor, refresh],
  );

  const setBlock = (type: BlockType): void => {
    if (type === 'bullet' || type === 'number') {
      if (state.block === type) editor.dispatchCommand(REMOVE_LIST_COMMAND, undefined);
      else editor.dispatchCommand(type === 'bullet' ? INSERT_UNORDERED_LIST_COMMAND : INSERT_ORDERED_LIST_COMMAND, undefined);
      return;
    }
    if (state.block === 'bullet' || state.block === 'number') editor.dispatchCommand(REMOVE_LIST_COMMAND, undefined);
    editor.update(() => {
      const selection = $getSelection();
      if (!$isRangeSelection(selection)) return;
      if (type === 'paragraph') $setBlocksType(selection, () => $createParagraphNode());
      else if (type === 'quote') $setBlocksType(selection, () => $createQuoteNode());
      else $setBlocksType(selection, () => $createHeadingNode(type as HeadingTagType));
    });
  };

  // Roving focus: Left/Right move between the toolbar's controls.
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>): void => {
    if (event.key !== 'ArrowLeft' && event.key !== 'ArrowRight') return;
    if ((event.target as HTMLElement).tagName === 'SELECT') return;
    const controls = [...(toolbar.current?.querySelectorAll<HTMLElement>('button, select') ?? [])];
    const index = controls.indexOf(event.target as HTMLElement);
    if (index < 0) return;
    event.preventDefault();
    const next = controls[(index + (event.key === 'ArrowRight' ? 1 : controls.length - 1)) % controls.length];
    next?.focus();
  };

  const blockValue = state.block === 'bullet' || state.block === 'number' ? 'paragraph' : state.block;

  return (
    <div className="note-toolbar" role="toolbar" aria-label="Formatting" ref={toolbar} onKeyDown={onKeyDown}>
      <select
        className="input input-small note-block-select"
        aria-label="Text style"
        value={blockValue}
        onChange={(event) => setBlock(event.target.value as BlockType)}
      >
        {(['paragraph', 'h1', 'h2', 'h3', 'quote'] as const).map((type) => (
          <option key={type} value={type}>
            {BLOCK_NAMES[type]}
          </option>
        ))}
      </select>
      <span className="note-toolbar-sep" aria-hidden="true" />
      <button
        type="button"
        className={`tool-button${state.bold ? ' is-on' : ''}`}
        aria-pressed={state.bold}
        aria-label="Bold"
        title="Bold (Ctrl+B)"
        onClick={() => editor.dispatchCommand(FORMAT_TEXT_COMMAND, 'bold')}
      >
        <b>B</b>
      </button>
      <button
        type="button"
        className={`tool-button${state.italic ? ' is-on' : ''}`}
        aria-pressed={state.italic}
        aria-label="Italic"
        title="Italic (Ctrl+I)"
        onClick={() => editor.dispatchCommand(FORMAT_TEXT_COMMAND, 'italic')}
      >
        <i>I</i>
      </button>
      <span className="note-toolbar-sep" aria-hidden="true" />
      <button
        type="button"
        className={`tool-button${state.block === 'bullet' ? ' is-on' : ''}`}
        aria-pressed={state.block === 'bullet'}
        aria-label="Bulleted list"
        title="Bulleted list"
        onClick={() => setBlock('bullet')}
      >
        <svg width="16" height="16" viewBox="0 0 16 16" aria-hidden="true" fill="currentColor">
          <circle cx="3" cy="4" r="1.2" />
          <circle cx="3" cy="8" r="1.2" />
          <circle cx="3" cy="12" r="1.2" />
          <rect x="6" y="3.4" width="8" height="1.2" rx="0.6" />
          <rect x="6" y="7.4" width="8" height="1.2" rx="0.6" />
          <rect x="6" y="11.4" width="8" height="1.2" rx="0.6" />
        </svg>
      </button>
      <button
        type="button"
        className={`tool-button${state.block === 'number' ? ' is-on' : ''}`}
        aria-pressed={state.block === 'number'}
        aria-label="Numbered list"
        title="Numbered list"
        onClick={() => setBlock('number')}
      >
        <span className="tool-glyph">1.</span>
      </button>
      <button
        type="button"
        className={`tool-button${state.block === 'quote' ? ' is-on' : ''}`}
        aria-pressed={state.block === 'quote'}
        aria-label="Block quote"
        title="Block quote"
        onClick={() => setBlock(state.block === 'quote' ? 'paragraph' : 'quote')}
      >
        <span className="tool-glyph">“</span>
      </button>
      <button
        type="button"
        className={`tool-button${state.link ? ' is-on' : ''}`}
        aria-pressed={state.link !== null}
        aria-label={state.link ? 'Edit or remove link' : 'Link'}
        title="Link"
        onClick={() => setLinkOpen(true)}
      >
        <Icon name="link" />
      </button>
      {onCite && (
        <>
          <span className="note-toolbar-sep" aria-hidden="true" />
          <button type="button" className="button button-small note-cite-button" onClick={onCite} title="Quote a highlight with its source">
            <Icon name="highlight" size={14} /> Cite highlight
          </button>
        </>
      )}
      <LinkDialog
        open={linkOpen}
        current={state.link}
        onClose={() => setLinkOpen(false)}
        onSubmit={(url) => {
          setLinkOpen(false);
          editor.dispatchCommand(TOGGLE_LINK_COMMAND, url === null ? null : { url, rel: 'noreferrer', target: null });
          editor.focus();
        }}
      />
    </div>
  );
}
