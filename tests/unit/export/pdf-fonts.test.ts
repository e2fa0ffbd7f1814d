/**
 * The Arabic-script print font, kept honest (docs/pdf-arabic.md): the export's face, as the export
 * styles it, prints Arabic and Persian news paragraphs whose PDF text layer gives back every word,
 * whole and in logical order, to pdftotext and to the PDF importer (pdf.js), from that face alone;
 * the font used before fails the same measurement, so the measurement can fail.
 */
import { describe, expect, test } from 'vitest';
import { EXPORT_FONTS, PREVIOUS_FONT, measureFont, roundTrips, type FontMeasurement } from '../../../electron/core/export/font-measure.js';
import { withChromiumPrinter } from '../../../electron/core/export/pdf.js';

function failures(m: FontMeasurement): string[] {
  return m.samples.flatMap((s) => [
    ...s.pdftotext.missing.map((w) => `pdftotext lost ${w} (${s.sample.lang})`),
    ...(s.pdftotext.inOrder ? [] : [`pdftotext order (${s.sample.lang})`]),
    ...s.quire.missing.map((w) => `import lost ${w} (${s.sample.lang})`),
    ...(s.quire.inOrder ? [] : [`import order (${s.sample.lang})`]),
  ]);
}

describe('Arabic-script print font', () => {
  test('the export font round-trips Arabic and Persian (regular and bold); the previous font does not', async () => {
    const [regular, bold, previous] = await withChromiumPrinter(async (printer) => [
      await measureFont(EXPORT_FONTS[0]!, printer),
      await measureFont(EXPORT_FONTS[1]!, printer),
      await measureFont(PREVIOUS_FONT, printer),
    ]);
    for (const m of [regular!, bold!]) {
      expect(failures(m), m.candidate.name).toEqual([]);
      // Persian letters, both digit sets, ZWNJ words: all drawn by the font itself, no fallback face.
      expect(m.embeddedFonts, m.candidate.name).toHaveLength(1);
      expect(m.embeddedFonts[0]).toMatch(/^Amiri-(Regular|Bold)$/);
      expect(m.pdfjsPresentationForms).toBe(0);
      expect(roundTrips(m)).toBe(true);
    }
    expect(roundTrips(previous!)).toBe(false);
    expect(previous!.samples.reduce((n, s) => n + s.pdftotext.missing.length, 0)).toBeGreaterThan(50);
    expect(previous!.pdfjsPresentationForms).toBeGreaterThan(0);
  }, 120_000);
});
