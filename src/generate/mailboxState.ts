/**
 * The facts of one mailbox at the start of the first exported night: how its owner uses it, when they last logged
 * in, when the password last changed, whether it is locked or closed, quota and usage, forwarding, and the
 * per-account details of a Zimbra dump. The agency's discipline factor drives every "finding" the compliance
 * checks look for (SPEC §4.4): default password kept past the grace, password older than the profile's interval,
 * no login for the inactivity period, locked for long, auto-forwarding outside the province's domain, near quota.
 * Thresholds come from the profile. Pure.
 */
import { foldVietnamese } from '../text/fold.ts';
import type { Mailbox } from './mailboxes.ts';
import type { Policy } from '../rules/policy/schema.ts';
import { Rng, Weighted } from './prng.ts';
import { DAY_MS, HOUR_MS } from './time.ts';

export type Usage = 'daily' | 'weekly' | 'rare' | 'dormant';
export type Protocol = 'imap' | 'pop3' | 'http' | 'activesync';

export interface StateContext {
  policy: Policy;
  firstNightStart: number;
  /** The organisational mailbox of each unit (by unit code). */
  orgMailbox: ReadonlyMap<string, Mailbox>;
  /** The personal mailbox of each unit's head (by unit code). */
  headMailbox: ReadonlyMap<string, Mailbox>;
  /** Units whose departments moved to a successor (their own mailbox stays, forwarding to the successor). */
  mergedWithMove: ReadonlySet<string>;
}

const PROTOCOLS = new Weighted<Protocol>([['http', 55], ['imap', 20], ['activesync', 15], ['pop3', 10]]);
const MONTH_DAYS = 30.44;

function discipline(m: Mailbox): number {
  return (m.person?.home ?? m.unit).discipline;
}

function drawUsage(m: Mailbox, d: number, rng: Rng): Usage {
  const leader = (m.person?.rank ?? 4) <= 2;
  const pDaily = m.kind === 'co-quan' ? 0.3 + 0.65 * d : 0.35 + 0.45 * d + (leader ? 0.15 : 0);
  const pDormant = 0.02 + 0.15 * (1 - d);
  const x = rng.next();
  if (x < pDaily) return 'daily';
  if (x < pDaily + 0.2) return 'weekly';
  if (x < 1 - pDormant) return 'rare';
  return 'dormant';
}

/** Days before `t0` of the last login for a usage pattern (null: never logged in). */
function lastLoginAgeDays(usage: Usage, rng: Rng): number | null {
  switch (usage) {
    case 'daily':
      return rng.real(0.4, 3);
    case 'weekly':
      return rng.real(1, 12);
    case 'rare':
      return rng.real(15, 150);
    case 'dormant':
      return rng.chance(0.5) ? null : rng.real(200, 1000);
  }
}

/**
 * The quota the synthetic operator provisions where the profile sets no figure: sonla-2025 leaves it to the Sở
 * (004 Điều 9 khoản 2 điểm b), whose decision the registry carries; this generated Sở decides 2 GB.
 */
const DECIDED_QUOTA_MB = 2048;

/** Median share of the quota in use after three years, by usage pattern (organisational mailboxes: 0.34). */
const MEDIAN_USED_SHARE: Record<Usage, number> = { daily: 0.22, weekly: 0.12, rare: 0.05, dormant: 0.01 };

/** The same calendar day as `ms`, at a working-hours time (people log in and change passwords at work). */
function atWorkingHours(rng: Rng, ms: number): number {
  const midnight = ms - ((ms + 7 * HOUR_MS) % DAY_MS);
  return Math.floor((midnight + (7.5 + rng.next() * 9.5) * HOUR_MS) / 1000) * 1000;
}

function externalForward(m: Mailbox, rng: Rng): string {
  const provider = rng.pick(['gmail.com', 'gmail.com', 'gmail.com', 'yahoo.com']);
  if (!m.person) return `${m.address.split('@')[0]!.replace(/\./g, '')}@${provider}`;
  const words = foldVietnamese(m.person.name.fullName).replace(/[^a-z ]/g, '').split(' ');
  const year = m.person.birthDate ? m.person.birthDate.slice(2, 4) : String(rng.int(70, 99));
  const local = rng.chance(0.5) ? `${words.join('')}${year}` : `${words[words.length - 1]}.${words[0]}${rng.int(1, 99)}`;
  return `${local}@${provider}`;
}

/** Draws the initial state of `m` in place (see the module comment). */
export function drawInitialState(m: Mailbox, ctx: StateContext, rng: Rng): void {
  const t0 = ctx.firstNightStart;
  const d = discipline(m);
  m.usage = drawUsage(m, d, rng);
  m.protocol = PROTOCOLS.sample(rng);
  const pending = m.createdAt >= t0;

  // Last login: before t0, after creation; the registry value lags by up to the 7-day refresh of Zimbra.
  const age = pending ? null : lastLoginAgeDays(m.usage, rng);
  let last = age === null ? null : atWorkingHours(rng, t0 - age * DAY_MS);
  if (last !== null && last < m.createdAt) last = m.usage === 'daily' || m.usage === 'weekly' ? m.createdAt + rng.next() * (t0 - m.createdAt) : null;
  if (last !== null && last >= t0) last = t0 - HOUR_MS;
  m.trueLastLogin = last;
  const lagged = last === null ? null : atWorkingHours(rng, last - rng.next() * 7 * DAY_MS);
  m.lastLoginAt = lagged === null || last === null ? null : lagged > last || lagged <= m.createdAt ? last : lagged;

  // Password: default (never changed) for accounts nobody logged into, and for some of careless agencies.
  const intervalMonths = ctx.policy.password.changeIntervalMonths.value;
  const keepsDefault = pending || last === null ? rng.chance(0.92) : rng.chance(0.01 + 0.08 * (1 - d));
  m.passwordChangedAt = m.createdAt;
  m.mustChange = keepsDefault && (last === null || pending);
  const intervalDays = intervalMonths === null ? null : intervalMonths * MONTH_DAYS;
  let keepsInterval = false;
  if (!keepsDefault && last !== null) {
    keepsInterval = intervalDays !== null && rng.chance(0.45 + 0.5 * d);
    const ageDays = intervalDays === null ? rng.real(0, 720) : keepsInterval ? rng.real(0, intervalDays * 0.95) : rng.real(intervalDays, intervalDays * 4);
    const changed = Math.max(m.createdAt + rng.real(0.02, 2) * DAY_MS, Math.min(last, t0 - ageDays * DAY_MS));
    m.passwordChangedAt = Math.min(Math.max(atWorkingHours(rng, changed), m.createdAt + 60_000), t0 - HOUR_MS);
  }

  // Status: some closed (people who left), locked for security, or locked for inactivity where the profile says so.
  const lockAfterDays = ctx.policy.inactivity.lockAfterDays.value;
  const silentDays = (t0 - (last ?? m.createdAt)) / DAY_MS;
  if (!pending && m.kind === 'ca-nhan' && rng.chance(m.usage === 'dormant' ? 0.03 : 0.012)) m.status = 'closed';
  else if (!pending && lockAfterDays !== null && silentDays > lockAfterDays && rng.chance(0.7)) m.status = 'locked';
  else if (!pending && rng.chance(0.004)) m.status = 'locked';

  // Quota from the profile (or the operator's decision); usage log-normal around the pattern's median, a few near or
  // over the quota.
  m.quotaMb = ctx.policy.quota.mailboxMb.value ?? DECIDED_QUOTA_MB;
  const median = m.quotaMb * (m.kind === 'co-quan' ? 0.34 : MEDIAN_USED_SHARE[m.usage]);
  const years = Math.max(0.05, (t0 - m.createdAt) / (365 * DAY_MS));
  const used = pending ? 0 : median * Math.min(1, years / 3) * Math.exp(rng.normal(0, m.kind === 'co-quan' ? 0.6 : 0.75));
  m.usedMb = Math.round(Math.min(used, m.quotaMb > 0 ? m.quotaMb * 1.08 : used) * 10) / 10;

  drawForwarding(m, ctx, d, rng);
  m.zimbra = {
    id: uuid(rng),
    passwordHash: `{SSHA512}${base64Bytes(rng, 72)}`,
    notes: rng.chance(0.03) ? noteFor(m, rng) : null,
    base64Name: rng.chance(0.08),
  };
  // Owners who keep to the interval change the password again before it runs out (night.ts), so a long run keeps
  // the share of stale passwords it started with; a new account's owner is drawn like everyone else.
  if (intervalDays !== null && (keepsInterval || (pending && rng.chance(0.45 + 0.5 * d)))) {
    m.renewPasswordDays = intervalDays * rng.real(0.7, 0.95);
  }

  // The body closed by a merger: its mailbox forwards to the successor's (departments moved) or was closed.
  if (m.kind === 'co-quan' && m.unit.role === 'body' && m.unit.validTo !== null) {
    const successor = m.unit.successor ? ctx.orgMailbox.get(m.unit.successor.code) : undefined;
    if (ctx.mergedWithMove.has(m.unit.code) && successor) {
      m.status = 'active';
      m.forwardTo = [successor.address];
    } else {
      m.status = 'closed';
      m.forwardTo = [];
    }
  }
}

function drawForwarding(m: Mailbox, ctx: StateContext, d: number, rng: Rng): void {
  const targets: string[] = [];
  if (m.kind === 'co-quan') {
    const head = ctx.headMailbox.get(m.unit.code);
    if (head && rng.chance(0.1)) targets.push(head.address);
    if (rng.chance(0.04 * (1 - d))) targets.push(externalForward(m, rng));
  } else {
    const org = m.person ? ctx.orgMailbox.get(m.person.home.code) : undefined;
    if (org && rng.chance(0.01)) targets.push(org.address);
    if (rng.chance(0.01 + 0.06 * (1 - d))) targets.push(externalForward(m, rng));
  }
  m.forwardTo = targets;
}

const NOTE_FIRST = ['Cấp theo phiếu yêu cầu', 'Đổi tên hiển thị theo đề nghị', 'Chuyển công tác', 'Tăng dung lượng theo đề nghị'];
const NOTE_SECOND = ['của Văn phòng cơ quan', 'theo Công văn số 125/SNV-VP', 'người liên hệ tổ công nghệ thông tin', 'đã xác minh qua điện thoại'];

/** A free-text note of two lines (the second spills onto an unprefixed line in the dump). */
function noteFor(m: Mailbox, rng: Rng): string {
  const year = new Date(m.createdAt).getUTCFullYear();
  return `${rng.pick(NOTE_FIRST)} ${year}\n${rng.pick(NOTE_SECOND)}`;
}

function uuid(rng: Rng): string {
  const hex = Array.from({ length: 4 }, () => rng.nextUint32().toString(16).padStart(8, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${'89ab'[rng.int(0, 3)]}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

function base64Bytes(rng: Rng, n: number): string {
  const bytes = Buffer.alloc(n);
  for (let i = 0; i < n; i++) bytes[i] = rng.int(0, 255);
  return bytes.toString('base64');
}
