// `npm start`: the main job on the embedded default (SPEC §2). Generates sample exports if absent, runs the nightly
// job (ingest, then public and internal builds), and serves the internal site on http://localhost:4321/ and the
// public site on http://localhost:4322/.
import { existsSync, mkdirSync } from 'node:fs';
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
if (!existsSync(EXPORTS)) {
  await step('Sinh dữ liệu mẫu: một tỉnh giả lập với 12 tháng dữ liệu cũ và 31 đêm', sampleGenerateArgs(EXPORTS));
} else {
  process.stderr.write(`Dùng dữ liệu mẫu có sẵn ở ${EXPORTS} (xoá thư mục này để sinh lại).\n`);
}
await step('Chạy công việc hằng đêm: nạp dữ liệu, dựng trang công khai và nội bộ', ['nightly', '--exports', EXPORTS, '--db', DB, '--out', SITE]);

const port = Number(process.env.PORT ?? 4321);
await serveStatic(join(SITE, 'internal'), port);
await serveStatic(join(SITE, 'public'), port + 1);
process.stderr.write(
  `\nTrang nội bộ:    http://localhost:${port}/\nTrang công khai: http://localhost:${port + 1}/\nNhấn Ctrl+C để dừng.\n`,
);
