/**
 * Export a dossier: choose the format and the paper size, then wait with a progress indicator (a
 * large PDF takes seconds). The file is offered as a download named after the dossier.
 */
import { useEffect, useRef, useState, type ReactElement } from 'react';
import { api } from '../../api';
import { describeError, useApp } from '../context';
import { Dialog } from '../shell/Dialog';

type Format = 'pdf' | 'html' | 'md' | 'json';
type Paper = 'a4' | 'letter';

const FORMATS: readonly { id: Format; name: string; hint: string }[] = [
  { id: 'pdf', name: 'PDF', hint: 'To print or send: cover, contents with page numbers, marking and page numbers on every page.' },
  { id: 'html', name: 'HTML', hint: 'One self-contained web page: fonts and styles inside, no scripts.' },
  { id: 'md', name: 'Markdown', hint: 'Plain text with headings and quoted passages, readable anywhere.' },
  { id: 'json', name: 'JSON', hint: 'Everything, losslessly, with the original files: re-import it into another Quire library.' },
];

function download(data: string, filename: string, mediaType: string): void {
  const bytes = Uint8Array.from(atob(data), (c) => c.charCodeAt(0));
  const url = URL.createObjectURL(new Blob([bytes], { type: mediaType }));
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
  window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

function formatSize(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
  return `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

interface ExportDialogProps {
  readonly open: boolean;
  readonly dossierId: string;
  readonly dossierTitle: string;
  readonly paper: Paper;
  readonly onPaper: (paper: Paper) => void;
  readonly onClose: () => void;
}

export function ExportDialog({ open, dossierId, dossierTitle, paper, onPaper, onClose }: ExportDialogProps): ReactElement | null {
  const { toast } = useApp();
  const [format, setFormat] = useState<Format>('pdf');
  const [running, setRunning] = useState(false);
  const [elapsed, setElapsed] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const run = useRef(0);

  useEffect(() => {
    if (!running) return;
    const started = Date.now();
    const timer = window.setInterval(() => setElapsed(Math.floor((Date.now() - started) / 1000)), 250);
    return () => window.clearInterval(timer);
  }, [running]);

  useEffect(() => {
    if (open) setError(null);
  }, [open]);

  const start = async (): Promise<void> => {
    const ticket = ++run.current;
    setRunning(true);
    setElapsed(0);
    setError(null);
    try {
      const result = await api['export.dossier']({ dossierId, format, ...(format === 'pdf' || format === 'html' ? { paper } : {}) });
      if (ticket !== run.current) return; // cancelled meanwhile
      if (result.data !== null) download(result.data, result.filename, result.mediaType);
      toast({ kind: 'success', message: `Exported “${dossierTitle}” as ${result.path ?? result.filename} (${formatSize(result.size)}).` });
      onClose();
    } catch (failure) {
      if (ticket === run.current) setError(describeError(failure));
    } finally {
      if (ticket === run.current) setRunning(false);
    }
  };

  const cancel = (): void => {
    // The export keeps running in Quire; its result is simply not saved.
    run.current++;
    setRunning(false);
  };

  return (
    <Dialog
      open={open}
      title={`Export “${dossierTitle}”`}
      onClose={running ? cancel : onClose}
      className="export-dialog"
      footer={
        running ? (
          <button type="button" className="button" onClick={cancel}>
            Cancel
          </button>
        ) : (
          <>
            <button type="button" className="button" onClick={onClose}>
              Close
            </button>
            <button type="button" className="button button-primary" onClick={() => void start()}>
              Export {FORMATS.find((f) => f.id === format)?.name}
            </button>
          </>
        )
      }
    >
      <fieldset className="export-formats" disabled={running}>
        <legend>Format</legend>
        {FORMATS.map((f) => (
          <label key={f.id} className={`export-format${format === f.id ? ' is-on' : ''}`}>
            <input type="radio" name="export-format" value={f.id} checked={format === f.id} onChange={() => setFormat(f.id)} />
            <span className="export-format-name">{f.name}</span>
            <span className="export-format-hint">{f.hint}</span>
          </label>
        ))}
      </fieldset>
      {(format === 'pdf' || format === 'html') && (
        <fieldset className="export-paper" disabled={running}>
          <legend>Paper</legend>
          {(
            [
              ['a4', 'A4'],
              ['letter', 'US Letter'],
            ] as const
          ).map(([id, name]) => (
            <label key={id} className="q-check">
              <input type="radio" name="export-paper" value={id} checked={paper === id} onChange={() => onPaper(id)} /> {name}
            </label>
          ))}
        </fieldset>
      )}
      {running && (
        <div className="export-progress" role="status" aria-live="polite">
          <div className="progress-track" aria-hidden="true">
            <div className="progress-fill export-progress-fill" />
          </div>
          <span>
            Exporting{format === 'pdf' ? ' (laying out pages, then numbering them)' : ''}… {elapsed > 0 ? `${elapsed} s` : ''}
          </span>
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
