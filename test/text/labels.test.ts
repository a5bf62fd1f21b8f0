// The one dictionary of labels (src/text/labels.ts): every code the profiles, the rules, the input schemas, the
// generator and the warehouse define has a Vietnamese label there, and the helpers turn codes, free text, citations
// and method versions into what a reader sees. A new code without a label fails here.
import { describe, expect, it } from 'vitest';
import { GENERATED_INCIDENT_KINDS, INCIDENT_SEVERITIES } from '../../src/generate/incidents.ts';
import { AGENCY_KINDS } from '../../src/inputs/agencies.ts';
import { MAILBOX_KINDS, MAILBOX_STATUSES } from '../../src/inputs/mailboxes.ts';
import { REQUEST_CHANNELS, REQUEST_TYPES } from '../../src/inputs/requests.ts';
import { SCORING_METHOD_REVISION, methodVersion } from '../../src/rules/compliance/scoring.ts';
import { allRules, RULE_IDS, SEVERITY_LABEL } from '../../src/rules/compliance/rules.ts';
import { loadPolicy } from '../../src/rules/policy/load.ts';
import { POLICY_IDS, type Citation } from '../../src/rules/policy/schema.ts';
import { schemaSql } from '../../src/warehouse/open.ts';
import {
  AGENCY_KIND_LABELS, citeDocument, freeTextLabel, humanise, INCIDENT_KIND_LABELS, INCIDENT_SEVERITY_LABELS, labelOf, MAILBOX_KIND_LABELS,
  MAILBOX_STATUS_LABELS, methodLabel, RANKING_GROUP_LABELS, RANKING_METHOD_LABELS, REQUEST_CHANNEL_LABELS, REQUEST_TYPE_LABELS, RULE_LABELS,
  SCORING_REVISION_LABELS, SEVERITY_LABELS, SOURCE_DOCUMENTS, TABLE_LABELS,
} from '../../src/text/labels.ts';

/** Every citation object anywhere in a profile. */
function citations(node: unknown, out: Citation[] = []): Citation[] {
  if (Array.isArray(node)) for (const x of node) citations(x, out);
  else if (node && typeof node === 'object') {
    const o = node as Record<string, unknown>;
    if (typeof o.file === 'string' && typeof o.basis === 'string') out.push(o as unknown as Citation);
    else for (const v of Object.values(o)) citations(v, out);
  }
  return out;
}

const missing = (codes: readonly string[], table: Readonly<Record<string, string>>) => codes.filter((c) => !(c in table));

describe('every code has a label', () => {
  it.each([
    ['agency kinds (agencies.csv kind)', AGENCY_KINDS, AGENCY_KIND_LABELS],
    ['agency kinds as ranking groups', AGENCY_KINDS, RANKING_GROUP_LABELS],
    ['mailbox kinds', MAILBOX_KINDS, MAILBOX_KIND_LABELS],
    ['mailbox statuses', MAILBOX_STATUSES, MAILBOX_STATUS_LABELS],
    ['request types', REQUEST_TYPES, REQUEST_TYPE_LABELS],
    ['request channels', REQUEST_CHANNELS, REQUEST_CHANNEL_LABELS],
    ['compliance rules', RULE_IDS, RULE_LABELS],
    ['incident kinds the generator writes', GENERATED_INCIDENT_KINDS, INCIDENT_KIND_LABELS],
    ['incident severities the generator writes', INCIDENT_SEVERITIES, INCIDENT_SEVERITY_LABELS],
  ] as const)('%s', (_what, codes, table) => {
    expect(missing(codes, table)).toEqual([]);
  });

  it('finding severities, and each rule shows its dictionary title', () => {
    expect(SEVERITY_LABEL).toBe(SEVERITY_LABELS);
    for (const r of allRules()) expect(r.title).toBe(RULE_LABELS[r.id]);
  });

  it.each(POLICY_IDS)('profile %s: its method version and every document it cites', (id) => {
    const policy = loadPolicy(id);
    expect(RANKING_METHOD_LABELS[policy.ranking.methodVersion], policy.ranking.methodVersion).toBeDefined();
    expect(methodLabel(methodVersion(policy))).not.toMatch(/tcv|pp\d|\+/);
    const files = [...new Set(citations(policy).map((c) => c.file))];
    expect(files.length).toBeGreaterThan(0);
    expect(missing(files, Object.fromEntries(Object.entries(SOURCE_DOCUMENTS).map(([k, v]) => [k, v.name])))).toEqual([]);
  });

  it('the scoring revision in force', () => {
    expect(SCORING_REVISION_LABELS[SCORING_METHOD_REVISION]).toBeDefined();
  });

  it('every warehouse table', () => {
    const tables = [...schemaSql().matchAll(/CREATE TABLE IF NOT EXISTS (\w+)/g)].map((m) => m[1]!);
    expect(tables.length).toBeGreaterThan(10);
    expect(missing(tables, TABLE_LABELS)).toEqual([]);
  });
});

describe('labels shown to readers', () => {
  it('a code missing from its table is made readable, never shown as the code', () => {
    expect(labelOf(RANKING_GROUP_LABELS, 'so-nganh')).toBe('Sở, ban, ngành');
    expect(labelOf(RANKING_GROUP_LABELS, 'nhom-moi_2')).toBe('Nhom moi 2');
    expect(labelOf(RANKING_GROUP_LABELS, null)).toBe('');
    expect(humanise('cap-xa')).toBe('Cap xa');
  });

  it.each([
    ['het-dung-luong', 'Hết dung lượng lưu trữ'],
    ['Hết dung lượng', 'Hết dung lượng lưu trữ'],
    ['LO_MAT_KHAU', 'Lộ mật khẩu'],
    ['Lộ mật khẩu', 'Lộ mật khẩu'],
    ['su-co-la', 'Su co la'],
    ['Mất điện khu vực', 'Mất điện khu vực'],
  ])('an incident kind written %j reads %j', (raw, label) => {
    expect(freeTextLabel(INCIDENT_KIND_LABELS, raw)).toBe(label);
  });

  it.each([
    ['trung-binh', 'Trung bình'],
    ['Trung bình', 'Trung bình'],
    ['cao', 'Cao'],
  ])('an incident severity written %j reads %j', (raw, label) => {
    expect(freeTextLabel(INCIDENT_SEVERITY_LABELS, raw)).toBe(label);
  });

  it.each([
    [{ file: '002', dieu: 10, khoan: 3 }, 'khoản 3 Điều 10 Quy chế ban hành kèm theo Quyết định số 59/2024/QĐ-UBND'],
    [{ file: '001', dieu: 11, khoan: 2, diem: 'i' }, 'điểm i khoản 2 Điều 11 Dự thảo 2 Quy chế quản lý, sử dụng Hệ thống thư điện tử tỉnh Sóc Trăng'],
    [{ file: '003', dieu: 9, khoan: 13 }, 'khoản 13 Điều 9 Quy chế ban hành kèm theo Quyết định số 17/2014/QĐ-UBND'],
    [{ file: '004', dieu: 5 }, 'Điều 5 Dự thảo Quy chế quản lý, vận hành, khai thác và sử dụng Hệ thống thư điện tử tỉnh Sơn La'],
    [{ file: '002' }, 'Quy chế ban hành kèm theo Quyết định số 59/2024/QĐ-UBND'],
  ])('cites %j as an official text does: %j', (c, text) => {
    expect(citeDocument(c)).toBe(text);
  });

  it('the first mention names the document in full', () => {
    expect(citeDocument({ file: '002', dieu: 10, khoan: 3 }, { full: true })).toBe(
      'khoản 3 Điều 10 Quy chế quản lý, sử dụng Hệ thống thư điện tử tỉnh Sóc Trăng ban hành kèm theo Quyết định số 59/2024/QĐ-UBND ngày 20/12/2024 của Ủy ban nhân dân tỉnh Sóc Trăng',
    );
  });

  it('explains a method version in words', () => {
    expect(methodLabel('tcv-2024.1+pp1')).toBe('bộ tiêu chí năm 2024 theo Quy chế ban hành kèm theo Quyết định số 59/2024/QĐ-UBND, cách tính điểm lần thứ nhất');
    expect(methodLabel('tcv-2024.1+pp1', { explain: true })).toMatch(/^bộ tiêu chí năm 2024 .*, cách tính điểm lần thứ nhất \(mỗi tiêu chí là tỷ lệ đạt/);
    expect(methodLabel('khac+pp9')).toBe('bộ tiêu chí của hồ sơ quy định đang áp dụng');
  });
});
