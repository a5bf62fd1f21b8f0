import type { ParseArgsConfig } from 'node:util';
import type { RunError } from '../errors.ts';
import type { CommandIO } from '../system/io.ts';

/** Exit codes of the command contract (SPEC §2). */
export const EXIT = { ok: 0, failed: 1, usage: 2 } as const;

// The effects a command is given live in src/system/io.ts (the site build takes them too).
export type { CommandIO };

/** The failure as printed: `Lỗi: <Vietnamese sentence>` and, on a second line, the engine's words if any. */
export function failureText(err: RunError): string {
  return `Lỗi: ${err.message}\n${err.detail ? `  (chi tiết: ${err.detail})\n` : ''}`;
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
