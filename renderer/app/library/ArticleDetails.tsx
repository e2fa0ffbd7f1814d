/** The library's right pane for the selected row: its metadata, with Open and Delete. */
import { useEffect, useState, type ReactElement } from 'react';
import { api } from '../../api';
import { useApp } from '../context';
import type { Article } from '../data/types';
import { MetadataPanel } from '../reader/MetadataPanel';
import { Icon } from '../shell/Icon';

export function ArticleDetails({ articleId, onOpen, onDelete }: { articleId: string; onOpen: () => void; onDelete: () => void }): ReactElement {
  const { libraryVersion } = useApp();
  const [article, setArticle] = useState<Article | null>(null);
  useEffect(() => {
    let live = true;
    api['articles.get']({ id: articleId })
      .then((a) => live && setArticle(a))
      .catch(() => live && setArticle(null));
    return () => {
      live = false;
    };
  }, [articleId, libraryVersion]);
  if (!article) return <div className="pane-placeholder" aria-busy="true" />;
  return (
    <div className="details">
      <div className="details-head">
        <h2 className="details-title" dir="auto">
          {article.title}
        </h2>
        <div className="details-actions">
          <button type="button" className="button button-primary" onClick={onOpen}>
            Open
          </button>
          <button type="button" className="button button-danger-quiet" onClick={onDelete} aria-label={`Delete “${article.title}”`}>
            <Icon name="trash" /> Delete
          </button>
        </div>
      </div>
      <MetadataPanel article={article} />
    </div>
  );
}
