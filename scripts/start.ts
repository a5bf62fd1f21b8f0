// `npm start`: the main job on the embedded default (SPEC §2). Generates sample exports if absent, runs the nightly
// job (ingest, then public and internal builds), and serves the internal site on http://localhost:4321/ and the
// public site on http://localhost:4322/.
import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { runCli } from '../src/cli/main.ts';
import { sampleGenerateArgs } from '../src/cli/sample.ts';
import { serveStatic } from '../src/site/build/serve.ts';

const SAMPLE = join(process.cwd(), 'data', 'sample');
const EXPORTS = join(SAMPLE, 'exports');
const DB = join(SAMPLE, 'warehouse.duckdb');
const SITE = join(SAMPLE, 'site');
const io = {
  stdout: (t: string) => process.stdout.write(t),
  stderr: (t: string) => process.stderr.write(t),
  isTTY: Boolean(process.stderr.isTTY),
};

async function step(title: string, argv: string[]): Promise<void> {
  process.stderr.write(`\n▶ ${title}\n`);
  const code = await runCli(argv, io);
  if (code !== 0) {
    process.stderr.write(`\nDừng: bước "${title}" kết thúc với mã ${code}.\n`);
    process.exit(code);
  }
}

mkdirSync(SAMPLE, { recursive: true });
const existing = existsSync(EXPORTS);
if (!existing) {
  await step('Sinh dữ liệu mẫu: một tỉnh giả lập với 12 tháng dữ liệu cũ và 31 đêm', sampleGenerateArgs(EXPORTS));
}
const folders = readdirSync(EXPORTS).filter((name) => /^\d{4}-\d{2}-\d{2}$/.test(name)).sort();
if (existing) {
  // A sample generated before the year of history (3 nights) is kept, but says how to get the new one. (The year
  // sample's folder names span 355 days: the first is named after the end of its month.)
  const days = folders.length === 0 ? 0 : (Date.parse(folders.at(-1)!) - Date.parse(folders[0]!)) / 86_400_000;
  process.stderr.write(
    `Dùng dữ liệu mẫu có sẵn ở ${EXPORTS} (xoá thư mục này để sinh lại)` +
      (days < 330 ? `; mẫu này chưa đủ một năm (${folders.length} thư mục): xoá nó để có mẫu 12 tháng.\n` : '.\n'),
  );
}
await step(
  `Chạy công việc hằng đêm: nạp ${folders.length} thư mục dữ liệu xuất theo thứ tự ngày (mỗi thư mục một lượt nạp, in kết quả khi xong), dựng trang công khai và nội bộ`,
  ['nightly', '--exports', EXPORTS, '--db', DB, '--out', SITE],
);

const port = Number(process.env.PORT ?? 4321);
await serveStatic(join(SITE, 'internal'), port);
await serveStatic(join(SITE, 'public'), port + 1);
process.stderr.write(
  `\nTrang nội bộ:    http://localhost:${port}/\nTrang công khai: http://localhost:${port + 1}/\nNhấn Ctrl+C để dừng.\n`,
);
