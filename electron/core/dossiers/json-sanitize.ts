/**
 * Documents inside a dossier file come from outside the library, so they are checked as strictly as
 * an imported web page: only the node types Quire writes, links only to web and mail addresses, and no
 * inline CSS (Quire's importers never write any; a file could, to load something from the network
 * when printed).
 */
import { QuireError } from '../errors.js';

const ELEMENT_TYPES = new Set(['root', 'paragraph', 'heading', 'quote', 'list', 'listitem', 'link', 'autolink']);
const LEAF_TYPES = new Set(['text', 'linebreak', 'tab']);
const SAFE_URL = /^(https?:|mailto:)/i;
const MAX_DEPTH = 64;

type Json = Record<string, unknown>;

function fail(where: string, what: string): never {
  throw new QuireError('import_failed', `This dossier file is damaged: ${where} contains ${what}.`);
}

function cleanNode(node: unknown, where: string, allowCitations: boolean, depth: number): Json[] {
  if (depth > MAX_DEPTH) fail(where, 'a document nested too deeply');
  if (typeof node !== 'object' || node === null || Array.isArray(node)) fail(where, 'something that is not a document node');
  const n = node as Json;
  const type = n['type'];
  if (typeof type !== 'string') fail(where, 'a node without a type');
  if (type === 'citation') {
    if (!allowCitations) fail(where, 'a citation where none can be');
    if (typeof n['annotationId'] !== 'string' || typeof n['quote'] !== 'string') fail(where, 'an incomplete citation');
    return [n];
  }
  if (LEAF_TYPES.has(type)) {
    if (type === 'text' && typeof n['text'] !== 'string') fail(where, 'a text node without text');
    return [{ ...n, ...(typeof n['style'] === 'string' ? { style: '' } : {}) }];
  }
  if (!ELEMENT_TYPES.has(type)) fail(where, `content Quire does not know (“${type.slice(0, 40)}”)`);
  if (!Array.isArray(n['children'])) fail(where, `a ${type} without children`);
  const children = (n['children'] as unknown[]).flatMap((child) => cleanNode(child, where, allowCitations, depth + 1));
  if ((type === 'link' || type === 'autolink') && !(typeof n['url'] === 'string' && SAFE_URL.test(n['url']))) {
    // A link to anything but the web or mail keeps its words and loses the link.
    return children;
  }
  return [{ ...n, ...(typeof n['textStyle'] === 'string' ? { textStyle: '' } : {}), children }];
}

/** Returns a cleaned copy of a Lexical document, or throws an import error naming `where`. */
export function sanitizeDocument<T>(doc: T, where: string, options: { citations?: boolean } = {}): T {
  const root = (doc as { root?: unknown }).root;
  const cleaned = cleanNode(root, where, options.citations ?? false, 0);
  if (cleaned.length !== 1 || cleaned[0]?.['type'] !== 'root') fail(where, 'no document');
  return { ...(doc as object), root: cleaned[0] } as T;
}
