/**
 * The Dossiers screen: the list of dossiers, or one dossier in the builder when the route names it.
 * `param: 'new'` creates a dossier and opens it (the File menu's New Dossier).
 */
import { useEffect, useRef, type ReactElement } from 'react';
import { api } from '../../api';
import { useApp } from '../context';
import type { ViewProps } from '../views';
import { DossierBuilder } from './DossierBuilder';
import { DossierList } from './DossierList';

export function DossiersView({ param }: ViewProps): ReactElement {
  if (param === 'new') return <NewDossier />;
  if (param) return <DossierBuilder key={param} dossierId={param} />;
  return <DossierList />;
}

/** The `new` route (File ▸ New Dossier): creates one, then takes the route's place in the history. */
function NewDossier(): ReactElement {
  const { navigate, back, reportError, libraryChanged } = useApp();
  const started = useRef(false);
  useEffect(() => {
    if (started.current) return;
    started.current = true;
    api['dossiers.create']({ title: 'Untitled dossier' })
      .then((dossier) => {
        libraryChanged();
        // Replace rather than push: going back must not land on "new" and create another dossier.
        back();
        navigate({ view: 'dossiers', param: dossier.id });
      })
      .catch((error: unknown) => {
        reportError(error, 'create the dossier');
        back();
      });
  }, [back, libraryChanged, navigate, reportError]);
  return <section className="dossier-builder" aria-busy="true" />;
}
