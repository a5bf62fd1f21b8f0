/**
 * Report and scoring periods (SPEC §2): `2025` (year), `2025-H1` / `2025-H2` (half year), or
 * `2025-01-01..2025-03-31` (ad hoc, báo cáo đột xuất). Dates are calendar days in Asia/Ho_Chi_Minh.
 */
export interface Period {
  /** The text as given, normalised (e.g. "2025-H1"). */
  id: string;
  kind: 'year' | 'half-year' | 'ad-hoc';
  /** First day, inclusive (YYYY-MM-DD). */
  from: string;
  /** Last day, inclusive (YYYY-MM-DD). */
  to: string;
  /** Vietnamese label: "năm 2025", "6 tháng đầu năm 2025", "từ 01/01/2025 đến 31/03/2025". */
  label: string;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function validIsoDate(s: string): boolean {
  const m = ISO_DATE.exec(s);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === s;
}

/** dd/mm/yyyy from YYYY-MM-DD. */
export function viDate(iso: string): string {
  return `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
}

/** Parses a PERIOD argument; throws an Error with a Vietnamese message when it is not one of the three forms. */
export function parsePeriod(text: string): Period {
  const t = text.trim();
  const year = /^(\d{4})$/.exec(t);
  if (year) {
    return { id: t, kind: 'year', from: `${t}-01-01`, to: `${t}-12-31`, label: `năm ${t}` };
  }
  const half = /^(\d{4})-H([12])$/i.exec(t);
  if (half) {
    const y = half[1]!;
    const first = half[2] === '1';
    return {
      id: `${y}-H${half[2]}`,
      kind: 'half-year',
      from: first ? `${y}-01-01` : `${y}-07-01`,
      to: first ? `${y}-06-30` : `${y}-12-31`,
      label: first ? `6 tháng đầu năm ${y}` : `6 tháng cuối năm ${y}`,
    };
  }
  const range = /^(\d{4}-\d{2}-\d{2})\.\.(\d{4}-\d{2}-\d{2})$/.exec(t);
  if (range) {
    const [, from, to] = range as unknown as [string, string, string];
    if (!validIsoDate(from) || !validIsoDate(to)) throw new Error(`kỳ "${text}" có ngày không tồn tại`);
    if (from > to) throw new Error(`kỳ "${text}": ngày bắt đầu sau ngày kết thúc`);
    return { id: t, kind: 'ad-hoc', from, to, label: `từ ${viDate(from)} đến ${viDate(to)}` };
  }
  throw new Error(`kỳ "${text}" không hợp lệ: dùng 2025 (năm), 2025-H1 (6 tháng) hoặc 2025-01-01..2025-03-31 (đột xuất)`);
}

/** The period of the same kind and length just before `p` (for period-over-period change). */
export function previousPeriod(p: Period): Period {
  if (p.kind === 'year') return parsePeriod(String(Number(p.id) - 1));
  if (p.kind === 'half-year') {
    const y = Number(p.id.slice(0, 4));
    return parsePeriod(p.id.endsWith('H2') ? `${y}-H1` : `${y - 1}-H2`);
  }
  const day = 86_400_000;
  const from = Date.parse(`${p.from}T00:00:00Z`);
  const to = Date.parse(`${p.to}T00:00:00Z`);
  const len = (to - from) / day + 1;
  const prevTo = new Date(from - day).toISOString().slice(0, 10);
  const prevFrom = new Date(from - len * day).toISOString().slice(0, 10);
  return parsePeriod(`${prevFrom}..${prevTo}`);
}
