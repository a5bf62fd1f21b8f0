/**
 * The generic row validator every CSV input kind goes through (SPEC §3.6, STYLE.md §4): header → columns, field
 * count, exact duplicates, the kind's zod schema, and identity conflicts. A bad row never stops the file: it is
 * returned as a rejected row with file, line, column and a Vietnamese reason. Pure: no I/O.
 */
import type { CellRecord } from './fields.ts';
import { mapHeader } from './header.ts';
import type { ParsedTable } from './readTable.ts';
import { rawLine, scrubPersonal } from './redact.ts';
import type { InputSpec } from './spec.ts';

/** A rejected row (or whole-file problem), shaped like the warehouse's quarantine entry. */
export interface RejectedRow {
  file: string;
  /** 1-based physical line; null for a problem with the whole file. */
  line: number | null;
  column: string | null;
  /** The row as read, personal cells blanked. */
  raw: string | null;
  reason: string;
}

/** Where a row came from: its line and raw fields (to build a quarantine entry if a later check rejects it). */
export interface RowPosition {
  line: number;
  fields: readonly string[];
}

export interface AcceptedRow<Row> extends RowPosition {
  row: Row;
}

export interface ValidatedTable<Row> {
  rows: AcceptedRow<Row>[];
  rejected: RejectedRow[];
  warnings: string[];
  /** Values of the spec's identity column in every record read, good or bad (lowercased). */
  identities: Set<string>;
  /** False when the file is empty or a required column is missing: the file's rows were not read. */
  readable: boolean;
  /** Why a file with a header could not be read (a required column missing): the night fails on it (SPEC §3.6). */
  unreadable?: string;
  /** Rejects an accepted row after a later check, with its redacted raw text. */
  reject(row: RowPosition, column: string | null, reason: string): RejectedRow;
}

export interface ValidateOptions {
  /** Converts a cell's text (e.g. TCVN3/VNI → Unicode); called on every non-empty cell. */
  fixCell?: (text: string) => string;
  /** Called every PROGRESS_EVERY records with (records done, records in the file). */
  onProgress?: (done: number, total: number) => void;
}

const PROGRESS_EVERY = 10_000;
/** Address-shaped tokens, to recover the identity of a row whose fields cannot be trusted. */
const ADDRESS_LIKE = /[a-z0-9._%+'-]+@[a-z0-9.-]+/g;

/** Validates a parsed table against an input kind. `file` is the name reported in messages. */
export function validateTable<Row>(
  file: string,
  table: ParsedTable,
  spec: InputSpec<Row>,
  options: ValidateOptions = {},
): ValidatedTable<Row> {
  const map = mapHeader(table.header, spec.columns);
  const personal = new Set(spec.columns.filter((c) => c.personal).flatMap((c) => map.positions.get(c.name) ?? []));
  const width = table.header.length;
  const rows: AcceptedRow<Row>[] = [];
  const rejected: RejectedRow[] = [];
  const warnings: string[] = [];
  const identities = new Set<string>();
  const identityAt = spec.identity === undefined ? undefined : map.positions.get(spec.identity);

  const blankFor = (fields: readonly string[]): Set<number> => {
    const blank = new Set(personal);
    if (spec.redact) {
      for (const name of spec.redact(cellsOf(fields))) {
        const at = map.positions.get(name);
        if (at !== undefined) blank.add(at);
      }
    }
    return blank;
  };
  const raw = (fields: readonly string[]) => rawLine(fields, table.separator, blankFor(fields));
  const reject = (row: RowPosition, column: string | null, reason: string): RejectedRow => ({
    file,
    line: row.line,
    column,
    raw: raw(row.fields),
    reason,
  });
  const fix = options.fixCell;
  const cellsOf = (fields: readonly string[]): CellRecord => {
    const cells: CellRecord = {};
    for (const [name, at] of map.positions) {
      const value = fields[at]?.trim();
      cells[name] = value === undefined || value === '' ? undefined : (fix ? fix(value) : value).normalize('NFC');
    }
    return cells;
  };

  if (table.headerLine === 0) {
    rejected.push({ file, line: null, column: null, raw: null, reason: 'tệp rỗng (không có dòng tiêu đề) — không nạp dòng nào' });
    return { rows, rejected, warnings, identities, readable: false, reject };
  }
  if (map.missingRequired.length > 0) {
    const names = map.missingRequired.map((n) => `"${n}"`).join(', ');
    rejected.push({
      file,
      line: table.headerLine,
      column: map.missingRequired[0]!,
      raw: rawLine(table.header, table.separator, new Set()),
      reason: `thiếu cột bắt buộc ${names} — không nạp dòng nào của tệp`,
    });
    const unreadable = `dòng tiêu đề (dòng ${table.headerLine}) thiếu cột bắt buộc ${names}; hãy xuất lại tệp với đủ các cột của ${spec.file} theo mẫu`;
    return { rows, rejected, warnings, identities, readable: false, unreadable, reject };
  }
  if (map.missingOptional.length > 0) warnings.push(`${file}: thiếu cột không bắt buộc ${map.missingOptional.join(', ')}`);
  if (map.extra.length > 0) warnings.push(`${file}: bỏ qua cột thừa ${map.extra.join(', ')}`);
  if (map.repeated.length > 0) warnings.push(`${file}: cột lặp lại ${map.repeated.join(', ')} — dùng cột đầu tiên`);

  for (const g of table.garbled) {
    if (identityAt !== undefined) for (const id of g.text.toLowerCase().match(ADDRESS_LIKE) ?? []) identities.add(id);
    rejected.push({ file, line: g.line, column: null, raw: scrubPersonal(g.text), reason: g.reason });
  }

  const seenRows = new Map<string, number>();
  const seenKeys = new Map<string, number>();
  let done = 0;
  for (const record of table.records) {
    if (++done % PROGRESS_EVERY === 0) options.onProgress?.(done, table.records.length);
    const fields = record.fields;
    if (identityAt !== undefined) {
      const id = fields[identityAt]?.trim().toLowerCase();
      if (id) identities.add(id);
    }
    if (fields.length !== width) {
      // Fields may have shifted: anything address-like may be this row's identity.
      if (identityAt !== undefined) for (const id of fields.join(' ').toLowerCase().match(ADDRESS_LIKE) ?? []) identities.add(id);
      const text = rawLine(fields, table.separator, personal);
      rejected.push({
        file,
        line: record.line,
        column: null,
        raw: personal.size > 0 || spec.redact ? scrubPersonal(text) : text,
        reason: `số trường không khớp: dòng có ${fields.length} trường, dòng tiêu đề có ${width} (dòng bị cắt cụt hoặc lỗi định dạng)`,
      });
      continue;
    }
    const content = fields.map((f) => f.trim()).join('\u0001');
    const firstLine = seenRows.get(content);
    const position: RowPosition = { line: record.line, fields };
    if (firstLine !== undefined) {
      rejected.push(reject(position, null, `dòng trùng lặp với dòng ${firstLine}`));
      continue;
    }
    seenRows.set(content, record.line);
    const parsed = spec.schema.safeParse(cellsOf(fields));
    if (!parsed.success) {
      const issues = parsed.error.issues.map((i) => ({ column: i.path.length > 0 ? String(i.path[0]) : null, message: i.message }));
      const [first, ...more] = issues;
      const reason = [first!.message, ...more.map((i) => (i.column ? `cột ${i.column}: ${i.message}` : i.message))].join('; ');
      rejected.push(reject(position, first!.column, reason));
      continue;
    }
    if (spec.key) {
      const key = spec.key(parsed.data);
      const earlier = seenKeys.get(key);
      if (earlier !== undefined) {
        rejected.push(reject(position, null, spec.keyConflict ? spec.keyConflict(key, earlier) : `trùng khóa với dòng ${earlier}`));
        continue;
      }
      seenKeys.set(key, record.line);
    }
    rows.push({ ...position, row: parsed.data });
  }
  rejected.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
  return { rows, rejected, warnings, identities, readable: true, reject };
}
