import type { DuckDBConnection } from '@duckdb/node-api';
import { describeRequestLate } from '../../rules/compliance/describe.ts';
import { makeFinding, type Finding } from '../../rules/compliance/findings.ts';
import { requestDeadline } from '../../rules/compliance/requestDeadline.ts';
import { workingDayDeadline } from '../../rules/calendar/index.ts';
import { formatCitation, type Policy } from '../../rules/policy/schema.ts';
import { labelOf, REQUEST_TYPE_LABELS } from '../../text/labels.ts';
import { appendTempTable, sqlParams } from './prepare.ts';
import { queryComplianceSql } from './sql.ts';

/**
 * Fills the temp table cmp_request_due (id, due, working_days) for the requests in scope: the deadline day of each
 * request by the working-day calendar (`workingDayDeadline`: receipt day not counted; Vietnamese holidays, Tết and
 * make-up Saturdays honoured). The per-request calendar walk is the only part done in TS; the rest is SQL.
 */
export async function prepareRequestDeadlines(
  conn: DuckDBConnection,
  policy: Policy,
  eventsFrom: string,
  asOf: string,
): Promise<void> {
  const rows = await queryComplianceSql<{ id: string; type: string; received_utc: string }>(conn, 'requestsInScope', {
    ...sqlParams(policy),
    eventsFrom,
    asOf,
  });
  const due: string[][] = [];
  for (const r of rows) {
    const deadline = requestDeadline(policy, r.type);
    if (deadline) due.push([r.id, workingDayDeadline(r.received_utc, deadline.workingDays), String(deadline.workingDays)]);
  }
  await appendTempTable(conn, 'cmp_request_due', ['id', 'due', 'working_days'], due);
}

interface LateRow {
  id: string;
  type: string;
  working_days: string;
  since: string;
  due_day: string;
  received_day: string;
  done_day: string | null;
  agency_code: string | null;
  agency_name: string | null;
}

/**
 * Requests done late (SPEC §4.4), in working days, received by the end of `asOf` and in scope from `eventsFrom`;
 * a request still open past its deadline counts. A step of `computeFindings`, run on the state it prepared for `asOf`
 * (agency resolution); callers outside it read findings through the compliance session.
 */
export async function requestFindings(conn: DuckDBConnection, policy: Policy, eventsFrom: string, asOf: string): Promise<Finding[]> {
  await prepareRequestDeadlines(conn, policy, eventsFrom, asOf);
  const rows = await queryComplianceSql<LateRow>(conn, 'requestFindings', { ...sqlParams(policy), asOf });
  return rows.map((r) => {
    const finding = makeFinding(policy, asOf, 'request-late', {
      subject: r.id,
      subjectName: labelOf(REQUEST_TYPE_LABELS, r.type),
      agencyCode: r.agency_code,
      agencyName: r.agency_name,
      since: r.since,
      detail: describeRequestLate(r.received_day, r.due_day, Number(r.working_days), r.done_day),
    });
    const deadline = requestDeadline(policy, r.type);
    return deadline ? { ...finding, citation: formatCitation(deadline.cite) } : finding;
  });
}
