// The temporary staging tables of a mail-log load and the delimited rows that fill them: one table per event kind,
// only the columns that kind has. Rows are written as bytes and loaded by DuckDB's parallel CSV reader.
import { closeSync, openSync, writeSync } from 'node:fs';
import { EVENT, type MaillogEvent } from '../../inputs/postfix/parseLine.ts';

export const SEP = '\x1f';
export const NULL = '\\N';
const FLUSH_AT = 1 << 22;

/**
 * A staging table: name, columns (in file order), and how an event becomes a row. Every row starts with the file
 * index and the byte offset of its line (SQL makes `pos` = file · 2⁴⁰ + offset: reading order) and the time as
 * milliseconds after `base` (the night's midnight, UTC): numbers that small print ten times
 * faster than epoch milliseconds, and the row is most of the parse's cost. `day` is derived in SQL from `ms`.
 */
export interface StageTable {
  name: string;
  columns: [string, string][];
  row: (at: string, e: MaillogEvent, base: number, t: (s: string | null) => string) => string;
}

/** The two leading columns of a row: file index and byte offset. */
export const rowAt = (fileIndex: number, offset: number) => `${fileIndex}${SEP}${offset}`;
const AT: [string, string][] = [['fi', 'SMALLINT'], ['off', 'BIGINT']];

const n = (x: number | null) => (x === null ? NULL : String(x));

export const STAGE_TABLES: Record<'recv' | 'from' | 'to' | 'hop' | 'reject' | 'notice' | 'removed', StageTable> = {
  recv: {
    name: 'maillog_recv',
    columns: [...AT, ['ms', 'BIGINT'], ['kind', 'TINYINT'], ['cmd', 'VARCHAR'], ['qid', 'VARCHAR'], ['client_host', 'VARCHAR'],
      ['client_ip', 'VARCHAR'], ['received_from', 'VARCHAR'], ['sasl', 'VARCHAR'], ['orig_qid', 'VARCHAR']],
    row: (at, e, base, t) => `${at}${SEP}${e.epochMs - base}${SEP}${e.kind}${SEP}${t(e.cmd)}${SEP}${t(e.qid)}${SEP}${t(e.clientHost)}${SEP}${t(e.clientIp)}${SEP}${t(e.receivedFrom)}${SEP}${t(e.sasl)}${SEP}${t(e.origQid)}`,
  },
  from: {
    name: 'maillog_from',
    columns: [...AT, ['ms', 'BIGINT'], ['qid', 'VARCHAR'], ['addr', 'VARCHAR'], ['addr_dom', 'VARCHAR'], ['size', 'BIGINT'],
      ['size_truthy', 'BOOLEAN'], ['nrcpt', 'INTEGER']],
    row: (at, e, base, t) => `${at}${SEP}${e.epochMs - base}${SEP}${t(e.qid)}${SEP}${t(e.addr)}${SEP}${t(e.addrDomain)}${SEP}${n(e.size)}${SEP}${e.sizeTruthy ? 't' : 'f'}${SEP}${n(e.nrcpt)}`,
  },
  to: {
    name: 'maillog_to',
    columns: [...AT, ['ms', 'BIGINT'], ['cmd', 'VARCHAR'], ['qid', 'VARCHAR'], ['addr', 'VARCHAR'],
      ['orig_to', 'VARCHAR'], ['relay', 'VARCHAR'], ['delay', 'VARCHAR'], ['dsn', 'VARCHAR'], ['status', 'VARCHAR'], ['detail', 'VARCHAR'],
      ['next_qid', 'VARCHAR'], ['forwarded', 'BOOLEAN'], ['filter_hop', 'BOOLEAN']],
    row: (at, e, base, t) => `${at}${SEP}${e.epochMs - base}${SEP}${t(e.cmd)}${SEP}${t(e.qid)}${SEP}${t(e.addr)}${SEP}${t(e.origTo)}${SEP}${t(e.relay)}${SEP}${t(e.delay)}${SEP}${t(e.dsn)}${SEP}${t(e.status)}${SEP}${t(e.detail)}${SEP}${t(e.nextQid)}${SEP}${e.forwarded ? 't' : 'f'}${SEP}${isFilterHop(e) ? 't' : 'f'}`,
  },
  /** A content filter's successful hand-off (isHandOff): only what the totals and the hop links need. */
  hop: {
    name: 'maillog_hop',
    columns: [...AT, ['ms', 'BIGINT'], ['qid', 'VARCHAR'], ['addr', 'VARCHAR'], ['next_qid', 'VARCHAR'], ['forwarded', 'BOOLEAN']],
    row: (at, e, base, t) => `${at}${SEP}${e.epochMs - base}${SEP}${t(e.qid)}${SEP}${t(e.addr)}${SEP}${t(e.nextQid)}${SEP}${e.forwarded ? 't' : 'f'}`,
  },
  reject: {
    name: 'maillog_reject',
    columns: [...AT, ['ms', 'BIGINT'], ['kind', 'TINYINT'], ['cmd', 'VARCHAR'], ['qid', 'VARCHAR'], ['stage', 'VARCHAR'],
      ['client_host', 'VARCHAR'], ['client_ip', 'VARCHAR'], ['sender', 'VARCHAR'], ['addr', 'VARCHAR'], ['detail', 'VARCHAR']],
    row: (at, e, base, t) => `${at}${SEP}${e.epochMs - base}${SEP}${e.kind}${SEP}${t(e.cmd)}${SEP}${t(e.qid)}${SEP}${t(e.stage)}${SEP}${t(e.clientHost)}${SEP}${t(e.clientIp)}${SEP}${t(e.sender)}${SEP}${t(e.addr)}${SEP}${t(e.detail)}`,
  },
  notice: {
    name: 'maillog_notice',
    columns: [...AT, ['ms', 'BIGINT'], ['qid', 'VARCHAR'], ['next_qid', 'VARCHAR']],
    row: (at, e, base, t) => `${at}${SEP}${e.epochMs - base}${SEP}${t(e.qid)}${SEP}${t(e.nextQid)}`,
  },
  /** `QID: removed`: the message is done; its queue id's state is not carried to the next night (totals.ts). */
  removed: {
    name: 'maillog_removed',
    columns: [...AT, ['ms', 'BIGINT'], ['qid', 'VARCHAR']],
    row: (at, e, base, t) => `${at}${SEP}${e.epochMs - base}${SEP}${t(e.qid)}`,
  },
};

export type StageKey = keyof typeof STAGE_TABLES;
export const STAGE_KEYS = Object.keys(STAGE_TABLES) as StageKey[];

export function stageKeyOf(e: MaillogEvent): StageKey {
  const kind = e.kind;
  if (kind === EVENT.from) return 'from';
  if (kind === EVENT.to) return isHandOff(e) ? 'hop' : 'to';
  if (kind === EVENT.notice) return 'notice';
  if (kind === EVENT.removed) return 'removed';
  if (kind >= EVENT.reject && kind <= EVENT.discard) return 'reject';
  return 'recv';
}

/** The night's `base` for relative times: midnight UTC of the export date, in epoch milliseconds. */
export const msBase = (exportDate: string) => Date.parse(`${exportDate}T00:00:00Z`);

/**
 * DuckDB's CSV reader over delimited files of `table`, as a relation with `pos` first and absolute `ms`, with the
 * parameters it binds (one per file, and `base`).
 */
export function readCsvSource(table: StageTable, paths: readonly string[], prefix: string, base: number): { sql: string; params: Record<string, string | number> } {
  const columns = `{${table.columns.map(([name, type]) => `'${name}': '${type}'`).join(', ')}}`;
  const hasMs = table.columns.some(([name]) => name === 'ms');
  const params: Record<string, string | number> = { [`${prefix}sep`]: SEP, [`${prefix}null`]: NULL };
  if (hasMs) params[`${prefix}base`] = base;
  paths.forEach((p, i) => (params[`${prefix}${i}`] = p));
  const list = paths.map((_, i) => `$${prefix}${i}`).join(', ');
  return {
    sql: `(SELECT fi::BIGINT * 1099511627776 + off AS pos, * EXCLUDE (fi, off)${hasMs ? ` REPLACE (ms + $${prefix}base AS ms)` : ''} ` +
      `FROM read_csv([${list}], delim = $${prefix}sep, quote = '', escape = '', header = false, nullstr = $${prefix}null, ` +
      `auto_detect = false, columns = ${columns}, max_line_size = 4000000))`,
    params,
  };
}

/** Columns of the relation readCsvSource gives (pos first, then the rest), with their types. */
export function stagedColumns(table: StageTable): [string, string][] {
  return [['pos', 'BIGINT'], ...table.columns.filter(([name]) => name !== 'fi' && name !== 'off')];
}

/**
 * A message handed to a content filter and queued again under a new id (status=sent, "queued as X"): plumbing,
 * not a delivery. Its row is not kept in mail_deliveries; the copy's mail_message_hops row records the hop, and
 * pflogsumm's totals, which count it as delivered (or forwarded), read it from maillog_hop at ingest.
 */
export function isHandOff(e: MaillogEvent): boolean {
  return e.status === 'sent' && e.nextQid !== null && isFilterHop(e);
}

/** Postfix programs that deliver locally: their to= lines are never a hand-off to a content filter. */
export const LOCAL_DELIVERY_PROGRAMS: ReadonlySet<string> = new Set(['lmtp', 'local', 'virtual', 'pipe']);

/** A delivery handed to a content filter on the loopback (amavis on 127.0.0.1:10024…) by smtp: not a recipient. */
export function isFilterHop(e: MaillogEvent): boolean {
  if (LOCAL_DELIVERY_PROGRAMS.has(e.cmd)) return false;
  const relay = e.relay ?? '';
  const open = relay.indexOf('[');
  const host = open >= 0 ? relay.slice(open + 1) : relay;
  return host.startsWith('127.') || host.startsWith('::1]') || relay.startsWith('localhost');
}

/** Field text as read (latin1 characters written back as the same bytes). */
export const asIs = (s: string | null) => (s === null ? NULL : s);
/** Fields of a line that is not valid UTF-8: decoded with U+FFFD for the bad bytes. */
export const fromLatin1 = (s: string | null) => (s === null ? NULL : Buffer.from(s, 'latin1').toString('utf8').replace(/[\x1f\r]/g, ' '));
/** Fields that would break a row (the separator, a carriage return) made harmless. */
export const cleaned = (s: string | null) => (s === null ? NULL : s.replace(/[\x1f\r]/g, ' '));

/** Buffer#latin1Write (what `write(s, offset, 'latin1')` ends in, without its argument checks). */
const latin1Write = (buf: Buffer, s: string, offset: number): number =>
  (buf as unknown as { latin1Write(s: string, offset: number, length: number): number }).latin1Write(s, offset, buf.length - offset);

/** Appends rows straight into a byte buffer: rows kept as strings until a flush would survive into the old
 * generation (with the read chunk they slice) and cost more in garbage collection than the parse itself. The fast
 * path (fastRows.ts) writes bytes into `out` at `used` itself, after `reserve`. */
export class RowWriter {
  readonly out = Buffer.allocUnsafe(FLUSH_AT);
  used = 0;
  private readonly fd: number;
  rows = 0;
  constructor(readonly path: string) {
    this.fd = openSync(path, 'w');
  }
  /** `latin1` writes each character as the byte it was read as (so UTF-8 input stays UTF-8). */
  push(row: string, encoding: 'latin1' | 'utf8'): void {
    this.rows++;
    const max = encoding === 'latin1' ? row.length + 1 : row.length * 3 + 1;
    if (this.used + max > this.out.length) {
      this.flush();
      if (max > this.out.length) {
        writeSync(this.fd, row + '\n', null, encoding);
        return;
      }
    }
    this.used += encoding === 'latin1' ? latin1Write(this.out, row, this.used) : this.out.write(row, this.used, 'utf8');
    this.out[this.used++] = 10;
  }
  /** Makes room for `bytes` more at `used`; false when a row that long cannot fit (the caller writes it as a string). */
  reserve(bytes: number): boolean {
    if (this.used + bytes <= this.out.length) return true;
    this.flush();
    return bytes <= this.out.length;
  }
  flush(): void {
    if (this.used > 0) writeSync(this.fd, this.out, 0, this.used);
    this.used = 0;
  }
  close(): void {
    this.flush();
    closeSync(this.fd);
  }
}
