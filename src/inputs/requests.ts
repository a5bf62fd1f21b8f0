/**
 * `requests.csv` — phiếu yêu cầu (SPEC §3.4): requests to create, change, revoke, restore or unlock mailboxes,
 * sent on the forms Mẫu 01–06 and the unnumbered 7th of 001, over QLVBĐH, on paper or by e-mail
 * (001 Điều 4 khoản 3 điểm a, b).
 */
import { z } from 'zod';
import { optional, required } from './fields.ts';
import type { InputSpec } from './spec.ts';
import { parseCode, parseDateTime, parseEnum, parseText } from './values.ts';

/** Request types (SPEC §3.4; 001 Mẫu 01–06 and the 7th; sonla-2025 Điều 7–8). */
export const REQUEST_TYPES = [
  'cap-moi-ca-nhan',
  'cap-moi-to-chuc',
  'thu-hoi',
  'thay-doi-ca-nhan',
  'thay-doi-to-chuc',
  'khoi-phuc-mat-khau-ca-nhan',
  'khoi-phuc-mat-khau-to-chuc',
  'mo-khoa',
] as const;
export type RequestType = (typeof REQUEST_TYPES)[number];

/** How the request arrived (001 Điều 4 khoản 3: QLVBĐH or paper; SPEC §3.4 adds e-mail). */
export const REQUEST_CHANNELS = ['qlvbdh', 'giay', 'thu-dien-tu'] as const;
export type RequestChannel = (typeof REQUEST_CHANNELS)[number];

export const requestRowSchema = z
  .object({
    /** Request id (số phiếu), the upsert key across nights. */
    id: required(parseCode),
    type: required(parseEnum(REQUEST_TYPES, { 'huy-bo': 'thu-hoi', 'mo-khoa-hop-thu': 'mo-khoa' })),
    /** The requesting agency (checked against agencies.csv by the loader). */
    agency_code: required(parseCode),
    channel: optional(
      parseEnum(REQUEST_CHANNELS, { 'van-ban-giay': 'giay', 'email': 'thu-dien-tu', 'e-mail': 'thu-dien-tu', 'qlvb': 'qlvbdh' }),
    ),
    received_at: required(parseDateTime),
    /** Empty while the request is open. */
    completed_at: optional(parseDateTime),
    result: optional(parseText),
    note: optional(parseText),
  })
  .superRefine((row, ctx) => {
    if (row.completed_at !== null && row.completed_at < row.received_at) {
      ctx.addIssue({ code: 'custom', path: ['completed_at'], message: 'thời điểm hoàn thành trước thời điểm tiếp nhận' });
    }
  });
export type RequestRow = z.infer<typeof requestRowSchema>;

export const requestsSpec: InputSpec<RequestRow> = {
  kind: 'requests',
  file: 'requests.csv',
  columns: [
    { name: 'id', required: true, aliases: ['so phieu', 'ma phieu'] },
    { name: 'type', required: true, aliases: ['loai yeu cau', 'loai'] },
    { name: 'agency_code', required: true, aliases: ['ma co quan'] },
    { name: 'channel', required: false, aliases: ['kenh'] },
    { name: 'received_at', required: true, aliases: ['ngay nhan', 'tiep nhan'] },
    { name: 'completed_at', required: false, aliases: ['ngay hoan thanh', 'hoan thanh'] },
    { name: 'result', required: false, aliases: ['ket qua'] },
    { name: 'note', required: false, aliases: ['ghi chu'] },
  ],
  schema: requestRowSchema,
  key: (row) => row.id,
  keyConflict: (key, first) => `mã phiếu "${key}" đã có ở dòng ${first} (nội dung khác)`,
};
