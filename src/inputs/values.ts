/**
 * Parsers for single cell values of the exports (SPEC §3, §3.6), each returning the normalised value or a Vietnamese
 * message. Dates: ISO 8601 or dd/mm/yyyy (with an optional time); a time without a zone is Asia/Ho_Chi_Minh (+07:00,
 * no daylight saving). Pure: no I/O.
 */
import { foldVietnamese } from '../text/fold.ts';
import { UTC_OFFSET_MINUTES } from '../text/time.ts';

export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };
export type Parser<T> = (raw: string) => Parsed<T>;

const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const fail = (message: string): Parsed<never> => ({ ok: false, message });


export const parseText: Parser<string> = (raw) => ok(raw);

/** An identifier (agency code, request id): no spaces inside. */
export const parseCode: Parser<string> = (raw) =>
  /^[\p{L}\p{N}._/-]+$/u.test(raw) ? ok(raw) : fail(`mã "${raw}" không hợp lệ (chỉ gồm chữ, số và . _ - /)`);

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function validDate(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  const leap = m === 2 && (y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0));
  return d <= DAYS_IN_MONTH[m - 1]! + (leap ? 1 : 0);
}

const ISO_DATE = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;
const VN_DATE = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/;
const DATE_HINT = '(định dạng yyyy-mm-dd hoặc dd/mm/yyyy)';

function splitDate(raw: string): [number, number, number] | null {
  const iso = ISO_DATE.exec(raw);
  if (iso) return [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  const vn = VN_DATE.exec(raw);
  if (vn) return [Number(vn[3]), Number(vn[2]), Number(vn[1])];
  return null;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** A calendar date → "YYYY-MM-DD". */
export const parseDate: Parser<string> = (raw) => {
  const parts = splitDate(raw);
  if (!parts || !validDate(...parts)) return fail(`ngày không hợp lệ "${raw}" ${DATE_HINT}`);
  const [y, m, d] = parts;
  if (y < 1900 || y > 2100) return fail(`năm ${y} ngoài khoảng hợp lệ (1900–2100) trong "${raw}"`);
  return ok(`${y}-${pad(m)}-${pad(d)}`);
};

const TIME = /^(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?$/;
const ZONE = /(Z|[+-]\d{2}(?::?\d{2})?)$/i;
const DATETIME_HINT = '(định dạng ISO 8601 hoặc dd/mm/yyyy hh:mm[:ss])';

/**
 * A point in time → ISO 8601 UTC string ("2026-11-20T01:15:01.000Z"). Accepts a date alone (midnight), a date with
 * a time separated by `T` or a space, an optional zone (`Z`, `+07:00`, `+0700`); no zone means +07:00.
 */
export const parseDateTime: Parser<string> = (raw) => fastIsoDateTime(raw) ?? parseDateTimeGeneral(raw);

/** The common machine-written form "2026-11-20T08:15:01[.123][+07:00]", parsed with one regex (ingest hot path). */
const ISO_DATETIME = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:?\d{2})?$/;

function fastIsoDateTime(raw: string): Parsed<string> | null {
  const m = ISO_DATETIME.exec(raw);
  if (!m) return null;
  const y = +m[1]!;
  const mo = +m[2]!;
  const d = +m[3]!;
  const h = +m[4]!;
  const mi = +m[5]!;
  const s = m[6] === undefined ? 0 : +m[6];
  if (y < 1900 || y > 2100 || h > 23 || mi > 59 || s > 59 || !validDate(y, mo, d)) return null;
  const ms = m[7] === undefined ? 0 : +m[7].padEnd(3, '0').slice(0, 3);
  const zone = m[8];
  let offsetMin = UTC_OFFSET_MINUTES;
  if (zone === 'Z') offsetMin = 0;
  else if (zone !== undefined) {
    const sign = zone.charCodeAt(0) === 45 ? -1 : 1;
    offsetMin = sign * (+zone.slice(1, 3) * 60 + +zone.slice(-2));
  }
  return ok(new Date(Date.UTC(y, mo - 1, d, h, mi, s, ms) - offsetMin * 60_000).toISOString());
}

function parseDateTimeGeneral(raw: string): Parsed<string> {
  let rest = raw.trim();
  let offsetMin = UTC_OFFSET_MINUTES;
  const zone = ZONE.exec(rest);
  if (zone && /[T ]\d/.test(rest.slice(0, zone.index))) {
    const z = zone[1]!.toUpperCase();
    if (z === 'Z') offsetMin = 0;
    else {
      const digits = z.slice(1).replace(':', '');
      offsetMin = (z[0] === '-' ? -1 : 1) * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2) || 0));
    }
    rest = rest.slice(0, zone.index).trim();
  }
  const [datePart, timePart, extra] = rest.split(/[T ]+/);
  if (extra !== undefined || datePart === undefined) return fail(`thời điểm không hợp lệ "${raw}" ${DATETIME_HINT}`);
  const parts = splitDate(datePart);
  if (!parts || !validDate(...parts)) return fail(`thời điểm không hợp lệ "${raw}" ${DATETIME_HINT}`);
  const [y, m, d] = parts;
  if (y < 1900 || y > 2100) return fail(`năm ${y} ngoài khoảng hợp lệ (1900–2100) trong "${raw}"`);
  let h = 0;
  let min = 0;
  let s = 0;
  let ms = 0;
  if (timePart !== undefined) {
    const t = TIME.exec(timePart);
    if (!t) return fail(`giờ không hợp lệ trong "${raw}" ${DATETIME_HINT}`);
    [h, min, s] = [Number(t[1]), Number(t[2]), Number(t[3] ?? 0)];
    ms = Number((t[4] ?? '').padEnd(3, '0').slice(0, 3));
    if (h > 23 || min > 59 || s > 59) return fail(`giờ không hợp lệ trong "${raw}" ${DATETIME_HINT}`);
  }
  const utc = Date.UTC(y, m - 1, d, h, min, s, ms) - offsetMin * 60_000;
  return ok(new Date(utc).toISOString());
}

const TRUE_WORDS = new Set(['true', '1', 'co', 'yes', 'y', 'x', 'dung']);
const FALSE_WORDS = new Set(['false', '0', 'khong', 'no', 'n', 'sai']);

/** TRUE/FALSE, 1/0, có/không (accent- and case-insensitive). */
export const parseBoolean: Parser<boolean> = (raw) => {
  const folded = foldVietnamese(raw);
  if (TRUE_WORDS.has(folded)) return ok(true);
  if (FALSE_WORDS.has(folded)) return ok(false);
  return fail(`giá trị đúng/sai không hợp lệ "${raw}" (chấp nhận TRUE/FALSE, 1/0, có/không)`);
};

/** A non-negative whole number; spaces and `.` thousands separators are tolerated ("1.234"). */
export const parseCount: Parser<number> = (raw) => {
  const compact = raw.replace(/[\s\u00a0]/g, '');
  if (!/^\d{1,3}(\.\d{3})+$|^\d+$/.test(compact)) return fail(`số nguyên không âm không hợp lệ "${raw}"`);
  return ok(Number(compact.replace(/\./g, '')));
};

/** A non-negative decimal number; `,` is accepted as the decimal mark ("1,5" = 1.5). */
export const parseAmount: Parser<number> = (raw) => {
  const compact = raw.replace(/[\s\u00a0]/g, '');
  if (!/^\d+([.,]\d+)?$/.test(compact)) return fail(`số không hợp lệ "${raw}" (số không âm, ví dụ 2048 hoặc 1,5)`);
  return ok(Number(compact.replace(',', '.')));
};

/** Folds an enum spelling: "Cá nhân", "CA_NHAN", "ca nhan" → "ca-nhan". */
export function foldEnum(raw: string): string {
  return foldVietnamese(raw).replace(/[\s_]+/g, '-');
}

/** One of `values`, compared after `foldEnum`; `synonyms` maps other folded spellings ("hoat-dong") to a value. */
export function parseEnum<T extends string>(values: readonly T[], synonyms: Readonly<Record<string, T>> = {}): Parser<T> {
  return (raw) => {
    const folded = foldEnum(raw);
    const hit = values.find((v) => v === folded) ?? synonyms[folded];
    return hit ? ok(hit) : fail(`giá trị "${raw}" không hợp lệ (chấp nhận: ${values.join(', ')})`);
  };
}

const ADDRESS = /^[a-z0-9](?:[a-z0-9._%+'-]*[a-z0-9_-])?@[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)+$/;

/** An e-mail address, lowercased. */
export const parseAddress: Parser<string> = (raw) => {
  const value = raw.replace(/^<|>$/g, '').trim().toLowerCase();
  return ADDRESS.test(value) ? ok(value) : fail(`địa chỉ thư không hợp lệ "${raw}"`);
};

/** A `;`- (or `,`-) separated list of e-mail addresses (forwarding targets). */
export const parseAddressList: Parser<string[]> = (raw) => {
  const out: string[] = [];
  for (const part of raw.split(/[;,\s]+/).filter((p) => p.length > 0)) {
    const one = parseAddress(part);
    if (!one.ok) return fail(`địa chỉ chuyển tiếp không hợp lệ "${part}"`);
    if (!out.includes(one.value)) out.push(one.value);
  }
  return ok(out);
};

/** An IPv4 or IPv6 address. */
export const parseIp: Parser<string> = (raw) => {
  const v4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(raw);
  if (v4 && v4.slice(1).every((o) => Number(o) <= 255)) return ok(raw);
  if (!v4 && /^[0-9a-f:.]+$/i.test(raw) && raw.includes(':')) return ok(raw.toLowerCase());
  return fail(`địa chỉ IP không hợp lệ "${raw}"`);
};

/** A Vietnamese date for messages: "2026-11-20" → "20/11/2026". */
export function vnDate(iso: string): string {
  const [y, m, d] = iso.slice(0, 10).split('-');
  return `${d}/${m}/${y}`;
}
