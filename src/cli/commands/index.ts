import type { Command } from '../command.ts';
import { addressCommand } from './address.ts';
import { buildCommand } from './build.ts';
import { generateCommand } from './generate.ts';
import { ingestCommand } from './ingest.ts';
import { nightlyCommand } from './nightly.ts';
import { reportCommand } from './report.ts';
import { scoreCommand } from './score.ts';
import { summaryCommand } from './summary.ts';

/** Every CLI command, in the order `--help` lists them (SPEC §2). */
export const COMMANDS: Command[] = [generateCommand, ingestCommand, summaryCommand, addressCommand, scoreCommand, reportCommand, buildCommand, nightlyCommand];
