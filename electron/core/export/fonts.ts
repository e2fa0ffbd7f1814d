/**
 * The print view's fonts, inlined as base64 `@font-face` rules so the document is self-contained and
 * loads nothing. Only what a dossier needs: Source Serif 4 for the text, Inter for the apparatus
 * (citation blocks, headers), Amiri for Arabic and Persian; Latin, Latin-extended and Arabic subsets
 * only, each limited to its unicode-range so Chromium picks the right face per character.
 *
 * The Arabic face is chosen by measurement (docs/pdf-arabic.md, electron/core/export/font-measure.ts):
 * it is the one whose PDF text layer gives back whole words in logical order (pdftotext and pdf.js),
 * printed with kerning off (ARABIC_TEXT_CSS): Amiri's kerning opens gaps inside words that text
 * extraction reads as spaces ("الز ياني"). Noto Naskh Arabic, used before, maps its contextual glyphs
 * to nothing or to presentation forms, so copied text came out in broken letters.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { QuireError } from '../errors.js';

const require = createRequire(import.meta.url);

interface FaceSpec {
  readonly family: string;
  readonly pkg: string;
  readonly subset: string;
  readonly weight: number;
  readonly style: 'normal' | 'italic';
}

export const SERIF = 'Source Serif 4';
export const SANS = 'Inter';
export const ARABIC = 'Amiri';
/** The @fontsource package of ARABIC. */
export const ARABIC_PACKAGE = 'amiri';
/** CSS for right-to-left text in ARABIC, part of what was measured. */
export const ARABIC_TEXT_CSS = 'font-kerning:none;';

function faces(family: string, pkg: string, subsets: string[], variants: [number, 'normal' | 'italic'][]): FaceSpec[] {
  return subsets.flatMap((subset) => variants.map(([weight, style]) => ({ family, pkg, subset, weight, style })));
}

const FACES: readonly FaceSpec[] = [
  ...faces(SERIF, 'source-serif-4', ['latin', 'latin-ext'], [
    [400, 'normal'],
    [400, 'italic'],
    [600, 'normal'],
  ]),
  ...faces(SANS, 'inter', ['latin', 'latin-ext'], [
    [400, 'normal'],
    [600, 'normal'],
  ]),
  ...faces(ARABIC, ARABIC_PACKAGE, ['arabic'], [
    [400, 'normal'],
    [700, 'normal'],
  ]),
];

function readPackageFile(pkg: string, file: string): Buffer {
  try {
    return readFileSync(require.resolve(`@fontsource/${pkg}/${file}`));
  } catch (error) {
    throw new QuireError(
      'export_fonts_missing',
      `The fonts for printing are missing (@fontsource/${pkg}). Reinstall Quire, or run "npm install" in its folder.`,
      { cause: error },
    );
  }
}

const rangesByPackage = new Map<string, Record<string, string>>();

function unicodeRange(pkg: string, subset: string): string {
  let ranges = rangesByPackage.get(pkg);
  if (!ranges) {
    ranges = JSON.parse(readPackageFile(pkg, 'unicode.json').toString('utf8')) as Record<string, string>;
    rangesByPackage.set(pkg, ranges);
  }
  const range = ranges[subset];
  if (!range) throw new QuireError('export_fonts_missing', `The print font ${pkg} has no ${subset} subset.`);
  return range;
}

let cached: string | null = null;

/** The `@font-face` rules (about 400 KB of base64), built once per process. */
export function fontFaceCss(): string {
  if (cached !== null) return cached;
  cached = FACES.map((face) => {
    const file = `files/${face.pkg}-${face.subset}-${face.weight}-${face.style}.woff2`;
    const data = readPackageFile(face.pkg, file).toString('base64');
    return `@font-face{font-family:'${face.family}';font-style:${face.style};font-weight:${face.weight};font-display:block;` +
      `src:url(data:font/woff2;base64,${data}) format('woff2');unicode-range:${unicodeRange(face.pkg, face.subset)};}`;
  }).join('\n');
  return cached;
}
