import { z } from 'zod';

import { isIsoDate, weekdayOf } from './civilDate.ts';

/**
 * The days off of one calendar year for cán bộ, công chức, viên chức (state agencies work Monday–Friday,
 * Quyết định 188/1999/QĐ-TTg). One file per year in `data/holidays/YYYY.json` records what the
 * government announced; years without a file are computed from the Labour Code (`provisionalYear`).
 */

const isoDate = z.string().refine(isIsoDate, 'ngày phải có dạng YYYY-MM-DD và có thật');

export const sourceDocumentSchema = z
  .object({
    /** Short key the day entries refer to, e.g. "TB-9441-BNV". */
    id: z.string().min(1),
    /** Full Vietnamese citation: kind, number, date, issuer, subject. */
    title: z.string().min(1),
    /** What we are unsure of about this document, if anything (said, not hidden). */
    caveat: z.string().optional(),
  })
  .strict();
export type SourceDocument = z.infer<typeof sourceDocumentSchema>;

export const dayOffKindSchema = z.enum([
  /** A public holiday itself (BLLĐ 2019 Điều 112 khoản 1). */
  'holiday',
  /** Nghỉ bù: a holiday fell on the weekly rest day (BLLĐ 2019 Điều 111 khoản 3). */
  'compensatory',
  /** Hoán đổi: a working day moved to a Saturday announced as a make-up day. */
  'swapped',
]);
export type DayOffKind = z.infer<typeof dayOffKindSchema>;

export const dayOffSchema = z
  .object({
    date: isoDate,
    kind: dayOffKindSchema,
    /** Vietnamese name shown to users: "Tết Âm lịch (mùng 1 tháng Giêng)". */
    name: z.string().min(1),
    /** `id` of the document in `documents` that makes this day a day off. */
    source: z.string().min(1),
  })
  .strict();
export type DayOff = z.infer<typeof dayOffSchema>;

export const makeUpWorkdaySchema = z
  .object({
    date: isoDate.refine((d) => weekdayOf(d) === 6, 'ngày làm bù phải là thứ Bảy'),
    name: z.string().min(1),
    source: z.string().min(1),
  })
  .strict();
export type MakeUpWorkday = z.infer<typeof makeUpWorkdaySchema>;

export const holidayYearSchema = z
  .object({
    year: z.number().int().min(1900).max(2199),
    documents: z.array(sourceDocumentSchema).min(1),
    daysOff: z.array(dayOffSchema).min(1),
    makeUpWorkdays: z.array(makeUpWorkdaySchema),
    note: z.string().optional(),
  })
  .strict()
  .superRefine((y, ctx) => {
    const ids = new Set(y.documents.map((d) => d.id));
    const seen = new Set<string>();
    const check = (date: string, source: string, path: (string | number)[]) => {
      if (!date.startsWith(`${y.year}-`)) ctx.addIssue({ code: 'custom', path, message: `ngày ${date} không thuộc năm ${y.year}` });
      if (!ids.has(source)) ctx.addIssue({ code: 'custom', path, message: `văn bản "${source}" không có trong documents` });
      if (seen.has(date)) ctx.addIssue({ code: 'custom', path, message: `ngày ${date} khai báo hai lần` });
      seen.add(date);
    };
    y.daysOff.forEach((d, i) => {
      check(d.date, d.source, ['daysOff', i]);
      const wd = weekdayOf(d.date);
      if (d.kind !== 'holiday' && (wd === 0 || wd === 6)) {
        ctx.addIssue({ code: 'custom', path: ['daysOff', i], message: `ngày nghỉ bù/hoán đổi ${d.date} phải là ngày thứ Hai–thứ Sáu` });
      }
    });
    y.makeUpWorkdays.forEach((d, i) => check(d.date, d.source, ['makeUpWorkdays', i]));
  });
export type HolidayYear = z.infer<typeof holidayYearSchema>;

/** Validates one year file; throws an Error listing every problem in Vietnamese. */
export function parseHolidayYear(json: unknown, source: string): HolidayYear {
  const result = holidayYearSchema.safeParse(json);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  - ${i.path.join('.') || '(gốc)'}: ${i.message}`);
    throw new Error(`Tệp ngày nghỉ ${source} không hợp lệ:\n${lines.join('\n')}`);
  }
  return result.data;
}
