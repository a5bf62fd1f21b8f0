/**
 * Mailbox registry → warehouse (SPEC §3.2): versions of the stable facts (a new version only when one changes; a
 * mailbox gone from the registry is closed), the volatile facts (last login, usage) one row per mailbox per night
 * in mailbox_activity. A registry older than the latest one applied updates activity but not versions.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import type { MailboxRow } from '../../inputs/mailboxes.ts';
import type { QuotaLine } from '../../inputs/quota.ts';
import type { AcceptedRow } from '../../inputs/validateTable.ts';
import { vnDate } from '../../inputs/values.ts';
import type { IngestContext } from '../ingestContext.ts';
import { queryRows } from '../open.ts';
import type { Registry } from './readRegistry.ts';
import { dropStaging, stageRows } from './staging.ts';

const STAGING = {
  address: 'VARCHAR',
  kind: 'VARCHAR',
  display_name: 'VARCHAR',
  agency_code: 'VARCHAR',
  department: 'VARCHAR',
  title: 'VARCHAR',
  status: 'VARCHAR',
  created_at: 'VARCHAR',
  last_login_at: 'VARCHAR',
  password_changed_at: 'VARCHAR',
  must_change_password: 'BOOLEAN',
  quota_mb: 'DOUBLE',
  used_mb: 'DOUBLE',
  forward_to: 'VARCHAR[]',
  phone: 'VARCHAR',
} as const;

/** Stable facts compared to decide whether a mailbox needs a new version. */
const STABLE = [
  'kind', 'display_name', 'agency_code', 'department', 'title', 'status', 'created_at', 'password_changed_at',
  'must_change_password', 'quota_mb', 'forward_to', 'phone',
] as const;

const REGISTRY_NIGHT_KEY = 'registry_night';

async function latestRegistryNight(conn: DuckDBConnection): Promise<string | null> {
  const rows = await queryRows<{ value: string }>(conn, 'SELECT value FROM warehouse_meta WHERE key = $key', { key: REGISTRY_NIGHT_KEY });
  return rows[0]?.value ?? null;
}

async function stage(conn: DuckDBConnection, rows: readonly AcceptedRow<MailboxRow>[]): Promise<void> {
  await stageRows(conn, 'stg_mailboxes_raw', STAGING, rows, ({ row: r }) => [
    r.address, r.kind, r.display_name, r.agency_code, r.department, r.title, r.status, r.created_at, r.last_login_at,
    r.password_changed_at, r.must_change_password, r.quota_mb, r.used_mb, r.forward_to, r.phone,
  ]);
  await conn.run(
    `CREATE OR REPLACE TEMP TABLE stg_mailboxes AS
     SELECT address, kind, display_name, agency_code, department, title, status,
            CAST(created_at AS TIMESTAMPTZ) AS created_at, CAST(last_login_at AS TIMESTAMPTZ) AS last_login_at,
            CAST(password_changed_at AS TIMESTAMPTZ) AS password_changed_at, must_change_password, quota_mb, used_mb,
            forward_to, phone
       FROM stg_mailboxes_raw`,
  );
  await dropStaging(conn, 'stg_mailboxes_raw');
}

/** New versions for changed or new mailboxes, closing of replaced and vanished ones; tonight re-applied from scratch. */
async function applyVersions(conn: DuckDBConnection, registry: Registry, night: string): Promise<void> {
  await stageRows(conn, 'stg_registry_addresses', { address: 'VARCHAR' }, registry.addresses, (a) => [a]);
  const params = { night, source: registry.source };
  // Undo what an earlier run of this same night did, so a corrected export re-applies cleanly.
  await conn.run('DELETE FROM mailboxes WHERE seen_from = CAST($night AS DATE)', { night });
  await conn.run('UPDATE mailboxes SET seen_to = NULL WHERE seen_to = CAST($night AS DATE)', { night });
  const same = STABLE.map((c) => `m.${c} IS NOT DISTINCT FROM s.${c}`).join(' AND ');
  await conn.run(
    `CREATE OR REPLACE TEMP TABLE mb_changed AS
     SELECT s.* FROM stg_mailboxes s LEFT JOIN mailboxes m ON m.address = s.address AND m.seen_to IS NULL
      WHERE m.address IS NULL OR NOT (${same})`,
  );
  await conn.run(
    `UPDATE mailboxes SET seen_to = CAST($night AS DATE)
      WHERE seen_to IS NULL
        AND (address IN (SELECT address FROM mb_changed)
             OR address NOT IN (SELECT address FROM stg_registry_addresses))`,
    { night },
  );
  await conn.run(
    `INSERT INTO mailboxes (address, seen_from, seen_to, kind, display_name, agency_code, department, title, status,
                            created_at, password_changed_at, must_change_password, quota_mb, forward_to, phone, source)
     SELECT address, CAST($night AS DATE), NULL, kind, display_name, agency_code, department, title, status, created_at,
            password_changed_at, must_change_password, quota_mb, forward_to, phone, $source
       FROM mb_changed`,
    params,
  );
  await conn.run(
    `INSERT OR REPLACE INTO warehouse_meta (key, value) VALUES ($key, $night)`,
    { key: REGISTRY_NIGHT_KEY, night },
  );
  await dropStaging(conn, 'mb_changed');
  await dropStaging(conn, 'stg_registry_addresses');
}

/** Loads tonight's registry; returns the number of mailboxes accepted. */
export async function loadMailboxes(ctx: IngestContext, registry: Registry): Promise<number> {
  const { conn, exportDate: night } = ctx;
  await stage(conn, registry.rows);
  const latest = await latestRegistryNight(conn);
  if (latest !== null && latest > night) {
    ctx.warn(
      `${registry.source}: danh sách hộp thư của đêm ${vnDate(night)} cũ hơn danh sách đã nạp (${vnDate(latest)}) — ` +
        'không cập nhật phiên bản hộp thư, chỉ nạp hoạt động của đêm này (hãy nạp các đêm theo thứ tự ngày)',
    );
  } else {
    await applyVersions(conn, registry, night);
  }
  await conn.run('DELETE FROM mailbox_activity WHERE export_date = CAST($night AS DATE)', { night });
  await conn.run(
    `INSERT INTO mailbox_activity (export_date, address, last_login_at, used_mb)
     SELECT CAST($night AS DATE), address, last_login_at, used_mb FROM stg_mailboxes`,
    { night },
  );
  await dropStaging(conn, 'stg_mailboxes');
  return registry.rows.length;
}

/**
 * `quota.txt` without a registry tonight: usage goes to mailbox_activity for mailboxes the warehouse knows (a
 * current version); a line for an unknown mailbox is quarantined. Returns the number of lines loaded.
 */
export async function loadQuotaOnly(ctx: IngestContext, file: string, lines: readonly QuotaLine[]): Promise<number> {
  const { conn, exportDate: night } = ctx;
  await stageRows(conn, 'stg_quota', { line: 'INTEGER', address: 'VARCHAR', used_mb: 'DOUBLE' }, lines, (q) => [q.line, q.address, q.usedMb]);
  const unknown = await queryRows<{ line: number }>(
    conn,
    `SELECT line FROM stg_quota q
      WHERE NOT EXISTS (SELECT 1 FROM mailboxes m WHERE m.address = q.address AND m.seen_to IS NULL) ORDER BY line`,
  );
  const byLine = new Map(lines.map((q) => [q.line, q]));
  for (const { line } of unknown) {
    const q = byLine.get(line)!;
    ctx.quarantine({ file, line, column: 'address', raw: q.raw, reason: `địa chỉ "${q.address}" không có trong danh sách hộp thư của kho` });
  }
  await conn.run(
    `INSERT OR REPLACE INTO mailbox_activity (export_date, address, last_login_at, used_mb)
     SELECT CAST($night AS DATE), q.address, a.last_login_at, q.used_mb
       FROM stg_quota q
       JOIN mailboxes m ON m.address = q.address AND m.seen_to IS NULL
       LEFT JOIN mailbox_activity a ON a.address = q.address AND a.export_date = CAST($night AS DATE)`,
    { night },
  );
  await dropStaging(conn, 'stg_quota');
  return lines.length - unknown.length;
}
