/**
 * `report --db FILE --period PERIOD --out DIR [--today YYYY-MM-DD] [--no-pdf] [--profile P]` (SPEC §2, issue 7): the
 * report to UBND for PERIOD (002 Điều 10 khoản 3; 001 Điều 11 khoản 1 điểm d) as report.html (print view in the
 * format of NĐ 30/2020), report.docx, annex CSVs and phu-luc.xlsx, and report.pdf when Chromium is installed.
 */
import { resolve } from 'node:path';
import { notCoveredText } from '../../reports/document.ts';
import { describeDaysLeft } from '../../reports/due.ts';
import { prepareReport, writeReportFiles } from '../../reports/writeReport.ts';
import { parsePeriod, viDate, type Period } from '../../rules/period.ts';
import { isPolicyId } from '../../rules/policy/load.ts';
import { DEFAULT_POLICY, POLICY_IDS, type PolicyId } from '../../rules/policy/schema.ts';
import { policyInForce } from '../../warehouse/ingest/policyInForce.ts';
import { ComplianceSession } from '../../warehouse/compliance/session.ts';
import { withReadOnlyWarehouse } from '../../warehouse/open.ts';
import { vietnamToday } from '../today.ts';
import { RunError } from '../../errors.ts';
import { EXIT, UsageError, requireString, type Command } from '../command.ts';

const USAGE = [
  'Cách dùng: npm run cli -- report --db TỆP --period KỲ --out THƯ_MỤC [--today NGÀY] [--no-pdf] [--profile HỒ_SƠ]',
  '',
  'Lập báo cáo gửi UBND tỉnh về hoạt động và tình hình sử dụng hệ thống thư điện tử trong KỲ, theo thể thức',
  'Nghị định 30/2020/NĐ-CP, kèm các phụ lục theo từng cơ quan.',
  '',
  'Tùy chọn:',
  '  --db TỆP           kho dữ liệu DuckDB (đã nạp bằng lệnh ingest)',
  '  --period KỲ        2025 (năm), 2025-H1 / 2025-H2 (6 tháng) hoặc 2025-01-01..2025-03-31 (đột xuất)',
  '  --out THƯ_MỤC      nơi ghi report.html, report.docx, phu-luc-*.csv, phu-luc.xlsx và report.pdf',
  '  --today NGÀY       ngày ghi trên báo cáo và để tính số ngày còn lại đến hạn (mặc định: hôm nay)',
  '  --no-pdf           không in report.pdf (mặc định in bằng Chromium nếu máy có /usr/bin/chromium)',
  `  --profile HỒ_SƠ    ${POLICY_IDS.join(', ')}; mặc định: hồ sơ ghi trong kho, nếu không có thì ${DEFAULT_POLICY}`,
  '  --help             in hướng dẫn này',
  '',
  'Phần "Kiến nghị, đề xuất" lấy từ data/report-recommendations/<KỲ>.md nếu có (ví dụ 2025-H1.md),',
  'nếu không thì được soạn sẵn từ số liệu.',
  '',
  'Ví dụ:',
  '  npm run cli -- report --db data/warehouse.duckdb --period 2025-H1 --out out/bao-cao-2025-H1',
  '',
  'Kỳ mà kho dữ liệu không có số liệu (chưa có danh sách hộp thư và nhật ký thư của kỳ) không được lập báo cáo.',
  '',
  'Mã thoát: 0 thành công; 1 không đọc được kho dữ liệu, kho không có số liệu của kỳ, hoặc không ghi được tệp;',
  '2 sai cách dùng.',
].join('\n');

export const reportCommand: Command = {
  name: 'report',
  usage: USAGE,
  options: {
    db: { type: 'string' },
    period: { type: 'string' },
    out: { type: 'string' },
    today: { type: 'string' },
    'no-pdf': { type: 'boolean' },
    profile: { type: 'string' },
  },
  async run(values, _positionals, io) {
    const db = requireString(values, 'db');
    const out = resolve(requireString(values, 'out'));
    let period: Period;
    try {
      period = parsePeriod(requireString(values, 'period'));
    } catch (err) {
      if (err instanceof UsageError) throw err;
      throw new UsageError((err as Error).message);
    }
    const today = typeof values.today === 'string' ? values.today : vietnamToday();
    if (!/^\d{4}-\d{2}-\d{2}$/.test(today) || Number.isNaN(Date.parse(today))) {
      throw new UsageError(`--today "${today}" không hợp lệ: dùng dạng 2025-07-15`);
    }
    if (values.profile !== undefined && (typeof values.profile !== 'string' || !isPolicyId(values.profile))) {
      throw new UsageError(`không có hồ sơ "${String(values.profile)}"; chọn một trong: ${POLICY_IDS.join(', ')}`);
    }
    const { model, annexes } = await withReadOnlyWarehouse(db, async (conn) => {
      const policy = await policyInForce(conn, values.profile as PolicyId | undefined);
      return prepareReport(new ComplianceSession().on(conn, policy), period, today);
    });
    const missing = notCoveredText(model);
    if (missing !== null) throw new RunError(`${missing} Chưa lập báo cáo; hãy chọn kỳ có số liệu (kho có dữ liệu từ khi nạp đêm đầu tiên).`);
    const written = await writeReportFiles(out, model, annexes, values['no-pdf'] !== true);
    const t = model.totals;
    io.stdout(
      [
        `${model.title} — ${period.label} (${viDate(period.from)}–${viDate(period.to)})`,
        `Số liệu đến ngày ${viDate(model.evaluatedTo)}; ${model.rows.length} cơ quan; cấp mới ${t.issued}, thu hồi ${t.revoked}, ` +
          `phiếu yêu cầu ${t.reqReceived}, sự cố ${model.incidentSummary.total}.`,
        ...model.dues.map((d) => `${d.title}: ${d.due ? `hạn trước ngày ${viDate(d.due)}, ${describeDaysLeft(d.daysLeft!)}` : 'không quy định hạn'}`),
        `Đã ghi vào ${out}: ${written.files.join(', ')}`,
        written.pdf === 'no-chromium' ? 'Không có Chromium nên chưa in report.pdf.' : '',
      ]
        .filter((l) => l !== '')
        .join('\n') + '\n',
    );
    return EXIT.ok;
  },
};
