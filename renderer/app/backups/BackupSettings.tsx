/**
 * How often Quire backs up on its own and how many backups it keeps (daily, weekly, monthly). The
 * settings live in the library, so they travel with it; saved with `backup.setSettings`.
 */
import { useEffect, useId, useState, type FormEvent, type ReactElement } from 'react';
import { api } from '../../api';
import type { BackupStatusDto, RetentionDto } from '../../../electron/api/contract/backup';
import { useApp } from '../context';
import { describeInterval } from './describe';

const INTERVALS: readonly number[] = [1, 6, 12, 24, 48, 72, 168];

const RETENTION_FIELDS: ReadonlyArray<{ readonly key: keyof RetentionDto; readonly label: string; readonly max: number; readonly hint: string }> = [
  { key: 'daily', label: 'Daily', max: 365, hint: 'one a day' },
  { key: 'weekly', label: 'Weekly', max: 520, hint: 'then one a week' },
  { key: 'monthly', label: 'Monthly', max: 1200, hint: 'then one a month' },
];

interface BackupSettingsProps {
  readonly status: BackupStatusDto;
  readonly onSaved: (status: BackupStatusDto) => void;
}

export function BackupSettings({ status, onSaved }: BackupSettingsProps): ReactElement {
  const { toast, reportError } = useApp();
  const id = useId();
  const [interval, setIntervalHours] = useState(status.intervalHours);
  const [retention, setRetention] = useState<Record<keyof RetentionDto, string>>(() => retentionText(status.retention));
  const [saving, setSaving] = useState(false);

  // A save elsewhere (or a restore that brought other settings back) resets the form.
  useEffect(() => {
    setIntervalHours(status.intervalHours);
    setRetention(retentionText(status.retention));
    // The numbers, not the object: every reload of the status brings a new one.
  }, [status.intervalHours, status.retention.daily, status.retention.weekly, status.retention.monthly]);

  const parsed = RETENTION_FIELDS.map((f) => ({ ...f, value: Number(retention[f.key]) }));
  const invalid = parsed.find((f) => retention[f.key].trim() === '' || !Number.isInteger(f.value) || f.value < 0 || f.value > f.max);
  const keepsNothing = parsed.every((f) => f.value === 0);
  const changed = interval !== status.intervalHours || parsed.some((f) => f.value !== status.retention[f.key]);
  const intervals = INTERVALS.includes(status.intervalHours) ? INTERVALS : [...INTERVALS, status.intervalHours].sort((a, b) => a - b);

  const save = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    if (invalid || keepsNothing || !changed) return;
    setSaving(true);
    try {
      const next = await api['backup.setSettings']({
        intervalHours: interval,
        retention: { daily: parsed[0]!.value, weekly: parsed[1]!.value, monthly: parsed[2]!.value },
      });
      onSaved(next);
      toast({ kind: 'success', message: `Backup settings saved: Quire backs up ${describeInterval(next.intervalHours)} when there are changes.` });
    } catch (error) {
      reportError(error, 'save the backup settings');
    } finally {
      setSaving(false);
    }
  };

  return (
    <form className="backup-card backup-settings" aria-labelledby={`${id}-title`} onSubmit={(event) => void save(event)}>
      <h2 id={`${id}-title`}>Automatic backups</h2>
      <p className="field-hint">
        Quire backs up when the library is opened or closed, if there were changes and the last backup is older than the interval. Each backup is
        checked before it counts, and before older ones are removed.
      </p>
      <div className="backup-settings-grid">
        <div className="field">
          <label htmlFor={`${id}-interval`}>Back up</label>
          <select id={`${id}-interval`} className="input" value={interval} onChange={(event) => setIntervalHours(Number(event.target.value))}>
            {intervals.map((hours) => (
              <option key={hours} value={hours}>
                {describeInterval(hours).replace(/^every/, 'Every')}
              </option>
            ))}
          </select>
        </div>
        <fieldset className="backup-retention">
          <legend>Keep</legend>
          {RETENTION_FIELDS.map((f) => (
            <div key={f.key} className="field">
              <label htmlFor={`${id}-${f.key}`}>{f.label}</label>
              <input
                id={`${id}-${f.key}`}
                className="input"
                type="number"
                inputMode="numeric"
                min={0}
                max={f.max}
                step={1}
                value={retention[f.key]}
                aria-describedby={`${id}-${f.key}-hint`}
                onChange={(event) => setRetention((r) => ({ ...r, [f.key]: event.target.value }))}
              />
              <span className="field-hint" id={`${id}-${f.key}-hint`}>
                {f.hint}
              </span>
            </div>
          ))}
        </fieldset>
      </div>
      {invalid && (
        <p className="field-error" role="alert">
          {invalid.label} must be a whole number from 0 to {invalid.max}.
        </p>
      )}
      {!invalid && keepsNothing && (
        <p className="field-error" role="alert">
          Keep at least one backup: with 0 daily, 0 weekly and 0 monthly Quire would have nothing to restore.
        </p>
      )}
      <div className="backup-settings-actions">
        <button type="submit" className="button" disabled={saving || !changed || Boolean(invalid) || keepsNothing}>
          {saving ? 'Saving…' : 'Save settings'}
        </button>
      </div>
    </form>
  );
}

function retentionText(retention: RetentionDto): Record<keyof RetentionDto, string> {
  return { daily: String(retention.daily), weekly: String(retention.weekly), monthly: String(retention.monthly) };
}
