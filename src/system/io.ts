/**
 * The effects a run is given rather than reaches for (STYLE §13): where it writes, its clock, and who is told when it
 * reaches a point a crash must survive. The CLI entry (scripts/cli.mjs) passes the process's own; tests pass
 * stand-ins. Here, below the CLI, because the site build and the warehouse take them too.
 */

/**
 * Points of a run where a kill must leave everything whole: a night's warehouse writes all done but not committed
 * (`before-commit`), committed but not checkpointed (`after-commit`), and the public build of a release done but not
 * the internal one (`build`).
 */
export type RunStage = 'before-commit' | 'after-commit' | 'build';

/** Where a command writes: data to stdout, messages and progress to stderr. Tests pass stand-ins. */
export interface CommandIO {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Whether stderr is a terminal (progress bars redraw in place only there). */
  isTTY: boolean;
  /** The clock for log time stamps and status files (default: the system's; tests pass a fixed one). */
  now?: () => Date;
  /**
   * Awaited as the run reaches each RunStage. The CLI's entry passes none; the crash tests run the compiled CLI
   * through an entry of their own (test/fixtures/stoppingCli.mjs) that waits there to be killed, so a test kills a
   * run at a known point instead of after a guessed delay.
   */
  atStage?: (stage: RunStage) => Promise<void>;
}
