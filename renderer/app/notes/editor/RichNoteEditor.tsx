/**
 * The note editor: Lexical rich text with headings, lists, bold/italic, links, block quotes and
 * citation blocks. Reports the serialized document on every change (the caller saves it, debounced);
 * `editorRef` gives the caller the editor to insert citations into.
 */
import { LinkPlugin } from '@lexical/react/LexicalLinkPlugin';
import { LexicalComposer } from '@lexical/react/LexicalComposer';
import { ContentEditable } from '@lexical/react/LexicalContentEditable';
import { EditorRefPlugin } from '@lexical/react/LexicalEditorRefPlugin';
import { LexicalErrorBoundary } from '@lexical/react/LexicalErrorBoundary';
import { HistoryPlugin } from '@lexical/react/LexicalHistoryPlugin';
import { ListPlugin } from '@lexical/react/LexicalListPlugin';
import { OnChangePlugin } from '@lexical/react/LexicalOnChangePlugin';
import { RichTextPlugin } from '@lexical/react/LexicalRichTextPlugin';
import { $insertNodeToNearestRoot } from '@lexical/utils';
import { $createParagraphNode, $getRoot, type EditorState, type LexicalEditor } from 'lexical';
import type { MutableRefObject, ReactElement } from 'react';
import { noteTheme } from '../../../editor/theme';
import { $createCitationNode, type CitationData } from './CitationNode';
import { richNoteNodes } from './nodes';
import { ToolbarPlugin } from './ToolbarPlugin';
import { normaliseUrl } from './LinkDialog';

export interface RichNoteEditorProps {
  /** Lexical JSON; null or empty starts an empty document. Read once: remount (key) to load another. */
  readonly initialJson: string | null;
  readonly label: string;
  readonly placeholder?: string;
  readonly onChange: (json: string) => void;
  readonly onCite?: () => void;
  readonly editorRef?: MutableRefObject<LexicalEditor | null>;
  readonly className?: string;
}

function usable(json: string | null): string | undefined {
  if (!json) return undefined;
  try {
    const parsed = JSON.parse(json) as { root?: { children?: unknown[] } };
    return parsed.root?.children && parsed.root.children.length > 0 ? json : undefined;
  } catch {
    return undefined;
  }
}

/** Inserts a citation block where the caret is (splitting the paragraph), then a paragraph to keep typing in. */
export function insertCitation(editor: LexicalEditor, data: CitationData): void {
  editor.update(() => {
    const node = $insertNodeToNearestRoot($createCitationNode(data));
    if (!node.getNextSibling()) {
      const paragraph = $createParagraphNode();
      node.insertAfter(paragraph);
      paragraph.select();
    }
  });
  editor.focus();
}

export function RichNoteEditor({ initialJson, label, placeholder, onChange, onCite, editorRef, className }: RichNoteEditorProps): ReactElement {
  return (
    <LexicalComposer
      initialConfig={{
        namespace: 'quire-rich-note',
        nodes: [...richNoteNodes],
        theme: noteTheme,
        onError: (error) => console.error(error),
        editorState: usable(initialJson),
      }}
    >
      <div className={className ? `rich-note ${className}` : 'rich-note'}>
        <ToolbarPlugin {...(onCite ? { onCite } : {})} />
        <div className="rich-note-body">
          <RichTextPlugin
            contentEditable={<ContentEditable className="rich-note-editable" aria-label={label} aria-multiline="true" role="textbox" spellCheck />}
            placeholder={<div className="rich-note-placeholder">{placeholder ?? 'Write…'}</div>}
            ErrorBoundary={LexicalErrorBoundary}
          />
        </div>
        <HistoryPlugin />
        <ListPlugin />
        <LinkPlugin validateUrl={(url) => normaliseUrl(url) !== null} />
        {editorRef && <EditorRefPlugin editorRef={editorRef} />}
        <OnChangePlugin
          ignoreSelectionChange
          ignoreHistoryMergeTagChange
          onChange={(state: EditorState) => onChange(JSON.stringify(state.toJSON()))}
        />
      </div>
    </LexicalComposer>
  );
}

/** The text of an editor state, for "is it empty" checks. */
export function editorText(state: EditorState): string {
  return state.read(() => $getRoot().getTextContent());
}
