/**
 * `agencies.csv` — danh mục cơ quan from Sở Nội vụ (SPEC §3.1). One row per version of an agency:
 * agencies merge, split and are renamed, so a row carries its validity interval and successor.
 */
import { z } from 'zod';
import { optional, required } from './fields.ts';
import type { InputSpec } from './spec.ts';
import { foldEnum, parseCode, parseCount, parseDate, parseEnum, parseText, type Parser } from './values.ts';

/** Agency kinds of SPEC §3.1. */
export const AGENCY_KINDS = [
  'so-nganh',
  'ubnd-huyen',
  'ubnd-xa',
  'phong-ban',
  'dvsn',
  'dang-doan-the',
  'trung-uong',
  'dn-nha-nuoc',
] as const;
export type AgencyKind = (typeof AGENCY_KINDS)[number];

/** A ranking group: a slug such as "so-nganh" (any spelling that folds to one). */
const parseGroup: Parser<string> = (raw) => {
  const slug = foldEnum(raw);
  return /^[a-z0-9]+(-[a-z0-9]+)*$/.test(slug)
    ? { ok: true, value: slug }
    : { ok: false, message: `nhóm xếp hạng "${raw}" không hợp lệ (ví dụ: so-nganh, ubnd-huyen, ubnd-xa)` };
};

export const agencyRowSchema = z
  .object({
    /** Agency code, the key every other export refers to. */
    code: required(parseCode),
    /** Full Vietnamese name ("Sở Thông tin và Truyền thông"). */
    name: required(parseText),
    /** Abbreviation used in addresses ("sotttt"). */
    abbr: optional(parseText),
    /** Parent agency (a phòng under its Sở or UBND huyện). */
    parent_code: optional(parseCode),
    kind: required(parseEnum(AGENCY_KINDS)),
    /** Ranking group (SPEC §4.5: ranked within each group). */
    group: required(parseGroup),
    /** Number of CBCCVC-NLĐ: the denominator of coverage. */
    headcount: optional(parseCount),
    /** Office phone (public). */
    phone: optional(parseText),
    /** Office address (public). */
    address: optional(parseText),
    /** First day of this version. */
    valid_from: required(parseDate),
    /** Exclusive end of this version (merger, split, rename); empty while the agency exists. */
    valid_to: optional(parseDate),
    /** The agency that took over (after a merger). */
    successor_code: optional(parseCode),
  })
  .superRefine((row, ctx) => {
    if (row.valid_to !== null && row.valid_to <= row.valid_from) {
      ctx.addIssue({ code: 'custom', path: ['valid_to'], message: `ngày hết hiệu lực ${row.valid_to} phải sau ngày hiệu lực ${row.valid_from}` });
    }
    if (row.successor_code !== null && row.successor_code === row.code) {
      ctx.addIssue({ code: 'custom', path: ['successor_code'], message: 'cơ quan kế thừa không thể là chính nó' });
    }
  });
export type AgencyRow = z.infer<typeof agencyRowSchema>;

export const agenciesSpec: InputSpec<AgencyRow> = {
  kind: 'agencies',
  file: 'agencies.csv',
  columns: [
    { name: 'code', required: true, aliases: ['ma', 'ma co quan', 'agency code'] },
    { name: 'name', required: true, aliases: ['ten', 'ten co quan'] },
    { name: 'abbr', required: false, aliases: ['viet tat', 'ten viet tat'] },
    { name: 'parent_code', required: false, aliases: ['ma cap tren', 'parent'] },
    { name: 'kind', required: true, aliases: ['loai', 'loai hinh'] },
    { name: 'group', required: true, aliases: ['grp', 'nhom'] },
    { name: 'headcount', required: false, aliases: ['so nguoi', 'bien che'] },
    { name: 'phone', required: false, aliases: ['dien thoai'] },
    { name: 'address', required: false, aliases: ['dia chi'] },
    { name: 'valid_from', required: true, aliases: ['hieu luc tu'] },
    { name: 'valid_to', required: false, aliases: ['hieu luc den'] },
    { name: 'successor_code', required: false, aliases: ['ma ke thua'] },
  ],
  schema: agencyRowSchema,
  key: (row) => `${row.code}\u0000${row.valid_from}`,
  keyConflict: (key, first) => `mã cơ quan "${key.split('\u0000')[0]}" với cùng ngày hiệu lực đã có ở dòng ${first} (nội dung khác)`,
};
