import { z } from 'zod';
import { DUTY_IDS } from '../compliance/duties.ts';
import { RULE_IDS } from '../compliance/ruleIds.ts';

/**
 * A policy profile: every parameter of one regulation, each carrying the citation it comes from
 * (SPEC §4.1). Profiles are data (`data/policies/*.json`); code reads thresholds only from here.
 */

/** The regulation texts in `shared/seeds/` (see seeds/README.md). */
export const SEED_FILES = {
  '000': '000_e4373cd5d2b30ea3.txt',
  '001': '001_723f29b4f87b4a41.txt',
  '002': '002_f7c7704c627413a3.txt',
  '003': '003_cb2064771b22c908.txt',
  '004': '004_448332c37b760644.txt',
} as const;

export const citationSchema = z
  .object({
    /** Seed file id: "001" … "004" (or an external document such as "BLLĐ 2019"). */
    file: z.string().min(1),
    dieu: z.number().int().positive().optional(),
    khoan: z.number().int().positive().optional(),
    /** Vietnamese point letter: a, b, c, d, đ, e, g, h, i … */
    diem: z.string().regex(/^[a-zđ]$/u).optional(),
    /** Where the figure comes from: the final text, a draft, or our own method built on a cited rule. */
    basis: z.enum(['final', 'draft', 'derived']),
    note: z.string().optional(),
  })
  .strict();
export type Citation = z.infer<typeof citationSchema>;
export type Basis = Citation['basis'];

/** How firm a basis is: a final text, then a draft's figure, then our own method (the weakest). */
const BASIS_STRENGTH: Record<Basis, number> = { final: 2, draft: 1, derived: 0 };

/** The weakest of the given bases (`final` for none): what a figure built from them can claim. */
export function weakestBasis(bases: readonly Basis[]): Basis {
  return bases.reduce<Basis>((w, b) => (BASIS_STRENGTH[b] < BASIS_STRENGTH[w] ? b : w), 'final');
}

/** True when `a` claims no more than `b` (derived ≤ draft ≤ final). */
export function basisAtMost(a: Basis, b: Basis): boolean {
  return BASIS_STRENGTH[a] <= BASIS_STRENGTH[b];
}

/** A parameter value with its citation. `value: null` means the regulation sets no such rule. */
const cited = <T extends z.ZodType>(value: T) =>
  z.object({ value: value.nullable(), cite: citationSchema }).strict();

export const addressTemplateSchema = z
  .string()
  .regex(/^[a-z{}.]+$/, 'mẫu địa chỉ chỉ gồm chữ thường, dấu chấm và {biến}');

export const personalFormatSchema = z.enum([
  /** <initials of family + middle names><given name>: Dương Chí Nguyện → dcnguyen (001/002/003 Điều 3). */
  'initials-given',
  /** <given name><initials of family + middle names>.<agency abbr>: Nguyễn Thanh Bình → binhnt.sokhcn (004 Điều 5). */
  'given-initials.agency',
]);
export type PersonalFormat = z.infer<typeof personalFormatSchema>;

export const duplicateRuleSchema = z.enum([
  /** dcnguyen, dcnguyen1, dcnguyen2 … (002 Điều 3 khoản 4 điểm a). */
  'number-after-name',
  /** ntbinh, ntbinh.sotttt, ntbinh2.sotttt, ntbinh3.sotttt … (003 Điều 3 khoản 3 điểm b). */
  'agency-then-number',
  /** binhnt.sokhcn, binhnt2.sokhcn … (004 Điều 5 khoản 3 leaves it to the operator; our derived choice). */
  'number-before-agency',
]);
export type DuplicateRule = z.infer<typeof duplicateRuleSchema>;

const reportDueSchema = z
  .object({
    id: z.string(),
    /** Vietnamese title of the report. */
    title: z.string(),
    /** Who reports to whom. */
    from: z.string(),
    to: z.string(),
    period: z.enum(['month', 'quarter', 'half-year', 'year', 'ad-hoc']),
    /**
     * The text's "trước ngày DD/MM" as "MM-DD" (in the year after the period for annual reports, see dueNextYear).
     * Read strictly: the report must be sent before that day, so its last day is the day before (src/reports/due.ts).
     */
    due: z.string().regex(/^\d{2}-\d{2}$/).nullable(),
    dueNextYear: z.boolean(),
    cite: citationSchema,
  })
  .strict();

/**
 * One duty of the texts and how the product treats it (shown on the data page): `checked` names the rules that find
 * its breaches; `shown` says where the facts are shown although the exports cannot tell whether it was met;
 * `not-checkable` says why the exports cannot tell. `how` is Vietnamese prose.
 */
const dutySchema = z
  .object({
    id: z.enum(DUTY_IDS),
    cite: citationSchema,
    status: z.enum(['checked', 'shown', 'not-checkable']),
    rules: z.array(z.enum(RULE_IDS)).optional(),
    how: z.string().min(1).optional(),
  })
  .strict()
  .superRefine((d, ctx) => {
    if (d.status === 'checked' && (d.rules ?? []).length === 0) {
      ctx.addIssue({ code: 'custom', message: `nghĩa vụ "${d.id}" được kiểm tra nhưng không nêu quy tắc nào` });
    }
    if (d.status !== 'checked' && (d.rules !== undefined || d.how === undefined)) {
      ctx.addIssue({ code: 'custom', message: `nghĩa vụ "${d.id}" (${d.status}) cần "how" (nơi hiển thị hoặc lý do) và không có "rules"` });
    }
  });

const seedIdSchema = z.enum(['000', '001', '002', '003', '004']);

export const criterionIdSchema = z.enum([
  'coverage',
  'regular_use',
  'agency_mailbox_read',
  'password_hygiene',
  'no_external_forwarding',
  'unused_cleanup',
  'requests_on_time',
]);
export type CriterionId = z.infer<typeof criterionIdSchema>;

const criterionSchema = z
  .object({
    id: criterionIdSchema,
    /** Vietnamese label shown on pages. */
    label: z.string(),
    weight: z.number().min(0).max(100),
    cite: citationSchema,
  })
  .strict();

export const policySchema = z
  .object({
    id: z.string().regex(/^[a-z0-9-]+$/),
    name: z.string(),
    province: z.string(),
    /** The text as a whole: final (in force) or a draft. */
    status: z.enum(['final', 'draft', 'historical']),
    document: z.string(),
    /**
     * The texts this profile rests on: a citation with basis `final` must cite one of `final` (the text in force for
     * this profile, never a repealed one), a `draft` one a draft of this same regulation; anything else (another
     * province's text, a repealed one) can only be the basis of a `derived` figure.
     */
    sources: z.object({ final: z.array(seedIdSchema), draft: z.array(seedIdSchema) }).strict(),
    effectiveFrom: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).nullable(),
    domain: cited(z.string().regex(/^[a-z0-9.-]+$/)),
    /** The e-mail administrator: the Sở that runs the system. */
    operatorAgency: cited(z.string()),
    addresses: z
      .object({
        agency: cited(addressTemplateSchema),
        department: cited(addressTemplateSchema),
        locality: cited(addressTemplateSchema),
        subLocality: cited(addressTemplateSchema),
        localityDepartment: cited(addressTemplateSchema),
        personal: cited(personalFormatSchema),
        duplicate: cited(duplicateRuleSchema),
      })
      .strict(),
    quota: z.object({ mailboxMb: cited(z.number().positive()), attachmentMb: cited(z.number().positive()) }).strict(),
    quotaWarningShare: cited(z.number().min(0).max(1)),
    password: z
      .object({
        /** Days after creation (first login) within which the default password must be changed. */
        defaultGraceDays: cited(z.number().int().min(0)),
        changeIntervalMonths: cited(z.number().int().positive()),
        minLength: cited(z.number().int().positive()),
      })
      .strict(),
    inactivity: z
      .object({
        /** Revoke (thu hồi) a mailbox not accessed for N months since creation or last access. */
        revokeAfterMonths: cited(z.number().int().positive()),
        /** Lock (tạm khóa) after N days without login. */
        lockAfterDays: cited(z.number().int().positive()),
        /** Revoke N days after a lock with no restore request. */
        revokeAfterLockedDays: cited(z.number().int().positive()),
      })
      .strict(),
    externalForwarding: cited(z.literal('forbidden')),
    /** Every agency, department and locality has an agency mailbox (002 Điều 3 khoản 1–2; 003 Điều 3 khoản 1). */
    agencyMailbox: cited(z.literal('required')),
    agencyMailboxRead: cited(z.literal('regularly')),
    requestDeadlineWorkingDays: cited(z.number().int().positive()),
    restoreDeadlineWorkingDays: cited(z.number().int().positive()),
    incidentReportHours: cited(z.number().positive()),
    logRetentionMonths: cited(z.number().int().positive()),
    spamMailbox: cited(z.string()),
    unicode: cited(z.literal('TCVN 6909:2001')),
    /** Whether the public build publishes the directory (danh bạ); read by the directory collector. */
    directoryPublished: cited(z.boolean()),
    reports: z.array(reportDueSchema),
    /** Every duty of the texts with how the product treats it (data page). */
    duties: z.array(dutySchema).min(1),
    /**
     * Overrides for who sends and signs the reports to UBND (NĐ 30/2020/NĐ-CP Phụ lục I: tên cơ quan ban hành, ký
     * hiệu, quyền hạn và chức vụ, họ tên người ký). Without them the report takes the sender from the agency list in
     * force on the report date (src/reports/sender.ts). Every field is optional.
     */
    reportSender: z
      .object({
        /** Tên cơ quan ban hành, e.g. "Sở Khoa học và Công nghệ". */
        agency: z.string().min(1).optional(),
        /** Cơ quan chủ quản printed above it ("UBND tỉnh Sóc Trăng"); null for none. */
        parent: z.string().min(1).nullable().optional(),
        /** Ký hiệu of the agency in the số/ký hiệu line ("SKHCN"). */
        abbr: z.string().regex(/^[A-ZĐ0-9]+(-[A-ZĐ0-9]+)*$/u).optional(),
        /** The head's title ("Giám đốc"). */
        headTitle: z.string().min(1).optional(),
        /** Quyền hạn: "KT." (ký thay the head), "TL.", "TUQ.", or null when the head signs. */
        authority: z.enum(['KT.', 'TL.', 'TUQ.', 'Q.']).nullable().optional(),
        /** The signer's own title when not the head ("Phó Giám đốc"). */
        signerTitle: z.string().min(1).optional(),
        /** Họ và tên of the signer. */
        signerName: z.string().min(1).optional(),
      })
      .strict()
      .optional(),
    ranking: z
      .object({
        methodVersion: z.string(),
        cite: citationSchema,
        /** Days of look-back for "regular use" (SPEC §4.5: login in the last 30 days). */
        regularUseDays: cited(z.number().int().positive()),
        criteria: z.array(criterionSchema).min(1),
      })
      .strict()
      .refine((r) => Math.abs(r.criteria.reduce((s, c) => s + c.weight, 0) - 100) < 1e-9, {
        message: 'tổng trọng số các tiêu chí phải bằng 100',
      }),
  })
  .strict()
  .superRefine((p, ctx) => {
    for (const { path, cite } of citationsOf(p)) {
      const allowed = cite.basis === 'final' ? p.sources.final : cite.basis === 'draft' ? p.sources.draft : null;
      if (allowed !== null && !(allowed as readonly string[]).includes(cite.file)) {
        ctx.addIssue({
          code: 'custom',
          path,
          message:
            `căn cứ "${cite.basis === 'final' ? 'chính thức' : 'dự thảo'}" phải là văn bản ` +
            `${allowed.length > 0 ? allowed.join(', ') : '(hồ sơ này không có)'}, không phải ${cite.file}; ` +
            'văn bản khác (đã bị thay thế, của tỉnh khác) chỉ làm căn cứ cho phương pháp suy ra (derived)',
        });
      }
    }
  });

/** Every citation in a profile-shaped value, with its path (for validation and tests). */
export function citationsOf(value: unknown, path: (string | number)[] = []): { path: (string | number)[]; cite: Citation }[] {
  if (value === null || typeof value !== 'object') return [];
  const out: { path: (string | number)[]; cite: Citation }[] = [];
  for (const [key, child] of Object.entries(value)) {
    const at = [...path, Array.isArray(value) ? Number(key) : key];
    if (key === 'cite' && child !== null && typeof child === 'object') out.push({ path: at, cite: child as Citation });
    else out.push(...citationsOf(child, at));
  }
  return out;
}

export type Policy = z.infer<typeof policySchema>;
export { DEFAULT_POLICY, POLICY_IDS, type PolicyId } from './ids.ts';

/** "002 Điều 3 khoản 4 điểm a (dự thảo)" — the human form of a citation. */
export function formatCitation(c: Citation): string {
  const parts = [c.file];
  if (c.dieu) parts.push(`Điều ${c.dieu}`);
  if (c.khoan) parts.push(`khoản ${c.khoan}`);
  if (c.diem) parts.push(`điểm ${c.diem}`);
  const basis = c.basis === 'draft' ? ' (dự thảo)' : c.basis === 'derived' ? ' (phương pháp suy ra)' : '';
  return parts.join(' ') + basis;
}
