/**
 * What happens to the registry during the exported nights, planned before any night is written so that the
 * requests behind each change can be received on earlier nights (and show as open there): a lock (an account
 * taken over and used for spam, or, where the profile locks idle mailboxes, the operator's sweep), an unlock after
 * a mo-khoa request, a revocation, a promotion, password changes. Over a run every kind happens at least once.
 * Pure.
 */
import { departmentLeaders } from './agencies.ts';
import { reportDelayHours, type IncidentRecord } from './incidents.ts';
import type { Mailbox } from './mailboxes.ts';
import { requestEndingAt, requestStartingAt, agencyAt, type RequestContext, type RequestRecord } from './requests.ts';
import { Rng } from './prng.ts';
import { DAY_MS, HOUR_MS, dayStart } from './time.ts';
import { addWorkdays, isWorkday } from './workdays.ts';
import { workingInstant } from './people.ts';

export type EventKind = 'lock' | 'unlock' | 'close' | 'title' | 'password';

export interface MailboxEvent {
  time: number;
  kind: EventKind;
  mailbox: Mailbox;
  /** New title for a promotion. */
  title?: string;
  /** For a taken-over account: the foreign address the intruder logged in from just before the lock. */
  intruderIp?: string;
}

export interface NightPlan {
  date: string;
  events: MailboxEvent[];
}

export interface Plan {
  nights: NightPlan[];
  requests: RequestRecord[];
  incidents: IncidentRecord[];
}

const INTRUDER_NETS = ['185.220.101.', '45.141.84.', '194.26.29.', '103.251.167.'];
const ADMIN_KINDS: EventKind[] = ['lock', 'unlock', 'close', 'title', 'password'];

/** An instant on `date` between the given local hours, in whole seconds. */
export function instantOn(rng: Rng, date: string, fromHour: number, toHour: number): number {
  return Math.floor((dayStart(date) + (fromHour + rng.next() * (toHour - fromHour)) * HOUR_MS) / 1000) * 1000;
}

interface Planner {
  ctx: RequestContext;
  rng: Rng;
  mailboxes: readonly Mailbox[];
  lockAfterDays: number | null;
  incidentHours: number | null;
  used: Set<number>;
  requests: RequestRecord[];
  incidents: IncidentRecord[];
}

function candidates(p: Planner, nightStart: number, test: (m: Mailbox) => boolean): Mailbox[] {
  return p.mailboxes.filter((m) => !p.used.has(m.index) && m.createdAt < nightStart - DAY_MS && test(m));
}

function take(p: Planner, list: Mailbox[], n: number): Mailbox[] {
  const chosen = p.rng.shuffle(list).slice(0, n);
  for (const m of chosen) p.used.add(m.index);
  return chosen;
}

function planKind(p: Planner, kind: EventKind, date: string): MailboxEvent[] {
  const start = dayStart(date);
  const active = (m: Mailbox) => m.status === 'active' && m.kind === 'ca-nhan';
  switch (kind) {
    case 'lock': {
      if (p.lockAfterDays !== null) {
        const limit = p.lockAfterDays;
        const idle = candidates(p, start, (m) => active(m) && (start - (m.trueLastLogin ?? m.createdAt)) / DAY_MS > limit);
        return take(p, idle, p.rng.int(1, 3)).map((m) => ({ time: instantOn(p.rng, date, 8, 10), kind, mailbox: m }));
      }
      return take(p, candidates(p, start, (m) => active(m) && m.usage === 'daily'), 1).map((m) => {
        const time = instantOn(p.rng, date, 9, 16);
        const intruderIp = `${p.rng.pick(INTRUDER_NETS)}${p.rng.int(2, 254)}`;
        const occurredAt = time - 40 * 60_000;
        p.incidents.push({
          id: '', occurredAt, reportedAt: Math.floor(occurredAt + reportDelayHours(p.rng, p.incidentHours) * HOUR_MS), kind: 'lo-mat-khau', severity: 'trung-binh',
          summary: `Hộp thư ${m.address} bị đăng nhập trái phép từ địa chỉ IP ${intruderIp} và bị lợi dụng gửi thư rác; đã tạm khóa hộp thư`,
        });
        p.requests.push(requestStartingAt(p.ctx, 'mo-khoa', agencyAt(m, time), workingInstant(p.rng, addWorkdays(date, 1)), `Mở khóa hộp thư ${m.address} bị tạm khóa do lộ mật khẩu`));
        return { time, kind, mailbox: m, intruderIp };
      });
    }
    case 'unlock':
      return take(p, candidates(p, start, (m) => m.status === 'locked' && m.kind === 'ca-nhan'), 1).map((m) => {
        const time = instantOn(p.rng, date, 8, 16);
        p.requests.push(requestEndingAt(p.ctx, 'mo-khoa', agencyAt(m, time), time, `Mở khóa hộp thư ${m.address} bị tạm khóa`));
        return { time, kind, mailbox: m };
      });
    case 'close':
      return take(p, candidates(p, start, (m) => active(m) && m.person?.rank === 4), 1).map((m) => {
        const time = instantOn(p.rng, date, 8, 16);
        p.requests.push(requestEndingAt(p.ctx, 'thu-hoi', agencyAt(m, time), time, `Thu hồi hộp thư ${m.address} (nghỉ hưu)`));
        return { time, kind, mailbox: m };
      });
    case 'title':
      return take(p, candidates(p, start, (m) => active(m) && m.person?.rank === 4), 1).map((m) => {
        const time = instantOn(p.rng, date, 8, 16);
        const title = m.department ? departmentLeaders(m.department).deputy : 'Chuyên viên chính';
        p.requests.push(requestEndingAt(p.ctx, 'thay-doi-ca-nhan', agencyAt(m, time), time, `Thay đổi chức danh hộp thư ${m.address}: ${title}`));
        return { time, kind, mailbox: m, title };
      });
    case 'password': {
      const stale = candidates(p, start, (m) => m.status === 'active' && (m.usage === 'daily' || m.usage === 'weekly') && !m.mustChange);
      return take(p, stale, p.rng.int(1, Math.max(1, Math.round(stale.length / 400)))).map((m) => ({ time: instantOn(p.rng, date, 8, 17), kind, mailbox: m }));
    }
  }
}

/** Plans the events of every night; returns them with the requests and incidents they imply. */
export function planNights(mailboxes: readonly Mailbox[], nights: readonly string[], ctx: RequestContext, rng: Rng): Plan {
  const p: Planner = {
    ctx, rng, mailboxes,
    lockAfterDays: ctx.policy.inactivity.lockAfterDays.value,
    incidentHours: ctx.policy.incidentReportHours.value,
    used: new Set(), requests: [], incidents: [],
  };
    // A lock (an account taken over, or an idle sweep) every two weeks or so; a long run would otherwise lock a tenth
  // of the province in a year.
  const odds: Record<EventKind, number> = { lock: 0.08, unlock: 0.35, close: 0.35, title: 0.4, password: 1 };
  const plans: NightPlan[] = nights.map((date) => ({ date, events: [] }));
  const happened = new Set<EventKind>();
  for (const plan of plans) {
    const workday = isWorkday(plan.date);
    for (const kind of ADMIN_KINDS) {
      if (!(kind === 'password' || kind === 'lock' || workday) || !rng.chance(odds[kind])) continue;
      const events = planKind(p, kind, plan.date);
      if (events.length > 0) happened.add(kind);
      plan.events.push(...events);
    }
  }
  // Every kind at least once: on a working night when there is one, preferably not the first (the Zimbra dump).
  const host = plans.find((n, i) => i > 0 && isWorkday(n.date)) ?? plans.find((n) => isWorkday(n.date)) ?? plans[0];
  if (host) {
    for (const kind of ADMIN_KINDS) if (!happened.has(kind)) host.events.push(...planKind(p, kind, host.date));
  }
  for (const plan of plans) plan.events.sort((a, b) => a.time - b.time || a.mailbox.index - b.mailbox.index);
  return { nights: plans, requests: p.requests, incidents: p.incidents };
}
