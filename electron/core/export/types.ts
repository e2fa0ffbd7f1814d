/**
 * Export options and the resolved dossier types the exporters read. The dossier structure itself is
 * the dossiers module's (`dossiers/model.ts`, built by `loadDossierForExport`): exporters only render it.
 */
export type {
  AnnotationItem,
  ArticleItem,
  DossierAnnotation,
  DossierArticle,
  DossierChronologyEvent,
  DossierCitation,
  DossierForExport,
  DossierItem,
  DossierLabel,
  DossierNote,
  DossierNoteCitation,
  MissingItem,
  NoteItem,
} from '../dossiers/model.js';

export type Paper = 'a4' | 'letter';
export type ExportFormat = 'pdf' | 'html' | 'md' | 'json';

export const PAPERS: readonly Paper[] = ['a4', 'letter'];
export const EXPORT_FORMATS: readonly ExportFormat[] = ['pdf', 'html', 'md', 'json'];
