/**
 * The raw figures of a report to UBND, as the warehouse returns them (`warehouse/reports/figures.ts`). Plain data:
 * the report model (`model.ts`) is built from these by pure functions. Agency keys are codes; '' is "no agency".
 */
import type { Period } from '../../rules/period.ts';

export interface AgencyInPeriod {
  code: string;
  name: string;
  grp: string;
  kind: string;
  /** The agency it belongs to (a phòng under its Sở, a xã under its huyện), as of its last day in the period. */
  parent_code: string | null;
  /** Days the agency existed within the period (YYYY-MM-DD, inclusive). */
  exists_from: string;
  exists_to: string;
  /** valid_to of its last version (exclusive end), when it ended. */
  ended_on: string | null;
  successor_code: string | null;
}

/** One version of an agency as the agency list held it (valid_to exclusive; null while in force). */
export interface AgencyVersion {
  code: string;
  name: string;
  parent_code: string | null;
  kind: string;
  valid_from: string;
  valid_to: string | null;
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

/** Mail traffic of one agency code in the period (mail_daily_mailbox, each day under the agency of that day). */
export interface MailTrafficRow {
  code: string;
  sent: number;
  sent_rcpt_internal: number;
  sent_rcpt_external: number;
  received: number;
  received_internal: number;
  received_external: number;
  sent_mb: number;
  received_mb: number;
  /** Mailboxes that sent mail, each once, under the agency of the last day it sent. */
  active_senders: number;
  rejected_inbound: number;
}

/** The mail server's counters for the period (mail_daily_totals) and how much of the period the log covers. */
export interface MailServerTotals {
  received: number;
  delivered: number;
  forwarded: number;
  deferrals: number;
  bounced: number;
  rejected: number;
  reject_warnings: number;
  held: number;
  discarded: number;
  received_mb: number;
  delivered_mb: number;
}

/** Reason classes of NOQUEUE rejects (mailRejectClasses.sql). */
export type RejectClass = 'dnsbl' | 'postscreen' | 'content' | 'helo' | 'relay' | 'recipient' | 'sender' | 'client' | 'server' | 'other';

export interface MailLogFigures {
  /** Days of the period with mail-log aggregates, out of `periodDays` (the period's days up to `coveredTo`). */
  daysCovered: number;
  periodDays: number;
  coveredTo: string;
  /** The days of the period without mail-log data, as inclusive ranges (YYYY-MM-DD). */
  gaps: { from: string; to: string }[];
  server: MailServerTotals;
  traffic: MailTrafficRow[];
  /** Rejects with their facts still kept, by class; their sum may be below server.rejected once facts are purged. */
  rejectClasses: { cls: RejectClass; n: number }[];
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
  /** Every version of every agency, for the sender on the report date and the agencies' parents. */
  agencyVersions: AgencyVersion[];
  events: MailboxEventRow[];
  atEnd: MailboxEndRow[];
  requests: RequestRow[];
  incidents: IncidentRow[];
  security: SecurityRow[];
  /** null when the warehouse has no mail-log tables (made before the mail log was loaded). */
  mailLog: MailLogFigures | null;
  ranking: RankingRow[];
  methodVersion: string;
  /** Files missing or unreadable on nights of the period, loaded anyway with --partial (SPEC §3.6). */
  inputGaps?: InputGapRow[];
}

/** A file a night of the period lacked or could not read (the data page lists the same). */
export interface InputGapRow {
  night: string;
  file: string;
  reason: string;
}
