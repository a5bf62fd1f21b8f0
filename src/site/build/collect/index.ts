import type { CollectContext } from '../types.ts';
import { collectAgencies } from './agencies.ts';
import { collectDataStatus } from './dataStatus.ts';
import { collectDirectory } from './directory.ts';
import { collectExplore } from './explore.ts';
import { collectFindings } from './findings.ts';
import { collectMeta } from './meta.ts';
import { collectOverview } from './overview.ts';
import { collectRanking } from './ranking.ts';
import { collectReports } from './reports.ts';

/**
 * Every area of the site and the collector that builds its slice of the site data. To add an area (e.g. the
 * directory), write `collect/<area>.ts` exporting `collect<Area>(ctx)` and add one entry here; its pages read
 * `siteData().<area>`. Collectors run in this order, one at a time, on one read-only connection.
 */
export const COLLECTORS = {
  meta: collectMeta,
  overview: collectOverview,
  ranking: collectRanking,
  findings: collectFindings,
  agencies: collectAgencies,
  directory: collectDirectory,
  reports: collectReports,
  explore: collectExplore,
  data: collectDataStatus,
};

/** The data every page is built from: one typed slice per area, as the collectors return them. */
export type SiteData = { [K in keyof typeof COLLECTORS]: Awaited<ReturnType<(typeof COLLECTORS)[K]>> };

/** Runs every collector; `onArea` reports progress (area name and milliseconds taken). */
export async function collectSiteData(
  ctx: CollectContext,
  onArea: (area: string, ms: number) => void = () => {},
): Promise<SiteData> {
  const out: Record<string, unknown> = {};
  for (const [area, collect] of Object.entries(COLLECTORS)) {
    const started = performance.now();
    out[area] = await (collect as (c: CollectContext) => Promise<unknown>)(ctx);
    onArea(area, performance.now() - started);
  }
  return out as SiteData;
}
