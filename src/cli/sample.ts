/**
 * The demo `npm start` loads when `data/sample/exports` is absent (scripts/start.ts): the `generate` command with its
 * defaults (a year of month folders, then 31 nights; src/cli/commands/generate.ts) for the default profile. Tests
 * generate the same set, with fewer mailboxes, to check what a fresh `npm start` shows.
 */
import { DEFAULT_POLICY } from '../rules/policy/ids.ts';

/** `generate` arguments for the sample written to `out`; `extra` options are appended (tests: `--mailboxes`). */
export function sampleGenerateArgs(out: string, extra: readonly string[] = []): string[] {
  return ['generate', '--profile', DEFAULT_POLICY, '--out', out, ...extra];
}
