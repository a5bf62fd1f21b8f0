/**
 * The compliance rules (SPEC §4.4) as data: id, Vietnamese title, severity, what a finding is about, and where its
 * citation and threshold come from in the policy profile. Pure: no I/O. The checks themselves are SQL
 * (`src/warehouse/compliance/`); this table says what each check means and whether it applies under a profile.
 */
import { orgOwners } from '../address/conformance.ts';
import { RULE_LABELS, SEVERITY_LABELS } from '../../text/labels.ts';
import type { Citation, Policy } from '../policy/schema.ts';
import { RULE_IDS, type RuleId } from './ruleIds.ts';

export { RULE_IDS, type RuleId };

/** vi-pham: the regulation is broken; canh-bao: someone must act (lock, revoke, free space); thong-tin: for the record. */
export type Severity = 'vi-pham' | 'canh-bao' | 'thong-tin';

/** Labels from the dictionary (src/text/labels.ts). */
export const SEVERITY_LABEL: Record<Severity, string> = SEVERITY_LABELS;

/** What a finding is about: a mailbox, an agency, a request (phiếu yêu cầu), an incident, or an export file row. */
export type SubjectKind = 'mailbox' | 'agency' | 'request' | 'incident' | 'file';

/** A profile parameter as stored: its value (null = the regulation has no such rule) and citation. */
interface CitedParam {
  value: unknown;
  cite: Citation;
}

export interface RuleMeta {
  id: RuleId;
  /** Vietnamese title shown on pages and in lists. */
  title: string;
  severity: Severity;
  subject: SubjectKind;
  /** The profile parameter the rule reads; its citation is the finding's citation, its null value disables the rule. */
  param(policy: Policy): CitedParam;
}

/** Every rule's title is its label in the dictionary (src/text/labels.ts): a rule without one does not compile. */
const TITLES: Record<RuleId, string> = RULE_LABELS;

const RULES: readonly RuleMeta[] = [
  {
    id: 'password-default',
    title: TITLES['password-default'],
    severity: 'vi-pham',
    subject: 'mailbox',
    param: (p) => p.password.defaultGraceDays,
  },
  {
    id: 'password-stale',
    title: TITLES['password-stale'],
    severity: 'vi-pham',
    subject: 'mailbox',
    param: (p) => p.password.changeIntervalMonths,
  },
  {
    id: 'inactive-revoke',
    title: TITLES['inactive-revoke'],
    severity: 'canh-bao',
    subject: 'mailbox',
    param: (p) => p.inactivity.revokeAfterMonths,
  },
  {
    id: 'inactive-lock',
    title: TITLES['inactive-lock'],
    severity: 'canh-bao',
    subject: 'mailbox',
    param: (p) => p.inactivity.lockAfterDays,
  },
  {
    id: 'locked-revoke',
    title: TITLES['locked-revoke'],
    severity: 'canh-bao',
    subject: 'mailbox',
    param: (p) => p.inactivity.revokeAfterLockedDays,
  },
  {
    id: 'forward-external',
    title: TITLES['forward-external'],
    severity: 'vi-pham',
    subject: 'mailbox',
    param: (p) => p.externalForwarding,
  },
  {
    // Full is not a breach but needs action; the quota is the mailbox's own (provisioned), else the profile's.
    id: 'quota-over',
    title: TITLES['quota-over'],
    severity: 'canh-bao',
    subject: 'mailbox',
    param: (p) => p.quotaWarningShare,
  },
  {
    id: 'quota-near',
    title: TITLES['quota-near'],
    severity: 'thong-tin',
    subject: 'mailbox',
    param: (p) => p.quotaWarningShare,
  },
  {
    // The regulation gives every mailbox its capacity (002 Điều 7: 02GB; 003 Điều 8 khoản 1: 500MB): a mailbox
    // provisioned with less is a breach by the operator, whatever the mailbox's own quota says.
    id: 'quota-below-regulation',
    title: TITLES['quota-below-regulation'],
    severity: 'vi-pham',
    subject: 'mailbox',
    param: (p) => p.quota.mailboxMb,
  },
  {
    // The duty to have the mailbox (002 Điều 3 khoản 1–2; 003 Điều 3 khoản 1; 004 Điều 5 khoản 1), not to read it.
    // Each finding cites the clause of the agency's own kind (locality, department …), see findings.ts.
    id: 'agency-mailbox-missing',
    title: TITLES['agency-mailbox-missing'],
    severity: 'canh-bao',
    subject: 'agency',
    param: (p) => p.agencyMailbox,
  },
  {
    id: 'agency-mailbox-unread',
    title: TITLES['agency-mailbox-unread'],
    severity: 'canh-bao',
    subject: 'mailbox',
    param: (p) => p.agencyMailboxRead,
  },
  {
    id: 'address-format',
    title: TITLES['address-format'],
    severity: 'thong-tin',
    subject: 'mailbox',
    param: (p) => p.addresses.personal,
  },
  {
    // Informational like address-format (SPEC §4.2). Each finding cites the template it was judged against.
    id: 'org-address-format',
    title: TITLES['org-address-format'],
    severity: 'thong-tin',
    subject: 'mailbox',
    param: (p) => p.addresses.agency,
  },
  {
    id: 'request-late',
    title: TITLES['request-late'],
    severity: 'vi-pham',
    subject: 'request',
    param: (p) => p.requestDeadlineWorkingDays,
  },
  {
    id: 'incident-late',
    title: TITLES['incident-late'],
    severity: 'vi-pham',
    subject: 'incident',
    param: (p) => p.incidentReportHours,
  },
  {
    id: 'text-not-unicode',
    title: TITLES['text-not-unicode'],
    severity: 'thong-tin',
    subject: 'file',
    param: (p) => p.unicode,
  },
];

const BY_ID = new Map(RULES.map((r) => [r.id, r]));

/** Every rule, in the fixed order pages and lists show them. */
export function allRules(): readonly RuleMeta[] {
  return RULES;
}

/** The metadata of one rule. */
export function ruleMeta(id: RuleId): RuleMeta {
  const rule = BY_ID.get(id);
  if (!rule) throw new Error(`không có quy tắc "${id}"`);
  return rule;
}

/** The citation a finding of `id` carries under `policy` (the profile parameter's own citation). */
export function ruleCitation(id: RuleId, policy: Policy): Citation {
  return ruleMeta(id).param(policy).cite;
}

/**
 * Null when the rule applies under `policy`; otherwise the Vietnamese reason it does not: the profile's parameter is
 * null, i.e. the regulation sets no such rule (e.g. sonla-2025 has no 6-month revocation, Sóc Trăng no lock).
 */
export function ruleNotApplicable(id: RuleId, policy: Policy): string | null {
  const param = ruleMeta(id).param(policy);
  if (param.value !== null) return null;
  const note = param.cite.note ? ` ${param.cite.note}` : '';
  return `Quy chế ${policy.name} không quy định nội dung này.${note}`;
}

/**
 * The clause that requires an agency mailbox for an agency of `kind` (with a parent of `parentKind`, if any): the
 * clause of the agency's own template (002 Điều 3 khoản 1 for a Sở or a phòng, khoản 2 for a locality; 003 Điều 3
 * khoản 1 điểm a or b; 004 Điều 5 khoản 1 điểm a, b or c), which both creates the mailbox and fixes its format.
 */
export function agencyMailboxCitation(policy: Policy, kind: string, parentKind: string | null): Citation {
  const unit = { kind, abbr: null, name: '' };
  const [owner] = orgOwners({ unit, parent: parentKind === null ? null : { kind: parentKind, abbr: null, name: '' } });
  return owner ? policy.addresses[owner.template].cite : policy.agencyMailbox.cite;
}
