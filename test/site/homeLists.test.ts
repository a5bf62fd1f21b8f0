import { describe, expect, it } from 'vitest';
import type { Finding } from '../../src/rules/compliance/findings.ts';
import type { RuleId, Severity } from '../../src/rules/compliance/rules.ts';
import type { AgencyScore } from '../../src/rules/compliance/scoring.ts';
import { biggestFalls, comparedAgencies, mostOpenFindings } from '../../src/site/build/collect/homeLists.ts';

const score = (code: string, name: string, now: number | null, prev: number | null): AgencyScore => ({
  code, name, group: 'so-nganh', kind: 'so-nganh', evaluatedFrom: '2026-01-01', evaluatedTo: '2026-11-20', sampleDates: [],
  score: now, rank: null, groupSize: 5, previousScore: prev,
  change: now !== null && prev !== null ? Math.round((now - prev) * 10) / 10 : null, methodVersion: 'v', criteria: [],
});

const finding = (agencyCode: string | null, ruleId: RuleId, severity: Severity, agencyName: string | null = agencyCode): Finding => ({
  ruleId, title: `Quy tắc ${ruleId}`, severity, citation: '002 Điều 8', subjectKind: 'mailbox', subject: 'a@soctrang.gov.vn',
  subjectName: null, agencyCode, agencyName, since: '2026-01-01', detail: '',
});

describe('biggestFalls', () => {
  const agencies = [
    score('A', 'Sở Y tế', 70, 80), // −10
    score('B', 'Sở Công Thương', 60, 75), // −15
    score('C', 'Sở Nội vụ', 90, 85), // rose: not a fall
    score('D', 'Sở Tài chính', 50, 50), // unchanged: not a fall
    score('E', 'Sở Xây dựng', null, 80), // no score now: not compared
    score('F', 'Sở Tư pháp', 40, null), // no previous score: not compared
    score('G', 'Sở Du lịch', 65, 75), // −10, ties with Sở Y tế: Vietnamese order (D before Y)
    score('H', 'Sở Đầu tư', 70, 80), // −10: Đ after D, before Y
  ];

  it('lists falls only, biggest first, ties in Vietnamese order', () => {
    expect(biggestFalls(agencies).map((a) => [a.code, a.change])).toEqual([['B', -15], ['G', -10], ['H', -10], ['A', -10]]);
  });

  it('keeps at most `limit` and counts the agencies scored in both periods', () => {
    expect(biggestFalls(agencies, 2).map((a) => a.code)).toEqual(['B', 'G']);
    expect(comparedAgencies(agencies)).toBe(6);
    expect(biggestFalls([])).toEqual([]);
  });
});

describe('mostOpenFindings', () => {
  const findings = [
    finding('A', 'password-stale', 'vi-pham'), finding('A', 'password-stale', 'vi-pham'), finding('A', 'quota-near', 'thong-tin'),
    finding('B', 'quota-over', 'canh-bao'), finding('B', 'quota-over', 'canh-bao'), finding('B', 'password-default', 'vi-pham'),
    finding('C', 'forward-external', 'vi-pham'),
    finding(null, 'text-not-unicode', 'canh-bao'), finding(null, 'text-not-unicode', 'canh-bao'),
    finding(null, 'text-not-unicode', 'canh-bao'), finding(null, 'text-not-unicode', 'canh-bao'),
  ];

  it('counts per agency, most first, ties by violations; findings without an agency are left out', () => {
    expect(mostOpenFindings(findings)).toEqual([
      { code: 'A', name: 'A', total: 3, violations: 2, topRule: { ruleId: 'password-stale', title: 'Quy tắc password-stale', count: 2 } },
      { code: 'B', name: 'B', total: 3, violations: 1, topRule: { ruleId: 'quota-over', title: 'Quy tắc quota-over', count: 2 } },
      { code: 'C', name: 'C', total: 1, violations: 1, topRule: { ruleId: 'forward-external', title: 'Quy tắc forward-external', count: 1 } },
    ]);
    expect(mostOpenFindings(findings, 1).map((a) => a.code)).toEqual(['A']);
  });

  it('names an agency as the engine does, and by its code when the engine has no name', () => {
    expect(mostOpenFindings([finding('SKHCN', 'quota-over', 'canh-bao', 'Sở Khoa học và Công nghệ')])[0]!.name).toBe('Sở Khoa học và Công nghệ');
    expect(mostOpenFindings([finding('X1', 'quota-over', 'canh-bao', null)])[0]!.name).toBe('X1');
  });
});
