import { describe, expect, it } from 'vitest';
import { headerKey, mapHeader } from '../../src/inputs/header.ts';
import { mailboxesSpec } from '../../src/inputs/mailboxes.ts';

describe('header names are case-, space-, underscore- and accent-insensitive', () => {
  it.each([
    ['agency_code', 'agencycode'],
    ['Agency Code', 'agencycode'],
    ['\ufeffAGENCY-CODE', 'agencycode'],
    ['Mã cơ quan', 'macoquan'],
    ['Ngày sinh', 'ngaysinh'],
  ])('%j → %j', (name, key) => {
    expect(headerKey(name)).toBe(key);
  });

  it('maps canonical names and aliases, reports missing, extra and repeated columns', () => {
    const map = mapHeader(['Address', 'Loại', 'Display Name', 'Mã cơ quan', 'Trạng thái', 'Ghi chú', 'address', 'CCCD'], mailboxesSpec.columns);
    expect(Object.fromEntries(map.positions)).toEqual({ address: 0, kind: 1, display_name: 2, agency_code: 3, status: 4, id_number: 7 });
    expect(map.missingRequired).toEqual([]);
    expect(map.extra).toEqual(['Ghi chú']);
    expect(map.repeated).toEqual(['address']);
    // birth_date is personal: never asked for, so never warned about.
    expect(map.missingOptional).not.toContain('birth_date');
    expect(map.missingOptional).toContain('quota_mb');
  });

  it('lists every missing required column', () => {
    expect(mapHeader(['address', 'display_name'], mailboxesSpec.columns).missingRequired).toEqual(['kind', 'agency_code', 'status']);
  });
});
