import { describe, expect, it } from 'vitest';
import { parseTable, sniffSeparator } from '../../src/inputs/readTable.ts';

describe('sniffSeparator: from the header line', () => {
  it.each([
    ['code,name,abbr', ','],
    ['code;name;abbr', ';'],
    ['code\tname\tabbr', '\t'],
    ['"a,b";c;d', ';'],
    ['single', ','],
  ])('%j → %j', (line, sep) => {
    expect(sniffSeparator(line)).toBe(sep);
  });
});

describe('parseTable', () => {
  it('keeps physical line numbers across CRLF, blank lines and embedded newlines', () => {
    const t = parseTable('id,note\r\nA,"dòng 1\r\ndòng 2"\r\n\r\nB,"có ""ngoặc"" kép, và dấu phẩy"\r\nC,cuối');
    expect(t.headerLine).toBe(1);
    expect(t.records).toEqual([
      { line: 2, fields: ['A', 'dòng 1\r\ndòng 2'] },
      { line: 5, fields: ['B', 'có "ngoặc" kép, và dấu phẩy'] },
      { line: 6, fields: ['C', 'cuối'] },
    ]);
    expect(t.garbled).toEqual([]);
  });

  it('reads Excel\'s sep=; line and semicolon fields', () => {
    const t = parseTable('sep=;\ncode;name\nSTTTT;"Sở TT; TT"\n');
    expect(t.separator).toBe(';');
    expect(t.header).toEqual(['code', 'name']);
    expect(t.headerLine).toBe(2);
    expect(t.records).toEqual([{ line: 3, fields: ['STTTT', 'Sở TT; TT'] }]);
  });

  it('reads tab-separated text with lone CR line ends', () => {
    const t = parseTable('a\tb\rx\ty\r');
    expect(t.separator).toBe('\t');
    expect(t.records).toEqual([{ line: 2, fields: ['x', 'y'] }]);
  });

  it('an unclosed quote spoils only its own line; parsing resumes on the next', () => {
    const t = parseTable('id,name\n1,"Nguyễn Văn An\n2,Trần Thị Lan\n3,Lò Văn Pản\n');
    expect(t.garbled).toEqual([{ line: 2, text: '1,"Nguyễn Văn An', reason: 'dấu ngoặc kép mở ở dòng 2 không được đóng' }]);
    expect(t.records).toEqual([
      { line: 3, fields: ['2', 'Trần Thị Lan'] },
      { line: 4, fields: ['3', 'Lò Văn Pản'] },
    ]);
  });

  it('a quote closed lines later on a malformed record spoils only its first line', () => {
    const t = parseTable('id,name\n1,"Nguyễn Văn An\n2,Trần Thị Lan\n3,"Lò Văn Pản"\n4,Thạch Sô Phal\n');
    expect(t.garbled).toEqual([{ line: 2, text: '1,"Nguyễn Văn An', reason: 'dấu ngoặc kép mở ở dòng 2 không được đóng đúng chỗ' }]);
    expect(t.records).toEqual([
      { line: 3, fields: ['2', 'Trần Thị Lan'] },
      { line: 4, fields: ['3', 'Lò Văn Pản'] },
      { line: 5, fields: ['4', 'Thạch Sô Phal'] },
    ]);
  });

  it('a short last line is a record (the validator reports its field count), not a quote problem', () => {
    const t = parseTable('id,name,kind\n1,An\n');
    expect(t.garbled).toEqual([]);
    expect(t.records).toEqual([{ line: 2, fields: ['1', 'An'] }]);
  });

  it('flags text after a closing quote', () => {
    const t = parseTable('id,name\n1,"Nguyễn"Văn\n2,An\n');
    expect(t.garbled).toEqual([{ line: 2, text: '1,"Nguyễn"Văn', reason: 'dấu ngoặc kép đặt sai chỗ (có ký tự sau dấu ngoặc đóng)' }]);
    expect(t.records).toEqual([{ line: 3, fields: ['2', 'An'] }]);
  });

  it('an empty text has no header', () => {
    expect(parseTable('\n\n').headerLine).toBe(0);
  });

  it('keeps empty trailing fields', () => {
    expect(parseTable('a,b,c\n1,,\n').records).toEqual([{ line: 2, fields: ['1', '', ''] }]);
  });
});
