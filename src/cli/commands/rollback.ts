/**
 * `rollback --out DIR [--to ID] [--list]` (issue 20): switches OUT/public and OUT/internal back to the previous
 * complete release, or to release ID, and says which night it holds. A release whose build did not finish has no
 * marker and is never offered.
 */
import { join, resolve } from 'node:path';
import { viDate } from '../../rules/period.ts';
import { AUDIENCES, listReleases, liveRelease, OUT_LOCK, previousRelease, switchRelease, type Release } from '../../site/build/publish.ts';
import { acquireLock } from '../../system/lock.ts';
import { RunError } from '../../errors.ts';
import { EXIT, optionalInt, requireString, type Command } from '../command.ts';

const describe = (r: Release) =>
  `${r.id} (dữ liệu đến đêm ${r.info?.night ? viDate(r.info.night) : '—'}, dựng xong lúc ${r.info?.completedAt ?? '—'})`;

export const rollbackCommand: Command = {
  name: 'rollback',
  usage: `Cách dùng: npm run cli -- rollback --out THƯ_MỤC [--to BẢN_PHÁT_HÀNH] [--list] [--wait GIÂY]

Chuyển OUT/public và OUT/internal về bản phát hành hoàn tất ngay trước bản đang phát hành (hoặc về bản --to), rồi
nói bản đó chứa dữ liệu đến đêm nào. Bản dựng dở (lượt chạy bị dừng giữa chừng) không bao giờ được chọn.
Lượt nightly sau sẽ dựng lại từ kho nếu kho có dữ liệu mới hơn bản đang phát hành: muốn giữ bản cũ lâu hơn, hãy
tạm dừng lịch chạy (docs/OPERATIONS.md, mục Quay lui).

Tùy chọn:
  --out THƯ_MỤC          thư mục gốc của trang (như --out của nightly)
  --to BẢN_PHÁT_HÀNH     tên thư mục trong OUT/.releases/ (xem --list)
  --list                 chỉ liệt kê các bản phát hành
  --wait GIÂY            nếu một lượt nightly đang chạy, chờ tối đa GIÂY giây (mặc định 0)

Mã thoát: 0 đã chuyển; 1 không có bản nào để quay về; 2 sai cách dùng.`,
  options: {
    out: { type: 'string' },
    to: { type: 'string' },
    list: { type: 'boolean' },
    wait: { type: 'string' },
  },
  async run(values, _positionals, io) {
    const out = resolve(requireString(values, 'out'));
    const live = liveRelease(out, AUDIENCES);
    if (values.list) {
      const all = listReleases(out);
      if (all.length === 0) io.stdout(`Chưa có bản phát hành nào trong ${join(out, '.releases')}\n`);
      for (const r of all) {
        const mark = r.id === live?.id ? 'đang phát hành' : r.info ? 'hoàn tất' : 'dựng dở';
        io.stdout(`${r.info ? describe(r) : r.id}: ${mark}\n`);
      }
      return EXIT.ok;
    }
    const release = await acquireLock(join(out, OUT_LOCK), (optionalInt(values, 'wait') ?? 0) * 1000, (holder) =>
      io.stderr(`Trang đang được tiến trình ${holder} phát hành — chờ…\n`),
    );
    try {
      const current = liveRelease(out, AUDIENCES);
      let target: Release | null;
      if (typeof values.to === 'string') {
        target = listReleases(out).find((r) => r.id === values.to) ?? null;
        if (!target?.info) {
          const complete = listReleases(out).filter((r) => r.info).map((r) => r.id);
          throw new RunError(
            `${join(out, '.releases', values.to)} không phải bản phát hành hoàn tất; các bản có thể chọn: ${complete.join(', ') || 'không có'}`,
          );
        }
      } else {
        target = previousRelease(out, AUDIENCES);
        if (!target) {
          throw new RunError(
            `không còn bản phát hành hoàn tất nào trước bản đang phát hành${current ? ` ${current.id}` : ''} trong ${join(out, '.releases')}: không có gì để quay về`,
          );
        }
      }
      switchRelease(out, AUDIENCES, target.id);
      io.stdout(
        `Đã quay lui: ${out}/public và ${out}/internal trỏ tới bản ${describe(target)}.` +
          `${current ? ` Bản vừa thay, ${current.id}, vẫn được giữ: quay lại bằng --to ${current.id}.` : ''}\n`,
      );
      return EXIT.ok;
    } finally {
      release();
    }
  },
};
