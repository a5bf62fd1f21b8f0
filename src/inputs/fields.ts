/**
 * Zod building blocks for the per-kind row schemas (STYLE.md §4): a cell arrives as a trimmed, NFC string, or
 * `undefined` when empty; each field normalises it in `.transform` or reports a Vietnamese message.
 */
import { z } from 'zod';
import type { Parser } from './values.ts';

/** Message for an empty required cell. */
export const MISSING_VALUE = 'thiếu giá trị bắt buộc';

/** A cell as it reaches a schema: trimmed text, or undefined when the cell is empty or absent. */
export type Cell = string | undefined;

/** The part of zod's refinement context a field needs. */
interface IssueSink {
  addIssue(issue: { code: 'custom'; message: string }): void;
}

function apply<T>(parse: Parser<T>) {
  return (raw: string, ctx: IssueSink): T => {
    const result = parse(raw);
    if (result.ok) return result.value;
    ctx.addIssue({ code: 'custom', message: result.message });
    return z.NEVER;
  };
}

/** A required cell: empty → "thiếu giá trị bắt buộc", otherwise `parse`. */
export function required<T>(parse: Parser<T>) {
  const inner = apply(parse);
  return z.string({ error: MISSING_VALUE }).transform((raw, ctx): T => inner(raw, ctx));
}

/** An optional cell: empty → null, otherwise `parse`. */
export function optional<T>(parse: Parser<T>) {
  const inner = apply(parse);
  return z
    .string()
    .optional()
    .transform((raw, ctx): T | null => (raw === undefined ? null : inner(raw, ctx)));
}

/** Cells of one record keyed by canonical column name. */
export type CellRecord = Record<string, Cell>;
