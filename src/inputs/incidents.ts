/**
 * `incidents.csv` — sự cố (SPEC §3.5): `id, occurred_at, reported_at, kind, severity, summary`. The report delay
 * (reported_at − occurred_at) is checked against the profile's incidentReportHours (001 Điều 11 khoản 2 điểm i).
 */
import { z } from 'zod';
import { optional, required } from './fields.ts';
import type { InputSpec } from './spec.ts';
import { parseCode, parseDateTime, parseText } from './values.ts';

export const incidentRowSchema = z
  .object({
    /** Incident id, the upsert key across nights. */
    id: required(parseCode),
    occurred_at: required(parseDateTime),
    /** Empty while not yet reported. */
    reported_at: optional(parseDateTime),
    /** Free text from the operators' log (e.g. "mất kết nối", "thư rác"). */
    kind: optional(parseText),
    severity: optional(parseText),
    summary: optional(parseText),
  })
  .superRefine((row, ctx) => {
    if (row.reported_at !== null && row.reported_at < row.occurred_at) {
      ctx.addIssue({ code: 'custom', path: ['reported_at'], message: 'thời điểm báo cáo trước thời điểm xảy ra sự cố' });
    }
  });
export type IncidentRow = z.infer<typeof incidentRowSchema>;

export const incidentsSpec: InputSpec<IncidentRow> = {
  kind: 'incidents',
  file: 'incidents.csv',
  columns: [
    { name: 'id', required: true, aliases: ['ma su co'] },
    { name: 'occurred_at', required: true, aliases: ['thoi diem xay ra', 'xay ra'] },
    { name: 'reported_at', required: false, aliases: ['thoi diem bao cao', 'bao cao'] },
    { name: 'kind', required: false, aliases: ['loai'] },
    { name: 'severity', required: false, aliases: ['muc do'] },
    { name: 'summary', required: false, aliases: ['mo ta', 'noi dung'] },
  ],
  schema: incidentRowSchema,
  key: (row) => row.id,
  keyConflict: (key, first) => `mã sự cố "${key}" đã có ở dòng ${first} (nội dung khác)`,
};
