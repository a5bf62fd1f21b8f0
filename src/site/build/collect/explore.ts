import { copyFile, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { ruleParams } from '../../../rules/compliance/params.ts';
import { writeExploreParquet, type ParquetTable } from '../parquet.ts';
import type { CollectContext } from '../types.ts';

const require = createRequire(import.meta.url);

/** Where the explore page's files go in the internal build, relative to the site root. */
export const EXPLORE_DATA_DIR = 'kham-pha/du-lieu';
export const EXPLORE_DUCKDB_DIR = 'kham-pha/duckdb';

/** duckdb-wasm bundles copied from node_modules (never a CDN): the browser picks eh when it has wasm exceptions. */
const BUNDLE_FILES = ['duckdb-mvp.wasm', 'duckdb-browser-mvp.worker.js', 'duckdb-eh.wasm', 'duckdb-browser-eh.worker.js'];

/** One Parquet table as the page lists it; `path` is relative to the site root. */
export interface ExploreTable extends ParquetTable {
  path: string;
}

/** Paths (relative to the site root) of the duckdb-wasm module and worker of each bundle. */
export interface ExploreBundles {
  mvp: { mainModule: string; mainWorker: string };
  eh: { mainModule: string; mainWorker: string };
}

export interface ExploreSlice {
  asOf: string;
  /** The profile's regular-use window (`ranking.regularUseDays`), used by the *_recent columns. */
  recentDays: number;
  /** The profile's quota warning share (`quotaWarningShare`, as the quota findings use it); null when it sets none. */
  quotaWarningShare: number | null;
  tables: ExploreTable[];
  bundles: ExploreBundles;
}

/**
 * Collects the internal explore page (/kham-pha/, issue 8): writes the aggregate tables as Parquet (daily mail per
 * agency, per-mailbox summary, findings on the as-of night, agencies in force) and emits them with the duckdb-wasm
 * bundles into the internal build. The public build gets null, so it holds neither the page's data nor its files.
 */
export async function collectExplore(ctx: CollectContext): Promise<ExploreSlice | null> {
  if (ctx.audience !== 'internal' || !ctx.asOf) return null;
  const recentDays = ctx.policy.ranking.regularUseDays.value;
  if (recentDays === null) throw new Error(`hồ sơ ${ctx.policy.id} không quy định ranking.regularUseDays`);
  const { findings } = await ctx.compliance.findings({ asOf: ctx.asOf });
  const scope = { asOf: ctx.asOf, recentDays, offsetMinutes: ruleParams(ctx.policy).offsetMinutes };
  const { dir, tables } = await writeExploreParquet(ctx.conn, scope, findings);

  let pending = tables.length;
  const out: ExploreTable[] = tables.map((t) => ({
    ...t,
    path: ctx.emitFile(`${EXPLORE_DATA_DIR}/${t.file}`, async (target) => {
      await copyFile(`${dir}/${t.file}`, target);
      pending -= 1;
      if (pending === 0) await rm(dir, { recursive: true, force: true });
    }),
  }));
  const paths = Object.fromEntries(
    BUNDLE_FILES.map((name) => [
      name,
      ctx.emitFile(`${EXPLORE_DUCKDB_DIR}/${name}`, (target) =>
        copyFile(require.resolve(`@duckdb/duckdb-wasm/dist/${name}`), target),
      ),
    ]),
  );
  return {
    asOf: ctx.asOf,
    recentDays,
    quotaWarningShare: ctx.policy.quotaWarningShare.value,
    tables: out,
    bundles: {
      mvp: { mainModule: paths['duckdb-mvp.wasm']!, mainWorker: paths['duckdb-browser-mvp.worker.js']! },
      eh: { mainModule: paths['duckdb-eh.wasm']!, mainWorker: paths['duckdb-browser-eh.worker.js']! },
    },
  };
}
