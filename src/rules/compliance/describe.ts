/**
 * Vietnamese evidence sentences for findings: what was observed and which threshold of the profile it crossed, so
 * an agency disputing a finding sees the dates behind it. Pure: no I/O.
 */
import { viDate } from '../period.ts';
import type { Policy } from '../policy/schema.ts';
import { LAST_LOGON_PRECISION_DAYS } from './params.ts';

const number = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 1 });

/** What the warehouse knows about a mailbox's last use (local days, YYYY-MM-DD). */
export interface AccessEvidence {
  createdDay: string | null;
  /** Last login day from the exact log (logins.csv). */
  loginDay: string | null;
  /** Last day it sent mail (mail log); sending needs a login. */
  sentDay?: string | null;
  /** Last login day as Zimbra recorded it (zimbraLastLogonTimestamp, weekly precision). */
  lastLogonDay: string | null;
}

/** "đăng nhập gần nhất …" with the source and its precision, or "chưa từng đăng nhập" with the creation day. */
export function describeLastAccess(e: AccessEvidence): string {
  const sent = e.sentDay ?? null;
  const exact = [e.loginDay, sent].filter((d): d is string => d !== null).sort().at(-1) ?? null;
  if (exact !== null && (e.lastLogonDay === null || exact >= e.lastLogonDay)) {
    return exact === e.loginDay
      ? `đăng nhập gần nhất ${viDate(exact)} (nhật ký đăng nhập)`
      : `gửi thư gần nhất ${viDate(exact)} (nhật ký thư)`;
  }
  if (e.lastLogonDay !== null) {
    return (
      `đăng nhập gần nhất Zimbra ghi nhận ${viDate(e.lastLogonDay)} (chỉ cập nhật tối đa ` +
      `${LAST_LOGON_PRECISION_DAYS} ngày một lần nên được tính thêm ${LAST_LOGON_PRECISION_DAYS} ngày)`
    );
  }
  return e.createdDay ? `chưa ghi nhận lần đăng nhập nào; cấp ngày ${viDate(e.createdDay)}` : 'chưa ghi nhận lần đăng nhập nào';
}

export function describePasswordDefault(policy: Policy, defaultDay: string | null, firstLoginDay: string | null): string {
  const grace = policy.password.defaultGraceDays.value ?? 0;
  const issued = defaultDay ? ` cấp ngày ${viDate(defaultDay)}` : '';
  if (grace === 0) {
    const login = firstLoginDay ? ` nhưng đã đăng nhập ngày ${viDate(firstLoginDay)}` : '';
    return `Vẫn dùng mật khẩu mặc định${issued}${login}; phải đổi ngay lần đăng nhập đầu tiên.`;
  }
  return `Vẫn dùng mật khẩu mặc định${issued}; phải đổi trong ${grace} ngày.`;
}

export function describePasswordStale(policy: Policy, passwordDay: string | null): string {
  const months = policy.password.changeIntervalMonths.value;
  const last = passwordDay ? `Đổi mật khẩu lần cuối ngày ${viDate(passwordDay)}` : 'Không rõ lần đổi mật khẩu gần nhất';
  return `${last}; phải đổi tối thiểu ${months} tháng một lần.`;
}

export function describeInactiveRevoke(policy: Policy, e: AccessEvidence): string {
  return `Không truy cập quá ${policy.inactivity.revokeAfterMonths.value} tháng: ${describeLastAccess(e)}.`;
}

export function describeInactiveLock(policy: Policy, e: AccessEvidence): string {
  return `Không đăng nhập quá ${policy.inactivity.lockAfterDays.value} ngày: ${describeLastAccess(e)}.`;
}

export function describeLockedRevoke(policy: Policy, lockedFrom: string | null): string {
  const from = lockedFrom ? `Tạm khóa từ ngày ${viDate(lockedFrom)} (theo bản xuất)` : 'Đang tạm khóa';
  return `${from}; quá ${policy.inactivity.revokeAfterLockedDays.value} ngày không có đề nghị khôi phục.`;
}

export function describeForward(targets: readonly string[]): string {
  return `Tự động chuyển thư tới ${targets.join(', ')}.`;
}

export function describeQuota(usedMb: number, quotaMb: number): string {
  const share = quotaMb > 0 ? (100 * usedMb) / quotaMb : 0;
  return `Đã dùng ${number.format(usedMb)} MB trên ${number.format(quotaMb)} MB (${number.format(share)}%).`;
}

/** 002 Điều 7 / 003 Điều 8 khoản 1: the capacity every mailbox is given. */
export function describeQuotaBelow(policy: Policy, quotaMb: number): string {
  return (
    `Được cấp ${number.format(quotaMb)} MB, thấp hơn dung lượng quy chế quy định cho mỗi hộp thư ` +
    `(${number.format(policy.quota.mailboxMb.value ?? 0)} MB).`
  );
}

export function describeUnread(policy: Policy, e: AccessEvidence): string {
  return `Không có đăng nhập trong ${policy.ranking.regularUseDays.value} ngày: ${describeLastAccess(e)}.`;
}

export function describeAgencyMailboxMissing(lastEnd: string | null): string {
  return lastEnd
    ? `Không còn hộp thư cơ quan nào đang hoạt động từ ngày ${viDate(lastEnd)}.`
    : 'Chưa có hộp thư cơ quan đang hoạt động.';
}

/** "2025-03-04 14:30" (local) → "14:30 04/03/2025". */
export function viDateTime(local: string): string {
  return `${local.slice(11, 16)} ${viDate(local.slice(0, 10))}`;
}

export function describeIncidentLate(policy: Policy, occurred: string, due: string, reported: string | null): string {
  const report = reported ? `báo cáo lúc ${viDateTime(reported)}` : 'chưa báo cáo';
  return (
    `Xảy ra lúc ${viDateTime(occurred)}, phải báo cáo trong ${policy.incidentReportHours.value} giờ ` +
    `(trước ${viDateTime(due)}); ${report}.`
  );
}

export function describeRequestLate(receivedDay: string, dueDay: string, workingDays: number, completedDay: string | null): string {
  const done = completedDay ? `hoàn thành ngày ${viDate(completedDay)}` : 'chưa hoàn thành';
  return `Tiếp nhận ngày ${viDate(receivedDay)}, hạn ${workingDays} ngày làm việc (đến hết ngày ${viDate(dueDay)}); ${done}.`;
}

export function describeNotUnicode(file: string, line: number | null, reason: string): string {
  return `${file}${line === null ? '' : ` dòng ${line}`}: ${reason}`;
}
