/**
 * Time stamps for operators' logs, lock files and status files: the machine's local time (the guide sets
 * TZ=Asia/Ho_Chi_Minh) with its offset, so a line read next to syslog or journalctl needs no conversion.
 */
const pad = (n: number, w = 2) => String(Math.abs(Math.trunc(n))).padStart(w, '0');

/** "2026-11-21T01:30:02+07:00" (RFC 3339, local time, whole seconds). */
export function localTimestamp(d: Date): string {
  const offset = -d.getTimezoneOffset();
  const sign = offset >= 0 ? '+' : '-';
  return (
    `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}` +
    `${sign}${pad(offset / 60)}:${pad(offset % 60)}`
  );
}
