/** Every dossier, most recently edited first: open, create, duplicate, delete (with undo). */
import { useCallback, useEffect, useState, type ReactElement } from 'react';
import { api } from '../../api';
import type { DossierSummaryDto } from '../../../electron/api/contract/dossiers';
import { useApp } from '../context';
import { formatDate } from '../format';
import { Icon } from '../shell/Icon';
import { RightPane } from '../shell/RightPane';

export function useDossierActions(): {
  duplicate: (id: string) => Promise<void>;
  remove: (id: string, afterDelete?: () => void) => Promise<void>;
} {
  const { navigate, reportError, toast, libraryChanged } = useApp();
  const duplicate = useCallback(
    async (id: string) => {
      try {
        const copy = await api['dossiers.duplicate']({ id });
        libraryChanged();
        navigate({ view: 'dossiers', param: copy.id });
        toast({ kind: 'success', message: `Created “${copy.title}”.` });
      } catch (error) {
        reportError(error, 'duplicate the dossier');
      }
    },
    [libraryChanged, navigate, reportError, toast],
  );
  const remove = useCallback(
    async (id: string, afterDelete?: () => void) => {
      try {
        const deleted = await api['dossiers.delete']({ id });
        libraryChanged();
        afterDelete?.();
        toast({
          message: `Deleted the dossier “${deleted.title}”. Its articles, highlights and notes are still in the library.`,
          action: {
            label: 'Undo',
            run: async () => {
              const restored = await api['dossiers.restore']({ snapshot: deleted.snapshot });
              libraryChanged();
              navigate({ view: 'dossiers', param: restored.id });
            },
          },
        });
      } catch (error) {
        reportError(error, 'delete the dossier');
      }
    },
    [libraryChanged, navigate, reportError, toast],
  );
  return { duplicate, remove };
}

/** Creates an untitled dossier and opens it on its cover, ready to be named. */
export function useCreateDossier(): () => Promise<void> {
  const { navigate, reportError, libraryChanged } = useApp();
  return async () => {
    try {
      const dossier = await api['dossiers.create']({ title: 'Untitled dossier' });
      libraryChanged();
      navigate({ view: 'dossiers', param: dossier.id });
    } catch (error) {
      reportError(error, 'create the dossier');
    }
  };
}

export function DossierList(): ReactElement {
  const { navigate, reportError, libraryVersion } = useApp();
  const [dossiers, setDossiers] = useState<readonly DossierSummaryDto[] | null>(null);
  const { duplicate, remove } = useDossierActions();
  const createDossier = useCreateDossier();

  useEffect(() => {
    let live = true;
    api['dossiers.list']({})
      .then((result) => live && setDossiers(result.dossiers))
      .catch((error: unknown) => live && reportError(error, 'list the dossiers'));
    return () => {
      live = false;
    };
  }, [libraryVersion, reportError]);

  return (
    <section className="dossier-list-view" aria-labelledby="dossiers-title">
      <header className="view-header">
        <div className="view-title">
          <h1 id="dossiers-title">Dossiers</h1>
          <span className="view-subtitle">{dossiers ? `${dossiers.length} dossier${dossiers.length === 1 ? '' : 's'}` : ''}</span>
        </div>
        <div className="view-actions">
          <button type="button" className="button button-primary" onClick={() => void createDossier()}>
            <Icon name="plus" /> New dossier
          </button>
        </div>
      </header>
      {dossiers && dossiers.length === 0 ? (
        <div className="notes-empty">
          <Icon name="dossier" size={28} />
          <h2>Assemble what you found</h2>
          <p>
            A dossier gathers articles, the passages that matter and your notes into one document, with a cover, a marking line and full
            citations, ready to export as PDF, HTML, Markdown or JSON.
          </p>
          <button type="button" className="button button-primary" onClick={() => void createDossier()}>
            <Icon name="plus" /> Create a dossier
          </button>
        </div>
      ) : (
        <ul className="dossier-cards" aria-label="Dossiers">
          {dossiers?.map((d) => (
            <li key={d.id} className="dossier-card">
              <button type="button" className="dossier-card-open" onClick={() => navigate({ view: 'dossiers', param: d.id })}>
                {d.marking && <span className="dossier-card-marking">{d.marking}</span>}
                <span className="dossier-card-title">{d.title}</span>
                {d.subtitle && <span className="dossier-card-subtitle">{d.subtitle}</span>}
                <span className="dossier-card-meta">
                  {[d.author, d.date ? formatDate(d.date) : null, `${d.itemCount} item${d.itemCount === 1 ? '' : 's'}`].filter(Boolean).join(' · ')}
                </span>
              </button>
              <div className="dossier-card-actions">
                <button type="button" className="icon-button" aria-label={`Duplicate “${d.title}”`} title="Duplicate" onClick={() => void duplicate(d.id)}>
                  <Icon name="paste" />
                </button>
                <button type="button" className="icon-button" aria-label={`Delete “${d.title}”`} title="Delete" onClick={() => void remove(d.id)}>
                  <Icon name="trash" />
                </button>
              </div>
            </li>
          ))}
        </ul>
      )}
      <RightPane>
        <section className="panel-section pane-help" aria-labelledby="dossiers-help">
          <h2 className="panel-heading" id="dossiers-help">
            Dossiers
          </h2>
          <p>A dossier prints like a briefing: a cover with its title, author, date and marking line; a table of contents; each source with its full citation; the highlighted passages in their label colours; your notes; and an appendix of quotes by label.</p>
          <p>
            The <strong>marking</strong> (a classification or handling caveat) is printed at the top and bottom of every page, with page numbers.
          </p>
          <p>Export to PDF (A4 or US Letter), HTML, Markdown, or JSON that another Quire library can import without duplicating anything.</p>
        </section>
      </RightPane>
    </section>
  );
}
