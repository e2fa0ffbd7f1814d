/**
 * The last backup (when, what it holds, how big) and every backup, newest first, each with "Restore…".
 */
import type { ReactElement } from 'react';
import type { BackupDto } from '../../../electron/api/contract/backup';
import { Icon } from '../shell/Icon';
import { absoluteTime, describeCounts, describeInterval, formatBytes, kindName, relativeTime } from './describe';

export function LastBackupCard({ last, intervalHours, now }: { last: BackupDto | null; intervalHours: number; now: number }): ReactElement {
  if (!last) {
    return (
      <section className="backup-card backup-last is-none" aria-labelledby="backup-last-title">
        <Icon name="warning" size={20} className="backup-last-icon" />
        <div>
          <h2 id="backup-last-title">This library has not been backed up yet</h2>
          <p>
            Quire makes its first backup when the library is next closed after a change, then {describeInterval(intervalHours)}. To have one now,
            choose <strong>Back up now</strong>.
          </p>
        </div>
      </section>
    );
  }
  return (
    <section className="backup-card backup-last" aria-labelledby="backup-last-title" data-testid="last-backup">
      <Icon name="check" size={20} className="backup-last-icon" />
      <div>
        <h2 id="backup-last-title">
          Last backup <span className="backup-when">{relativeTime(last.createdAt, now)}</span>
        </h2>
        <p className="backup-last-date">
          <time dateTime={last.createdAt}>{absoluteTime(last.createdAt)}</time> · {kindName(last.kind)} · {formatBytes(last.bytes)}
        </p>
        <p className="backup-last-counts">{describeCounts(last)}</p>
      </div>
    </section>
  );
}

interface BackupTableProps {
  readonly backups: readonly BackupDto[];
  readonly now: number;
  /** The backup just made, marked in the list. */
  readonly freshId: string | null;
  readonly busy: boolean;
  readonly onRestore: (backup: BackupDto) => void;
}

export function BackupTable({ backups, now, freshId, busy, onRestore }: BackupTableProps): ReactElement {
  if (backups.length === 0) {
    return <p className="backups-none">No backups in this library’s backups folder yet.</p>;
  }
  return (
    <table className="backup-table" aria-label="Backups">
      <thead>
        <tr>
          <th scope="col">Made</th>
          <th scope="col">Kind</th>
          <th scope="col" className="num">
            Articles
          </th>
          <th scope="col" className="num">
            Highlights
          </th>
          <th scope="col" className="num">
            Notes
          </th>
          <th scope="col" className="num">
            Dossiers
          </th>
          <th scope="col" className="num">
            Size
          </th>
          <th scope="col">
            <span className="visually-hidden">Actions</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {backups.map((backup) => (
          <tr key={backup.id} className={backup.id === freshId ? 'is-fresh' : undefined} title={backup.path}>
            <th scope="row" className="backup-made">
              <span className="backup-relative">{relativeTime(backup.createdAt, now)}</span>
              <time className="backup-absolute" dateTime={backup.createdAt}>
                {absoluteTime(backup.createdAt)}
              </time>
            </th>
            <td>{kindName(backup.kind)}</td>
            <td className="num">{backup.articles.toLocaleString('en-GB')}</td>
            <td className="num">{backup.annotations.toLocaleString('en-GB')}</td>
            <td className="num">{backup.notes.toLocaleString('en-GB')}</td>
            <td className="num">{backup.dossiers.toLocaleString('en-GB')}</td>
            <td className="num">{formatBytes(backup.bytes)}</td>
            <td className="backup-actions">
              <button
                type="button"
                className="button button-small"
                disabled={busy}
                aria-label={`Restore the backup from ${absoluteTime(backup.createdAt)}…`}
                onClick={() => onRestore(backup)}
              >
                Restore…
              </button>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
