/**
 * `generate --profile P --out DIR [--seed N] [--mailboxes N] [--days N] [--until YYYY-MM-DD]` (SPEC §2): writes a
 * deterministic synthetic export set, one folder per night. Progress to stderr, a one-paragraph summary to stdout.
 */
import { mkdirSync } from 'node:fs';
import { FileSink } from '../../generate/fileSink.ts';
import { earliestUntil, generateExports } from '../../generate/generateExports.ts';
import { isIsoDate } from '../../generate/time.ts';
import { isPolicyId } from '../../rules/policy/load.ts';
import { DEFAULT_POLICY, POLICY_IDS } from '../../rules/policy/schema.ts';
import { EXIT, RunError, UsageError, optionalInt, requireString, type Command } from '../command.ts';

const DEFAULT_UNTIL = '2026-11-20';
const DEFAULTS = { seed: 1, mailboxes: 3000, days: 3 };
const MAX_MAILBOXES = 200_000;
const MAX_DAYS = 60;

const USAGE = `Cách dùng: npm run cli -- generate --out THƯ_MỤC [--profile HỒ_SƠ] [--seed N] [--mailboxes N] [--days N] [--until YYYY-MM-DD]

Sinh bộ dữ liệu xuất mẫu của một tỉnh (giả lập, có tính quyết định: cùng tham số cho ra cùng từng byte).
Mỗi đêm một thư mục THƯ_MỤC/YYYY-MM-DD/ gồm agencies.csv, mailboxes.csv, logins.csv, requests.csv,
incidents.csv và maillog; đêm đầu tiên thay mailboxes.csv bằng bản xuất Zimbra zimbra-accounts.txt và quota.txt.

Tùy chọn:
  --out THƯ_MỤC      nơi ghi (bắt buộc); thư mục đêm đã có sẽ bị ghi đè
  --profile HỒ_SƠ    ${POLICY_IDS.join(', ')} (mặc định ${DEFAULT_POLICY})
  --seed N           hạt giống ngẫu nhiên (mặc định ${DEFAULTS.seed})
  --mailboxes N      số hộp thư xấp xỉ, cá nhân và cơ quan (mặc định ${DEFAULTS.mailboxes.toLocaleString('vi-VN')}, tối đa ${MAX_MAILBOXES.toLocaleString('vi-VN')})
  --days N           số đêm (mặc định ${DEFAULTS.days}, tối đa ${MAX_DAYS})
  --until NGÀY       đêm cuối cùng (mặc định ${DEFAULT_UNTIL})
  --help             in hướng dẫn này

Dữ liệu cá nhân trong mailboxes.csv (số điện thoại, số CCCD, ngày sinh) là giả, có mặt để kiểm tra rằng
bước nạp dữ liệu loại bỏ chúng.

Ví dụ:
  npm run cli -- generate --profile soctrang-2024 --out data/sample --days 3
  npm run cli -- generate --profile sonla-2025 --out /tmp/sonla --mailboxes 50000 --days 1
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
    if (days < 1 || days > MAX_DAYS) throw new UsageError(`--days phải từ 1 đến ${MAX_DAYS}`);
    const until = typeof values.until === 'string' ? values.until : DEFAULT_UNTIL;
    if (!isIsoDate(until)) throw new UsageError(`--until phải là một ngày dạng YYYY-MM-DD (nhận được "${until}")`);
    const earliest = earliestUntil(profile);
    if (until < earliest) throw new UsageError(`với hồ sơ ${profile}, --until phải từ ${earliest} trở đi (sau lần sắp xếp tổ chức gần nhất)`);
    const started = performance.now();
    let summary;
    try {
      summary = generateExports(
        { profile, outDir, seed, mailboxes, days, until },
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
    const first = summary.nights[0]!.date;
    const last = summary.nights[summary.nights.length - 1]!.date;
    io.stdout(
      `Đã sinh ${summary.nights.length} đêm (${first} → ${last}) cho hồ sơ ${profile}, hạt giống ${seed}: ` +
        `${summary.agencies.toLocaleString('vi-VN')} cơ quan, ${summary.mailboxes.toLocaleString('vi-VN')} hộp thư, ` +
        `trong ${outDir} (${seconds} giây).\n`,
    );
    return EXIT.ok;
  },
};
