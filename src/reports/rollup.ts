/**
 * The agencies a printed annex lists (pure): every unit rolled up into the agency at the top of its tree (a phòng, ban
 * or đơn vị sự nghiệp into its Sở, a xã into its huyện), grouped by that agency's ranking group in a fixed order. The
 * full per-unit detail stays in the CSV/XLSX (issue 15: the report to UBND gives each agency, not every unit).
 */
import { labelOf, RANKING_GROUP_LABELS } from '../text/labels.ts';
import { sumFigures, type AgencyFigures, type AgencyReportRow } from './model.ts';

export interface ReportUnit {
  code: string;
  name: string;
  group: string;
  note: string | null;
  /** Its own row and the rows of every unit under it. */
  members: AgencyReportRow[];
  figures: AgencyFigures;
}

export interface UnitGroup {
  group: string;
  /** "Sở, ban, ngành"; "Chưa xác định cơ quan" for codes missing from the agency list. */
  label: string;
  units: ReportUnit[];
  figures: AgencyFigures;
}

/** The agency at the top of `row`'s tree among the period's rows (itself when its parent is not one of them). */
function topOf(row: AgencyReportRow, byCode: ReadonlyMap<string, AgencyReportRow>): AgencyReportRow {
  let top = row;
  const seen = new Set<string>([row.code]);
  while (top.parent && byCode.has(top.parent) && !seen.has(top.parent)) {
    seen.add(top.parent);
    top = byCode.get(top.parent)!;
  }
  return top;
}

const GROUP_ORDER = Object.keys(RANKING_GROUP_LABELS);

/** The label of a ranking group ('' = codes missing from the agency list). */
export function groupLabel(group: string): string {
  return group === '' ? 'Chưa xác định cơ quan' : labelOf(RANKING_GROUP_LABELS, group);
}

function groupRank(group: string): number {
  if (group === '') return Number.MAX_SAFE_INTEGER;
  const i = GROUP_ORDER.indexOf(group);
  return i >= 0 ? i : GROUP_ORDER.length;
}

/** The order groups are printed in: the dictionary's order of kinds, then other groups by code, then ''. */
export function compareGroups(a: string, b: string): number {
  return groupRank(a) - groupRank(b) || a.localeCompare(b);
}

/** The rows rolled up into their top agencies, grouped (fixed group order; agencies in the agency list's code order). */
export function rollUp(rows: readonly AgencyReportRow[]): UnitGroup[] {
  const byCode = new Map(rows.filter((r) => r.existed !== null).map((r) => [r.code, r]));
  const units = new Map<string, ReportUnit>();
  for (const row of rows) {
    const top = row.existed === null ? row : topOf(row, byCode);
    const key = row.existed === null ? `?${row.code}` : top.code;
    let unit = units.get(key);
    if (!unit) {
      unit = { code: top.code, name: top.name, group: top.existed === null ? '' : top.group, note: top.note, members: [], figures: sumFigures([]) };
      units.set(key, unit);
    }
    unit.members.push(row);
  }
  const groups = new Map<string, ReportUnit[]>();
  for (const u of units.values()) {
    u.figures = sumFigures(u.members);
    groups.set(u.group, [...(groups.get(u.group) ?? []), u]);
  }
  return [...groups]
    .sort(([a], [b]) => compareGroups(a, b))
    .map(([group, list]) => ({
      group,
      label: groupLabel(group),
      units: list.sort((a, b) => a.code.localeCompare(b.code)),
      figures: sumFigures(list.map((u) => u.figures)),
    }));
}

const ROMAN: [number, string][] = [[1000, 'M'], [900, 'CM'], [500, 'D'], [400, 'CD'], [100, 'C'], [90, 'XC'], [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I']];

/** 1 → "I", 4 → "IV", 14 → "XIV" (annexes and groups are numbered in Roman numerals, NĐ 30/2020 Phụ lục I). */
export function roman(n: number): string {
  let out = '';
  for (const [v, s] of ROMAN) while (n >= v) ((out += s), (n -= v));
  return out;
}
