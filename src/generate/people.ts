/**
 * The officials of the synthetic province: one person per personal mailbox, with name, department, title, the date
 * the mailbox was created and the personal details of the request form (Mẫu 01: mobile phone, CCCD, birth date —
 * SPEC §3.2 personal data that ingest must drop). Pure.
 */
import type { Unit } from './agencies.ts';
import { NameDrawer, type PersonName } from './names/person.ts';
import { Rng, Weighted } from './prng.ts';
import type { ProvinceSpec } from './province.ts';
import { DAY_MS, HOUR_MS, dayStart, localDate } from './time.ts';
import { workdayOnOrAfter } from './workdays.ts';

/** 0 head of the agency, 1 deputy, 2 head of a phòng, 3 deputy head of a phòng, 4 staff. */
export type Rank = 0 | 1 | 2 | 3 | 4;

export interface Person {
  name: PersonName;
  home: Unit;
  department: string;
  title: string;
  rank: Rank;
  createdAt: number;
  /** For a body formed by a merger: the merged body the person came from (their address keeps its abbreviation). */
  cameFrom: Unit | null;
  /** Mẫu 01 details; empty strings when the form did not carry them. */
  phone: string;
  idNumber: string;
  birthDate: string;
}

type Pool = Weighted<string>;
const pool = (entries: [string, number][]): Pool => new Weighted(entries);
const GENERAL = pool([['Chuyên viên', 55], ['Chuyên viên chính', 15], ['Nhân viên', 8], ['Cán sự', 4]]);
const OFFICE = pool([['Kế toán', 10], ['Văn thư', 8], ['Lưu trữ viên', 2], ['Chuyên viên', 30], ['Nhân viên', 10]]);
const INSPECTION = pool([['Thanh tra viên', 50], ['Thanh tra viên chính', 15], ['Chuyên viên', 20]]);
const SCHOOL = pool([['Giáo viên', 80], ['Kế toán', 3], ['Văn thư', 3], ['Nhân viên', 6]]);
const HOSPITAL = pool([['Bác sĩ', 30], ['Điều dưỡng', 40], ['Y sĩ', 10], ['Dược sĩ', 5], ['Kế toán', 3], ['Nhân viên', 6]]);
const CENTRE = pool([['Viên chức', 50], ['Kỹ sư', 10], ['Chuyên viên', 20], ['Kế toán', 5], ['Văn thư', 4], ['Nhân viên', 10]]);
const COMMUNE = pool([
  ['Công chức Văn phòng - Thống kê', 15], ['Công chức Tài chính - Kế toán', 15], ['Công chức Tư pháp - Hộ tịch', 15],
  ['Công chức Địa chính - Xây dựng', 15], ['Công chức Văn hóa - Xã hội', 15], ['Chỉ huy trưởng Ban Chỉ huy Quân sự', 5],
  ['Văn thư', 5], ['Nhân viên', 8],
]);

function staffPool(home: Unit, department: string): Pool {
  if (home.role === 'unit') {
    if (home.shortName.startsWith('Trường')) return SCHOOL;
    if (home.shortName.startsWith('Bệnh viện') || home.shortName.includes('bệnh tật')) return HOSPITAL;
    return CENTRE;
  }
  if (home.role === 'commune' && department === '') return COMMUNE;
  if (department.startsWith('Văn phòng')) return OFFICE;
  if (department.startsWith('Thanh tra')) return INSPECTION;
  return GENERAL;
}

function leadersDepartment(home: Unit): string {
  if (home.role === 'body') return home.leaders.head === 'Giám đốc' ? 'Ban Giám đốc' : 'Lãnh đạo';
  if (home.role === 'district' || (home.role === 'commune' && home.departments.length > 0)) return 'Lãnh đạo UBND';
  return '';
}

interface Slot {
  department: string;
  title: string;
  rank: Rank;
}

/** The positions of one agency: its leaders, each phòng's head and deputy, then staff spread over the phòng. */
function positions(home: Unit, rng: Rng): Slot[] {
  const n = home.personalCount;
  const slots: Slot[] = [];
  if (n === 0) return slots;
  const lead = leadersDepartment(home);
  slots.push({ department: lead, title: home.leaders.head, rank: 0 });
  const deputies = Math.min(4, Math.max(1, Math.round(n / 35)));
  for (let i = 0; i < deputies && slots.length < n; i++) slots.push({ department: lead, title: home.leaders.deputy, rank: 1 });
  const departments = home.departments.filter((d) => d.validTo === null);
  const weights = departments.map(() => rng.real(0.6, 1.6));
  const total = weights.reduce((s, w) => s + w, 0);
  const remaining = n - slots.length;
  departments.forEach((d, i) => {
    const size = Math.round((remaining * weights[i]!) / total);
    const leaders = d.leaders;
    for (let k = 0; k < size && slots.length < n; k++) {
      const rank: Rank = k === 0 ? 2 : k === 1 && size >= 4 ? 3 : 4;
      const title = rank === 2 ? leaders.head : rank === 3 ? leaders.deputy : staffPool(home, d.shortName).sample(rng);
      slots.push({ department: d.shortName, title, rank });
    }
  });
  while (slots.length < n) {
    const d = departments.length > 0 ? rng.pick(departments).shortName : '';
    slots.push({ department: d, title: staffPool(home, d).sample(rng), rank: 4 });
  }
  return slots;
}

const MOBILE_PREFIXES = ['090', '091', '093', '094', '096', '097', '098', '032', '033', '034', '035', '036', '037', '038', '039', '070', '076', '077', '078', '079', '081', '082', '083', '084', '085', '086', '088', '089'];

/** A Vietnamese mobile number as people write it on forms: mostly plain, sometimes grouped. */
function mobile(rng: Rng): string {
  const digits = rng.pick(MOBILE_PREFIXES) + String(rng.int(0, 9_999_999)).padStart(7, '0');
  const style = rng.next();
  if (style < 0.85) return digits;
  if (style < 0.95) return `${digits.slice(0, 4)} ${digits.slice(4, 7)} ${digits.slice(7)}`;
  return `${digits.slice(0, 4)}.${digits.slice(4, 7)}.${digits.slice(7)}`;
}

/** A 12-digit CCCD: province of birth (3), century-and-sex (1), year of birth (2), serial (6). */
export function cccd(rng: Rng, province: string, birthYear: number, female: boolean): string {
  const century = (birthYear >= 2000 ? 2 : 0) + (female ? 1 : 0);
  return `${province}${century}${String(birthYear % 100).padStart(2, '0')}${String(rng.int(0, 999_999)).padStart(6, '0')}`;
}

/** A working-hours instant on `date`, or on the next working day when `date` is a weekend or holiday. */
export function workingInstant(rng: Rng, date: string): number {
  return dayStart(workdayOnOrAfter(date)) + 7.5 * HOUR_MS + Math.floor(rng.next() * 9 * HOUR_MS);
}

export interface PeopleOptions {
  province: ProvinceSpec;
  /** Start of the first exported night (epoch ms): everyone else's mailbox exists before it. */
  firstNightStart: number;
  /** Working days among the exported nights: the few new mailboxes of the run are created on them. */
  newHireDays: string[];
  /** How many mailboxes are created during the exported nights. */
  newHires: number;
}

/** Draws every person of every staff home, deterministic for `rng`. Order: by home, leaders first. */
export function drawPeople(homes: readonly Unit[], opts: PeopleOptions, rng: Rng): Person[] {
  const names = new NameDrawer(opts.province.region);
  const people: Person[] = [];
  const t0 = opts.firstNightStart;
  for (const home of homes) {
    const r = rng.fork(home.code);
    const onboardingStart = Math.min(dayStart(home.onboarding), t0 - 30 * DAY_MS);
    const predecessorStaff = home.predecessors.reduce((s, p) => s + p.unit.baseStaff, 0);
    for (const slot of positions(home, r)) {
      let created: number;
      // The agency's first batch (a few days), then hires at about 6 % of the staff a year (at most half in all).
      if (slot.rank <= 1) created = onboardingStart + r.next() * 3 * DAY_MS;
      else if (!r.chance(Math.min(0.5, (0.06 * (t0 - onboardingStart)) / (365 * DAY_MS)))) created = onboardingStart + r.int(0, 2) * DAY_MS;
      else created = onboardingStart + r.next() * (t0 - DAY_MS - onboardingStart);
      created = Math.min(workingInstant(r, localDate(created)), t0 - DAY_MS);
      let cameFrom: Unit | null = null;
      const firstMerger = home.predecessors[0];
      if (firstMerger && created < dayStart(firstMerger.date) && r.chance(predecessorStaff / home.baseStaff)) {
        cameFrom = new Weighted(home.predecessors.map((p) => [p.unit, p.unit.baseStaff] as const)).sample(r);
      }
      const name = names.draw(r, home.mix);
      const ageYears = slot.rank <= 1 ? r.int(44, 58) : r.int(23, 58);
      const birthMs = t0 - ageYears * 365.25 * DAY_MS - r.next() * 365 * DAY_MS;
      const birthDate = localDate(birthMs);
      const formFilled = r.chance(created < Date.parse('2024-01-01T00:00:00+07:00') ? 0.6 : 0.95);
      const birthProvince = r.chance(0.8) ? opts.province.cccdProvince : r.pick(opts.province.cccdOthers);
      people.push({
        name, home, department: slot.department, title: slot.title, rank: slot.rank, createdAt: created, cameFrom,
        phone: formFilled ? mobile(r) : '',
        idNumber: formFilled ? cccd(r, birthProvince, Number(birthDate.slice(0, 4)), name.gender === 'nu') : '',
        birthDate: formFilled ? birthDate : '',
      });
    }
  }
  markNewHires(people, opts, rng.fork('new-hires'));
  return people;
}

/** Moves the creation of a few staff (never leaders) into the exported nights: the registry gains mailboxes. */
function markNewHires(people: Person[], opts: PeopleOptions, rng: Rng): void {
  const staff = people.filter((p) => p.rank === 4);
  if (staff.length === 0 || opts.newHireDays.length === 0) return;
  for (const p of rng.shuffle(staff).slice(0, opts.newHires)) {
    p.createdAt = workingInstant(rng, rng.pick(opts.newHireDays));
    p.cameFrom = null;
  }
}
