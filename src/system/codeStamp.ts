/**
 * Which code built a release: the package's version and a stamp of the sources (names, sizes and modification times
 * of src/, astro.config.mjs and package-lock.json; a few hundred stats, no reading). A release built by other code
 * is rebuilt even on a night that adds nothing: an upgrade shows on the site the next night.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** "0.1.0+3f2a9c01b7de". */
export function codeStamp(root: string = ROOT): string {
  const hash = createHash('sha256');
  const files = [
    ...readdirSync(join(root, 'src'), { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => join(e.parentPath, e.name)),
    join(root, 'astro.config.mjs'),
    join(root, 'package-lock.json'),
  ].sort();
  for (const file of files) {
    const st = statSync(file, { throwIfNoEntry: false });
    hash.update(`${relative(root, file)}\0${st?.size ?? -1}\0${st?.mtimeMs ?? -1}\n`);
  }
  const version = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version?: string }).version ?? '0';
  return `${version}+${hash.digest('hex').slice(0, 12)}`;
}
