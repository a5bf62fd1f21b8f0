// The rows the mail-log parse writes: one delimited file per kind of event, only the columns that kind has, each
// column with the type the warehouse reads it as (src/warehouse/maillog/stageTables.ts loads the files into DuckDB's
// temporary staging tables of the same names with its parallel CSV reader). Here: the files' format, which file an
// event goes to, and how the reference parser's event (parseLine.ts) becomes a row; the fast path (fastPath.ts)
// writes the same bytes without building the event.
import { isFilterHop, isHandOff } from './contentFilterHops.ts';
import { EVENT, type MaillogEvent } from './parseLine.ts';

export const SEP = '\x1f';
export const NULL = '\\N';

/**
 * A kind of staged row: its staging table's name, its columns (in file order) and how an event becomes a row. Every
 * row starts with the file index and the byte offset of its line (SQL makes `pos` = file · 2⁴⁰ + offset: reading order) and the time as
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

/** The file an event's row goes to. */
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

/** Field text as read (latin1 characters written back as the same bytes). */
export const asIs = (s: string | null) => (s === null ? NULL : s);
/** Fields of a line that is not valid UTF-8: decoded with U+FFFD for the bad bytes. */
export const fromLatin1 = (s: string | null) => (s === null ? NULL : Buffer.from(s, 'latin1').toString('utf8').replace(/[\x1f\r]/g, ' '));
/** Fields that would break a row (the separator, a carriage return) made harmless. */
export const cleaned = (s: string | null) => (s === null ? NULL : s.replace(/[\x1f\r]/g, ' '));
