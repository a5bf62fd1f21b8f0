// Helpers for scanning a built site: every file's text, with XLSX (zip) files unpacked.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';

/** Every file under `dir` as [relative path, text]; an XLSX contributes the text of each part it holds. */
export function siteTexts(dir: string): [string, string][] {
  const out: [string, string][] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    const file = join(entry.parentPath, entry.name);
    const rel = relative(dir, file);
    const bytes = readFileSync(file);
    if (rel.endsWith('.xlsx')) {
      for (const [part, content] of Object.entries(unzipSync(bytes))) out.push([`${rel}!${part}`, strFromU8(content)]);
    } else {
      out.push([rel, bytes.toString('utf8')]);
    }
  }
  return out;
}
