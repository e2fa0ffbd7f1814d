/** The dossiers listed under the navigation entry while the Dossiers screen is open. */
import { useEffect, useState, type ReactElement } from 'react';
import { api } from '../../api';
import type { DossierSummaryDto } from '../../../electron/api/contract/dossiers';
import { useApp } from '../context';
import type { ViewProps } from '../views';

export function DossierNav({ param, navigate }: ViewProps): ReactElement | null {
  const { libraryVersion, reportError } = useApp();
  const [dossiers, setDossiers] = useState<readonly DossierSummaryDto[]>([]);
  useEffect(() => {
    let live = true;
    api['dossiers.list']({})
      .then((result) => live && setDossiers(result.dossiers))
      .catch((error: unknown) => live && reportError(error, 'list the dossiers'));
    return () => {
      live = false;
    };
  }, [libraryVersion, reportError, param]);
  if (dossiers.length === 0) return null;
  return (
    <ul className="nav-sublist" aria-label="Dossiers">
      {dossiers.map((d) => (
        <li key={d.id}>
          <button
            type="button"
            className={`nav-subitem${param === d.id ? ' is-active' : ''}`}
            aria-current={param === d.id ? 'page' : undefined}
            onClick={() => navigate({ view: 'dossiers', param: d.id })}
            title={d.title}
          >
            <span className="nav-label">{d.title}</span>
            <span className="nav-count">{d.itemCount}</span>
          </button>
        </li>
      ))}
    </ul>
  );
}
