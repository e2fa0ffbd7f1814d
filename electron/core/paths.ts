import { homedir } from 'node:os';
import { join } from 'node:path';

/**
 * Where the library lives when nobody says otherwise: the folder Electron's `app.getPath('userData')`
 * gives for an app named Quire, so the desktop app and the CLI find the same library.
 */
export function defaultLibraryDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  const fromEnv = env['QUIRE_LIBRARY'];
  if (fromEnv) return fromEnv;
  const home = homedir();
  switch (platform) {
    case 'darwin':
      return join(home, 'Library', 'Application Support', 'Quire');
    case 'win32':
      return join(env['APPDATA'] ?? join(home, 'AppData', 'Roaming'), 'Quire');
    default:
      return join(env['XDG_CONFIG_HOME'] ?? join(home, '.config'), 'Quire');
  }
}
