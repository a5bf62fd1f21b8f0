/**
 * `mailboxes.csv` — the mailbox registry (SPEC §3.2). `id_number` (CCCD) and `birth_date` are read only to be dropped:
 * they are never stored, not even in quarantine. A personal mailbox's `phone` is dropped too; only a co-quan mailbox
 * keeps its office phone (SPEC §3.2, README "Dữ liệu cá nhân").
 */
import { z } from 'zod';
import { optional, required, type CellRecord } from './fields.ts';
import type { InputSpec } from './spec.ts';
import {
  foldEnum,
  parseAddress,
  parseAddressList,
  parseAmount,
  parseBoolean,
  parseCode,
  parseDateTime,
  parseEnum,
  parseText,
} from './values.ts';

export const MAILBOX_KINDS = ['ca-nhan', 'co-quan'] as const;
export type MailboxKind = (typeof MAILBOX_KINDS)[number];
export const MAILBOX_STATUSES = ['active', 'locked', 'closed'] as const;
export type MailboxStatus = (typeof MAILBOX_STATUSES)[number];

const parseKind = parseEnum(MAILBOX_KINDS, { 'ca-nhan': 'ca-nhan', personal: 'ca-nhan', 'to-chuc': 'co-quan', agency: 'co-quan' });
const parseStatus = parseEnum(MAILBOX_STATUSES, {
  'hoat-dong': 'active',
  'dang-hoat-dong': 'active',
  khoa: 'locked',
  'tam-khoa': 'locked',
  lockout: 'locked',
  'thu-hoi': 'closed',
  'da-thu-hoi': 'closed',
  dong: 'closed',
});

export const mailboxRowSchema = z
  .object({
    /** The mailbox address, lowercased. */
    address: required(parseAddress),
    /** ca-nhan (a person) or co-quan (an agency, department or locality mailbox). */
    kind: required(parseKind),
    display_name: optional(parseText),
    /** Code of the agency the mailbox belongs to (checked against agencies.csv by the loader). */
    agency_code: required(parseCode),
    department: optional(parseText),
    title: optional(parseText),
    status: required(parseStatus),
    created_at: optional(parseDateTime),
    /** Volatile: stored per night in mailbox_activity, not in the versions. */
    last_login_at: optional(parseDateTime),
    password_changed_at: optional(parseDateTime),
    must_change_password: optional(parseBoolean),
    quota_mb: optional(parseAmount),
    /** Volatile: stored per night in mailbox_activity. */
    used_mb: optional(parseAmount),
    /** Auto-forwarding targets (`;`-separated in the file). */
    forward_to: optional(parseAddressList),
    phone: optional(parseText),
  })
  // Only an agency mailbox keeps a phone: a personal mobile is personal data (SPEC §3.2).
  .transform((row) => ({ ...row, phone: row.kind === 'co-quan' ? row.phone : null }));
export type MailboxRow = z.infer<typeof mailboxRowSchema>;

/** Blank the phone of any row that is not clearly an agency mailbox before it goes to quarantine. */
function redactMailbox(cells: CellRecord): readonly string[] {
  return cells.kind !== undefined && foldEnum(cells.kind) === 'co-quan' ? [] : ['phone'];
}

export const mailboxesSpec: InputSpec<MailboxRow> = {
  kind: 'mailboxes',
  file: 'mailboxes.csv',
  columns: [
    { name: 'address', required: true, aliases: ['email', 'dia chi thu', 'mail'] },
    { name: 'kind', required: true, aliases: ['loai'] },
    { name: 'display_name', required: false, aliases: ['ho ten', 'ten hien thi', 'displayname'] },
    { name: 'agency_code', required: true, aliases: ['ma co quan'] },
    { name: 'department', required: false, aliases: ['phong ban', 'don vi'] },
    { name: 'title', required: false, aliases: ['chuc vu'] },
    { name: 'status', required: true, aliases: ['trang thai'] },
    { name: 'created_at', required: false, aliases: ['ngay tao'] },
    { name: 'last_login_at', required: false, aliases: ['dang nhap cuoi'] },
    { name: 'password_changed_at', required: false, aliases: ['doi mat khau'] },
    { name: 'must_change_password', required: false },
    { name: 'quota_mb', required: false, aliases: ['dung luong'] },
    { name: 'used_mb', required: false, aliases: ['da dung'] },
    { name: 'forward_to', required: false, aliases: ['chuyen tiep'] },
    { name: 'phone', required: false, aliases: ['dien thoai', 'so dien thoai'] },
    { name: 'id_number', required: false, personal: true, aliases: ['cccd', 'so cccd', 'cmnd', 'so dinh danh'] },
    { name: 'birth_date', required: false, personal: true, aliases: ['ngay sinh'] },
  ],
  schema: mailboxRowSchema,
  identity: 'address',
  key: (row) => row.address,
  keyConflict: (key, first) => `địa chỉ "${key}" đã có ở dòng ${first} (nội dung khác)`,
  redact: redactMailbox,
};
