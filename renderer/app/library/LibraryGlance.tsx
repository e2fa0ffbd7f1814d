/** The library's right pane with no article selected: what the library holds, and where it lives on disk. */
import { useEffect, useState, type ReactElement } from 'react';
import { api } from '../../api';
import { useApp } from '../context';
import { Icon } from '../shell/Icon';

type Info = Awaited<ReturnType<(typeof api)['library.info']>>;

export function LibraryGlance(): ReactElement {
  const { libraryVersion } = useApp();
  const [info, setInfo] = useState<Info | null>(null);
  useEffect(() => {
    let live = true;
    api['library.info']({})
      .then((i) => live && setInfo(i))
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [libraryVersion]);
  return (
    <section className="panel-section glance" aria-label="This library">
      <h3 className="panel-heading">This library</h3>
      {info && (
        <dl className="glance-grid">
          <div>
            <dt>Articles</dt>
            <dd>{info.articles.toLocaleString('en')}</dd>
          </div>
          <div>
            <dt>Highlights</dt>
            <dd>{info.annotations.toLocaleString('en')}</dd>
          </div>
          <div>
            <dt>Notes</dt>
            <dd>{info.notes.toLocaleString('en')}</dd>
          </div>
          <div>
            <dt>Dossiers</dt>
            <dd>{info.dossiers.toLocaleString('en')}</dd>
          </div>
        </dl>
      )}
      {info && (
        <p className="glance-path" title={info.path}>
          <Icon name="folder" size={13} />
          <code>{info.path}</code>
        </p>
      )}
      <p className="panel-empty glance-hint">
        Select an article to see where it came from: <kbd>↑</kbd> <kbd>↓</kbd> move, <kbd>Enter</kbd> opens, <kbd>Delete</kbd> removes it (you can undo).
      </p>
    </section>
  );
}
