/**
 * The synthetic province's agency tree (SPEC §3.1): provincial bodies with their phòng and đơn vị sự nghiệp,
 * districts with their phòng and communes (three-level Sóc Trăng) or communes directly under the province
 * (two-level Sơn La), and the history of 2025 mergers. Each unit carries what the rest of the generator needs:
 * a registry abbreviation (from `abbreviateOrgName` of the address rules), its own mailbox's template, staff size
 * scaled to the requested number of mailboxes, a discipline factor and an ethnic mix. Pure.
 */
import { abbreviateOrgName, type OrgParts, type OrgTemplate } from '../rules/address.ts';
import type { CommuneSpec, DistrictSpec, Leadership, MergerSpec, ProvincialBodySpec, UnitSpec } from './geography/types.ts';
import { SONLA_COMMUNE_DEPARTMENTS, SONLA_HMONG_COMMUNES, SONLA_WARD_DEPARTMENTS } from './geography/sonla.ts';
import { SOCTRANG_DISTRICT_DEPARTMENTS, SOCTRANG_DISTRICT_UNITS, SOCTRANG_RURAL_DEPARTMENTS, SOCTRANG_URBAN_DEPARTMENTS } from './geography/soctrang.ts';
import type { EthnicMix } from './names/person.ts';
import { Rng } from './prng.ts';
import type { ProvinceSpec } from './province.ts';
import { addDays, daysBetween } from './time.ts';

export type AgencyKind = 'so-nganh' | 'ubnd-huyen' | 'ubnd-xa' | 'phong-ban' | 'dvsn' | 'dang-doan-the' | 'trung-uong';
export type UnitRole = 'body' | 'district' | 'commune' | 'department' | 'unit';

/** One organisational unit of the synthetic province. Units with `role` department hold no staff of their own:
 * their people are counted in the parent's headcount and carry the phòng in `department` (SPEC §3.2). */
export interface Unit {
  index: number;
  code: string;
  /** Unique full name ("Phòng Chuyển đổi số - Sở Khoa học và Công nghệ", "UBND xã Thạnh Phú, huyện Mỹ Xuyên"). */
  name: string;
  /** Name within the parent ("Phòng Chuyển đổi số"): the `department` of its people. */
  shortName: string;
  kind: AgencyKind;
  role: UnitRole;
  parent: Unit | null;
  abbr: string;
  /** How its own mailbox is formed (null for an agency without one). */
  mailboxTemplate: { template: OrgTemplate; parts: OrgParts } | null;
  leaders: Leadership;
  /** "huyện", "xã", "phường" … for titles such as "Chủ tịch UBND xã". */
  localityType: string | null;
  baseStaff: number;
  headcount: number | null;
  /** Personal mailboxes this unit's staff hold (headcount × coverage). */
  personalCount: number;
  departments: Unit[];
  discipline: number;
  mix: EthnicMix;
  /** Date mailboxes of this unit started to be created. */
  onboarding: string;
  validFrom: string;
  validTo: string | null;
  successor: Unit | null;
  /** Bodies merged into this one, with the date. */
  predecessors: { unit: Unit; date: string }[];
  /** A department that moved from a merged body: the parent and name it had until `movedOn`. */
  moved: { formerParent: Unit; movedOn: string } | null;
  phone: string;
  officeAddress: string;
}

export interface AgencyTree {
  units: Unit[];
  /** Units that hold staff (bodies, districts, communes, đơn vị sự nghiệp), live at the export dates. */
  staffHomes: Unit[];
}

interface Builder {
  province: ProvinceSpec;
  rng: Rng;
  units: Unit[];
}

function dateBetween(rng: Rng, from: string, to: string): string {
  return addDays(from, rng.int(0, Math.max(0, daysBetween(from, to))));
}

function makeUnit(b: Builder, init: Partial<Unit> & Pick<Unit, 'code' | 'name' | 'shortName' | 'kind' | 'role' | 'abbr' | 'leaders'>): Unit {
  const rng = b.rng.fork(init.code);
  const parent = init.parent ?? null;
  const unit: Unit = {
    index: b.units.length,
    parent,
    mailboxTemplate: null,
    localityType: null,
    baseStaff: 0,
    headcount: null,
    personalCount: 0,
    departments: [],
    discipline: parent ? Math.min(1, Math.max(0, parent.discipline + rng.real(-0.12, 0.12))) : rng.around(0.62, 0.95),
    mix: parent?.mix ?? {},
    onboarding: parent?.onboarding ?? b.province.establishedFrom,
    validFrom: parent?.validFrom ?? b.province.establishedFrom,
    validTo: null,
    successor: null,
    predecessors: [],
    moved: null,
    phone: parent?.phone ?? officePhone(rng, b.province),
    officeAddress: parent?.officeAddress ?? '',
    ...init,
  };
  b.units.push(unit);
  return unit;
}

function officePhone(rng: Rng, province: ProvinceSpec): string {
  return `${province.areaCode} 3${rng.int(610, 899)} ${rng.int(100, 999)}`;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');
const staffOf = (rng: Rng, range: readonly [number, number]) => rng.int(range[0], range[1]);

/** "xã Thạnh Phú", "Phường 1", "thị trấn Mỹ Xuyên". */
export function communeLabel(c: CommuneSpec): string {
  return c.type === 'phường' && /^\d+$/.test(c.name) ? `Phường ${c.name}` : `${c.type} ${c.name}`;
}
const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

function addDepartments(b: Builder, parent: Unit, names: readonly string[], fullName: (short: string) => string, local: boolean, template: OrgTemplate): void {
  names.forEach((short, i) => {
    const abbr = abbreviateOrgName(short, local ? b.province.naming.localDepartment : b.province.naming.department);
    const dept = makeUnit(b, { code: `${parent.code}.P${pad(i + 1)}`, name: fullName(short), shortName: short, kind: 'phong-ban', role: 'department', abbr, parent, leaders: departmentLeaders(short) });
    dept.mailboxTemplate = { template, parts: { dept: abbr, abbr: parent.abbr } };
    parent.departments.push(dept);
  });
}

function addUnits(b: Builder, parent: Unit, specs: readonly UnitSpec[], fullName: (name: string) => string, local: boolean, template: OrgTemplate): void {
  specs.forEach((spec, i) => {
    const abbr = abbreviateOrgName(spec.name, local ? b.province.naming.localDepartment : b.province.naming.department);
    const unit = makeUnit(b, { code: `${parent.code}.U${pad(i + 1)}`, name: fullName(spec.name), shortName: spec.name, kind: 'dvsn', role: 'unit', abbr, parent, leaders: spec.leaders });
    unit.baseStaff = staffOf(b.rng.fork(unit.code), spec.staff);
    unit.mailboxTemplate = { template, parts: { dept: abbr, abbr: parent.abbr } };
  });
}

/** Titles of a phòng's head and deputy by its type word (Văn phòng → Chánh Văn phòng …). */
export function departmentLeaders(short: string): Leadership {
  if (short.startsWith('Văn phòng')) return { head: 'Chánh Văn phòng', deputy: 'Phó Chánh Văn phòng' };
  if (short.startsWith('Thanh tra')) return { head: 'Chánh Thanh tra', deputy: 'Phó Chánh Thanh tra' };
  if (short.startsWith('Ban')) return { head: 'Trưởng ban', deputy: 'Phó Trưởng ban' };
  if (short.startsWith('Chi cục')) return { head: 'Chi cục trưởng', deputy: 'Phó Chi cục trưởng' };
  if (short.startsWith('Trung tâm')) return { head: 'Giám đốc', deputy: 'Phó Giám đốc' };
  return { head: 'Trưởng phòng', deputy: 'Phó Trưởng phòng' };
}

function addBody(b: Builder, spec: ProvincialBodySpec, number: number): Unit {
  const rng = b.rng.fork(`body-${number}`);
  const code = `${b.province.codePrefix}.${pad(number)}`;
  const body = makeUnit(b, {
    code, name: spec.name, shortName: spec.name, kind: spec.kind, role: 'body', abbr: spec.abbr ?? abbreviateOrgName(spec.name), leaders: spec.leaders,
    validFrom: spec.since ?? b.province.establishedFrom,
    onboarding: dateBetween(rng, '2011-01-01', '2016-12-31'),
    mix: bodyMix(b.province),
    officeAddress: `Số ${rng.int(1, 120)} đường ${rng.pick(b.province.streets)}, ${b.province.region === 'south' ? `Phường ${rng.int(1, 10)}, thành phố Sóc Trăng` : 'phường Tô Hiệu'}, tỉnh ${b.province.province}`,
  });
  body.baseStaff = staffOf(rng, spec.staff);
  body.mailboxTemplate = { template: 'agency', parts: { abbr: body.abbr } };
  addDepartments(b, body, spec.departments, (short) => `${short} - ${spec.name}`, false, 'department');
  addUnits(b, body, spec.units ?? [], (name) => name, false, 'department');
  return body;
}

function bodyMix(p: ProvinceSpec): EthnicMix {
  return p.region === 'south' ? { kinh: 0.9, khmer: 0.08, highland: 0.004 } : { kinh: 0.6, thai: 0.28, hmong: 0.06, muong: 0.05, highland: 0.003 };
}

function addDistrict(b: Builder, spec: DistrictSpec, number: number): void {
  const rng = b.rng.fork(`district-${number}`);
  const label = `${spec.type} ${spec.name}`;
  const naming = b.province.naming;
  const abbr = Object.keys(naming.district).length > 0 && spec.abbr ? spec.abbr : abbreviateOrgName(capitalise(label), naming.district);
  const centre = spec.communes[0]!;
  const district = makeUnit(b, {
    code: `${b.province.codePrefix}.H${pad(number)}`, name: `UBND ${label}`, shortName: `UBND ${label}`, kind: 'ubnd-huyen', role: 'district', abbr,
    leaders: { head: `Chủ tịch UBND ${spec.type}`, deputy: `Phó Chủ tịch UBND ${spec.type}` }, localityType: spec.type,
    onboarding: dateBetween(rng, '2012-01-01', '2018-12-31'),
    mix: { kinh: 1 - spec.khmerShare, khmer: spec.khmerShare, highland: 0.002 },
    officeAddress: `${rng.pick(b.province.hamlets)}, ${communeLabel(centre)}, ${label}, tỉnh ${b.province.province}`,
  });
  district.baseStaff = rng.int(60, 150);
  district.mailboxTemplate = { template: 'locality', parts: { abbr } };
  const departments = [...SOCTRANG_DISTRICT_DEPARTMENTS, ...(spec.type === 'huyện' ? SOCTRANG_RURAL_DEPARTMENTS : SOCTRANG_URBAN_DEPARTMENTS)];
  addDepartments(b, district, departments, (short) => `${short} ${label}`, true, 'localityDepartment');
  addUnits(b, district, SOCTRANG_DISTRICT_UNITS, (name) => `${name} ${label}`, true, 'localityDepartment');
  spec.communes.forEach((c, i) => {
    const crng = rng.fork(`commune-${i}`);
    const sub = abbreviateOrgName(capitalise(communeLabel(c)), naming.commune);
    const khmer = Math.min(0.45, spec.khmerShare * crng.real(0.6, 1.5));
    const commune = makeUnit(b, {
      code: `${district.code}.X${pad(i + 1)}`, name: `UBND ${communeLabel(c)}, ${label}`, shortName: `UBND ${communeLabel(c)}`, kind: 'ubnd-xa', role: 'commune',
      abbr: `${sub}.${abbr}`, parent: district, leaders: { head: `Chủ tịch UBND ${c.type}`, deputy: `Phó Chủ tịch UBND ${c.type}` }, localityType: c.type,
      onboarding: dateBetween(crng, '2014-01-01', '2020-12-31'), mix: { kinh: 1 - khmer, khmer, highland: 0.002 },
      officeAddress: `${crng.pick(b.province.hamlets)}, ${communeLabel(c)}, ${label}, tỉnh ${b.province.province}`,
      phone: officePhone(crng, b.province),
    });
    commune.baseStaff = crng.int(20, 40);
    commune.mailboxTemplate = { template: 'subLocality', parts: { sub, abbr } };
  });
}

function addTwoLevelCommune(b: Builder, c: CommuneSpec, number: number): void {
  const rng = b.rng.fork(`commune-${number}`);
  const label = communeLabel(c);
  const abbr = abbreviateOrgName(capitalise(label), b.province.naming.commune);
  const hmong = SONLA_HMONG_COMMUNES.has(c.name);
  const commune = makeUnit(b, {
    code: `${b.province.codePrefix}.X${pad(number)}`, name: `UBND ${label}`, shortName: `UBND ${label}`, kind: 'ubnd-xa', role: 'commune', abbr,
    leaders: { head: `Chủ tịch UBND ${c.type}`, deputy: `Phó Chủ tịch UBND ${c.type}` }, localityType: c.type,
    validFrom: b.province.communesFrom, onboarding: dateBetween(rng, b.province.communesFrom, addDays(b.province.communesFrom, 10)),
    mix: hmong ? { hmong: 0.45, thai: 0.3, kinh: 0.2, muong: 0.05 } : { thai: 0.55, kinh: 0.25, hmong: 0.12, muong: 0.08 },
    officeAddress: `${rng.pick(b.province.hamlets)}, ${label}, tỉnh ${b.province.province}`,
  });
  commune.baseStaff = rng.int(20, 40);
  commune.mailboxTemplate = { template: 'locality', parts: { name: capitalise(label) } };
  const departments = c.type === 'phường' ? SONLA_WARD_DEPARTMENTS : SONLA_COMMUNE_DEPARTMENTS;
  addDepartments(b, commune, departments, (short) => `${short} ${label}`, true, 'localityDepartment');
}

function applyMerger(b: Builder, merger: MergerSpec, number: number, bodies: Map<string, Unit>): void {
  const successor = bodies.get(merger.successorName);
  if (!successor) throw new Error(`merger successor "${merger.successorName}" is not in the organisation chart`);
  const old = addBody(b, merger.predecessor, number);
  old.validTo = merger.date;
  old.successor = successor;
  successor.predecessors.push({ unit: old, date: merger.date });
  successor.baseStaff += old.baseStaff;
  successor.onboarding = old.onboarding < successor.onboarding ? old.onboarding : successor.onboarding;
  for (const child of b.units.filter((u) => u.parent === old)) {
    // A phòng the successor already has (Văn phòng, Thanh tra) merges into it; the others move across.
    const same = successor.departments.find((d) => d.shortName === child.shortName);
    if (!merger.departmentsMove || same) {
      child.validTo = merger.date;
      child.successor = same ?? null;
      continue;
    }
    child.moved = { formerParent: old, movedOn: merger.date };
    child.parent = successor;
    child.name = child.role === 'department' ? `${child.shortName} - ${successor.name}` : child.name;
    if (child.role === 'department') successor.departments.push(child);
  }
  old.departments = [];
}

/** Scales staff so that personal + organisational mailboxes ≈ `targetMailboxes` at ~85–95 % coverage. */
function scaleStaff(b: Builder, targetMailboxes: number, homes: Unit[]): void {
  const orgMailboxes = b.units.filter((u) => u.mailboxTemplate !== null && u.validTo === null).length;
  const coverage = (u: Unit) => Math.min(1.03, 0.8 + 0.2 * u.discipline);
  const weight = homes.reduce((s, u) => s + u.baseStaff * coverage(u), 0);
  const factor = Math.max(0, targetMailboxes - orgMailboxes) / weight;
  for (const u of homes) {
    u.headcount = Math.max(1, Math.round(u.baseStaff * factor));
    u.personalCount = Math.round(u.headcount * coverage(u));
  }
  // Merged bodies keep the headcount they had, for last year's reports.
  for (const u of b.units.filter((x) => x.validTo !== null && x.role !== 'department')) {
    u.headcount = Math.max(1, Math.round(u.baseStaff * factor));
  }
}

/** Builds the agency tree of a province for about `targetMailboxes` mailboxes. Deterministic for `rng`. */
export function buildAgencyTree(province: ProvinceSpec, targetMailboxes: number, rng: Rng): AgencyTree {
  const b: Builder = { province, rng, units: [] };
  const bodies = new Map<string, Unit>();
  province.bodies.forEach((spec, i) => bodies.set(spec.name, addBody(b, spec, i + 1)));
  province.mergers.forEach((m, i) => applyMerger(b, m, province.bodies.length + i + 1, bodies));
  province.districts.forEach((d, i) => addDistrict(b, d, i + 1));
  province.communes.forEach((c, i) => addTwoLevelCommune(b, c, i + 1));
  const homes = b.units.filter((u) => u.role !== 'department' && u.validTo === null);
  scaleStaff(b, targetMailboxes, homes);
  const names = new Set<string>();
  for (const u of b.units) {
    if (names.has(u.name)) throw new Error(`duplicate agency name "${u.name}"`);
    names.add(u.name);
  }
  return { units: b.units, staffHomes: homes };
}
