/**
 * The mail-log step of a night (SPEC §3.3) until the mail-log loader exists: every maillog/messages.csv file is
 * reported as a warning, never silently ignored. Wiring the real loader is replacing the import in ingestNight.ts
 * with `import { loadMaillogFiles } from '../maillog/load.ts';` and deleting this file.
 */
import { basename } from 'node:path';
import type { IngestContext, LoadedCounts } from '../ingestContext.ts';

/** Same signature as the mail-log engineer's loader: `files` are absolute paths. */
export async function loadMaillogFiles(ctx: IngestContext, files: string[]): Promise<LoadedCounts> {
  for (const file of files) ctx.warn(`chưa hỗ trợ nạp nhật ký thư (maillog) — bỏ qua tệp ${basename(file)}`);
  return {};
}
