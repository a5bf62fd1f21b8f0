/**
 * The raw figures of a report to UBND, as the warehouse returns them (`warehouse/reports/figures.ts`). Plain data:
 * the report model (`model.ts`) is built from these by pure functions. Agency keys are codes; '' is "no agency".
 */
import type { Period } from '../rules/period.ts';

export interface AgencyInPeriod {
  code: string;
  name: string;
  grp: string;
  /** Days the agency existed within the period (YYYY-MM-DD, inclusive). */
  exists_from: string;
  exists_to: string;
  /** valid_to of its last version (exclusive end), when it ended. */
  ended_on: string | null;
  successor_code: string | null;
}

export interface MailboxEventRow {
  code: string;
  issued: number;
  changed: number;
  locked: number;
  revoked: number;
}

export interface MailboxEndRow {
  code: string;
  active_personal: number;
  active_agency: number;
  locked_now: number;
  used_in_period: number;
  used_mb: number;
}

export interface RequestRow {
  code: string;
  received: number;
  done: number;
  on_time: number;
  late: number;
  open_not_due: number;
  no_deadline: number;
}

export interface IncidentRow {
  id: string;
  kind: string | null;
  severity: string | null;
  summary: string | null;
  occurred_local: string;
  reported_local: string | null;
  hours_to_report: number | null;
  /** null when the regulation sets no number of hours, or the deadline has not passed yet. */
  within_deadline: boolean | null;
}

export interface SecurityRow {
  code: string;
  passwordDefault: number;
  passwordStale: number;
  forwardExternal: number;
}

export interface RankingRow {
  code: string;
  name: string;
  group: string;
  score: number | null;
  rank: number | null;
  groupSize: number;
  change: number | null;
}

export interface ReportFigures {
  period: Period;
  /** First and last night of data in the warehouse; null when empty. */
  data: { from: string; to: string } | null;
  /** The day the state is read: the period's last day, or the last night of data if earlier. */
  evaluatedTo: string;
  agencies: AgencyInPeriod[];
  events: MailboxEventRow[];
  atEnd: MailboxEndRow[];
  requests: RequestRow[];
  incidents: IncidentRow[];
  security: SecurityRow[];
  ranking: RankingRow[];
  methodVersion: string;
}
