import { describe, expect, it } from 'vitest';
import { DUTY_IDS, DUTY_LABEL, DUTY_STATUS_LABEL } from '../../src/rules/compliance/duties.ts';
import { allRules, ruleNotApplicable } from '../../src/rules/compliance/rules.ts';
import { loadPolicy, parsePolicy } from '../../src/rules/policy/load.ts';
import { POLICY_IDS, type PolicyId } from '../../src/rules/policy/schema.ts';
import { policyDuties } from '../../src/site/build/policyParameters.ts';

describe('duty codes', () => {
  it('every duty id has a Vietnamese label, every status too', () => {
    for (const id of DUTY_IDS) expect(DUTY_LABEL[id].length).toBeGreaterThan(15);
    expect(Object.values(DUTY_STATUS_LABEL)).toEqual(['Đã kiểm tra', 'Chỉ hiển thị', 'Không kiểm tra được từ dữ liệu xuất']);
  });
});

/**
 * The articles of each text that impose a duty (read from the seeds): 002 and 003 Điều 3–13 (002 Điều 14 and 003
 * Điều 14–16 only say who implements), 004 Điều 3–12 (Điều 13 funds and implements). Every one must appear on the
 * data page, and so must the draft figures soctrang-2024 uses (001 Điều 11).
 */
const ARTICLES: Record<PolicyId, Record<string, number[]>> = {
  'soctrang-2024': { '002': [3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13], '001': [11] },
  'soctrang-2014': { '003': [3, 4, 5, 7, 8, 9, 10, 11, 12, 13] },
  'sonla-2025': { '004': [3, 4, 5, 6, 7, 8, 9, 10, 11, 12] },
};

describe.each(POLICY_IDS)('%s: every duty of the text is checked, shown, or declared not checkable', (id) => {
  const policy = loadPolicy(id);

  it('covers every article that imposes a duty', () => {
    for (const [file, articles] of Object.entries(ARTICLES[id])) {
      const cited = new Set(policy.duties.filter((d) => d.cite.file === file).map((d) => d.cite.dieu));
      expect([...articles].filter((a) => !cited.has(a)), `${file}: articles without a duty`).toEqual([]);
    }
  });

  it('each duty appears once', () => {
    const ids = policy.duties.map((d) => d.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('every rule that applies under the profile checks some duty, and a checked duty names only rules that apply', () => {
    const checking = new Set(policy.duties.flatMap((d) => d.rules ?? []));
    for (const r of allRules()) {
      const applies = ruleNotApplicable(r.id, policy) === null;
      expect(checking.has(r.id), `${r.id} applies: ${applies}`).toBe(applies);
    }
  });

  it('a duty shown or not checkable says where or why, in Vietnamese', () => {
    for (const d of policy.duties.filter((x) => x.status !== 'checked')) {
      expect(d.how, d.id).toMatch(/[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]/u);
    }
  });

  it('the data page lists each duty with its label, citation and status', () => {
    const rows = policyDuties(policy);
    expect(rows).toHaveLength(policy.duties.length);
    for (const r of rows) {
      expect(r.label).not.toMatch(/^[a-z-]+$/);
      expect(r.citation).toMatch(/^00[1-4] Điều \d+/);
      expect(r.status === 'checked').toBe(r.rules.length > 0);
    }
  });
});

// Item 5: the limits the texts set that the exports cannot show are declared, with why.
describe.each([
  ['soctrang-2024', 'password-strength', '002 Điều 8 khoản 1 điểm b'],
  ['soctrang-2024', 'attachment-limit', '002 Điều 7'],
  ['soctrang-2014', 'password-strength', '003 Điều 13 khoản 2'],
  ['soctrang-2014', 'attachment-limit', '003 Điều 8 khoản 1'],
  ['sonla-2025', 'password-strength', '004 Điều 6 khoản 2 (dự thảo)'],
  ['sonla-2025', 'attachment-limit', '004 Điều 9 khoản 2 điểm b (dự thảo)'],
] as const)('%s: %s (%s) is declared not checkable from the exports', (id, duty, citation) => {
  it('with the reason', () => {
    const row = policyDuties(loadPolicy(id)).find((d) => d.label === DUTY_LABEL[duty])!;
    expect(row).toMatchObject({ citation, status: 'not-checkable', statusLabel: 'Không kiểm tra được từ dữ liệu xuất' });
    expect(row.how).toMatch(duty === 'password-strength' ? /Mật khẩu không có trong dữ liệu xuất/ : /dung lượng của (cả bức thư|từng tệp)/);
  });
});

describe('checked duties name their rules on the data page', () => {
  it('soctrang-2024: the mailbox quota of 002 Điều 7 is checked against what each mailbox is given', () => {
    const row = policyDuties(loadPolicy('soctrang-2024')).find((d) => d.label === DUTY_LABEL['mailbox-quota'])!;
    expect(row.status).toBe('checked');
    expect(row.rules[0]).toBe('Dung lượng cấp cho hộp thư thấp hơn quy định — 002 Điều 7');
  });

  it('soctrang-2024: organisational addresses are checked (002 Điều 3), and the directory is only shown, on a derived basis', () => {
    const rows = policyDuties(loadPolicy('soctrang-2024'));
    expect(rows.find((d) => d.label === DUTY_LABEL['org-address-format'])?.status).toBe('checked');
    expect(rows.find((d) => d.label === DUTY_LABEL.directory)).toMatchObject({ status: 'shown', citation: '002 Điều 3 khoản 1 (phương pháp suy ra)' });
  });

  it('soctrang-2014: the 3 working days of 003 Điều 4 khoản 3 are not checkable, and say why', () => {
    const row = policyDuties(loadPolicy('soctrang-2014')).find((d) => d.label === DUTY_LABEL['request-deadline'])!;
    expect(row).toMatchObject({ status: 'not-checkable', citation: '003 Điều 4 khoản 3' });
    expect(row.how).toMatch(/không có thời điểm thông báo/);
  });
});

describe('validation of duties', () => {
  it('a checked duty without a rule, or a rule id that does not exist, does not load', () => {
    const base = loadPolicy('soctrang-2024');
    const noRule = structuredClone(base) as unknown as { duties: Record<string, unknown>[] };
    noRule.duties[0] = { id: 'agency-mailbox', cite: { file: '002', dieu: 3, khoan: 1, basis: 'final' }, status: 'checked' };
    expect(() => parsePolicy(noRule, 'x.json')).toThrow(/không nêu quy tắc nào/);
    const unknown = structuredClone(base) as unknown as { duties: Record<string, unknown>[] };
    unknown.duties[0] = { ...unknown.duties[0], rules: ['khong-co'] };
    expect(() => parsePolicy(unknown, 'x.json')).toThrow(/duties\.0\.rules\.0/);
  });
});
