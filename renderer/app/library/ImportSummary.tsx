/** The end of an import that did not simply succeed: what came in, what was already there, what failed and why. */
import type { ReactElement } from 'react';
import { Dialog } from '../shell/Dialog';
import type { ImportOutcome } from './ImportProvider';

interface ImportSummaryProps {
  readonly outcomes: readonly ImportOutcome[];
  readonly cancelled: boolean;
  readonly notStarted: number;
  readonly onOpen: (articleId: string) => void;
  readonly onClose: () => void;
}

export function ImportSummary({ outcomes, cancelled, notStarted, onOpen, onClose }: ImportSummaryProps): ReactElement | null {
  const imported = outcomes.filter((o) => o.status === 'imported');
  const duplicates = outcomes.filter((o) => o.status === 'duplicate');
  const failed = outcomes.filter((o) => o.status === 'failed');
  return (
    <Dialog
      open
      title={cancelled ? 'Import cancelled' : 'Import finished'}
      onClose={onClose}
      className="import-summary"
      footer={
        <button type="button" className="button button-primary" onClick={onClose} data-autofocus>
          Done
        </button>
      }
    >
      <p className="summary-line">
        <span className="summary-count summary-ok">{imported.length} imported</span>
        <span className="summary-count">{duplicates.length} already in the library</span>
        <span className={failed.length ? 'summary-count summary-bad' : 'summary-count'}>{failed.length} failed</span>
        {cancelled && <span className="summary-count">{notStarted} not started</span>}
      </p>
      {duplicates.length > 0 && (
        <section aria-label="Already in the library">
          <h3>Already in the library</h3>
          <ul className="summary-list">
            {duplicates.map((o, i) => (
              <li key={i}>
                <span className="summary-name">{o.name}</span>
                {o.articleId && (
                  <button type="button" className="link-button" onClick={() => onOpen(o.articleId!)}>
                    Open {o.title ? `“${o.title}”` : 'the copy in the library'}
                  </button>
                )}
              </li>
            ))}
          </ul>
        </section>
      )}
      {failed.length > 0 && (
        <section aria-label="Could not be imported">
          <h3>Could not be imported</h3>
          <ul className="summary-list">
            {failed.map((o, i) => (
              <li key={i}>
                <span className="summary-name">{o.name}</span>
                <span className="summary-reason">{o.message ?? 'Quire could not read this file.'}</span>
              </li>
            ))}
          </ul>
        </section>
      )}
    </Dialog>
  );
}
