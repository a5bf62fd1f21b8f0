import { z } from 'zod';

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
    /** Due date "MM-DD" (in the year after the period for annual reports, see dueNextYear). */
    due: z.string().regex(/^\d{2}-\d{2}$/).nullable(),
    dueNextYear: z.boolean(),
    cite: citationSchema,
  })
  .strict();

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
    agencyMailboxRead: cited(z.literal('regularly')),
    requestDeadlineWorkingDays: cited(z.number().int().positive()),
    restoreDeadlineWorkingDays: cited(z.number().int().positive()),
    incidentReportHours: cited(z.number().positive()),
    logRetentionMonths: cited(z.number().int().positive()),
    spamMailbox: cited(z.string()),
    unicode: cited(z.literal('TCVN 6909:2001')),
    directoryPublished: cited(z.boolean()),
    reports: z.array(reportDueSchema),
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
  .strict();

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
