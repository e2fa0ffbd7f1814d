import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Command } from 'commander';
import { UsageError } from '../core/errors.js';
import { defaultLibraryDir } from '../core/paths.js';
import { startSearchService } from '../api/search-service.js';
import { LibrarySession } from '../api/session.js';
import { defaultRendererDir, startServer } from '../serve.js';
import { globalOptions } from './context.js';

interface ServeCommandOptions {
  readonly port?: string;
  readonly open?: boolean;
}

/**
 * `quire serve`: browser mode. The first line on stdout is the URL (with its token); tests and
 * scripts parse it. Runs until Ctrl+C (SIGINT) or SIGTERM, then closes the server, search and library.
 */
export function registerServeCommand(program: Command): void {
  program
    .command('serve')
    .description('run Quire in your web browser: serves the app on 127.0.0.1 with a one-time access token')
    .option('--port <n>', 'the port to listen on (default: any free port)')
    .option('--no-open', 'do not open the browser, just print the address')
    .action(async (options: ServeCommandOptions, command: Command) => {
      const port = parsePort(options.port);
      const { library: libraryDir } = globalOptions(command);
      // The index loads in the background: the page and every non-search call answer at once.
      // A damaged database does not stop the server: it starts in recovery mode (docs/backups.md).
      const session = new LibrarySession({ dir: resolve(libraryDir ?? defaultLibraryDir()), by: 'serve', startSearch: startSearchService });
      session.open();
      let server;
      try {
        server = await startServer(session.context, { port });
      } catch (error) {
        await session.close();
        if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') {
          throw new UsageError(`Port ${port} is already in use; choose another with --port, or leave it out to pick a free one.`);
        }
        throw error;
      }

      process.stdout.write(`${server.url}\n`);
      process.stderr.write(`Quire is serving the library ${session.dir}\n`);
      if (session.damaged) {
        process.stderr.write(`${session.damaged.message}\nThe app opens in recovery mode: restore a backup from there, or with the command above.\n`);
      }
      if (!existsSync(join(defaultRendererDir(), 'index.html'))) {
        process.stderr.write('Warning: the interface is not built yet; run `npm run build:renderer` (the API works meanwhile).\n');
      }
      process.stderr.write('Open the address above in a browser (it contains the access key). Press Ctrl+C to stop.\n');
      if (options.open !== false) openBrowser(server.url);

      await new Promise<void>((resolveStop) => {
        let stopping = false;
        const stop = (signal: NodeJS.Signals): void => {
          if (stopping) return;
          stopping = true;
          process.stderr.write(`\nStopping Quire (${signal})…\n`);
          // A stuck close must not keep the terminal hostage.
          setTimeout(() => process.exit(1), 5000).unref();
          void (async () => {
            await server.close();
            await session.close().catch(() => undefined);
            process.off('SIGINT', stop);
            process.off('SIGTERM', stop);
            resolveStop();
          })();
        };
        process.on('SIGINT', stop);
        process.on('SIGTERM', stop);
      });
    });
}

function parsePort(value: string | undefined): number {
  if (value === undefined) return 0;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new UsageError(`--port takes a number from 1 to 65535, not “${value}”.`);
  }
  return port;
}

/** Best effort: on a machine without a desktop the address printed above is enough. */
function openBrowser(url: string): void {
  const platform = process.platform;
  if (platform === 'linux' && !process.env['DISPLAY'] && !process.env['WAYLAND_DISPLAY']) return;
  const [command, args] =
    platform === 'darwin'
      ? ['open', [url]]
      : platform === 'win32'
        ? ['cmd', ['/c', 'start', '""', url.replace(/&/g, '^&')]]
        : ['xdg-open', [url]];
  try {
    const child = spawn(command, args as string[], { stdio: 'ignore', detached: true });
    child.on('error', () => undefined);
    child.unref();
  } catch {
    // No browser opener: the printed address is the fallback.
  }
}
