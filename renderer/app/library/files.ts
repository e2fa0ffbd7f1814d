/**
 * Getting files out of the browser: reading bytes as base64 for upload, and walking dropped folders
 * (`webkitGetAsEntry`) in browser mode. In the desktop app dropped files have paths instead.
 */

/** Extensions Quire can import; anything else inside a dropped folder is skipped quietly. */
const IMPORTABLE = /\.(txt|text|md|markdown|html?|xhtml|pdf|docx|json)$/i;

export function isImportableName(name: string): boolean {
  return IMPORTABLE.test(name) && !name.startsWith('.');
}

export function readAsBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onerror = () => reject(new Error(`Could not read “${file.name}” from disk.`));
    reader.onload = () => {
      const url = String(reader.result ?? '');
      resolve(url.slice(url.indexOf(',') + 1));
    };
    reader.readAsDataURL(file);
  });
}

function entryFile(entry: FileSystemFileEntry): Promise<File> {
  return new Promise((resolve, reject) => entry.file(resolve, reject));
}

function readAllEntries(reader: FileSystemDirectoryReader): Promise<FileSystemEntry[]> {
  // readEntries answers in pages (100 in Chromium) until it returns an empty page.
  return new Promise((resolve, reject) => {
    const all: FileSystemEntry[] = [];
    const next = (): void =>
      reader.readEntries((page) => {
        if (page.length === 0) resolve(all);
        else {
          all.push(...page);
          next();
        }
      }, reject);
    next();
  });
}

async function walk(entry: FileSystemEntry, out: File[], explicit: boolean): Promise<void> {
  if (entry.name.startsWith('.')) return;
  if (entry.isFile) {
    const file = await entryFile(entry as FileSystemFileEntry);
    // A file dropped on its own is always tried (Quire explains what it cannot read); files found
    // inside folders are filtered so a folder of mixed material does not fill the summary with failures.
    if (explicit || isImportableName(file.name)) out.push(file);
  } else if (entry.isDirectory) {
    const children = await readAllEntries((entry as FileSystemDirectoryEntry).createReader());
    children.sort((a, b) => a.name.localeCompare(b.name));
    for (const child of children) await walk(child, out, false);
  }
}

/** The files in a drop: plain files as they are, folders walked recursively. */
export async function filesFromDataTransfer(data: DataTransfer): Promise<File[]> {
  const entries: FileSystemEntry[] = [];
  for (const item of Array.from(data.items)) {
    if (item.kind !== 'file') continue;
    const entry = typeof item.webkitGetAsEntry === 'function' ? item.webkitGetAsEntry() : null;
    if (entry) entries.push(entry);
  }
  if (entries.length === 0) return Array.from(data.files);
  const out: File[] = [];
  for (const entry of entries) await walk(entry, out, true);
  return out;
}

/** Files from a folder picker (`webkitdirectory`): only the importable ones. */
export function filesFromFolderInput(list: FileList): File[] {
  return Array.from(list).filter((file) => isImportableName(file.name) && !file.webkitRelativePath.split('/').some((p) => p.startsWith('.')));
}
