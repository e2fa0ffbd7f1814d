/**
 * The `quire` command-line tool: one door onto the same core the app uses.
 * Each area registers its commands from its own module in cli/.
 */
import { Command, CommanderError } from 'commander';
import { EXIT, reportError } from './cli/context.js';
import { registerLibraryCommands } from './cli/library-commands.js';
import { registerExportCommands } from './cli/export-commands.js';
import { registerDossierCommands } from './cli/dossier-commands.js';
import { registerNoteCommands } from './cli/note-commands.js';
import { registerImportCommands } from './cli/import-commands.js';
import { registerServeCommand } from './cli/serve-command.js';
import { registerSearchCommands } from './cli/search-commands.js';
import { registerAnnotationCommands } from './cli/annotation-commands.js';
import { registerTimelineCommands } from './cli/timeline-commands.js';
import { registerBackupCommands } from './cli/backup-commands.js';

export function buildProgram(): Command {
  const program = new Command();
  program
    .name('quire')
    .description('Quire: offline research notes. Import articles, highlight, search, and export dossiers.')
    .version(process.env['npm_package_version'] ?? '0.1.0', '-V, --version')
    .option('--library <dir>', 'the library folder (default: $QUIRE_LIBRARY, else the app-data folder)')
    .option('--json', 'machine-readable output on stdout')
    .showHelpAfterError('(run with --help for usage)')
    .configureOutput({ writeErr: (text) => process.stderr.write(text) })
    .exitOverride();
  registerLibraryCommands(program);
  registerExportCommands(program);
  registerDossierCommands(program);
  registerNoteCommands(program);
  registerImportCommands(program);
  registerServeCommand(program);
  registerSearchCommands(program);
  registerAnnotationCommands(program);
  registerTimelineCommands(program);
  registerBackupCommands(program);
  return program;
}

export async function runCli(argv: readonly string[]): Promise<number> {
  const program = buildProgram();
  // Subcommands report usage errors through the same path as the program.
  for (const command of program.commands) {
    command.exitOverride();
    command.configureOutput({ writeErr: (text) => process.stderr.write(text) });
  }
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return process.exitCode === undefined ? EXIT.ok : Number(process.exitCode);
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.code === 'commander.help') {
        return EXIT.ok;
      }
      return EXIT.usage;
    }
    return reportError(error);
  }
}

const code = await runCli(process.argv.slice(2));
process.exitCode = code;
