// Thin entry point: `npm run bench -- [options]` (SPEC §6). See src/bench/run.ts.
import { runBench } from '../src/bench/run.ts';

process.exitCode = await runBench(process.argv.slice(2), (line) => process.stdout.write(`${line}\n`));
