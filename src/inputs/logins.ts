/**
 * `logins.csv` — exact logins from the server's audit log (SPEC §3.2, optional): `time, address, protocol, client_ip`.
 */
import { z } from 'zod';
import { optional, required } from './fields.ts';
import type { InputSpec } from './spec.ts';
import { foldEnum, parseAddress, parseDateTime, parseIp, type Parser } from './values.ts';

/** Protocol as a lowercase token ("IMAP" → "imap", "Web mail" → "web-mail"). */
const parseProtocol: Parser<string> = (raw) => {
  const token = foldEnum(raw);
  return /^[a-z0-9][a-z0-9.+-]*$/.test(token)
    ? { ok: true, value: token }
    : { ok: false, message: `giao thức "${raw}" không hợp lệ (ví dụ: imap, pop3, smtp, http)` };
};

export const loginRowSchema = z.object({
  /** When the login happened (UTC ISO after parsing; no zone in the file means +07:00). */
  time: required(parseDateTime),
  address: required(parseAddress),
  protocol: optional(parseProtocol),
  client_ip: optional(parseIp),
});
export type LoginRow = z.infer<typeof loginRowSchema>;

export const loginsSpec: InputSpec<LoginRow> = {
  kind: 'logins',
  file: 'logins.csv',
  columns: [
    { name: 'time', required: true, aliases: ['thoi gian', 'timestamp'] },
    { name: 'address', required: true, aliases: ['email', 'account', 'tai khoan'] },
    { name: 'protocol', required: false, aliases: ['giao thuc'] },
    { name: 'client_ip', required: false, aliases: ['ip'] },
  ],
  schema: loginRowSchema,
  key: (row) => `${row.time}\u0000${row.address}`,
  keyConflict: (key, first) => `lần đăng nhập của "${key.split('\u0000')[1]}" cùng thời điểm đã có ở dòng ${first} (nội dung khác)`,
};
