import type { AgencyScore } from '../../../rules/compliance/scoring.ts';
import { parsePeriod, type Period } from '../../../rules/period.ts';
import type { ScoreResult } from '../../../warehouse/compliance/scores.ts';
import { labelOf, RANKING_GROUP_LABELS } from '../../../text/labels.ts';
import { vi } from '../../i18n/vi.ts';
import type { CollectContext, DownloadRef } from '../types.ts';

/** One agency's score as published (the compliance engine's AgencyScore without its sample dates). */
export type RankedAgency = Omit<AgencyScore, 'sampleDates'>;

export interface RankingPeriod {
  period: Period;
  previousPeriod: Period;
  methodVersion: string;
  /** Ranking groups in the order of their first appearance, each with its agencies by rank. */
  groups: { group: string; agencies: RankedAgency[] }[];
  download: DownloadRef | null;
}

export interface RankingSlice {
  /** The periods ranked, the default (shown at /xep-hang/ and on agency pages) first. */
  periods: RankingPeriod[];
}

/**
 * The periods a site ranks on the night `asOf`: the year so far (the annual ranking, SPEC §4.5) first, then the
 * current half-year and the previous half-year (the 6-month report, SPEC §4.1).
 */
export function rankedPeriods(asOf: string): Period[] {
  const year = asOf.slice(0, 4);
  const second = asOf.slice(5, 7) > '06';
  const half = parsePeriod(`${year}-H${second ? 2 : 1}`);
  const previousHalf = parsePeriod(second ? `${year}-H1` : `${Number(year) - 1}-H2`);
  return [parsePeriod(year), half, previousHalf];
}

/** The scores of `period` under the profile in force, from the compliance session (computed once for both builds). */
export function scoresOf(ctx: CollectContext, period: Period): Promise<ScoreResult> {
  return ctx.compliance.scores(period);
}

/** Collects per-agency scores and ranks for each ranked period (SPEC §5 Xếp hạng), with a CSV/XLSX per period. */
export async function collectRanking(ctx: CollectContext): Promise<RankingSlice> {
  if (!ctx.asOf) return { periods: [] };
  const periods: RankingPeriod[] = [];
  for (const period of rankedPeriods(ctx.asOf)) {
    const result = await scoresOf(ctx, period);
    const groups = new Map<string, RankedAgency[]>();
    for (const { sampleDates: _dates, ...a } of result.agencies) groups.set(a.group, [...(groups.get(a.group) ?? []), a]);
    periods.push({
      period: result.period,
      previousPeriod: result.previousPeriod,
      methodVersion: result.methodVersion,
      groups: [...groups].map(([group, agencies]) => ({ group, agencies })),
      download: result.agencies.length === 0 ? null : ctx.addDownload(`xep-hang/xep-hang-${period.id}`, `Xếp hạng ${period.label}`, rankingTable(result.agencies)),
    });
  }
  return { periods };
}

function rankingTable(agencies: AgencyScore[]) {
  const t = vi.ranking;
  const criteria = agencies[0]?.criteria ?? [];
  return {
    columns: [
      { header: t.group, width: 16 }, { header: t.rank, width: 8 }, { header: vi.agency.code, width: 12 },
      { header: t.agency, width: 40 }, { header: t.score, width: 8, numFmt: '0.0' }, { header: t.previous, width: 10, numFmt: '0.0' },
      { header: t.change, width: 10, numFmt: '+0.0;-0.0;0' },
      { header: t.evaluatedFrom, width: 12, type: 'date' as const }, { header: t.evaluatedTo, width: 12, type: 'date' as const },
      ...criteria.map((c) => ({ header: `${c.label} (%)`, width: 18, numFmt: '0.0' })),
    ],
    rows: agencies.map((a) => [
      labelOf(RANKING_GROUP_LABELS, a.group), a.rank, a.code, a.name, a.score, a.previousScore, a.change,
      a.evaluatedFrom, a.evaluatedTo,
      ...a.criteria.map((c) => (c.value === null ? null : Math.round(c.value * 1000) / 10)),
    ]),
  };
}
