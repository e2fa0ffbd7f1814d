/**
 * One logger per module, named. Quiet by default (the CLI's stdout is a contract);
 * QUIRE_DEBUG=1 (or a comma-separated list of module names) turns it on, to stderr.
 */
export interface Logger {
  debug(message: string, ...details: unknown[]): void;
  warn(message: string, ...details: unknown[]): void;
}

function enabled(name: string): boolean {
  const setting = process.env['QUIRE_DEBUG'];
  if (!setting) return false;
  if (setting === '1' || setting === '*') return true;
  return setting.split(',').map((s) => s.trim()).includes(name);
}

export function createLogger(name: string): Logger {
  return {
    debug(message, ...details) {
      if (enabled(name)) console.error(`[${name}] ${message}`, ...details);
    },
    warn(message, ...details) {
      console.error(`[${name}] warning: ${message}`, ...details);
    },
  };
}
