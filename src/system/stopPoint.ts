/**
 * Crash tests set THU_CONG_VU_STOP_AT to a point of a run (`before-commit`, `after-commit` of a warehouse write,
 * `build` between a night's two builds); the run says so on stderr and waits there to be killed with SIGKILL, so a
 * test kills it at a known point, not after a guessed delay (test/warehouse/killMidRun.test.ts,
 * test/cli/nightlyOperations.test.ts). Unset, it costs nothing.
 */
export type StopPoint = 'before-commit' | 'after-commit' | 'build';

export async function stopPoint(point: StopPoint): Promise<void> {
  if (process.env.THU_CONG_VU_STOP_AT !== point) return;
  process.stderr.write(`THU_CONG_VU_STOP_AT ${point}\n`);
  await new Promise(() => setInterval(() => {}, 60_000)); // a timer keeps the process alive until it is killed
}
