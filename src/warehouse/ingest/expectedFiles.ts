/**
 * Which files a night should have had (SPEC §3.6, issue 20): the exports the mail server writes by itself every
 * night — its mail log, its mailbox registry, its login audit — once seen, are expected every night after. A night
 * without one is a night that lost it on the way (a failed copy, a full disk on the mail server), not a quiet day:
 * loaded as it is, every agency's daily use would drop. Exports people send when something changes (the agency
 * list, requests, incidents) may be absent on any night.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import { viDate } from '../../rules/period.ts';
import type { InputGap } from '../ingestContext.ts';
import { queryRows } from '../open.ts';
import type { FileRole } from './exportFolder.ts';

/** Kinds the mail server exports every night, with the roles that provide each and how a reader calls it. */
export const NIGHTLY_KINDS = [
  { kind: 'maillog', roles: ['maillog'], label: 'nhật ký thư (maillog*, mail.log* hoặc messages.csv)' },
  { kind: 'registry', roles: ['mailboxes', 'zimbra'], label: 'danh sách hộp thư (mailboxes.csv hoặc zimbra-accounts.txt)' },
  { kind: 'logins', roles: ['logins'], label: 'nhật ký đăng nhập (logins.csv)' },
] as const satisfies readonly { kind: string; roles: readonly FileRole[]; label: string }[];

/**
 * How far back a night looks for what it should have: a kind seen in the week before is expected. A province that
 * stops exporting a kind for good has it forgotten after a week (of nights failed or loaded with --partial).
 */
export const LOOKBACK_DAYS = 7;

/** What an earlier night held: its date and the roles of its files. */
export interface EarlierNight {
  night: string;
  files: { name: string; role: FileRole | null }[];
}

/**
 * The gaps of a night whose files have `roles`: one per nightly kind an earlier night (within LOOKBACK_DAYS) had
 * and this one lacks, naming the file it was last seen as and that night. Pure.
 */
export function missingKinds(roles: readonly (FileRole | null)[], earlier: readonly EarlierNight[]): InputGap[] {
  const gaps: InputGap[] = [];
  const latestFirst = [...earlier].sort((a, b) => (a.night < b.night ? 1 : -1));
  for (const k of NIGHTLY_KINDS) {
    const provides = (role: FileRole | null) => (k.roles as readonly (FileRole | null)[]).includes(role);
    if (roles.some(provides)) continue;
    const seen = latestFirst.find((n) => n.files.some((f) => provides(f.role)));
    if (!seen) continue;
    const names = seen.files.filter((f) => provides(f.role)).map((f) => f.name);
    gaps.push({
      file: names.join(', '),
      missing: true,
      reason:
        `đêm này không có ${k.label}, trong khi đêm ${viDate(seen.night)} có (${names.join(', ')}); ` +
        'hãy kiểm tra bước sao chép tệp xuất từ máy chủ thư rồi đặt tệp vào thư mục của đêm',
    });
  }
  return gaps;
}

/** The nights ingested in the LOOKBACK_DAYS before `night`, with their files (the last run of each). */
export async function earlierNights(conn: DuckDBConnection, night: string): Promise<EarlierNight[]> {
  const rows = await queryRows<{ night: string; files: string }>(
    conn,
    `SELECT export_date::VARCHAR AS night, files::VARCHAR AS files
       FROM ingest_runs
      WHERE export_date < CAST($night AS DATE) AND export_date >= CAST($night AS DATE) - INTERVAL ${LOOKBACK_DAYS} DAY
    QUALIFY row_number() OVER (PARTITION BY export_date ORDER BY run_id DESC) = 1`,
    { night },
  );
  return rows.map((r) => ({ night: r.night, files: JSON.parse(r.files ?? '[]') as EarlierNight['files'] }));
}
