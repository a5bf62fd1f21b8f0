import { ruleParams } from '../../../rules/compliance/params.ts';
import { criterionShare } from '../../../rules/compliance/scoring.ts';
import { queryRows } from '../../../warehouse/open.ts';
import { MAILBOX_KIND_LABELS, MAILBOX_STATUS_LABELS, labelOf } from '../../../text/labels.ts';
import { isoLocalDateTime, sortVi } from '../../../text/format.ts';
import { vi } from '../../i18n/vi.ts';
import type { CollectContext, DownloadRef } from '../types.ts';

/** A mailbox as listed on an internal agency page. No personal phone, CCCD or birth date exists here by design. */
export interface MailboxRow {
  address: string;
  name: string | null;
  kind: string;
  department: string | null;
  title: string | null;
  status: string;
  createdAt: string | null;
  lastLoginMs: number | null;
  usedMb: number | null;
}

export interface AgencyView {
  code: string;
  name: string;
  abbr: string | null;
  parentCode: string | null;
  kind: string;
  group: string;
  headcount: number | null;
  /** The agency's office phone and address (public facts from the agency list, not personal data). */
  phone: string | null;
  address: string | null;
  validFrom: string;
  validTo: string | null;
  successorCode: string | null;
  /** In force on the as-of date. */
  active: boolean;
  /** Mailboxes in force on the as-of date, by kind and status. */
  mailboxes: { kind: string; status: string; count: number }[];
  personalActive: number;
  /**
   * The ranking's coverage on the night (SPEC §4.5; `criterionShare` of the compliance session's counts): active
   * personal mailboxes (a merged agency's counting for its successor) / headcount; null without a headcount or once
   * closed.
   */
  coverage: number | null;
  /**
   * Last 12 months: mailboxes issued up to each month's end (by creation date), created in the month, and messages
   * sent and received by its mailboxes (mail-log daily aggregates).
   */
  trend: { month: string; cumulative: number; created: number; sent: number; received: number }[];
  /** Internal builds only. */
  mailboxList?: MailboxRow[];
  mailboxDownload?: DownloadRef;
}

export interface AgenciesSlice {
  /** Every agency that ever existed (latest version of each), sorted by Vietnamese name. */
  list: AgencyView[];
}

/** Collects one view per agency (SPEC §5 Cơ quan). Internal builds add the per-mailbox list and its download. */
export async function collectAgencies(ctx: CollectContext): Promise<AgenciesSlice> {
  if (!ctx.asOf) return { list: [] };
  const p = { d: ctx.asOf };
  const base = await queryRows<Omit<AgencyView, 'mailboxes' | 'personalActive' | 'coverage' | 'trend'>>(
    ctx.conn,
    `SELECT code, name, abbr, parent_code AS parentCode, kind, grp AS "group", headcount, phone, address,
            valid_from::VARCHAR AS validFrom, valid_to::VARCHAR AS validTo, successor_code AS successorCode,
            in_force_on(valid_from, valid_to, $d::DATE) AS active
       FROM agencies QUALIFY row_number() OVER (PARTITION BY code ORDER BY valid_from DESC) = 1`,
    p,
  );
  const counts = await queryRows<{ agency: string; kind: string; status: string; count: number }>(
    ctx.conn,
    `SELECT agency_code AS agency, kind, status, count(*)::INTEGER AS count FROM mailboxes_on($d::DATE)
      WHERE agency_code IS NOT NULL GROUP BY ALL ORDER BY kind, status`,
    p,
  );
  const trend = await queryRows<{ agency: string } & AgencyView['trend'][number]>(
    ctx.conn,
    `WITH months AS (
       SELECT unnest(generate_series(date_trunc('month', $d::DATE) - INTERVAL 11 MONTH, date_trunc('month', $d::DATE),
                                     INTERVAL 1 MONTH))::DATE AS m),
     issued AS (
       SELECT agency_code AS agency, m,
              count(*) FILTER (WHERE created_at::DATE < m + INTERVAL 1 MONTH)::INTEGER AS cumulative,
              count(*) FILTER (WHERE created_at::DATE >= m AND created_at::DATE < m + INTERVAL 1 MONTH)::INTEGER AS created
         FROM mailboxes_on($d::DATE) mb CROSS JOIN months
        WHERE agency_code IS NOT NULL GROUP BY ALL),
     mail AS (
       SELECT agency_code AS agency, date_trunc('month', day)::DATE AS m,
              sum(sent_messages)::DOUBLE AS sent, sum(received_messages)::DOUBLE AS received
         FROM mail_daily_agency WHERE day <= $d::DATE AND day >= (SELECT min(m) FROM months) GROUP BY ALL)
     SELECT agency, strftime(m, '%Y-%m') AS month, coalesce(cumulative, 0)::INTEGER AS cumulative,
            coalesce(created, 0)::INTEGER AS created, coalesce(sent, 0) AS sent, coalesce(received, 0) AS received
       FROM issued FULL JOIN mail USING (agency, m) ORDER BY agency, month`,
    p,
  );
  const countsBy = groupBy(counts, (r) => r.agency);
  const trendBy = groupBy(trend, (r) => r.agency);
  const listsBy = ctx.audience === 'internal' ? groupBy(await mailboxRows(ctx), (r) => r.agency) : null;
  // the ranking's counts on the night (mailboxes under a merged agency's code count for its successor)
  const dayCounts = new Map(((await ctx.compliance.countsOn([p.d])).get(p.d) ?? []).map((c) => [c.code, c]));

  const list = base.map((a): AgencyView => {
    const mailboxes = (countsBy.get(a.code) ?? []).map(({ kind, status, count }) => ({ kind, status, count }));
    const personalActive = mailboxes.find((m) => m.kind === 'ca-nhan' && m.status === 'active')?.count ?? 0;
    const view: AgencyView = {
      ...a,
      mailboxes,
      personalActive,
      coverage: a.active && dayCounts.has(a.code) ? criterionShare([dayCounts.get(a.code)!], 'coverage').value : null,
      trend: (trendBy.get(a.code) ?? []).map(({ agency: _agency, ...point }) => point),
    };
    if (listsBy) {
      const rows = sortVi(listsBy.get(a.code) ?? [], (r) => r.address).map(({ agency: _agency, ...r }) => r);
      view.mailboxList = rows;
      if (rows.length > 0) view.mailboxDownload = ctx.addDownload(`co-quan/${a.code}/hop-thu`, `Hộp thư ${a.code}`, mailboxTable(rows));
    }
    return view;
  });
  return { list: sortVi(list, (a) => a.name) };
}

async function mailboxRows(ctx: CollectContext): Promise<(MailboxRow & { agency: string })[]> {
  return queryRows(
    ctx.conn,
    `WITH act AS (SELECT address, arg_max(used_mb, export_date) AS used_mb FROM mailbox_activity
                   WHERE export_date <= $d::DATE GROUP BY address)
     SELECT m.agency_code AS agency, m.address, m.display_name AS name, m.kind, m.department, m.title, m.status,
            m.created_at::DATE::VARCHAR AS createdAt, epoch_ms(l.last_login_at)::DOUBLE AS lastLoginMs, act.used_mb AS usedMb
       FROM mailboxes_on($d::DATE) m
       LEFT JOIN mailbox_use_on($d::DATE, $offsetMinutes) l USING (address)
       LEFT JOIN act USING (address)
      WHERE m.agency_code IS NOT NULL`,
    { d: ctx.asOf, offsetMinutes: ruleParams(ctx.policy).offsetMinutes },
  );
}

function mailboxTable(rows: MailboxRow[]) {
  const t = vi.mailbox;
  return {
    columns: [
      { header: t.address, width: 34 }, { header: t.name, width: 30 }, { header: t.kind, width: 10 },
      { header: t.department, width: 24 }, { header: t.title, width: 20 }, { header: t.status, width: 16 },
      { header: t.createdAt, width: 12, type: 'date' as const }, { header: t.lastLogin, width: 17, type: 'datetime' as const },
      { header: t.usedMb, width: 12, numFmt: '#,##0.0' },
    ],
    rows: rows.map((r) => [
      r.address, r.name, labelOf(MAILBOX_KIND_LABELS, r.kind), r.department, r.title, labelOf(MAILBOX_STATUS_LABELS, r.status),
      r.createdAt, r.lastLoginMs === null ? null : isoLocalDateTime(r.lastLoginMs), r.usedMb,
    ]),
  };
}

function groupBy<T>(rows: T[], key: (row: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const r of rows) {
    const k = key(r);
    const list = out.get(k);
    if (list) list.push(r);
    else out.set(k, [r]);
  }
  return out;
}
