import { criterionShare } from '../../../rules/compliance/scoring.ts';
import type { Citation } from '../../../rules/policy/schema.ts';
import { citeDocument } from '../../../text/labels.ts';
import { vi } from '../../i18n/vi.ts';
import { queryRows } from '../../../warehouse/open.ts';
import type { CollectContext } from '../types.ts';
import { findingsOf } from './findings.ts';
import { biggestFalls, comparedAgencies, mostOpenFindings, type AgencyFall, type AgencyOpenFindings } from './homeLists.ts';
import { rankedPeriods, scoresOf } from './ranking.ts';

/** Headline figures on one date (SPEC §5 Tổng quan). null = the warehouse has no registry for that date. */
export interface Headline {
  date: string;
  agencies: number;
  personalActive: number | null;
  agencyActive: number | null;
  headcount: number;
  /** The ranking's coverage on the date (SPEC §4.5): active personal mailboxes / headcount, agencies with a headcount. */
  coverage: number | null;
  /** The ranking's regular use on the date (SPEC §4.5): share of active personal mailboxes used within the window. */
  regularUse: number | null;
  /** Requests received in the window ending on the date. */
  requests: number;
  /** Messages sent by the province's mailboxes in the window (mail-log daily aggregates); null without mail logs. */
  messagesSent: number | null;
}

export interface Overview {
  /** The comparison window in days: the profile's regular-use look-back (ranking.regularUseDays). */
  windowDays: number;
  now: Headline | null;
  /** The same figures `windowDays` earlier, for period-over-period change. */
  before: Headline | null;
  /** Last 12 months, province-wide. */
  months: { month: string; cumulative: number; created: number; requests: number; sent: number; received: number }[];
  /** Whether the warehouse has mail-log aggregates (otherwise sent/received are not known, not zero). */
  mailLog: boolean;
  /**
   * The ranking's main period (the year so far, as at a glance) against the one before: the agencies whose score
   * fell most, out of `compared` agencies scored in both. null on an empty warehouse.
   */
  falls: {
    period: string;
    previousPeriod: string;
    /** The first day of data when the warehouse starts inside the previous period (its scores cover less of it). */
    previousDataFrom: string | null;
    compared: number;
    agencies: AgencyFall[];
  } | null;
  /** The agencies with the most open findings on the night (the counts of their agency pages). */
  mostFindings: AgencyOpenFindings[];
  /** The profile's citations behind the headline definitions: the coverage criterion (its label and citation; null
   * when the profile does not rank on it) and the regular-use window. */
  citations: { coverage: { label: string; citation: string } | null; regularUse: string };
}

/**
 * Headline figures on `date`, counting flows (requests, messages) over the `days` before it. Coverage and regular use
 * are the ranking's own counts of that day summed over the agencies in force (`criterionShare` of the compliance
 * session's `countsOn`): the same definition as /xep-hang/, never a query of the dashboard's own.
 */
async function headlineAt(ctx: CollectContext, date: string, days: number): Promise<Headline> {
  const [row] = await queryRows<Omit<Headline, 'coverage' | 'regularUse'> & { registryKnown: boolean }>(
    ctx.conn,
    `WITH ag AS (SELECT * FROM agencies_on($d::DATE)),
          mb AS (SELECT * FROM mailboxes_on($d::DATE))
     SELECT $d AS date,
            (SELECT count(*) FROM ag)::INTEGER AS agencies,
            (SELECT count(*) FROM mb WHERE kind = 'ca-nhan' AND status = 'active')::INTEGER AS personalActive,
            (SELECT count(*) FROM mb WHERE kind = 'co-quan' AND status = 'active')::INTEGER AS agencyActive,
            (SELECT coalesce(sum(headcount), 0) FROM ag)::INTEGER AS headcount,
            (SELECT count(*) FROM requests WHERE received_at::DATE <= $d::DATE
                AND received_at::DATE > $d::DATE - $days::INTEGER)::INTEGER AS requests,
            (SELECT coalesce(sum(sent_messages), 0) FROM mail_daily_agency WHERE day <= $d::DATE
                AND day > $d::DATE - $days::INTEGER)::DOUBLE AS messagesSent,
            EXISTS (SELECT 1 FROM mailboxes WHERE seen_from <= $d::DATE) AS registryKnown`,
    { d: date, days },
  );
  if (!row) throw new Error('truy vấn chỉ số tổng quan không trả về dòng nào');
  const { registryKnown, ...h } = row;
  const counts = (await ctx.compliance.countsOn([date])).get(date) ?? [];
  const figures = {
    ...h,
    coverage: criterionShare(counts, 'coverage').value,
    regularUse: criterionShare(counts, 'regular_use').value,
  };
  const mail = await mailLogKnown(ctx);
  const out = mail ? figures : { ...figures, messagesSent: null };
  return registryKnown ? out : { ...out, personalActive: null, agencyActive: null, coverage: null, regularUse: null };
}

/** Whether the warehouse holds any mail-log aggregates (a province may export no mail log). */
async function mailLogKnown(ctx: CollectContext): Promise<boolean> {
  const [row] = await queryRows<{ known: boolean }>(ctx.conn, 'SELECT EXISTS (SELECT 1 FROM mail_daily_agency) AS known');
  return row?.known ?? false;
}

/** A profile citation as an official text writes it, with what kind of basis it is when not a final text. */
function citation(c: Citation): string {
  const basis = c.basis === 'final' ? '' : ` (${vi.home.define.basis[c.basis]})`;
  return citeDocument(c) + basis;
}

/** Collects the dashboard (SPEC §5 Tổng quan): headline figures now and one window earlier, monthly trends. */
export async function collectOverview(ctx: CollectContext): Promise<Overview> {
  const windowDays = ctx.policy.ranking.regularUseDays.value;
  if (windowDays === null) throw new Error(`hồ sơ ${ctx.policy.id} không quy định ranking.regularUseDays`);
  const coverage = ctx.policy.ranking.criteria.find((c) => c.id === 'coverage');
  const citations = {
    coverage: coverage ? { label: coverage.label, citation: citation(coverage.cite) } : null,
    regularUse: citation(ctx.policy.ranking.regularUseDays.cite),
  };
  if (!ctx.asOf) return { windowDays, now: null, before: null, months: [], mailLog: false, falls: null, mostFindings: [], citations };
  const [prev] = await queryRows<{ d: string }>(ctx.conn, `SELECT ($d::DATE - $n::INTEGER)::VARCHAR AS d`, {
    d: ctx.asOf,
    n: windowDays,
  });
  await ctx.compliance.countsOn([ctx.asOf, prev!.d]); // both days' state built together
  const now = await headlineAt(ctx, ctx.asOf, windowDays);
  const before = await headlineAt(ctx, prev!.d, windowDays);
  const months = await queryRows<Overview['months'][number]>(
    ctx.conn,
    `WITH months AS (
       SELECT unnest(generate_series(date_trunc('month', $d::DATE) - INTERVAL 11 MONTH, date_trunc('month', $d::DATE),
                                     INTERVAL 1 MONTH))::DATE AS m),
     mb AS (SELECT created_at::DATE AS c FROM mailboxes_on($d::DATE)),
     rq AS (SELECT received_at::DATE AS r FROM requests WHERE received_at::DATE <= $d::DATE),
     mail AS (SELECT date_trunc('month', day)::DATE AS m, sum(sent_messages) AS sent, sum(received_messages) AS received
                FROM mail_daily_agency WHERE day <= $d::DATE GROUP BY 1)
     SELECT strftime(m, '%Y-%m') AS month,
            (SELECT count(*) FROM mb WHERE c < m + INTERVAL 1 MONTH)::INTEGER AS cumulative,
            (SELECT count(*) FROM mb WHERE c >= m AND c < m + INTERVAL 1 MONTH)::INTEGER AS created,
            (SELECT count(*) FROM rq WHERE r >= m AND r < m + INTERVAL 1 MONTH)::INTEGER AS requests,
            coalesce(mail.sent, 0)::DOUBLE AS sent, coalesce(mail.received, 0)::DOUBLE AS received
       FROM months LEFT JOIN mail USING (m) ORDER BY m`,
    { d: ctx.asOf },
  );
  const scores = await scoresOf(ctx, rankedPeriods(ctx.asOf)[0]!);
  const falls = {
    period: scores.period.label,
    previousPeriod: scores.previousPeriod.label,
    previousDataFrom: scores.data && scores.data.from > scores.previousPeriod.from ? scores.data.from : null,
    compared: comparedAgencies(scores.agencies),
    agencies: biggestFalls(scores.agencies),
  };
  const mostFindings = mostOpenFindings((await findingsOf(ctx, ctx.asOf)).findings);
  return { windowDays, now, before, months, mailLog: await mailLogKnown(ctx), falls, mostFindings, citations };
}
