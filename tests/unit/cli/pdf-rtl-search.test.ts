/**
 * Arabic and Persian PDFs from each producer (tests/fixtures/pdf-rtl) imported with the real `quire`
 * binary (dist, built by `npm run build:node`) and found by `quire search`: whole words, phrases,
 * ZWNJ spellings and both digit sets. A word split or reversed by the import would not be found.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it, vi } from 'vitest';

vi.setConfig({ testTimeout: 180_000 });

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const BIN = join(ROOT, 'bin', 'quire.js');
const FIXTURES = join(ROOT, 'tests', 'fixtures', 'pdf-rtl');
const AR_TITLE = 'بيان وزارة الخارجية بشأن المحادثات مع طهران';
const FA_TITLE = 'گزارش نشست کارشناسان درباره روابط ایران و بحرین';

function quire(args: readonly string[]): unknown {
  const result = spawnSync(process.execPath, [BIN, ...args, '--json'], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, QUIRE_LIBRARY: '', QUIRE_DEBUG: '' },
    timeout: 60_000,
  });
  if (result.status !== 0) throw new Error(`quire ${args.join(' ')} exited ${result.status}: ${result.stderr}`);
  return JSON.parse(result.stdout) as unknown;
}

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('quire search finds Arabic and Persian PDFs by their words', () => {
  for (const producer of ['chromium', 'libreoffice', 'legacy']) {
    it(`${producer} PDFs`, () => {
      const dir = mkdtempSync(join(tmpdir(), 'quire-rtl-'));
      dirs.push(dir);
      const lib = join(dir, 'lib');
      const imported = quire(['import', join(FIXTURES, `statement.ar.${producer}.pdf`), join(FIXTURES, `report.fa.${producer}.pdf`), '--library', lib]) as {
        imported: { title: string; language: string; direction: string }[];
      };
      expect(imported.imported.map((a) => [a.title, a.language, a.direction])).toEqual([
        [AR_TITLE, 'ar', 'rtl'],
        [FA_TITLE, 'fa', 'rtl'],
      ]);
      const titles = (query: string): string[] =>
        (quire(['search', query, '--library', lib]) as { results: { title: string }[] }).results.map((r) => r.title);
      // Single words as `=word` (that spelling only): the point is that the import kept each word whole, and
      // stemming would also (rightly) find الإيراني's stem ايران in the Persian report.
      for (const query of ['"المكاتب القنصلية"', '"لا تزال ملتزمة"', '=باقري', '"أيار/مايو"', '=٢٠٢٤', '=الإيراني']) {
        expect(titles(query), query).toEqual([AR_TITLE]);
      }
      for (const query of ['"چارچوب‌های پیشنهادی"', '=سه‌شنبه', '"ژانویه ۲۰۱۶"', '=پژوهشگران', '=گفت‌وگوها', '=۱۴۰۳']) {
        expect(titles(query), query).toEqual([FA_TITLE]);
      }
    });
  }
});
