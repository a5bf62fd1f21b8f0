import { describe, expect, it } from 'vitest';
import type { DirectoryAgencyInfo, DirectoryEntry } from '../../src/directory/entry.ts';
import { sortEntries } from '../../src/directory/entry.ts';
import { agencyInitialKeys, nameInitialKeys, searchWords } from '../../src/directory/fold.ts';
import { packIndex, unpackIndex } from '../../src/directory/indexFile.ts';
import { agencySearchText, filterList, narrows, parseQuery, prepareEntries, rankEntry, Rank, searchDirectory } from '../../src/directory/search.ts';

const agencies: DirectoryAgencyInfo[] = [
  { code: 'STTTT', name: 'Sở Thông tin và Truyền thông', abbr: 'sotttt', parentCode: null, phone: '02993822222', address: 'Số 1 Trần Hưng Đạo' },
  { code: 'TRANDE', name: 'Ủy ban nhân dân huyện Trần Đề', abbr: 'tranDe', parentCode: null, phone: null, address: null },
];
const person = (address: string, name: string, agencyCode = 'STTTT', extra: Partial<DirectoryEntry> = {}): DirectoryEntry => ({
  address: `${address}@soctrang.gov.vn`, name, kind: 'ca-nhan', title: 'Chuyên viên', department: 'Văn phòng', agencyCode, ...extra,
});
const entries = sortEntries([
  person('ntbinh', 'Nguyễn Thanh Bình'),
  person('dvdang', 'Đặng Văn Đăng'),
  person('ltdang', 'Lê Thị Đang'),
  person('tthoa', 'Trần Thị Hoà', 'TRANDE'),
  person('lvpom', 'Lò Văn Pọm', 'TRANDE'),
  person('tsophanh', 'Thạch Sô Phanh', 'TRANDE', { title: 'Phó Chủ tịch' }),
  person('ctxuan', 'Cà Thị Xuân', 'TRANDE'),
  person('nvuy', 'Nguyễn Văn Uỷ'),
  person('binhnguyen', 'Bình Nguyên', 'TRANDE'),
  { address: 'sotttt@soctrang.gov.vn', name: 'Sở Thông tin và Truyền thông', kind: 'co-quan', title: null, department: null, agencyCode: 'STTTT' },
]);
const prepared = prepareEntries(unpackIndex(JSON.parse(JSON.stringify(packIndex(entries, agencies)))));
const names = (q: string) => searchDirectory(prepared, q).hits.map((h) => h.name);

describe('folding', () => {
  it.each([
    ['Đặng', ['dang']],
    ['ĐẶNG VĂN ĐĂNG', ['dang', 'van', 'dang']],
    ['Nguyễn', ['nguyen']],
    ['Hoà', ['hoa']],
    ['Hòa', ['hoa']],
    ['uỷ ban', ['uy', 'ban']],
    ['ủy ban', ['uy', 'ban']],
    ['Nguye\u0302\u0303n', ['nguyen']],
    ['ntbinh@soctrang.gov.vn', ['ntbinh', 'soctrang', 'gov', 'vn']],
  ])('%s → %j', (text, words) => expect(searchWords(text)).toEqual(words));

  it('keys a name by its initials, as local parts are made', () => {
    expect(nameInitialKeys('Nguyễn Thanh Bình')).toEqual(['ntbinh', 'ntb']);
    expect(nameInitialKeys('Đặng Văn Đăng')).toEqual(['dvdang', 'dvd']);
    expect(nameInitialKeys('Bình')).toEqual([]);
  });
  it('keys an agency by the initials after its first word, connectives skipped', () => {
    expect(agencyInitialKeys('Sở Thông tin và Truyền thông')).toEqual(['tttt', 'sotttt', 'stttt']);
    expect(agencyInitialKeys('Ủy ban nhân dân xã Hòa Tú 1')).toEqual(['bndxht1', 'uybndxht1', 'ubndxht1']);
  });
});

describe('search', () => {
  it('finds a name typed without accents, with đ as d', () => {
    // "Lê Thị Đang" of the Văn phòng also has every word: the exact name comes first.
    expect(names('dang van dang')).toEqual(['Đặng Văn Đăng', 'Lê Thị Đang']);
    expect(names('nguyen thanh binh')).toEqual(['Nguyễn Thanh Bình']);
  });
  it('treats old and new tone placement alike', () => {
    expect(names('Trần Thị Hòa')).toEqual(['Trần Thị Hoà']);
    // Others match every word through "Văn phòng" and "Ủy ban": the exact name comes first.
    expect(names('nguyễn văn ủy')[0]).toBe('Nguyễn Văn Uỷ');
    expect(names('nguyen van uy')[0]).toBe('Nguyễn Văn Uỷ');
  });
  it('finds Khmer and Thái names', () => {
    expect(names('thach so phanh')).toEqual(['Thạch Sô Phanh']);
    expect(names('lo van pom')).toEqual(['Lò Văn Pọm']);
    expect(names('ca thi xuan')).toEqual(['Cà Thị Xuân']);
  });
  it('finds by partial words, address parts and initials', () => {
    expect(names('ntbinh')[0]).toBe('Nguyễn Thanh Bình');
    expect(names('ntbinh@soctrang.gov.vn')).toEqual(['Nguyễn Thanh Bình']);
    expect(names('nguy thanh')).toEqual(['Nguyễn Thanh Bình']);
    // the agency's own mailbox (sotttt@) first, before the people of the Sở whose agency words also match
    expect(names('so tttt')[0]).toBe('Sở Thông tin và Truyền thông');
    expect(names('pho chu tich')).toEqual(['Thạch Sô Phanh']);
  });
  it('ranks exact matches, then word prefixes, then substrings', () => {
    const q = parseQuery('dang');
    const rank = (name: string) => rankEntry(prepared.find((p) => p.entry.name === name)!, q);
    expect(rank('Đặng Văn Đăng')).toBe(Rank.WordPrefix);
    expect(rank('Lê Thị Đang')).toBe(Rank.WordPrefix);
    expect(rank('Nguyễn Thanh Bình')).toBe(Rank.None);
    expect(names('ltdang')[0]).toBe('Lê Thị Đang');
    // "binh nguyen" is exactly one name and only a word match of another.
    expect(names('binh nguyen')).toEqual(['Bình Nguyên', 'Nguyễn Thanh Bình']);
    // "uyen" is inside "nguyen"/"nguyên" only: substring rank, after nothing better.
    expect(rankEntry(prepared.find((p) => p.entry.name === 'Bình Nguyên')!, parseQuery('uyen'))).toBe(Rank.Substring);
  });
  it('answers nothing for an empty or punctuation-only query and counts all matches', () => {
    expect(searchDirectory(prepared, '  ').total).toBe(0);
    expect(searchDirectory(prepared, '@.').hits).toEqual([]);
    expect(searchDirectory(prepared, 'thi', 1)).toMatchObject({ total: 3, hits: [expect.anything()] });
  });
});

describe('the address a person typed comes first', () => {
  // Six people whose initials key is htxuan: the first got htxuan@, the others htxuan1 … htxuan5 (QĐ 59/2024 Điều 3:
  // duplicates get 1, 2, 3 … after the name). In directory order (by given name, then full name) htxuan@'s owner,
  // Trần Thị Xuân, comes last, so she was listed sixth before the address outranked the initials key.
  const xuans = sortEntries([
    person('htxuan', 'Huỳnh Thị Xuân', 'TRANDE'),
    person('htxuan1', 'Hà Thị Xuân'),
    person('htxuan2', 'Hồ Thị Xuân', 'TRANDE'),
    person('htxuan3', 'Hoàng Thanh Xuân'),
    person('htxuan4', 'Hà Thanh Xuân', 'TRANDE'),
    person('htxuan5', 'Hồ Thu Xuân'),
    person('htxuanh', 'Hồ Thị Xuân Hương'),
    person('lvpom', 'Lò Văn Pọm', 'TRANDE'),
  ]);
  const xs = prepareEntries(unpackIndex(JSON.parse(JSON.stringify(packIndex(xuans, agencies)))));
  const addresses = (q: string) => searchDirectory(xs, q).hits.map((h) => h.address.split('@')[0]);

  const sameKey = xuans.map((e) => e.address.split('@')[0]!).filter((a) => /^htxuan\d?$/.test(a));
  it('has htxuan@ sixth of the six in directory order', () => {
    expect(sameKey.indexOf('htxuan')).toBe(5);
  });
  it.each(['htxuan', 'HTXuan', 'htxuan@', ' htxuan '])('%j lists htxuan@ first, then htxuan1…5 in directory order', (q) => {
    expect(addresses(q)).toEqual(['htxuan', ...sameKey.filter((a) => a !== 'htxuan'), 'htxuanh']);
  });
  it('finds the one mailbox of a whole address', () => {
    expect(addresses('htxuan@soctrang.gov.vn')).toEqual(['htxuan']);
  });
  it('ranks the address, then the initials key, then the name, then word prefixes', () => {
    const rank = (address: string, q: string) => rankEntry(xs.find((p) => p.entry.address.startsWith(`${address}@`))!, parseQuery(q));
    expect(rank('htxuan', 'htxuan')).toBe(Rank.Address);
    expect(rank('htxuan2', 'htxuan2@soctrang.gov.vn')).toBe(Rank.Address);
    expect(rank('htxuan2', 'htxuan')).toBe(Rank.Initials);
    expect(rank('htxuan2', 'ho thi xuan')).toBe(Rank.Name);
    expect(rank('htxuanh', 'htxuan')).toBe(Rank.WordPrefix);
    expect(rank('htxuan2', 'htxua')).toBe(Rank.WordPrefix);
    expect(rank('lvpom', 'htxuan')).toBe(Rank.None);
  });
  it('puts a full address before the people who share its local part as a key', () => {
    expect(addresses('htxuan3@soctrang.gov.vn')).toEqual(['htxuan3']);
    expect(addresses('htxuan3')[0]).toBe('htxuan3');
  });
});

describe('filtering a list of agencies the directory way', () => {
  const list = [
    ['Sở Thông tin và Truyền thông', 'sotttt'],
    ['Phòng Chuyển đổi số - Sở Thông tin và Truyền thông', 'phongcds'],
    ['Sở Nông nghiệp và Phát triển nông thôn', 'sonnptnt'],
    ['Ủy ban nhân dân xã Hòa Tú 1', 'hoatu1'],
    ['Ủy ban nhân dân huyện Trần Đề', 'tranDe'],
    ['Văn phòng UBND tỉnh', 'vpubnd'],
  ].map(([name, abbr]) => agencySearchText(name, abbr));
  it.each([
    ['so tttt', [0]],
    ['Sở TTTT', [0]],
    ['sotttt', [0]],
    ['nong nghiep', [2]],
    ['thong tin', [0, 1]],
    ['hoà tú', [3]],
    ['hoa tu', [3]],
    ['tran de', [4]],
    ['ubnd', [3, 4, 5]],
    ['ubnd tran de', [4]],
    ['ubnd xa', [3]],
    ['uyen', [0, 1, 4]],
    ['ong', [0, 1, 2, 5]],
    ['xyz', []],
    ['nhan dan', [3, 4]],
  ])('%j → %j', (q, expected) => expect(filterList(list, q)).toEqual(expected));
  it('does not filter on an empty query', () => {
    expect(filterList(list, '  ')).toBeNull();
  });
});

describe('narrowing while typing', () => {
  it('narrows only when the new query keeps the old words and lengthens the last', () => {
    expect(narrows('ng', 'nguyen')).toBe(true);
    expect(narrows('nguyen', 'nguyen th')).toBe(true);
    expect(narrows('Nguyễn Th', 'nguyen thanh')).toBe(true);
    expect(narrows('nguyen', 'nguy')).toBe(false);
    expect(narrows('nguyen th', 'nguyen ba')).toBe(false);
    expect(narrows('', 'a')).toBe(false);
    expect(narrows('ntbinh', 'ntbinh@soctrang.gov.vn')).toBe(false);
  });
  it('gives the same answer narrowed as from scratch, for every prefix of each query', () => {
    for (const query of ['nguyen thanh binh', 'dang van dang', 'so tttt', 'thach so phanh', 'tran thi hoa', 'van']) {
      let prev: { q: string; r: ReturnType<typeof searchDirectory> } | null = null;
      for (let n = 1; n <= query.length; n++) {
        const q = query.slice(0, n);
        const within = prev && narrows(prev.q, q) ? prev.r.matches : undefined;
        const r = searchDirectory(prepared, q, 50, within);
        const full = searchDirectory(prepared, q, 50);
        expect(r.hits).toEqual(full.hits);
        expect(r.total).toBe(full.total);
        prev = { q, r };
      }
    }
  });
});

describe('index file', () => {
  it('stores the common domain, titles and departments once and unpacks to the same entries', () => {
    const packed = packIndex(entries, agencies);
    expect(packed.domain).toBe('soctrang.gov.vn');
    expect(packed.titles).toEqual(['', 'Chuyên viên', 'Phó Chủ tịch']);
    const back = unpackIndex(packed);
    expect(back.map((e) => e.address)).toEqual(entries.map((e) => e.address));
    expect(back.find((e) => e.name === 'Lò Văn Pọm')).toMatchObject({ agencyName: 'Ủy ban nhân dân huyện Trần Đề', personal: true });
  });
  it('sorts the Vietnamese way, by given name', () => {
    const order = entries.filter((e) => e.kind === 'ca-nhan').map((e) => e.name);
    expect(order.indexOf('Nguyễn Thanh Bình')).toBeLessThan(order.indexOf('Đặng Văn Đăng'));
    expect(order.indexOf('Lê Thị Đang')).toBeLessThan(order.indexOf('Đặng Văn Đăng'));
  });
});

describe('preparing a whole directory at once', () => {
  it('folds each entry as if it were alone, though repeated texts are folded once', () => {
    // names, titles and departments that repeat, an agency mailbox, a dotted local part, an empty title
    const many = sortEntries([
      ...entries,
      person('nguyen.thanh.binh', 'Nguyễn Thanh Bình', 'TRANDE', { title: 'Phó Chủ tịch', department: 'Văn phòng' }),
      person('ntbinh2', 'Nguyễn Thanh Bình', 'STTTT', { title: null, department: 'Phòng Văn hoá – Thông tin' }),
      person('dvdang2', 'Đặng Văn Đăng', 'TRANDE', { title: 'Chuyên viên', department: 'Phòng Văn hoá – Thông tin' }),
      { address: 'vp.ubnd@soctrang.gov.vn', name: 'Văn phòng Ủy ban nhân dân huyện Trần Đề', kind: 'co-quan', title: null, department: null, agencyCode: 'TRANDE' },
    ]);
    const index = unpackIndex(JSON.parse(JSON.stringify(packIndex(many, agencies))));
    const together = prepareEntries(index);
    const alone = index.map((e) => prepareEntries([e])[0]!);
    const words = (hay: string) => hay.trim().split(/\s+/);
    const keys = (p: (typeof together)[number]) => [words(p.hay), p.name, p.local, p.initials, p.address];
    expect(together.map(keys)).toEqual(alone.map(keys));
    for (const q of ['nguyen thanh binh', 'ntbinh', 'nguyen.thanh', 'pho chu tich', 'van hoa', 'vp', 'dang', 'so tttt', 'ubnd tran de']) {
      const hits = (ps: typeof together) => searchDirectory(ps, q).hits.map((h) => h.address);
      expect(hits(together), q).toEqual(hits(alone));
    }
  });
});
