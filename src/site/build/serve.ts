import { createReadStream, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { extname, join, normalize, resolve, sep } from 'node:path';

/** MIME types of everything the site publishes (pages, assets, fonts, downloads, duckdb-wasm and Parquet). */
export const MIME_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.wasm': 'application/wasm',
  '.parquet': 'application/vnd.apache.parquet',
  '.csv': 'text/csv; charset=utf-8',
  '.vcf': 'text/vcard; charset=utf-8',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  '.txt': 'text/plain; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
};

function fileFor(root: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const target = normalize(join(root, decoded));
  if (target !== root && !target.startsWith(root + sep)) return null;
  try {
    const st = statSync(target);
    if (st.isFile()) return target;
    if (st.isDirectory()) {
      const index = join(target, 'index.html');
      if (statSync(index, { throwIfNoEntry: false })?.isFile()) return index;
    }
  } catch {
    return null;
  }
  return null;
}

/**
 * One byte range of a `Range: bytes=…` header (RFC 9110 §14.1.2: "a-b", "a-", "-n"), clamped to the file; null when
 * there is no usable single range (the whole file is sent), 'unsatisfiable' when it starts past the end. duckdb-wasm
 * reads Parquet footers and row groups this way on the explore page.
 */
function byteRange(header: string | undefined, size: number): { start: number; end: number } | 'unsatisfiable' | null {
  const m = /^bytes=(\d*)-(\d*)$/.exec(header?.trim() ?? '');
  if (!m || (m[1] === '' && m[2] === '')) return null;
  if (m[1] === '') {
    const n = Number(m[2]);
    return n === 0 ? 'unsatisfiable' : { start: Math.max(0, size - n), end: size - 1 };
  }
  const start = Number(m[1]);
  const end = m[2] === '' ? size - 1 : Math.min(Number(m[2]), size - 1);
  if (start >= size) return 'unsatisfiable';
  return end < start ? null : { start, end };
}

/**
 * Serves a built site folder over HTTP on 127.0.0.1:`port` (no dependency; for `npm start` and browser tests).
 * Folders answer with their index.html, a folder URL without its trailing slash is redirected, anything outside
 * `dir` is refused, unknown paths get 404.html when the site has one, single byte ranges get 206. `base` strips the sub-path the site was built
 * for (e.g. "/thu-cong-vu/"). Resolves once listening; port 0 picks a free port (see `server.address()`).
 */
export function serveStatic(dir: string, port: number, base = '/'): Promise<Server> {
  const root = resolve(dir);
  const prefix = base.endsWith('/') ? base : `${base}/`;
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { allow: 'GET, HEAD' }).end();
      return;
    }
    if (!`${url.pathname}/`.startsWith(prefix)) {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Không tìm thấy');
      return;
    }
    const rel = url.pathname.slice(prefix.length - 1);
    const file = fileFor(root, rel);
    if (file && file.endsWith(`${sep}index.html`) && !url.pathname.endsWith('/') && !rel.endsWith('index.html')) {
      res.writeHead(301, { location: `${url.pathname}/${url.search}` }).end();
      return;
    }
    const notFound = file ? null : fileFor(root, '/404.html');
    const served = file ?? notFound;
    if (!served) {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Không tìm thấy');
      return;
    }
    const type = MIME_TYPES[extname(served).toLowerCase()] ?? 'application/octet-stream';
    const size = statSync(served).size;
    const range = file ? byteRange(req.headers.range, size) : null;
    if (range === 'unsatisfiable') {
      res.writeHead(416, { 'content-range': `bytes */${size}` }).end();
      return;
    }
    const headers = { 'content-type': type, 'x-content-type-options': 'nosniff', 'accept-ranges': 'bytes' };
    if (range) {
      res.writeHead(206, { ...headers, 'content-length': range.end - range.start + 1, 'content-range': `bytes ${range.start}-${range.end}/${size}` });
      if (req.method === 'HEAD') res.end();
      else createReadStream(served, range).pipe(res);
      return;
    }
    res.writeHead(file ? 200 : 404, { ...headers, 'content-length': size });
    if (req.method === 'HEAD') res.end();
    else createReadStream(served).pipe(res);
  });
  return new Promise((resolvePromise, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolvePromise(server));
  });
}
