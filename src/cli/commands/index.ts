import type { Command } from '../command.ts';

/** Every CLI command, in the order `--help` lists them (SPEC §2). */
export const COMMANDS: Command[] = [];
