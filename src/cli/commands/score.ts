/**
 * `score --db FILE --period PERIOD [--json] [--profile P] [--lists DIR]` (SPEC §2, §4.5): per-agency compliance
 * scores and ranks, as a Vietnamese table or one JSON object (byte-identical for the same warehouse and period), and
 * optionally the regulation's lists as CSV files.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import { toCsv } from '../../reports/csv.ts';
import { compareGroups, groupLabel } from '../../reports/rollup.ts';
import { methodLabel } from '../../text/labels.ts';
import { complianceLists } from '../../rules/compliance/lists.ts';
import type { AgencyScore } from '../../rules/compliance/scoring.ts';
import { parsePeriod, viDate, type Period } from '../../rules/period.ts';
import { isPolicyId } from '../../rules/policy/load.ts';
import { DEFAULT_POLICY, POLICY_IDS, type Policy } from '../../rules/policy/schema.ts';
import type { ScoreResult } from '../../warehouse/compliance/scores.ts';
import { ComplianceSession, type Compliance } from '../../warehouse/compliance/session.ts';
import { policyInForce } from '../../warehouse/ingest/policyInForce.ts';
import { withReadOnlyWarehouse } from '../../warehouse/open.ts';
import { RunError } from '../../errors.ts';
import { EXIT, UsageError, requireString, type Command, type CommandIO } from '../command.ts';

const USAGE = [
  'Cách dùng: npm run cli -- score --db TỆP --period KỲ [--json] [--profile HỒ_SƠ] [--lists THƯ_MỤC]',
  '',
  'Tính điểm tuân thủ quy chế thư điện tử (0–100) của từng cơ quan trong KỲ và xếp hạng trong từng nhóm',
  '(điểm bằng nhau cùng hạng: 1, 1, 3), kèm điểm kỳ trước và mức thay đổi.',
  '',
  'Tùy chọn:',
  '  --db TỆP           kho dữ liệu DuckDB (đã nạp bằng lệnh ingest)',
  '  --period KỲ        2025 (năm), 2025-H1 / 2025-H2 (6 tháng) hoặc 2025-01-01..2025-03-31 (đột xuất)',
  '  --json             in một đối tượng JSON (giống hệt nhau giữa các lần chạy trên cùng kho và kỳ)',
  `  --profile HỒ_SƠ    ${POLICY_IDS.join(', ')}; mặc định: hồ sơ ghi trong kho, nếu không có thì ${DEFAULT_POLICY}`,
  '  --lists THƯ_MỤC    ghi thêm các danh sách theo quy chế (CSV UTF-8 có BOM) tại ngày cuối của kỳ:',
  '                     mat-khau.csv, thu-hoi-tam-khoa.csv, chuyen-tiep-ra-ngoai.csv',
  '  --help             in hướng dẫn này',
  '',
  'Phương pháp: mỗi tiêu chí là tử số / mẫu số, đếm tại ngày cuối mỗi tháng của kỳ; tiêu chí không có dữ liệu',
  'được bỏ và trọng số chia lại cho các tiêu chí còn lại. Chi tiết từng tiêu chí có trong --json.',
  '',
  'Ví dụ:',
  '  npm run cli -- score --db data/warehouse.duckdb --period 2025',
  '  npm run cli -- score --db data/warehouse.duckdb --period 2025-H1 --json --lists out/danh-sach',
  '',
  'Mã thoát: 0 thành công; 1 không đọc được kho dữ liệu; 2 sai cách dùng.',
].join('\n');

const vi1 = new Intl.NumberFormat('vi-VN', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const fmt = (n: number | null) => (n === null ? '—' : vi1.format(n));
const fmtChange = (n: number | null) => (n === null ? '—' : (n > 0 ? '+' : '') + vi1.format(n));

/** The profile: --profile, else the warehouse's `warehouse_meta.policy`, else the default. */
async function selectPolicy(conn: DuckDBConnection, option: unknown): Promise<Policy> {
  if (option !== undefined && (typeof option !== 'string' || !isPolicyId(option))) {
    throw new UsageError(`không có hồ sơ "${String(option)}"; chọn một trong: ${POLICY_IDS.join(', ')}`);
  }
  return policyInForce(conn, option);
}

function table(result: ScoreResult, policy: Policy): string {
  const p = result.period;
  const lines = [
    `Điểm tuân thủ quy chế thư điện tử — ${p.label}${p.kind === 'ad-hoc' ? '' : ` (${viDate(p.from)}–${viDate(p.to)})`}`,
    `Quy định áp dụng: ${policy.name}; so với ${result.previousPeriod.label}`,
    `Điểm được chấm theo ${methodLabel(result.methodVersion)}.`,
    result.data ? `Dữ liệu: ${viDate(result.data.from)}–${viDate(result.data.to)}` : 'Kho chưa có dữ liệu hộp thư.',
  ];
  const groups = new Map<string, AgencyScore[]>();
  for (const a of result.agencies) groups.set(a.group, [...(groups.get(a.group) ?? []), a]);
  for (const [group, agencies] of [...groups].sort(([a], [b]) => compareGroups(a, b))) {
    const codeWidth = Math.max(2, ...agencies.map((a) => a.code.length));
    const nameWidth = Math.min(48, Math.max(7, ...agencies.map((a) => a.name.length)));
    lines.push('', `Nhóm ${groupLabel(group)} (${agencies.length} cơ quan, đơn vị)`);
    lines.push(`${'Hạng'.padStart(4)}  ${'Mã'.padEnd(codeWidth)}  ${'Cơ quan'.padEnd(nameWidth)}  ${'Điểm'.padStart(6)}  ${'Kỳ trước'.padStart(8)}  ${'Thay đổi'.padStart(8)}`);
    for (const a of agencies) {
      const name = a.name.length > nameWidth ? `${a.name.slice(0, nameWidth - 1)}…` : a.name;
      lines.push(
        `${(a.rank === null ? '—' : String(a.rank)).padStart(4)}  ${a.code.padEnd(codeWidth)}  ${name.padEnd(nameWidth)}  ` +
          `${fmt(a.score).padStart(6)}  ${fmt(a.previousScore).padStart(8)}  ${fmtChange(a.change).padStart(8)}`,
      );
    }
  }
  if (result.agencies.length === 0) lines.push('', `Không có cơ quan nào có dữ liệu trong ${p.label}.`);
  return lines.join('\n') + '\n';
}

async function writeLists(compliance: Compliance, period: Period, dataTo: string, dir: string, io: CommandIO): Promise<void> {
  const { policy } = compliance;
  const asOf = period.to < dataTo ? period.to : dataTo;
  const { findings } = await compliance.findings({ asOf, eventsFrom: period.from });
  mkdirSync(dir, { recursive: true });
  for (const list of complianceLists(policy, findings)) {
    writeFileSync(join(dir, list.fileName), toCsv(list.table));
    const na = list.notApplicable.length > 0 ? ` (quy chế không quy định: ${list.notApplicable.join('; ')})` : '';
    io.stderr(`Đã ghi ${join(dir, list.fileName)}: ${list.table.rows.length} hộp thư, tại ngày ${viDate(asOf)}${na}\n`);
  }
}

export const scoreCommand: Command = {
  name: 'score',
  usage: USAGE,
  options: {
    db: { type: 'string' },
    period: { type: 'string' },
    json: { type: 'boolean' },
    profile: { type: 'string' },
    lists: { type: 'string' },
  },
  async run(values, _positionals, io) {
    const db = requireString(values, 'db');
    let period: Period;
    try {
      period = parsePeriod(requireString(values, 'period'));
    } catch (err) {
      if (err instanceof UsageError) throw err;
      throw new UsageError((err as Error).message);
    }
    if (values.profile !== undefined && (typeof values.profile !== 'string' || !isPolicyId(values.profile))) {
      throw new UsageError(`không có hồ sơ "${String(values.profile)}"; chọn một trong: ${POLICY_IDS.join(', ')}`);
    }
    await withReadOnlyWarehouse(db, async (conn) => {
      const policy = await selectPolicy(conn, values.profile);
      const compliance = new ComplianceSession().on(conn, policy);
      const result = await compliance.scores(period);
      io.stdout(values.json ? `${JSON.stringify(result, null, 2)}\n` : table(result, policy));
      if (typeof values.lists === 'string') {
        if (!result.data) throw new RunError('kho chưa có dữ liệu hộp thư nên không lập được danh sách');
        await writeLists(compliance, period, result.data.to, values.lists, io);
      }
    });
    return EXIT.ok;
  },
};
