/**
 * "Check library": the same check as `quire check` (database, every original against its SHA-256,
 * the search index), its findings grouped in plain words, and "Repair" for what can be fixed without
 * guessing (leftover temporary files, a stale index), followed by what the repair did.
 */
import { type ReactElement } from 'react';
import type { CheckReportDto } from '../../../electron/api/contract/backup';
import { Icon } from '../shell/Icon';
import { describeCheck, problemAdvice, problemTitle } from './describe';

interface CheckPanelProps {
  readonly report: CheckReportDto;
  readonly repairing: boolean;
  readonly onRepair: () => void;
  readonly onDismiss: () => void;
}

export function CheckPanel({ report, repairing, onRepair, onDismiss }: CheckPanelProps): ReactElement {
  const { headline, detail } = describeCheck(report);
  const repairable = report.problems.some((p) => p.repairable);
  const databaseDamaged = report.problems.some((p) => p.kind === 'integrity' || p.kind === 'database_unreadable');
  return (
    <section className={report.healthy ? 'backup-card check-report is-healthy' : 'backup-card check-report has-problems'} aria-labelledby="check-title" role="region">
      <div className="check-head">
        <Icon name={report.healthy ? 'check' : 'warning'} size={18} className="check-icon" />
        <div className="check-text">
          <h2 id="check-title">{headline}</h2>
          <p className="check-detail">{detail}</p>
        </div>
        <button type="button" className="icon-button" aria-label="Dismiss the check report" onClick={onDismiss}>
          <Icon name="close" />
        </button>
      </div>
      {report.repaired.length > 0 && (
        <div className="check-repaired">
          <h3>Repaired</h3>
          <ul>
            {report.repaired.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        </div>
      )}
      {report.problems.length > 0 && (
        <ul className="check-problems" aria-label="Problems found">
          {report.problems.map((problem, i) => (
            <li key={`${problem.kind}-${problem.file ?? ''}-${problem.articleId ?? ''}-${i}`} className="check-problem">
              <span className="check-problem-title">{problemTitle(problem.kind)}</span>
              <span className="check-problem-message">{problem.message}</span>
              {!problem.repairable && problemAdvice(problem.kind) && <span className="check-problem-advice">{problemAdvice(problem.kind)}</span>}
              {problem.repairable && <span className="check-problem-tag">Repairable</span>}
            </li>
          ))}
        </ul>
      )}
      {databaseDamaged && (
        <p className="check-advice">
          The database itself is damaged. Restore the newest backup from the list below: the damaged file is kept aside, never deleted.
        </p>
      )}
      {repairable && (
        <div className="check-actions">
          <button type="button" className="button" onClick={onRepair} disabled={repairing}>
            {repairing ? <span className="spinner" aria-hidden="true" /> : <Icon name="check" />}
            {repairing ? 'Repairing…' : 'Repair what can be fixed'}
          </button>
          <span className="field-hint">Removes leftover temporary files and rebuilds a stale search index. Articles, highlights and notes are not touched.</span>
        </div>
      )}
    </section>
  );
}
