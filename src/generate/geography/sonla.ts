/**
 * Sơn La's organisation chart under two-level local government (from 1/7/2025, 004 — Dự thảo): provincial bodies
 * after the 2025 mergers of sở, and the 75 communes and wards (8 phường, 67 xã); no district level. The merged
 * bodies of 2025-03-01 are kept as history rows (`SONLA_MERGERS`).
 */
import type { CommuneSpec, MergerSpec, ProvincialBodySpec } from './types.ts';

const DIRECTOR = { head: 'Giám đốc', deputy: 'Phó Giám đốc' };
const COMMON = ['Văn phòng', 'Thanh tra'];

export const SONLA_BODIES: ProvincialBodySpec[] = [
  { name: 'Văn phòng UBND tỉnh', abbr: 'vpubnd', kind: 'so-nganh', leaders: { head: 'Chánh Văn phòng', deputy: 'Phó Chánh Văn phòng' }, staff: [60, 110], departments: ['Phòng Hành chính - Tổ chức', 'Phòng Kinh tế', 'Phòng Khoa giáo - Văn xã', 'Phòng Nội chính'], units: [{ name: 'Trung tâm Phục vụ hành chính công', leaders: DIRECTOR, staff: [15, 30] }] },
  { name: 'Văn phòng Đoàn ĐBQH và HĐND tỉnh', abbr: 'vpdbqhhdnd', kind: 'so-nganh', leaders: { head: 'Chánh Văn phòng', deputy: 'Phó Chánh Văn phòng' }, staff: [30, 50], departments: ['Phòng Công tác HĐND', 'Phòng Công tác Quốc hội'] },
  { name: 'Sở Nội vụ', kind: 'so-nganh', leaders: DIRECTOR, staff: [70, 120], departments: [...COMMON, 'Phòng Tổ chức - Biên chế', 'Phòng Lao động - Việc làm', 'Phòng Người có công'] },
  { name: 'Sở Tư pháp', kind: 'so-nganh', leaders: DIRECTOR, staff: [40, 70], departments: [...COMMON, 'Phòng Văn bản quy phạm pháp luật', 'Phòng Hành chính tư pháp'] },
  { name: 'Sở Tài chính', kind: 'so-nganh', leaders: DIRECTOR, staff: [80, 140], departments: [...COMMON, 'Phòng Quản lý ngân sách', 'Phòng Tổng hợp, Quy hoạch', 'Phòng Đăng ký kinh doanh'] },
  { name: 'Sở Công Thương', kind: 'so-nganh', leaders: DIRECTOR, staff: [45, 80], departments: [...COMMON, 'Phòng Quản lý thương mại', 'Phòng Quản lý năng lượng'] },
  { name: 'Sở Nông nghiệp và Môi trường', since: '2025-03-01', kind: 'so-nganh', leaders: DIRECTOR, staff: [140, 200], departments: [...COMMON, 'Phòng Quản lý đất đai', 'Phòng Kế hoạch - Tài chính'], units: [{ name: 'Chi cục Kiểm lâm', leaders: { head: 'Chi cục trưởng', deputy: 'Phó Chi cục trưởng' }, staff: [40, 80] }, { name: 'Văn phòng Đăng ký đất đai', leaders: DIRECTOR, staff: [30, 60] }] },
  { name: 'Sở Xây dựng', kind: 'so-nganh', leaders: DIRECTOR, staff: [70, 120], departments: [...COMMON, 'Phòng Quản lý xây dựng', 'Phòng Quản lý kết cấu hạ tầng giao thông'] },
  { name: 'Sở Khoa học và Công nghệ', kind: 'so-nganh', leaders: DIRECTOR, staff: [60, 100], departments: [...COMMON, 'Phòng Quản lý khoa học', 'Phòng Chuyển đổi số', 'Phòng Bưu chính - Viễn thông'], units: [{ name: 'Trung tâm Công nghệ thông tin và Kiểm định', leaders: DIRECTOR, staff: [20, 35] }] },
  { name: 'Sở Văn hóa, Thể thao và Du lịch', kind: 'so-nganh', leaders: DIRECTOR, staff: [60, 110], departments: [...COMMON, 'Phòng Quản lý văn hóa', 'Phòng Quản lý du lịch'] },
  { name: 'Sở Giáo dục và Đào tạo', kind: 'so-nganh', leaders: DIRECTOR, staff: [70, 130], departments: [...COMMON, 'Phòng Giáo dục Trung học', 'Phòng Giáo dục Mầm non - Tiểu học'], units: [{ name: 'Trường THPT Chuyên Sơn La', leaders: { head: 'Hiệu trưởng', deputy: 'Phó Hiệu trưởng' }, staff: [50, 80] }, { name: 'Trường Phổ thông Dân tộc Nội trú tỉnh', leaders: { head: 'Hiệu trưởng', deputy: 'Phó Hiệu trưởng' }, staff: [40, 70] }] },
  { name: 'Sở Y tế', kind: 'so-nganh', leaders: DIRECTOR, staff: [80, 160], departments: [...COMMON, 'Phòng Nghiệp vụ Y', 'Phòng Nghiệp vụ Dược'], units: [{ name: 'Bệnh viện Đa khoa tỉnh', leaders: DIRECTOR, staff: [80, 150] }] },
  { name: 'Sở Dân tộc và Tôn giáo', since: '2025-03-01', kind: 'so-nganh', leaders: DIRECTOR, staff: [30, 50], departments: ['Văn phòng', 'Phòng Chính sách dân tộc', 'Phòng Quản lý tôn giáo'] },
  { name: 'Thanh tra tỉnh', abbr: 'thanhtra', kind: 'so-nganh', leaders: { head: 'Chánh Thanh tra', deputy: 'Phó Chánh Thanh tra' }, staff: [40, 60], departments: ['Văn phòng', 'Phòng Nghiệp vụ 1', 'Phòng Nghiệp vụ 2'] },
];

const FORMER = (name: string, departments: string[]): ProvincialBodySpec => ({ name, kind: 'so-nganh', leaders: DIRECTOR, staff: [40, 80], departments });

/** The 2025-03-01 mergers of provincial sở (the merged sở are closed with a successor; their phòng are not listed). */
export const SONLA_MERGERS: MergerSpec[] = [
  { predecessor: FORMER('Sở Thông tin và Truyền thông', []), successorName: 'Sở Khoa học và Công nghệ', date: '2025-03-01', departmentsMove: false },
  { predecessor: FORMER('Sở Kế hoạch và Đầu tư', []), successorName: 'Sở Tài chính', date: '2025-03-01', departmentsMove: false },
  { predecessor: FORMER('Sở Giao thông vận tải', []), successorName: 'Sở Xây dựng', date: '2025-03-01', departmentsMove: false },
  { predecessor: FORMER('Sở Lao động - Thương binh và Xã hội', []), successorName: 'Sở Nội vụ', date: '2025-03-01', departmentsMove: false },
  { predecessor: FORMER('Sở Tài nguyên và Môi trường', []), successorName: 'Sở Nông nghiệp và Môi trường', date: '2025-03-01', departmentsMove: false },
  { predecessor: FORMER('Sở Nông nghiệp và Phát triển nông thôn', []), successorName: 'Sở Nông nghiệp và Môi trường', date: '2025-03-01', departmentsMove: false },
  { predecessor: { ...FORMER('Ban Dân tộc', []), abbr: 'bandantoc', leaders: { head: 'Trưởng ban', deputy: 'Phó Trưởng ban' } }, successorName: 'Sở Dân tộc và Tôn giáo', date: '2025-03-01', departmentsMove: false },
];

/** Phòng of a commune People's Committee under two-level local government. */
export const SONLA_COMMUNE_DEPARTMENTS = ['Văn phòng HĐND và UBND', 'Phòng Kinh tế', 'Phòng Văn hóa - Xã hội', 'Trung tâm Phục vụ hành chính công'];
export const SONLA_WARD_DEPARTMENTS = ['Văn phòng HĐND và UBND', 'Phòng Kinh tế, Hạ tầng và Đô thị', 'Phòng Văn hóa - Xã hội', 'Trung tâm Phục vụ hành chính công'];

const phuong = (...names: string[]): CommuneSpec[] => names.map((name) => ({ type: 'phường', name }));
const xa = (...names: string[]): CommuneSpec[] => names.map((name) => ({ type: 'xã', name }));

/** The 75 communes and wards of Sơn La from 1/7/2025. */
export const SONLA_COMMUNES: CommuneSpec[] = [
  ...phuong('Tô Hiệu', 'Chiềng An', 'Chiềng Cơi', 'Chiềng Sinh', 'Mộc Châu', 'Mộc Sơn', 'Vân Sơn', 'Thảo Nguyên'),
  ...xa(
    'Đoàn Kết', 'Lóng Sập', 'Chiềng Sơn', 'Vân Hồ', 'Song Khủa', 'Tô Múa', 'Xuân Nha', 'Quỳnh Nhai', 'Mường Chiên',
    'Mường Giôn', 'Mường Sại', 'Thuận Châu', 'Chiềng La', 'Nậm Lầu', 'Muổi Nọi', 'Mường Khiêng', 'Co Mạ', 'Bình Thuận',
    'Mường É', 'Long Hẹ', 'Mường La', 'Chiềng Lao', 'Mường Bú', 'Chiềng Hoa', 'Bắc Yên', 'Tà Xùa', 'Tạ Khoa',
    'Xím Vàng', 'Pắc Ngà', 'Chiềng Sại', 'Phù Yên', 'Gia Phù', 'Tường Hạ', 'Mường Cơi', 'Mường Bang', 'Tân Phong',
    'Kim Bon', 'Yên Châu', 'Chiềng Hặc', 'Lóng Phiêng', 'Yên Sơn', 'Chiềng Mai', 'Mai Sơn', 'Phiêng Pằn', 'Chiềng Mung',
    'Phiêng Cằm', 'Mường Chanh', 'Tà Hộc', 'Chiềng Sung', 'Bó Sinh', 'Chiềng Khương', 'Mường Hung', 'Chiềng Khoong',
    'Mường Lầm', 'Nậm Ty', 'Sông Mã', 'Huổi Một', 'Chiềng Sơ', 'Sốp Cộp', 'Púng Bánh', 'Mường Lạn', 'Tân Yên',
    'Mường Bám', 'Ngọc Chiến', 'Suối Tọ', 'Phiêng Khoài', 'Mường Lèo',
  ),
];

/** Communes where H'Mông staff are the largest minority (highland communes). */
export const SONLA_HMONG_COMMUNES = new Set(['Tà Xùa', 'Xím Vàng', 'Long Hẹ', 'Co Mạ', 'Ngọc Chiến', 'Suối Tọ', 'Tà Hộc', 'Phiêng Khoài', 'Mường Lèo', 'Chiềng Hặc', 'Tân Yên', 'Mường Bám']);

export const SONLA_STREETS = ['Tô Hiệu', 'Chu Văn Thịnh', 'Lò Văn Giá', 'Trường Chinh', 'Tô Ngọc Vân', 'Nguyễn Lương Bằng', '3/2', 'Lê Duẩn', 'Hoàng Quốc Việt'];
export const SONLA_HAMLETS = ['Bản Mòng', 'Bản Hụn', 'Bản Cọ', 'Bản Nà Cóc', 'Bản Phiêng Tam', 'Tiểu khu 1', 'Tiểu khu 2', 'Bản Mé', 'Bản Hìn', 'Bản Huổi Hẹ'];
