/**
 * `generate --profile P --out DIR [--seed N] [--mailboxes N] [--days N] [--months N] [--mail-volume N] [--until DATE]`
 * (SPEC §2): writes a deterministic synthetic export set, one folder per night after a year of monthly back-fill
 * folders. Progress to stderr, a one-paragraph summary to stdout.
 */
import { mkdirSync } from 'node:fs';
import { FileSink } from '../../generate/fileSink.ts';
import { exportFolders } from '../../generate/exportFolders.ts';
import { earliestStart, earliestUntil, generateExports } from '../../generate/generateExports.ts';
import { isIsoDate } from '../../generate/time.ts';
import { isPolicyId } from '../../rules/policy/load.ts';
import { DEFAULT_POLICY, POLICY_IDS } from '../../rules/policy/schema.ts';
import { RunError } from '../../errors.ts';
import { EXIT, UsageError, optionalInt, requireString, type Command } from '../command.ts';

const DEFAULT_UNTIL = '2026-11-20';
/**
 * The default set is the demo `npm start` loads: a year behind the last night, so trends, "so với kỳ trước" and the
 * ranking's previous period have data. 31 nightly folders put the headline comparison date (30 days back, the
 * profile's regular-use window) on a night of its own; the 12 month folders before them reach back to the 1st of the
 * month 13 months earlier. The mail log of every day carries the same share of the realistic traffic, so the monthly
 * mail trend and the 30-day comparison compare like with like (a year at full volume would be ~40 GB of log).
 */
const DEFAULTS = { seed: 1, mailboxes: 3000, days: 31, months: 12, mailVolume: 1 };
const MAX_MAILBOXES = 200_000;
const MAX_DAYS = 400;
const MAX_MONTHS = 36;

const USAGE = `Cách dùng: npm run cli -- generate --out THƯ_MỤC [--profile HỒ_SƠ] [--seed N] [--mailboxes N] [--days N]
                          [--months N] [--mail-volume N] [--until YYYY-MM-DD]

Sinh bộ dữ liệu xuất mẫu của một tỉnh (giả lập, có tính quyết định: cùng tham số cho ra cùng từng byte).
Mỗi đêm một thư mục THƯ_MỤC/YYYY-MM-DD/ gồm agencies.csv, mailboxes.csv, logins.csv, requests.csv,
incidents.csv và maillog; thư mục đầu tiên thay mailboxes.csv bằng bản xuất Zimbra zimbra-accounts.txt và quota.txt.
Mặc định có thêm một năm dữ liệu cũ (thư mục theo tháng) trước các đêm, như khi tỉnh nạp bù lưu trữ của năm trước.

Tùy chọn:
  --out THƯ_MỤC      nơi ghi (bắt buộc); thư mục đêm đã có sẽ bị ghi đè
  --profile HỒ_SƠ    ${POLICY_IDS.join(', ')} (mặc định ${DEFAULT_POLICY})
  --seed N           hạt giống ngẫu nhiên (mặc định ${DEFAULTS.seed})
  --mailboxes N      số hộp thư xấp xỉ, cá nhân và cơ quan (mặc định ${DEFAULTS.mailboxes.toLocaleString('vi-VN')}, tối đa ${MAX_MAILBOXES.toLocaleString('vi-VN')})
  --days N           số đêm, mỗi đêm một thư mục (mặc định ${DEFAULTS.days}, tối đa ${MAX_DAYS})
  --months N         số tháng dữ liệu cũ trước đêm đầu tiên, mỗi tháng một thư mục đặt tên theo ngày cuối
                     tháng, gồm nhật ký thư từng ngày (maillog-YYYYMMDD), lượt đăng nhập, phiếu yêu cầu, sự cố
                     của cả tháng và danh sách hộp thư ngày cuối tháng; tháng có đêm đầu tiên chỉ gồm các ngày
                     trước đêm đó (mặc định ${DEFAULTS.months}, tối đa ${MAX_MONTHS}; 0: chỉ các đêm)
  --mail-volume N    phần trăm lưu lượng thư thực tế (khoảng 10 thư mỗi hộp thư hoạt động một ngày làm việc)
                     ghi vào nhật ký thư, như nhau mọi ngày (mặc định ${DEFAULTS.mailVolume}, từ 1 đến 100;
                     100% là khoảng 110 MB mỗi đêm với 3.000 hộp thư)
  --until NGÀY       đêm cuối cùng (mặc định ${DEFAULT_UNTIL})
  --help             in hướng dẫn này

Dữ liệu cá nhân trong mailboxes.csv (số điện thoại, số CCCD, ngày sinh) là giả, có mặt để kiểm tra rằng
bước nạp dữ liệu loại bỏ chúng.

Ví dụ:
  npm run cli -- generate --profile soctrang-2024 --out data/sample/exports
  npm run cli -- generate --profile soctrang-2024 --out /tmp/ba-dem --days 3 --months 0 --mail-volume 100
  npm run cli -- generate --profile sonla-2025 --out /tmp/sonla --mailboxes 50000 --days 1 --months 0
`;

export const generateCommand: Command = {
  name: 'generate',
  usage: USAGE,
  options: {
    out: { type: 'string' },
    profile: { type: 'string' },
    seed: { type: 'string' },
    mailboxes: { type: 'string' },
    days: { type: 'string' },
    months: { type: 'string' },
    'mail-volume': { type: 'string' },
    until: { type: 'string' },
  },
  async run(values, _positionals, io) {
    const outDir = requireString(values, 'out');
    const profile = typeof values.profile === 'string' ? values.profile : DEFAULT_POLICY;
    if (!isPolicyId(profile)) throw new UsageError(`không có hồ sơ "${profile}" (chọn một trong: ${POLICY_IDS.join(', ')})`);
    const seed = optionalInt(values, 'seed') ?? DEFAULTS.seed;
    const mailboxes = optionalInt(values, 'mailboxes') ?? DEFAULTS.mailboxes;
    const days = optionalInt(values, 'days') ?? DEFAULTS.days;
    if (mailboxes < 1 || mailboxes > MAX_MAILBOXES) throw new UsageError(`--mailboxes phải từ 1 đến ${MAX_MAILBOXES}`);
    const months = optionalInt(values, 'months') ?? DEFAULTS.months;
    const mailVolume = optionalInt(values, 'mail-volume') ?? DEFAULTS.mailVolume;
    if (days < 1 || days > MAX_DAYS) throw new UsageError(`--days phải từ 1 đến ${MAX_DAYS}`);
    if (months < 0 || months > MAX_MONTHS) throw new UsageError(`--months phải từ 0 đến ${MAX_MONTHS}`);
    if (mailVolume < 1 || mailVolume > 100) throw new UsageError('--mail-volume phải từ 1 đến 100 (phần trăm)');
    const until = typeof values.until === 'string' ? values.until : DEFAULT_UNTIL;
    if (!isIsoDate(until)) throw new UsageError(`--until phải là một ngày dạng YYYY-MM-DD (nhận được "${until}")`);
    const earliest = earliestUntil(profile);
    if (until < earliest) throw new UsageError(`với hồ sơ ${profile}, --until phải từ ${earliest} trở đi (sau lần sắp xếp tổ chức gần nhất)`);
    const firstDay = exportFolders(until, days, months)[0]!.days[0]!;
    const start = earliestStart(profile);
    if (firstDay < start) {
      throw new UsageError(
        `với hồ sơ ${profile}, dữ liệu phải bắt đầu từ ${start} trở đi (sau lần sắp xếp tổ chức gần nhất), ` +
          `nhưng --days ${days} --months ${months} bắt đầu từ ${firstDay}: giảm --months hoặc --days, hoặc dời --until`,
      );
    }
    const started = performance.now();
    let summary;
    try {
      summary = generateExports(
        { profile, outDir, seed, mailboxes, days, months, until, mailVolume: mailVolume / 100 },
        {
          mkdir: (path) => mkdirSync(path, { recursive: true }),
          open: (path) => new FileSink(path),
          progress: (message) => io.stderr(`${message}\n`),
        },
      );
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code) throw new RunError(`không ghi được vào ${outDir}: ${(err as Error).message}`);
      throw err;
    }
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    const first = summary.nights[0]!.days[0]!;
    const last = summary.nights[summary.nights.length - 1]!.date;
    const nights = summary.nights.filter((n) => n.nightly).length;
    const what = months === 0 ? `${nights} đêm` : `${summary.nights.length - nights} tháng và ${nights} đêm`;
    io.stdout(
      `Đã sinh ${what} (${first} → ${last}) cho hồ sơ ${profile}, hạt giống ${seed}: ` +
        `${summary.agencies.toLocaleString('vi-VN')} cơ quan, ${summary.mailboxes.toLocaleString('vi-VN')} hộp thư, ` +
        `trong ${outDir} (${seconds} giây).\n`,
    );
    return EXIT.ok;
  },
};
