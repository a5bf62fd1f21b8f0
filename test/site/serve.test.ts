import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveStatic } from '../../src/site/build/serve.ts';

let root: string;
let server: Server;
let origin: string;

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'tcv-serve-'));
  const site = join(root, 'site');
  mkdirSync(join(site, 'xep-hang'), { recursive: true });
  writeFileSync(join(site, 'index.html'), '<h1>Tổng quan</h1>');
  writeFileSync(join(site, 'xep-hang', 'index.html'), '<h1>Xếp hạng</h1>');
  writeFileSync(join(site, 'a.wasm'), Buffer.from([0, 97, 115, 109]));
  writeFileSync(join(site, 'b.parquet'), 'PAR1');
  writeFileSync(join(site, 'f.woff2'), 'wOF2');
  writeFileSync(join(site, 'x.csv'), '\uFEFFa,b\r\n');
  writeFileSync(join(root, 'secret.txt'), 'bí mật');
  server = await serveStatic(site, 0, '/thu-cong-vu/');
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => {
  server.close();
  rmSync(root, { recursive: true, force: true });
});

describe('serveStatic', () => {
  it.each([
    ['/thu-cong-vu/', 200, 'text/html; charset=utf-8'],
    ['/thu-cong-vu/xep-hang/', 200, 'text/html; charset=utf-8'],
    ['/thu-cong-vu/a.wasm', 200, 'application/wasm'],
    ['/thu-cong-vu/b.parquet', 200, 'application/vnd.apache.parquet'],
    ['/thu-cong-vu/f.woff2', 200, 'font/woff2'],
    ['/thu-cong-vu/x.csv', 200, 'text/csv; charset=utf-8'],
  ])('GET %s → %i %s', async (path, status, type) => {
    const res = await fetch(`${origin}${path}`);
    expect(res.status).toBe(status);
    expect(res.headers.get('content-type')).toBe(type);
  });

  it('serves the page text', async () => {
    expect(await (await fetch(`${origin}/thu-cong-vu/xep-hang/`)).text()).toBe('<h1>Xếp hạng</h1>');
  });

  it('redirects a folder URL without its trailing slash', async () => {
    const res = await fetch(`${origin}/thu-cong-vu/xep-hang`, { redirect: 'manual' });
    expect(res.status).toBe(301);
    expect(res.headers.get('location')).toBe('/thu-cong-vu/xep-hang/');
  });

  it.each(['/thu-cong-vu/../secret.txt', '/thu-cong-vu/%2e%2e/secret.txt', '/thu-cong-vu/khong-co/', '/secret.txt', '/thu-cong-vu/%E0%A4%A'])(
    'refuses %s with 404',
    async (path) => {
      const res = await fetch(`${origin}${path}`);
      expect(res.status).toBe(404);
      expect(await res.text()).not.toContain('bí mật');
    },
  );

  it('refuses other methods', async () => {
    expect((await fetch(`${origin}/thu-cong-vu/`, { method: 'POST' })).status).toBe(405);
  });
});
