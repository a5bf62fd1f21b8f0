import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { savedQuestions, SAVED_QUESTIONS } from '../../src/site/islands/explore/questions.ts';
import { CHART_MAX_ROWS, chartSpec, displayCell, resultCsv, toResult, type ArrowLike } from '../../src/site/islands/explore/result.ts';

/** An Arrow-like table: Utf8 (5), Int (2), Date (8), Bool (6), Timestamp (10). */
function arrow(rows: Record<string, unknown>[]): ArrowLike {
  return {
    schema: {
      fields: [
        { name: 'ten', type: { typeId: 5 } }, { name: 'so', type: { typeId: 2 } }, { name: 'ngay', type: { typeId: 8 } },
        { name: 'co', type: { typeId: 6 } }, { name: 'luc', type: { typeId: 10 } },
      ],
    },
    toArray: () => rows.map((r) => ({ toJSON: () => r })),
  };
}

const ms = Date.UTC(2026, 10, 20, 1, 30); // 2026-11-20 08:30 in Asia/Ho_Chi_Minh
const sample = toResult(arrow([
  { ten: 'Sở A', so: 1234n, ngay: Date.UTC(2026, 10, 20), co: true, luc: ms },
  { ten: '=HYPERLINK("http://x")', so: null, ngay: null, co: false, luc: null },
]));

describe('toResult', () => {
  it('turns Arrow values into numbers, ISO dates, booleans and epoch milliseconds', () => {
    expect(sample.columns.map((c) => c.kind)).toEqual(['text', 'number', 'date', 'boolean', 'timestamp']);
    expect(sample.rows[0]).toEqual(['Sở A', 1234, '2026-11-20', true, ms]);
    expect(sample.rows[1]).toEqual(['=HYPERLINK("http://x")', null, null, false, null]);
  });
});

describe('displayCell', () => {
  it('formats Vietnamese numbers and dates, có/không, and — for null', () => {
    expect(displayCell(1234.5, 'number', 'có', 'không')).toBe('1.234,5');
    expect(displayCell('2026-11-20', 'date', 'có', 'không')).toBe('20/11/2026');
    expect(displayCell(false, 'boolean', 'có', 'không')).toBe('không');
    expect(displayCell(null, 'text', 'có', 'không')).toBe('—');
  });
});

describe('resultCsv', () => {
  it('starts with a BOM, has the column names and neutralises formulas', () => {
    const csv = resultCsv(sample);
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const rows = Papa.parse<string[]>(csv.slice(1), { skipEmptyLines: true }).data;
    expect(rows[0]).toEqual(['ten', 'so', 'ngay', 'co', 'luc']);
    expect(rows[1]).toEqual(['Sở A', '1234', '2026-11-20', 'true', '2026-11-20T01:30:00.000Z']);
    expect(rows[2]![0]).toBe(`'=HYPERLINK("http://x")`);
  });
});

describe('chartSpec', () => {
  it('charts numeric columns against the first text column', () => {
    expect(chartSpec(sample, 'có', 'không')).toEqual({ labels: ['Sở A', '=HYPERLINK("http://x")'], series: [{ label: 'so', values: [1234, null] }] });
  });
  it('draws nothing without a numeric column or with too many rows', () => {
    expect(chartSpec({ columns: [{ name: 'a', kind: 'text' }], rows: [['x']] }, 'có', 'không')).toBeNull();
    const many = { columns: [{ name: 'n', kind: 'number' as const }], rows: Array.from({ length: CHART_MAX_ROWS + 1 }, (_, i) => [i]) };
    expect(chartSpec(many, 'có', 'không')).toBeNull();
  });
});

describe('savedQuestions', () => {
  it('fills the profile window into titles and SQL and leaves no placeholder', () => {
    const qs = savedQuestions(45, 0.9);
    expect(qs).toHaveLength(SAVED_QUESTIONS.length);
    expect(qs[0]!.title).toContain('45 ngày');
    expect(qs.every((q) => !/\{(n|p|share)\}/.test(q.sql + q.title))).toBe(true);
    expect(() => savedQuestions(0, 0.9)).toThrow();
    expect(() => savedQuestions(30, 1.5)).toThrow();
  });

  it("takes the quota warning level from the profile (quotaWarningShare), as the quota findings do", () => {
    const near = (share: number | null) => savedQuestions(30, share).find((q) => q.id === 'hop-thu-gan-day-dung-luong');
    expect(near(0.9)!.title).toBe('Hộp thư đã dùng từ 90% dung lượng trở lên');
    expect(near(0.9)!.sql).toContain('used_mb >= 0.9 * quota_mb');
    expect(near(0.85)!.title).toContain('85%');
    expect(near(null)).toBeUndefined(); // a profile without a warning level: no question claiming one
  });
});
