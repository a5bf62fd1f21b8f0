/**
 * Reading one export file for a loader: bytes → Unicode text (legacy encodings converted, with a warning) →
 * parsed and validated rows. A file that cannot be read at all, or not in an encoding we can be sure of, fails the
 * night with its name (SPEC §3.6), unless the night runs with `--partial`: then it is quarantined as a whole, recorded
 * as a gap, and the rest of the night loads.
 */
import { readFileSync } from 'node:fs';
import { RunError } from '../../cli/command.ts';
import { decodeExport, legacyCellFixer } from '../../inputs/decodeExport.ts';
import { parseTable } from '../../inputs/readTable.ts';
import type { InputSpec } from '../../inputs/spec.ts';
import { validateTable, type ValidatedTable } from '../../inputs/validateTable.ts';
import { LEGACY_ENCODING_LABELS } from '../../text/legacyEncoding.ts';
import type { IngestContext } from '../ingestContext.ts';
import type { ExportFile } from './exportFolder.ts';

/** Reads and decodes a file; null when it could not be decoded (a gap of a `--partial` night). Throws RunError when
 * unreadable in a strict night. */
export function readExportText(ctx: IngestContext, file: ExportFile): string | null {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(file.path);
  } catch (err) {
    throw new RunError(`không đọc được tệp ${file.path}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
  }
  const decoded = decodeExport(file.name, bytes);
  if (decoded.kind !== 'text') {
    ctx.unreadable({ file: file.name, reason: decoded.reason });
    ctx.quarantine({ file: file.name, line: null, column: null, raw: null, reason: `${decoded.reason} — không nạp dòng nào của tệp` });
    return null;
  }
  for (const note of decoded.notes) ctx.warn(note);
  return decoded.text;
}

/**
 * Reads, parses and validates a CSV input of kind `spec`. Rejected rows go to quarantine, header problems and
 * per-cell legacy conversions to warnings. Returns null when nothing of the file could be loaded.
 */
export function readCsvInput<Row>(ctx: IngestContext, file: ExportFile, spec: InputSpec<Row>): ValidatedTable<Row> | null {
  const text = readExportText(ctx, file);
  if (text === null) return null;
  ctx.progress(`${file.name}: đang đọc`);
  const table = parseTable(text);
  const legacy = legacyCellFixer();
  const result = validateTable(file.name, table, spec, {
    fixCell: legacy.fix,
    onProgress: (done, total) => ctx.progress(`${file.name}: ${done}/${total} dòng`),
  });
  for (const [encoding, cells] of legacy.converted) {
    ctx.warn(`${file.name}: ${cells} ô theo bảng mã ${LEGACY_ENCODING_LABELS[encoding]} đã được chuyển sang Unicode TCVN 6909:2001`);
  }
  if (result.unreadable !== undefined) ctx.unreadable({ file: file.name, reason: result.unreadable });
  for (const warning of result.warnings) ctx.warn(warning);
  for (const rejected of result.rejected) ctx.quarantine(rejected);
  return result.readable ? result : null;
}
