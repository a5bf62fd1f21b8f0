// `npm run bench`: the figures of SPEC §6 for the mail-log ingest, measured side by side in one run, on every shape
// of log: a Zimbra night (content filter, ~24 lines a message), a plain relay (~7 lines a message, several days in one
// file) and, with --log, the operator's own file.
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { vietnamDate } from '../text/time.ts';
import { benchMailboxes, writeBenchLog, type GeneratedLog } from './generateLog.ts';
import { median, runChild } from './measure.ts';
import { writePlainRelayLog } from './plainRelayLog.ts';
import { PFLOGSUMM, medianWall, pflogsummInstalled, sideBySide, type SideBySide } from './sideBySide.ts';
import { simulateYear } from './yearSim.ts';

const USAGE = `Cách dùng: npm run bench -- [--mb 240] [--runs 3] [--dir tmp/bench] [--timestamps classic|rfc3339]
                            [--shapes zimbra,plain] [--log TỆP [--night YYYY-MM-DD]] [--year] [--year-steps 90,180,365]

Đo trong cùng một lượt, xen kẽ, pflogsumm và "ingest + summary" của dự án trên cùng tệp (--runs lượt, lấy trung
vị): thời gian, MB/s, dòng/s, CPU, bộ nhớ đỉnh và tỉ lệ, trên từng dạng nhật ký:
  zimbra  một đêm của máy chủ Zimbra (lọc nội dung amavis, ~24 dòng một thư, 50.000 hộp thư), khoảng --mb MB;
  plain   một máy chuyển tiếp Postfix thuần (không lọc nội dung, không SASL, ~7 dòng một thư, nhiều người gửi và tên
          miền bên ngoài), 10 ngày trong một tệp, khoảng --mb MB;
  --log   tệp nhật ký của chính đơn vị (thường hoặc .gz); --night là ngày của đêm xuất (để đoán năm của dấu thời
          gian kiểu cổ điển), mặc định là ngày sửa tệp.
--timestamps rfc3339 sinh dấu thời gian RFC 3339 có micro giây (mặc định của rsyslog từ Debian 12) cho dạng zimbra.
Với --year, giả lập lịch sử một năm trong kho và đo thời gian nạp một đêm theo độ dài lịch sử.
Nếu máy không có pflogsumm (apt-get install pflogsumm), chỉ đo phía dự án và nói rõ như vậy.`;

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const DOMAIN = 'soctrang.gov.vn';
const MAILBOXES = 50_000;
const LOG_DAY = '2026-11-20';
const NIGHT = '2026-11-21';

const fmt = (n: number, digits = 1) => n.toLocaleString('vi-VN', { minimumFractionDigits: digits, maximumFractionDigits: digits });

/** A log to measure: where its night folder is, and what it holds. */
interface Shape {
  title: string;
  nightDir: string;
  log: string;
  bytes: number;
  lines: number;
}

/** A generated log in `dir/name/NIGHT/maillog`, made once (a marker beside the night folder says it is complete). */
function generated(dir: string, name: string, make: (path: string) => GeneratedLog, print: (line: string) => void, title: string): Shape {
  const nightDir = join(dir, name, NIGHT);
  mkdirSync(nightDir, { recursive: true });
  const log = join(nightDir, 'maillog');
  const done = join(dir, name, 'maillog.lines'); // outside the night folder: ingest would read it
  if (!existsSync(log) || !existsSync(done)) {
    print(`Sinh nhật ký ${title} vào ${log} …`);
    writeFileSync(done, `${make(log).lines}\n`);
  }
  return { title, nightDir, log, bytes: statSync(log).size, lines: Number(readFileSync(done, 'utf8').trim()) };
}

/** The operator's file, linked into a night folder of its own (ingest reads night folders). */
function operatorLog(dir: string, file: string, night: string | undefined): Shape {
  const path = resolve(file);
  const stat = statSync(path, { throwIfNoEntry: false });
  if (!stat?.isFile()) throw new Error(`không tìm thấy tệp nhật ký ${file}`);
  const date = night ?? vietnamDate(new Date(stat.mtimeMs));
  const nightDir = join(dir, `log-${basename(path).replace(/[^\w.-]/g, '_')}`, date);
  rmSync(nightDir, { recursive: true, force: true });
  mkdirSync(nightDir, { recursive: true });
  const name = /\.gz$/i.test(path) ? 'maillog.1.gz' : 'maillog';
  symlinkSync(path, join(nightDir, name));
  return { title: `tệp ${file} (đêm ${date})`, nightDir, log: path, bytes: stat.size, lines: countLines(path) };
}

function countLines(path: string): number {
  if (/\.gz$/i.test(path)) return 0; // not counted: the rate per line is left out
  let n = 0;
  const data = readFileSync(path);
  for (let i = data.indexOf(10); i >= 0; i = data.indexOf(10, i + 1)) n++;
  return n;
}

/** Measures one shape, prints its figures, returns its time ratio (NaN without pflogsumm) and whether totals agree. */
async function measure(shape: Shape, runs: number, workDir: string, print: (line: string) => void): Promise<{ ratio: number; agree: boolean; sbs: SideBySide }> {
  print(`\n${shape.title}: ${fmt(shape.bytes / 2 ** 20)} MB${shape.lines > 0 ? `, ${shape.lines.toLocaleString('vi-VN')} dòng` : ''}`);
  const cli = [join(ROOT, 'scripts', 'cli.mjs')];
  const sbs = await sideBySide({ log: shape.log, night: shape.nightDir, workDir, runs, cli, root: ROOT, onRun: print });
  const ingest = medianWall(sbs.ingest) / 1000;
  const summary = medianWall(sbs.summary) / 1000;
  const ours = median(sbs.ingest.map((r, i) => r.wallMs + sbs.summary[i]!.wallMs)) / 1000;
  const oursCpu = median(sbs.ingest.map((r, i) => r.cpuSeconds + sbs.summary[i]!.cpuSeconds));
  const peak = (rs: { peakMiB: number }[]) => Math.max(...rs.map((r) => r.peakMiB));
  const mb = shape.bytes / 2 ** 20;
  const row = (name: string, s: number, cpu: number, peakMiB: number) =>
    `  ${name.padEnd(18)} ${fmt(s, 2).padStart(7)} s  ${fmt(mb / s).padStart(6)} MB/s  ` +
    `${shape.lines > 0 ? `${Math.round(shape.lines / s).toLocaleString('vi-VN').padStart(9)} dòng/s  ` : ''}CPU ${fmt(cpu, 2).padStart(6)} s  đỉnh ${fmt(peakMiB, 0).padStart(5)} MiB`;
  if (sbs.pflogsumm.length > 0) {
    print(row('pflogsumm', medianWall(sbs.pflogsumm) / 1000, median(sbs.pflogsumm.map((r) => r.cpuSeconds)), peak(sbs.pflogsumm)));
  }
  print(row('ingest + summary', ours, oursCpu, Math.max(peak(sbs.ingest), peak(sbs.summary))));
  print(`    (ingest ${fmt(ingest, 2)} s, summary ${fmt(summary, 2)} s)`);
  if (sbs.pflogsumm.length === 0) {
    print(`  pflogsumm không có ở ${PFLOGSUMM}: chỉ đo phía dự án, không có tỉ lệ (apt-get install pflogsumm để so sánh)`);
    return { ratio: NaN, agree: true, sbs };
  }
  const pf = medianWall(sbs.pflogsumm) / 1000;
  const pfCpu = median(sbs.pflogsumm.map((r) => r.cpuSeconds));
  const faster = (r: number) => (r >= 1 ? `nhanh hơn pflogsumm ${fmt(r)} lần` : `chậm hơn pflogsumm ${fmt(1 / r)} lần`);
  print(`  Tỉ lệ thời gian: ${faster(pf / ours)}; theo CPU: ${faster(pfCpu / oursCpu)}`);
  // a small log is mostly the fixed cost of a run (Node, DuckDB, the warehouse file written safely), not parsing
  if (ours < 2 && pf < ours) print('  (tệp nhỏ: phần lớn thời gian là chi phí cố định của một lượt nạp — khởi động, mở và ghi an toàn kho dữ liệu — không phải đọc nhật ký)');
  // on a shared machine the speed of both drifts from minute to minute: each round's two runs, taken back to back,
  // share the machine's state, so their ratio is steadier than the ratio of the medians
  const paired = sbs.pflogsumm.map((p, i) => p.wallMs / (sbs.ingest[i]!.wallMs + sbs.summary[i]!.wallMs)).sort((a, b) => a - b);
  print(`  Tỉ lệ theo từng lượt (hai lần chạy liền nhau): trung vị ${fmt(median(paired))} lần, từ ${fmt(paired[0]!)} đến ${fmt(paired.at(-1)!)}`);
  print(sbs.mismatches.length === 0 ? '  Tổng số: trùng khớp với pflogsumm (12 chỉ tiêu)' : `  KHÁC pflogsumm: ${sbs.mismatches.join('; ')}`);
  return { ratio: pf / ours, agree: sbs.mismatches.length === 0, sbs };
}

/** Runs the benchmark, printing as it goes; returns the exit code (1 when some totals differ from pflogsumm's). */
export async function runBench(argv: string[], print: (line: string) => void): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      mb: { type: 'string', default: '240' }, runs: { type: 'string', default: '3' }, dir: { type: 'string', default: 'tmp/bench' },
      timestamps: { type: 'string', default: 'classic' }, shapes: { type: 'string', default: 'zimbra,plain' },
      log: { type: 'string' }, night: { type: 'string' },
      year: { type: 'boolean' }, 'year-steps': { type: 'string', default: '90,180,365' }, help: { type: 'boolean' },
    },
  });
  if (values.help) {
    print(USAGE);
    return 0;
  }
  const mb = Number(values.mb);
  const runs = Number(values.runs);
  const timestamps = values.timestamps;
  const shapes = values.shapes!.split(',').filter(Boolean);
  if (
    !(mb > 0) || !Number.isInteger(runs) || runs < 1 || (timestamps !== 'classic' && timestamps !== 'rfc3339') ||
    shapes.some((s) => s !== 'zimbra' && s !== 'plain') || (values.night !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(values.night))
  ) {
    print(USAGE);
    return 2;
  }
  const dir = resolve(ROOT, values.dir!);
  mkdirSync(dir, { recursive: true });
  if (!pflogsummInstalled()) print(`pflogsumm không có ở ${PFLOGSUMM}: chỉ đo phía dự án (apt-get install pflogsumm để có tỉ lệ).`);

  const todo: Shape[] = [];
  if (shapes.includes('zimbra')) {
    const name = timestamps === 'classic' ? `exports-${mb}mb` : `exports-${mb}mb-${timestamps}`;
    todo.push(generated(dir, name, (path) => writeBenchLog(path, {
      date: LOG_DAY, domain: DOMAIN, mailboxes: benchMailboxes(MAILBOXES, DOMAIN), targetBytes: mb * 2 ** 20, seed: 20261120, timestamps,
    }), print, `Zimbra (amavis, ${MAILBOXES.toLocaleString('vi-VN')} hộp thư, dấu thời gian ${timestamps === 'classic' ? 'cổ điển' : 'RFC 3339'})`));
  }
  if (shapes.includes('plain')) {
    todo.push(generated(dir, `plain-${mb}mb`, (path) => writePlainRelayLog(path, {
      from: '2026-11-11', days: 10, domain: DOMAIN, targetBytes: mb * 2 ** 20, seed: 20261111,
    }), print, 'Postfix chuyển tiếp thuần (không lọc nội dung, 10 ngày một tệp)'));
  }
  if (values.log !== undefined) {
    try {
      todo.push(operatorLog(dir, values.log, values.night));
    } catch (err) {
      print(`Lỗi: ${(err as Error).message}`);
      return 1;
    }
  }

  const results: { title: string; ratio: number; agree: boolean }[] = [];
  for (const shape of todo) results.push({ title: shape.title, ...(await measure(shape, runs, dir, print)) });
  if (results.length > 1) {
    print('\nTóm tắt (tỉ lệ = thời gian pflogsumm / thời gian ingest + summary, trung vị):');
    for (const r of results) print(`  ${Number.isNaN(r.ratio) ? '   —' : `${fmt(r.ratio).padStart(4)}×`}  ${r.title}${r.agree ? '' : '  (TỔNG KHÁC pflogsumm)'}`);
  }

  const zimbra = todo.find((s) => s.nightDir.includes(`exports-${mb}mb`));
  if (values.year && zimbra) {
    const steps = values['year-steps']!.split(',').map(Number).filter((n) => n > 0);
    print(`\nGiả lập lịch sử (${MAILBOXES.toLocaleString('vi-VN')} hộp thư, 300 cơ quan; chi tiết giữ 183 ngày, tổng hợp giữ mọi ngày):`);
    await simulateYear({
      log: zimbra.log, night: NIGHT, workDir: dir, domain: DOMAIN, mailboxes: MAILBOXES, steps, retentionDays: 183,
      onStep: (s) => print(`  lịch sử ${String(s.historyDays).padStart(3)} ngày: ingest một đêm ${fmt(s.ingestSeconds, 2)} s; ${s.factRows.toLocaleString('vi-VN')} dòng chi tiết; kho ${fmt(s.fileMiB, 0)} MiB`),
    });
  }
  return results.every((r) => r.agree) ? 0 : 1;
}
