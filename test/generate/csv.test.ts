import { describe, expect, it } from 'vitest';
import { csvField, csvLine } from '../../src/generate/csv.ts';

describe('csv', () => {
  it.each([
    ['Sở Nội vụ', 'Sở Nội vụ'],
    ['Số 19 Trần Hưng Đạo, Phường 1', '"Số 19 Trần Hưng Đạo, Phường 1"'],
    ['ghi "chú"', '"ghi ""chú"""'],
    ['hai\ndòng', '"hai\ndòng"'],
    [null, ''],
    [2048, '2048'],
  ])('quotes %j only when needed', (value, expected) => {
    expect(csvField(value)).toBe(expected);
  });

  it('ends a line with LF', () => {
    expect(csvLine(['a', 'b,c', undefined])).toBe('a,"b,c",\n');
  });
});
