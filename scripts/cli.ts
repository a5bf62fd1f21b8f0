#!/usr/bin/env -S npx tsx
// Thin entry point: `npm run cli -- <command> [options]` (SPEC §2).
import { runCli } from '../src/cli/main.ts';

const code = await runCli(process.argv.slice(2), {
  stdout: (t) => process.stdout.write(t),
  stderr: (t) => process.stderr.write(t),
  isTTY: Boolean(process.stderr.isTTY),
});
process.exitCode = code;
