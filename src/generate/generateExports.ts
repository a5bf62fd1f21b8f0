/**
 * `generate` (SPEC §2): a deterministic synthetic province under a policy profile, written as one export folder per
 * night (`DIR/YYYY-MM-DD/`, SPEC §3), after optional month folders of back-filled history (exportFolders.ts). The same
 * options give the same bytes: every random draw comes from a labelled stream of the seed, nothing reads the clock,
 * and every list is written in a fixed order.
 *
 * Files per folder: agencies.csv, mailboxes.csv (the first folder instead has zimbra-accounts.txt + quota.txt),
 * logins.csv, requests.csv, incidents.csv and the mail log: `maillog` for a night, `maillog-YYYYMMDD` for each day of
 * a month folder (logrotate's daily dated files). Every day is simulated in turn (events, logins, mail), whatever
 * folder it is written to. Side effects (files, progress) go through `effects`.
 */
import { join } from 'node:path';
import type { PolicyId } from '../rules/policy/schema.ts';
import { loadPolicy } from '../rules/policy/load.ts';
import { buildAgencyTree } from './agencies.ts';
import { AGENCY_COLUMNS, INCIDENT_COLUMNS, LOGIN_COLUMNS, MAILBOX_COLUMNS, REQUEST_COLUMNS, agencyLines, header, incidentLine, loginLine, mailboxLine, requestLine } from './exportRows.ts';
import { numberIncidents, routineIncidents } from './incidents.ts';
import { buildRegistry, type Mailbox } from './mailboxes.ts';
import { generateMaillogLines } from './maillog.ts';
import { exportFolders } from './exportFolders.ts';
import { runNight, type Login } from './night.ts';
import { planNights } from './nightPlan.ts';
import { drawPeople } from './people.ts';
import { Rng } from './prng.ts';
import { provinceFor } from './province.ts';
import { channelsFor, creationRequests, numberRequests, openRequests, revocationRequests, routineRequests, type RequestContext } from './requests.ts';
import { DAY_MS, addDays, dayStart } from './time.ts';
import { isWorkday } from './workdays.ts';
import { quotaLine, zimbraAccount } from './zimbra.ts';

export interface GenerateOptions {
  profile: PolicyId;
  outDir: string;
  seed: number;
  /** Target number of mailboxes (personal + organisational). */
  mailboxes: number;
  /** Nightly folders, ending on `until`. */
  days: number;
  /** Months of back-filled history before the nights, one folder per calendar month (exportFolders.ts); default 0. */
  months?: number;
  /** The last night (YYYY-MM-DD). */
  until: string;
  /** Share of the realistic mail volume to log (default 1; tests use less to stay fast). */
  mailVolume?: number;
}

/** A text file being written; `FileSink` in Node, a buffer in tests. */
export interface Sink {
  write(text: string): void;
  close(): void;
}

export interface GenerateEffects {
  mkdir(path: string): void;
  open(path: string): Sink;
  progress(message: string): void;
}

export interface NightSummary {
  /** The folder's name: its last day. */
  date: string;
  dir: string;
  /** The days it covers (one for a nightly folder). */
  days: string[];
  /** A nightly folder, or a month of back-filled history. */
  nightly: boolean;
  /** Data lines (without header) per file. */
  rows: Record<string, number>;
}

export interface GenerateSummary {
  profile: PolicyId;
  seed: number;
  agencies: number;
  mailboxes: number;
  nights: NightSummary[];
}

/** How far back requests and incidents go (SPEC task: "spread over the past ~2 years"). */
const HISTORY_DAYS = 730;

/** The earliest day a generated set may cover: the profile's organisation chart (its newest agency rows) in force. */
export function earliestStart(profile: PolicyId): string {
  const p = provinceFor(profile);
  return [p.communesFrom, ...p.mergers.map((m) => m.date), ...p.bodies.map((b) => b.since ?? p.establishedFrom)].sort().at(-1)!;
}

/** The earliest last night a profile's organisation chart allows (its newest agency rows must have started). */
export function earliestUntil(profile: PolicyId): string {
  return addDays(earliestStart(profile), 30);
}

/** Writes the export folders; returns what was written. */
export function generateExports(opts: GenerateOptions, effects: GenerateEffects): GenerateSummary {
  const policy = loadPolicy(opts.profile);
  const province = provinceFor(opts.profile);
  const root = new Rng(`thu-cong-vu/${opts.profile}/${opts.seed}`);
  const folders = exportFolders(opts.until, opts.days, opts.months ?? 0);
  const days = folders.flatMap((f) => f.days);
  const t0 = dayStart(days[0]!);
  const domain = policy.domain.value ?? '';

  effects.progress(`Dựng cơ cấu tổ chức ${province.province} (${opts.profile})…`);
  const tree = buildAgencyTree(province, opts.mailboxes, root.fork('agencies'));
  const newHireDays = days.filter(isWorkday);
  const newHires = newHireDays.length === 0 ? 0 : Math.max(1, Math.round((days.length * opts.mailboxes) / 2500));
  const people = drawPeople(tree.staffHomes, { province, firstNightStart: t0, newHireDays, newHires }, root.fork('people'));
  effects.progress(`Cấp ${people.length.toLocaleString('vi-VN')} hộp thư cá nhân theo quy tắc địa chỉ…`);
  const registry = buildRegistry(tree, people, { policy, firstNightStart: t0 }, root.fork('registry'));

  const ctx: RequestContext = { policy, rng: root.fork('requests'), channels: channelsFor(policy) };
  const windowStart = dayStart(addDays(opts.until, -HISTORY_DAYS));
  const windowEnd = dayStart(opts.until) + DAY_MS;
  const plan = planNights(registry, days, ctx, root.fork('plan'));
  const requests = numberRequests([
    ...creationRequests(ctx, registry, windowStart),
    ...revocationRequests(ctx, registry, windowStart, t0),
    ...routineRequests(ctx, registry, windowStart, windowEnd),
    ...openRequests(ctx, registry, opts.until),
    ...plan.requests,
  ]);
  const incidents = numberIncidents([...routineIncidents(policy, windowStart, windowEnd, root.fork('incidents')), ...plan.incidents]);

  const summary: GenerateSummary = { profile: opts.profile, seed: opts.seed, agencies: tree.units.length, mailboxes: 0, nights: [] };
  let day = 0;
  folders.forEach((folder, i) => {
    const dir = join(opts.outDir, folder.date);
    effects.mkdir(dir);
    const rows: Record<string, number> = {};
    const file = (name: string, head: string | null, lines: Iterable<string>) => {
      const sink = effects.open(join(dir, name));
      let n = 0;
      if (head) sink.write(head);
      for (const line of lines) {
        sink.write(line);
        n++;
      }
      sink.close();
      rows[name] = n;
    };
    // Each day in turn: its events and logins, then its mail log, written while the registry stands as on that day.
    const logins: Login[] = [];
    let mailLines = 0;
    for (const date of folder.days) {
      for (const login of runNight(registry, plan.nights[day++]!, root.fork(`night/${date}`))) logins.push(login);
      const existing = registry.filter((m) => m.createdAt < dayStart(date) + DAY_MS);
      const messages = Math.round(maillogMessages(existing, isWorkday(date), root.fork(`maillog/${date}`)) * (opts.mailVolume ?? 1));
      const name = folder.nightly ? 'maillog' : `maillog-${date.replaceAll('-', '')}`;
      file(name, null, withNewlines(generateMaillogLines({
        date, domain, messages,
        mailboxes: existing.map((m) => ({ address: m.address, active: m.status === 'active', weight: mailWeight(m) })),
        seed: root.fork(`maillog-seed/${date}`).nextUint32(),
        timestamps: province.region === 'north' ? 'rfc3339' : 'classic',
      })));
      mailLines += rows[name]!;
    }
    const end = dayStart(folder.date) + DAY_MS;
    const existing = registry.filter((m) => m.createdAt < end);
    file('agencies.csv', header(AGENCY_COLUMNS), tree.units.flatMap(agencyLines));
    if (i === 0) {
      file('zimbra-accounts.txt', null, lazyMap(existing, (m) => zimbraAccount(m, `mail.${domain}`)));
      file('quota.txt', null, lazyMap(existing, quotaLine));
    } else {
      file('mailboxes.csv', header(MAILBOX_COLUMNS), lazyMap(existing, mailboxLine));
    }
    file('logins.csv', header(LOGIN_COLUMNS), lazyMap(logins, loginLine));
    file('requests.csv', header(REQUEST_COLUMNS), lazyMap(requests.filter((r) => r.receivedAt < end), (r) => requestLine(r, end)));
    file('incidents.csv', header(INCIDENT_COLUMNS), incidents.filter((x) => x.occurredAt < end).map((x) => incidentLine(x, end)));
    summary.nights.push({ date: folder.date, dir, days: folder.days, nightly: folder.nightly, rows });
    summary.mailboxes = existing.length;
    const what = `${existing.length.toLocaleString('vi-VN')} hộp thư, ${logins.length.toLocaleString('vi-VN')} lượt đăng nhập, ${mailLines.toLocaleString('vi-VN')} dòng nhật ký thư`;
    const where = folder.nightly ? `Đêm ${folder.date}` : `Tháng ${folder.date.slice(5, 7)}/${folder.date.slice(0, 4)} (${folder.days[0]} → ${folder.date})`;
    effects.progress(`${where}: ${what}`);
  });
  return summary;
}

/** Formats rows one at a time as they are written (no second copy of a 50,000-row file in memory). */
function* lazyMap<T>(items: readonly T[], format: (item: T) => string): Generator<string> {
  for (const item of items) yield format(item);
}

function* withNewlines(lines: Iterable<string>): Generator<string> {
  for (const line of lines) yield line + '\n';
}

/** How much mail a mailbox sends and receives, relative to others. */
function mailWeight(m: Mailbox): number {
  const base = { daily: 1, weekly: 0.4, rare: 0.1, dormant: 0.02 }[m.usage];
  return m.kind === 'co-quan' ? base * 2 : base;
}

/** About 10 accepted messages per active mailbox on a working day (8–15 in practice), a tenth of that otherwise. */
function maillogMessages(existing: readonly Mailbox[], workday: boolean, rng: Rng): number {
  const active = existing.filter((m) => m.status === 'active').length;
  return Math.round(active * (workday ? 10 : 1.2) * rng.real(0.9, 1.1));
}
