/**
 * An article's highlights and every change to them: create (from a selection), relabel, note,
 * tags, delete with undo, re-attach an orphan. Local state is updated from what the API returns,
 * so the reader repaints at once and always shows what was stored.
 */
import { useCallback, useEffect, useState } from 'react';
import { api } from '../../api';
import { useApp } from '../context';
import type { Annotation } from '../data/types';

export interface HighlightOps {
  readonly annotations: readonly Annotation[];
  readonly loaded: boolean;
  reload(): Promise<void>;
  replaceAll(annotations: readonly Annotation[]): void;
  create(input: { start: number; end: number; quote: string; labelId: string | null }): Promise<Annotation | null>;
  update(id: string, patch: { labelId?: string | null; note?: { text: string; json: string } | null; tags?: string[] }): Promise<void>;
  remove(id: string): Promise<void>;
  attach(id: string, range: { start: number; end: number; quote: string }): Promise<void>;
}

function byPosition(a: Annotation, b: Annotation): number {
  return (a.start ?? Number.MAX_SAFE_INTEGER) - (b.start ?? Number.MAX_SAFE_INTEGER) || (a.end ?? 0) - (b.end ?? 0);
}

export function useHighlights(articleId: string): HighlightOps {
  const { toast, reportError, libraryChanged, labels } = useApp();
  const [annotations, setAnnotations] = useState<readonly Annotation[]>([]);
  const [loaded, setLoaded] = useState(false);

  const reload = useCallback(async () => {
    try {
      const result = await api['annotations.list']({ articleId });
      setAnnotations([...result].sort(byPosition));
      setLoaded(true);
    } catch (error) {
      reportError(error, 'load the highlights');
    }
  }, [articleId, reportError]);

  // Labels renamed or recoloured elsewhere change how the highlights look: fetch them again.
  useEffect(() => {
    void reload();
  }, [reload, labels]);

  const put = useCallback((annotation: Annotation) => {
    setAnnotations((list) => [...list.filter((a) => a.id !== annotation.id), annotation].sort(byPosition));
  }, []);

  const create: HighlightOps['create'] = useCallback(
    async ({ start, end, quote, labelId }) => {
      // Shown at once in the label's colour; replaced by the stored highlight when the API answers.
      const label = labels.find((l) => l.id === labelId) ?? null;
      const now = new Date().toISOString();
      const pending: Annotation = {
        id: `pending-${Date.now()}`,
        articleId,
        labelId,
        label: label?.name ?? null,
        color: label?.color ?? null,
        note: '',
        noteJson: null,
        quote,
        prefix: '',
        suffix: '',
        start,
        end,
        status: 'anchored',
        tags: [],
        createdAt: now,
        updatedAt: now,
      };
      put(pending);
      const withoutPending = (list: readonly Annotation[]): Annotation[] => list.filter((a) => a.id !== pending.id);
      try {
        const created = await api['annotations.create']({ articleId, start, end, quote, labelId });
        setAnnotations((list) => [...withoutPending(list).filter((a) => a.id !== created.id), created].sort(byPosition));
        libraryChanged();
        return created;
      } catch (error) {
        setAnnotations(withoutPending);
        reportError(error, 'save the highlight');
        return null;
      }
    },
    [articleId, labels, put, libraryChanged, reportError],
  );

  const update: HighlightOps['update'] = useCallback(
    async (id, patch) => {
      try {
        put(await api['annotations.update']({ id, ...patch }));
      } catch (error) {
        reportError(error, 'save the highlight');
      }
    },
    [put, reportError],
  );

  const remove: HighlightOps['remove'] = useCallback(
    async (id) => {
      try {
        const deleted = await api['annotations.delete']({ id });
        setAnnotations((list) => list.filter((a) => a.id !== id));
        libraryChanged();
        toast({
          message: 'Highlight deleted.',
          action: {
            label: 'Undo',
            run: async () => {
              try {
                put(await api['annotations.restore']({ snapshot: deleted.snapshot }));
                libraryChanged();
              } catch (error) {
                reportError(error, 'restore the highlight');
              }
            },
          },
        });
      } catch (error) {
        reportError(error, 'delete the highlight');
      }
    },
    [put, libraryChanged, toast, reportError],
  );

  const attach: HighlightOps['attach'] = useCallback(
    async (id, { start, end, quote }) => {
      try {
        put(await api['annotations.attach']({ id, start, end, quote }));
        libraryChanged();
        toast({ kind: 'success', message: 'Highlight re-attached.' });
      } catch (error) {
        reportError(error, 're-attach the highlight');
      }
    },
    [put, libraryChanged, toast, reportError],
  );

  return {
    annotations,
    loaded,
    reload,
    replaceAll: (list) => setAnnotations([...list].sort(byPosition)),
    create,
    update,
    remove,
    attach,
  };
}
