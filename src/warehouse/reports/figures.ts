import type { DuckDBConnection } from '@duckdb/node-api';
import type { Period } from '../../rules/period.ts';
import type { Policy } from '../../rules/policy/schema.ts';
import { dataSpan, sqlParams } from '../compliance/prepare.ts';
import { prepareRequestDeadlines } from '../compliance/requests.ts';
import type { Compliance } from '../compliance/session.ts';
import type {
  AgencyInPeriod, AgencyVersion, IncidentRow, InputGapRow, MailboxEndRow, MailboxEventRow, MailLogFigures, MailServerTotals, MailTrafficRow, RejectClass, ReportFigures,
  RequestRow, SecurityRow,
} from './figureTypes.ts';
import { addDays, daysBetween } from '../../rules/calendar/civilDate.ts';
import { queryRows } from '../open.ts';
import { queryReportSql } from './sql.ts';
import { TIME_ZONE } from '../../text/time.ts';

/** Finding rules the report's security section counts per agency (password hygiene and forwarding, issue 7). */
const SECURITY_RULES = ['password-default', 'password-stale', 'forward-external'] as const;

/**
 * Every figure of the report to UBND for `period` (002 Điều 10 khoản 3; 001 Điều 11 khoản 1 điểm d), straight from
 * the warehouse: agencies of the period (each under its own code and days, so a merger shows both), mailbox events,
 * the registry at the end of the period, requests against their working-day deadlines, incidents against the
 * reporting deadline, password and forwarding findings on the last day, and the ranking — findings and scores from
 * the compliance session, so a site build that also ranks the period computes them once. The state is read on the
 * period's last day, or the last night of data when the period is still running (`evaluatedTo`).
 */
export async function reportFigures(compliance: Compliance, period: Period): Promise<ReportFigures> {
  const { conn, policy } = compliance;
  await conn.run(`SET TimeZone = '${TIME_ZONE}'`);
  const span = await dataSpan(conn);
  const end = span && span.to < period.to ? span.to : period.to;
  const base = { ...sqlParams(policy), from: period.from, to: period.to, end, evalTo: end };
  const agencies = await queryReportSql<AgencyInPeriod>(conn, 'agenciesInPeriod', base);
  const agencyVersions = await queryReportSql<AgencyVersion>(conn, 'agencyVersions', {});
  const events = await queryReportSql<MailboxEventRow>(conn, 'mailboxEvents', base);
  const atEnd = end >= period.from ? await queryReportSql<MailboxEndRow>(conn, 'mailboxesAtEnd', base) : [];
  const incidents = await queryReportSql<IncidentRow>(conn, 'incidents', base);
  const security: SecurityRow[] = [];
  if (span && end >= period.from) {
    const { findings } = await compliance.findings({ asOf: end, eventsFrom: period.from });
    // A mailbox whose code is missing from the agency list has no agency in the findings: keep its recorded code,
    // so it lands on the same annex row as its other figures.
    const recorded = new Map(
      (
        await queryRows<{ address: string; code: string }>(
          conn,
          `SELECT address, coalesce(agency_code, '') AS code FROM mailboxes_on(CAST($end AS DATE))`,
          { end },
        )
      ).map((r) => [r.address, r.code]),
    );
    const byCode = new Map<string, SecurityRow>();
    for (const f of findings) {
      if (!(SECURITY_RULES as readonly string[]).includes(f.ruleId)) continue;
      const code = f.agencyCode ?? recorded.get(f.subject) ?? '';
      const row = byCode.get(code) ?? { code, passwordDefault: 0, passwordStale: 0, forwardExternal: 0 };
      if (f.ruleId === 'password-default') row.passwordDefault += 1;
      else if (f.ruleId === 'password-stale') row.passwordStale += 1;
      else row.forwardExternal += 1;
      byCode.set(code, row);
    }
    security.push(...[...byCode.values()].sort((a, b) => a.code.localeCompare(b.code)));
  }
  const mailLog = await mailLogFigures(conn, period, end);
  const inputGaps = await queryReportSql<InputGapRow>(conn, 'inputGaps', { from: period.from, to: period.to });
  const scores = await compliance.scores(period);
  const requests = await requestsByAgency(conn, policy, period, end);
  return {
    period,
    data: span,
    evaluatedTo: end,
    agencies,
    agencyVersions,
    events,
    atEnd,
    requests,
    incidents,
    security,
    mailLog,
    ranking: scores.agencies.map((a) => ({
      code: a.code,
      name: a.name,
      group: a.group,
      score: a.score,
      rank: a.rank,
      groupSize: a.groupSize,
      change: a.change,
    })),
    methodVersion: scores.methodVersion,
    inputGaps,
  };
}

/**
 * Requests received in `period` per agency, judged at the end of `end` against their working-day deadlines: the
 * deadlines (a temporary table, `prepareRequestDeadlines`) are computed here, right before the query that reads them.
 */
async function requestsByAgency(conn: DuckDBConnection, policy: Policy, period: Period, end: string): Promise<RequestRow[]> {
  await prepareRequestDeadlines(conn, policy, period.from, end);
  return queryReportSql<RequestRow>(conn, 'requestsByAgency', { ...sqlParams(policy), from: period.from, to: period.to, evalTo: end });
}

/** The inclusive ranges of [from, to] missing from `days` (sorted YYYY-MM-DD within the range). */
export function dayGaps(from: string, to: string, days: readonly string[]): { from: string; to: string }[] {
  const gaps: { from: string; to: string }[] = [];
  let next = from;
  for (const d of [...days, addDays(to, 1)]) {
    if (d > next) gaps.push({ from: next, to: addDays(d, -1) });
    next = addDays(d, 1);
  }
  return gaps;
}

/**
 * Mail traffic and rejects of `period` from the mail-log aggregates (SPEC §4.3; never the raw log): per agency from
 * mail_daily_mailbox, the server's counters from mail_daily_totals, reject classes from the reject facts still kept.
 * Null when the warehouse predates the mail-log tables. Coverage counts the days of the period up to the later of
 * `end` (the registry's last night in the period) and the last day of mail log, so a running period is not short of
 * days that have not happened yet.
 */
async function mailLogFigures(conn: DuckDBConnection, period: Period, end: string): Promise<MailLogFigures | null> {
  const [has] = await queryRows<{ n: number }>(
    conn,
    `SELECT CAST(count(*) AS INTEGER) AS n FROM duckdb_tables()
      WHERE table_name IN ('mail_daily_totals', 'mail_daily_mailbox', 'mail_rejects')`,
  );
  if (!has || has.n < 3) return null;
  const range = { from: period.from, to: period.to };
  const [server] = await queryReportSql<MailServerTotals>(conn, 'mailTotals', range);
  const days = (await queryReportSql<{ day: string }>(conn, 'mailLogDays', range)).map((r) => r.day);
  const traffic = await queryReportSql<MailTrafficRow>(conn, 'mailTraffic', range);
  const rejectClasses = await queryReportSql<{ cls: RejectClass; n: number }>(conn, 'mailRejectClasses', range);
  const toNumber = Object.fromEntries(Object.entries(server!).map(([k, v]) => [k, Number(v)])) as unknown as MailServerTotals;
  const latest = [end, days.at(-1) ?? ''].sort().at(-1)!; // the later of the registry's last night and the log's last day
  const coverTo = latest >= period.from && latest < period.to ? latest : period.to;
  return {
    daysCovered: days.length,
    periodDays: daysBetween(period.from, coverTo) + 1,
    coveredTo: coverTo,
    gaps: dayGaps(period.from, coverTo, days),
    server: toNumber,
    traffic,
    rejectClasses,
  };
}
