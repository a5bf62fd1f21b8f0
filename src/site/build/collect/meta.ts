import { queryRows } from '../../../warehouse/open.ts';
import type { Audience, CollectContext } from '../types.ts';

/** Facts every page shows: who the build is for, the profile in force and how fresh the data is. */
export interface SiteMeta {
  audience: Audience;
  /** Base path for links: "/" or "/sub/path/" (read from here, not import.meta.env, so tests and builds agree). */
  base: string;
  /** The night the site describes (YYYY-MM-DD), null for an empty warehouse. */
  asOf: string | null;
  province: string;
  domain: string | null;
  policy: { id: string; name: string; status: 'final' | 'draft' | 'historical'; document: string };
  /** The last ingest run: export night and when it finished (epoch ms), null when nothing was ingested. */
  lastIngest: { exportDate: string; finishedAtMs: number } | null;
}

/** Collects the site-wide facts (SPEC §5 Tổng quan: data freshness = time of the last ingest). */
export async function collectMeta(ctx: CollectContext): Promise<SiteMeta> {
  const [last] = await queryRows<{ exportDate: string; finishedAtMs: number }>(
    ctx.conn,
    `SELECT export_date::VARCHAR AS exportDate, epoch_ms(finished_at)::DOUBLE AS finishedAtMs
       FROM ingest_runs ORDER BY finished_at DESC, run_id DESC LIMIT 1`,
  );
  const p = ctx.policy;
  return {
    audience: ctx.audience,
    base: ctx.base,
    asOf: ctx.asOf,
    province: p.province,
    domain: p.domain.value,
    policy: { id: p.id, name: p.name, status: p.status, document: p.document },
    lastIngest: last ?? null,
  };
}
