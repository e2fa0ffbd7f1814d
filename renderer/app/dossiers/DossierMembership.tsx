/**
 * "Add to dossier" for one thing (an article, a highlight, a note): every dossier with a checkbox
 * saying whether it already holds it, and a way to start a new dossier with it. Used in the
 * reader's right pane and beside a note.
 */
import { useCallback, useEffect, useId, useState, type FormEvent, type ReactElement } from 'react';
import { api } from '../../api';
import type { DossierSummaryDto } from '../../../electron/api/contract/dossiers';
import { useApp } from '../context';
import { Icon } from '../shell/Icon';

interface DossierMembershipProps {
  readonly refId: string;
  readonly refKind: 'article' | 'annotation' | 'note';
  readonly title: string;
  /** Shown above the list (default: "Dossiers"). */
  readonly heading?: string;
  /** Render without the panel-section wrapper (when the host already provides a heading). */
  readonly bare?: boolean;
}

const WHAT = { article: 'article', annotation: 'highlight', note: 'note' } as const;

export function DossierMembership({ refId, refKind, title, heading = 'Dossiers', bare = false }: DossierMembershipProps): ReactElement {
  const { navigate, reportError, toast, libraryChanged, libraryVersion } = useApp();
  const [dossiers, setDossiers] = useState<readonly DossierSummaryDto[] | null>(null);
  const [creating, setCreating] = useState(false);
  const [newTitle, setNewTitle] = useState('');
  const [busy, setBusy] = useState<string | null>(null);
  const headingId = useId();

  const load = useCallback(async () => {
    try {
      const result = await api['dossiers.list']({ containing: refId });
      setDossiers(result.dossiers);
    } catch (error) {
      reportError(error, 'list the dossiers');
    }
  }, [refId, reportError]);

  useEffect(() => {
    void load();
  }, [load, libraryVersion]);

  const toggle = async (dossier: DossierSummaryDto): Promise<void> => {
    setBusy(dossier.id);
    try {
      if (dossier.contains) {
        await api['dossiers.removeItem']({ dossierId: dossier.id, itemId: refId });
        toast({ message: `Removed the ${WHAT[refKind]} from “${dossier.title}”.` });
      } else {
        await api['dossiers.addItems']({ dossierId: dossier.id, ids: [refId] });
        toast({
          kind: 'success',
          message: `Added to “${dossier.title}”.`,
          action: { label: 'Open dossier', run: () => navigate({ view: 'dossiers', param: dossier.id }) },
        });
      }
      await load();
      libraryChanged();
    } catch (error) {
      reportError(error, dossier.contains ? 'remove it from the dossier' : 'add it to the dossier');
    } finally {
      setBusy(null);
    }
  };

  const create = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    const name = newTitle.trim() || title;
    try {
      const dossier = await api['dossiers.create']({ title: name });
      await api['dossiers.addItems']({ dossierId: dossier.id, ids: [refId] });
      setCreating(false);
      setNewTitle('');
      await load();
      libraryChanged();
      toast({
        kind: 'success',
        message: `Created the dossier “${dossier.title}”.`,
        action: { label: 'Open', run: () => navigate({ view: 'dossiers', param: dossier.id }) },
      });
    } catch (error) {
      reportError(error, 'create the dossier');
    }
  };

  const body = (
    <>
      {dossiers && dossiers.length === 0 && !creating && <p className="panel-empty">No dossiers yet. Start one with this {WHAT[refKind]}.</p>}
      {dossiers && dossiers.length > 0 && (
        <ul className="membership-list" aria-labelledby={bare ? undefined : headingId} aria-label={bare ? heading : undefined}>
          {dossiers.map((d) => (
            <li key={d.id}>
              <label className={`membership-row${busy === d.id ? ' is-busy' : ''}`}>
                <input type="checkbox" checked={d.contains === true} disabled={busy !== null} onChange={() => void toggle(d)} />
                <span className="membership-title">{d.title}</span>
                <span className="membership-count">{d.itemCount}</span>
              </label>
            </li>
          ))}
        </ul>
      )}
      {creating ? (
        <form className="membership-new" onSubmit={(event) => void create(event)}>
          <input
            className="input input-small"
            autoFocus
            aria-label="New dossier title"
            placeholder={title}
            value={newTitle}
            onChange={(event) => setNewTitle(event.target.value)}
            onKeyDown={(event) => event.key === 'Escape' && setCreating(false)}
          />
          <button type="submit" className="button button-small button-primary">
            Create
          </button>
        </form>
      ) : (
        <button type="button" className="button button-small membership-add" onClick={() => setCreating(true)}>
          <Icon name="plus" size={14} /> New dossier with this {WHAT[refKind]}
        </button>
      )}
    </>
  );

  if (bare) return <div className="membership">{body}</div>;
  return (
    <section className="panel-section membership" aria-labelledby={headingId}>
      <h2 className="panel-heading" id={headingId}>
        {heading}
      </h2>
      {body}
    </section>
  );
}
