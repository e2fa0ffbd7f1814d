/**
 * The seam other features plug into without editing the shell's internals.
 *
 * A feature (notes, dossiers, …) calls these from its own `register.tsx`, and App.tsx imports that
 * file once (one line in the "Feature registrations" block at its top):
 *
 *   registerView({ id: 'notes', label: 'Notes', icon: 'note', order: 20, render: (p) => <NotesView {...p} /> });
 *   registerReaderSection({ id: 'add-to-dossier', title: 'Dossiers', order: 10, render: (p) => <AddToDossier {...p} /> });
 *
 * A view gets the navigation state (`param`, e.g. a note id) and `navigate`; it may render into the
 * right pane with <RightPane>. A reader section is a block in the reader's right pane under the
 * highlights, told which article is open and which highlight is focused.
 */
import type { ReactNode } from 'react';
import type { IconName } from './shell/Icon';

export type Route =
  | { readonly view: 'library' }
  | {
      readonly view: 'reader';
      readonly articleId: string;
      /** Where to land: a plain-text range (a search match) or a highlight. */
      readonly target?: { readonly start: number; readonly end: number } | { readonly annotationId: string };
      /** Bumped when the same target is opened again, so the reader scrolls and flashes again. */
      readonly nonce?: number;
    }
  | { readonly view: string; readonly param?: string };

export type Navigate = (route: Route) => void;

export interface ViewProps {
  readonly param: string | undefined;
  readonly navigate: Navigate;
}

export interface ViewRegistration {
  readonly id: string;
  /** Shown in the left navigation. */
  readonly label: string;
  readonly icon: IconName;
  /** Lower comes first (Library is 0). */
  readonly order: number;
  /** Optional count shown beside the navigation entry; called when the library changes. */
  readonly count?: () => Promise<number>;
  /** Optional content of the left pane below the entry while the view is active (e.g. a list of dossiers). */
  readonly renderNav?: (props: ViewProps) => ReactNode;
  readonly render: (props: ViewProps) => ReactNode;
}

export interface ReaderSectionProps {
  readonly articleId: string;
  readonly articleTitle: string;
  /** The highlight the analyst has focused (clicked in the text or the list), if any. */
  readonly annotationId: string | null;
  readonly navigate: Navigate;
}

export interface ReaderSectionRegistration {
  readonly id: string;
  readonly title: string;
  readonly order: number;
  readonly render: (props: ReaderSectionProps) => ReactNode;
}

const views: ViewRegistration[] = [];
const readerSections: ReaderSectionRegistration[] = [];

export function registerView(view: ViewRegistration): void {
  if (view.id === 'library' || view.id === 'reader') throw new Error(`"${view.id}" is a built-in view`);
  if (views.some((v) => v.id === view.id)) return; // hot reload / double import
  views.push(view);
  views.sort((a, b) => a.order - b.order);
}

export function registerReaderSection(section: ReaderSectionRegistration): void {
  if (readerSections.some((s) => s.id === section.id)) return;
  readerSections.push(section);
  readerSections.sort((a, b) => a.order - b.order);
}

export function registeredViews(): readonly ViewRegistration[] {
  return views;
}

export function registeredReaderSections(): readonly ReaderSectionRegistration[] {
  return readerSections;
}
