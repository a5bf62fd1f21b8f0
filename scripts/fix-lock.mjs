// Completes package-lock.json with the other platforms' optional native packages (DuckDB bindings, rollup, esbuild,
// sharp …). The registry this project installs from serves only this machine's platform packages, so `npm install`
// leaves the others out of the lock, and `npm ci` then refuses the lock as out of sync. The added entries carry
// `optional`, `os` and `cpu`, so `npm ci` skips them here and never fetches them. Run after any `npm install`:
//   node scripts/fix-lock.mjs
import { readFileSync, writeFileSync } from 'node:fs';

const LOCK = new URL('../package-lock.json', import.meta.url);
const lock = JSON.parse(readFileSync(LOCK, 'utf8'));
const pkgs = lock.packages;
const OS = ['darwin', 'linux', 'win32', 'freebsd', 'openbsd', 'netbsd', 'android', 'sunos', 'aix', 'openharmony', 'wasm32'];
const CPU = ['arm64', 'x64', 'ia32', 'arm', 'riscv64', 'ppc64', 'loong64', 's390x', 'mips64el', 'wasm32'];

function resolveFrom(parent, dep) {
  let dir = parent;
  for (;;) {
    const key = dir ? `${dir}/node_modules/${dep}` : `node_modules/${dep}`;
    if (pkgs[key]) return key;
    if (!dir) return null;
    const i = dir.lastIndexOf('/node_modules/');
    dir = i < 0 ? '' : dir.slice(0, i);
  }
}

function platformOf(name) {
  const parts = name.split('/').pop().split('-');
  const os = parts.find((p) => OS.includes(p)) ?? (parts.includes('win32') ? 'win32' : undefined);
  const cpu = parts.find((p) => CPU.includes(p)) ?? (parts.includes('arm') ? 'arm' : undefined);
  const entry = {};
  if (os && os !== 'wasm32') entry.os = [os];
  if (cpu && cpu !== 'wasm32') entry.cpu = [cpu];
  if (parts.includes('musl')) entry.libc = ['musl'];
  if (parts.includes('gnu') || parts.includes('gnueabihf')) entry.libc = ['glibc'];
  return entry;
}

let added = 0;
for (const [path, info] of Object.entries(pkgs)) {
  for (const [dep, spec] of Object.entries(info.optionalDependencies ?? {})) {
    if (resolveFrom(path, dep)) continue;
    const version = spec.replace(/^[\^~=]/, '');
    const top = `node_modules/${dep}`;
    const key = pkgs[top] ? `${path}/node_modules/${dep}` : top;
    const platform = platformOf(dep);
    pkgs[key] = { version, optional: true, ...platform };
    if (!platform.os && !platform.cpu) pkgs[key].os = ['none'];
    added++;
  }
}
lock.packages = Object.fromEntries(Object.entries(pkgs).sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : a < b ? -1 : a > b ? 1 : 0)));
writeFileSync(LOCK, JSON.stringify(lock, null, 2) + '\n');
console.error(`fix-lock: đã thêm ${added} gói tùy chọn của nền tảng khác vào package-lock.json`);
