/** Asks for a link's address (web or e-mail only: notes never link to files or scripts). */
import { useEffect, useState, type FormEvent, type ReactElement } from 'react';
import { Dialog } from '../../shell/Dialog';

export function normaliseUrl(raw: string): string | null {
  const value = raw.trim();
  if (value === '') return null;
  const withScheme = /^[a-z][a-z0-9+.-]*:/i.test(value) ? value : `https://${value}`;
  try {
    const url = new URL(withScheme);
    return url.protocol === 'http:' || url.protocol === 'https:' || url.protocol === 'mailto:' ? url.href : null;
  } catch {
    return null;
  }
}

interface LinkDialogProps {
  readonly open: boolean;
  readonly current: string | null;
  readonly onClose: () => void;
  /** A URL to set, or null to remove the link. */
  readonly onSubmit: (url: string | null) => void;
}

export function LinkDialog({ open, current, onClose, onSubmit }: LinkDialogProps): ReactElement | null {
  const [value, setValue] = useState(current ?? '');
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (open) {
      setValue(current ?? '');
      setError(null);
    }
  }, [open, current]);

  const submit = (event: FormEvent): void => {
    event.preventDefault();
    const url = normaliseUrl(value);
    if (!url) {
      setError('Enter a web address (https://…) or an e-mail address (mailto:…).');
      return;
    }
    onSubmit(url);
  };

  return (
    <Dialog
      open={open}
      title={current ? 'Edit link' : 'Add a link'}
      onClose={onClose}
      footer={
        <>
          {current && (
            <button type="button" className="button button-danger-quiet" onClick={() => onSubmit(null)}>
              Remove link
            </button>
          )}
          <span style={{ flex: 1 }} />
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" form="note-link-form" className="button button-primary">
            {current ? 'Save' : 'Add link'}
          </button>
        </>
      }
    >
      <form id="note-link-form" onSubmit={submit}>
        <label className="field">
          <span>Address</span>
          <input
            className="input"
            autoFocus
            value={value}
            placeholder="https://example.org/report"
            onChange={(event) => setValue(event.target.value)}
            aria-invalid={error !== null}
          />
        </label>
        {error && <p className="field-error">{error}</p>}
      </form>
    </Dialog>
  );
}
