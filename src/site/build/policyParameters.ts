import { DUTY_LABEL, DUTY_STATUS_LABEL, type DutyStatus } from '../../rules/compliance/duties.ts';
import { ruleCitation, ruleMeta } from '../../rules/compliance/rules.ts';
import { formatCitation, type Citation, type Policy } from '../../rules/policy/schema.ts';
import { formatNumber, formatPercent } from '../../text/format.ts';
import { fill, vi } from '../i18n/vi.ts';

/** One row of the "profile in force" table on the data page. */
export interface PolicyParameter {
  label: string;
  /** The value in Vietnamese, or "Không quy định" when the regulation sets no such rule. */
  value: string;
  citation: string;
  basis: Citation['basis'];
  note: string | null;
}

type Cited<T> = { value: T | null; cite: Citation };

function row<T>(label: string, p: Cited<T>, show: (v: T) => string): PolicyParameter {
  return {
    label,
    value: p.value === null ? vi.policy.notSet : show(p.value),
    citation: formatCitation(p.cite),
    basis: p.cite.basis,
    note: p.cite.note ?? null,
  };
}

const unit = (template: string) => (n: number) => fill(template, { n: formatNumber(n) });

/**
 * Lists the profile's parameters with their values and citations (SPEC §4.1, §5 Dữ liệu: profile in force),
 * read from the profile itself so the page always shows the figures the scores used. Pure.
 */
export function policyParameters(policy: Policy): PolicyParameter[] {
  const u = vi.policy.units;
  const t = vi.policy;
  return [
    row(t.domain, policy.domain, (v) => v),
    row(t.mailboxQuota, policy.quota.mailboxMb, unit(u.mb)),
    row(t.attachmentLimit, policy.quota.attachmentMb, unit(u.mb)),
    row(t.quotaWarning, policy.quotaWarningShare, (v) => formatPercent(v, 0)),
    row(t.defaultGrace, policy.password.defaultGraceDays, unit(u.days)),
    row(t.changeInterval, policy.password.changeIntervalMonths, unit(u.months)),
    row(t.minLength, policy.password.minLength, unit(u.chars)),
    row(t.revokeAfter, policy.inactivity.revokeAfterMonths, unit(u.months)),
    row(t.lockAfter, policy.inactivity.lockAfterDays, unit(u.days)),
    row(t.revokeAfterLocked, policy.inactivity.revokeAfterLockedDays, unit(u.days)),
    row(t.externalForwarding, policy.externalForwarding, () => t.forbidden),
    row(t.requestDeadline, policy.requestDeadlineWorkingDays, unit(u.workingDays)),
    row(t.restoreDeadline, policy.restoreDeadlineWorkingDays, unit(u.workingDays)),
    row(t.incidentReport, policy.incidentReportHours, unit(u.hours)),
    row(t.logRetention, policy.logRetentionMonths, unit(u.months)),
    row(t.spamMailbox, policy.spamMailbox, (v) => v),
    row(t.regularUse, policy.ranking.regularUseDays, unit(u.days)),
    ...policy.ranking.criteria.map((c) =>
      row(fill(t.criterion, { label: c.label }), { value: c.weight, cite: c.cite }, (w) => fill(t.weight, { w: formatNumber(w) })),
    ),
  ];
}

/** One row of the duty table on the data page: a duty of the text in force and how the product treats it. */
export interface PolicyDuty {
  label: string;
  citation: string;
  /** The citation's note (other clauses of the same duty), if any. */
  citationNote: string | null;
  status: DutyStatus;
  statusLabel: string;
  /** For a checked duty, the rules that find its breaches, each "title — citation". */
  rules: string[];
  /** Where it is shown, why it cannot be checked, or what the check measures. */
  how: string | null;
}

/**
 * Every duty of the profile's texts with "checked" (and by which rules), "shown only" (and where) or "not checkable
 * from the exports" (and why), in the profile's order (SPEC §5 Dữ liệu; issue 17). Pure.
 */
export function policyDuties(policy: Policy): PolicyDuty[] {
  return policy.duties.map((d) => ({
    label: DUTY_LABEL[d.id],
    citation: formatCitation(d.cite),
    citationNote: d.cite.note ?? null,
    status: d.status,
    statusLabel: DUTY_STATUS_LABEL[d.status],
    rules: (d.rules ?? []).map((r) => `${ruleMeta(r).title} — ${formatCitation(ruleCitation(r, policy))}`),
    how: d.how ?? null,
  }));
}
