/**
 * An event's sentence with its date mention emphasised. The sentence gets its own direction (an
 * Arabic or Persian sentence is laid out right to left inside the left-to-right app) and the mention
 * is isolated, so its digits and slashes ("كانون الثاني/يناير ٢٠١٦") stay in one piece.
 */
import type { ReactElement } from 'react';

const RTL_CHAR = /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]/u;
const STRONG_CHAR = /[A-Za-z\u00C0-\u024F\u0370-\u03FF\u0400-\u04FF]|[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]/u;

/** The direction of the text's first strong character (what `dir="auto"` would pick), made explicit. */
export function textDirection(text: string, fallback: 'ltr' | 'rtl' = 'ltr'): 'ltr' | 'rtl' {
  const strong = STRONG_CHAR.exec(text);
  if (strong === null) return fallback;
  return RTL_CHAR.test(strong[0]) ? 'rtl' : 'ltr';
}

interface EventSentenceProps {
  readonly sentence: string;
  /** The mention's offsets inside `sentence`; null or out of range: nothing is emphasised. */
  readonly mark: { readonly start: number; readonly end: number } | null;
  /** The article's direction and language: the sentence's own first letter decides, the article's when it has none. */
  readonly direction?: 'ltr' | 'rtl';
  readonly language?: string | null;
  readonly className?: string;
}

export function EventSentence({ sentence, mark, direction, language, className }: EventSentenceProps): ReactElement {
  const dir = textDirection(sentence, direction);
  // The article's language only when the sentence is in its script (an English quote in a Persian article is not Persian).
  const lang = language && dir === direction ? language : undefined;
  const valid = mark !== null && mark.start >= 0 && mark.end <= sentence.length && mark.start < mark.end;
  return (
    <span className={className ? `event-sentence ${className}` : 'event-sentence'} dir={dir} lang={lang}>
      {valid ? (
        <>
          {sentence.slice(0, mark.start)}
          <mark className="event-mention">{sentence.slice(mark.start, mark.end)}</mark>
          {sentence.slice(mark.end)}
        </>
      ) : (
        sentence
      )}
    </span>
  );
}
