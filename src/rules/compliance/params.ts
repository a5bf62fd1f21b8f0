/**
 * The thresholds the compliance SQL binds, read from the policy profile and nothing else (STYLE §5). Pure: no I/O.
 * A null value means the regulation sets no such rule, and the check that reads it yields no finding.
 */
import { TIME_ZONE, UTC_OFFSET_MINUTES } from '../../text/time.ts';
import type { Policy } from '../policy/schema.ts';

/**
 * Zimbra writes `zimbraLastLogonTimestamp` at most once every 7 days (its default `zimbraLastLogonTimestampFrequency`,
 * SPEC §3.2), so the real last login can be up to this many days after the recorded one. A property of the data
 * source, not a threshold of any regulation: checks built on the recorded value give the mailbox the benefit of the
 * doubt (treat it as used until this many days later) so no finding or score claims daily precision.
 * Exact logins (`logins.csv`) need no margin. The SQL's own copy is `last_logon_margin_days()` in
 * `src/warehouse/schema/003_figures.sql` (a test keeps the two equal).
 */
export const LAST_LOGON_PRECISION_DAYS = 7;

/** Parameters shared by every compliance statement (names match the `$names` in `src/warehouse/compliance/sql/`). */
export interface RuleParams {
  tz: string;
  /** The zone's fixed offset (+07:00, no DST since 1975), for cheap local-day arithmetic over large logs. */
  offsetMinutes: number;
  domain: string;
  /** Days after the default password is issued before it must have been changed; 0 = at the first login. */
  graceDays: number | null;
  changeMonths: number | null;
  revokeMonths: number | null;
  lockDays: number | null;
  lockedRevokeDays: number | null;
  forwardForbidden: boolean;
  quotaMb: number | null;
  quotaShare: number | null;
  /** Look-back (days) for "used recently" (regular use) and for "agency mailbox read"; null = not measured. */
  windowDays: number | null;
  incidentHours: number | null;
}

/** Reads every threshold from the profile (each with its citation there; see `rules.ts` for which rule uses which). */
export function ruleParams(policy: Policy): RuleParams {
  return {
    tz: TIME_ZONE,
    offsetMinutes: UTC_OFFSET_MINUTES,
    domain: policy.domain.value ?? '',
    graceDays: policy.password.defaultGraceDays.value,
    changeMonths: policy.password.changeIntervalMonths.value,
    revokeMonths: policy.inactivity.revokeAfterMonths.value,
    lockDays: policy.inactivity.lockAfterDays.value,
    lockedRevokeDays: policy.inactivity.revokeAfterLockedDays.value,
    forwardForbidden: policy.externalForwarding.value === 'forbidden',
    quotaMb: policy.quota.mailboxMb.value,
    quotaShare: policy.quotaWarningShare.value,
    windowDays: policy.ranking.regularUseDays.value,
    incidentHours: policy.incidentReportHours.value,
  };
}
