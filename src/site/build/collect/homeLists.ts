/**
 * What leadership asks first on the home page (SPEC §5 Tổng quan): which agencies fell most since the previous
 * period, and which have the most open findings. Both read the engine's own results (the ranking's scores, the
 * findings of the night), so a figure here is the one on the ranking and agency pages. Pure.
 */
import type { Finding } from '../../../rules/compliance/findings.ts';
import type { AgencyScore } from '../../../rules/compliance/scoring.ts';
import type { RuleId } from '../../../rules/compliance/rules.ts';
import { viCollator } from '../../../text/format.ts';

/** How many agencies each list shows. */
export const HOME_LIST_SIZE = 10;

export interface AgencyFall {
  code: string;
  name: string;
  group: string;
  score: number;
  previousScore: number;
  /** score − previousScore, < 0. */
  change: number;
}

export interface AgencyOpenFindings {
  code: string;
  name: string;
  total: number;
  /** Findings of severity "vi phạm" among them. */
  violations: number;
  /** The rule with the most findings (ties: the rule listed first by the engine). */
  topRule: { ruleId: RuleId; title: string; count: number };
}

/**
 * Agencies whose score fell since the previous period, the biggest fall first (ties by Vietnamese name), at most
 * `limit`. An agency without a score in either period is not compared.
 */
export function biggestFalls(agencies: readonly AgencyScore[], limit = HOME_LIST_SIZE): AgencyFall[] {
  const falls: AgencyFall[] = [];
  for (const a of agencies) {
    if (a.score === null || a.previousScore === null || a.change === null || a.change >= 0) continue;
    falls.push({ code: a.code, name: a.name, group: a.group, score: a.score, previousScore: a.previousScore, change: a.change });
  }
  return falls.sort((x, y) => x.change - y.change || viCollator.compare(x.name, y.name)).slice(0, limit);
}

/** How many agencies have a score in both periods (the falls are out of these). */
export function comparedAgencies(agencies: readonly AgencyScore[]): number {
  return agencies.filter((a) => a.change !== null).length;
}

/**
 * Agencies with the most open findings on the night, most first (ties: more violations first, then Vietnamese
 * name), at most `limit`. Findings without an agency (system-wide, unknown codes) are not counted.
 */
export function mostOpenFindings(findings: readonly Finding[], limit = HOME_LIST_SIZE): AgencyOpenFindings[] {
  const byAgency = new Map<string, { name: string; total: number; violations: number; rules: Map<RuleId, { title: string; count: number }> }>();
  for (const f of findings) {
    if (f.agencyCode === null) continue;
    let a = byAgency.get(f.agencyCode);
    if (!a) byAgency.set(f.agencyCode, (a = { name: f.agencyName ?? f.agencyCode, total: 0, violations: 0, rules: new Map() }));
    a.total += 1;
    if (f.severity === 'vi-pham') a.violations += 1;
    const rule = a.rules.get(f.ruleId) ?? { title: f.title, count: 0 };
    rule.count += 1;
    a.rules.set(f.ruleId, rule);
  }
  const out: AgencyOpenFindings[] = [...byAgency].map(([code, a]) => {
    let top: AgencyOpenFindings['topRule'] | null = null;
    for (const [ruleId, r] of a.rules) if (!top || r.count > top.count) top = { ruleId, title: r.title, count: r.count };
    return { code, name: a.name, total: a.total, violations: a.violations, topRule: top! };
  });
  return out
    .sort((x, y) => y.total - x.total || y.violations - x.violations || viCollator.compare(x.name, y.name))
    .slice(0, limit);
}
