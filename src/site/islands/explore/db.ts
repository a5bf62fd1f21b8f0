// duckdb-wasm in a worker, loaded from the site itself (issue 8: never a CDN). Browser-only.
import * as duckdb from '@duckdb/duckdb-wasm';
import { toResult, type QueryResult } from './result.ts';

/** Site URLs (with the base path) of the bundles and the Parquet tables, as the page passes them. */
export interface ExploreSources {
  bundles: { mvp: { mainModule: string; mainWorker: string }; eh: { mainModule: string; mainWorker: string } };
  tables: { name: string; url: string }[];
}

/** An open in-browser database: run SQL, get a plain result. */
export interface ExploreDb {
  run(sql: string): Promise<QueryResult>;
  /** Which bundle the browser chose (mvp or eh). */
  bundle: string;
}

/**
 * Starts duckdb-wasm in a worker from the site's own bundle files, turns off extension auto-install (which would
 * fetch from extensions.duckdb.org), and registers each Parquet file by its HTTP URL as a view of the same name, so
 * queries read only the byte ranges they need.
 */
export async function openExploreDb(sources: ExploreSources): Promise<ExploreDb> {
  const abs = (path: string) => new URL(path, window.location.href).href;
  const b = sources.bundles;
  const bundle = await duckdb.selectBundle({
    mvp: { mainModule: abs(b.mvp.mainModule), mainWorker: abs(b.mvp.mainWorker) },
    eh: { mainModule: abs(b.eh.mainModule), mainWorker: abs(b.eh.mainWorker) },
  });
  const worker = new Worker(bundle.mainWorker!);
  const db = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), worker);
  await db.instantiate(bundle.mainModule, bundle.pthreadWorker);
  await db.open({ query: { castBigIntToDouble: true, castDecimalToDouble: true } });
  const conn = await db.connect();
  await conn.query(`SET autoinstall_known_extensions = false`);
  await conn.query(`SET autoload_known_extensions = false`);
  for (const t of sources.tables) {
    if (!/^[a-z_]+$/.test(t.name)) throw new Error(`tên bảng không hợp lệ: ${t.name}`);
    await db.registerFileURL(`${t.name}.parquet`, abs(t.url), duckdb.DuckDBDataProtocol.HTTP, false);
    await conn.query(`CREATE VIEW ${t.name} AS SELECT * FROM read_parquet('${t.name}.parquet')`);
  }
  return {
    bundle: bundle.mainModule.endsWith('eh.wasm') ? 'eh' : 'mvp',
    async run(sql: string) {
      return toResult(await conn.query(sql));
    },
  };
}
