/**
 * `messages.csv` — the canonical mail-log alternative (SPEC §3.3): `time, queue_id, from, to, client_ip, size,
 * status, dsn`, one row per recipient of a message. Rows become the same events a Postfix log gives, so the
 * warehouse, the totals and the usage aggregates treat both alike.
 */
import { z } from 'zod';
import { vietnamDate } from '../../text/time.ts';
import { optional, required } from '../fields.ts';
import type { InputSpec } from '../spec.ts';
import { parseAddress, parseCount, parseDateTime, parseEnum, parseIp, type Parser } from '../values.ts';
import { EVENT, type MaillogEvent } from './parseLine.ts';

const parseQueueId: Parser<string> = (raw) =>
  /^[0-9A-Za-z]{5,20}$/.test(raw) ? { ok: true, value: raw } : { ok: false, message: `mã hàng đợi không hợp lệ "${raw}" (5–20 chữ cái hoặc chữ số)` };

const parseDsn: Parser<string> = (raw) =>
  /^[245]\.\d{1,3}\.\d{1,3}$/.test(raw) ? { ok: true, value: raw } : { ok: false, message: `mã DSN không hợp lệ "${raw}" (ví dụ 2.0.0, 4.4.1, 5.1.1)` };

/** The null sender of bounces is written `<>` or left empty. */
const parseSender: Parser<string> = (raw) => (raw === '<>' ? { ok: true, value: '' } : parseAddress(raw));

export const MESSAGE_STATUSES = ['sent', 'deferred', 'bounced', 'expired'] as const;

export const messageRowSchema = z.object({
  time: required(parseDateTime),
  queue_id: required(parseQueueId),
  from: optional(parseSender),
  to: required(parseAddress),
  client_ip: optional(parseIp),
  size: optional(parseCount),
  status: required(parseEnum(MESSAGE_STATUSES, { 'da-gui': 'sent', 'hoan-lai': 'deferred', 'tra-lai': 'bounced' })),
  dsn: optional(parseDsn),
});
export type MessageRow = z.infer<typeof messageRowSchema>;

export const messagesSpec: InputSpec<MessageRow> = {
  kind: 'mail_messages',
  file: 'messages.csv',
  columns: [
    { name: 'time', required: true, aliases: ['thoi gian', 'timestamp', 'date'] },
    { name: 'queue_id', required: true, aliases: ['qid', 'queue id', 'ma hang doi'] },
    { name: 'from', required: true, aliases: ['sender', 'nguoi gui'] },
    { name: 'to', required: true, aliases: ['recipient', 'nguoi nhan'] },
    { name: 'client_ip', required: false, aliases: ['ip', 'client'] },
    { name: 'size', required: false, aliases: ['bytes', 'dung luong'] },
    { name: 'status', required: true, aliases: ['trang thai'] },
    { name: 'dsn', required: false },
  ],
  schema: messageRowSchema,
  key: (row) => `${row.queue_id}\u0000${row.to}\u0000${row.time}\u0000${row.status}`,
  keyConflict: (key, first) => `lượt gửi thư ${key.split('\u0000')[0]} tới "${key.split('\u0000')[1]}" đã có ở dòng ${first} (nội dung khác)`,
};

function localDay(epochMs: number): string {
  return vietnamDate(new Date(epochMs));
}

function blank(kind: number, epochMs: number, qid: string): MaillogEvent {
  return {
    kind, epochMs, day: localDay(epochMs), cmd: 'messages.csv', qid, addr: null, addrDomain: null, size: null,
    sizeTruthy: false, nrcpt: null, clientHost: null, clientIp: null, receivedFrom: null, sasl: null, origQid: null,
    relay: null, delay: null, dsn: null, status: null, detail: null, nextQid: null, origTo: null, forwarded: false,
    sender: null, stage: null,
  };
}

/**
 * The events of messages.csv rows (with their line numbers): for each queue id, at its first row, a receive event
 * (the client IP) and a from= event (sender, size); then one to= event per row. Pure.
 */
export function messageRowEvents(rows: readonly { line: number; row: MessageRow }[]): { line: number; event: MaillogEvent }[] {
  const out: { line: number; event: MaillogEvent }[] = [];
  const seen = new Set<string>();
  for (const { line, row } of rows) {
    const ms = Date.parse(row.time);
    if (!seen.has(row.queue_id)) {
      seen.add(row.queue_id);
      const r = blank(EVENT.receive, ms, row.queue_id);
      r.clientIp = row.client_ip;
      r.receivedFrom = row.client_ip ?? 'messages.csv';
      out.push({ line, event: r });
      const f = blank(EVENT.from, ms, row.queue_id);
      f.addr = row.from ?? '';
      const at = f.addr.indexOf('@');
      f.addrDomain = at > 0 ? f.addr.slice(at + 1) : null;
      f.size = row.size ?? 0;
      f.sizeTruthy = f.size !== 0;
      out.push({ line, event: f });
    }
    const t = blank(EVENT.to, ms, row.queue_id);
    t.addr = row.to;
    t.addrDomain = row.to.slice(row.to.indexOf('@') + 1);
    t.relay = '';
    t.status = row.status;
    t.dsn = row.dsn;
    out.push({ line, event: t });
  }
  return out;
}
