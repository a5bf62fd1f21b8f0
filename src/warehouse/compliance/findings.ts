import type { DuckDBConnection } from '@duckdb/node-api';
import * as say from '../../rules/compliance/describe.ts';
import { findingsByAgency, makeFinding, sortFindings, type AgencyFindingSummary, type Finding } from '../../rules/compliance/findings.ts';
import { agencyMailboxCitation, allRules, ruleNotApplicable, type RuleId } from '../../rules/compliance/rules.ts';
import { formatCitation, type Policy } from '../../rules/policy/schema.ts';
import { addressFindings } from './addressFindings.ts';
import { prepareState, sqlParams } from './prepare.ts';
import { requestFindings } from './requests.ts';
import { queryComplianceSql, runComplianceSql } from './sql.ts';

/**
 * What to evaluate: the state on `asOf` (end of that local day) and the events (late requests and incident reports,
 * non-Unicode rows) from `eventsFrom` through `asOf`. With `eventsFrom` = `asOf`, only events of that day plus those
 * still open (not completed / not reported) are listed; a period passes its first day.
 */
export interface FindingScope {
  asOf: string;
  eventsFrom?: string;
}

export interface FindingsResult {
  profile: string;
  asOf: string;
  eventsFrom: string;
  /** Every finding, in the order of `sortFindings`. */
  findings: Finding[];
  /** The same findings rolled up per agency. */
  byAgency: AgencyFindingSummary[];
  /** Rules the profile does not have, with the Vietnamese reason (the regulation sets no such rule). */
  notApplicable: { ruleId: RuleId; title: string; reason: string }[];
}

interface MailboxRow {
  rule_id: RuleId;
  since: string;
  address: string;
  display_name: string | null;
  agency_code: string | null;
  agency_name: string | null;
  created_day: string | null;
  default_day: string | null;
  first_login_day: string | null;
  password_day: string | null;
  lastlogon_day: string | null;
  login_day: string | null;
  sent_day: string | null;
  locked_from: string | null;
  ext_targets: string[] | null;
  used_mb: number | null;
  quota_mb: number | null;
}

function mailboxDetail(policy: Policy, r: MailboxRow): string {
  const access = { createdDay: r.created_day, loginDay: r.login_day, sentDay: r.sent_day, lastLogonDay: r.lastlogon_day };
  switch (r.rule_id) {
    case 'password-default':
      return say.describePasswordDefault(policy, r.default_day, r.first_login_day);
    case 'password-stale':
      return say.describePasswordStale(policy, r.password_day);
    case 'inactive-revoke':
      return say.describeInactiveRevoke(policy, access);
    case 'inactive-lock':
      return say.describeInactiveLock(policy, access);
    case 'locked-revoke':
      return say.describeLockedRevoke(policy, r.locked_from);
    case 'forward-external':
      return say.describeForward(r.ext_targets ?? []);
    case 'agency-mailbox-unread':
      return say.describeUnread(policy, access);
    case 'quota-over':
    case 'quota-near':
      return say.describeQuota(r.used_mb ?? 0, r.quota_mb ?? 0);
    case 'quota-below-regulation':
      return say.describeQuotaBelow(policy, r.quota_mb ?? 0);
    default:
      throw new Error(`quy tắc hộp thư không xác định: ${r.rule_id}`);
  }
}

/**
 * Findings per mailbox and per agency under `policy` (SPEC §4.4), computed in SQL over the warehouse: the registry
 * as of `scope.asOf`, agencies resolved as of that day (history-aware, SPEC §3.1), each finding with rule id, title,
 * citation (seed file, Điều, khoản, điểm), severity and since-when. Every threshold is the profile's; a rule whose
 * profile value is null yields nothing and is listed in `notApplicable`. Deterministic for the same warehouse.
 */
export async function computeFindings(conn: DuckDBConnection, policy: Policy, scope: FindingScope): Promise<FindingsResult> {
  const asOf = scope.asOf;
  const eventsFrom = scope.eventsFrom ?? asOf;
  await prepareState(conn, policy, [asOf]);
  const params = { ...sqlParams(policy), asOf, eventsFrom };
  const findings: Finding[] = [];
  await runComplianceSql(conn, policy.password.defaultGraceDays.value === 0 ? 'firstLogin' : 'firstLoginEmpty', params);
  const mailboxRows = [
    ...(await queryComplianceSql<MailboxRow>(conn, 'mailboxFindings', params)),
    // Full / nearly full against the mailbox's own quota, else the profile's (sonla-2025 has only the former).
    ...(policy.quotaWarningShare.value !== null ? await queryComplianceSql<MailboxRow>(conn, 'quotaFindings', params) : []),
    ...(policy.quota.mailboxMb.value !== null ? await queryComplianceSql<MailboxRow>(conn, 'quotaBelowFindings', params) : []),
  ];
  for (const r of mailboxRows) {
    findings.push(
      makeFinding(policy, asOf, r.rule_id, {
        subject: r.address,
        subjectName: r.display_name,
        agencyCode: r.agency_code,
        agencyName: r.agency_name,
        since: r.since,
        detail: mailboxDetail(policy, r),
      }),
    );
  }
  const agencyRows = await queryComplianceSql<{
    since: string;
    agency_code: string;
    agency_name: string;
    agency_kind: string;
    parent_kind: string | null;
    last_end: string | null;
  }>(conn, 'agencyFindings', params);
  for (const r of agencyRows) {
    const finding = makeFinding(policy, asOf, 'agency-mailbox-missing', {
      subject: r.agency_code,
      subjectName: r.agency_name,
      agencyCode: r.agency_code,
      agencyName: r.agency_name,
      since: r.since,
      detail: say.describeAgencyMailboxMissing(r.last_end),
    });
    findings.push({ ...finding, citation: formatCitation(agencyMailboxCitation(policy, r.agency_kind, r.parent_kind)) });
  }
  findings.push(...(await eventFindings(conn, policy, params)));
  findings.push(...(await addressFindings(conn, policy, asOf)));
  findings.push(...(await requestFindings(conn, policy, eventsFrom, asOf)));
  sortFindings(findings);
  const notApplicable = allRules()
    .map((r) => ({ ruleId: r.id, title: r.title, reason: ruleNotApplicable(r.id, policy) }))
    .filter((r): r is { ruleId: RuleId; title: string; reason: string } => r.reason !== null);
  return { profile: policy.id, asOf, eventsFrom, findings, byAgency: findingsByAgency(findings), notApplicable };
}

async function eventFindings(conn: DuckDBConnection, policy: Policy, params: Record<string, unknown>): Promise<Finding[]> {
  const asOf = String(params.asOf);
  const out: Finding[] = [];
  const incidents = await queryComplianceSql<{
    since: string;
    id: string;
    summary: string | null;
    occurred_local: string;
    reported_local: string | null;
    due_local: string;
  }>(conn, 'incidentFindings', params);
  for (const r of incidents) {
    out.push(
      makeFinding(policy, asOf, 'incident-late', {
        subject: r.id,
        subjectName: r.summary,
        agencyCode: null,
        agencyName: null,
        since: r.since,
        detail: say.describeIncidentLate(policy, r.occurred_local, r.due_local, r.reported_local),
      }),
    );
  }
  const rows = await queryComplianceSql<{ since: string; file: string; line: number | null; reason: string }>(
    conn,
    'unicodeFindings',
    params,
  );
  for (const r of rows) {
    out.push(
      makeFinding(policy, asOf, 'text-not-unicode', {
        subject: r.line === null ? r.file : `${r.file}:${r.line}`,
        subjectName: null,
        agencyCode: null,
        agencyName: null,
        since: r.since,
        detail: say.describeNotUnicode(r.file, r.line, r.reason),
      }),
    );
  }
  return out;
}
