/**
 * `summary --db FILE --json [--from YYYY-MM-DD --to YYYY-MM-DD]` (SPEC §2, §4.3): the mail-log Grand Totals, with
 * the same meaning and, on the same log, the same numbers as pflogsumm's.
 */
import { mailTotals, type MailTotals } from '../../warehouse/maillog/summary.ts';
import { withReadOnlyWarehouse } from '../../warehouse/open.ts';
import { EXIT, UsageError, requireString, type Command, type CommandIO, type ParsedValues } from '../command.ts';

const USAGE = [
  'Cách dùng: npm run cli -- summary --db TỆP [--json] [--from YYYY-MM-DD] [--to YYYY-MM-DD]',
  '',
  'Tổng hợp nhật ký thư (Postfix) trong kho: số thư nhận, lượt chuyển thành công, thư bị hoãn và số lần hoãn,',
  'thư bị trả lại, kết nối bị từ chối, số byte nhận và chuyển, số người gửi, người nhận và tên miền —',
  'cùng ý nghĩa và cùng số liệu với mục "Grand Totals" của pflogsumm trên cùng tệp nhật ký.',
  '',
  'Tùy chọn:',
  '  --db TỆP            kho dữ liệu DuckDB (đã nạp bằng lệnh ingest)',
  '  --json              in một đối tượng JSON: received, delivered, deferred, deferrals, bounced, rejected,',
  '                      bytes_received, bytes_delivered, senders, recipients, sending_domains, recipient_domains',
  '  --from YYYY-MM-DD   chỉ tính từ ngày này (theo giờ Việt Nam, tính cả ngày này)',
  '  --to YYYY-MM-DD     chỉ tính đến ngày này (tính cả ngày này)',
  '  --help              in hướng dẫn này',
  '',
  'Ví dụ:',
  '  npm run cli -- summary --db data/warehouse.duckdb --json',
  '  npm run cli -- summary --db data/warehouse.duckdb --from 2026-01-01 --to 2026-06-30',
  '',
  'Mã thoát: 0 thành công; 1 không đọc được kho dữ liệu; 2 sai cách dùng.',
].join('\n');

const LABELS: [keyof MailTotals, string][] = [
  ['received', 'thư nhận vào hàng đợi'],
  ['delivered', 'lượt chuyển thành công'],
  ['deferred', 'thư bị hoãn'],
  ['deferrals', 'lần hoãn'],
  ['bounced', 'lượt bị trả lại'],
  ['rejected', 'lần từ chối (NOQUEUE)'],
  ['bytes_received', 'byte nhận'],
  ['bytes_delivered', 'byte đã chuyển'],
  ['senders', 'người gửi'],
  ['sending_domains', 'máy/tên miền gửi'],
  ['recipients', 'người nhận'],
  ['recipient_domains', 'máy/tên miền nhận'],
];

function day(values: ParsedValues, name: 'from' | 'to'): string | undefined {
  const v = values[name];
  if (v === undefined) return undefined;
  const text = String(v);
  const d = new Date(`${text}T00:00:00Z`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text) || Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== text) {
    throw new UsageError(`--${name} phải là một ngày dạng YYYY-MM-DD (nhận được "${text}")`);
  }
  return text;
}

function table(t: MailTotals, from?: string, to?: string): string {
  const nf = new Intl.NumberFormat('vi-VN');
  const vi = (d: string) => d.split('-').reverse().join('/');
  const title = from || to ? `Tổng hợp nhật ký thư ${from ? `từ ${vi(from)} ` : ''}${to ? `đến ${vi(to)}` : ''}`.trim() : 'Tổng hợp nhật ký thư (toàn bộ kho)';
  const width = Math.max(...LABELS.map(([k]) => nf.format(t[k]).length));
  return [title, '', ...LABELS.map(([k, label]) => `  ${nf.format(t[k]).padStart(width)}  ${label}`)].join('\n');
}

export const summaryCommand: Command = {
  name: 'summary',
  usage: USAGE,
  options: {
    db: { type: 'string' },
    json: { type: 'boolean' },
    from: { type: 'string' },
    to: { type: 'string' },
  },
  async run(values: ParsedValues, _positionals: string[], io: CommandIO): Promise<number> {
    const db = requireString(values, 'db');
    const from = day(values, 'from');
    const to = day(values, 'to');
    if (from && to && from > to) throw new UsageError(`--from (${from}) sau --to (${to})`);
    const totals = await withReadOnlyWarehouse(db, (conn) => mailTotals(conn, { from, to }));
    io.stdout(values.json ? `${JSON.stringify(totals)}\n` : `${table(totals, from, to)}\n`);
    return EXIT.ok;
  },
};
