/**
 * `quota.txt` — mailbox usage as `zmprov gqu <server>` prints it (SPEC §3.2): one line per mailbox,
 * `address limit_bytes used_bytes`, whitespace-separated; a limit of 0 means no limit. Pure: no I/O.
 */
import type { RejectedRow } from './validateTable.ts';
import { parseAddress } from './values.ts';

export interface QuotaLine {
  line: number;
  address: string;
  /** The limit in MB; null when Zimbra reports no limit (0). */
  quotaMb: number | null;
  usedMb: number;
  /** The line as read. */
  raw: string;
}

const BYTES_PER_MB = 1024 * 1024;

/** Parses a `quota.txt`; malformed lines and repeated addresses are rejected with a Vietnamese reason. */
export function parseQuota(file: string, text: string): { lines: QuotaLine[]; rejected: RejectedRow[] } {
  const lines: QuotaLine[] = [];
  const rejected: RejectedRow[] = [];
  const seen = new Map<string, number>();
  text.split(/\r\n|\n|\r/).forEach((raw, i) => {
    const line = i + 1;
    const parts = raw.trim().split(/\s+/);
    if (raw.trim() === '' || raw.trim().startsWith('#')) return;
    const bad = (column: string | null, reason: string) => rejected.push({ file, line, column, raw: raw.trim(), reason });
    if (parts.length !== 3) return bad(null, `dòng phải có 3 trường "địa chỉ giới_hạn_byte đã_dùng_byte", có ${parts.length}`);
    const [addressText, limitText, usedText] = parts as [string, string, string];
    const address = parseAddress(addressText);
    if (!address.ok) return bad('address', address.message);
    if (!/^\d+$/.test(limitText)) return bad('limit_bytes', `giới hạn dung lượng (byte) không hợp lệ "${limitText}"`);
    if (!/^\d+$/.test(usedText)) return bad('used_bytes', `dung lượng đã dùng (byte) không hợp lệ "${usedText}"`);
    const first = seen.get(address.value);
    if (first !== undefined) return bad('address', `địa chỉ "${address.value}" đã có ở dòng ${first}`);
    seen.set(address.value, line);
    const limit = Number(limitText);
    lines.push({ line, address: address.value, quotaMb: limit === 0 ? null : limit / BYTES_PER_MB, usedMb: Number(usedText) / BYTES_PER_MB, raw: raw.trim() });
  });
  return { lines, rejected };
}
