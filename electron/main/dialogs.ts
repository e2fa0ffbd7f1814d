/** Native dialogs: opening a link in the system browser (after asking) and picking files to import. */
import { dialog, shell } from 'electron';
import { getMainWindow } from './window.js';

const DOCUMENT_EXTENSIONS = ['txt', 'text', 'md', 'markdown', 'html', 'htm', 'xhtml', 'pdf', 'docx'];

/** Opens an http(s) link in the system browser once the analyst confirms; true if it was opened. */
export async function confirmOpenExternal(url: string): Promise<boolean> {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return false;
  const options = {
    type: 'question' as const,
    buttons: ['Open in Browser', 'Cancel'],
    defaultId: 0,
    cancelId: 1,
    message: 'Open this link in your web browser?',
    detail: `${parsed.href}\n\nQuire itself never goes online; your browser will.`,
  };
  const mainWindow = getMainWindow();
  const { response } = mainWindow ? await dialog.showMessageBox(mainWindow, options) : await dialog.showMessageBox(options);
  if (response !== 0) return false;
  await shell.openExternal(parsed.href);
  return true;
}

/** The import dialog: documents (or folders) chosen by the analyst; empty when cancelled. */
export async function pickPaths(kind: 'files' | 'folder'): Promise<string[]> {
  const options: Electron.OpenDialogOptions =
    kind === 'folder'
      ? { title: 'Import a folder', buttonLabel: 'Import', properties: ['openDirectory', 'multiSelections'] }
      : {
          title: 'Import files',
          buttonLabel: 'Import',
          properties: ['openFile', 'multiSelections'],
          filters: [
            { name: 'Documents', extensions: DOCUMENT_EXTENSIONS },
            { name: 'All files', extensions: ['*'] },
          ],
        };
  const mainWindow = getMainWindow();
  const result = mainWindow ? await dialog.showOpenDialog(mainWindow, options) : await dialog.showOpenDialog(options);
  return result.canceled ? [] : result.filePaths;
}
