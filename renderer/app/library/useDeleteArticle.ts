/** Delete an article at once, with Undo in the toast instead of a confirmation dialog. */
import { useCallback } from 'react';
import { api } from '../../api';
import { useApp } from '../context';

export function useDeleteArticle(): (article: { id: string; title: string }) => Promise<boolean> {
  const { toast, reportError, libraryChanged, navigate } = useApp();
  return useCallback(
    async (article) => {
      try {
        const deleted = await api['articles.delete']({ id: article.id });
        libraryChanged();
        toast({
          message: `Deleted “${deleted.title}”.`,
          action: {
            label: 'Undo',
            run: async () => {
              try {
                await api['articles.restore']({ snapshot: deleted.snapshot });
                libraryChanged();
                toast({ kind: 'success', message: `Restored “${deleted.title}” with its highlights.` });
              } catch (error) {
                reportError(error, 'restore the article');
              }
            },
          },
        });
        return true;
      } catch (error) {
        reportError(error, 'delete the article');
        navigate({ view: 'library' });
        return false;
      }
    },
    [libraryChanged, navigate, reportError, toast],
  );
}
