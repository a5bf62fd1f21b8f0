import { describe, expect, it } from 'vitest';
import { parsePeriod, previousPeriod } from '../../src/rules/period.ts';

describe('parsePeriod', () => {
  it.each([
    ['2025', 'year', '2025-01-01', '2025-12-31', 'năm 2025'],
    ['2025-H1', 'half-year', '2025-01-01', '2025-06-30', '6 tháng đầu năm 2025'],
    ['2025-h2', 'half-year', '2025-07-01', '2025-12-31', '6 tháng cuối năm 2025'],
    ['2024-02-01..2024-02-29', 'ad-hoc', '2024-02-01', '2024-02-29', 'từ 01/02/2024 đến 29/02/2024'],
  ])('%s', (text, kind, from, to, label) => {
    expect(parsePeriod(text)).toMatchObject({ kind, from, to, label });
  });
  it.each(['2025-H3', '2025-02-30..2025-03-01', '2025-03-01..2025-02-01', 'năm ngoái'])('rejects %s', (text) => {
    expect(() => parsePeriod(text)).toThrow(/kỳ/);
  });
  it('previous periods', () => {
    expect(previousPeriod(parsePeriod('2025')).id).toBe('2024');
    expect(previousPeriod(parsePeriod('2025-H1')).id).toBe('2024-H2');
    expect(previousPeriod(parsePeriod('2025-H2')).id).toBe('2025-H1');
    expect(previousPeriod(parsePeriod('2025-03-01..2025-03-31')).id).toBe('2025-01-29..2025-02-28');
  });
});
