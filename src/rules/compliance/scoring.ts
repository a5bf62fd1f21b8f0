/**
 * Scores and ranking (SPEC §4.5) from per-agency counts. Pure: no I/O, safe in the browser.
 *
 * Method (stamped as `methodVersion` on every result):
 * - Each criterion of the profile has a numerator and a denominator (counts, see `criteria.ts`); its value is
 *   numerator / denominator, capped at 1 (coverage can exceed the headcount).
 * - A criterion with no data (denominator 0) or that the profile cannot measure is not applicable for that agency:
 *   its weight is shared out among the applicable criteria in proportion to their weights (effective weight =
 *   weight × 100 / sum of applicable weights). An agency with no applicable criterion gets no score and no rank.
 * - Score = Σ effective weight × value, 0–100, rounded to 1 decimal (half up).
 * - Rank within the group by the rounded score, competition style: equal scores share a rank and the next rank
 *   skips (1, 1, 3). Order within a rank: agency code.
 * - Change = score − the same agency's (same code) score in the previous period, when both exist.
 */
import { formatCitation, type CriterionId, type Policy } from '../policy/schema.ts';
import { criterionMethod } from './criteria.ts';

/** Revision of this computation; bumped when the method above changes, so old and new scores are not compared blindly. */
export const SCORING_METHOD_REVISION = 'pp1';

export interface CriterionCounts {
  numerator: number;
  denominator: number;
}

export interface AgencyCounts {
  code: string;
  /** Name in force at the end of the agency's span in the period. */
  name: string;
  group: string;
  kind: string;
  evaluatedFrom: string;
  evaluatedTo: string;
  sampleDates: string[];
  /** Counts per criterion; a missing entry means "no data". */
  counts: Partial<Record<CriterionId, CriterionCounts>>;
  /** Why a criterion cannot be measured at all (e.g. the profile's look-back is null). */
  unmeasurable?: Partial<Record<CriterionId, string>>;
}

export interface CriterionResult {
  id: CriterionId;
  label: string;
  numerator: number;
  denominator: number;
  /** numerator / denominator capped at 1, 4 decimals; null when not applicable. */
  value: number | null;
  weight: number;
  /** Weight after sharing out the weight of non-applicable criteria (2 decimals); 0 when not applicable. */
  effectiveWeight: number;
  /** Contribution to the score (2 decimals). */
  points: number;
  applicable: boolean;
  citation: string;
  numeratorLabel: string;
  denominatorLabel: string;
  note: string;
}

export interface AgencyScore {
  code: string;
  name: string;
  group: string;
  kind: string;
  evaluatedFrom: string;
  evaluatedTo: string;
  sampleDates: string[];
  score: number | null;
  rank: number | null;
  groupSize: number;
  previousScore: number | null;
  change: number | null;
  methodVersion: string;
  criteria: CriterionResult[];
}

/** Half-up rounding that ignores binary noise (84.249999999 from 84.25 still gives 84.3 at 1 decimal). */
function round(x: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(Number((x * f).toPrecision(12))) / f;
}

/** The method version stamped on results: the profile's ranking version plus this code's revision. */
export function methodVersion(policy: Policy): string {
  return `${policy.ranking.methodVersion}+${SCORING_METHOD_REVISION}`;
}

/**
 * One criterion over `agencies` together: numerators and denominators summed (as the ranking sums an agency's over
 * its observation days) and the value as every criterion's, numerator / denominator capped at 1 (`scoreOne`); null
 * without a denominator or when the criterion cannot be measured. The dashboard's and the agency pages' coverage and
 * regular use are this over the ranking's counts of one day, so they are the ranking's figures.
 */
export function criterionShare(agencies: readonly AgencyCounts[], id: CriterionId): CriterionCounts & { value: number | null } {
  let numerator = 0;
  let denominator = 0;
  let measurable = false;
  for (const a of agencies) {
    if (a.unmeasurable?.[id] !== undefined) continue;
    measurable = true;
    numerator += a.counts[id]?.numerator ?? 0;
    denominator += a.counts[id]?.denominator ?? 0;
  }
  return { numerator, denominator, value: measurable && denominator > 0 ? Math.min(1, numerator / denominator) : null };
}

function scoreOne(policy: Policy, a: AgencyCounts): { score: number | null; criteria: CriterionResult[] } {
  const raw = policy.ranking.criteria.map((c) => {
    const counts = a.counts[c.id] ?? { numerator: 0, denominator: 0 };
    const blocked = a.unmeasurable?.[c.id];
    const applicable = blocked === undefined && counts.denominator > 0;
    const value = applicable ? Math.min(1, counts.numerator / counts.denominator) : null;
    return { c, counts, applicable, value, blocked };
  });
  const applicableWeight = raw.reduce((s, r) => s + (r.applicable ? r.c.weight : 0), 0);
  let total = 0;
  const criteria = raw.map(({ c, counts, applicable, value, blocked }) => {
    const share = applicable && applicableWeight > 0 ? (c.weight * 100) / applicableWeight : 0;
    const points = value === null ? 0 : share * value;
    total += points;
    const method = criterionMethod(policy, c.id);
    const why = blocked ?? (applicable ? null : 'không có dữ liệu (mẫu số bằng 0), trọng số được chia cho các tiêu chí còn lại');
    return {
      id: c.id,
      label: c.label,
      numerator: counts.numerator,
      denominator: counts.denominator,
      value: value === null ? null : round(value, 4),
      weight: c.weight,
      effectiveWeight: round(share, 2),
      points: round(points, 2),
      applicable,
      citation: formatCitation(c.cite),
      numeratorLabel: method.numerator,
      denominatorLabel: method.denominator,
      note: why ? `${why}. ${method.note}` : method.note,
    };
  });
  return { score: applicableWeight > 0 ? round(total, 1) : null, criteria };
}

/**
 * Competition ranks (1, 1, 3) within each group by descending score; items with a null score get no rank.
 * Returns rank by key.
 */
export function competitionRanks(items: readonly { key: string; group: string; score: number | null }[]): Map<string, number> {
  const ranks = new Map<string, number>();
  const groups = new Map<string, number[]>();
  for (const it of items) {
    if (it.score === null) continue;
    const list = groups.get(it.group) ?? [];
    list.push(it.score);
    groups.set(it.group, list);
  }
  for (const it of items) {
    if (it.score === null) continue;
    const higher = groups.get(it.group)!.filter((s) => s > it.score!).length;
    ranks.set(it.key, higher + 1);
  }
  return ranks;
}

/**
 * Scores, ranks and period-over-period change for every agency (see the module comment for the method), ordered
 * by group, then rank (unranked last), then code. `previous` maps agency code → previous period's score.
 */
export function scoreAgencies(
  policy: Policy,
  agencies: readonly AgencyCounts[],
  previous: ReadonlyMap<string, number | null> = new Map(),
): AgencyScore[] {
  const version = methodVersion(policy);
  const scored = agencies.map((a) => ({ a, ...scoreOne(policy, a) }));
  const ranks = competitionRanks(scored.map((s) => ({ key: s.a.code, group: s.a.group, score: s.score })));
  const groupSize = new Map<string, number>();
  for (const s of scored) groupSize.set(s.a.group, (groupSize.get(s.a.group) ?? 0) + 1);
  const out: AgencyScore[] = scored.map(({ a, score, criteria }) => {
    const prev = previous.get(a.code) ?? null;
    return {
      code: a.code,
      name: a.name,
      group: a.group,
      kind: a.kind,
      evaluatedFrom: a.evaluatedFrom,
      evaluatedTo: a.evaluatedTo,
      sampleDates: a.sampleDates,
      score,
      rank: ranks.get(a.code) ?? null,
      groupSize: groupSize.get(a.group) ?? 0,
      previousScore: prev,
      change: score !== null && prev !== null ? round(score - prev, 1) : null,
      methodVersion: version,
      criteria,
    };
  });
  const cmp = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);
  return out.sort(
    (x, y) => cmp(x.group, y.group) || (x.rank ?? Infinity) - (y.rank ?? Infinity) || cmp(x.code, y.code),
  );
}
