import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { explainFailure, firstLine, RunError } from '../../errors.ts';
import { isPolicyId, POLICY_IDS } from '../../rules/policy/ids.ts';
import { formatNumber } from '../../text/format.ts';
import { codeStamp } from '../../system/codeStamp.ts';
import { localTimestamp } from '../../system/localTime.ts';
import { thisProcess } from '../../system/processes.ts';
import { KEEP_RELEASES } from '../../site/build/publish.ts';
import { EXIT, failureText, optionalInt, requireString, UsageError, type Command } from '../command.ts';
import { timestampedIO } from '../nightly/log.ts';
import { vietnamToday } from '../today.ts';
import { runNightly, type NightlyOptions } from '../nightly/runNightly.ts';
import { startStatus } from '../nightly/status.ts';

/** Backups kept by default: two weeks of nights. */
const KEEP_BACKUPS = 14;

export const nightlyCommand: Command = {
  name: 'nightly',
  usage: `Cách dùng: npm run cli -- nightly --exports THƯ_MỤC --db TỆP --out THƯ_MỤC [--base /đường/dẫn/] [--wait GIÂY]
                              [--partial] [--rebuild] [--backup THƯ_MỤC [--keep N]] [--keep-releases N]

Chạy công việc hằng đêm:
  1. nạp dữ liệu xuất (như lệnh ingest): thư mục một đêm YYYY-MM-DD, hoặc thư mục chứa các đêm — mỗi đêm chưa nạp
     được nạp theo thứ tự ngày, đêm đã nạp với đúng các tệp đó được bỏ qua mà không đọc lại;
  2. sao lưu kho (với --backup);
  3. dựng bản công khai và bản nội bộ vào một thư mục phát hành mới (OUT/.releases/<thời điểm>/), đánh dấu hoàn tất;
  4. chỉ khi cả hai bản dựng xong mới chuyển OUT/public và OUT/internal (liên kết tượng trưng) sang bản mới.
Người xem không bao giờ thấy trang dựng dở; đêm lỗi thì trang của hôm trước vẫn giữ nguyên. Nếu không có gì mới
kể từ bản đang phát hành, trang được giữ nguyên (không dựng lại). Mỗi lượt ghi OUT/status.json; mỗi dòng nhật ký
mở đầu bằng thời điểm.

Tùy chọn:
  --exports THƯ_MỤC    dữ liệu xuất của đêm, hoặc thư mục chứa các đêm
  --db TỆP             kho dữ liệu DuckDB (tạo mới nếu chưa có)
  --out THƯ_MỤC        thư mục gốc của trang: máy chủ web phục vụ OUT/public và OUT/internal
  --base ĐƯỜNG_DẪN     đường dẫn con khi đăng trên cổng thông tin, ví dụ /thu-cong-vu/ (mặc định /)
  --wait GIÂY          nếu kho đang được lượt khác cập nhật hoặc đang được đọc, chờ tối đa GIÂY giây (mặc định 0)
  --partial            tệp thiếu hoặc không đọc được không làm hỏng cả đêm: nạp phần còn lại, ghi nhận phần thiếu
  --rebuild            dựng lại trang cả khi không có gì mới
  --backup THƯ_MỤC     sau đêm có dữ liệu mới, sao lưu kho vào THƯ_MỤC/warehouse-YYYY-MM-DD.duckdb
  --keep N             số bản sao lưu giữ lại (mặc định ${KEEP_BACKUPS})
  --keep-releases N    số bản phát hành hoàn tất giữ lại ngoài bản đang phát hành, để quay lui (mặc định ${KEEP_RELEASES})
  --profile HỒ_SƠ      quy chế áp dụng (như lệnh ingest)

Mã thoát: 0 thành công; 1 nạp hoặc dựng lỗi (kho và trang cũ giữ nguyên); 2 sai cách dùng.
Quay lui về bản phát hành trước: npm run cli -- rollback --out THƯ_MỤC
Xem docs/OPERATIONS.md để cài đặt và đặt lịch chạy bằng systemd timer hoặc cron.`,
  options: {
    exports: { type: 'string' },
    db: { type: 'string' },
    out: { type: 'string' },
    base: { type: 'string' },
    wait: { type: 'string' },
    partial: { type: 'boolean' },
    rebuild: { type: 'boolean' },
    backup: { type: 'string' },
    keep: { type: 'string' },
    'keep-releases': { type: 'string' },
    profile: { type: 'string' },
  },
  async run(values, _positionals, rawIO) {
    const profile = values.profile;
    if (profile !== undefined && (typeof profile !== 'string' || !isPolicyId(profile))) {
      throw new UsageError(`không có hồ sơ "${String(profile)}"; chọn một trong: ${POLICY_IDS.join(', ')}`);
    }
    if (values.keep !== undefined && values.backup === undefined) throw new UsageError('--keep chỉ dùng cùng --backup');
    const now = rawIO.now ?? (() => new Date());
    const started = now();
    const options: NightlyOptions = {
      today: vietnamToday(started),
      exports: requireString(values, 'exports'),
      db: requireString(values, 'db'),
      out: resolve(requireString(values, 'out')),
      base: typeof values.base === 'string' ? values.base : undefined,
      waitSeconds: optionalInt(values, 'wait') ?? 0,
      partial: values.partial === true,
      profile,
      rebuild: values.rebuild === true,
      backup: typeof values.backup === 'string' ? values.backup : undefined,
      keep: optionalInt(values, 'keep') ?? KEEP_BACKUPS,
      keepReleases: optionalInt(values, 'keep-releases') ?? KEEP_RELEASES,
    };
    if (options.keep < 1) throw new UsageError('--keep phải từ 1 trở lên');
    const io = timestampedIO(rawIO, now);
    const me = thisProcess();
    io.stderr(
      `Bắt đầu nightly (PID ${me.pid}, người dùng ${me.user}, mã nguồn ${codeStamp()}): --exports ${options.exports} ` +
        `--db ${options.db} --out ${options.out}\n`,
    );
    const elapsed = () => `${formatNumber((now().getTime() - started.getTime()) / 1000)} s`;
    let run;
    try {
      mkdirSync(options.out, { recursive: true });
      run = startStatus(options.out, resolve(options.exports), localTimestamp(started));
    } catch (err) {
      const known = explainFailure(err) ?? new RunError(`không ghi được ${options.out}/status.json`, firstLine(err));
      io.stderr(failureText(known));
      io.stderr(`Kết thúc nightly: LỖI (mã ${EXIT.failed}) sau ${elapsed()}\n`);
      return EXIT.failed;
    }
    // the outcome into status.json; a disk too full for it (the failure itself, maybe) is said, not thrown
    const finish = (code: number, message: string | null) => {
      try {
        run.finish(code, message, localTimestamp(now()));
      } catch (err) {
        const known = explainFailure(err, resolve(options.out, 'status.json'));
        io.stderr(`Không ghi được status.json: ${known?.message ?? firstLine(err)}\n`);
      }
    };
    try {
      await runNightly(options, io, run.status, run.save);
    } catch (err) {
      const known =
        explainFailure(err) ??
        new RunError(
          'lệnh nightly gặp lỗi không lường trước; kho và trang của lần trước được giữ nguyên. Hãy gửi nhật ký này cho nhóm ' +
            'phát triển (chạy lại với THU_CONG_VU_DEBUG=1 để in thêm chi tiết)',
          process.env.THU_CONG_VU_DEBUG ? ((err as Error).stack ?? firstLine(err)) : firstLine(err),
        );
      io.stderr(failureText(known));
      finish(EXIT.failed, known.message);
      io.stderr(`Kết thúc nightly: LỖI (mã ${EXIT.failed}) sau ${elapsed()}; trang của lần trước vẫn được giữ nguyên\n`);
      return EXIT.failed;
    }
    finish(EXIT.ok, null);
    const r = run.status.release;
    io.stderr(
      `Kết thúc nightly: thành công sau ${elapsed()}; ${formatNumber(run.status.nights_loaded.length)} đêm mới nạp` +
        `${r ? `, trang ${r.built ? 'dựng mới' : 'giữ nguyên'} (bản phát hành ${r.id})` : ''}\n`,
    );
    return EXIT.ok;
  },
};
