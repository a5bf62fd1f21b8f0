// Runs parse tasks on worker threads (one per core), or inline for a tiny night or on one core. The worker runs
// parseWorker.ts: compiled with the CLI (scripts/compiled.mjs), or, under tsx and vitest, loaded through tsx's API.
import { availableParallelism } from 'node:os';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { parseRange, type RangeResult, type RangeTask } from './parseRange.ts';

/** The compiled worker's file URL, written into the bundle by scripts/compiled.mjs; undeclared under tsx and vitest. */
declare const __THU_CONG_VU_PARSE_WORKER__: string | undefined;

const TSX_WORKER_SOURCE = `
const { workerData } = require('node:worker_threads');
import(workerData.tsxApi).then(({ tsImport }) => tsImport(workerData.module, workerData.parent));
`;

/** Threads worth using: the machine's cores (at most 8). */
export function defaultThreads(): number {
  return Math.max(1, Math.min(8, availableParallelism()));
}

function tsxApiUrl(): string {
  try {
    return import.meta.resolve('tsx/esm/api');
  } catch {
    const pkg = createRequire(import.meta.url).resolve('tsx/package.json');
    return pathToFileURL(join(dirname(pkg), 'dist/esm/api/index.mjs')).href;
  }
}

/** Results in task order, from `threads` worker threads (0: on this thread, one task after another). Any task's
 * failure fails the whole run (with the worker's message); so does `signal`, which stops the threads. */
export async function runParseTasks(tasks: readonly RangeTask[], threads: number, signal?: AbortSignal): Promise<RangeResult[]> {
  const n = Math.min(threads, tasks.length);
  if (n < 1) {
    const out: RangeResult[] = [];
    for (const task of tasks) out.push(await parseRange(task));
    return out;
  }
  const results: RangeResult[] = new Array(tasks.length);
  let next = 0;
  const workers: Worker[] = [];
  const newWorker = (): Worker => {
    if (typeof __THU_CONG_VU_PARSE_WORKER__ === 'string') return new Worker(new URL(__THU_CONG_VU_PARSE_WORKER__), { execArgv: [] });
    const workerData = { tsxApi: tsxApiUrl(), module: new URL('./parseWorker.ts', import.meta.url).href, parent: import.meta.url };
    return new Worker(TSX_WORKER_SOURCE, { eval: true, execArgv: [], workerData });
  };
  const one = () =>
    new Promise<void>((resolve, reject) => {
      const worker = newWorker();
      workers.push(worker);
      let current = -1;
      const finish = (err?: Error) => {
        void worker.terminate();
        if (err) reject(err);
        else resolve();
      };
      const feed = () => {
        if (next >= tasks.length) return finish();
        current = next++;
        worker.postMessage(tasks[current]);
      };
      worker.on('message', (msg: { ready?: boolean; result?: RangeResult; error?: string }) => {
        if (msg.error !== undefined) {
          next = tasks.length; // no new work for the others
          return finish(new Error(`luồng đọc nhật ký thư gặp lỗi: ${msg.error}`));
        }
        if (msg.result) results[current] = msg.result;
        feed();
      });
      worker.on('error', (err) => finish(err));
      worker.on('exit', () => finish(new Error('luồng đọc nhật ký thư đã dừng'))); // after finish: no effect
    });
  const stop = () => {
    next = tasks.length;
    for (const w of workers) void w.terminate();
  };
  signal?.addEventListener('abort', stop);
  try {
    await Promise.all(Array.from({ length: n }, one));
  } finally {
    signal?.removeEventListener('abort', stop);
    for (const w of workers) void w.terminate();
  }
  return results;
}
