#!/usr/bin/env node
/**
 * Prints the Arabic-script font measurement (docs/pdf-arabic.md): each candidate prints the same
 * Arabic and Persian paragraphs through the export's Chromium printer, then pdftotext, pdf.js and
 * Quire's PDF importer read them back. Needs the built core, Chromium and poppler-utils.
 *
 *   npm run build:node && node scripts/measure-pdf-fonts.mjs
 */
import { existsSync } from 'node:fs';

const dist = new URL('../dist/electron/core/export/', import.meta.url);
if (!existsSync(new URL('font-measure.js', dist))) {
  console.error('measure-pdf-fonts: build first (npm run build:node).');
  process.exit(2);
}
const { FONT_CANDIDATES, measureFont, measurementTable } = await import(new URL('font-measure.js', dist).href);
const { withChromiumPrinter } = await import(new URL('pdf.js', dist).href);

const rows = await withChromiumPrinter(async (printer) => {
  const out = [];
  for (const candidate of FONT_CANDIDATES) {
    process.stderr.write(`measuring ${candidate.name}…\n`);
    out.push(await measureFont(candidate, printer));
  }
  return out;
});
console.log(measurementTable(rows));
for (const row of rows) {
  for (const s of row.samples) {
    const lost = [...new Set([...s.pdftotext.missing, ...s.quire.missing])];
    if (lost.length) console.log(`${row.candidate.name} [${s.sample.lang}]: pdftotext lost ${s.pdftotext.missing.join(' ') || '-'}; import lost ${s.quire.missing.join(' ') || '-'}`);
  }
}
