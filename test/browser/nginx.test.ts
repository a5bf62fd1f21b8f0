// Issue 18: the internal site behind a real door, and every page at a phone's and a laptop's width.
// Both builds of the fixture warehouse are served by Debian's nginx with the shipped configuration (deploy/nginx/):
// the internal site answers 401 without a password, every header is sent, and every route of both builds loads in
// Chromium through it at 390×844 and 1366×900 with no CSP violation, no console error, zero axe violations and no
// horizontal scroll. Where nginx is not installed the HTTP checks are skipped (said in the test name) and the
// routes are loaded from the test server instead, without the CSP.
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite } from '../../src/site/build/buildSite.ts';
import type { Audience } from '../../src/site/build/types.ts';
import { createFixtureWarehouse } from '../site/fixture.ts';
import { AXE_PATH, launchChromium, routesOf, SCREENSHOTS, serveSite, settle, watchPage } from './harness.ts';
import {
  basicAuth, configWarnings, DEPLOY, get, getPlain, INTERNAL_HOST, NGINX_MISSING, PASSWORD, PUBLIC_HOST, startNginx, USER, type RunningNginx,
} from './nginx.ts';

const io = { stdout: () => {}, stderr: () => {}, isTTY: false };
const AUDIENCES: Audience[] = ['public', 'internal'];
const WIDTHS = [
  { name: 'dien-thoai', width: 390, height: 844 },
  { name: 'may-tinh', width: 1366, height: 900 },
];
const HOST: Record<Audience, string> = { public: PUBLIC_HOST, internal: INTERNAL_HOST };
const PORTAL = 'https://www.soctrang.gov.vn';

let work: string;
let browser: Browser;
let nginx: RunningNginx | null = null;
const dirs = new Map<Audience, string>();
/** Where Chromium finds each build: through nginx, or the plain test server when nginx is absent. */
const sites = new Map<Audience, { url: string; close?: () => void }>();

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'tcv-nginx-'));
  const db = join(work, 'warehouse.duckdb');
  await createFixtureWarehouse(db);
  for (const audience of AUDIENCES) {
    const dir = join(work, audience);
    await buildSite({ db, audience, out: dir, base: '/', today: '2026-11-21' }, io);
    dirs.set(audience, dir);
  }
  if (!NGINX_MISSING) {
    nginx = await startNginx(work, dirs.get('public')!, dirs.get('internal')!);
    for (const a of AUDIENCES) sites.set(a, { url: `https://${HOST[a]}:${nginx.httpsPort}/` });
  } else {
    process.stderr.write(`nginx.test: bỏ qua phần chạy nginx thật: ${NGINX_MISSING}\n`);
    for (const a of AUDIENCES) sites.set(a, await serveSite(dirs.get(a)!, '/'));
  }
  mkdirSync(SCREENSHOTS, { recursive: true });
  // The host names resolve to loopback here; a portal page (public, fulfilled by the test) framing a loopback host
  // would be refused by Chromium's local-network checks, which real public hosts never meet.
  browser = await launchChromium([
    `--host-resolver-rules=MAP ${PUBLIC_HOST} 127.0.0.1, MAP ${INTERNAL_HOST} 127.0.0.1`,
    '--disable-features=LocalNetworkAccessChecks',
  ]);
});

afterAll(async () => {
  await browser?.close();
  await nginx?.stop();
  for (const s of sites.values()) s.close?.();
  if (work) rmSync(work, { recursive: true, force: true });
});

/** Every file of a build as a URL path ("/", "/xep-hang/", "/_tai-nguyen/x.js", "/kham-pha/du-lieu/a.parquet"). */
function pathsOf(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => `/${relative(dir, join(e.parentPath, e.name)).split(sep).join('/')}`)
    .filter((p) => !/^\/content-(assets|modules)\.mjs$/.test(p))
    .map((p) => p.replace(/(^|\/)index\.html$/, '$1'))
    .sort();
}

/** The sha256 of every inline <script> in a build's pages, as CSP source expressions. */
function inlineScriptHashes(dir: string): Set<string> {
  const hashes = new Set<string>();
  for (const e of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!e.isFile() || !e.name.endsWith('.html')) continue;
    const html = readFileSync(join(e.parentPath, e.name), 'utf8');
    for (const m of html.matchAll(/<script(\s[^>]*)?>([\s\S]*?)<\/script>/g)) {
      if (/\ssrc=/.test(m[1] ?? '') || m[2]!.trim() === '') continue;
      hashes.add(`'sha256-${createHash('sha256').update(m[2]!, 'utf8').digest('base64')}'`);
    }
  }
  return hashes;
}

const header = (r: { headers: Record<string, string | string[] | undefined> }, name: string) => String(r.headers[name] ?? '');
const directive = (csp: string, name: string) => csp.split(';').map((d) => d.trim()).find((d) => d.startsWith(`${name} `)) ?? '';

describe.skipIf(NGINX_MISSING !== null)(`nginx with deploy/nginx/${NGINX_MISSING ? ` (bỏ qua: ${NGINX_MISSING})` : ''}`, () => {
  it('passes nginx -t without a warning', () => {
    // nginx 1.25+ (Debian 13) deprecates "listen … http2" for "http2 on;": that one warning is allowed until Debian 12
    // (nginx 1.22, which has no "http2 on;") is no longer supported.
    expect(configWarnings.filter((w) => !/the "listen \.\.\. http2" directive is deprecated/.test(w))).toEqual([]);
  });

  it('answers 401 on every internal path without credentials or with a wrong password, 200 with them', async () => {
    const port = nginx!.httpsPort;
    const paths = pathsOf(dirs.get('internal')!);
    expect(paths).toEqual(expect.arrayContaining(['/', '/kham-pha/', '/du-lieu/', '/404.html']));
    expect(paths.length).toBeGreaterThan(30);
    const auth = { authorization: basicAuth(USER, PASSWORD) };
    for (const path of [...paths, '/khong-co-trang-nay/']) {
      const anonymous = await get(port, INTERNAL_HOST, path, {}, 'HEAD');
      expect(anonymous.status, path).toBe(401);
      expect(header(anonymous, 'www-authenticate'), path).toMatch(/^Basic realm=/);
      expect(header(anonymous, 'content-security-policy'), path).not.toBe('');
      expect((await get(port, INTERNAL_HOST, path, { authorization: basicAuth(USER, 'sai') }, 'HEAD')).status, path).toBe(401);
    }
    for (const path of paths) expect((await get(port, INTERNAL_HOST, path, auth, 'HEAD')).status, path).toBe(200);
    expect((await get(port, INTERNAL_HOST, '/khong-co-trang-nay/', auth)).status).toBe(404);
  });

  it('serves every public path without credentials, and only what the public build holds', async () => {
    const port = nginx!.httpsPort;
    const paths = pathsOf(dirs.get('public')!);
    for (const path of paths) expect((await get(port, PUBLIC_HOST, path, {}, 'HEAD')).status, path).toBe(200);
    expect((await get(port, PUBLIC_HOST, '/kham-pha/')).status).toBe(404);
    const missing = await get(port, PUBLIC_HOST, '/khong-co-trang-nay/');
    expect(missing.status).toBe(404);
    expect(missing.body.toString('utf8')).toContain('Không tìm thấy trang');
    expect((await get(port, PUBLIC_HOST, '/.releases/')).status).toBe(404);
    expect((await get(port, PUBLIC_HOST, '/content-assets.mjs')).status).toBe(404);
  });

  it('sends HTTP to HTTPS and a folder without its slash to the folder', async () => {
    const plain = await getPlain(nginx!.httpPort, INTERNAL_HOST, '/du-lieu/');
    expect(plain.status).toBe(301);
    expect(header(plain, 'location')).toBe(`https://${INTERNAL_HOST}:${nginx!.httpsPort}/du-lieu/`);
    const folder = await get(nginx!.httpsPort, PUBLIC_HOST, '/xep-hang');
    expect(folder.status).toBe(301);
    expect(header(folder, 'location')).toBe('/xep-hang/');
  });

  it('sends the security headers a government site should, with frames and wasm only where needed', async () => {
    const port = nginx!.httpsPort;
    const auth = { authorization: basicAuth(USER, PASSWORD) };
    const page = async (host: string, path: string) => {
      const r = await get(port, host, path, host === INTERNAL_HOST ? auth : {});
      expect(r.status, path).toBe(200);
      return r;
    };
    for (const [host, path] of [[PUBLIC_HOST, '/'], [PUBLIC_HOST, '/xep-hang/'], [INTERNAL_HOST, '/danh-ba/'], [INTERNAL_HOST, '/du-lieu/']] as const) {
      const r = await page(host, path);
      const csp = header(r, 'content-security-policy');
      expect(directive(csp, 'default-src'), path).toBe("default-src 'self'");
      expect(directive(csp, 'object-src'), path).toBe("object-src 'none'");
      expect(directive(csp, 'frame-ancestors'), `${host}${path}`).toBe("frame-ancestors 'none'");
      expect(directive(csp, 'script-src'), path).not.toContain('wasm-unsafe-eval');
      expect(directive(csp, 'script-src'), path).not.toContain('unsafe-inline');
      expect(header(r, 'x-frame-options'), path).toBe('DENY');
      expect(header(r, 'x-content-type-options')).toBe('nosniff');
      expect(header(r, 'referrer-policy')).toBe('same-origin');
      expect(header(r, 'strict-transport-security')).toMatch(/^max-age=\d{8}/);
      expect(header(r, 'cache-control'), path).toBe('no-cache');
      expect(header(r, 'content-type')).toBe('text/html; charset=utf-8');
    }
    expect(header(await page(INTERNAL_HOST, '/'), 'x-robots-tag')).toBe('noindex, nofollow');
    expect(header(await page(PUBLIC_HOST, '/'), 'x-robots-tag')).toBe('');
    // The provincial portal embeds the public directory, and nothing else.
    for (const path of ['/danh-ba/', '/danh-ba/SKHCN/']) {
      const r = await page(PUBLIC_HOST, path);
      expect(directive(header(r, 'content-security-policy'), 'frame-ancestors')).toBe(`frame-ancestors 'self' https://soctrang.gov.vn ${PORTAL}`);
      expect(r.headers['x-frame-options']).toBeUndefined();
    }
    // WebAssembly on /kham-pha/ only: the page, its worker and its module.
    for (const path of ['/kham-pha/', '/kham-pha/duckdb/duckdb-browser-eh.worker.js', '/kham-pha/duckdb/duckdb-eh.wasm']) {
      expect(directive(header(await page(INTERNAL_HOST, path), 'content-security-policy'), 'script-src'), path).toContain("'wasm-unsafe-eval'");
    }
  });

  it('lists in the CSP the hash of every inline script of both builds, and no other inline script runs', async () => {
    const csp = header(await get(nginx!.httpsPort, PUBLIC_HOST, '/'), 'content-security-policy');
    const allowed = new Set(directive(csp, 'script-src').split(/\s+/).filter((s) => s.startsWith("'sha256-")));
    for (const audience of AUDIENCES) {
      const missing = [...inlineScriptHashes(dirs.get(audience)!)].filter((h) => !allowed.has(h));
      expect(missing, `thêm vào ${join(DEPLOY, 'conf.d/thu-cong-vu.conf')} ($tcv_inline_scripts)`).toEqual([]);
    }
  });

  it('gives .wasm, .parquet, CSV, vCard and XLSX their types, compresses text, caches hashed assets for a year', async () => {
    const port = nginx!.httpsPort;
    const auth = { authorization: basicAuth(USER, PASSWORD) };
    const internal = pathsOf(dirs.get('internal')!);
    const pub = pathsOf(dirs.get('public')!);
    const first = (paths: string[], end: string) => {
      const p = paths.find((x) => x.endsWith(end));
      expect(p, end).toBeDefined();
      return p!;
    };
    const types: [string, string, Record<string, string>, string][] = [
      [INTERNAL_HOST, first(internal, '.wasm'), auth, 'application/wasm'],
      [INTERNAL_HOST, first(internal, '.parquet'), auth, 'application/vnd.apache.parquet'],
      [PUBLIC_HOST, first(pub, '.csv'), {}, 'text/csv; charset=utf-8'],
      [PUBLIC_HOST, first(pub, '.vcf'), {}, 'text/vcard; charset=utf-8'],
      [PUBLIC_HOST, first(pub, '.xlsx'), {}, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
      [PUBLIC_HOST, first(pub, '.woff2'), {}, 'font/woff2'],
      [PUBLIC_HOST, first(pub, '.js'), {}, 'application/javascript; charset=utf-8'],
    ];
    for (const [host, path, headers, type] of types) expect(header(await get(port, host, path, headers, 'HEAD'), 'content-type'), path).toBe(type);
    // duckdb-wasm reads Parquet by byte ranges: never compressed, ranges answered.
    const parquet = await get(port, INTERNAL_HOST, first(internal, '.parquet'), { ...auth, range: 'bytes=0-3', 'accept-encoding': 'gzip' });
    expect(parquet.status).toBe(206);
    expect(parquet.body.toString('latin1')).toBe('PAR1');
    const asset = await get(port, PUBLIC_HOST, first(pub.filter((p) => p.startsWith('/_tai-nguyen/')), '.css'), { 'accept-encoding': 'gzip' });
    expect(header(asset, 'cache-control')).toBe('public, max-age=31536000, immutable');
    expect(header(asset, 'content-encoding')).toBe('gzip');
    const html = await get(port, PUBLIC_HOST, '/xep-hang/', { 'accept-encoding': 'gzip' });
    expect(header(html, 'content-encoding')).toBe('gzip');
    expect(header(await get(port, PUBLIC_HOST, first(pub, '.csv')), 'cache-control')).toBe('no-cache');
  });
});

describe.skipIf(NGINX_MISSING !== null)('the single sign-on alternative (snippets/thu-cong-vu-auth-sso.conf)', () => {
  let sso: Server;
  let second: RunningNginx;
  const seen: string[] = [];
  beforeAll(async () => {
    // A stand-in for the province's session check (oauth2-proxy's /oauth2/auth): 202 with a session cookie, else 401.
    sso = createServer((req, res) => {
      seen.push(String(req.headers['x-original-uri']));
      res.writeHead(/(^|;\s*)_sso=hop-le(;|$)/.test(req.headers.cookie ?? '') ? 202 : 401).end();
    });
    await new Promise<void>((r) => sso.listen(0, '127.0.0.1', r));
    const checkUrl = `http://127.0.0.1:${(sso.address() as AddressInfo).port}/oauth2/auth`;
    const ssoWork = join(work, 'sso');
    mkdirSync(ssoWork);
    second = await startNginx(ssoWork, dirs.get('public')!, dirs.get('internal')!, { checkUrl, loginUrl: 'https://sso.example.test/oauth2/start' });
  });
  afterAll(async () => {
    await second?.stop();
    sso?.close();
  });

  it('sends a visitor without a session to the sign-on page, and lets a signed-in one through', async () => {
    const port = second.httpsPort;
    const anonymous = await get(port, INTERNAL_HOST, '/du-lieu/?x=1');
    expect(anonymous.status).toBe(302);
    expect(header(anonymous, 'location')).toBe(`https://sso.example.test/oauth2/start?rd=https://${INTERNAL_HOST}/du-lieu/?x=1`);
    expect(seen).toContain('/du-lieu/?x=1');
    expect((await get(port, INTERNAL_HOST, '/kham-pha/', { cookie: '_sso=hop-le' })).status).toBe(200);
    expect((await get(port, INTERNAL_HOST, '/', { cookie: '_sso=gia' })).status).toBe(302);
    expect((await get(port, PUBLIC_HOST, '/', {})).status).toBe(200);
  });
});

/** Runs axe-core (loaded by an init script: page scripts are bound by the CSP, init scripts are not). */
async function axe(page: Page): Promise<string[]> {
  const violations = await page.evaluate(async () => {
    type Result = { violations: { id: string; impact: string | null; nodes: { target: string[] }[] }[] };
    const a = (window as unknown as { axe: { run: (d: Document, o: object) => Promise<Result> } }).axe;
    const r = await a.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] } });
    return r.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
  });
  return violations;
}

async function newContext(audience: Audience, width: number, height: number): Promise<BrowserContext> {
  const context = await browser.newContext({
    viewport: { width, height },
    ignoreHTTPSErrors: true,
    ...(audience === 'internal' && nginx ? { httpCredentials: { username: USER, password: PASSWORD } } : {}),
  });
  await context.addInitScript({ path: AXE_PATH });
  await context.addInitScript(() => {
    const w = window as unknown as { cspViolations: string[] };
    w.cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => w.cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  return context;
}

describe.each(AUDIENCES)('%s build, every route', (audience) => {
  it.each(WIDTHS)(`loads at $width×$height ${NGINX_MISSING ? `from the test server (no CSP; ${NGINX_MISSING})` : 'through nginx'}: no CSP violation, no console error, zero axe violations, no horizontal scroll`, async ({ name, width, height }) => {
    const site = sites.get(audience)!;
    const routes = routesOf(dirs.get(audience)!);
    const context = await newContext(audience, width, height);
    const page = await context.newPage();
    const problems = watchPage(page, new URL(site.url).origin);
    const overflow: string[] = [];
    for (const route of routes) {
      const response = await page.goto(`${site.url}${route}`, { waitUntil: 'load' });
      expect(response?.status(), route).toBe(200);
      await settle(page);
      // The explore page reads its Parquet files as it opens: let it finish before leaving (else: aborted requests).
      if (route === 'kham-pha/') await page.waitForSelector('.explore[data-ready="true"]', { timeout: 120_000 });
      expect(await page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations), route).toEqual([]);
      expect(await axe(page), `${route} ${width}px`).toEqual([]);
      const scroll = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      if (scroll > 0) overflow.push(`${route} (+${scroll} px)`);
      if (width === 390 || route === '') {
        // a generous timeout: on a busy 2-core machine a frame for the screenshot has taken over 30 s
        const file = `nginx-${audience}-${name}-${route.replace(/\/$/, '').replace(/\//g, '-') || 'tong-quan'}.png`;
        await page.screenshot({ path: join(SCREENSHOTS, file), animations: 'disabled', timeout: 120_000 });
      }
    }
    expect(overflow, 'trang cuộn ngang').toEqual([]);
    expect(problems).toEqual({ consoleErrors: [], foreignRequests: [], failedRequests: [] });
    await context.close();
  });
});

describe.skipIf(NGINX_MISSING !== null)('in Chromium through nginx', () => {
  it('runs duckdb-wasm on /kham-pha/ under the CSP', async () => {
    const context = await newContext('internal', 1366, 900);
    const page = await context.newPage();
    const problems = watchPage(page, new URL(sites.get('internal')!.url).origin);
    await page.goto(`${sites.get('internal')!.url}kham-pha/`);
    await page.waitForSelector('.explore[data-ready="true"]', { timeout: 120_000 });
    await page.click('button[data-question="thu-ra-ngoai-tinh-theo-thang"]');
    await page.waitForSelector('.explore table tbody tr');
    expect(await page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations)).toEqual([]);
    expect(problems).toEqual({ consoleErrors: [], foreignRequests: [], failedRequests: [] });
    await context.close();
  });

  it('lets the portal frame the public directory and nothing else', async () => {
    const context = await newContext('public', 1366, 900);
    const site = sites.get('public')!.url;
    await context.route(`${PORTAL}/**`, (route) =>
      route.fulfill({
        contentType: 'text/html; charset=utf-8',
        body: `<!doctype html><html lang="vi"><title>Cổng</title><iframe title="danh bạ" src="${site}danh-ba/"></iframe><iframe title="xếp hạng" src="${site}xep-hang/"></iframe></html>`,
      }),
    );
    const page = await context.newPage();
    const refused: string[] = [];
    page.on('console', (m) => refused.push(m.text()));
    await page.goto(`${PORTAL}/thu-cong-vu/`);
    await expect.poll(() => page.frames().find((f) => f.url().endsWith('/danh-ba/'))?.locator('h1').textContent()).toBe('Danh bạ thư điện tử');
    const ranking = page.frames().find((f) => f.url().includes('/xep-hang/'));
    expect(await ranking?.locator('h1').count().catch(() => 0) ?? 0).toBe(0);
    expect(refused.join('\n')).toMatch(/frame-ancestors/);
    await context.close();
  });
});
