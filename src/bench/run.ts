// `npm run bench`: the figures of SPEC §6 for the mail-log ingest, measured side by side in one run.
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { benchMailboxes, writeBenchLog } from './generateLog.ts';
import { median, runChild } from './measure.ts';
import { medianWall, sideBySide } from './sideBySide.ts';
import { simulateYear } from './yearSim.ts';

const USAGE = `Cách dùng: npm run bench -- [--mb 240] [--runs 3] [--dir tmp/bench] [--timestamps classic|rfc3339]
                            [--year] [--year-steps 90,180,365]

Sinh một nhật ký Postfix (Zimbra + amavis, 50.000 hộp thư) khoảng --mb MB, rồi trong cùng một lượt đo xen kẽ
pflogsumm và "ingest + summary" của dự án trên cùng tệp (--runs lượt, lấy trung vị): thời gian, MB/s, dòng/s,
bộ nhớ đỉnh và tỉ lệ; với --year, giả lập lịch sử
một năm trong kho và đo thời gian nạp một đêm theo độ dài lịch sử. --timestamps rfc3339 sinh dấu thời gian
RFC 3339 có micro giây (mặc định của rsyslog từ Debian 12) thay cho kiểu cổ điển "Nov 20 08:15:02".`;

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const DOMAIN = 'soctrang.gov.vn';
const MAILBOXES = 50_000;
const LOG_DAY = '2026-11-20';
const NIGHT = '2026-11-21';

const fmt = (n: number, digits = 1) => n.toLocaleString('vi-VN', { minimumFractionDigits: digits, maximumFractionDigits: digits });

/** Runs the benchmark, printing as it goes; returns the exit code. */
export async function runBench(argv: string[], print: (line: string) => void): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      mb: { type: 'string', default: '240' }, runs: { type: 'string', default: '3' }, dir: { type: 'string', default: 'tmp/bench' },
      timestamps: { type: 'string', default: 'classic' },
      'no-strategies': { type: 'boolean' }, year: { type: 'boolean' }, 'year-steps': { type: 'string', default: '90,180,365' },
      help: { type: 'boolean' },
    },
  });
  if (values.help) {
    print(USAGE);
    return 0;
  }
  const mb = Number(values.mb);
  const runs = Number(values.runs);
  const timestamps = values.timestamps;
  if (!(mb > 0) || !Number.isInteger(runs) || runs < 1 || (timestamps !== 'classic' && timestamps !== 'rfc3339')) {
    print(USAGE);
    return 2;
  }
  const dir = resolve(ROOT, values.dir!);
  const name = timestamps === 'classic' ? `exports-${mb}mb` : `exports-${mb}mb-${timestamps}`;
  const nightDir = join(dir, name, NIGHT);
  mkdirSync(nightDir, { recursive: true });
  const log = join(nightDir, 'maillog');
  const done = join(dir, name, 'maillog.lines'); // outside the night folder: ingest would read it
  if (!existsSync(log) || !existsSync(done)) {
    print(`Sinh nhật ký ~${mb} MB (${MAILBOXES.toLocaleString('vi-VN')} hộp thư, dấu thời gian ${timestamps}) vào ${log} …`);
    const g = writeBenchLog(log, {
      date: LOG_DAY, domain: DOMAIN, mailboxes: benchMailboxes(MAILBOXES, DOMAIN), targetBytes: mb * 2 ** 20, seed: 20261120, timestamps,
    });
    writeFileSync(done, `${g.lines}\n`);
  }
  const bytes = statSync(log).size;
  const lines = Number(readFileSync(done, 'utf8').trim());
  print(`Tệp: ${fmt(bytes / 2 ** 20)} MB, ${lines.toLocaleString('vi-VN')} dòng`);

  print(`\nSo sánh trực tiếp (${runs} lượt xen kẽ, trung vị):`);
  const cli = [join(ROOT, 'scripts', 'cli.mjs')];
  const sbs = await sideBySide({ log, night: nightDir, workDir: dir, runs, cli, root: ROOT, onRun: print });
  const startups: number[] = [];
  for (let i = 0; i < 3; i++) startups.push((await runChild(process.execPath, [...cli, 'summary', '--help'], ROOT)).wallMs);
  const startup = median(startups) / 1000;
  const pf = medianWall(sbs.pflogsumm) / 1000;
  const ingest = medianWall(sbs.ingest) / 1000;
  const summary = medianWall(sbs.summary) / 1000;
  const ours = median(sbs.ingest.map((r, i) => r.wallMs + sbs.summary[i]!.wallMs)) / 1000;
  const peak = (rs: { peakMiB: number }[]) => Math.max(...rs.map((r) => r.peakMiB));
  const pfCpu = median(sbs.pflogsumm.map((r) => r.cpuSeconds));
  const oursCpu = median(sbs.ingest.map((r, i) => r.cpuSeconds + sbs.summary[i]!.cpuSeconds));
  const row = (name: string, s: number, cpu: number, peakMiB: number) =>
    `  ${name.padEnd(22)} ${fmt(s, 2).padStart(7)} s  ${fmt(bytes / 2 ** 20 / s).padStart(6)} MB/s  ${Math.round(lines / s).toLocaleString('vi-VN').padStart(9)} dòng/s  CPU ${fmt(cpu, 2).padStart(6)} s  đỉnh ${fmt(peakMiB, 0).padStart(5)} MiB`;
  print(row('pflogsumm', pf, pfCpu, peak(sbs.pflogsumm)));
  print(row('ingest + summary', ours, oursCpu, Math.max(peak(sbs.ingest), peak(sbs.summary))));
  print(`    (ingest ${fmt(ingest, 2)} s, summary ${fmt(summary, 2)} s; khởi động CLI ${fmt(startup, 2)} s mỗi lệnh, đo bằng summary --help)`);
  print(`  Tỉ lệ thời gian: nhanh hơn pflogsumm ${fmt(pf / ours)} lần; tỉ lệ CPU: ${fmt(pfCpu / oursCpu)} lần`);
  // on a shared machine the speed of both drifts from minute to minute: each round's two runs, taken back to back,
  // share the machine's state, so their ratio is steadier than the ratio of the medians
  const paired = sbs.pflogsumm.map((p, i) => p.wallMs / (sbs.ingest[i]!.wallMs + sbs.summary[i]!.wallMs)).sort((a, b) => a - b);
  print(`  Tỉ lệ theo từng lượt (hai lần chạy liền nhau): trung vị ${fmt(median(paired))} lần, từ ${fmt(paired[0]!)} đến ${fmt(paired.at(-1)!)}`);
  print(sbs.mismatches.length === 0 ? '  Tổng số: trùng khớp với pflogsumm (12 chỉ tiêu)' : `  KHÁC pflogsumm: ${sbs.mismatches.join('; ')}`);

  if (values.year) {
    const steps = values['year-steps']!.split(',').map(Number).filter((n) => n > 0);
    print(`\nGiả lập lịch sử (${MAILBOXES.toLocaleString('vi-VN')} hộp thư, 300 cơ quan; chi tiết giữ 183 ngày, tổng hợp giữ mọi ngày):`);
    await simulateYear({
      log, night: NIGHT, workDir: dir, domain: DOMAIN, mailboxes: MAILBOXES, steps, retentionDays: 183,
      onStep: (s) => print(`  lịch sử ${String(s.historyDays).padStart(3)} ngày: ingest một đêm ${fmt(s.ingestSeconds, 2)} s; ${s.factRows.toLocaleString('vi-VN')} dòng chi tiết; kho ${fmt(s.fileMiB, 0)} MiB`),
    });
  }
  return sbs.mismatches.length === 0 ? 0 : 1;
}
