/**
 * Ways a database file gets damaged in the wild, done to a closed library's quire.sqlite:
 * a bad sector (bytes flipped inside pages), a truncated file, a zeroed header, a sync tool that copied
 * only the first part of the file, and the 0-byte file a failed copy leaves.
 */
import { readFileSync, truncateSync, writeFileSync } from 'node:fs';

export type Damage = 'flip-pages' | 'flip-schema' | 'truncate' | 'zero-header' | 'half-copied' | 'empty';

const PAGE = 4096;

export function damageFile(file: string, how: Damage): void {
  const bytes = readFileSync(file);
  switch (how) {
    case 'flip-pages': {
      // Every page after the first gets bytes flipped in its header and cells: what a failing sector does.
      for (let page = 1; page * PAGE < bytes.length; page++) {
        for (let i = 0; i < 64; i++) {
          const at = page * PAGE + ((i * 61) % PAGE);
          bytes[at] = (bytes[at] ?? 0) ^ 0xa5;
        }
      }
      writeFileSync(file, bytes);
      return;
    }
    case 'flip-schema': {
      // The table definitions in sqlite_master: "malformed database schema" at open.
      const needle = Buffer.from('CREATE TABLE annotations');
      let at = bytes.indexOf(needle);
      if (at < 0) throw new Error('no schema text found to damage');
      while (at >= 0) {
        for (let i = 0; i < needle.length; i += 3) bytes[at + i] = (bytes[at + i] ?? 0) ^ 0x5a;
        at = bytes.indexOf(needle, at + 1);
      }
      writeFileSync(file, bytes);
      return;
    }
    case 'truncate':
      truncateSync(file, Math.floor(bytes.length / PAGE / 3) * PAGE + 100);
      return;
    case 'zero-header':
      bytes.fill(0, 0, 100);
      writeFileSync(file, bytes);
      return;
    case 'half-copied':
      // The first half arrived, the rest is zeros (pre-allocated by the copying tool).
      bytes.fill(0, Math.floor(bytes.length / 2));
      writeFileSync(file, bytes);
      return;
    case 'empty':
      truncateSync(file, 0);
      return;
  }
}
