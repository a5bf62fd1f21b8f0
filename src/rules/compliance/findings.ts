/**
 * The shape of a compliance finding (SPEC §4.4) and pure roll-ups over findings: counts by rule (dashboard "open
 * findings by rule") and per agency (agency page). Pure: no I/O, safe in the browser.
 */
import { formatCitation, type Policy } from '../policy/schema.ts';
import { allRules, ruleCitation, ruleMeta, ruleNotApplicable, type RuleId, type Severity, type SubjectKind } from './rules.ts';

export interface Finding {
  ruleId: RuleId;
  /** Vietnamese title of the rule. */
  title: string;
  severity: Severity;
  /** "002 Điều 9 khoản 3" — seed file, Điều, khoản, điểm (formatCitation). */
  citation: string;
  subjectKind: SubjectKind;
  /** Mailbox address, agency code, request id, incident id, or "file:line". */
  subject: string;
  /** Display name of the mailbox or name of the agency, where there is one. */
  subjectName: string | null;
  /** Agency in force on the as-of date (history-aware; successors followed); null when unknown or system-wide. */
  agencyCode: string | null;
  agencyName: string | null;
  /**
   * Local day (YYYY-MM-DD) the condition began; never before the profile's effective date when the finding is as of
   * a day on or after it (a rule cannot be broken before it is in force).
   */
  since: string;
  /** Vietnamese evidence: the dates and figures behind the finding and the threshold crossed. */
  detail: string;
}

/**
 * Builds a finding as of `asOf` with the rule's title, severity and citation under `policy`; `since` is moved up to
 * the profile's effective date when that date is on or before `asOf`.
 */
export function makeFinding(
  policy: Policy,
  asOf: string,
  ruleId: RuleId,
  fields: Omit<Finding, 'ruleId' | 'title' | 'severity' | 'citation' | 'subjectKind'>,
): Finding {
  const meta = ruleMeta(ruleId);
  const effective = policy.effectiveFrom;
  const since = effective !== null && effective <= asOf && fields.since < effective ? effective : fields.since;
  return {
    ruleId,
    title: meta.title,
    severity: meta.severity,
    citation: formatCitation(ruleCitation(ruleId, policy)),
    subjectKind: meta.subject,
    ...fields,
    since,
  };
}

const RULE_ORDER = new Map(allRules().map((r, i) => [r.id, i]));

function compareText(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return a < b ? -1 : 1;
}

/** Deterministic order: agency code (unknown last), subject, rule order of `rules.ts`, since. */
export function sortFindings(findings: Finding[]): Finding[] {
  return findings.sort(
    (x, y) =>
      compareText(x.agencyCode, y.agencyCode) ||
      compareText(x.subject, y.subject) ||
      (RULE_ORDER.get(x.ruleId)! - RULE_ORDER.get(y.ruleId)!) ||
      compareText(x.since, y.since),
  );
}

export interface RuleCount {
  ruleId: RuleId;
  title: string;
  severity: Severity;
  citation: string;
  count: number;
  /** Null when the rule applies under the profile; else why not (the regulation has no such rule). */
  notApplicable: string | null;
}

/**
 * Number of findings per rule, every rule listed in `rules.ts` order (zero when none), with the rule's citation
 * under `policy` and, for a rule the profile does not have, the reason instead of a misleading zero.
 */
export function findingCountsByRule(policy: Policy, findings: readonly Finding[]): RuleCount[] {
  const counts = new Map<RuleId, number>();
  for (const f of findings) counts.set(f.ruleId, (counts.get(f.ruleId) ?? 0) + 1);
  return allRules().map((r) => ({
    ruleId: r.id,
    title: r.title,
    severity: r.severity,
    citation: formatCitation(ruleCitation(r.id, policy)),
    count: counts.get(r.id) ?? 0,
    notApplicable: ruleNotApplicable(r.id, policy),
  }));
}

export interface AgencyFindingSummary {
  agencyCode: string;
  agencyName: string | null;
  /** Findings per rule id (only rules with at least one). */
  byRule: Partial<Record<RuleId, number>>;
  bySeverity: Record<Severity, number>;
  total: number;
}

/** Per-agency roll-up of findings that name an agency, ordered by agency code. */
export function findingsByAgency(findings: readonly Finding[]): AgencyFindingSummary[] {
  const out = new Map<string, AgencyFindingSummary>();
  for (const f of findings) {
    if (f.agencyCode === null) continue;
    let s = out.get(f.agencyCode);
    if (!s) {
      s = { agencyCode: f.agencyCode, agencyName: f.agencyName, byRule: {}, bySeverity: { 'vi-pham': 0, 'canh-bao': 0, 'thong-tin': 0 }, total: 0 };
      out.set(f.agencyCode, s);
    }
    s.byRule[f.ruleId] = (s.byRule[f.ruleId] ?? 0) + 1;
    s.bySeverity[f.severity] += 1;
    s.total += 1;
  }
  return [...out.values()].sort((a, b) => compareText(a.agencyCode, b.agencyCode));
}
