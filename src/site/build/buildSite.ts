import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import type { CommandIO } from '../../system/io.ts';
import { RunError } from '../../errors.ts';
import { ComplianceSession } from '../../warehouse/compliance/session.ts';
import { policyInForce } from '../../warehouse/ingest/policyInForce.ts';
import { queryRows, withReadOnlyWarehouse } from '../../warehouse/open.ts';
import { runAstroBuild } from './astroBuild.ts';
import { collectSiteData, type SiteData } from './collect/index.ts';
import type { Audience, CollectContext, DownloadRef } from './types.ts';
import { writeDownloads, writeEmittedFiles, type PendingDownload, type PendingFile } from './writeFiles.ts';
import { TIME_ZONE } from '../../text/time.ts';

export interface BuildSiteOptions {
  /** The warehouse file. */
  db: string;
  audience: Audience;
  /** Output folder; Astro empties it first. */
  out: string;
  /** Sub-path the site is published under on the portal, e.g. "/thu-cong-vu/" (default "/"). */
  base?: string;
  /**
   * The build date (YYYY-MM-DD in Asia/Ho_Chi_Minh): the CLI computes it once (`src/cli/today.ts`); tests pass a
   * fixed day. Reports count the days left to their due dates from it.
   */
  today: string;
  /**
   * The compliance results shared between builds of the same warehouse (see `ComplianceSession`). Pass one session to
   * several calls only when the warehouse does not change between them. Default: a session of this build's own.
   */
  compliance?: ComplianceSession;
  /**
   * A folder for this build's intermediate files (the site data, Astro's root and caches), which the caller removes
   * (`nightly` keeps one beside its releases, on the same disk as the output). Default: a new folder in the system's
   * temporary folder, removed after the build.
   */
  workDir?: string;
}

export interface BuildSiteResult {
  out: string;
  audience: Audience;
  asOf: string | null;
  downloads: number;
  collectMs: number;
  astroMs: number;
  /** Time spent writing the CSV/XLSX downloads and emitted files. */
  filesMs: number;
}

/** Normalises a base path to "/a/b/" form; throws a RunError for anything that is not a plain URL path. */
export function normaliseBase(base: string | undefined): string {
  if (base === undefined || base === '' || base === '/') return '/';
  const trimmed = base.replace(/^\/+|\/+$/g, '');
  if (!/^[A-Za-z0-9._~-]+(\/[A-Za-z0-9._~-]+)*$/.test(trimmed)) {
    throw new RunError(`--base "${base}" không hợp lệ: dùng đường dẫn như /thu-cong-vu/ (chữ, số, - . _ ~)`);
  }
  return `/${trimmed}/`;
}

/** The night the site describes: the latest export date ingested (or, for a warehouse filled otherwise, seen). */
async function latestNight(conn: DuckDBConnection): Promise<string | null> {
  const [row] = await queryRows<{ d: string | null }>(
    conn,
    `SELECT greatest((SELECT max(export_date) FROM ingest_runs), (SELECT max(seen_from) FROM mailboxes),
                     (SELECT max(last_seen) FROM agencies))::VARCHAR AS d`,
  );
  return row?.d ?? null;
}

/**
 * Builds the static site for one audience from the warehouse (SPEC §2 `build`, §5): collects every area's slice on a
 * read-only connection, writes it as JSON for the pages, runs Astro, then writes the CSV/XLSX downloads and other
 * emitted files. Times shown on pages are Asia/Ho_Chi_Minh. Progress goes to `io.stderr`.
 */
export async function buildSite(options: BuildSiteOptions, io: CommandIO): Promise<BuildSiteResult> {
  const base = normaliseBase(options.base);
  const out = resolve(options.out);
  const downloads: PendingDownload[] = [];
  const files: PendingFile[] = [];
  const session = options.compliance ?? new ComplianceSession();
  if (!/^\d{4}-\d{2}-\d{2}$/.test(options.today)) throw new Error(`ngày dựng trang không hợp lệ: ${options.today}`);
  const started = performance.now();
  const { data, asOf } = await withReadOnlyWarehouse(options.db, async (conn) => {
    await conn.run(`SET TimeZone = '${TIME_ZONE}'`);
    const policy = await policyInForce(conn);
    const asOf = await latestNight(conn);
    const ctx: CollectContext = {
      conn,
      audience: options.audience,
      base,
      policy,
      asOf,
      today: options.today,
      compliance: session.on(conn, policy),
      addDownload(path, title, table): DownloadRef {
        downloads.push({ path, title, table });
        return { csv: `${path}.csv`, xlsx: `${path}.xlsx`, title, rows: table.rows.length };
      },
      emitFile(path, write) {
        files.push({ path, write });
        return path;
      },
    };
    const data: SiteData = await collectSiteData(ctx, (area, ms) =>
      io.stderr(`  thu thập ${area}: ${Math.round(ms)} ms\n`),
    );
    return { data, asOf };
  });
  const collectMs = performance.now() - started;

  const tmp = options.workDir ?? mkdtempSync(join(tmpdir(), 'thu-cong-vu-site-'));
  try {
    mkdirSync(tmp, { recursive: true });
    writeFileSync(dataFile(tmp, options.audience), JSON.stringify(data));
    const astroStarted = performance.now();
    await runAstroBuild({ audience: options.audience, outDir: out, base, dataFile: dataFile(tmp, options.audience), workDir: join(tmp, 'astro') });
    const astroMs = performance.now() - astroStarted;
    const filesStarted = performance.now();
    await writeDownloads(out, downloads);
    await writeEmittedFiles(out, files);
    const filesMs = performance.now() - filesStarted;
    return { out, audience: options.audience, asOf, downloads: downloads.length, collectMs, astroMs, filesMs };
  } finally {
    if (options.workDir) rmSync(dataFile(tmp, options.audience), { force: true });
    else rmSync(tmp, { recursive: true, force: true });
  }
}

const dataFile = (dir: string, audience: Audience) => join(dir, `site-data-${audience}.json`);
