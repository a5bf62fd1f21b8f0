import type { ParseArgsConfig } from 'node:util';

/** Exit codes of the command contract (SPEC §2). */
export const EXIT = { ok: 0, failed: 1, usage: 2 } as const;

/** Where a command writes: data to stdout, messages and progress to stderr. Tests pass stand-ins. */
export interface CommandIO {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Whether stderr is a terminal (progress bars redraw in place only there). */
  isTTY: boolean;
}

export type OptionSpec = NonNullable<ParseArgsConfig['options']>;
export type ParsedValues = Record<string, string | boolean | string[] | boolean[] | undefined>;

export interface Command {
  name: string;
  /** Usage text shown by `--help` and on a usage error. */
  usage: string;
  options: OptionSpec;
  /** Whether the command takes positional arguments (e.g. `address NAME...`). */
  positionals?: boolean;
  run(values: ParsedValues, positionals: string[], io: CommandIO): Promise<number>;
}

/** A usage error: wrong or missing options. Exit code 2. */
export class UsageError extends Error {}

/** Bad input or a failed run; the message says what and where. Exit code 1. */
export class RunError extends Error {}

/** Reads a required string option or throws a UsageError naming it. */
export function requireString(values: ParsedValues, name: string): string {
  const v = values[name];
  if (typeof v !== 'string' || v.length === 0) throw new UsageError(`thiếu tùy chọn bắt buộc --${name}`);
  return v;
}

/** Reads an optional positive integer option. */
export function optionalInt(values: ParsedValues, name: string): number | undefined {
  const v = values[name];
  if (v === undefined) return undefined;
  const n = Number(v);
  if (typeof v !== 'string' || !Number.isInteger(n) || n < 0) {
    throw new UsageError(`--${name} phải là một số nguyên không âm (nhận được "${String(v)}")`);
  }
  return n;
}
