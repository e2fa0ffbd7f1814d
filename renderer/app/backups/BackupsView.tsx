/**
 * Library ▸ Backups: the last backup, every backup (newest first) with "Restore…", "Back up now",
 * the automatic-backup settings, and "Check library" with its report. The right pane says where the
 * backups live and what the CLI equivalents are.
 */
import { useCallback, useEffect, useState, type ReactElement } from 'react';
import { api } from '../../api';
import type { BackupDto, BackupRestoreResultDto, BackupStatusDto, CheckReportDto } from '../../../electron/api/contract/backup';
import { useApp } from '../context';
import { Icon } from '../shell/Icon';
import { RightPane } from '../shell/RightPane';
import { BackupSettings } from './BackupSettings';
import { BackupTable, LastBackupCard } from './BackupList';
import { CheckPanel } from './CheckPanel';
import { describeCounts, describeRestore, formatBytes, plural } from './describe';
import { RestoreDialog } from './RestoreDialog';

/** Relative times ("5 minutes ago") are re-read every half minute while the page is open. */
function useNow(): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), 30_000);
    return () => window.clearInterval(timer);
  }, []);
  return now;
}

export function BackupsView(): ReactElement {
  const { libraryVersion, libraryChanged, reloadLabels, toast, reportError } = useApp();
  const now = useNow();
  const [status, setStatus] = useState<BackupStatusDto | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [backingUp, setBackingUp] = useState(false);
  const [freshId, setFreshId] = useState<string | null>(null);
  const [restoring, setRestoring] = useState<BackupDto | null>(null);
  const [checking, setChecking] = useState<'check' | 'repair' | null>(null);
  const [report, setReport] = useState<CheckReportDto | null>(null);
  const [reloads, setReloads] = useState(0);

  useEffect(() => {
    let live = true;
    api['backup.status']({})
      .then((next) => {
        if (!live) return;
        setStatus(next);
        setLoadError(null);
      })
      .catch((error: unknown) => live && setLoadError(error instanceof Error ? error.message : String(error)));
    return () => {
      live = false;
    };
  }, [libraryVersion, reloads]);

  const backUpNow = useCallback(async (): Promise<void> => {
    setBackingUp(true);
    try {
      const made = await api['backup.create']({});
      setFreshId(made.id);
      // Not a change to the articles, but the navigation's count of backups reads on this signal.
      libraryChanged();
      toast({ kind: 'success', message: `Backed up ${describeCounts(made)} (${formatBytes(made.bytes)}).` });
    } catch (error) {
      reportError(error, 'back up the library');
    } finally {
      setBackingUp(false);
    }
  }, [libraryChanged, reportError, toast]);

  const check = async (repair: boolean): Promise<void> => {
    setChecking(repair ? 'repair' : 'check');
    try {
      setReport(await api['library.check'](repair ? { repair: true } : {}));
      // A repair may have rebuilt the index or removed files: lists re-read.
      if (repair) libraryChanged();
    } catch (error) {
      reportError(error, repair ? 'repair the library' : 'check the library');
    } finally {
      setChecking(null);
    }
  };

  const restored = (result: BackupRestoreResultDto): void => {
    setRestoring(null);
    setFreshId(null);
    setReport(null);
    // Everything the app shows came from the database that was just replaced: every list re-reads.
    libraryChanged();
    reloadLabels();
    setReloads((n) => n + 1);
    toast({ kind: result.warnings.length > 0 ? 'info' : 'success', message: describeRestore(result, 'previous'), timeout: 15_000 });
  };

  const busy = backingUp || checking !== null || restoring !== null;

  return (
    <section className="backups-view" aria-labelledby="backups-title" aria-busy={backingUp}>
      <header className="view-header">
        <div className="view-title">
          <span className="view-breadcrumb" aria-hidden="true">
            Library ›
          </span>
          <h1 id="backups-title">Backups</h1>
          <span className="view-subtitle">{status ? plural(status.backups.length, 'backup') : ''}</span>
        </div>
        <div className="view-actions">
          <button type="button" className="button" onClick={() => void check(false)} disabled={busy}>
            {checking === 'check' ? <span className="spinner" aria-hidden="true" /> : <Icon name="check" />}
            {checking === 'check' ? 'Checking…' : 'Check library'}
          </button>
          <button type="button" className="button button-primary" onClick={() => void backUpNow()} disabled={busy}>
            {backingUp ? <span className="spinner" aria-hidden="true" /> : <Icon name="backup" />}
            {backingUp ? 'Backing up…' : 'Back up now'}
          </button>
        </div>
      </header>
      <div className="backups-body">
        {backingUp && (
          <p className="backups-busy" role="status">
            Making a backup and verifying it (integrity check and counts)…
          </p>
        )}
        {report && <CheckPanel report={report} repairing={checking === 'repair'} onRepair={() => void check(true)} onDismiss={() => setReport(null)} />}
        {loadError && !status && (
          <p className="field-error" role="alert">
            Could not read this library’s backups. {loadError}
          </p>
        )}
        {status && (
          <>
            <LastBackupCard last={status.last} intervalHours={status.intervalHours} now={now} />
            <section className="backup-list" aria-labelledby="backup-list-title">
              <h2 id="backup-list-title">All backups</h2>
              <BackupTable backups={newestFirst(status.backups)} now={now} freshId={freshId} busy={busy} onRestore={setRestoring} />
            </section>
            <BackupSettings status={status} onSaved={setStatus} />
          </>
        )}
      </div>
      <RestoreDialog backup={restoring} onClose={() => setRestoring(null)} onRestored={restored} />
      <RightPane>
        <section className="panel-section pane-help" aria-labelledby="backups-help">
          <h2 className="panel-heading" id="backups-help">
            About backups
          </h2>
          <p>
            Backups are kept in the library’s <code>backups</code> folder. Each is a verified copy of the database: your original files are kept once,
            in <code>originals</code>, and every backup refers to them.
          </p>
          <p>Restoring never deletes anything: the database it replaces is kept beside it as <code>quire.sqlite.damaged-…</code>.</p>
          <p>The same from a terminal:</p>
          <ul className="pane-help-commands">
            <li>
              <code>quire backup</code>, <code>quire backup --to DIR</code> (a portable archive)
            </li>
            <li>
              <code>quire backups</code>
            </li>
            <li>
              <code>quire restore --latest</code>
            </li>
            <li>
              <code>quire check --repair</code>
            </li>
          </ul>
        </section>
      </RightPane>
    </section>
  );
}

function newestFirst(backups: readonly BackupDto[]): BackupDto[] {
  return [...backups].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
}
