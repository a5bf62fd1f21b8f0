#!/usr/bin/env node
// Thin entry point: `npm run cli -- <command> [options]` (SPEC §2). Runs the CLI compiled by scripts/compiled.mjs.
import { compiledCli } from './compiled.mjs';

process.setSourceMapsEnabled(true); // stack traces name the TypeScript sources
const { runCli } = await import((await compiledCli()).main);
process.exitCode = await runCli(process.argv.slice(2), {
  stdout: (t) => process.stdout.write(t),
  stderr: (t) => process.stderr.write(t),
  isTTY: Boolean(process.stderr.isTTY),
});
