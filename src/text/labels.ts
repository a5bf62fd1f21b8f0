/**
 * The one dictionary of labels for codes (STYLE §17, SPEC §6: no machine code is ever shown to a reader). Every code
 * a profile, a rule, an export or the warehouse uses is shown through its label here: agency kinds and ranking groups,
 * mailbox kinds and statuses, finding severities, compliance rules, incident kinds and severities, request types and
 * channels, reject classes, warehouse tables, the regulation texts (seed files) and the ranking method versions.
 *
 * **Adding a code?** Add its label to the table below in the same change. `test/text/labels.test.ts` fails for a
 * code of the profiles, the rules or the input schemas without a label, and `test/reports/noCodes.test.ts` for any
 * output (report, annexes, site downloads, `score`) that shows one. Pure data: safe in the browser.
 */
import { foldVietnamese } from './fold.ts';

/** Agency kinds (SPEC §3.1 `kind`). */
export const AGENCY_KIND_LABELS: Readonly<Record<string, string>> = {
  'so-nganh': 'Sở, ban, ngành',
  'ubnd-huyen': 'UBND cấp huyện',
  'ubnd-xa': 'UBND cấp xã',
  'phong-ban': 'Phòng, ban',
  dvsn: 'Đơn vị sự nghiệp',
  'dang-doan-the': 'Đảng, đoàn thể',
  'trung-uong': 'Cơ quan Trung ương',
  'dn-nha-nuoc': 'Doanh nghiệp nhà nước',
};

/** Ranking groups (SPEC §3.1 `group`): the kinds, plus the spellings provinces use for their own groups. */
export const RANKING_GROUP_LABELS: Readonly<Record<string, string>> = {
  ...AGENCY_KIND_LABELS,
  'cap-tinh': 'Cấp tỉnh',
  'cap-huyen': 'Cấp huyện',
  'cap-xa': 'Cấp xã',
  'so-ban-nganh': 'Sở, ban, ngành',
  'xa-phuong': 'Xã, phường',
  'xa-phuong-dac-khu': 'Xã, phường, đặc khu',
};

/** Mailbox kinds (SPEC §3.2 `kind`). */
export const MAILBOX_KIND_LABELS: Readonly<Record<string, string>> = {
  'ca-nhan': 'Cá nhân',
  'co-quan': 'Cơ quan',
};

/** Mailbox statuses (SPEC §3.2 `status`). */
export const MAILBOX_STATUS_LABELS: Readonly<Record<string, string>> = {
  active: 'Đang hoạt động',
  locked: 'Tạm khóa',
  closed: 'Đã thu hồi',
};

/** Severities of findings (src/rules/compliance/rules.ts). */
export const SEVERITY_LABELS = {
  'vi-pham': 'Vi phạm',
  'canh-bao': 'Cảnh báo',
  'thong-tin': 'Thông tin',
} as const;

/** Compliance rules (src/rules/compliance/rules.ts `RULE_IDS`), as titles shown on pages, lists and reports. */
export const RULE_LABELS = {
  'password-default': 'Chưa đổi mật khẩu mặc định sau thời hạn',
  'password-stale': 'Không đổi mật khẩu theo định kỳ',
  'inactive-revoke': 'Không truy cập quá thời hạn, cần thu hồi',
  'inactive-lock': 'Không đăng nhập quá thời hạn, cần tạm khóa',
  'locked-revoke': 'Tạm khóa quá thời hạn, cần thu hồi',
  'forward-external': 'Chuyển thư tự động ra ngoài hệ thống của tỉnh',
  'quota-over': 'Hộp thư đã đầy dung lượng',
  'quota-near': 'Hộp thư sắp đầy dung lượng',
  'quota-below-regulation': 'Dung lượng cấp cho hộp thư thấp hơn quy định',
  'agency-mailbox-missing': 'Cơ quan, đơn vị chưa có hộp thư cơ quan',
  'agency-mailbox-unread': 'Hộp thư cơ quan không được kiểm tra thường xuyên',
  'address-format': 'Địa chỉ không đúng định dạng hiện hành',
  'org-address-format': 'Địa chỉ hộp thư cơ quan, phòng ban, địa phương không đúng định dạng',
  'request-late': 'Yêu cầu xử lý quá hạn (ngày làm việc)',
  'incident-late': 'Sự cố báo cáo chậm',
  'text-not-unicode': 'Văn bản không dùng bộ mã Unicode TCVN 6909:2001',
} as const;

/** Incident kinds (SPEC §3.5 `kind`: free text; these are the spellings of the operators' log and the generator). */
export const INCIDENT_KIND_LABELS: Readonly<Record<string, string>> = {
  'mat-ket-noi': 'Mất kết nối',
  'thu-rac': 'Phát tán thư rác',
  'ma-doc': 'Thư chứa mã độc',
  'het-dung-luong': 'Hết dung lượng lưu trữ',
  'chung-thu-so': 'Chứng thư số hết hạn',
  'tan-cong-do-mat-khau': 'Tấn công dò mật khẩu',
  'mat-dien': 'Mất điện',
  'lo-mat-khau': 'Lộ mật khẩu',
  'gia-mao': 'Thư giả mạo',
  'may-chu': 'Sự cố máy chủ',
  'mat-an-toan': 'Mất an toàn thông tin',
};

/** Incident severities (SPEC §3.5 `severity`: free text). */
export const INCIDENT_SEVERITY_LABELS: Readonly<Record<string, string>> = {
  thap: 'Thấp',
  'trung-binh': 'Trung bình',
  cao: 'Cao',
  'nghiem-trong': 'Nghiêm trọng',
};

/** Request types (SPEC §3.4 `type`; 001 Mẫu 01–06 and the unnumbered 7th). */
export const REQUEST_TYPE_LABELS: Readonly<Record<string, string>> = {
  'cap-moi-ca-nhan': 'Cấp mới hộp thư cá nhân',
  'cap-moi-to-chuc': 'Cấp mới hộp thư cơ quan, đơn vị',
  'thu-hoi': 'Thu hồi hộp thư',
  'thay-doi-ca-nhan': 'Thay đổi thông tin hộp thư cá nhân',
  'thay-doi-to-chuc': 'Thay đổi thông tin hộp thư cơ quan, đơn vị',
  'khoi-phuc-mat-khau-ca-nhan': 'Khôi phục mật khẩu hộp thư cá nhân',
  'khoi-phuc-mat-khau-to-chuc': 'Khôi phục mật khẩu hộp thư cơ quan, đơn vị',
  'mo-khoa': 'Mở khóa hộp thư',
};

/** Request channels (SPEC §3.4 `channel`). */
export const REQUEST_CHANNEL_LABELS: Readonly<Record<string, string>> = {
  qlvbdh: 'Hệ thống quản lý văn bản và điều hành',
  giay: 'Văn bản giấy',
  'thu-dien-tu': 'Thư điện tử',
};

/** Reason classes of the mail server's rejects (src/warehouse/reports/sql/mailRejectClasses.sql). */
export const REJECT_CLASS_LABELS = {
  dnsbl: 'Máy gửi nằm trong danh sách chặn thư rác (DNSBL)',
  postscreen: 'Bị chặn ở bước sàng lọc kết nối (postscreen)',
  content: 'Tiêu đề, nội dung thư vi phạm bộ lọc',
  helo: 'Tên máy gửi (HELO) không hợp lệ',
  relay: 'Chuyển tiếp thư trái phép (relay)',
  recipient: 'Địa chỉ người nhận không tồn tại hoặc bị từ chối',
  sender: 'Địa chỉ người gửi bị từ chối',
  client: 'Máy gửi bị từ chối',
  server: 'Máy chủ tạm thời không nhận (quá tải, thiếu dung lượng)',
  other: 'Lý do khác',
} as const;

/** Warehouse tables and the kinds an ingest run counts (`ingest_runs.rows_loaded`). */
export const TABLE_LABELS: Readonly<Record<string, string>> = {
  agencies: 'Danh mục cơ quan',
  mailboxes: 'Hộp thư',
  quota: 'Dung lượng hộp thư',
  mailbox_activity: 'Hoạt động của hộp thư theo đêm',
  logins: 'Lượt đăng nhập',
  requests: 'Phiếu yêu cầu',
  incidents: 'Sự cố',
  ingest_runs: 'Lượt nạp dữ liệu',
  quarantine: 'Dòng bị cách ly',
  warehouse_meta: 'Thông tin kho dữ liệu',
  mail_log_files: 'Tệp nhật ký thư đã nạp',
  mail_log_held: 'Khoảng thời gian nhật ký thư đã nạp',
  mail_log_held_lines: 'Dòng nhật ký thư ở ranh giới tệp đã nạp',
  mail_log_qid_state: 'Thư còn trong hàng đợi qua đêm',
  mail_messages: 'Thư (nhật ký thư)',
  mail_message_hops: 'Lượt thư qua bộ lọc',
  mail_deliveries: 'Lượt chuyển phát thư',
  mail_rejects: 'Lượt thư bị từ chối',
  mail_daily_totals: 'Tổng hợp thư theo ngày',
  mail_daily_senders: 'Người gửi theo ngày',
  mail_daily_recipients: 'Người nhận theo ngày',
  mail_daily_deferred: 'Thư chậm chuyển theo ngày',
  mail_daily_mailbox: 'Thư theo hộp thư và ngày',
  mail_daily_agency: 'Thư theo cơ quan và ngày',
};

/**
 * The regulation texts (`shared/seeds/`, named by file id in the profiles' citations) as an official text cites them:
 * `name` after "Điều …" ("khoản 3 Điều 10 Quy chế ban hành kèm theo Quyết định số 59/2024/QĐ-UBND"), `full` where a
 * document is named for the first time (the report's opening sentence).
 */
export const SOURCE_DOCUMENTS: Readonly<Record<string, { name: string; full: string }>> = {
  '000': {
    name: 'Tờ trình về dự thảo Quyết định ban hành Quy chế quản lý, sử dụng Hệ thống thư điện tử tỉnh Sóc Trăng',
    full: 'Tờ trình của Sở Thông tin và Truyền thông tỉnh Sóc Trăng về dự thảo Quyết định ban hành Quy chế quản lý, sử dụng Hệ thống thư điện tử tỉnh Sóc Trăng',
  },
  '001': {
    name: 'Dự thảo 2 Quy chế quản lý, sử dụng Hệ thống thư điện tử tỉnh Sóc Trăng',
    full: 'Dự thảo 2 Quy chế quản lý, sử dụng Hệ thống thư điện tử tỉnh Sóc Trăng',
  },
  '002': {
    name: 'Quy chế ban hành kèm theo Quyết định số 59/2024/QĐ-UBND',
    full: 'Quy chế quản lý, sử dụng Hệ thống thư điện tử tỉnh Sóc Trăng ban hành kèm theo Quyết định số 59/2024/QĐ-UBND ngày 20/12/2024 của Ủy ban nhân dân tỉnh Sóc Trăng',
  },
  '003': {
    name: 'Quy chế ban hành kèm theo Quyết định số 17/2014/QĐ-UBND',
    full: 'Quy chế quản lý, vận hành và sử dụng hệ thống thư điện tử trong hoạt động của các cơ quan nhà nước trên địa bàn tỉnh Sóc Trăng ban hành kèm theo Quyết định số 17/2014/QĐ-UBND ngày 26/9/2014 của Ủy ban nhân dân tỉnh Sóc Trăng',
  },
  '004': {
    name: 'Dự thảo Quy chế quản lý, vận hành, khai thác và sử dụng Hệ thống thư điện tử tỉnh Sơn La',
    full: 'Dự thảo Quy chế quản lý, vận hành, khai thác và sử dụng Hệ thống thư điện tử tỉnh Sơn La',
  },
  'BLLĐ 2019': { name: 'Bộ luật Lao động năm 2019', full: 'Bộ luật Lao động năm 2019' },
};

/** The profiles' ranking criteria sets (`ranking.methodVersion` of data/policies/*.json), in words. */
export const RANKING_METHOD_LABELS: Readonly<Record<string, string>> = {
  'tcv-2024.1': 'bộ tiêu chí năm 2024 theo Quy chế ban hành kèm theo Quyết định số 59/2024/QĐ-UBND',
  'tcv-2014.1': 'bộ tiêu chí theo Quy chế ban hành kèm theo Quyết định số 17/2014/QĐ-UBND',
  'tcv-2014.2':
    'bộ tiêu chí theo Quy chế ban hành kèm theo Quyết định số 17/2014/QĐ-UBND, không tính tiêu chí xử lý yêu cầu đúng hạn ' +
    '(thời hạn 03 ngày làm việc tính từ khi xử lý xong đến khi thông báo, dữ liệu xuất không có thời điểm thông báo)',
  'tcv-sonla-2025.1': 'bộ tiêu chí năm 2025 theo Dự thảo Quy chế hệ thống thư điện tử tỉnh Sơn La',
};

/** Revisions of the score computation (src/rules/compliance/scoring.ts `SCORING_METHOD_REVISION`), in words. */
export const SCORING_REVISION_LABELS: Readonly<Record<string, string>> = {
  pp1:
    'cách tính điểm lần thứ nhất: mỗi tiêu chí là tỷ lệ đạt (tử số trên mẫu số), đếm tại ngày cuối mỗi tháng của kỳ; ' +
    'tiêu chí không có số liệu được bỏ qua và trọng số của nó chia lại cho các tiêu chí còn lại',
};

/** "cap-xa" → "Cap xa": the last resort for a code missing from its table (the tests keep it from happening). */
export function humanise(code: string): string {
  const words = code.replace(/[-_]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** The label of `code` in `table`, or the code made readable when the table lacks it; '' for no code. */
export function labelOf(table: Readonly<Record<string, string>>, code: string | null | undefined): string {
  if (code === null || code === undefined || code === '') return '';
  return table[code] ?? humanise(code);
}

const SLUG = /^[a-z0-9]+([-_][a-z0-9]+)*$/;

/**
 * The label of a free-text field that usually holds a code (an incident's kind or severity): the table's label when
 * the text folds to one of its codes ("Trung bình", "trung_binh" → "Trung bình"), the code made readable when it is
 * an unknown code, otherwise the operator's own text as written.
 */
export function freeTextLabel(table: Readonly<Record<string, string>>, text: string | null | undefined): string {
  if (text === null || text === undefined) return '';
  const key = foldVietnamese(text).replace(/[\s_]+/g, '-');
  if (table[key] !== undefined) return table[key]!;
  return SLUG.test(text.trim()) ? humanise(text.trim()) : text;
}

/** A citation as the profiles hold it (src/rules/policy/schema.ts `Citation`). */
export interface CitationParts {
  file: string;
  dieu?: number;
  khoan?: number;
  diem?: string;
}

/**
 * A citation as an official text writes it, smallest unit first, naming the document instead of our seed file id:
 * "điểm c khoản 2 Điều 8 Quy chế ban hành kèm theo Quyết định số 59/2024/QĐ-UBND" (NĐ 30/2020/NĐ-CP, Phụ lục I:
 * a document is cited by its kind, number and name). `full` names the document in full (first mention).
 */
export function citeDocument(c: CitationParts, options: { full?: boolean } = {}): string {
  const doc = SOURCE_DOCUMENTS[c.file];
  const name = doc ? (options.full ? doc.full : doc.name) : c.file;
  const parts = [c.diem ? `điểm ${c.diem}` : '', c.khoan ? `khoản ${c.khoan}` : '', c.dieu ? `Điều ${c.dieu}` : '', name];
  return parts.filter((p) => p !== '').join(' ');
}

/**
 * The ranking method a result was computed with, in words: "tcv-2024.1+pp1" → "bộ tiêu chí năm 2024 theo Quy chế …,
 * cách tính điểm lần thứ nhất". `explain` adds what that computation does.
 */
export function methodLabel(version: string, options: { explain?: boolean } = {}): string {
  const [criteria = '', revision = ''] = version.split('+');
  const set = RANKING_METHOD_LABELS[criteria] ?? 'bộ tiêu chí của hồ sơ quy định đang áp dụng';
  const how = SCORING_REVISION_LABELS[revision];
  if (!how) return set;
  const [short, detail] = how.split(': ');
  return options.explain && detail ? `${set}, ${short} (${detail})` : `${set}, ${short}`;
}
