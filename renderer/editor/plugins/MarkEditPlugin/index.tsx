/**
 * Editing under highlights. Lexical's MarkNode refuses text typed at its start (so that typing just
 * before a highlight does not extend it), which also means that retyping a highlight's first word
 * (select "balanced", type "measured") puts the new word outside the highlight. A correction of the
 * highlighted words belongs to the highlight: when a selection that starts a mark is replaced by
 * typing, the text goes inside the mark.
 */
import { $isMarkNode } from '@lexical/mark';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { $getSelection, $isRangeSelection, $isTextNode, COMMAND_PRIORITY_HIGH, CONTROLLED_TEXT_INSERTION_COMMAND } from 'lexical';
import { useEffect } from 'react';

export function MarkEditPlugin(): null {
  const [editor] = useLexicalComposerContext();
  useEffect(
    () =>
      editor.registerCommand(
        CONTROLLED_TEXT_INSERTION_COMMAND,
        (payload) => {
          const text = typeof payload === 'string' ? payload : (payload.data ?? '');
          const selection = $getSelection();
          if (!text || !$isRangeSelection(selection) || selection.isCollapsed()) return false;
          const [start, end] = selection.isBackward() ? [selection.focus, selection.anchor] : [selection.anchor, selection.focus];
          if (start.type !== 'text' || end.type !== 'text' || start.key !== end.key || start.offset !== 0) return false;
          const node = start.getNode();
          if (!$isTextNode(node) || node.getPreviousSibling() !== null || !$isMarkNode(node.getParent())) return false;
          // Replace inside the text node (and so inside the mark); the caret follows the new text.
          node.spliceText(0, end.offset, text, true);
          return true;
        },
        COMMAND_PRIORITY_HIGH,
      ),
    [editor],
  );
  return null;
}
