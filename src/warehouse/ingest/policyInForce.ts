/**
 * The policy profile in force, stored as warehouse_meta key `policy` for scoring and the site (SPEC §4.1). From
 * `--profile`, else recognised from the mailbox domain (profiles sharing a domain are told apart by the date they
 * took effect), else the one already stored, else the default.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import { RunError } from '../../errors.ts';
import { isPolicyId, loadPolicy } from '../../rules/policy/load.ts';
import { DEFAULT_POLICY, POLICY_IDS, type Policy, type PolicyId } from '../../rules/policy/schema.ts';
import type { IngestContext } from '../ingestContext.ts';
import { queryRows } from '../open.ts';

export const POLICY_META_KEY = 'policy';

/**
 * The profile whose domain matches `domain` and that is in force on `night`: among matches, the latest
 * effectiveFrom not after the night; a draft without a date only when nothing else matches. Pure.
 */
export function profileForDomain(profiles: readonly Policy[], domain: string, night: string): PolicyId | null {
  const matches = profiles.filter((p) => p.domain.value === domain);
  const dated = matches
    .filter((p) => p.effectiveFrom !== null && p.effectiveFrom <= night)
    .sort((a, b) => (a.effectiveFrom! < b.effectiveFrom! ? 1 : -1));
  const chosen = dated[0] ?? matches.find((p) => p.effectiveFrom === null) ?? matches[0];
  return (chosen?.id as PolicyId | undefined) ?? null;
}

/** Most frequent domain among addresses; null for none. Pure. */
export function mainDomain(addresses: Iterable<string>): string | null {
  const counts = new Map<string, number>();
  for (const a of addresses) {
    const domain = a.slice(a.lastIndexOf('@') + 1);
    counts.set(domain, (counts.get(domain) ?? 0) + 1);
  }
  let best: string | null = null;
  for (const [domain, n] of counts) if (best === null || n > counts.get(best)!) best = domain;
  return best;
}

/** The profile id stored in the warehouse, as written (null when none is). */
export async function storedPolicyId(conn: DuckDBConnection): Promise<string | null> {
  const rows = await queryRows<{ value: string }>(conn, 'SELECT value FROM warehouse_meta WHERE key = $key', { key: POLICY_META_KEY });
  return rows[0]?.value ?? null;
}

/**
 * The profile the reading commands (score, report, build) apply: `option` (`--profile`, already checked by the
 * command), else the one stored in the warehouse, else the default (SPEC §4.1).
 */
export async function policyInForce(conn: DuckDBConnection, option?: PolicyId): Promise<Policy> {
  if (option !== undefined) return loadPolicy(option);
  const id = (await storedPolicyId(conn)) ?? DEFAULT_POLICY;
  if (!isPolicyId(id)) throw new RunError(`kho dữ liệu ghi hồ sơ quy chế "${id}" không có trong ${POLICY_IDS.join(', ')}`);
  return loadPolicy(id);
}

/**
 * Decides and stores the profile in force. Only the latest night ingested sets it (an older night re-ingested later
 * does not change the profile of a newer warehouse). Returns the profile id and how it was chosen (Vietnamese).
 */
export async function recordPolicy(
  ctx: IngestContext,
  option: PolicyId | undefined,
  addresses: readonly string[],
): Promise<{ id: string; how: string }> {
  const profiles = POLICY_IDS.map((id) => loadPolicy(id));
  const domain = mainDomain(addresses);
  const detected = domain === null ? null : profileForDomain(profiles, domain, ctx.exportDate);
  const current = await storedPolicyId(ctx.conn);
  let choice: { id: string; how: string };
  if (option !== undefined) {
    choice = { id: option, how: 'theo tùy chọn --profile' };
    const own = loadPolicy(option).domain.value;
    if (domain !== null && domain !== own) {
      ctx.warn(`quy chế ${option} dùng tên miền ${own} nhưng hộp thư của đêm này thuộc tên miền ${domain}`);
    }
  } else if (detected !== null) {
    choice = { id: detected, how: `nhận ra từ tên miền ${domain}` };
  } else if (current !== null) {
    choice = { id: current, how: 'giữ quy chế đã lưu trong kho' };
  } else {
    choice = { id: DEFAULT_POLICY, how: 'mặc định' };
    if (domain !== null) ctx.warn(`không có quy chế nào cho tên miền ${domain} — dùng quy chế mặc định ${DEFAULT_POLICY}`);
  }
  const newer = await queryRows<{ n: number }>(
    ctx.conn,
    'SELECT count(*)::INTEGER AS n FROM ingest_runs WHERE export_date > CAST($night AS DATE)',
    { night: ctx.exportDate },
  );
  if (newer[0]!.n > 0 && current !== null) return { id: current, how: 'giữ quy chế của đêm mới hơn đã nạp' };
  await ctx.conn.run('INSERT OR REPLACE INTO warehouse_meta (key, value) VALUES ($key, $value)', { key: POLICY_META_KEY, value: choice.id });
  return choice;
}
