import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extractArticle } from '../../../electron/core/importers/index.js';
import { corpus, makeDocx, makePdf } from './fixtures.js';

/**
 * Importing must never touch the network: jsdom loads no resources, Readability and DOMPurify fetch
 * nothing, pdfjs reads its character maps from disk, mammoth does not follow external links.
 * Every resource in the test page points at a local server that counts connections.
 */
let server: net.Server;
let port = 0;
let connections = 0;

beforeAll(async () => {
  server = net.createServer((socket) => {
    connections++;
    socket.destroy();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as net.AddressInfo).port;
});

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

describe('importers stay offline', () => {
  it('make no connection while importing pages full of remote resources, PDFs and DOCX', async () => {
    const at = `http://127.0.0.1:${port}`;
    const page = `<!doctype html><html><head><base href="${at}/"><link rel="stylesheet" href="${at}/x.css"><script src="${at}/a.js"></script>
      <link rel="preload" as="font" href="${at}/font.woff2"><meta http-equiv="refresh" content="0;url=${at}/r"></head>
      <body onload="fetch('${at}/onload')"><article><h1>Remote everything</h1>
      <p>A page whose images, frames and scripts all point at a local server that counts every connection made during import.</p>
      <img src="${at}/i.png" srcset="${at}/i2.png 2x"><iframe src="${at}/f"></iframe><object data="${at}/o"></object><embed src="${at}/e">
      <video src="${at}/v.mp4" poster="${at}/p.png"></video><audio src="${at}/a.mp3"></audio>
      <p style="background:url(${at}/bg.png)">Second paragraph of the page, with a <a href="${at}/link">link</a>.</p>
      <script>new Image().src = '${at}/pixel'; fetch('${at}/xhr');</script></article></body></html>`;
    const article = await extractArticle({ name: 'remote.html', bytes: new TextEncoder().encode(page) });
    expect(JSON.stringify(article.blocks)).toContain('Second paragraph of the page');
    await extractArticle({ name: 'bahrain-iran-coordination.html', bytes: corpus('bahrain-iran-coordination.html') });
    await extractArticle({ name: 'brief.pdf', bytes: await makePdf() });
    await extractArticle({ name: 'contacts.docx', bytes: await makeDocx() });
    // Give anything scheduled in the background a chance to connect.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(connections).toBe(0);
  });
});
