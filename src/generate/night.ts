/**
 * One exported night: apply the planned events in time order, then draw the day's exact logins (logins.csv,
 * SPEC §3.2) and update what the registry shows — zimbraLastLogonTimestamp only when the stored value is at least
 * 7 days old (Zimbra's default refresh), a password change at the first login of an account that must change it or
 * whose owner's habit says it is due, a little more mailbox usage. Pure: mutates the given mailboxes, returns the
 * logins.
 */
import type { Mailbox } from './mailboxes.ts';
import type { Protocol } from './mailboxState.ts';
import type { NightPlan } from './nightPlan.ts';
import { Rng } from './prng.ts';
import { DAY_MS, HOUR_MS, dayStart } from './time.ts';
import { isWorkday } from './workdays.ts';

export interface Login {
  time: number;
  address: string;
  protocol: Protocol;
  clientIp: string;
}

/** Zimbra's default zimbraLastLogonTimestampFrequency. */
const LAST_LOGON_REFRESH_MS = 7 * DAY_MS;
const PUBLIC_NETS = ['27.72.', '171.244.', '116.96.', '113.161.', '14.161.', '123.21.', '42.114.', '1.53.', '118.69.'];

function applyEvents(plan: NightPlan, logins: Login[]): Map<number, number> {
  const lockedAt = new Map<number, number>();
  for (const e of plan.events) {
    const m = e.mailbox;
    switch (e.kind) {
      case 'lock':
        if (e.intruderIp) {
          const t = e.time - 30 * 60_000;
          logins.push({ time: t, address: m.address, protocol: 'http', clientIp: e.intruderIp });
          recordLogin(m, t);
        }
        m.status = 'locked';
        lockedAt.set(m.index, e.time);
        break;
      case 'unlock':
        // 004 Điều 8 khoản 3 điểm c: the password must be changed at the first access after a restore.
        m.status = 'active';
        m.mustChange = true;
        m.passwordChangedAt = e.time;
        break;
      case 'close':
        m.status = 'closed';
        m.forwardTo = [];
        break;
      case 'title':
        m.title = e.title ?? m.title;
        break;
      case 'password':
        m.passwordChangedAt = Math.max(e.time, m.createdAt + 60_000);
        m.mustChange = false;
        break;
    }
  }
  return lockedAt;
}

function recordLogin(m: Mailbox, t: number): void {
  if (m.trueLastLogin === null || t > m.trueLastLogin) m.trueLastLogin = t;
  if (m.lastLoginAt === null || t - m.lastLoginAt >= LAST_LOGON_REFRESH_MS) m.lastLoginAt = t;
  const renew = m.renewPasswordDays !== null && t - m.passwordChangedAt >= m.renewPasswordDays * DAY_MS;
  if (m.mustChange || renew) {
    m.mustChange = false;
    m.passwordChangedAt = t + 60_000 * 3;
  }
}

function loginCount(m: Mailbox, workday: boolean, createdToday: boolean, rng: Rng): number {
  if (createdToday) return rng.chance(0.6) ? 1 : 0;
  switch (m.usage) {
    case 'daily':
      return workday ? (rng.chance(0.92) ? 1 + rng.poisson(1.2) : 0) : rng.chance(0.12) ? 1 : 0;
    case 'weekly':
      return rng.chance(workday ? 0.25 : 0.03) ? 1 : 0;
    case 'rare':
      return rng.chance(workday ? 0.015 : 0.003) ? 1 : 0;
    case 'dormant':
      return 0;
  }
}

function loginTime(rng: Rng, start: number, workday: boolean): number {
  if (!workday) return start + (8 + rng.next() * 13) * HOUR_MS;
  const x = rng.next();
  const hour = x < 0.6 ? 7.5 + rng.next() * 4 : x < 0.95 ? 13.5 + rng.next() * 3.5 : 19 + rng.next() * 3;
  return start + hour * HOUR_MS;
}

function clientIp(m: Mailbox, rng: Rng): string {
  const idx = (m.person?.home ?? m.unit).index;
  if (m.protocol !== 'activesync' && rng.chance(0.8)) return `10.${16 + (idx >> 8)}.${idx & 255}.${20 + (m.index % 220)}`;
  return `${rng.pick(PUBLIC_NETS)}${rng.int(0, 255)}.${rng.int(1, 254)}`;
}

/** Applies `plan` and draws the logins of its day. Returns the logins sorted by time, then address. */
export function runNight(mailboxes: readonly Mailbox[], plan: NightPlan, rng: Rng): Login[] {
  const start = dayStart(plan.date);
  const end = start + DAY_MS;
  const workday = isWorkday(plan.date);
  const logins: Login[] = [];
  const lockedAt = applyEvents(plan, logins);
  for (const m of mailboxes) {
    if (m.createdAt >= end) continue;
    const until = lockedAt.get(m.index) ?? (m.status === 'active' ? end : start);
    const createdToday = m.createdAt >= start;
    const n = loginCount(m, workday, createdToday, rng);
    const times: number[] = [];
    for (let i = 0; i < n; i++) {
      const raw = createdToday ? m.createdAt + rng.next() * (end - m.createdAt) : loginTime(rng, start, workday);
      // Whole seconds, like the audit log; (time, address) stays unique.
      const t = Math.floor(raw / 1000) * 1000;
      if (t > m.createdAt && t < until && !times.includes(t)) times.push(t);
    }
    times.sort((a, b) => a - b);
    for (const t of times) {
      logins.push({ time: t, address: m.address, protocol: m.protocol, clientIp: clientIp(m, rng) });
      recordLogin(m, t);
    }
    if (times.length > 0 && m.quotaMb > 0) {
      // A little more mail each day used; a full mailbox is now and then cleared of old mail, as its owner is told to.
      const cleared = m.usedMb >= m.quotaMb * 0.97 && rng.chance(0.01);
      const used = cleared ? m.quotaMb * rng.real(0.5, 0.75) : Math.min(m.quotaMb * 1.08, m.usedMb + rng.real(0, 3));
      m.usedMb = Math.round(used * 10) / 10;
    }
  }
  logins.sort((a, b) => a.time - b.time || (a.address < b.address ? -1 : a.address > b.address ? 1 : 0));
  return logins;
}
