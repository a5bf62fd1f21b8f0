import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { buildSite } from '../../site/build/buildSite.ts';
import { publishRelease } from '../../site/build/publish.ts';
import type { Audience } from '../../site/build/types.ts';
import { formatNumber } from '../../site/format.ts';
import { EXIT, optionalInt, requireString, RunError, type Command } from '../command.ts';
import { ingestCommand } from './ingest.ts';

const AUDIENCES: readonly Audience[] = ['public', 'internal'];

/** A release folder name that sorts by time: 20261121T010203-4242. */
function releaseId(now: Date): string {
  return `${now.toISOString().replace(/[-:]/g, '').replace(/\..*$/, '')}-${process.pid}`;
}

export const nightlyCommand: Command = {
  name: 'nightly',
  usage: `Cách dùng: npm run cli -- nightly --exports THƯ_MỤC --db TỆP --out THƯ_MỤC [--base /đường/dẫn/] [--wait GIÂY] [--partial]

Chạy công việc hằng đêm:
  1. nạp dữ liệu xuất (như lệnh ingest: một thư mục đêm YYYY-MM-DD hoặc thư mục chứa các đêm);
  2. dựng bản công khai và bản nội bộ vào một thư mục phát hành mới (OUT/.releases/<thời điểm>/);
  3. chỉ khi cả hai bản dựng xong mới chuyển OUT/public và OUT/internal (liên kết tượng trưng) sang bản mới.
Người xem không bao giờ thấy trang dựng dở; đêm lỗi thì trang của hôm trước vẫn giữ nguyên.

Tùy chọn:
  --exports THƯ_MỤC  dữ liệu xuất của đêm (hoặc thư mục chứa các đêm)
  --db TỆP           kho dữ liệu DuckDB (tạo mới nếu chưa có)
  --out THƯ_MỤC      thư mục gốc của trang: máy chủ web phục vụ OUT/public và OUT/internal
  --base ĐƯỜNG_DẪN   đường dẫn con khi đăng trên cổng thông tin, ví dụ /thu-cong-vu/ (mặc định /)
  --wait GIÂY        nếu kho đang được lượt khác cập nhật, chờ tối đa GIÂY giây (mặc định 0)
  --partial          tệp không đọc được không làm hỏng cả đêm: nạp phần còn lại, ghi nhận phần thiếu

Mã thoát: 0 thành công; 1 nạp hoặc dựng lỗi (trang cũ giữ nguyên); 2 sai cách dùng.
Xem docs/OPERATIONS.md để đặt lịch chạy bằng cron hoặc systemd timer.`,
  options: {
    exports: { type: 'string' },
    db: { type: 'string' },
    out: { type: 'string' },
    base: { type: 'string' },
    wait: { type: 'string' },
    partial: { type: 'boolean' },
  },
  async run(values, _positionals, io) {
    const exportsDir = requireString(values, 'exports');
    const db = requireString(values, 'db');
    const out = resolve(requireString(values, 'out'));
    const base = typeof values.base === 'string' ? values.base : undefined;
    const wait = optionalInt(values, 'wait');
    const started = performance.now();

    mkdirSync(dirname(resolve(db)), { recursive: true });
    io.stderr('▶ Nạp dữ liệu\n');
    const ingestValues = {
      exports: exportsDir, db, ...(wait === undefined ? {} : { wait: String(wait) }), ...(values.partial === true ? { partial: true } : {}),
    };
    const ingested = await ingestCommand.run(ingestValues, [], io);
    if (ingested !== EXIT.ok) throw new RunError(`nạp dữ liệu không thành công (mã ${ingested}); trang cũ được giữ nguyên`);

    const id = releaseId(new Date());
    // Scores and findings are the same for both audiences: computed once, shared by the two builds.
    const memo = new Map<string, Promise<unknown>>();
    try {
      await publishRelease(out, id, AUDIENCES, async (audience, dir) => {
        io.stderr(`▶ Dựng bản ${audience === 'public' ? 'công khai' : 'nội bộ'}\n`);
        const built = await buildSite({ db, audience: audience as Audience, out: dir, base, memo }, io);
        io.stderr(
          `  xong: thu thập ${formatNumber(built.collectMs / 1000)} s, Astro ${formatNumber(built.astroMs / 1000)} s, ` +
            `${formatNumber(built.downloads)} bảng tải về ${formatNumber(built.filesMs / 1000)} s\n`,
        );
      });
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      throw new RunError(`dựng trang lỗi, trang của lần trước vẫn được giữ nguyên: ${message}`);
    }
    io.stderr(
      `Xong: ${out}/public và ${out}/internal trỏ tới bản phát hành ${id} ` +
        `(tổng thời gian ${formatNumber((performance.now() - started) / 1000)} s).\n`,
    );
    return EXIT.ok;
  },
};
