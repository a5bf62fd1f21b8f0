/**
 * Sóc Trăng's organisation chart before the 2025 reorganisation of local government: provincial bodies, the 11
 * district-level units (huyện, thị xã, thành phố) and their communes (xã, phường, thị trấn). Names are real; the
 * merger of Sở Thông tin và Truyền thông into Sở Khoa học và Công nghệ (2025-03-01) is in `SOCTRANG_TTTT_MERGER`.
 */
import type { DistrictSpec, MergerSpec, ProvincialBodySpec } from './types.ts';

const DIRECTOR = { head: 'Giám đốc', deputy: 'Phó Giám đốc' };
const CHIEF = { head: 'Trưởng ban', deputy: 'Phó Trưởng ban' };
const CHAIR = { head: 'Chủ tịch', deputy: 'Phó Chủ tịch' };
const COMMON = ['Văn phòng', 'Thanh tra'];

/** Sở Thông tin và Truyền thông as it was until 2025-03-01 (QĐ 17/2014 and QĐ 59/2024 name it the operator). */
export const SOCTRANG_TTTT: ProvincialBodySpec = {
  name: 'Sở Thông tin và Truyền thông',
  kind: 'so-nganh',
  leaders: DIRECTOR,
  staff: [40, 70],
  departments: ['Văn phòng', 'Thanh tra', 'Phòng Chuyển đổi số', 'Phòng Bưu chính - Viễn thông', 'Phòng Thông tin - Báo chí - Xuất bản'],
  units: [{ name: 'Trung tâm Công nghệ số', leaders: DIRECTOR, staff: [20, 35] }],
};

export const SOCTRANG_BODIES: ProvincialBodySpec[] = [
  { name: 'Văn phòng UBND tỉnh', abbr: 'vpubnd', kind: 'so-nganh', leaders: { head: 'Chánh Văn phòng', deputy: 'Phó Chánh Văn phòng' }, staff: [60, 110], departments: ['Phòng Hành chính - Tổ chức', 'Phòng Kinh tế', 'Phòng Khoa giáo - Văn xã', 'Phòng Nội chính', 'Phòng Quản trị - Tài vụ', 'Ban Tiếp công dân'], units: [{ name: 'Trung tâm Phục vụ hành chính công', leaders: DIRECTOR, staff: [15, 30] }] },
  { name: 'Văn phòng Đoàn ĐBQH và HĐND tỉnh', abbr: 'vpdbqhhdnd', kind: 'so-nganh', leaders: { head: 'Chánh Văn phòng', deputy: 'Phó Chánh Văn phòng' }, staff: [30, 50], departments: ['Phòng Công tác HĐND', 'Phòng Công tác Quốc hội', 'Phòng Hành chính - Tổ chức - Quản trị'] },
  { name: 'Sở Nội vụ', kind: 'so-nganh', leaders: DIRECTOR, staff: [50, 90], departments: [...COMMON, 'Phòng Tổ chức - Biên chế', 'Phòng Cán bộ, công chức, viên chức', 'Phòng Xây dựng chính quyền và Công tác thanh niên'], units: [{ name: 'Trung tâm Lưu trữ lịch sử', leaders: DIRECTOR, staff: [10, 20] }] },
  { name: 'Sở Tư pháp', kind: 'so-nganh', leaders: DIRECTOR, staff: [40, 70], departments: [...COMMON, 'Phòng Văn bản quy phạm pháp luật', 'Phòng Hành chính tư pháp', 'Phòng Bổ trợ tư pháp'], units: [{ name: 'Trung tâm Trợ giúp pháp lý nhà nước', leaders: DIRECTOR, staff: [12, 25] }] },
  { name: 'Sở Kế hoạch và Đầu tư', kind: 'so-nganh', leaders: DIRECTOR, staff: [45, 80], departments: [...COMMON, 'Phòng Tổng hợp, Quy hoạch', 'Phòng Đăng ký kinh doanh', 'Phòng Kinh tế đối ngoại'] },
  { name: 'Sở Tài chính', kind: 'so-nganh', leaders: DIRECTOR, staff: [50, 90], departments: [...COMMON, 'Phòng Quản lý ngân sách', 'Phòng Tài chính đầu tư', 'Phòng Quản lý giá và Công sản'] },
  { name: 'Sở Công Thương', kind: 'so-nganh', leaders: DIRECTOR, staff: [45, 80], departments: [...COMMON, 'Phòng Quản lý thương mại', 'Phòng Quản lý công nghiệp', 'Phòng Quản lý năng lượng'], units: [{ name: 'Trung tâm Khuyến công và Xúc tiến thương mại', leaders: DIRECTOR, staff: [12, 25] }] },
  { name: 'Sở Nông nghiệp và Phát triển nông thôn', kind: 'so-nganh', leaders: DIRECTOR, staff: [120, 200], departments: [...COMMON, 'Phòng Kế hoạch - Tài chính', 'Phòng Tổ chức cán bộ'], units: [{ name: 'Chi cục Thủy lợi', leaders: { head: 'Chi cục trưởng', deputy: 'Phó Chi cục trưởng' }, staff: [20, 40] }, { name: 'Chi cục Trồng trọt và Bảo vệ thực vật', leaders: { head: 'Chi cục trưởng', deputy: 'Phó Chi cục trưởng' }, staff: [25, 45] }, { name: 'Trung tâm Khuyến nông', leaders: DIRECTOR, staff: [20, 40] }] },
  { name: 'Sở Giao thông vận tải', kind: 'so-nganh', leaders: DIRECTOR, staff: [50, 90], departments: [...COMMON, 'Phòng Quản lý vận tải, phương tiện và người lái', 'Phòng Quản lý kết cấu hạ tầng giao thông'] },
  { name: 'Sở Xây dựng', kind: 'so-nganh', leaders: DIRECTOR, staff: [40, 70], departments: [...COMMON, 'Phòng Quản lý xây dựng', 'Phòng Quy hoạch - Kiến trúc', 'Phòng Phát triển đô thị'] },
  { name: 'Sở Tài nguyên và Môi trường', kind: 'so-nganh', leaders: DIRECTOR, staff: [60, 110], departments: [...COMMON, 'Phòng Quản lý đất đai', 'Phòng Tài nguyên nước và Khoáng sản', 'Chi cục Bảo vệ môi trường'], units: [{ name: 'Văn phòng Đăng ký đất đai', leaders: DIRECTOR, staff: [30, 60] }] },
  { name: 'Sở Lao động - Thương binh và Xã hội', kind: 'so-nganh', leaders: DIRECTOR, staff: [50, 90], departments: [...COMMON, 'Phòng Lao động - Việc làm', 'Phòng Người có công', 'Phòng Bảo trợ xã hội'] },
  { name: 'Sở Văn hóa, Thể thao và Du lịch', kind: 'so-nganh', leaders: DIRECTOR, staff: [60, 110], departments: [...COMMON, 'Phòng Quản lý văn hóa', 'Phòng Quản lý thể dục thể thao', 'Phòng Quản lý du lịch'], units: [{ name: 'Bảo tàng tỉnh', leaders: DIRECTOR, staff: [15, 30] }, { name: 'Thư viện tỉnh', leaders: DIRECTOR, staff: [12, 25] }] },
  { name: 'Sở Khoa học và Công nghệ', kind: 'so-nganh', leaders: DIRECTOR, staff: [35, 60], departments: [...COMMON, 'Phòng Quản lý khoa học', 'Phòng Quản lý công nghệ và Thị trường công nghệ'], units: [{ name: 'Trung tâm Kỹ thuật Tiêu chuẩn Đo lường Chất lượng', leaders: DIRECTOR, staff: [15, 30] }] },
  { name: 'Sở Giáo dục và Đào tạo', kind: 'so-nganh', leaders: DIRECTOR, staff: [70, 130], departments: [...COMMON, 'Phòng Giáo dục Trung học', 'Phòng Giáo dục Mầm non - Tiểu học', 'Phòng Khảo thí và Kiểm định chất lượng', 'Phòng Tổ chức cán bộ'], units: [{ name: 'Trường THPT Chuyên Nguyễn Thị Minh Khai', leaders: { head: 'Hiệu trưởng', deputy: 'Phó Hiệu trưởng' }, staff: [50, 80] }, { name: 'Trường THPT Hoàng Diệu', leaders: { head: 'Hiệu trưởng', deputy: 'Phó Hiệu trưởng' }, staff: [50, 80] }, { name: 'Trường Phổ thông Dân tộc Nội trú tỉnh', leaders: { head: 'Hiệu trưởng', deputy: 'Phó Hiệu trưởng' }, staff: [35, 60] }] },
  { name: 'Sở Y tế', kind: 'so-nganh', leaders: DIRECTOR, staff: [80, 160], departments: [...COMMON, 'Phòng Nghiệp vụ Y', 'Phòng Nghiệp vụ Dược', 'Phòng Kế hoạch - Tài chính'], units: [{ name: 'Bệnh viện Đa khoa tỉnh', leaders: DIRECTOR, staff: [80, 150] }, { name: 'Trung tâm Kiểm soát bệnh tật', leaders: DIRECTOR, staff: [40, 70] }] },
  { name: 'Thanh tra tỉnh', abbr: 'thanhtra', kind: 'so-nganh', leaders: { head: 'Chánh Thanh tra', deputy: 'Phó Chánh Thanh tra' }, staff: [40, 60], departments: ['Văn phòng', 'Phòng Nghiệp vụ 1', 'Phòng Nghiệp vụ 2', 'Phòng Tiếp công dân và Xử lý đơn thư'] },
  { name: 'Ban Dân tộc', abbr: 'bandantoc', kind: 'so-nganh', leaders: CHIEF, staff: [25, 40], departments: ['Văn phòng', 'Phòng Chính sách dân tộc', 'Phòng Tuyên truyền và Địa bàn'] },
  { name: 'Ban Quản lý các Khu công nghiệp', abbr: 'bqlkcn', kind: 'so-nganh', leaders: CHIEF, staff: [25, 45], departments: ['Văn phòng', 'Phòng Quản lý doanh nghiệp', 'Phòng Quy hoạch - Xây dựng'] },
  { name: 'Văn phòng Tỉnh ủy', abbr: 'vptu', kind: 'dang-doan-the', leaders: { head: 'Chánh Văn phòng', deputy: 'Phó Chánh Văn phòng' }, staff: [40, 70], departments: ['Phòng Tổng hợp', 'Phòng Hành chính - Lưu trữ', 'Phòng Tài chính - Quản trị'] },
  { name: 'Ủy ban MTTQ Việt Nam tỉnh', abbr: 'mttq', kind: 'dang-doan-the', leaders: CHAIR, staff: [25, 40], departments: ['Văn phòng', 'Ban Dân chủ - Pháp luật'] },
  { name: 'Tỉnh Đoàn', abbr: 'tinhdoan', kind: 'dang-doan-the', leaders: { head: 'Bí thư', deputy: 'Phó Bí thư' }, staff: [20, 35], departments: ['Văn phòng', 'Ban Tổ chức - Kiểm tra'] },
  { name: 'Hội Liên hiệp Phụ nữ tỉnh', abbr: 'hoilhpn', kind: 'dang-doan-the', leaders: CHAIR, staff: [20, 35], departments: ['Văn phòng', 'Ban Tuyên giáo'] },
  { name: 'Hội Nông dân tỉnh', abbr: 'hoind', kind: 'dang-doan-the', leaders: CHAIR, staff: [20, 35], departments: ['Văn phòng'] },
  { name: 'Kho bạc Nhà nước Sóc Trăng', abbr: 'khobac', kind: 'trung-uong', leaders: DIRECTOR, staff: [60, 100], departments: ['Văn phòng', 'Phòng Kế toán nhà nước', 'Phòng Kiểm soát chi'] },
  { name: 'Bảo hiểm xã hội tỉnh', abbr: 'bhxh', kind: 'trung-uong', leaders: DIRECTOR, staff: [60, 110], departments: ['Văn phòng', 'Phòng Thu', 'Phòng Chế độ bảo hiểm xã hội'] },
  { name: 'Cục Thống kê tỉnh', abbr: 'cucthongke', kind: 'trung-uong', leaders: { head: 'Cục trưởng', deputy: 'Phó Cục trưởng' }, staff: [40, 70], departments: ['Văn phòng', 'Phòng Thống kê Tổng hợp'] },
];

/** Sở TT&TT merged into Sở KH&CN on 2025-03-01; its phòng and its centre move with it. */
export const SOCTRANG_TTTT_MERGER: MergerSpec = {
  predecessor: SOCTRANG_TTTT,
  successorName: 'Sở Khoa học và Công nghệ',
  date: '2025-03-01',
  departmentsMove: true,
};

/** Standard phòng of a district People's Committee (before 2025). */
export const SOCTRANG_DISTRICT_DEPARTMENTS = [
  'Văn phòng HĐND và UBND',
  'Phòng Nội vụ',
  'Phòng Tư pháp',
  'Phòng Tài chính - Kế hoạch',
  'Phòng Tài nguyên và Môi trường',
  'Phòng Lao động - Thương binh và Xã hội',
  'Phòng Văn hóa và Thông tin',
  'Phòng Giáo dục và Đào tạo',
  'Phòng Y tế',
  'Thanh tra',
  'Phòng Dân tộc',
];
/** Phòng that differ between rural districts and towns/cities. */
export const SOCTRANG_RURAL_DEPARTMENTS = ['Phòng Nông nghiệp và Phát triển nông thôn', 'Phòng Kinh tế và Hạ tầng'];
export const SOCTRANG_URBAN_DEPARTMENTS = ['Phòng Kinh tế', 'Phòng Quản lý đô thị'];
/** Đơn vị sự nghiệp of every district. */
export const SOCTRANG_DISTRICT_UNITS = [{ name: 'Trung tâm Văn hóa - Thể thao', leaders: DIRECTOR, staff: [10, 20] as [number, number] }];

const xa = (...names: string[]) => names.map((name) => ({ type: 'xã' as const, name }));
const phuong = (...names: string[]) => names.map((name) => ({ type: 'phường' as const, name }));
const thitran = (...names: string[]) => names.map((name) => ({ type: 'thị trấn' as const, name }));

export const SOCTRANG_DISTRICTS: DistrictSpec[] = [
  { type: 'thành phố', name: 'Sóc Trăng', abbr: 'tpsoctrang', khmerShare: 0.08, communes: phuong('1', '2', '3', '4', '5', '6', '7', '8', '9', '10') },
  { type: 'huyện', name: 'Châu Thành', khmerShare: 0.12, communes: [...thitran('Châu Thành'), ...xa('An Hiệp', 'An Ninh', 'Hồ Đắc Kiện', 'Phú Tâm', 'Phú Tân', 'Thiện Mỹ', 'Thuận Hòa')] },
  { type: 'huyện', name: 'Kế Sách', khmerShare: 0.05, communes: [...thitran('Kế Sách', 'An Lạc Thôn'), ...xa('An Lạc Tây', 'An Mỹ', 'Ba Trinh', 'Đại Hải', 'Kế An', 'Kế Thành', 'Nhơn Mỹ', 'Phong Nẫm', 'Thới An Hội', 'Trinh Phú', 'Xuân Hòa')] },
  { type: 'huyện', name: 'Long Phú', khmerShare: 0.1, communes: [...thitran('Long Phú', 'Đại Ngãi'), ...xa('Châu Khánh', 'Hậu Thạnh', 'Long Đức', 'Long Phú', 'Phú Hữu', 'Song Phụng', 'Tân Hưng', 'Tân Thạnh', 'Trường Khánh')] },
  { type: 'huyện', name: 'Mỹ Tú', khmerShare: 0.12, communes: [...thitran('Huỳnh Hữu Nghĩa'), ...xa('Hưng Phú', 'Long Hưng', 'Mỹ Hương', 'Mỹ Phước', 'Mỹ Thuận', 'Mỹ Tú', 'Phú Mỹ', 'Thuận Hưng')] },
  { type: 'huyện', name: 'Mỹ Xuyên', khmerShare: 0.18, communes: [...thitran('Mỹ Xuyên'), ...xa('Đại Tâm', 'Gia Hòa 1', 'Gia Hòa 2', 'Hòa Tú 1', 'Hòa Tú 2', 'Ngọc Đông', 'Ngọc Tố', 'Tham Đôn', 'Thạnh Phú', 'Thạnh Quới')] },
  { type: 'huyện', name: 'Cù Lao Dung', khmerShare: 0.03, communes: [...thitran('Cù Lao Dung'), ...xa('An Thạnh 1', 'An Thạnh 2', 'An Thạnh 3', 'An Thạnh Đông', 'An Thạnh Nam', 'An Thạnh Tây', 'Đại Ân 1')] },
  { type: 'huyện', name: 'Trần Đề', khmerShare: 0.25, communes: [...thitran('Trần Đề', 'Lịch Hội Thượng'), ...xa('Đại Ân 2', 'Liêu Tú', 'Lịch Hội Thượng', 'Tài Văn', 'Thạnh Thới An', 'Thạnh Thới Thuận', 'Trung Bình', 'Viên An', 'Viên Bình')] },
  { type: 'huyện', name: 'Thạnh Trị', khmerShare: 0.12, communes: [...thitran('Phú Lộc', 'Hưng Lợi'), ...xa('Châu Hưng', 'Lâm Kiết', 'Lâm Tân', 'Thạnh Tân', 'Thạnh Trị', 'Tuân Tức', 'Vĩnh Lợi', 'Vĩnh Thành')] },
  { type: 'thị xã', name: 'Vĩnh Châu', khmerShare: 0.3, communes: [...phuong('1', '2', 'Khánh Hòa', 'Vĩnh Phước'), ...xa('Hòa Đông', 'Lạc Hòa', 'Lai Hòa', 'Vĩnh Hải', 'Vĩnh Hiệp', 'Vĩnh Tân')] },
  { type: 'thị xã', name: 'Ngã Năm', khmerShare: 0.06, communes: [...phuong('1', '2', '3'), ...xa('Long Bình', 'Mỹ Bình', 'Mỹ Quới', 'Tân Long', 'Vĩnh Quới')] },
];

/** Streets of Sóc Trăng city for provincial office addresses. */
export const SOCTRANG_STREETS = ['Trần Hưng Đạo', 'Hùng Vương', 'Lê Lợi', 'Hai Bà Trưng', 'Châu Văn Tiếp', 'Lê Duẩn', 'Nguyễn Thị Minh Khai', 'Lý Thường Kiệt', 'Phú Lợi', 'Tôn Đức Thắng', 'Mạc Đĩnh Chi', 'Nguyễn Văn Linh'];
/** Hamlet (ấp, khóm) names for commune office addresses. */
export const SOCTRANG_HAMLETS = ['Ấp Chợ', 'Ấp Trung Bình', 'Ấp Phước Hòa', 'Ấp Tân Lập', 'Ấp Hòa Thuận', 'Ấp Nhơn Hòa', 'Ấp An Định', 'Ấp Đại Nghĩa', 'Khóm 1', 'Khóm 2', 'Khóm 3', 'Ấp Mỹ Thanh', 'Ấp Sóc Vồ', 'Ấp Prey Chóp', 'Ấp Tà Điếp'];
