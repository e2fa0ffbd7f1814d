/**
 * Text with its matches marked: built as React nodes from the match offsets (never innerHTML, so an
 * article's text can never become markup).
 */
import type { ReactElement } from 'react';
import { normaliseMatches, type MatchRange } from './matches';

export { termMatches } from './matches';

export function Snippet({ text, matches }: { text: string; matches: readonly MatchRange[] }): ReactElement {
  const parts: ReactElement[] = [];
  let at = 0;
  normaliseMatches(text, matches).forEach((m, i) => {
    if (m.start > at) parts.push(<span key={`t${i}`}>{text.slice(at, m.start)}</span>);
    parts.push(<mark key={`m${i}`}>{text.slice(m.start, m.end)}</mark>);
    at = m.end;
  });
  if (at < text.length) parts.push(<span key="rest">{text.slice(at)}</span>);
  return <>{parts}</>;
}
