/**
 * Requests (phiếu yêu cầu, SPEC §3.4: the 8 types of 004 Điều 8 / 001 Mẫu 01–07) over the two years before the
 * last exported night. New-mailbox requests follow the registry: each day's new mailboxes of an agency were asked
 * for in one request, received a few working days before they were created. Most are done within the profile's
 * deadline (`requestDeadlineWorkingDays`, `restoreDeadlineWorkingDays` for password restores and unlocks), some
 * late, the most recent still open. Pure.
 */
import type { Policy } from '../rules/policy/schema.ts';
import type { Unit } from './agencies.ts';
import type { Mailbox } from './mailboxes.ts';
import { workingInstant } from './people.ts';
import { Rng, Weighted } from './prng.ts';
import { DAY_MS, HOUR_MS, dayStart, localDate } from './time.ts';
import { addWorkdays, isWorkday } from './workdays.ts';

export const REQUEST_TYPES = [
  'cap-moi-ca-nhan', 'cap-moi-to-chuc', 'thu-hoi', 'thay-doi-ca-nhan', 'thay-doi-to-chuc',
  'khoi-phuc-mat-khau-ca-nhan', 'khoi-phuc-mat-khau-to-chuc', 'mo-khoa',
] as const;
export type RequestType = (typeof REQUEST_TYPES)[number];
export type Channel = 'qlvbdh' | 'giay' | 'thu-dien-tu';

export interface RequestRecord {
  /** Filled by `numberRequests` once every request is known. */
  id: string;
  type: RequestType;
  agencyCode: string;
  channel: Channel;
  receivedAt: number;
  /** When the centre finished it (may lie after the last night: still open then). */
  completedAt: number;
  result: 'da-xu-ly' | 'tu-choi';
  note: string;
}

export interface RequestContext {
  policy: Policy;
  rng: Rng;
  channels: Weighted<Channel>;
}

/** Channel mix: Sơn La requires the e-document system (004 Điều 7 khoản 1 điểm c), Sóc Trăng also takes paper. */
export function channelsFor(policy: Policy): Weighted<Channel> {
  return policy.id.startsWith('sonla')
    ? new Weighted<Channel>([['qlvbdh', 80], ['giay', 12], ['thu-dien-tu', 8]])
    : new Weighted<Channel>([['qlvbdh', 60], ['giay', 20], ['thu-dien-tu', 20]]);
}

function deadlineFor(policy: Policy, type: RequestType): number {
  const restore = type.startsWith('khoi-phuc') || type === 'mo-khoa';
  return (restore ? policy.restoreDeadlineWorkingDays.value : policy.requestDeadlineWorkingDays.value) ?? 0;
}

/** Working days the centre takes: mostly within the deadline, about one in seven late. */
function processingDays(rng: Rng, deadline: number): number {
  const x = rng.next();
  if (x < 0.7) return rng.int(0, Math.max(0, deadline - 1));
  if (x < 0.85) return deadline;
  return deadline + rng.int(1, 10);
}

const REJECT_REASONS = ['thiếu chữ ký của thủ trưởng cơ quan', 'phiếu không đúng mẫu', 'thông tin cá nhân không khớp với danh sách cán bộ'];

/** A request completed at `completedAt` that was received `processingDays` working days earlier. */
export function requestEndingAt(ctx: RequestContext, type: RequestType, agencyCode: string, completedAt: number, note: string): RequestRecord {
  const days = processingDays(ctx.rng, deadlineFor(ctx.policy, type));
  let receivedAt = workingInstant(ctx.rng, addWorkdays(localDate(completedAt), -days));
  if (receivedAt >= completedAt) receivedAt = completedAt - ctx.rng.int(30, 180) * 60_000;
  return { id: '', type, agencyCode, channel: ctx.channels.sample(ctx.rng), receivedAt, completedAt, result: 'da-xu-ly', note };
}

/** A request received at `receivedAt`, completed after the centre's processing time; sometimes refused. */
export function requestStartingAt(ctx: RequestContext, type: RequestType, agencyCode: string, receivedAt: number, note: string): RequestRecord {
  const days = processingDays(ctx.rng, deadlineFor(ctx.policy, type));
  let completedAt = workingInstant(ctx.rng, addWorkdays(localDate(receivedAt), days));
  if (completedAt <= receivedAt) completedAt = receivedAt + ctx.rng.int(30, 240) * 60_000;
  const refused = ctx.rng.chance(0.04);
  return {
    id: '', type, agencyCode, channel: ctx.channels.sample(ctx.rng), receivedAt, completedAt,
    result: refused ? 'tu-choi' : 'da-xu-ly',
    note: refused ? `${note}; từ chối: ${ctx.rng.pick(REJECT_REASONS)}` : note,
  };
}

/** The agency a mailbox belonged to at `time`: the merged body for someone who came from it before the merger. */
export function agencyAt(m: Mailbox, time: number): string {
  const from = m.person?.cameFrom;
  if (from && from.validTo !== null && time < dayStart(from.validTo)) return from.code;
  return m.agencyCode;
}

/** The agency a phòng belonged to at `time` (before a move, its former parent). */
function parentAt(unit: Unit, time: number): string {
  if (unit.moved && time < dayStart(unit.moved.movedOn)) return unit.moved.formerParent.code;
  return unit.parent?.code ?? unit.code;
}

/** New-mailbox requests for every mailbox created in [windowStart, ∞): one per requesting agency, day and kind. */
export function creationRequests(ctx: RequestContext, mailboxes: readonly Mailbox[], windowStart: number): RequestRecord[] {
  const groups = new Map<string, Mailbox[]>();
  for (const m of mailboxes) {
    if (m.createdAt < windowStart || (m.kind === 'co-quan' && m.unit.validTo !== null)) continue;
    // An agency asks for its own and its phòng's mailboxes in one request.
    const requester = m.kind === 'co-quan' && m.unit.role === 'department' ? parentAt(m.unit, m.createdAt) : agencyAt(m, m.createdAt);
    const key = `${m.kind}|${requester}|${localDate(m.createdAt)}`;
    const list = groups.get(key);
    if (list) list.push(m);
    else groups.set(key, [m]);
  }
  const out: RequestRecord[] = [];
  for (const [key, list] of groups) {
    const [kind, agency] = key.split('|') as [string, string];
    const completedAt = Math.max(...list.map((m) => m.createdAt));
    const note =
      kind === 'ca-nhan'
        ? `Cấp mới ${list.length} hộp thư cá nhân (Mẫu 01)${list.length === 1 ? `: ${list[0]!.title}${list[0]!.department ? `, ${list[0]!.department}` : ''}` : ''}`
        : `Cấp mới hộp thư ${list.map((m) => m.address).join(', ')}`;
    out.push(requestEndingAt(ctx, kind === 'ca-nhan' ? 'cap-moi-ca-nhan' : 'cap-moi-to-chuc', agency, completedAt, note));
  }
  return out;
}

type RoutineType = Exclude<RequestType, 'cap-moi-ca-nhan' | 'cap-moi-to-chuc' | 'thu-hoi'>;
const PER_YEAR: Record<RoutineType, { rate: number; kind: 'ca-nhan' | 'co-quan' }> = {
  'thay-doi-ca-nhan': { rate: 0.015, kind: 'ca-nhan' },
  'thay-doi-to-chuc': { rate: 0.02, kind: 'co-quan' },
  'khoi-phuc-mat-khau-ca-nhan': { rate: 0.03, kind: 'ca-nhan' },
  'khoi-phuc-mat-khau-to-chuc': { rate: 0.04, kind: 'co-quan' },
  'mo-khoa': { rate: 0.004, kind: 'ca-nhan' },
};

const NOTES: Record<keyof typeof PER_YEAR, (m: Mailbox) => string> = {
  'thay-doi-ca-nhan': (m) => `Thay đổi thông tin hộp thư ${m.address}: chức danh, phòng ban`,
  'thay-doi-to-chuc': (m) => `Thay đổi tên hiển thị hộp thư ${m.address}`,
  'khoi-phuc-mat-khau-ca-nhan': (m) => `Khôi phục mật khẩu hộp thư ${m.address} (Mẫu 06)`,
  'khoi-phuc-mat-khau-to-chuc': (m) => `Khôi phục mật khẩu hộp thư ${m.address}`,
  'mo-khoa': (m) => `Mở khóa hộp thư ${m.address} bị tạm khóa`,
};

/**
 * Everyday requests spread over [windowStart, windowEnd]: changes, restores, unlocks and revocations at yearly
 * rates per mailbox, each about a mailbox that existed when it was received. Every type appears at least once.
 */
export function routineRequests(ctx: RequestContext, mailboxes: readonly Mailbox[], windowStart: number, windowEnd: number): RequestRecord[] {
  const years = (windowEnd - windowStart) / (365 * DAY_MS);
  const byKind = { 'ca-nhan': mailboxes.filter((m) => m.kind === 'ca-nhan'), 'co-quan': mailboxes.filter((m) => m.kind === 'co-quan' && m.unit.validTo === null) };
  const out: RequestRecord[] = [];
  for (const [type, { rate, kind }] of Object.entries(PER_YEAR) as [keyof typeof PER_YEAR, (typeof PER_YEAR)[keyof typeof PER_YEAR]][]) {
    const pool = byKind[kind].filter((m) => m.status !== 'closed');
    if (pool.length === 0) continue;
    const count = Math.max(1, ctx.rng.poisson(pool.length * rate * years));
    for (let i = 0; i < count; i++) {
      const m = ctx.rng.pick(pool);
      const from = Math.max(windowStart, m.createdAt + DAY_MS);
      if (from >= windowEnd - HOUR_MS) continue;
      const receivedAt = Math.min(workingInstant(ctx.rng, localDate(from + ctx.rng.next() * (windowEnd - from))), windowEnd - HOUR_MS);
      out.push(requestStartingAt(ctx, type, agencyAt(m, receivedAt), receivedAt, NOTES[type](m)));
    }
  }
  return out;
}

/**
 * Revocation requests behind the mailboxes already closed when the first night begins: most of them were asked for
 * within the window (the others were closed earlier, or without a request by careless agencies).
 */
export function revocationRequests(ctx: RequestContext, mailboxes: readonly Mailbox[], windowStart: number, firstNightStart: number): RequestRecord[] {
  const out: RequestRecord[] = [];
  for (const m of mailboxes) {
    if (m.status !== 'closed' || m.kind !== 'ca-nhan' || !ctx.rng.chance(0.7)) continue;
    const from = Math.max(windowStart, m.createdAt + 30 * DAY_MS);
    if (from >= firstNightStart - DAY_MS) continue;
    const completedAt = Math.min(workingInstant(ctx.rng, localDate(from + ctx.rng.next() * (firstNightStart - DAY_MS - from))), firstNightStart - HOUR_MS);
    out.push(requestEndingAt(ctx, 'thu-hoi', agencyAt(m, completedAt), completedAt, `Thu hồi hộp thư ${m.address} (nghỉ việc, chuyển công tác)`));
  }
  return out;
}

/**
 * A few requests received on the last working day (on or before `until`) that the centre has not finished by the
 * last night: they are exported open (no completed_at, no result).
 */
export function openRequests(ctx: RequestContext, mailboxes: readonly Mailbox[], until: string): RequestRecord[] {
  const day = isWorkday(until) ? until : addWorkdays(until, -1);
  const pool = mailboxes.filter((m) => m.kind === 'ca-nhan' && m.status === 'active' && m.createdAt < dayStart(day));
  const types: RoutineType[] = ['khoi-phuc-mat-khau-ca-nhan', 'thay-doi-ca-nhan', 'mo-khoa'];
  const count = Math.max(2, Math.round(pool.length / 1000));
  const out: RequestRecord[] = [];
  for (let i = 0; i < count && pool.length > 0; i++) {
    const m = ctx.rng.pick(pool);
    const type = ctx.rng.pick(types);
    const receivedAt = dayStart(day) + Math.floor(ctx.rng.real(14, 16.5) * HOUR_MS / 1000) * 1000;
    const r = requestStartingAt(ctx, type, agencyAt(m, receivedAt), receivedAt, NOTES[type](m));
    r.completedAt = Math.max(r.completedAt, workingInstant(ctx.rng, addWorkdays(day, 1)));
    out.push(r);
  }
  return out;
}

/** Sorts by receipt and numbers them per year of receipt: YC-2025-0001 … (stable for a seed). */
export function numberRequests(requests: RequestRecord[]): RequestRecord[] {
  const cmp = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);
  requests.sort((a, b) => a.receivedAt - b.receivedAt || cmp(a.type, b.type) || cmp(a.agencyCode, b.agencyCode) || cmp(a.note, b.note));
  const seq = new Map<string, number>();
  for (const r of requests) {
    const year = localDate(r.receivedAt).slice(0, 4);
    const n = (seq.get(year) ?? 0) + 1;
    seq.set(year, n);
    r.id = `YC-${year}-${String(n).padStart(4, '0')}`;
  }
  return requests;
}
