/**
 * Runs one `quire` command as a child process and, when asked, SIGKILLs it `killAtMs` after the spawn.
 * stdout and stderr are read as they stream, so whatever the child printed before it died is kept:
 * a complete JSON document on stdout is the command's acknowledgement; with QUIRE_DEBUG=import, each
 * `[import] stored <id> original <sha256>` line on stderr acknowledges one article of a longer import.
 */
import { spawn } from 'node:child_process';

/**
 * @returns {Promise<{killed: boolean, code: number|null, signal: string|null, elapsedMs: number,
 *   stdout: string, stderr: string, json: unknown, acked: boolean, storedArticles: {id: string, sha256: string}[]}>}
 */
export function runQuire({ quire, library, args, killAtMs = null, input = null, timeoutMs = 120_000 }) {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, [quire, '--library', library, '--json', ...args], {
      env: { ...process.env, QUIRE_DEBUG: 'import', FORCE_COLOR: '0' },
      stdio: [input === null ? 'ignore' : 'pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    let killSent = false;
    child.stdout.setEncoding('utf8').on('data', (chunk) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk) => (stderr += chunk));
    if (input !== null) child.stdin.end(input);
    const killTimer = killAtMs === null ? null : setTimeout(() => {
      killSent = true;
      child.kill('SIGKILL');
    }, killAtMs);
    // A hung command is a failure of its own; never wait for ever.
    const hangTimer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      if (killTimer) clearTimeout(killTimer);
      clearTimeout(hangTimer);
      const elapsedMs = performance.now() - started;
      let json;
      try {
        json = JSON.parse(stdout);
      } catch {
        json = undefined;
      }
      const storedArticles = [...stderr.matchAll(/^\[import\] stored (art_\S+) original ([0-9a-f]{64})$/gm)].map((m) => ({ id: m[1], sha256: m[2] }));
      resolve({
        // Killed by us (not finished first): the signal is what the process died of.
        killed: killSent && signal === 'SIGKILL',
        hung: !killSent && signal === 'SIGKILL',
        code,
        signal,
        elapsedMs,
        stdout,
        stderr,
        json,
        acked: json !== undefined,
        storedArticles,
      });
    });
  });
}
