/**
 * The duties the regulations impose (SPEC §4.1, §5 Dữ liệu), as codes with their Vietnamese labels, and how the
 * product treats each one: checked (a compliance rule finds breaches), shown (the site shows the facts, but the
 * exports cannot tell whether the duty was met), or not checkable from the exports (with why). Which duties a text
 * has, their citations and statuses are data in each profile (`duties`); this module only names them. Pure: no I/O,
 * and no imports, so the profile schema can validate duty ids against it.
 */

export const DUTY_IDS = [
  'agency-mailbox',
  'org-address-format',
  'personal-address-format',
  'request-procedure',
  'request-deadline',
  'unicode',
  'official-use-only',
  'mailbox-quota',
  'quota-warning',
  'attachment-limit',
  'mail-archive',
  'password-default',
  'password-strength',
  'password-safekeeping',
  'password-change-interval',
  'password-lists',
  'inactive-revoke',
  'inactive-lock',
  'locked-revoke',
  'lock-on-abuse',
  'departure-notice',
  'safe-access',
  'no-service-registration',
  'no-external-forwarding',
  'spam-handling',
  'agency-mailbox-staff',
  'agency-mailbox-read',
  'incident-notify',
  'incident-report',
  'operator-reports',
  'centre-reports',
  'agency-reports',
  'monitoring',
  'ranking-criteria',
  'directory',
  'organisation-data',
  'log-retention',
  'system-operation',
  'personal-duties',
] as const;
export type DutyId = (typeof DUTY_IDS)[number];

/** Vietnamese label of each duty, as the data page shows it. */
export const DUTY_LABEL: Record<DutyId, string> = {
  'agency-mailbox': 'Mỗi cơ quan, đơn vị, phòng ban, địa phương có hộp thư cơ quan',
  'org-address-format': 'Định dạng địa chỉ hộp thư cơ quan, phòng ban, địa phương',
  'personal-address-format': 'Định dạng địa chỉ hộp thư cá nhân và cách phân biệt người trùng họ tên',
  'request-procedure': 'Gửi văn bản yêu cầu cấp mới, thay đổi, hủy hộp thư',
  'request-deadline': 'Thực hiện yêu cầu và thông báo kết quả đúng thời hạn',
  unicode: 'Dùng phông chữ Unicode, bộ mã TCVN 6909:2001',
  'official-use-only': 'Chỉ dùng thư điện tử cho công vụ, không gửi thông tin mật, nội dung bị cấm',
  'mailbox-quota': 'Dung lượng được cấp cho mỗi hộp thư',
  'quota-warning': 'Cảnh báo khi hộp thư gần hết dung lượng',
  'attachment-limit': 'Dung lượng tối đa của tệp đính kèm',
  'mail-archive': 'Lưu trữ dữ liệu thư điện tử trên máy tính làm việc',
  'password-default': 'Đổi mật khẩu mặc định ở lần đăng nhập đầu tiên',
  'password-strength': 'Độ dài tối thiểu và độ phức tạp của mật khẩu',
  'password-safekeeping': 'Giữ an toàn mật khẩu và tài khoản (không dùng chung, không giao cho người khác)',
  'password-change-interval': 'Đổi mật khẩu định kỳ',
  'password-lists': 'Báo cáo danh sách hộp thư chưa đổi mật khẩu mặc định hoặc quá hạn đổi mật khẩu',
  'inactive-revoke': 'Thu hồi hoặc đề nghị hủy hộp thư không còn sử dụng',
  'inactive-lock': 'Tạm khóa hộp thư không đăng nhập',
  'locked-revoke': 'Thu hồi hộp thư tạm khóa không có đề nghị khôi phục',
  'lock-on-abuse': 'Tạm khóa hộp thư bị chiếm dụng, phát tán thư rác, mã độc',
  'departure-notice': 'Thông báo khi cá nhân chuyển công tác hoặc nghỉ việc',
  'safe-access': 'Không truy cập hộp thư từ máy tính không an toàn',
  'no-service-registration': 'Không dùng hộp thư công vụ đăng ký dịch vụ, diễn đàn, mạng xã hội',
  'no-external-forwarding': 'Không chuyển thư tự động ra hộp thư ngoài hệ thống của tỉnh',
  'spam-handling': 'Chuyển thư nghi ngờ đến hộp thư xử lý thư rác',
  'agency-mailbox-staff': 'Phân công người quản lý hộp thư cơ quan',
  'agency-mailbox-read': 'Kiểm tra hộp thư cơ quan thường xuyên',
  'incident-notify': 'Cơ quan, cá nhân thông báo sự cố cho đơn vị vận hành',
  'incident-report': 'Đơn vị vận hành báo cáo sự cố trong thời hạn',
  'operator-reports': 'Báo cáo định kỳ, đột xuất gửi Ủy ban nhân dân tỉnh',
  'centre-reports': 'Báo cáo định kỳ của đơn vị vận hành gửi Sở',
  'agency-reports': 'Cơ quan sử dụng báo cáo định kỳ, đột xuất khi được yêu cầu',
  monitoring: 'Theo dõi, kiểm tra việc sử dụng hệ thống thư điện tử',
  'ranking-criteria': 'Đưa tiêu chí sử dụng thư điện tử vào xếp hạng ứng dụng CNTT',
  directory: 'Công bố danh bạ thư điện tử',
  'organisation-data': 'Cung cấp thông tin tổ chức, bộ máy để tạo lập hộp thư',
  'log-retention': 'Lưu nhật ký hệ thống thư điện tử tối thiểu 6 tháng',
  'system-operation': 'Vận hành, bảo trì, bảo đảm an toàn hệ thống',
  'personal-duties': 'Người dùng báo cáo thư có dấu hiệu vi phạm, chấp hành kiểm tra',
};

/** How the product treats a duty. */
export type DutyStatus = 'checked' | 'shown' | 'not-checkable';
export const DUTY_STATUSES: readonly DutyStatus[] = ['checked', 'shown', 'not-checkable'];

export const DUTY_STATUS_LABEL: Record<DutyStatus, string> = {
  checked: 'Đã kiểm tra',
  shown: 'Chỉ hiển thị',
  'not-checkable': 'Không kiểm tra được từ dữ liệu xuất',
};
