#!/usr/bin/env node
// Thin entry point: `npm run cli -- <command> [options]` (SPEC §2). Runs the CLI compiled by scripts/compiled.mjs.
import { compiledCli } from './compiled.mjs';

process.setSourceMapsEnabled(true); // stack traces name the TypeScript sources

/** The compiled CLI; a bundle that does not load (a file gone, a package moved) is built again once. */
async function loadCli() {
  try {
    return await import((await compiledCli()).main);
  } catch (err) {
    if (err?.code !== 'ERR_MODULE_NOT_FOUND' && !(err instanceof SyntaxError)) throw err;
    return import((await compiledCli({ rebuild: true })).main);
  }
}

const { runCli, useRunFolder } = await loadCli();
useRunFolder(); // this run's temporary files in a folder of its own; those of runs that died are removed
process.exitCode = await runCli(process.argv.slice(2), {
  stdout: (t) => process.stdout.write(t),
  stderr: (t) => process.stderr.write(t),
  isTTY: Boolean(process.stderr.isTTY),
});
