import { findingCountsByRule, type Finding, type RuleCount } from '../../../rules/compliance/findings.ts';
import { ruleCitation, SEVERITY_LABEL, type RuleId } from '../../../rules/compliance/rules.ts';
import type { Policy } from '../../../rules/policy/schema.ts';
import { citeDocument } from '../../../text/labels.ts';
import type { FindingsResult } from '../../../warehouse/compliance/findings.ts';
import { vi } from '../../i18n/vi.ts';
import type { CollectContext, DownloadRef } from '../types.ts';

/** A finding as listed on an internal page (the engine's Finding without the agency fields the page already has). */
export type FindingRow = Pick<Finding, 'ruleId' | 'title' | 'severity' | 'citation' | 'subject' | 'subjectName' | 'since' | 'detail'>;

export interface AgencyFindings {
  byRule: RuleCount[];
  total: number;
  /** Internal builds only: every finding of the agency, and its download. */
  rows?: FindingRow[];
  download?: DownloadRef;
}

export interface FindingsSlice {
  asOf: string | null;
  /** Open findings by rule, province-wide (an aggregate: published in both builds). */
  byRule: RuleCount[];
  total: number;
  notApplicable: { title: string; reason: string }[];
  /** Per agency code. */
  byAgency: Record<string, AgencyFindings>;
}

/** The rules with at least one finding, most findings first (`findingCountsByRule`, the engine's roll-up). */
function rulesFound(counts: readonly RuleCount[]): RuleCount[] {
  return counts.filter((c) => c.count > 0).sort((a, b) => b.count - a.count);
}

/** The open findings on the night `asOf`, from the compliance session (computed once for both builds). */
export function findingsOf(ctx: CollectContext, asOf: string): Promise<FindingsResult> {
  return ctx.compliance.findings({ asOf });
}

/**
 * Open findings on the as-of night (SPEC §4.4, §5): counts by rule province-wide and per agency in both builds; the
 * internal build adds each agency's findings one by one (per mailbox) with a CSV/XLSX download.
 */
export async function collectFindings(ctx: CollectContext): Promise<FindingsSlice> {
  if (!ctx.asOf) return { asOf: null, byRule: [], total: 0, notApplicable: [], byAgency: {} };
  const asOf = ctx.asOf;
  const result = await findingsOf(ctx, asOf);
  const perAgency = new Map<string, Finding[]>();
  for (const f of result.findings) {
    if (f.agencyCode === null) continue;
    const list = perAgency.get(f.agencyCode);
    if (list) list.push(f);
    else perAgency.set(f.agencyCode, [f]);
  }
  const rules = new Map(findingCountsByRule(ctx.policy, []).map((r) => [r.ruleId, r]));
  const byAgency: Record<string, AgencyFindings> = {};
  for (const summary of result.byAgency) {
    const code = summary.agencyCode;
    const counts = Object.entries(summary.byRule).map(([id, n]) => ({ ...rules.get(id as RuleId)!, count: n }));
    const entry: AgencyFindings = { byRule: rulesFound(counts), total: summary.total };
    if (ctx.audience === 'internal') {
      entry.rows = (perAgency.get(code) ?? []).map((f) => ({
        ruleId: f.ruleId, title: f.title, severity: f.severity, citation: f.citation,
        subject: f.subject, subjectName: f.subjectName, since: f.since, detail: f.detail,
      }));
      entry.download = ctx.addDownload(`co-quan/${code}/phat-hien`, `Phát hiện ${code}`, findingsTable(entry.rows, ctx.policy));
    }
    byAgency[code] = entry;
  }
  return {
    asOf: result.asOf,
    byRule: rulesFound(findingCountsByRule(ctx.policy, result.findings)),
    total: result.findings.length,
    notApplicable: result.notApplicable.map(({ title, reason }) => ({ title, reason })),
    byAgency,
  };
}

/** An agency's findings for download; the citation names the regulation as an official text does (`citeDocument`). */
function findingsTable(rows: FindingRow[], policy: Policy) {
  const t = vi.findings;
  return {
    columns: [
      { header: t.rule, width: 36 }, { header: t.severity, width: 12 }, { header: t.subject, width: 34 },
      { header: t.subjectName, width: 28 }, { header: t.since, width: 12, type: 'date' as const }, { header: t.detail, width: 60 },
      { header: t.citation, width: 40 },
    ],
    rows: rows.map((f) => [f.title, SEVERITY_LABEL[f.severity], f.subject, f.subjectName, f.since, f.detail, citeDocument(ruleCitation(f.ruleId, policy))]),
  };
}
