/** A resolved dossier whose every field tries to inject markup, styles, scripts or remote loads. */
import type { DossierForExport } from '../../../electron/core/dossiers/model.js';

const EVIL = '<script>alert(1)</script><img src="http://evil.example/x.png" onerror="alert(2)">';

function doc(text: string, url: string): string {
  return JSON.stringify({
    root: {
      type: 'root', direction: null, format: '', indent: 0, version: 1,
      children: [
        {
          type: 'paragraph', direction: null, format: 'left;background:url(http://evil.example/a)', indent: 0, version: 1, textFormat: 0, textStyle: '',
          children: [
            { type: 'text', text, format: 1, detail: 0, mode: 'normal', style: 'background:url(http://evil.example/b)', version: 1 },
            { type: 'link', url, rel: null, target: null, title: null, direction: null, format: '', indent: 0, version: 1,
              children: [{ type: 'text', text: 'a link', format: 0, detail: 0, mode: 'normal', style: '', version: 1 }] },
          ],
        },
        { type: 'heading', tag: 'h1"><script>alert(3)</script>', direction: 'rtl"onmouseover="x', format: '', indent: 0, version: 1,
          children: [{ type: 'text', text: EVIL, format: 0, detail: 0, mode: 'normal', style: '', version: 1 }] },
        { type: 'html', html: EVIL, version: 1 },
      ],
    },
  });
}

export function hostileDossier(): DossierForExport {
  const text = `${EVIL}a link\n\n${EVIL}`;
  const label = { id: 'lbl_1', name: '<b onclick="x">Claim</b>', color: 'red;background:url(http://evil.example/c)' };
  const citation = {
    articleId: 'art_1',
    title: EVIL,
    byline: EVIL,
    source: EVIL,
    url: 'javascript:alert(4)',
    publishedAt: '<b>2024</b>',
    importedAt: '2024-01-01T00:00:00.000Z',
    language: 'en"><script>',
    direction: 'ltr' as const,
    sha256: '"><script>',
    originalName: EVIL,
    mediaType: 'text/html',
  };
  const annotation = {
    id: 'ann_"><script>',
    articleId: 'art_1',
    label,
    note: EVIL,
    noteJson: null,
    quote: EVIL,
    prefix: '',
    suffix: '',
    start: 0,
    end: 20,
    status: 'anchored' as const,
    tags: [],
  };
  return {
    id: 'dos_1',
    title: '<script>alert(1)</script>',
    subtitle: EVIL,
    author: EVIL,
    date: EVIL,
    marking: '"></div><script>alert(5)</script>',
    summary: { json: doc(EVIL, 'javascript:alert(6)'), text: EVIL },
    createdAt: '2024-01-01T00:00:00.000Z',
    updatedAt: '2024-01-01T00:00:00.000Z',
    generatedAt: '2024-01-01T00:00:00.000Z',
    labels: [{ ...label, position: 1, shortcut: 1 }],
    includeChronology: true,
    chronology: [
      { date: '2016-01', precision: 'month', kind: 'mention', title: null, sentence: EVIL, mark: { start: 2, end: 12 }, start: 0, end: 10, annotationId: null, flags: ['future'], citation },
      { date: '2016-01-03', precision: 'day', kind: 'highlight', title: EVIL, sentence: EVIL, mark: null, start: 0, end: 20, annotationId: annotation.id, flags: [], citation },
    ],
    items: [
      { kind: 'heading', id: 'i0', position: 0, text: EVIL },
      {
        kind: 'article', id: 'i1', position: 1, refId: 'art_1', highlightsOnly: false, options: {},
        article: { ...citation, bodyJson: doc(EVIL, 'javascript:alert(7)'), text, tags: [], annotations: [annotation] },
      },
      { kind: 'annotation', id: 'i2', position: 2, refId: annotation.id, annotation, citation },
      {
        kind: 'note', id: 'i3', position: 3, refId: 'note_1',
        note: {
          id: 'note_1', title: EVIL, bodyJson: doc(EVIL, 'data:text/html,<script>alert(8)</script>'), text: EVIL, articleId: null, article: null,
          createdAt: '2024-01-01T00:00:00.000Z', updatedAt: '2024-01-01T00:00:00.000Z',
          citations: [{ annotationId: annotation.id, quote: EVIL, currentQuote: EVIL, status: 'changed', statusText: EVIL, annotation, citation, snapshot: { articleId: 'art_1', articleTitle: EVIL, source: EVIL, publishedAt: EVIL } }],
        },
      },
      { kind: 'missing', id: 'i4', position: 4, refKind: 'article', refId: 'art_2', refTitle: EVIL, message: EVIL },
    ],
  };
}
