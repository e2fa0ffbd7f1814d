/**
 * Loads the stored article document into the editor (again whenever `version` changes: after a
 * saved edit or a cancelled one), and switches between reading and editing.
 */
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { useLayoutEffect } from 'react';

export function DocumentPlugin({ bodyJson, version, editable }: { bodyJson: string; version: number; editable: boolean }): null {
  const [editor] = useLexicalComposerContext();
  useLayoutEffect(() => {
    const state = editor.parseEditorState(bodyJson);
    editor.setEditorState(state);
    // `version` is part of the key on purpose: the same JSON is loaded again to drop a cancelled edit.
  }, [editor, bodyJson, version]);
  useLayoutEffect(() => {
    editor.setEditable(editable);
  }, [editor, editable]);
  return null;
}
