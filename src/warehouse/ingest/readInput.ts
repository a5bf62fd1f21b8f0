/**
 * Reading one export file for a loader: bytes → Unicode text (legacy encodings converted, with a warning) →
 * parsed and validated rows. A file that cannot be read at all, or not in an encoding we can be sure of, fails the
 * night with its name (SPEC §3.6), unless the night runs with `--partial`: then it is quarantined as a whole, recorded
 * as a gap, and the rest of the night loads.
 */
import { readFileSync } from 'node:fs';
import { RunError } from '../../errors.ts';
import { decodeExport, legacyCellFixer } from '../../inputs/decodeExport.ts';
import { parseTable, type ParsedTable } from '../../inputs/readTable.ts';
import { looksLikeWorkbook, readWorkbookTable, WorkbookError } from '../../inputs/readWorkbook.ts';
import type { InputSpec } from '../../inputs/spec.ts';
import { validateTable, type ValidatedTable } from '../../inputs/validateTable.ts';
import { LEGACY_ENCODING_LABELS } from '../../text/legacyEncoding.ts';
import type { IngestContext } from '../ingestContext.ts';
import type { ExportFile } from './exportFolder.ts';

/** Reads and decodes a file; null when it could not be decoded (a gap of a `--partial` night). Throws RunError when
 * unreadable in a strict night. */
export function readExportText(ctx: IngestContext, file: ExportFile): string | null {
  return decodedText(ctx, file, readBytes(file));
}

function readBytes(file: ExportFile): Uint8Array {
  try {
    return readFileSync(file.path);
  } catch (err) {
    throw new RunError(`không đọc được tệp ${file.path}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
  }
}

function decodedText(ctx: IngestContext, file: ExportFile, bytes: Uint8Array): string | null {
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
 * Reads, parses and validates a table input of kind `spec`: a CSV in any encoding readExportText takes, or an Excel
 * workbook (`.xlsx`, or a workbook saved under a `.csv` name). Rejected rows go to quarantine, header problems and
 * per-cell legacy conversions to warnings. Returns null when nothing of the file could be loaded.
 */
export async function readTableInput<Row>(ctx: IngestContext, file: ExportFile, spec: InputSpec<Row>): Promise<ValidatedTable<Row> | null> {
  const table = await readTable(ctx, file, spec);
  if (table === null) return null;
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

/** The file's rows before validation, from a workbook or from CSV text; null when it could not be read. */
async function readTable<Row>(ctx: IngestContext, file: ExportFile, spec: InputSpec<Row>): Promise<ParsedTable | null> {
  const bytes = readBytes(file);
  const workbook = /\.xlsx$/i.test(file.name);
  if (workbook || looksLikeWorkbook(bytes)) {
    if (!workbook) ctx.warn(`${file.name}: tệp là bảng tính Excel (.xlsx) mang tên .csv — đã đọc như bảng tính`);
    ctx.progress(`${file.name}: đang đọc bảng tính`);
    try {
      return await readWorkbookTable(bytes, spec.columns);
    } catch (err) {
      if (!(err instanceof WorkbookError)) throw err;
      ctx.unreadable({ file: file.name, reason: `${err.message} — hãy mở lại tệp trong Excel và lưu dạng .xlsx hoặc "CSV UTF-8"` });
      ctx.quarantine({ file: file.name, line: null, column: null, raw: null, reason: `${err.message} — không nạp dòng nào của tệp` });
      return null;
    }
  }
  const text = decodedText(ctx, file, bytes);
  if (text === null) return null;
  ctx.progress(`${file.name}: đang đọc`);
  return parseTable(text);
}
