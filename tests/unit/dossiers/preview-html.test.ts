/**
 * The live preview's CSS and markup preparation (renderer/app/dossiers/preview-html.ts): the print
 * view's document must show inside a shadow root under the app's CSP, so styles leave the markup
 * before parsing and document-level selectors are mapped onto the shadow tree.
 */
import { describe, expect, it } from 'vitest';
import { extractStyles, previewCss } from '../../../renderer/app/dossiers/preview-html.js';

describe('preview preparation', () => {
  it('takes <style> elements and style attributes out of the markup before it is parsed', () => {
    const html =
      '<!DOCTYPE html><html><head><style>body{margin:0}</style></head><body class="a4">' +
      '<p style="color:red">Said “style=&quot;x&quot;” in text</p><mark class="hl" style="background-color:#fc0">q</mark>' +
      '<style>.late{color:blue}</style></body></html>';
    const { html: out, css } = extractStyles(html);
    expect(css).toBe('body{margin:0}\n.late{color:blue}');
    expect(out).not.toMatch(/<style/);
    expect(out).not.toMatch(/\sstyle="/);
    expect(out).toContain('<p data-pv-style="color:red">');
    expect(out).toContain('<mark class="hl" data-pv-style="background-color:#fc0">');
    // Text that merely mentions a style attribute is left as it was.
    expect(out).toContain('Said “style=&quot;x&quot;” in text');
  });

  it('drops @page and @font-face rules (nested braces included) and maps html, body and :root', () => {
    const css =
      "@font-face{font-family:'X';src:url(data:font/woff2;base64,AAA) format('woff2');}" +
      "@page{size:A4;margin:20mm;@top-left{content:'Title'}@bottom-right{content:counter(page)}}" +
      '@page :first{@top-left{content:none}}' +
      ':root{--ink:#111}html{print-color-adjust:exact}body{margin:0;font-family:serif}' +
      '@media screen{html{background:#eee}body{max-width:166mm}}' +
      '.body-text{color:red}.tbody,.htmlish{x:y}';
    const out = previewCss(css);
    expect(out).not.toContain('@page');
    expect(out).not.toContain('@font-face');
    expect(out).not.toContain('@top-left');
    expect(out).toContain(':host{--ink:#111}');
    expect(out).toContain(':host{print-color-adjust:exact}');
    expect(out).toContain('.pv-body{margin:0;font-family:serif}');
    expect(out).toContain('@media screen{:host{background:#eee}.pv-body{max-width:166mm}}');
    // Class names that merely contain the words are untouched.
    expect(out).toContain('.body-text{color:red}.tbody,.htmlish{x:y}');
  });
});
