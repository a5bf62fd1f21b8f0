/**
 * The command blocks of docs/OPERATIONS.md that the tests run (issue 20: the runbook's steps carry the commands the
 * tests run). A block is the fenced code after a `<!-- kiểm thử: NAME -->` line. A test runs it as written, with
 * the guide's folders and service user replaced by its own; lines needing what a test machine has not (systemd
 * running, a git server, network for npm) are left out, each with its reason, which the test shows.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const GUIDE = fileURLToPath(new URL('../../docs/OPERATIONS.md', import.meta.url));

/** The text of block NAME. */
export function runbookBlock(name: string): string {
  const doc = readFileSync(GUIDE, 'utf8');
  const m = new RegExp(`<!-- kiểm thử: ${name} -->\\n\`\`\`\\w*\\n([\\s\\S]*?)\`\`\``).exec(doc);
  if (!m) throw new Error(`docs/OPERATIONS.md has no block "${name}"`);
  return m[1]!;
}

export interface Adaptation {
  /** Guide path → test path, longest first is not needed: the guide's folders do not nest in one another's names. */
  paths: Record<string, string>;
  /** The service user and group: `nobody`/`nogroup` when the test is root; null to run `runuser -u thucongvu --`
   * lines as the test's own user. */
  user: { name: string; group: string } | null;
  /** Lines left out: a pattern and why. */
  skip: { pattern: RegExp; why: string }[];
}

/** Block NAME as a bash script for this test, and the lines it left out (with why). */
export function runbookScript(name: string, a: Adaptation): { script: string; skipped: string[] } {
  const skipped: string[] = [];
  const lines = runbookBlock(name)
    .split('\n')
    .filter((line) => {
      const rule = a.skip.find((s) => s.pattern.test(line));
      if (rule) skipped.push(`${line.trim()}  — ${rule.why}`);
      return !rule;
    })
    .map((line) => {
      let l = line;
      for (const [from, to] of Object.entries(a.paths)) l = l.split(from).join(to);
      if (a.user) return l.replace(/-g thucongvu/g, `-g ${a.user.group}`).replace(/thucongvu/g, a.user.name);
      return l.replace(/runuser -u thucongvu -- /g, '');
    });
  return { script: `set -euo pipefail\n${lines.join('\n')}`, skipped };
}
