/**
 * Importing, wherever it starts (the Import button, the folder picker, a drop anywhere on the
 * window, a paste, the desktop menu): one queue that sends files one at a time, so the progress bar
 * is honest and Cancel stops between files; at the end a summary of what was imported, what was
 * already in the library, and what failed and why.
 */
import { createContext, useCallback, useContext, useEffect, useRef, useState, type ReactElement, type ReactNode } from 'react';
import { api, shell } from '../../api';
import { describeError, useApp } from '../context';
import { Icon } from '../shell/Icon';
import { isTypingTarget } from '../shell/keys';
import { filesFromDataTransfer, readAsBase64 } from './files';
import { ImportSummary } from './ImportSummary';
import { PasteDialog } from './PasteDialog';

export interface ImportOutcome {
  readonly name: string;
  readonly status: 'imported' | 'duplicate' | 'failed';
  readonly articleId?: string;
  readonly title?: string;
  readonly message?: string;
}

interface Progress {
  readonly total: number;
  readonly done: number;
  readonly current: string;
  readonly outcomes: readonly ImportOutcome[];
  readonly cancelled: boolean;
  readonly finished: boolean;
}

type Job = { kind: 'file'; file: File } | { kind: 'path'; path: string };

export interface ImportApi {
  readonly running: boolean;
  importFiles(files: readonly File[]): void;
  importPaths(paths: readonly string[]): void;
  openPaste(): void;
  /** Opens the system picker (desktop) or the hidden file input (browser). */
  pickFiles(kind: 'files' | 'folder'): void;
}

const ImportContext = createContext<ImportApi | null>(null);

export function useImport(): ImportApi {
  const value = useContext(ImportContext);
  if (!value) throw new Error('useImport outside <ImportProvider>');
  return value;
}

type ImportReport = Awaited<ReturnType<(typeof api)['import.files']>>;

function outcomesOf(report: ImportReport, fallbackName: string): ImportOutcome[] {
  const base = (path: string): string => path.split(/[\\/]/).pop() || fallbackName;
  return [
    ...report.imported.map((a): ImportOutcome => ({ name: a.path ? base(a.path) : fallbackName, status: 'imported', articleId: a.id, title: a.title })),
    ...report.duplicates.map((d): ImportOutcome => ({ name: base(d.path), status: 'duplicate', articleId: d.id })),
    // The message names the file for the CLI; the summary lists it under its name already.
    ...report.failed.map((f): ImportOutcome => {
      const name = base(f.path);
      const message = f.error.startsWith(`${name}: `) ? f.error.slice(name.length + 2) : f.error;
      return { name, status: 'failed', message };
    }),
  ];
}

export function ImportProvider({ children }: { children: ReactNode }): ReactElement {
  const { libraryChanged, navigate, toast, reportError } = useApp();
  const [progress, setProgress] = useState<Progress | null>(null);
  const [summaryOpen, setSummaryOpen] = useState(false);
  const [pasteOpen, setPasteOpen] = useState(false);
  const [dragging, setDragging] = useState(false);
  const cancelRef = useRef(false);
  const queue = useRef<Job[]>([]);
  const runningRef = useRef(false);
  const fileInput = useRef<HTMLInputElement>(null);
  const folderInput = useRef<HTMLInputElement>(null);

  const run = useCallback(async () => {
    if (runningRef.current) return;
    runningRef.current = true;
    cancelRef.current = false;
    const outcomes: ImportOutcome[] = [];
    let done = 0;
    const total = (): number => done + queue.current.length;
    setSummaryOpen(false);
    setProgress({ total: total(), done, current: '', outcomes, cancelled: false, finished: false });
    let lastRefresh = Date.now();
    while (queue.current.length > 0 && !cancelRef.current) {
      const job = queue.current.shift()!;
      const name = job.kind === 'file' ? job.file.name : (job.path.split(/[\\/]/).pop() ?? job.path);
      setProgress({ total: total() + 1, done, current: name, outcomes: [...outcomes], cancelled: false, finished: false });
      try {
        if (job.kind === 'file') {
          const data = await readAsBase64(job.file);
          outcomes.push(...outcomesOf(await api['import.files']({ files: [{ name: job.file.name, dataBase64: data, mediaType: job.file.type || undefined }] }), name));
        } else {
          outcomes.push(...outcomesOf(await api['import.paths']({ paths: [job.path] }), name));
        }
      } catch (error) {
        outcomes.push({ name, status: 'failed', message: describeError(error) });
      }
      done += 1;
      // Let the library list catch up every so often during a long import, not after every file.
      if (Date.now() - lastRefresh > 1500) {
        lastRefresh = Date.now();
        libraryChanged();
      }
    }
    const cancelled = cancelRef.current;
    const skipped = queue.current.length;
    queue.current = [];
    runningRef.current = false;
    setProgress({ total: done + skipped, done, current: '', outcomes, cancelled, finished: true });
    libraryChanged();
    const imported = outcomes.filter((o) => o.status === 'imported');
    const problems = outcomes.length - imported.length;
    if (outcomes.length === 1 && imported.length === 1 && imported[0]!.articleId) {
      // One article: open it, the analyst imported it to read it.
      toast({ kind: 'success', message: `Imported “${imported[0]!.title ?? imported[0]!.name}”.` });
      setProgress(null);
      navigate({ view: 'reader', articleId: imported[0]!.articleId });
    } else if (problems === 0 && !cancelled) {
      toast({ kind: 'success', message: `Imported ${imported.length} article${imported.length === 1 ? '' : 's'}.` });
      setProgress(null);
    } else {
      setSummaryOpen(true);
    }
  }, [libraryChanged, navigate, toast]);

  const enqueue = useCallback(
    (jobs: Job[]) => {
      if (jobs.length === 0) return;
      queue.current.push(...jobs);
      if (runningRef.current) setProgress((p) => (p ? { ...p, total: p.total + jobs.length } : p));
      else void run();
    },
    [run],
  );

  const importFiles = useCallback(
    (files: readonly File[]) => {
      // In the desktop app a dropped file has a path: let the main process read it from disk.
      const jobs: Job[] = files.map((file) => {
        const path = shell.pathForFile(file);
        return path ? { kind: 'path', path } : { kind: 'file', file };
      });
      enqueue(jobs);
    },
    [enqueue],
  );
  const importPaths = useCallback((paths: readonly string[]) => enqueue(paths.map((path) => ({ kind: 'path', path }))), [enqueue]);

  const pickFiles = useCallback(
    (kind: 'files' | 'folder') => {
      void shell
        .pickPaths(kind)
        .then((paths) => {
          if (paths === null) (kind === 'files' ? fileInput : folderInput).current?.click();
          else if (paths.length > 0) importPaths(paths);
        })
        .catch((error: unknown) => reportError(error, 'open the file picker'));
    },
    [importPaths, reportError],
  );

  // The desktop menu (File ▸ Import…, Import folder…, Paste as article).
  useEffect(
    () =>
      shell.onMenu((event) => {
        if (event.type === 'import-paths') importPaths(event.paths);
        else if (event.type === 'import-text') setPasteOpen(true);
      }),
    [importPaths],
  );

  // Drag and drop anywhere on the window.
  useEffect(() => {
    let depth = 0;
    const hasFiles = (event: DragEvent): boolean => Array.from(event.dataTransfer?.types ?? []).includes('Files');
    const onEnter = (event: DragEvent): void => {
      if (!hasFiles(event)) return;
      depth += 1;
      setDragging(true);
    };
    const onLeave = (event: DragEvent): void => {
      if (!hasFiles(event)) return;
      depth = Math.max(0, depth - 1);
      if (depth === 0) setDragging(false);
    };
    const onOver = (event: DragEvent): void => {
      if (!hasFiles(event)) return;
      event.preventDefault();
      if (event.dataTransfer) event.dataTransfer.dropEffect = 'copy';
    };
    const onDrop = (event: DragEvent): void => {
      if (!event.dataTransfer || !hasFiles(event)) return;
      event.preventDefault();
      depth = 0;
      setDragging(false);
      const data = event.dataTransfer;
      // Desktop: paths straight from the dropped files (folders included: main walks them).
      const desktopPaths = Array.from(data.files)
        .map((file) => shell.pathForFile(file))
        .filter((path): path is string => path !== null);
      if (desktopPaths.length > 0 && desktopPaths.length === data.files.length) {
        importPaths(desktopPaths);
        return;
      }
      void filesFromDataTransfer(data)
        .then((files) => {
          if (files.length === 0) toast({ kind: 'error', message: 'Nothing to import there: Quire reads text, Markdown, HTML, PDF and Word files.' });
          else importFiles(files);
        })
        .catch((error: unknown) => reportError(error, 'read the dropped files'));
    };
    window.addEventListener('dragenter', onEnter);
    window.addEventListener('dragleave', onLeave);
    window.addEventListener('dragover', onOver);
    window.addEventListener('drop', onDrop);
    return () => {
      window.removeEventListener('dragenter', onEnter);
      window.removeEventListener('dragleave', onLeave);
      window.removeEventListener('dragover', onOver);
      window.removeEventListener('drop', onDrop);
    };
  }, [importFiles, importPaths, reportError, toast]);

  // Ctrl/Cmd+O: import files. Pasting outside a text field: a new article from the clipboard.
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent): void => {
      if ((event.ctrlKey || event.metaKey) && !event.shiftKey && event.key.toLowerCase() === 'o') {
        event.preventDefault();
        pickFiles('files');
      }
    };
    const onPaste = (event: ClipboardEvent): void => {
      if (isTypingTarget(event.target) || document.querySelector('dialog[open]')) return;
      if (window.getSelection()?.toString()) return;
      const text = event.clipboardData?.getData('text/plain') ?? '';
      const html = event.clipboardData?.getData('text/html') ?? '';
      if (!text.trim() && !html.trim()) return;
      event.preventDefault();
      setPasteOpen(true);
      window.setTimeout(() => window.dispatchEvent(new CustomEvent('quire:paste-content', { detail: { text, html } })), 0);
    };
    window.addEventListener('keydown', onKeyDown);
    document.addEventListener('paste', onPaste);
    return () => {
      window.removeEventListener('keydown', onKeyDown);
      document.removeEventListener('paste', onPaste);
    };
  }, [pickFiles]);

  const value: ImportApi = {
    running: progress !== null && !progress.finished,
    importFiles,
    importPaths,
    openPaste: () => setPasteOpen(true),
    pickFiles,
  };

  const percent = progress && progress.total > 0 ? Math.round((progress.done / progress.total) * 100) : 0;

  return (
    <ImportContext.Provider value={value}>
      {children}
      <input
        ref={fileInput}
        type="file"
        multiple
        hidden
        aria-label="Choose files to import"
        data-testid="import-files-input"
        accept=".txt,.text,.md,.markdown,.html,.htm,.xhtml,.pdf,.docx,.json,text/plain,text/markdown,text/html,application/pdf"
        onChange={(event) => {
          const files = Array.from(event.currentTarget.files ?? []);
          event.currentTarget.value = '';
          importFiles(files);
        }}
      />
      <input
        ref={folderInput}
        type="file"
        multiple
        hidden
        aria-label="Choose a folder to import"
        data-testid="import-folder-input"
        {...{ webkitdirectory: '' }}
        onChange={(event) => {
          const files = Array.from(event.currentTarget.files ?? []);
          event.currentTarget.value = '';
          importFiles(files.filter((file) => !file.webkitRelativePath.split('/').some((part) => part.startsWith('.'))));
        }}
      />
      {dragging && (
        <div className="drop-overlay" aria-hidden="true">
          <div className="drop-card">
            <Icon name="import" size={28} />
            <strong>Drop to import</strong>
            <span>Text, Markdown, HTML, PDF and Word files, or whole folders</span>
          </div>
        </div>
      )}
      {progress && !progress.finished && (
        <div className="import-progress" role="region" aria-label="Import progress">
          <div className="import-progress-head">
            <strong>
              Importing {Math.min(progress.done + 1, progress.total)} of {progress.total}
            </strong>
            <button type="button" className="button button-small" onClick={() => (cancelRef.current = true)}>
              Cancel
            </button>
          </div>
          <div className="progress-track" role="progressbar" aria-label="Import" aria-valuemin={0} aria-valuemax={progress.total} aria-valuenow={progress.done}>
            <div className="progress-fill" style={{ width: `${percent}%` }} />
          </div>
          <div className="import-progress-file" title={progress.current}>
            {progress.current}
          </div>
        </div>
      )}
      {summaryOpen && progress && (
        <ImportSummary
          outcomes={progress.outcomes}
          cancelled={progress.cancelled}
          notStarted={Math.max(0, progress.total - progress.done)}
          onOpen={(articleId) => {
            setSummaryOpen(false);
            setProgress(null);
            navigate({ view: 'reader', articleId });
          }}
          onClose={() => {
            setSummaryOpen(false);
            setProgress(null);
          }}
        />
      )}
      <PasteDialog open={pasteOpen} onClose={() => setPasteOpen(false)} />
    </ImportContext.Provider>
  );
}
