/**
 * The ingest's DuckDB runs under a memory limit (src/warehouse/open.ts): past it, temporary and hash tables go to disk
 * instead of growing with the night; work that cannot go to disk fails with a message saying what to set, and the
 * previous warehouse stays as it was.
 */
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { RunError } from '../../src/errors.ts';
import { DEFAULT_MEMORY_LIMIT, openForWriting, queryRows, withWritableWarehouse, writeMemoryLimit } from '../../src/warehouse/open.ts';
import { sha256File, tempDir } from '../fixtures/warehouseSupport.ts';

const saved = process.env.THU_CONG_VU_MEMORY_LIMIT;
afterEach(() => {
  if (saved === undefined) delete process.env.THU_CONG_VU_MEMORY_LIMIT;
  else process.env.THU_CONG_VU_MEMORY_LIMIT = saved;
});

/** The memory limit DuckDB reports for `limit` on a fresh in-memory database (it prints 1GB as "953.6 MiB"). */
async function reported(limit: string): Promise<string> {
  const { DuckDBInstance } = await import('@duckdb/node-api');
  const instance = await DuckDBInstance.create(':memory:', { memory_limit: limit });
  const conn = await instance.connect();
  try {
    return (await queryRows<{ v: string }>(conn, "SELECT current_setting('memory_limit') AS v"))[0]!.v;
  } finally {
    conn.closeSync();
    instance.closeSync();
  }
}

describe('memory limit of the warehouse writes', () => {
  it('is 1GB unless THU_CONG_VU_MEMORY_LIMIT names another size', () => {
    expect(writeMemoryLimit({})).toBe(DEFAULT_MEMORY_LIMIT);
    expect(writeMemoryLimit({ THU_CONG_VU_MEMORY_LIMIT: ' 2GB ' })).toBe('2GB');
    expect(writeMemoryLimit({ THU_CONG_VU_MEMORY_LIMIT: '512 MiB' })).toBe('512 MiB');
    expect(() => writeMemoryLimit({ THU_CONG_VU_MEMORY_LIMIT: 'nhiều' })).toThrow(RunError);
    expect(() => writeMemoryLimit({ THU_CONG_VU_MEMORY_LIMIT: '80%' })).toThrow(/THU_CONG_VU_MEMORY_LIMIT="80%" không hợp lệ/);
  });

  it('is the limit DuckDB runs with when the warehouse is opened for writing', async () => {
    const dir = tempDir();
    for (const [env, limit] of [[undefined, DEFAULT_MEMORY_LIMIT], ['300MB', '300MB']] as const) {
      if (env === undefined) delete process.env.THU_CONG_VU_MEMORY_LIMIT;
      else process.env.THU_CONG_VU_MEMORY_LIMIT = env;
      const { instance, conn } = await openForWriting(join(dir, `w-${limit}.duckdb`), true);
      try {
        const [row] = await queryRows<{ v: string }>(conn, "SELECT current_setting('memory_limit') AS v");
        expect(row!.v).toBe(await reported(limit));
      } finally {
        conn.closeSync();
        instance.closeSync();
      }
    }
  });

  it('work past the limit fails with what to set, and the warehouse is left as it was', async () => {
    const db = join(tempDir(), 'warehouse.duckdb');
    await withWritableWarehouse(db, async (conn) => {
      await conn.run('CREATE TABLE kept AS SELECT 1 AS x');
      return { commit: true, result: null };
    });
    const before = sha256File(db);
    process.env.THU_CONG_VU_MEMORY_LIMIT = '32MB';
    // one list of 20 million numbers: an aggregate state DuckDB cannot spill
    const run = withWritableWarehouse(db, async (conn) => {
      await conn.run('INSERT INTO kept VALUES (2)');
      await conn.run('CREATE TEMP TABLE big AS SELECT list(i) AS l FROM range(20000000) t(i)');
      return { commit: true, result: null };
    });
    await expect(run).rejects.toThrow(RunError);
    await expect(run).rejects.toThrow(/giới hạn bộ nhớ 32MB.*kho cũ giữ nguyên.*THU_CONG_VU_MEMORY_LIMIT=2GB/);
    expect(sha256File(db)).toBe(before);
  });
});
