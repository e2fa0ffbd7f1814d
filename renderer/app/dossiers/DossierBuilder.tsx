/**
 * The dossier builder: the cover (metadata and marking), the ordered items, a live preview of the
 * printed result beside them, and in the right pane what can be added. Every change is saved at once;
 * the preview follows.
 */
import { useCallback, useEffect, useState, type ReactElement } from 'react';
import { api, shell } from '../../api';
import type { DossierDto, DossierItemDto, DossierPatchDto } from '../../../electron/api/contract/dossiers';
import { useApp } from '../context';
import { Icon } from '../shell/Icon';
import { RightPane } from '../shell/RightPane';
import { AddItemsPanel } from './AddItemsPanel';
import { useDossierActions } from './DossierList';
import { ExportDialog } from './ExportDialog';
import { ItemsList } from './ItemsList';
import { MetadataForm } from './MetadataForm';
import { PrintPreview } from './PrintPreview';

const PAPER_KEY = 'quire.dossier.paper';
const PREVIEW_KEY = 'quire.dossier.preview';

function storedPaper(): 'a4' | 'letter' {
  try {
    return localStorage.getItem(PAPER_KEY) === 'letter' ? 'letter' : 'a4';
  } catch {
    return 'a4';
  }
}

function storedPreview(): boolean {
  try {
    return localStorage.getItem(PREVIEW_KEY) !== 'off';
  } catch {
    return true;
  }
}

export function DossierBuilder({ dossierId }: { dossierId: string }): ReactElement {
  const { navigate, reportError, toast, libraryChanged } = useApp();
  const [dossier, setDossier] = useState<DossierDto | null>(null);
  const [missing, setMissing] = useState(false);
  const [version, setVersion] = useState(0);
  const [paper, setPaper] = useState<'a4' | 'letter'>(storedPaper);
  const [preview, setPreview] = useState(storedPreview);
  const [exporting, setExporting] = useState(false);
  const [tab, setTab] = useState<'items' | 'cover'>('items');
  const [naming, setNaming] = useState(false);
  const { duplicate, remove } = useDossierActions();

  useEffect(() => {
    let live = true;
    api['dossiers.get']({ id: dossierId })
      .then((loaded) => {
        if (!live) return;
        setDossier(loaded);
        // A brand-new dossier opens on its cover, title selected, ready to be named.
        if (loaded.title === 'Untitled dossier' && loaded.items.length === 0) {
          setTab('cover');
          setNaming(true);
        }
      })
      .catch((error: unknown) => {
        if (!live) return;
        setMissing(true);
        reportError(error, 'open the dossier');
      });
    return () => {
      live = false;
    };
  }, [dossierId, reportError]);

  // File → Export… in the desktop app's menu opens the export dialog for the dossier on screen.
  useEffect(() => shell.onMenu((event) => event.type === 'export' && setExporting(true)), []);

  const changed = useCallback((next: DossierDto) => {
    setDossier(next);
    setVersion((v) => v + 1);
  }, []);

  const saveMetadata = useCallback(
    async (patch: DossierPatchDto) => {
      try {
        const next = await api['dossiers.update']({ id: dossierId, patch });
        changed(next);
        if (patch.title !== undefined) libraryChanged();
      } catch (error) {
        reportError(error, 'save the dossier');
      }
    },
    [changed, dossierId, libraryChanged, reportError],
  );

  const add = useCallback(
    async (input: { ids?: string[]; heading?: string; highlightsOnly?: boolean }) => {
      try {
        const result = await api['dossiers.addItems']({ dossierId, ...input });
        changed(result.dossier);
        libraryChanged();
        for (const skip of result.skipped) toast({ message: skip.reason });
      } catch (error) {
        reportError(error, 'add to the dossier');
      }
    },
    [changed, dossierId, libraryChanged, reportError, toast],
  );

  const move = useCallback(
    async (item: DossierItemDto, position: number) => {
      // Optimistic: the row moves at once; the server's answer confirms the order.
      setDossier((d) => {
        if (!d) return d;
        const items = d.items.filter((i) => i.id !== item.id);
        items.splice(position, 0, item);
        return { ...d, items: items.map((i, index) => ({ ...i, position: index })) };
      });
      try {
        changed(await api['dossiers.moveItem']({ dossierId, itemId: item.id, position }));
      } catch (error) {
        reportError(error, 'move the item');
        changed(await api['dossiers.get']({ id: dossierId }));
      }
    },
    [changed, dossierId, reportError],
  );

  const reorder = useCallback(
    async (itemIds: string[]) => {
      setDossier((d) => {
        if (!d) return d;
        const byId = new Map(d.items.map((i) => [i.id, i]));
        return { ...d, items: itemIds.flatMap((id, index) => (byId.has(id) ? [{ ...byId.get(id)!, position: index }] : [])) };
      });
      try {
        changed(await api['dossiers.reorder']({ dossierId, itemIds }));
      } catch (error) {
        reportError(error, 'reorder the dossier');
        changed(await api['dossiers.get']({ id: dossierId }));
      }
    },
    [changed, dossierId, reportError],
  );

  const removeItem = useCallback(
    async (item: DossierItemDto) => {
      try {
        const result = await api['dossiers.removeItem']({ dossierId, itemId: item.id });
        changed(result.dossier);
        libraryChanged();
        const removed = result.removed;
        toast({
          message: `Removed ${item.kind === 'heading' ? 'the heading' : `“${item.title.slice(0, 60)}”`} from the dossier.`,
          action: {
            label: 'Undo',
            run: async () => {
              const restored = await api['dossiers.addItems']({
                dossierId,
                position: removed.position,
                ...(removed.kind === 'heading' ? { heading: removed.heading ?? item.title } : { ids: [removed.refId ?? ''] }),
                ...(removed.options.highlightsOnly ? { highlightsOnly: true } : {}),
              });
              changed(restored.dossier);
              libraryChanged();
            },
          },
        });
      } catch (error) {
        reportError(error, 'remove the item');
      }
    },
    [changed, dossierId, libraryChanged, reportError, toast],
  );

  const setOptions = useCallback(
    async (item: DossierItemDto, options: { highlightsOnly?: boolean; heading?: string }) => {
      try {
        changed(await api['dossiers.setItemOptions']({ dossierId, itemId: item.id, ...options }));
      } catch (error) {
        reportError(error, 'change the item');
      }
    },
    [changed, dossierId, reportError],
  );

  const open = useCallback(
    (item: DossierItemDto) => {
      if (item.kind === 'note' && item.refId) navigate({ view: 'notes', param: item.refId });
      else if (item.kind === 'annotation' && item.articleId && item.refId)
        navigate({ view: 'reader', articleId: item.articleId, target: { annotationId: item.refId }, nonce: Date.now() });
      else if (item.articleId) navigate({ view: 'reader', articleId: item.articleId });
    },
    [navigate],
  );

  const choosePaper = (next: 'a4' | 'letter'): void => {
    setPaper(next);
    try {
      localStorage.setItem(PAPER_KEY, next);
    } catch {
      // Not remembered: fine.
    }
  };

  const togglePreview = (): void => {
    setPreview((on) => {
      try {
        localStorage.setItem(PREVIEW_KEY, on ? 'off' : 'on');
      } catch {
        // Not remembered: fine.
      }
      return !on;
    });
  };

  if (missing) {
    return (
      <section className="dossier-builder">
        <div className="notes-empty">
          <h2>This dossier is no longer in the library</h2>
          <button type="button" className="button" onClick={() => navigate({ view: 'dossiers' })}>
            Back to dossiers
          </button>
        </div>
      </section>
    );
  }
  if (!dossier) return <section className="dossier-builder" aria-busy="true" />;

  const counts = dossier.items.reduce<Record<string, number>>((acc, i) => ({ ...acc, [i.kind]: (acc[i.kind] ?? 0) + 1 }), {});
  const summary = [
    counts['article'] ? `${counts['article']} article${counts['article'] === 1 ? '' : 's'}` : null,
    counts['annotation'] ? `${counts['annotation']} highlight${counts['annotation'] === 1 ? '' : 's'}` : null,
    counts['note'] ? `${counts['note']} note${counts['note'] === 1 ? '' : 's'}` : null,
  ]
    .filter(Boolean)
    .join(', ');

  return (
    <section className={`dossier-builder${preview ? ' with-preview' : ''}`} aria-labelledby="dossier-title">
      <header className="view-header builder-header">
        <div className="builder-heading">
          <button type="button" className="link-button note-back" onClick={() => navigate({ view: 'dossiers' })}>
            <Icon name="chevron" size={12} className="flip" /> Dossiers
          </button>
          <h1 id="dossier-title" dir="auto">
            {dossier.title}
          </h1>
          <span className="view-subtitle">{summary || 'Empty'}</span>
        </div>
        <div className="view-actions">
          <button type="button" className={`button${preview ? ' is-on' : ''}`} aria-pressed={preview} onClick={togglePreview}>
            Preview
          </button>
          <button type="button" className="button" onClick={() => navigate({ view: 'timeline', param: `dossier:${dossier.id}` })} title="The dated events of this dossier’s articles and highlights">
            <Icon name="timeline" /> Timeline
          </button>
          <button type="button" className="icon-button" aria-label="Duplicate this dossier" title="Duplicate" onClick={() => void duplicate(dossier.id)}>
            <Icon name="paste" />
          </button>
          <button
            type="button"
            className="icon-button"
            aria-label="Delete this dossier"
            title="Delete"
            onClick={() => void remove(dossier.id, () => navigate({ view: 'dossiers' }))}
          >
            <Icon name="trash" />
          </button>
          <button type="button" className="button button-primary" onClick={() => setExporting(true)}>
            <Icon name="import" className="flip-v" /> Export…
          </button>
        </div>
      </header>
      <div className="builder-columns">
        <div className="builder-main">
          <div className="builder-tabs" role="tablist" aria-label="Dossier parts">
            <button type="button" role="tab" aria-selected={tab === 'items'} className={`add-tab${tab === 'items' ? ' is-on' : ''}`} onClick={() => {
                setTab('items');
                setNaming(false);
              }}>
              Items <span className="panel-count">{dossier.items.length}</span>
            </button>
            <button type="button" role="tab" aria-selected={tab === 'cover'} className={`add-tab${tab === 'cover' ? ' is-on' : ''}`} onClick={() => setTab('cover')}>
              Cover &amp; summary
            </button>
          </div>
          <div className="builder-scroll" role="tabpanel">
            {tab === 'cover' ? (
              <MetadataForm dossier={dossier} onSave={saveMetadata} selectTitle={naming} />
            ) : (
              <ItemsList items={dossier.items} onMove={move} onReorder={reorder} onRemove={removeItem} onOptions={setOptions} onOpen={open} />
            )}
          </div>
        </div>
        {preview && (
          <div className="builder-preview">
            <div className="preview-bar">
              <span>Print preview</span>
              <select className="input input-small" aria-label="Paper size" value={paper} onChange={(event) => choosePaper(event.target.value as 'a4' | 'letter')}>
                <option value="a4">A4</option>
                <option value="letter">US Letter</option>
              </select>
            </div>
            <PrintPreview dossierId={dossier.id} version={version} paper={paper} />
          </div>
        )}
      </div>
      <ExportDialog
        open={exporting}
        dossierId={dossier.id}
        dossierTitle={dossier.title}
        paper={paper}
        onPaper={choosePaper}
        onClose={() => setExporting(false)}
      />
      <RightPane>
        <AddItemsPanel dossier={dossier} onAdd={add} />
      </RightPane>
    </section>
  );
}
