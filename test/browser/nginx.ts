// Runs Debian's nginx with the shipped configuration (deploy/nginx/) on loopback ports, for the deployment tests.
// The shipped files are used as they are; only what a real server differs in is replaced, each replacement checked:
// the listen ports, the certificate, the site folders, the password file and the SSO address.
import { execFileSync, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { request as httpsRequest, Agent } from 'node:https';
import { request as httpRequest } from 'node:http';
import { createServer, type AddressInfo } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const DEPLOY = fileURLToPath(new URL('../../deploy/nginx/', import.meta.url));
export const NGINX = ['/usr/sbin/nginx', '/usr/bin/nginx'].find((p) => existsSync(p)) ?? null;
const OPENSSL = ['/usr/bin/openssl'].find((p) => existsSync(p)) ?? null;
const HTPASSWD = ['/usr/bin/htpasswd'].find((p) => existsSync(p)) ?? null;

/** Why the live nginx tests cannot run here, or null when they can. */
export const NGINX_MISSING = !NGINX
  ? 'nginx chưa được cài (apt-get install nginx; .ci/run cài nó)'
  : !OPENSSL
    ? 'openssl chưa được cài'
    : !HTPASSWD
      ? 'htpasswd chưa được cài (gói apache2-utils)'
      : null;

/** The host names of the shipped configuration. */
export const PUBLIC_HOST = 'thucongvu.soctrang.gov.vn';
export const INTERNAL_HOST = 'noibo-thucongvu.soctrang.gov.vn';
export const USER = 'canbo';
export const PASSWORD = 'mat-khau-thu-2026';

/** The warnings of the last `nginx -t` on the test configuration (startNginx fills it). */
export let configWarnings: string[] = [];

export interface RunningNginx {
  /** TLS port of both sites (told apart by host name, as in production), and the plain HTTP port. */
  httpsPort: number;
  httpPort: number;
  stop: () => Promise<void>;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

function replaceOnce(text: string, from: string | RegExp, to: string, what: string): string {
  const all = typeof from === 'string' ? null : new RegExp(from.source, `${from.flags.replace('g', '')}g`);
  const count = all === null ? text.split(from as string).length - 1 : (text.match(all) ?? []).length;
  if (count === 0) throw new Error(`cấu hình nginx đã đổi: không còn thấy ${what} (${String(from)})`);
  return all === null ? text.split(from as string).join(to) : text.replace(all, to);
}

/**
 * Starts nginx on loopback with deploy/nginx/: conf.d and snippets copied as they are, the sites file with test ports,
 * a fresh self-signed certificate, `publicDir`/`internalDir` as the two roots and a password file for USER. With
 * `sso`, the internal site uses the shipped SSO snippet instead, pointed at `sso.checkUrl` and `sso.loginUrl`.
 */
export async function startNginx(work: string, publicDir: string, internalDir: string, sso?: { checkUrl: string; loginUrl: string }): Promise<RunningNginx> {
  const etc = join(work, 'nginx');
  for (const d of ['conf.d', 'snippets', 'sites-enabled', 'ssl', 'logs', 'tmp']) mkdirSync(join(etc, d), { recursive: true });
  copyFileSync(join(DEPLOY, 'conf.d/thu-cong-vu.conf'), join(etc, 'conf.d/thu-cong-vu.conf'));
  for (const f of ['thu-cong-vu-site.conf', 'thu-cong-vu-auth-basic.conf']) copyFileSync(join(DEPLOY, 'snippets', f), join(etc, 'snippets', f));
  let ssoSnippet = readFileSync(join(DEPLOY, 'snippets/thu-cong-vu-auth-sso.conf'), 'utf8');
  if (sso) {
    ssoSnippet = replaceOnce(ssoSnippet, 'http://127.0.0.1:4180/oauth2/auth', sso.checkUrl, 'địa chỉ kiểm tra phiên SSO');
    ssoSnippet = replaceOnce(ssoSnippet, 'https://sso.soctrang.gov.vn/oauth2/start', sso.loginUrl, 'địa chỉ đăng nhập SSO');
  }
  writeFileSync(join(etc, 'snippets/thu-cong-vu-auth-sso.conf'), ssoSnippet);

  const httpsPort = await freePort();
  const httpPort = await freePort();
  const cert = join(etc, 'ssl/cert.pem');
  const key = join(etc, 'ssl/key.pem');
  execFileSync(OPENSSL!, ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '2', '-subj', `/CN=${PUBLIC_HOST}`,
    '-addext', `subjectAltName=DNS:${PUBLIC_HOST},DNS:${INTERNAL_HOST}`, '-keyout', key, '-out', cert], { stdio: 'ignore' });
  const passwords = join(etc, 'thu-cong-vu.htpasswd');
  execFileSync(HTPASSWD!, ['-B', '-b', '-c', passwords, USER, PASSWORD], { stdio: 'ignore' });

  let site = readFileSync(join(DEPLOY, 'sites-available/thu-cong-vu'), 'utf8');
  site = replaceOnce(site, /^\s*listen \[::\]:(80|443)[^;]*;\n/m, '', 'listen [::]');
  site = replaceOnce(site, 'listen 80;', `listen 127.0.0.1:${httpPort};`, 'listen 80');
  site = replaceOnce(site, 'listen 443 ssl http2;', `listen 127.0.0.1:${httpsPort} ssl http2;`, 'listen 443');
  site = replaceOnce(site, 'return 301 https://$host$request_uri;', `return 301 https://$host:${httpsPort}$request_uri;`, 'chuyển sang HTTPS');
  site = replaceOnce(site, '/etc/ssl/thu-cong-vu/fullchain.pem', cert, 'chứng chỉ');
  site = replaceOnce(site, '/etc/ssl/thu-cong-vu/privkey.pem', key, 'khoá chứng chỉ');
  site = replaceOnce(site, 'root /srv/thu-cong-vu/site/public;', `root ${publicDir};`, 'thư mục công khai');
  site = replaceOnce(site, 'root /srv/thu-cong-vu/site/internal;', `root ${internalDir};`, 'thư mục nội bộ');
  if (sso) site = replaceOnce(site, 'include snippets/thu-cong-vu-auth-basic.conf;', 'include snippets/thu-cong-vu-auth-sso.conf;', 'xác thực nội bộ');
  writeFileSync(join(etc, 'sites-enabled/thu-cong-vu'), site);

  let auth = readFileSync(join(etc, 'snippets/thu-cong-vu-auth-basic.conf'), 'utf8');
  auth = replaceOnce(auth, '/etc/nginx/thu-cong-vu.htpasswd', passwords, 'tệp mật khẩu');
  writeFileSync(join(etc, 'snippets/thu-cong-vu-auth-basic.conf'), auth);

  // The shape of Debian's /etc/nginx/nginx.conf, with every path inside the test folder.
  const root = process.getuid?.() === 0;
  writeFileSync(join(etc, 'nginx.conf'), `${root ? 'user root;\n' : ''}worker_processes 1;
pid ${join(etc, 'nginx.pid')};
error_log ${join(etc, 'logs/error.log')} warn;
events { worker_connections 256; }
http {
  sendfile on;
  include /etc/nginx/mime.types;
  default_type application/octet-stream;
  access_log off;
  client_body_temp_path ${join(etc, 'tmp/body')};
  proxy_temp_path ${join(etc, 'tmp/proxy')};
  fastcgi_temp_path ${join(etc, 'tmp/fastcgi')};
  uwsgi_temp_path ${join(etc, 'tmp/uwsgi')};
  scgi_temp_path ${join(etc, 'tmp/scgi')};
  include ${join(etc, 'conf.d')}/*.conf;
  include ${join(etc, 'sites-enabled')}/*;
}
`);
  const args = ['-p', etc, '-c', join(etc, 'nginx.conf'), '-e', join(etc, 'logs/error.log')];
  const checked = spawnSync(NGINX!, [...args, '-t'], { encoding: 'utf8' });
  if (checked.status !== 0) throw new Error(`nginx -t từ chối cấu hình: ${checked.stderr}`);
  configWarnings = checked.stderr.split('\n').filter((l) => /\[(warn|alert|crit)\]/.test(l));
  const child: ChildProcess = spawn(NGINX!, [...args, '-g', 'daemon off;'], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const deadline = Date.now() + 15_000;
  for (;;) {
    try {
      await get(httpsPort, PUBLIC_HOST, '/');
      break;
    } catch (err) {
      if (child.exitCode !== null || Date.now() > deadline) throw new Error(`nginx không chạy: ${stderr || String(err)}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  return {
    httpsPort,
    httpPort,
    stop: async () => {
      if (child.exitCode === null) child.kill('SIGQUIT');
      await exited;
    },
  };
}

export interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

const agent = new Agent({ keepAlive: true, rejectUnauthorized: false, maxSockets: 4 });

/** One HTTPS request to the test nginx, with SNI and Host set to `host` (the test certificate is self-signed). */
export function get(port: number, host: string, path: string, headers: Record<string, string> = {}, method = 'GET'): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = httpsRequest({ host: '127.0.0.1', port, path, method, servername: host, headers: { host, ...headers }, agent }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

/** One plain HTTP request (for the redirect to HTTPS). */
export function getPlain(port: number, host: string, path: string): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port, path, headers: { host } }, (res) => {
      res.resume();
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.alloc(0) }));
    });
    req.on('error', reject);
    req.end();
  });
}

export function basicAuth(user: string, password: string): string {
  return `Basic ${Buffer.from(`${user}:${password}`, 'utf8').toString('base64')}`;
}
