/**
 * "Restore…": says exactly what will happen before anything happens. The library as it is now is
 * compared with the backup (counts before → after), the current database is kept aside (never
 * deleted), and while the restore runs (the database is put in place, then search is rebuilt) the
 * dialog shows that it is busy and cannot be closed halfway.
 */
import { useEffect, useRef, useState, type ReactElement } from 'react';
import { api } from '../../api';
import type { BackupDto, BackupRestoreResultDto } from '../../../electron/api/contract/backup';
import { describeError } from '../context';
import { Dialog } from '../shell/Dialog';
import { Icon } from '../shell/Icon';
import { absoluteTime, countChanges, describeLoss, kindPhrase, relativeTime, type LibraryCounts } from './describe';

interface RestoreDialogProps {
  /** The backup to restore; null closes the dialog. */
  readonly backup: BackupDto | null;
  readonly onClose: () => void;
  readonly onRestored: (result: BackupRestoreResultDto) => void;
}

export function RestoreDialog({ backup, onClose, onRestored }: RestoreDialogProps): ReactElement | null {
  const [current, setCurrent] = useState<LibraryCounts | null>(null);
  const [running, setRunning] = useState(false);
  const [elapsed, setElapsed] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const mounted = useRef(true);

  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);

  useEffect(() => {
    setError(null);
    setCurrent(null);
    if (!backup) return;
    let live = true;
    api['library.info']({})
      .then((info) => live && setCurrent(info))
      // Without today's counts the dialog still says what the backup holds; the comparison is left out.
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [backup]);

  useEffect(() => {
    if (!running) return;
    const started = Date.now();
    const timer = window.setInterval(() => setElapsed(Math.floor((Date.now() - started) / 1000)), 250);
    return () => window.clearInterval(timer);
  }, [running]);

  if (!backup) return null;

  const restore = async (): Promise<void> => {
    setRunning(true);
    setElapsed(0);
    setError(null);
    try {
      const result = await api['backup.restore']({ backup: backup.id });
      if (mounted.current) onRestored(result);
    } catch (failure) {
      if (mounted.current) setError(describeError(failure, 'restore this backup'));
    } finally {
      if (mounted.current) setRunning(false);
    }
  };

  const loss = current ? describeLoss(current, backup) : null;

  return (
    <Dialog
      open
      title="Restore this backup?"
      // A restore cannot stop halfway: the dialog stays until it has finished.
      onClose={running ? () => undefined : onClose}
      className="restore-dialog"
      footer={
        <>
          {/* The safe choice has focus: Enter alone never replaces the library. */}
          <button type="button" className="button" data-autofocus onClick={onClose} disabled={running}>
            Cancel
          </button>
          <button type="button" className="button button-primary" onClick={() => void restore()} disabled={running}>
            {running ? <span className="spinner" aria-hidden="true" /> : <Icon name="undo" />}
            {running ? 'Restoring…' : 'Restore this backup'}
          </button>
        </>
      }
    >
      <p className="restore-lead">
        The library goes back to how it was <strong>{relativeTime(backup.createdAt)}</strong>, on {absoluteTime(backup.createdAt)} ({kindPhrase(backup.kind)}).
      </p>
      <table className="restore-counts" aria-label="What changes">
        <thead>
          <tr>
            <th scope="col" />
            <th scope="col">Now</th>
            <th scope="col" aria-hidden="true" />
            <th scope="col">After restore</th>
          </tr>
        </thead>
        <tbody>
          {countChanges(current ?? backup, backup).map((row) => (
            <tr key={row.title} className={current && row.after < row.before ? 'is-fewer' : undefined}>
              <th scope="row">{row.title}</th>
              <td>{current ? row.before.toLocaleString('en-GB') : '…'}</td>
              <td aria-hidden="true">→</td>
              <td>{row.after.toLocaleString('en-GB')}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <ul className="restore-facts">
        <li>
          <strong>Nothing is deleted.</strong> The current database is kept aside in the library folder as <code>quire.sqlite.damaged-&lt;date&gt;</code>;
          Quire never removes it.
        </li>
        <li>Anything added or changed after this backup was made is not in it{loss ? ` (${loss})` : ''}.</li>
        <li>Your original files are not touched. The search index is rebuilt afterwards.</li>
      </ul>
      {running && (
        <div className="restore-progress" role="status" aria-live="polite">
          <div className="progress-track" aria-hidden="true">
            <div className="progress-fill progress-indeterminate" />
          </div>
          <span>Restoring: putting the backup in place, then rebuilding search… {elapsed > 0 ? `${elapsed} s` : ''}</span>
        </div>
      )}
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
    </Dialog>
  );
}
