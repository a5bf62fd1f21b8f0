/**
 * What each ranking criterion (SPEC §4.5) counts, in Vietnamese, so every score on a page can be explained:
 * numerator, denominator and the data's precision. Weights, labels and citations come from the profile. Pure.
 */
import type { Citation, CriterionId, Policy } from '../policy/schema.ts';
import { LAST_LOGON_PRECISION_DAYS } from './params.ts';

/**
 * The profile parameters a criterion's count reads (thresholds, windows, the domain), each with its citation. A
 * criterion can claim no firmer basis than the weakest of these (final > draft > derived): one built on a draft's
 * figure is at most `draft`, one built on our own window is `derived` (tested for every shipped profile).
 */
export function criterionInputs(policy: Policy, id: CriterionId): { name: string; cite: Citation }[] {
  const p = policy;
  const inputs: Record<CriterionId, [string, { cite: Citation }][]> = {
    // Headcount comes from the agency list; no profile parameter.
    coverage: [],
    regular_use: [['ranking.regularUseDays', p.ranking.regularUseDays]],
    agency_mailbox_read: [['agencyMailboxRead', p.agencyMailboxRead], ['ranking.regularUseDays', p.ranking.regularUseDays]],
    password_hygiene: [
      ['password.defaultGraceDays', p.password.defaultGraceDays],
      ['password.changeIntervalMonths', p.password.changeIntervalMonths],
    ],
    no_external_forwarding: [['externalForwarding', p.externalForwarding], ['domain', p.domain]],
    unused_cleanup: [
      ['inactivity.revokeAfterMonths', p.inactivity.revokeAfterMonths],
      ['inactivity.lockAfterDays', p.inactivity.lockAfterDays],
      ['inactivity.revokeAfterLockedDays', p.inactivity.revokeAfterLockedDays],
    ],
    requests_on_time: [
      ['requestDeadlineWorkingDays', p.requestDeadlineWorkingDays],
      ['restoreDeadlineWorkingDays', p.restoreDeadlineWorkingDays],
    ],
  };
  return inputs[id].map(([name, param]) => ({ name, cite: param.cite }));
}

const OBSERVED = 'cộng qua các mốc quan sát (ngày cuối mỗi tháng và ngày cuối của kỳ)';

function usePrecision(): string {
  return (
    `đăng nhập theo nhật ký đăng nhập, hoặc gửi thư theo nhật ký thư, nếu có; nếu chỉ có zimbraLastLogonTimestamp (cập nhật tối đa ` +
    `${LAST_LOGON_PRECISION_DAYS} ngày một lần) thì lần ghi nhận được tính thêm ${LAST_LOGON_PRECISION_DAYS} ngày, ` +
    'nên tiêu chí chỉ chính xác đến tuần, không đến ngày'
  );
}

/** Vietnamese method of one criterion under `policy`: what is counted above and below the fraction bar. */
export function criterionMethod(policy: Policy, id: CriterionId): { numerator: string; denominator: string; note: string } {
  const days = policy.ranking.regularUseDays.value;
  switch (id) {
    case 'coverage':
      return {
        numerator: 'hộp thư cá nhân đang hoạt động',
        denominator: 'số CBCCVC-NLĐ (biên chế theo danh mục cơ quan)',
        note: `${OBSERVED}; tỷ lệ trên 100% được tính là 100%`,
      };
    case 'regular_use':
      return {
        numerator: `hộp thư cá nhân có đăng nhập trong ${days} ngày trước mốc`,
        denominator: 'hộp thư cá nhân đang hoạt động',
        note: `${OBSERVED}; ${usePrecision()}`,
      };
    case 'agency_mailbox_read':
      return {
        numerator: `hộp thư cơ quan có đăng nhập trong ${days} ngày trước mốc`,
        denominator: 'hộp thư cơ quan đang hoạt động',
        note:
          `${OBSERVED}; ${usePrecision()}. Dữ liệu không cho biết hộp thư được mở mỗi ngày làm việc, ` +
          'nên chỉ đo việc có người đăng nhập trong khoảng thời gian trên',
      };
    case 'password_hygiene':
      return {
        numerator: 'hộp thư không còn mật khẩu mặc định quá hạn và đã đổi mật khẩu đúng định kỳ',
        denominator: 'hộp thư đang hoạt động có thông tin mật khẩu',
        note: `${OBSERVED}; thời hạn đổi mật khẩu mặc định ${policy.password.defaultGraceDays.value} ngày, định kỳ ${policy.password.changeIntervalMonths.value} tháng`,
      };
    case 'no_external_forwarding':
      return {
        numerator: `hộp thư không tự động chuyển thư ra ngoài tên miền ${policy.domain.value}`,
        denominator: 'hộp thư đang hoạt động',
        note: OBSERVED,
      };
    case 'unused_cleanup':
      return {
        numerator: 'hộp thư không thuộc diện phải tạm khóa hoặc thu hồi vì không sử dụng',
        denominator: 'hộp thư đang hoạt động hoặc đang tạm khóa',
        note: `${OBSERVED}; ${inactivityRule(policy)}`,
      };
    case 'requests_on_time':
      return {
        numerator: 'yêu cầu hoàn thành đúng hạn (ngày làm việc)',
        denominator: 'yêu cầu tiếp nhận trong kỳ đã hoàn thành hoặc đã quá hạn',
        note:
          `thời hạn ${policy.requestDeadlineWorkingDays.value} ngày làm việc (khôi phục mật khẩu, mở khóa: ` +
          `${policy.restoreDeadlineWorkingDays.value} ngày), không tính ngày tiếp nhận, trừ ngày nghỉ lễ, Tết và tính ngày làm bù`,
      };
  }
}

function inactivityRule(policy: Policy): string {
  const parts: string[] = [];
  const { revokeAfterMonths, lockAfterDays, revokeAfterLockedDays } = policy.inactivity;
  if (revokeAfterMonths.value !== null) parts.push(`thu hồi sau ${revokeAfterMonths.value} tháng không truy cập`);
  if (lockAfterDays.value !== null) parts.push(`tạm khóa sau ${lockAfterDays.value} ngày không đăng nhập`);
  if (revokeAfterLockedDays.value !== null) parts.push(`thu hồi sau ${revokeAfterLockedDays.value} ngày tạm khóa`);
  return parts.length > 0 ? parts.join(', ') : 'quy chế không quy định thời hạn';
}
