/**
 * Shown instead of the library when its database cannot be read: what is wrong in plain words, the
 * newest good backup (date, counts, size) with a Restore button, the promise that the damaged file is
 * kept, and the equivalent terminal command. With no backup, what the analyst can still do.
 */
import { useEffect, useRef, useState, type ReactElement } from 'react';
import { api } from '../../api';
import type { BackupRestoreResultDto } from '../../../electron/api/contract/backup';
import { describeError } from '../context';
import { absoluteTime, COUNT_NAMES, formatBytes, kindName, relativeTime } from '../backups/describe';
import { Icon, QuireMark } from '../shell/Icon';
import type { DamagedHealth } from './LibraryGate';

interface RecoveryScreenProps {
  readonly health: DamagedHealth;
  readonly onRestored: (result: BackupRestoreResultDto) => void;
  readonly onCheckAgain: () => Promise<void>;
}

export function RecoveryScreen({ health, onRestored, onCheckAgain }: RecoveryScreenProps): ReactElement {
  const backup = health.latestBackup;
  const [running, setRunning] = useState(false);
  const [elapsed, setElapsed] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const [rechecking, setRechecking] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);

  // The analyst arrives here without having asked: focus the heading so a screen reader reads it first.
  useEffect(() => heading.current?.focus(), []);

  useEffect(() => {
    if (!running) return;
    const started = Date.now();
    const timer = window.setInterval(() => setElapsed(Math.floor((Date.now() - started) / 1000)), 250);
    return () => window.clearInterval(timer);
  }, [running]);

  const restore = async (): Promise<void> => {
    if (!backup) return;
    setRunning(true);
    setElapsed(0);
    setError(null);
    try {
      onRestored(await api['backup.restore']({ backup: backup.id }));
    } catch (failure) {
      setError(describeError(failure, 'restore the backup'));
      setRunning(false);
    }
  };

  const checkAgain = async (): Promise<void> => {
    setRechecking(true);
    try {
      await onCheckAgain();
    } finally {
      setRechecking(false);
    }
  };

  return (
    <div className="recovery" role="main" aria-labelledby="recovery-title">
      <div className="recovery-brand">
        <QuireMark size={22} />
        <span>Quire</span>
      </div>
      <div className="recovery-card">
        <div className="recovery-head">
          <Icon name="warning" size={22} className="recovery-icon" />
          <h1 id="recovery-title" ref={heading} tabIndex={-1}>
            This library’s database is damaged
          </h1>
        </div>
        <p className="recovery-problem">
          Quire cannot read <code>quire.sqlite</code>: {health.problem}. Nothing has been changed or overwritten.
        </p>

        {backup ? (
          <section className="recovery-backup" aria-labelledby="recovery-backup-title" data-testid="recovery-backup">
            <h2 id="recovery-backup-title">Newest good backup</h2>
            <p className="recovery-backup-when">
              <strong>{relativeTime(backup.createdAt)}</strong> · <time dateTime={backup.createdAt}>{absoluteTime(backup.createdAt)}</time> ·{' '}
              {kindName(backup.kind)} · {formatBytes(backup.bytes)}
            </p>
            <dl className="recovery-counts">
              {COUNT_NAMES.map((c) => (
                <div key={c.key}>
                  <dt>{c.title}</dt>
                  <dd>{backup[c.key].toLocaleString('en-GB')}</dd>
                </div>
              ))}
            </dl>
            <ul className="recovery-facts">
              <li>
                The damaged database is <strong>kept</strong> in the library folder as <code>quire.sqlite.damaged-&lt;date&gt;</code>; Quire never
                deletes it.
              </li>
              <li>Your original files are untouched. Anything added after this backup was made is not in it.</li>
            </ul>
            <div className="recovery-actions">
              <button type="button" className="button button-primary button-large" onClick={() => void restore()} disabled={running}>
                {running ? <span className="spinner" aria-hidden="true" /> : <Icon name="undo" />}
                {running ? 'Restoring…' : 'Restore this backup'}
              </button>
              <button type="button" className="button button-large button-quiet" onClick={() => void checkAgain()} disabled={running || rechecking}>
                Check again
              </button>
            </div>
            {running && (
              <div className="recovery-progress" role="status" aria-live="polite">
                <div className="progress-track" aria-hidden="true">
                  <div className="progress-fill progress-indeterminate" />
                </div>
                <span>Putting the backup in place, then rebuilding search… {elapsed > 0 ? `${elapsed} s` : ''}</span>
              </div>
            )}
          </section>
        ) : (
          <section className="recovery-backup is-none" aria-labelledby="recovery-none-title" data-testid="recovery-no-backup">
            <h2 id="recovery-none-title">There is no backup to restore</h2>
            <p>Quire found no verified backup in this library’s backups folder. Your original files (in its originals folder) are untouched.</p>
            <ul className="recovery-facts">
              <li>
                If you made a portable copy with <code>quire backup --to</code>, restore it from a terminal (the damaged file is kept), then choose <strong>Check again</strong>:
                <code className="recovery-command">{health.restoreCommand}</code>
              </li>
              <li>
                If your computer’s own backup (Time Machine, File History, a sync folder) has an earlier <code>quire.sqlite</code>, move the damaged
                file out of the library folder (keep it), put that copy in its place, and choose <strong>Check again</strong>.
              </li>
            </ul>
            <div className="recovery-actions">
              <button type="button" className="button button-large" onClick={() => void checkAgain()} disabled={rechecking}>
                {rechecking ? <span className="spinner" aria-hidden="true" /> : null}
                Check again
              </button>
            </div>
          </section>
        )}

        {error && (
          <p className="field-error recovery-error" role="alert">
            {error}
          </p>
        )}

        {backup && (
          <div className="recovery-cli">
            <span>The same from a terminal:</span>
            <code className="recovery-command" aria-label="Restore command">
              {health.restoreCommand}
            </code>
          </div>
        )}
      </div>
    </div>
  );
}
