import { describe, expect, it } from 'vitest';
import {
  formatChange,
  formatDate,
  formatDateTime,
  formatMonth,
  formatNumber,
  formatPercent,
  sortVi,
} from '../../src/text/format.ts';

describe.each([
  [1234.5, 1, '1.234,5'],
  [1234567, 0, '1.234.567'],
  [0.25, 2, '0,25'],
  [12.345, 1, '12,3'],
  [null, 1, '—'],
  [Number.NaN, 1, '—'],
])('formatNumber(%s, %s)', (value, digits, expected) => {
  it(`is ${expected}`, () => expect(formatNumber(value, digits)).toBe(expected));
});

describe('percent, change, dates', () => {
  it('formats shares as Vietnamese percentages', () => {
    expect(formatPercent(0.8754)).toBe('87,5%');
    expect(formatPercent(null)).toBe('—');
  });
  it('signs changes with plus and a true minus', () => {
    expect(formatChange(1234)).toBe('+1.234');
    expect(formatChange(-12.5)).toBe('\u221212,5');
    expect(formatChange(0)).toBe('0');
  });
  it('writes dates as dd/mm/yyyy without shifting the day', () => {
    expect(formatDate('2025-01-31')).toBe('31/01/2025');
    expect(formatDate(null)).toBe('—');
    expect(formatMonth('2025-07')).toBe('07/2025');
  });
  it('writes instants in Asia/Ho_Chi_Minh', () => {
    // 2026-11-20T18:30:00Z is 01:30 on 21/11 in Hanoi time.
    expect(formatDateTime(Date.UTC(2026, 10, 20, 18, 30))).toBe('21/11/2026 01:30');
  });
});

describe('sortVi', () => {
  it('orders by the Vietnamese alphabet', () => {
    const names = ['Uyên', 'Đức', 'Ánh', 'Dũng', 'Ư', 'An', 'Bình', 'Ơn', 'Ô', 'O'];
    expect(sortVi(names, (s) => s)).toEqual(['An', 'Ánh', 'Bình', 'Dũng', 'Đức', 'O', 'Ô', 'Ơn', 'Uyên', 'Ư']);
  });
  it('orders numbers inside names numerically', () => {
    expect(sortVi(['Phường 10', 'Phường 2', 'Phường 1'], (s) => s)).toEqual(['Phường 1', 'Phường 2', 'Phường 10']);
  });
});
