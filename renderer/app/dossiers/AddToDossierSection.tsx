/** The reader's "Dossiers" section: add this article (or the selected highlight) to dossiers. */
import type { ReactElement } from 'react';
import type { ReaderSectionProps } from '../views';
import { DossierMembership } from './DossierMembership';

export function AddToDossierSection({ articleId, articleTitle, annotationId }: ReaderSectionProps): ReactElement {
  return (
    <div className="add-to-dossier">
      <DossierMembership key={articleId} refId={articleId} refKind="article" title={articleTitle} heading="This article in dossiers" bare />
      {annotationId && (
        <div className="add-to-dossier-highlight">
          <h4 className="add-to-dossier-subheading">The selected highlight</h4>
          <DossierMembership key={annotationId} refId={annotationId} refKind="annotation" title={articleTitle} heading="The selected highlight in dossiers" bare />
        </div>
      )}
    </div>
  );
}
