#!/usr/bin/env node
/**
 * Writes an Arabic PDF the way old producers did (pre-OpenType layout engines, some report
 * generators and PDF libraries still): the text is shaped by the program itself into Arabic
 * presentation forms (ﺑ ﺒ ﺐ, the lam–alef ligature ﻻ), each line drawn as one string in visual order
 * (right to left already reversed), and the ToUnicode map gives those presentation forms, not letters.
 * No harakat (those producers dropped them). The font is DejaVu Sans, which maps every presentation
 * form, subset to the glyphs used and embedded, so the page renders as well as it extracts.
 *
 *   node scripts/make-presentation-form-pdf.mjs tests/fixtures/pdf-rtl/statement.ar.html out.pdf
 *
 * Used by scripts/make-rtl-pdf-fixtures.sh; the PDF is committed (tests/fixtures/pdf-rtl/README.md).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { PDFDocument, PDFName, PDFString } from 'pdf-lib';

const FONT = process.env.PRESENTATION_FONT ?? '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf';
const [input, output] = process.argv.slice(2);
if (!input || !output) {
  console.error('usage: make-presentation-form-pdf.mjs <source.html> <out.pdf>');
  process.exit(2);
}

// ---- Shaping: letter → its four forms, from the compatibility decompositions of U+FB50–U+FEFC ----

const HARAKAT = /[\u064b-\u065f\u0670\u0640]/g;
/** base letter → [isolated, final, initial, medial] (right-joining letters have two). */
const FORMS = new Map();
{
  let group = [];
  let base = null;
  const flush = () => {
    if (base && (group.length === 2 || group.length === 4) && !FORMS.has(base)) FORMS.set(base, group);
  };
  // Forms-B first (the basic letters), then Forms-A (Persian and other letters).
  const codes = [];
  for (let cp = 0xfe70; cp <= 0xfefc; cp++) codes.push(cp);
  for (let cp = 0xfb50; cp <= 0xfdff; cp++) codes.push(cp);
  for (const cp of codes) {
    const c = String.fromCodePoint(cp);
    const decomposed = c.normalize('NFKC');
    if (decomposed === c || [...decomposed].length !== 1) {
      flush();
      group = [];
      base = null;
      continue;
    }
    if (decomposed !== base) {
      flush();
      group = [];
      base = decomposed;
    }
    group.push(c);
  }
  flush();
}
const LAM_ALEF = { '\u0622': ['\ufef5', '\ufef6'], '\u0623': ['\ufef7', '\ufef8'], '\u0625': ['\ufef9', '\ufefa'], '\u0627': ['\ufefb', '\ufefc'] };

const dual = (c) => FORMS.get(c)?.length === 4;
const joins = (c) => FORMS.has(c);

/** Logical Arabic text → presentation forms, still in logical order. */
function shape(text) {
  const chars = [...text.replace(HARAKAT, '')];
  let out = '';
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i];
    const prev = chars[i - 1];
    const joinsPrev = prev !== undefined && dual(prev) && joins(c);
    if (c === '\u0644' && LAM_ALEF[chars[i + 1]]) {
      out += LAM_ALEF[chars[i + 1]][joinsPrev ? 1 : 0];
      i++;
      continue;
    }
    const forms = FORMS.get(c);
    if (!forms) {
      out += c;
      continue;
    }
    const next = chars[i + 1];
    const joinsNext = dual(c) && next !== undefined && joins(next);
    const form = joinsPrev && joinsNext ? 3 : joinsPrev ? 1 : joinsNext ? 2 : 0;
    out += forms[form] ?? forms[0];
  }
  return out;
}

/** Visual order of a right-to-left line: reversed, numbers and Latin kept left to right. */
function visual(line) {
  const runs = line.match(/[0-9A-Za-z٠-٩۰-۹.,:/%-]*[0-9A-Za-z٠-٩۰-۹]|[^0-9A-Za-z٠-٩۰-۹]/g) ?? [];
  return runs.reverse().map((run) => (/^[^0-9A-Za-z٠-٩۰-۹]$/.test(run) ? mirror(run) : run)).join('');
}
const MIRRORED = { '(': ')', ')': '(', '«': '»', '»': '«', '[': ']', ']': '[' };
const mirror = (c) => MIRRORED[c] ?? c;

// ---- The font: cmap, widths, and a subset keeping glyph ids (unused glyphs emptied) ----

const ttf = readFileSync(FONT);
const tables = new Map();
for (let i = 0, n = ttf.readUInt16BE(4); i < n; i++) {
  const at = 12 + i * 16;
  tables.set(ttf.toString('latin1', at, at + 4), { offset: ttf.readUInt32BE(at + 8), length: ttf.readUInt32BE(at + 12) });
}
const table = (tag) => {
  const t = tables.get(tag);
  return ttf.subarray(t.offset, t.offset + t.length);
};
const head = table('head');
const unitsPerEm = head.readUInt16BE(18);
const longLoca = head.readInt16BE(50) === 1;
const numGlyphs = table('maxp').readUInt16BE(4);
const hhea = table('hhea');
const numberOfHMetrics = hhea.readUInt16BE(34);
const hmtx = table('hmtx');
const advance = (gid) => hmtx.readUInt16BE(4 * Math.min(gid, numberOfHMetrics - 1));
const loca = table('loca');
const glyphOffset = (gid) => (longLoca ? loca.readUInt32BE(gid * 4) : loca.readUInt16BE(gid * 2) * 2);

function cmapLookup() {
  const cmap = table('cmap');
  let sub = null;
  for (let i = 0, n = cmap.readUInt16BE(2); i < n; i++) {
    const platform = cmap.readUInt16BE(4 + i * 8);
    const encoding = cmap.readUInt16BE(6 + i * 8);
    const offset = cmap.readUInt32BE(8 + i * 8);
    if (cmap.readUInt16BE(offset) === 4 && ((platform === 3 && encoding === 1) || platform === 0)) sub = cmap.subarray(offset);
  }
  if (!sub) throw new Error('no format-4 cmap');
  const segCount = sub.readUInt16BE(6) / 2;
  const ends = 14;
  const starts = ends + segCount * 2 + 2;
  const deltas = starts + segCount * 2;
  const ranges = deltas + segCount * 2;
  return (cp) => {
    for (let s = 0; s < segCount; s++) {
      if (cp > sub.readUInt16BE(ends + s * 2)) continue;
      const start = sub.readUInt16BE(starts + s * 2);
      if (cp < start) return 0;
      const delta = sub.readInt16BE(deltas + s * 2);
      const rangeOffset = sub.readUInt16BE(ranges + s * 2);
      if (rangeOffset === 0) return (cp + delta) & 0xffff;
      const gid = sub.readUInt16BE(ranges + s * 2 + rangeOffset + (cp - start) * 2);
      return gid === 0 ? 0 : (gid + delta) & 0xffff;
    }
    return 0;
  };
}
const glyphOf = cmapLookup();

function withComponents(gids) {
  const glyf = table('glyf');
  const keep = new Set([0, ...gids]);
  const queue = [...keep];
  while (queue.length) {
    const gid = queue.pop();
    const start = glyphOffset(gid);
    if (glyphOffset(gid + 1) === start || glyf.readInt16BE(start) >= 0) continue;
    let at = start + 10;
    for (;;) {
      const flags = glyf.readUInt16BE(at);
      const component = glyf.readUInt16BE(at + 2);
      if (!keep.has(component)) {
        keep.add(component);
        queue.push(component);
      }
      at += 4 + (flags & 1 ? 4 : 2) + (flags & 8 ? 2 : flags & 0x40 ? 4 : flags & 0x80 ? 8 : 0);
      if (!(flags & 0x20)) break;
    }
  }
  return keep;
}

function subsetFont(gids) {
  const keep = withComponents(gids);
  const glyf = table('glyf');
  const parts = [];
  const offsets = [0];
  let size = 0;
  for (let gid = 0; gid < numGlyphs; gid++) {
    if (keep.has(gid)) {
      let data = glyf.subarray(glyphOffset(gid), glyphOffset(gid + 1));
      if (data.length % 4) data = Buffer.concat([data, Buffer.alloc(4 - (data.length % 4))]);
      parts.push(data);
      size += data.length;
    }
    offsets.push(size);
  }
  const newLoca = Buffer.alloc(offsets.length * 4);
  offsets.forEach((o, i) => newLoca.writeUInt32BE(o, i * 4));
  const newHead = Buffer.from(table('head'));
  newHead.writeUInt32BE(0, 8);
  newHead.writeInt16BE(1, 50);
  const out = new Map([
    ['OS/2', table('OS/2')],
    ['cvt ', table('cvt ')],
    ['fpgm', table('fpgm')],
    ['glyf', Buffer.concat(parts)],
    ['head', newHead],
    ['hhea', table('hhea')],
    ['hmtx', table('hmtx')],
    ['loca', newLoca],
    ['maxp', table('maxp')],
    ['name', table('name')],
    ['prep', table('prep')],
  ]);
  const headerSize = 12 + out.size * 16;
  const header = Buffer.alloc(headerSize);
  header.writeUInt32BE(0x00010000, 0);
  header.writeUInt16BE(out.size, 4);
  const bodies = [];
  let offset = headerSize;
  [...out.entries()].forEach(([tag, data], i) => {
    const padded = Buffer.concat([data, Buffer.alloc((4 - (data.length % 4)) % 4)]);
    let sum = 0;
    for (let j = 0; j < padded.length; j += 4) sum = (sum + padded.readUInt32BE(j)) >>> 0;
    header.write(tag, 12 + i * 16, 'latin1');
    header.writeUInt32BE(sum, 16 + i * 16);
    header.writeUInt32BE(offset, 20 + i * 16);
    header.writeUInt32BE(data.length, 24 + i * 16);
    bodies.push(padded);
    offset += padded.length;
  });
  return Buffer.concat([header, ...bodies]);
}

// ---- The document: title and paragraphs from the HTML source, wrapped by width ----

const html = readFileSync(input, 'utf8');
const decode = (s) => s.replace(/<[^>]+>/g, '').replace(/&amp;/g, '&').replace(/\s+/g, ' ').trim();
const title = decode(/<h1[^>]*>([\s\S]*?)<\/h1>/.exec(html)?.[1] ?? '');
const paragraphs = [...html.matchAll(/<p[^>]*>([\s\S]*?)<\/p>/g)].map((m) => decode(m[1]));

const PAGE = [595.28, 841.89];
const MARGIN = 60;
const width = (text, size) => [...text].reduce((w, c) => w + advance(glyphOf(c.codePointAt(0))), 0) * (size / unitsPerEm);

function wrap(text, size) {
  const lines = [];
  let line = '';
  for (const word of text.split(' ')) {
    const candidate = line ? `${line} ${word}` : word;
    if (line && width(shape(candidate), size) > PAGE[0] - 2 * MARGIN) {
      lines.push(line);
      line = word;
    } else line = candidate;
  }
  if (line) lines.push(line);
  return lines;
}

const blocks = [
  { size: 18, lines: wrap(title, 18) },
  ...paragraphs.map((p) => ({ size: 12, lines: wrap(p, 12) })),
];
const used = new Set();
const ops = ['BT'];
let y = PAGE[1] - MARGIN - 18;
for (const block of blocks) {
  for (const line of block.lines) {
    const glyphs = [...visual(shape(line))].map((c) => glyphOf(c.codePointAt(0)));
    glyphs.forEach((g) => used.add(g));
    const w = glyphs.reduce((sum, g) => sum + advance(g), 0) * (block.size / unitsPerEm);
    // Right-aligned, as a right-to-left page is.
    ops.push(`/F1 ${block.size} Tf 1 0 0 1 ${(PAGE[0] - MARGIN - w).toFixed(2)} ${y.toFixed(2)} Tm <${glyphs.map((g) => g.toString(16).padStart(4, '0')).join('')}> Tj`);
    y -= block.size * 1.6;
  }
  y -= block.size * 0.8;
}
ops.push('ET');

const toUnicode = new Map();
for (const block of blocks) {
  for (const line of block.lines) for (const c of shape(line)) toUnicode.set(glyphOf(c.codePointAt(0)), c);
}
const hex = (s) => [...s].map((c) => c.codePointAt(0).toString(16).padStart(4, '0')).join('');
const bfchars = [...toUnicode.entries()].filter(([g]) => g !== 0).map(([g, c]) => `<${g.toString(16).padStart(4, '0')}> <${hex(c)}>`);
const chunks = [];
for (let i = 0; i < bfchars.length; i += 100) chunks.push(`${Math.min(100, bfchars.length - i)} beginbfchar\n${bfchars.slice(i, i + 100).join('\n')}\nendbfchar`);
const cmapText = `/CIDInit /ProcSet findresource begin 12 dict begin begincmap
/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def
/CMapName /Adobe-Identity-UCS def /CMapType 2 def
1 begincodespacerange <0000> <FFFF> endcodespacerange
${chunks.join('\n')}
endcmap CMapName currentdict /CMap defineresource pop end end`;

const doc = await PDFDocument.create({ updateMetadata: false });
doc.setTitle(title);
doc.setProducer('make-presentation-form-pdf (Quire test fixture)');
const ctx = doc.context;
const font = subsetFont([...used]);
const fontFile = ctx.register(ctx.flateStream(font, { Length1: font.length }));
const descriptor = ctx.register(
  ctx.obj({ Type: 'FontDescriptor', FontName: 'AAAAAA+DejaVuSans', Flags: 4, FontBBox: [-1021, -463, 1793, 1232], ItalicAngle: 0, Ascent: 928, Descent: -236, CapHeight: 729, StemV: 80, FontFile2: fontFile }),
);
const widths = [...used].sort((a, b) => a - b).flatMap((g) => [g, [Math.round((advance(g) * 1000) / unitsPerEm)]]);
const cidFont = ctx.register(
  ctx.obj({
    Type: 'Font',
    Subtype: 'CIDFontType2',
    BaseFont: 'AAAAAA+DejaVuSans',
    CIDSystemInfo: { Registry: PDFString.of('Adobe'), Ordering: PDFString.of('Identity'), Supplement: 0 },
    FontDescriptor: descriptor,
    CIDToGIDMap: 'Identity',
    W: widths,
  }),
);
const type0 = ctx.register(
  ctx.obj({ Type: 'Font', Subtype: 'Type0', BaseFont: 'AAAAAA+DejaVuSans', Encoding: 'Identity-H', DescendantFonts: [cidFont], ToUnicode: ctx.register(ctx.flateStream(cmapText)) }),
);
const page = doc.addPage(PAGE);
page.node.setFontDictionary(PDFName.of('F1'), type0);
page.node.set(PDFName.of('Contents'), ctx.register(ctx.flateStream(ops.join('\n'))));
writeFileSync(output, await doc.save({ useObjectStreams: false }));
console.log(`${output}: ${blocks.reduce((n, b) => n + b.lines.length, 0)} lines, ${used.size} glyphs`);
