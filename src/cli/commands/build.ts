import { dirname, basename, join, resolve } from 'node:path';
import { mkdirSync, rmSync } from 'node:fs';
import { buildSite } from '../../site/build/buildSite.ts';
import { replaceFolder } from '../../site/build/publish.ts';
import type { Audience } from '../../site/build/types.ts';
import { formatNumber } from '../../text/format.ts';
import { vietnamToday } from '../today.ts';
import { requireString, UsageError, type Command, type ParsedValues } from '../command.ts';

/** Reads --audience: public or internal. */
export function parseAudience(values: ParsedValues): Audience {
  const audience = requireString(values, 'audience');
  if (audience !== 'public' && audience !== 'internal') {
    throw new UsageError(`--audience phải là public hoặc internal (nhận được "${audience}")`);
  }
  return audience;
}

export const buildCommand: Command = {
  name: 'build',
  usage: `Cách dùng: npm run cli -- build --db TỆP --audience public|internal --out THƯ_MỤC [--base /đường/dẫn/]

Dựng trang web tĩnh (Astro) từ kho dữ liệu DuckDB.
  --db TỆP           kho dữ liệu (ví dụ data/warehouse.duckdb)
  --audience         public: bản công khai (số liệu tổng hợp, xếp hạng, danh bạ);
                     internal: bản nội bộ (thêm danh sách và phát hiện theo từng hộp thư)
  --out THƯ_MỤC      thư mục kết quả; chỉ được thay khi dựng xong, dựng lỗi thì giữ nguyên bản cũ
  --base ĐƯỜNG_DẪN   đường dẫn con khi đăng trên cổng thông tin, ví dụ /thu-cong-vu/ (mặc định /)

Không bản nào chứa số CCCD, ngày sinh hay số điện thoại cá nhân.`,
  options: {
    db: { type: 'string' },
    audience: { type: 'string' },
    out: { type: 'string' },
    base: { type: 'string' },
  },
  async run(values, _positionals, io) {
    const db = requireString(values, 'db');
    const audience = parseAudience(values);
    const out = resolve(requireString(values, 'out'));
    const base = typeof values.base === 'string' ? values.base : undefined;
    mkdirSync(dirname(out), { recursive: true });
    const fresh = join(dirname(out), `.${basename(out)}.new-${process.pid}`);
    io.stderr(`Dựng bản ${audience === 'public' ? 'công khai' : 'nội bộ'} từ ${db}…\n`);
    try {
      const result = await buildSite({ db, audience, out: fresh, base, today: vietnamToday(io.now?.()) }, io);
      replaceFolder(out, fresh);
      io.stderr(
        `Xong: ${out} (dữ liệu đến ${result.asOf ?? '—'}, ${formatNumber(result.downloads)} bảng tải về; ` +
          `thu thập ${formatNumber(result.collectMs / 1000)} s, Astro ${formatNumber(result.astroMs / 1000)} s, ` +
          `tệp tải về ${formatNumber(result.filesMs / 1000)} s).\n`,
      );
      return 0;
    } finally {
      rmSync(fresh, { recursive: true, force: true });
    }
  },
};
