/**
 * The small rich-text editor for a highlight's note: paragraphs, lists, quotes, bold/italic
 * (Ctrl/Cmd+B, I), undo. Reports Lexical JSON and its plain text on every change.
 */
import { LexicalComposer } from '@lexical/react/LexicalComposer';
import { ContentEditable } from '@lexical/react/LexicalContentEditable';
import { LexicalErrorBoundary } from '@lexical/react/LexicalErrorBoundary';
import { HistoryPlugin } from '@lexical/react/LexicalHistoryPlugin';
import { ListPlugin } from '@lexical/react/LexicalListPlugin';
import { OnChangePlugin } from '@lexical/react/LexicalOnChangePlugin';
import { RichTextPlugin } from '@lexical/react/LexicalRichTextPlugin';
import { AutoFocusPlugin } from '@lexical/react/LexicalAutoFocusPlugin';
import { $createParagraphNode, $createTextNode, $getRoot, type EditorState } from 'lexical';
import type { ReactElement } from 'react';
import { noteNodes } from './nodes';
import { noteTheme } from './theme';

interface NoteEditorProps {
  readonly initialJson: string | null;
  /** Shown as plain paragraphs when there is text but no JSON (a note typed at the CLI). */
  readonly initialText: string;
  readonly autoFocus: boolean;
  readonly label: string;
  readonly onChange: (json: string, text: string) => void;
}

function validJson(json: string | null): string | undefined {
  if (!json) return undefined;
  try {
    const parsed = JSON.parse(json) as { root?: { children?: unknown[] } };
    return parsed.root?.children && parsed.root.children.length > 0 ? json : undefined;
  } catch {
    return undefined;
  }
}

export function NoteEditor({ initialJson, initialText, autoFocus, label, onChange }: NoteEditorProps): ReactElement {
  const json = validJson(initialJson);
  return (
    <LexicalComposer
      initialConfig={{
        namespace: 'quire-note',
        nodes: [...noteNodes],
        theme: noteTheme,
        onError: (error) => console.error(error),
        editorState: json ?? (initialText ? () => importPlainText(initialText) : undefined),
      }}
    >
      <div className="note-editor">
        <RichTextPlugin
          contentEditable={<ContentEditable className="note-editable" aria-label={label} aria-multiline="true" role="textbox" spellCheck />}
          placeholder={<div className="note-placeholder">Write a note…</div>}
          ErrorBoundary={LexicalErrorBoundary}
        />
        <HistoryPlugin />
        <ListPlugin />
        {autoFocus && <AutoFocusPlugin />}
        <OnChangePlugin
          ignoreSelectionChange
          onChange={(state: EditorState) => {
            const text = state.read(() => $getRoot().getTextContent());
            onChange(JSON.stringify(state.toJSON()), text);
          }}
        />
      </div>
    </LexicalComposer>
  );
}

function importPlainText(text: string): void {
  const root = $getRoot();
  for (const paragraph of text.split(/\n{2,}/)) {
    const node = $createParagraphNode();
    node.append($createTextNode(paragraph));
    root.append(node);
  }
}
