// Reading order of a night's rotated mail logs: oldest first, as `pflogsumm maillog.2.gz maillog.1 maillog` reads them.
import { basename } from 'node:path';

/** Age rank of a rotated log name: `maillog.3.gz` (3) is older than `maillog.1` (1), older than `maillog` (0);
 * dated names (`maillog-20261120.gz`) sort by their date, oldest first, before the live file. */
function rank(name: string): [number, number, string] {
  const lower = name.toLowerCase();
  const numbered = /\.(\d{1,3})(?:\.gz)?$/.exec(lower);
  if (numbered) return [0, -Number(numbered[1]), lower];
  const dated = /(\d{8})(?:\.gz)?$/.exec(lower);
  if (dated) return [1, Number(dated[1]), lower];
  return [2, 0, lower];
}

/** The files in reading order (a stable sort: equal ranks keep name order). */
export function orderMaillogFiles(paths: readonly string[]): string[] {
  const keyed = paths.map((p) => ({ p, k: rank(basename(p)) }));
  keyed.sort((a, b) => a.k[0] - b.k[0] || a.k[1] - b.k[1] || (a.k[2] < b.k[2] ? -1 : a.k[2] > b.k[2] ? 1 : 0));
  return keyed.map((x) => x.p);
}
