/**
 * The one Lexical theme: class names for every node the reader and the note editor render.
 * The styles live in `renderer/styles/reader.css`.
 */
import type { EditorThemeClasses } from 'lexical';

export const readerTheme: EditorThemeClasses = {
  ltr: 'rd-ltr',
  rtl: 'rd-rtl',
  paragraph: 'rd-p',
  quote: 'rd-quote',
  heading: { h1: 'rd-h1', h2: 'rd-h2', h3: 'rd-h3', h4: 'rd-h4', h5: 'rd-h5', h6: 'rd-h6' },
  list: {
    ul: 'rd-ul',
    ol: 'rd-ol',
    listitem: 'rd-li',
    nested: { listitem: 'rd-li-nested' },
  },
  link: 'rd-link',
  mark: 'hl',
  markOverlap: 'hl-overlap',
  text: {
    bold: 'rd-bold',
    italic: 'rd-italic',
    underline: 'rd-underline',
    strikethrough: 'rd-strike',
    underlineStrikethrough: 'rd-underline-strike',
    code: 'rd-code',
    subscript: 'rd-sub',
    superscript: 'rd-sup',
  },
};

/** The note editor shares the inline look but is set in the interface face, smaller. */
export const noteTheme: EditorThemeClasses = {
  ...readerTheme,
  paragraph: 'note-p',
};
