import { existsSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isLate } from '../../src/rules/calendar/index.ts';
import { loadPolicy } from '../../src/rules/policy/load.ts';
import { fingerprints, generateInto, readCsv } from './support.ts';

// Headers exactly as SPEC §3.1–3.5 list them.
const SPEC_HEADERS: Record<string, string> = {
  'agencies.csv': 'code,name,abbr,parent_code,kind,group,headcount,phone,address,valid_from,valid_to,successor_code',
  'mailboxes.csv':
    'address,kind,display_name,agency_code,department,title,status,created_at,last_login_at,password_changed_at,must_change_password,quota_mb,used_mb,forward_to,phone,id_number,birth_date',
  'logins.csv': 'time,address,protocol,client_ip',
  'requests.csv': 'id,type,agency_code,channel,received_at,completed_at,result,note',
  'incidents.csv': 'id,occurred_at,reported_at,kind,severity,summary',
};
const REQUEST_TYPES = [
  'cap-moi-ca-nhan', 'cap-moi-to-chuc', 'thu-hoi', 'thay-doi-ca-nhan', 'thay-doi-to-chuc', 'khoi-phuc-mat-khau-ca-nhan',
  'khoi-phuc-mat-khau-to-chuc', 'mo-khoa',
];
const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+07:00$/;
const KHMER_FAMILY = ['Thạch', 'Sơn', 'Kim', 'Lâm', 'Danh', 'Lý', 'Trà', 'Chau', 'Châu', 'Kiên'];
const THAI_FAMILY = ['Lò', 'Cầm', 'Quàng', 'Lường', 'Tòng'];
const HMONG_FAMILY = ['Giàng', 'Mùa', 'Vừ', 'Lầu', 'Sùng', 'Thào'];

const NIGHTS = ['2026-11-18', '2026-11-19', '2026-11-20'];
const dirs: string[] = [];
let soctrang: string;
let sonla: string;

beforeAll(() => {
  soctrang = generateInto({ profile: 'soctrang-2024', seed: 7, mailboxes: 900, days: 3, until: '2026-11-20', mailVolume: 0.05 }).dir;
  sonla = generateInto({ profile: 'sonla-2025', seed: 7, mailboxes: 900, days: 2, until: '2026-11-20', mailVolume: 0.05 }).dir;
  dirs.push(soctrang, sonla);
});
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

const night = (dir: string, date: string, file: string) => join(dir, date, file);
const familyOf = (name: string) => name.normalize('NFC').split(' ')[0]!;

describe('generate: determinism (same seed → same bytes)', () => {
  it('writes identical files for the same options and different ones for another seed', () => {
    const again = generateInto({ profile: 'soctrang-2024', seed: 7, mailboxes: 900, days: 3, until: '2026-11-20', mailVolume: 0.05 }).dir;
    const other = generateInto({ profile: 'soctrang-2024', seed: 8, mailboxes: 900, days: 3, until: '2026-11-20', mailVolume: 0.05 }).dir;
    dirs.push(again, other);
    const a = fingerprints(soctrang);
    expect(Object.keys(a)).toHaveLength(3 * 6 + 1);
    expect(fingerprints(again)).toEqual(a);
    const b = fingerprints(other);
    expect(Object.keys(b)).toEqual(Object.keys(a));
    for (const file of ['2026-11-18/zimbra-accounts.txt', '2026-11-20/mailboxes.csv', '2026-11-20/logins.csv', '2026-11-20/maillog']) {
      expect(b[file]).not.toBe(a[file]);
    }
  });
});

describe('generate: determinism with month folders', () => {
  it('writes identical month and night folders for the same options', () => {
    const opts = { profile: 'soctrang-2024' as const, seed: 7, mailboxes: 300, days: 1, months: 1, until: '2026-11-20', mailVolume: 0.02 };
    const a = generateInto(opts).dir;
    const b = generateInto(opts).dir;
    dirs.push(a, b);
    const fa = fingerprints(a);
    expect(Object.keys(fa).filter((f) => f.startsWith('2026-11-19/maillog-'))).toHaveLength(19);
    expect(fingerprints(b)).toEqual(fa);
  });
});

describe('generate: structure (SPEC §3)', () => {
  it('writes one folder per night; the first carries the Zimbra dump instead of mailboxes.csv', () => {
    expect(readdirSync(soctrang).sort()).toEqual(NIGHTS);
    expect(readdirSync(join(soctrang, NIGHTS[0]!)).sort()).toEqual(['agencies.csv', 'incidents.csv', 'logins.csv', 'maillog', 'quota.txt', 'requests.csv', 'zimbra-accounts.txt']);
    expect(readdirSync(join(soctrang, NIGHTS[1]!)).sort()).toEqual(['agencies.csv', 'incidents.csv', 'logins.csv', 'mailboxes.csv', 'maillog', 'requests.csv']);
  });

  it.each(Object.keys(SPEC_HEADERS))('%s has exactly the SPEC header on every night', (file) => {
    for (const dir of [soctrang, sonla]) {
      for (const date of readdirSync(dir)) {
        const path = night(dir, date, file);
        if (file === 'mailboxes.csv' && !existsSync(path)) continue;
        expect(readCsv(path).header).toBe(SPEC_HEADERS[file]);
      }
    }
  });

  it.each(['soctrang', 'sonla'])('%s: every mailbox belongs to a listed agency, addresses are unique and in the domain', (which) => {
    const dir = which === 'soctrang' ? soctrang : sonla;
    const domain = which === 'soctrang' ? '@soctrang.gov.vn' : '@sonla.gov.vn';
    const date = readdirSync(dir).sort().at(-1)!;
    const agencies = readCsv(night(dir, date, 'agencies.csv')).rows;
    const current = new Set(agencies.filter((a) => !a.valid_to).map((a) => a.code));
    const all = new Set(agencies.map((a) => a.code));
    const mailboxes = readCsv(night(dir, date, 'mailboxes.csv')).rows;
    expect(mailboxes.length).toBeGreaterThan(800);
    const addresses = mailboxes.map((m) => m.address!);
    expect(new Set(addresses).size).toBe(addresses.length);
    for (const m of mailboxes) {
      expect(m.address!.endsWith(domain)).toBe(true);
      expect(m.address).toMatch(/^[a-z0-9.]+@[a-z.]+$/);
      expect(all.has(m.agency_code!)).toBe(true);
      // Only the mailbox of a body closed by a merger points at an agency that no longer exists.
      if (m.kind === 'ca-nhan') expect(current.has(m.agency_code!)).toBe(true);
      expect(m.created_at).toMatch(ISO_TIME);
      expect(['active', 'locked', 'closed']).toContain(m.status);
    }
  });

  it('lists the Sở TT&TT → Sở KH&CN merger of 2025-03-01 with its moving phòng (soctrang-2024)', () => {
    const rows = readCsv(night(soctrang, NIGHTS[2]!, 'agencies.csv')).rows;
    const tttt = rows.find((a) => a.name === 'Sở Thông tin và Truyền thông')!;
    const khcn = rows.find((a) => a.name === 'Sở Khoa học và Công nghệ')!;
    expect(tttt).toMatchObject({ abbr: 'sotttt', kind: 'so-nganh', valid_to: '2025-03-01', successor_code: khcn.code });
    const cds = rows.filter((a) => a.name!.startsWith('Phòng Chuyển đổi số'));
    expect(cds).toHaveLength(2);
    expect(cds[0]).toMatchObject({ parent_code: tttt.code, valid_to: '2025-03-01' });
    expect(cds[1]).toMatchObject({ code: cds[0]!.code, parent_code: khcn.code, valid_from: '2025-03-01', valid_to: '' });
    const mailboxes = readCsv(night(soctrang, NIGHTS[2]!, 'mailboxes.csv')).rows;
    expect(mailboxes.find((m) => m.address === 'sotttt@soctrang.gov.vn')).toMatchObject({ kind: 'co-quan', forward_to: 'sokhcn@soctrang.gov.vn' });
  });

  it('has no district level in Sơn La and its 75 communes and wards', () => {
    const rows = readCsv(night(sonla, '2026-11-20', 'agencies.csv')).rows;
    expect(rows.some((a) => a.kind === 'ubnd-huyen')).toBe(false);
    expect(rows.filter((a) => a.kind === 'ubnd-xa')).toHaveLength(75);
    expect(rows.map((a) => a.kind).every((k) => ['so-nganh', 'ubnd-xa', 'phong-ban', 'dvsn'].includes(k!))).toBe(true);
  });

  it('has every request type, open requests, and most requests done within the profile deadline', () => {
    const policy = loadPolicy('soctrang-2024');
    const rows = readCsv(night(soctrang, NIGHTS[2]!, 'requests.csv')).rows;
    expect(new Set(rows.map((r) => r.type))).toEqual(new Set(REQUEST_TYPES));
    expect(rows.some((r) => r.completed_at === '' && r.result === '')).toBe(true);
    const done = rows.filter((r) => r.completed_at);
    for (const r of done) expect(r.completed_at! > r.received_at!).toBe(true);
    const deadline = (type: string) =>
      type.startsWith('khoi-phuc') || type === 'mo-khoa' ? policy.restoreDeadlineWorkingDays.value! : policy.requestDeadlineWorkingDays.value!;
    const late = done.filter((r) => isLate(r.received_at!, r.completed_at!, deadline(r.type!))).length / done.length;
    expect(late).toBeGreaterThan(0.03);
    expect(late).toBeLessThan(0.3);
    expect(new Set(rows.map((r) => r.channel))).toEqual(new Set(['qlvbdh', 'giay', 'thu-dien-tu']));
  });

  it('has incidents, some reported after the 8-hour deadline', () => {
    const rows = readCsv(night(soctrang, NIGHTS[2]!, 'incidents.csv')).rows;
    expect(rows.length).toBeGreaterThanOrEqual(3);
    const hours = rows.map((r) => (Date.parse(r.reported_at!) - Date.parse(r.occurred_at!)) / 3_600_000);
    expect(hours.some((h) => h > 8)).toBe(true);
    expect(hours.some((h) => h <= 8)).toBe(true);
  });

  it('writes the exact logins of the night', () => {
    const mailboxes = new Set(readCsv(night(soctrang, NIGHTS[2]!, 'mailboxes.csv')).rows.map((m) => m.address));
    const rows = readCsv(night(soctrang, NIGHTS[2]!, 'logins.csv')).rows;
    expect(rows.length).toBeGreaterThan(300);
    for (const r of rows) {
      expect(r.time!.startsWith('2026-11-20T')).toBe(true);
      expect(r.time).toMatch(ISO_TIME);
      expect(mailboxes.has(r.address)).toBe(true);
      expect(['imap', 'pop3', 'http', 'activesync']).toContain(r.protocol);
    }
    const keys = rows.map((r) => `${r.time}|${r.address}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('evolves the registry from night to night', () => {
    const before = new Map(readCsv(night(soctrang, NIGHTS[1]!, 'mailboxes.csv')).rows.map((m) => [m.address, m]));
    const after = readCsv(night(soctrang, NIGHTS[2]!, 'mailboxes.csv')).rows;
    const changed = after.filter((m) => JSON.stringify(before.get(m.address!)) !== JSON.stringify(m));
    expect(changed.length).toBeGreaterThan(10);
    // Accounts locked, unlocked, closed or retitled, or created, since the first night's Zimbra dump (every kind of
    // event happens at least once in a run; at a realistic rate, not necessarily on the last night).
    const dump = readFileSync(night(soctrang, NIGHTS[0]!, 'zimbra-accounts.txt'), 'utf8').split('\n\n').filter((a) => a.startsWith('# name '));
    const first = new Map(dump.map((a) => [/^# name (\S+)/.exec(a)![1]!, { status: /^zimbraAccountStatus: (\S+)$/m.exec(a)![1], title: /^title: (.*)$/m.exec(a)?.[1] ?? '' }]));
    const statusOrTitle = after.filter((m) => first.has(m.address!) && (first.get(m.address!)!.status !== m.status || first.get(m.address!)!.title !== m.title));
    const created = after.filter((m) => !first.has(m.address!));
    expect(statusOrTitle.length + created.length).toBeGreaterThan(0);
  });

  it('writes a Postfix log for every night (classic timestamps in Sóc Trăng, RFC 3339 in Sơn La)', () => {
    const classic = readFileSync(night(soctrang, NIGHTS[2]!, 'maillog'), 'utf8').split('\n', 2)[0]!;
    expect(classic).toMatch(/^Nov 20 \d{2}:\d{2}:\d{2} mail postfix\//);
    const iso = readFileSync(night(sonla, '2026-11-20', 'maillog'), 'utf8').split('\n', 2)[0]!;
    expect(iso).toMatch(/^2026-11-20T\d{2}:\d{2}:\d{2}\.\d+\+07:00 mail postfix\//);
  });
});

describe('generate: people', () => {
  it('includes Khmer officials in Sóc Trăng, with multi-syllable given names', () => {
    const rows = readCsv(night(soctrang, NIGHTS[2]!, 'mailboxes.csv')).rows.filter((m) => m.kind === 'ca-nhan');
    const khmer = rows.filter((m) => KHMER_FAMILY.includes(familyOf(m.display_name!)));
    expect(khmer.length / rows.length).toBeGreaterThan(0.05);
    expect(khmer.some((m) => /^(Thạch|Sơn|Kim|Danh|Trà)( Thị)? [A-ZĐ]\S* [A-ZĐ]/u.test(m.display_name!.normalize('NFC')))).toBe(true);
  });

  it('includes Thái and H\'Mông officials in Sơn La', () => {
    const rows = readCsv(night(sonla, '2026-11-20', 'mailboxes.csv')).rows.filter((m) => m.kind === 'ca-nhan');
    expect(rows.filter((m) => THAI_FAMILY.includes(familyOf(m.display_name!))).length / rows.length).toBeGreaterThan(0.15);
    const hmong = rows.filter((m) => HMONG_FAMILY.includes(familyOf(m.display_name!)));
    expect(hmong.length).toBeGreaterThan(20);
    expect(hmong.some((m) => m.display_name!.normalize('NFC').split(' ')[1] === 'A')).toBe(true);
  });

  it('carries phone, CCCD and birth date in the raw CSV (ingest must drop them)', () => {
    const rows = readCsv(night(soctrang, NIGHTS[2]!, 'mailboxes.csv')).rows.filter((m) => m.kind === 'ca-nhan');
    const filled = rows.filter((m) => m.id_number);
    expect(filled.length / rows.length).toBeGreaterThan(0.5);
    for (const m of filled) {
      expect(m.id_number).toMatch(/^\d{12}$/);
      expect(m.birth_date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(m.phone!.replace(/[ .]/g, '')).toMatch(/^0[35789]\d{8}$/);
      // CCCD digits 5–6 are the year of birth.
      expect(m.id_number!.slice(4, 6)).toBe(m.birth_date!.slice(2, 4));
    }
  });

  it('makes some agencies careless: default passwords, stale passwords, idle and externally forwarded mailboxes', () => {
    const rows = readCsv(night(soctrang, NIGHTS[2]!, 'mailboxes.csv')).rows;
    const now = Date.parse('2026-11-21T00:00:00+07:00');
    const days = (t: string) => (now - Date.parse(t)) / 86_400_000;
    const active = rows.filter((m) => m.status === 'active' && m.kind === 'ca-nhan');
    expect(active.filter((m) => m.password_changed_at === m.created_at && days(m.created_at!) > 3).length).toBeGreaterThan(5);
    expect(active.filter((m) => days(m.password_changed_at!) > 183).length).toBeGreaterThan(20);
    expect(active.filter((m) => !m.last_login_at || days(m.last_login_at) > 183).length).toBeGreaterThan(10);
    expect(rows.filter((m) => /@(gmail|yahoo)\.com/.test(m.forward_to!)).length).toBeGreaterThan(5);
    expect(rows.filter((m) => Number(m.used_mb) >= 0.9 * Number(m.quota_mb)).length).toBeGreaterThan(0);
    expect(rows.every((m) => Number(m.quota_mb) === 2048)).toBe(true);
  });
});

describe('generate: Zimbra dump (first night)', () => {
  it('writes zmprov -l gaa -v accounts with every feature ingest must handle', () => {
    const text = readFileSync(night(soctrang, NIGHTS[0]!, 'zimbra-accounts.txt'), 'utf8');
    const accounts = text.split('\n\n').filter((a) => a.trim());
    expect(accounts.every((a) => a.startsWith('# name '))).toBe(true);
    expect(text).toMatch(/^displayName:: [A-Za-z0-9+/]+=*$/m);
    expect(text).toMatch(/^userPassword: \{SSHA512\}/m);
    expect(text).toMatch(/^description: Hộp thư cơ quan$/m);
    expect(text).toMatch(/^zimbraCreateTimestamp: \d{14}Z$/m);
    expect(text).toMatch(/^zimbraCreateTimestamp: \d{14}\.\d{3}Z$/m);
    expect(text).toMatch(/^zimbraPasswordMustChange: (TRUE|FALSE)$/m);
    // A zimbraNotes value spills onto a line without an attribute prefix.
    expect(text).toMatch(/^zimbraNotes: .*\n[^#\n][^:\n]*\n/m);
    // Forwarding repeats the attribute per value.
    expect(accounts.some((a) => (a.match(/^zimbraPrefMailForwardingAddress:/gm) ?? []).length >= 1)).toBe(true);
    const quota = readFileSync(night(soctrang, NIGHTS[0]!, 'quota.txt'), 'utf8').trim().split('\n');
    expect(quota).toHaveLength(accounts.length);
    for (const line of quota) expect(line).toMatch(/^[a-z0-9.]+@soctrang\.gov\.vn \d+ \d+$/);
    // company is the agency's full name as in agencies.csv, so ingest can map it to a code.
    const names = new Set(readCsv(night(soctrang, NIGHTS[0]!, 'agencies.csv')).rows.map((a) => a.name));
    for (const m of text.matchAll(/^company: (.*)$/gm)) expect(names.has(m[1]!)).toBe(true);
  });
});

// Two units with one abbreviation (003 Điều 3 khoản 1 điểm b: the centre settles it) are numbered on their own part,
// so the parent's suffix stays: xatt2.huyentt, never xatt.huyentt2 (which breaks the sub-locality template).
describe('generate: abbreviation clashes keep the parent’s suffix', () => {
  it('soctrang-2014: clashing communes are numbered before the dot, and no suffix carries a number', () => {
    const dir = generateInto({ profile: 'soctrang-2014', seed: 3, mailboxes: 600, days: 2, until: '2026-11-20', mailVolume: 0.01 }).dir;
    dirs.push(dir);
    const org = readCsv(night(dir, '2026-11-20', 'mailboxes.csv')).rows.filter((r) => r.kind === 'co-quan').map((r) => r.address!.split('@')[0]!);
    expect(org.filter((local) => /\d/.test(local.split('.').slice(1).join('.')))).toEqual([]);
    expect(org).toEqual(expect.arrayContaining(['xatt.huyentt', 'xatt2.huyentt', 'xatt3.huyentt']));
  });
});
