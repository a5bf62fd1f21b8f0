/**
 * OUT/status.json: what the last nightly run did, for an operator and a monitoring system (docs/OPERATIONS.md,
 * "Giám sát"). Written at the start of every run (state "running") and at its end, success or failure, each time
 * whole: written beside its name, synced, renamed into place — a reader never sees half a file. `ok` and
 * `last_success_at` carry the last finished run's outcome while the next one runs, so a check made at 01:35 does not
 * alarm because a run is under way.
 */
import { closeSync, fsyncSync, openSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { InputGap } from '../../warehouse/ingestContext.ts';

export const STATUS_FILE = 'status.json';

export interface NightStatus {
  night: string;
  run_id: number | null;
  rows_loaded: Record<string, number>;
  rows_quarantined: number;
  gaps: InputGap[];
}

export interface RunStatus {
  command: 'nightly';
  /** "running" while the run runs, then "ok" or "failed". */
  state: 'running' | 'ok' | 'failed';
  /** Whether the last finished run succeeded (the previous run's while this one runs). */
  ok: boolean | null;
  pid: number;
  started_at: string;
  finished_at: string | null;
  exit_code: number | null;
  /** The failure, as printed (one Vietnamese sentence); null on success. */
  message: string | null;
  exports: string;
  /** Nights loaded (or loaded again with changed files) by this run. */
  nights_loaded: NightStatus[];
  /** Nights of the export folder already loaded with the same files. */
  nights_unchanged: number;
  rows_loaded: Record<string, number>;
  rows_quarantined: number;
  warnings: string[];
  /** Files missing or unreadable, loaded anyway with --partial. */
  gaps: (InputGap & { night: string })[];
  /** The live release after the run; `built`: this run built it (false: the site was kept as it was). */
  release: { id: string; night: string | null; built: boolean } | null;
  backup: string | null;
  /** When a run last succeeded. */
  last_success_at: string | null;
}

function readPrevious(path: string): Partial<RunStatus> | null {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as Partial<RunStatus>;
  } catch {
    return null;
  }
}

/** Writes `status` to `path` atomically. */
function write(path: string, status: RunStatus): void {
  const tmp = `${path}.tmp-${process.pid}`;
  writeFileSync(tmp, `${JSON.stringify(status, null, 2)}\n`);
  const fd = openSync(tmp, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(tmp, path);
}

/** The status of a run starting now, written at once; `finish` writes its outcome. */
export function startStatus(outRoot: string, exports: string, startedAt: string): {
  status: RunStatus;
  save: () => void;
  finish: (exitCode: number, message: string | null, finishedAt: string) => void;
} {
  const path = join(outRoot, STATUS_FILE);
  const previous = readPrevious(path);
  const status: RunStatus = {
    command: 'nightly',
    state: 'running',
    ok: typeof previous?.ok === 'boolean' ? previous.ok : null,
    pid: process.pid,
    started_at: startedAt,
    finished_at: null,
    exit_code: null,
    message: null,
    exports,
    nights_loaded: [],
    nights_unchanged: 0,
    rows_loaded: {},
    rows_quarantined: 0,
    warnings: [],
    gaps: [],
    release: null,
    backup: null,
    last_success_at: previous?.last_success_at ?? null,
  };
  const save = () => write(path, status);
  save();
  return {
    status,
    save,
    finish: (exitCode, message, finishedAt) => {
      status.state = exitCode === 0 ? 'ok' : 'failed';
      status.ok = exitCode === 0;
      status.exit_code = exitCode;
      status.message = message;
      status.finished_at = finishedAt;
      if (exitCode === 0) status.last_success_at = finishedAt;
      save();
    },
  };
}
