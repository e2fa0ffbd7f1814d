import JSZip from 'jszip';
import mammoth from 'mammoth';
import { JSDOM, VirtualConsole } from 'jsdom';
import { ImportError } from '../errors.js';
import { createLogger } from '../log.js';
import { blocksFromHtml } from './blocks-from-dom.js';
import { normaliseDate } from './dates.js';
import type { RawArticle } from './types.js';

const log = createLogger('import.docx');

/**
 * Word documents through mammoth (headings by paragraph style, lists, bold/italic/underline/strike,
 * links) to HTML, then the same sanitiser as web pages. Images are not converted at all, and
 * mammoth's access to files linked from the document is off. Title, author and date come from the
 * package's core properties (docProps/core.xml), read with JSZip.
 */

interface CoreProperties {
  readonly title: string | null;
  readonly creator: string | null;
  readonly created: string | null;
  readonly keywords: string[];
  readonly language: string | null;
}

const NO_PROPERTIES: CoreProperties = { title: null, creator: null, created: null, keywords: [], language: null };

async function coreProperties(bytes: Uint8Array): Promise<CoreProperties> {
  try {
    const zip = await JSZip.loadAsync(bytes);
    const xml = await zip.file('docProps/core.xml')?.async('string');
    if (!xml) return NO_PROPERTIES;
    const dom = new JSDOM(xml, { contentType: 'application/xml', virtualConsole: new VirtualConsole() });
    try {
      const doc = dom.window.document;
      const text = (localName: string): string | null => {
        const element = Array.from(doc.getElementsByTagName('*')).find((e) => e.localName === localName);
        const value = element?.textContent?.replace(/\s+/g, ' ').trim();
        return value ? value : null;
      };
      return {
        title: text('title'),
        creator: text('creator'),
        created: text('created'),
        keywords: (text('keywords') ?? '').split(/[,;]/).map((k) => k.trim()).filter(Boolean).slice(0, 12),
        language: text('language'),
      };
    } finally {
      dom.window.close();
    }
  } catch (error) {
    log.debug('could not read DOCX core properties', error);
    return NO_PROPERTIES;
  }
}

export async function extractDocx(bytes: Uint8Array): Promise<RawArticle> {
  let html: string;
  try {
    const result = await mammoth.convertToHtml(
      { buffer: Buffer.from(bytes) },
      {
        // Images are dropped by the sanitiser anyway; not converting them saves memory on big reports.
        convertImage: mammoth.images.imgElement(() => Promise.resolve({ src: '' })),
        externalFileAccess: false,
        ignoreEmptyParagraphs: true,
      },
    );
    html = result.value;
  } catch (error) {
    throw new ImportError('This Word document is damaged or not a .docx file Quire can read.', { cause: error });
  }
  const properties = await coreProperties(bytes);
  return {
    title: properties.title,
    byline: properties.creator,
    source: null,
    url: null,
    publishedAt: normaliseDate(properties.created),
    tags: properties.keywords,
    blocks: blocksFromHtml(html),
    declaredLanguage: properties.language,
  };
}
