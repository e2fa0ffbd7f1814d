/**
 * What a citation block needs from the note around it: each cited highlight's status as the server
 * computed it on the last save, and how to open the article at the highlight.
 */
import { createContext, useContext } from 'react';
import type { NoteCitationDto } from '../../../../electron/api/contract/notes';

export interface CitationsContextValue {
  readonly byAnnotation: ReadonlyMap<string, NoteCitationDto>;
  readonly openHighlight: (articleId: string, annotationId: string) => void;
}

export const CitationsContext = createContext<CitationsContextValue>({
  byAnnotation: new Map(),
  openHighlight: () => undefined,
});

export function useCitations(): CitationsContextValue {
  return useContext(CitationsContext);
}
