// A night killed with SIGKILL at a known point of its write (SPEC §3.6: "the previous warehouse stays untouched";
// §2: ingest is atomic). The compiled CLI runs through test/fixtures/stoppingCli.mjs, which waits at the write's
// stage (CommandIO.atStage, awaited by withWritableWarehouse in src/warehouse/open.ts) until it is killed.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { findNights } from '../../src/warehouse/ingest/exportFolder.ts';
import { ingestNight } from '../../src/warehouse/ingest/ingestNight.ts';
import { withReadOnlyWarehouse } from '../../src/warehouse/open.ts';
import { copyFixture, dumpWarehouse, query, tempDir } from '../fixtures/warehouseSupport.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** Starts `ingest` stopping at `point`, waits until it reports the point, runs `whilePaused`, kills it with SIGKILL. */
function killAt(point: string, exportsDir: string, db: string, whilePaused: () => Promise<void> = async () => {}): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['test/fixtures/stoppingCli.mjs', point, 'ingest', '--exports', exportsDir, '--db', db], {
      cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'],
    });
    let err = '';
    let paused: Promise<void> | null = null;
    child.stderr.on('data', (d: Buffer) => {
      err += d.toString();
      if (!paused && err.includes(`dừng tại ${point}`)) paused = whilePaused().finally(() => child.kill('SIGKILL'));
    });
    child.on('close', (code, signal) => {
      if (signal !== 'SIGKILL') return reject(new Error(`ingest ended with ${code} before ${point}:\n${err}`));
      paused!.then(resolve, reject);
    });
  });
}

async function setUp() {
  const root = tempDir('tcv-kill-');
  const db = join(root, 'w.duckdb');
  await ingestNight(findNights(copyFixture('nights/2026-11-20', join(root, '2026-11-20')))[0]!, db);
  const next = copyFixture('nights/2026-11-21', join(root, '2026-11-21'));
  return { root, db, next };
}

describe('ingest killed mid-run', () => {
  it('killed with the whole night loaded but not committed: every table holds what it held before', async () => {
    const { db, next } = await setUp();
    const before = await dumpWarehouse(db);
    await killAt('before-commit', next, db, async () => {
      // a reader meanwhile is told the warehouse is busy, in Vietnamese, with the writer's PID
      await expect(withReadOnlyWarehouse(db, async () => 0)).rejects.toThrow(/^kho dữ liệu .* đang được một lượt nạp cập nhật \(tiến trình PID \d+ \(lệnh: .*stoppingCli\.mjs before-commit ingest .*\)\)/);
    });
    expect(await dumpWarehouse(db)).toBe(before);
    // the next run finds the lock of the dead process stale and loads the night
    const [night] = findNights(next);
    const result = await ingestNight(night!, db);
    expect(result.unchanged).toBe(false);
    expect(await query(db, "SELECT count(*)::INTEGER AS n FROM ingest_runs WHERE export_date = '2026-11-21'")).toEqual([{ n: 1 }]);
  }, 60_000);

  it('killed after COMMIT, before CHECKPOINT: the committed night is there on the next open', async () => {
    const { db, next, root } = await setUp();
    await killAt('after-commit', next, db);
    const [night] = findNights(next);
    const again = await ingestNight(night!, db); // the same files: a no-op, because the night was committed
    expect(again.unchanged).toBe(true);
    expect(await query(db, "SELECT count(*)::INTEGER AS n FROM ingest_runs WHERE export_date = '2026-11-21'")).toEqual([{ n: 1 }]);
    expect(readdirSync(root).filter((f) => f.startsWith('.w.duckdb.new-'))).toEqual([]);
    expect(existsSync(`${db}.lock`)).toBe(false);
  }, 60_000);

  it('a first night killed before its commit leaves no warehouse file', async () => {
    const root = tempDir('tcv-kill-');
    const db = join(root, 'w.duckdb');
    await killAt('before-commit', copyFixture('nights/2026-11-20', join(root, '2026-11-20')), db);
    expect(existsSync(db)).toBe(false);
  }, 60_000);
});
