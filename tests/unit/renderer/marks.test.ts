/**
 * The reader's highlight overlay: annotation offsets → MarkNodes → offsets again, in a headless
 * Lexical editor with the reader's nodes. Offsets must agree with `documentPlainText`, the rule the
 * core uses for every annotation.
 */
import { createHeadlessEditor } from '@lexical/headless';
import { $isMarkNode } from '@lexical/mark';
import { $dfs } from '@lexical/utils';
import { $getRoot, $isTextNode, type LexicalEditor } from 'lexical';
import { describe, expect, it } from 'vitest';
import { documentFromBlocks, documentPlainText, type ArticleDocument } from '../../../electron/common/document.js';
import { stripMarks } from '../../../renderer/editor/document-json.js';
import { $applyMarks, $collectMarkRanges, type MarkRange } from '../../../renderer/editor/marks.js';
import { readerNodes } from '../../../renderer/editor/nodes/index.js';
import { $buildOffsetIndex } from '../../../renderer/editor/offsets.js';

function editorFor(doc: ArticleDocument): LexicalEditor {
  const editor = createHeadlessEditor({ nodes: [...readerNodes], onError: (e) => { throw e; } });
  editor.setEditorState(editor.parseEditorState(JSON.stringify(doc)));
  return editor;
}

function apply(editor: LexicalEditor, ranges: MarkRange[]): void {
  editor.update(() => $applyMarks(ranges), { discrete: true });
}

function markedTexts(editor: LexicalEditor): Array<{ ids: string[]; text: string }> {
  return editor.getEditorState().read(() =>
    $dfs()
      .map((e) => e.node)
      .filter($isMarkNode)
      .map((m) => ({ ids: m.getIDs(), text: m.getTextContent() })),
  );
}

const doc = documentFromBlocks([
  { type: 'heading', level: 1, children: [{ text: 'Talks in Manama' }] },
  { type: 'paragraph', children: [{ text: 'Officials met on ' }, { text: 'Tuesday', format: 2 }, { text: ' to discuss ' }, { text: 'shipping', link: 'https://example.org' }, { text: '.' }] },
  { type: 'list', ordered: false, items: [[{ text: 'first point' }], [{ text: 'second\npoint' }]] },
  { type: 'quote', children: [{ text: 'A quoted line.' }] },
]);
const text = documentPlainText(doc);

describe('reader offsets', () => {
  it('index the live editor exactly like documentPlainText', () => {
    const editor = editorFor(doc);
    editor.getEditorState().read(() => {
      expect($getRoot().getTextContent()).toBe(text);
      const index = $buildOffsetIndex();
      expect(index.length).toBe(text.length);
      for (const leaf of index.leaves) expect(text.slice(leaf.start, leaf.end)).toBe(leaf.node.getTextContent());
    });
  });
});

describe('highlight marks', () => {
  it('wrap a range across formatting and a link, and read it back', () => {
    const editor = editorFor(doc);
    const start = text.indexOf('met on');
    const end = text.indexOf('shipping') + 'shipping'.length;
    apply(editor, [{ id: 'a1', start, end }]);
    expect(markedTexts(editor).map((m) => m.text).join('')).toBe(text.slice(start, end));
    expect(editor.getEditorState().read(() => $collectMarkRanges())).toEqual([{ id: 'a1', start, end }]);
    // Marks never change the text.
    expect(editor.getEditorState().read(() => $getRoot().getTextContent())).toBe(text);
  });

  it('split overlapping highlights into flat marks carrying both ids', () => {
    const editor = editorFor(doc);
    const a = { id: 'a', start: text.indexOf('Officials'), end: text.indexOf('Tuesday') + 7 };
    const b = { id: 'b', start: text.indexOf('met'), end: text.indexOf('discuss') + 7 };
    apply(editor, [a, b]);
    const marks = markedTexts(editor);
    expect(marks.some((m) => m.ids.length === 2 && m.ids.includes('a') && m.ids.includes('b'))).toBe(true);
    const ranges = editor.getEditorState().read(() => $collectMarkRanges());
    expect(ranges).toEqual([a, b]);
  });

  it('follow a highlight across paragraphs and list items', () => {
    const editor = editorFor(doc);
    const start = text.indexOf('point');
    const end = text.indexOf('A quoted') + 'A quoted'.length;
    apply(editor, [{ id: 'x', start, end }]);
    expect(editor.getEditorState().read(() => $collectMarkRanges())).toEqual([{ id: 'x', start, end }]);
    expect(markedTexts(editor).length).toBeGreaterThan(2);
  });

  it('replace old marks when applied again, and disappear when the list is empty', () => {
    const editor = editorFor(doc);
    apply(editor, [{ id: 'x', start: 0, end: 5 }]);
    apply(editor, [{ id: 'y', start: 6, end: 8 }]);
    expect(markedTexts(editor)).toEqual([{ ids: ['y'], text: text.slice(6, 8) }]);
    apply(editor, []);
    expect(markedTexts(editor)).toEqual([]);
  });

  it('move with the text when it is edited before them', () => {
    const editor = editorFor(doc);
    const start = text.indexOf('shipping');
    apply(editor, [{ id: 's', start, end: start + 8 }]);
    editor.update(
      () => {
        const first = $buildOffsetIndex().leaves.find((l) => l.node.getTextContent() === 'Officials met on ');
        if (first && $isTextNode(first.node)) first.node.setTextContent('Senior officials met on ');
      },
      { discrete: true },
    );
    const moved = editor.getEditorState().read(() => $collectMarkRanges());
    expect(moved).toEqual([{ id: 's', start: start + 7, end: start + 15 }]);
  });

  it('are removed from the document that is saved', () => {
    const editor = editorFor(doc);
    apply(editor, [{ id: 'q', start: 3, end: 12 }]);
    const saved = stripMarks(editor.getEditorState().toJSON() as unknown as ArticleDocument);
    expect(JSON.stringify(saved)).not.toContain('"mark"');
    expect(documentPlainText(saved)).toBe(text);
  });
});
