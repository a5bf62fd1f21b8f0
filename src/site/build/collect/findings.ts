import type { Finding } from '../../../rules/compliance/findings.ts';
import { ruleCitation, SEVERITY_LABEL, type RuleId, type Severity } from '../../../rules/compliance/rules.ts';
import type { Policy } from '../../../rules/policy/schema.ts';
import { citeDocument } from '../../../text/labels.ts';
import { computeFindings, type FindingsResult } from '../../../warehouse/compliance/findings.ts';
import { vi } from '../../i18n/vi.ts';
import type { CollectContext, DownloadRef } from '../types.ts';

export interface RuleCount {
  ruleId: RuleId;
  title: string;
  severity: Severity;
  citation: string;
  count: number;
}

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

function countByRule(findings: readonly Finding[]): RuleCount[] {
  const out = new Map<RuleId, RuleCount>();
  for (const f of findings) {
    const c = out.get(f.ruleId) ?? { ruleId: f.ruleId, title: f.title, severity: f.severity, citation: f.citation, count: 0 };
    c.count += 1;
    out.set(f.ruleId, c);
  }
  return [...out.values()].sort((a, b) => b.count - a.count || a.ruleId.localeCompare(b.ruleId));
}

/** The open findings on the night `asOf`, computed once for every collector and build sharing the memo. */
export function findingsOf(ctx: CollectContext, asOf: string): Promise<FindingsResult> {
  return ctx.memo(`findings:${ctx.policy.id}:${asOf}`, () => computeFindings(ctx.conn, ctx.policy, { asOf }));
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
  const byAgency: Record<string, AgencyFindings> = {};
  for (const [code, findings] of perAgency) {
    const entry: AgencyFindings = { byRule: countByRule(findings), total: findings.length };
    if (ctx.audience === 'internal') {
      entry.rows = findings.map((f) => ({
        ruleId: f.ruleId, title: f.title, severity: f.severity, citation: f.citation,
        subject: f.subject, subjectName: f.subjectName, since: f.since, detail: f.detail,
      }));
      entry.download = ctx.addDownload(`co-quan/${code}/phat-hien`, `Phát hiện ${code}`, findingsTable(entry.rows, ctx.policy));
    }
    byAgency[code] = entry;
  }
  return {
    asOf: result.asOf,
    byRule: countByRule(result.findings),
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
