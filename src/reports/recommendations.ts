/**
 * Generated defaults for "Kiến nghị, đề xuất" (pure): one paragraph per problem the figures show, each naming the
 * rule it rests on (cited by the document's name and number), so the Sở starts from a sensible draft. The editable file in data/report-recommendations/
 * replaces this text when present.
 */
import type { Policy } from '../rules/policy/schema.ts';
import { citeDocument } from '../text/labels.ts';
import type { ReportModel } from './model.ts';

const n = (x: number) => new Intl.NumberFormat('vi-VN').format(x);
/** "theo điểm c khoản 2 Điều 8 Quy chế …": the rule cited by its document's name, as an official text does. */
const cite = (c: Parameters<typeof citeDocument>[0]) => `theo ${citeDocument(c)}`;

/** Markdown list of recommendations derived from the report's totals and the profile's rules. */
export function generatedRecommendations(policy: Policy, m: Omit<ReportModel, 'recommendations' | 'recommendationsSource'>): string {
  const t = m.totals;
  const items: string[] = [];
  if (t.passwordDefault > 0) {
    items.push(
      `Đề nghị các cơ quan, đơn vị đôn đốc **${n(t.passwordDefault)}** người dùng đổi mật khẩu mặc định ` +
        `(${cite(policy.password.defaultGraceDays.cite)}).`,
    );
  }
  if (t.passwordStale > 0) {
    items.push(`Nhắc **${n(t.passwordStale)}** hộp thư đã quá thời hạn đổi mật khẩu định kỳ (${cite(policy.password.changeIntervalMonths.cite)}).`);
  }
  if (t.forwardExternal > 0) {
    items.push(
      `Yêu cầu chấm dứt chuyển tiếp thư tự động ra ngoài hệ thống đối với **${n(t.forwardExternal)}** hộp thư ` +
        `(${cite(policy.externalForwarding.cite)}).`,
    );
  }
  if (t.lockedNow > 0) {
    items.push(`Đề nghị các cơ quan rà soát **${n(t.lockedNow)}** hộp thư đang bị khóa để đề nghị thu hồi nếu không còn sử dụng.`);
  }
  if (t.reqLate > 0) {
    items.push(
      `Đơn vị vận hành khắc phục tình trạng **${n(t.reqLate)}** phiếu yêu cầu xử lý trễ hạn ` +
        `(${cite(policy.requestDeadlineWorkingDays.cite)}).`,
    );
  }
  if (m.incidentSummary.late > 0) {
    items.push(`Chấn chỉnh việc báo cáo sự cố: **${n(m.incidentSummary.late)}** sự cố báo cáo quá hạn (${cite(policy.incidentReportHours.cite)}).`);
  }
  if (t.activePersonal > 0 && t.usedInPeriod < t.activePersonal) {
    items.push(
      `Đề nghị Thủ trưởng các cơ quan chỉ đạo cán bộ, công chức sử dụng thư điện tử công vụ thường xuyên: ` +
        `**${n(t.activePersonal - t.usedInPeriod)}** hộp thư cá nhân đang hoạt động không đăng nhập, không gửi thư trong kỳ.`,
    );
  }
  items.push('Đề nghị Ủy ban nhân dân tỉnh tiếp tục chỉ đạo các cơ quan, đơn vị thực hiện nghiêm Quy chế quản lý, sử dụng hệ thống thư điện tử của tỉnh.');
  return items.map((i) => `- ${i}`).join('\n');
}
