/**
 * Kinh (Việt) personal names with realistic family-name frequencies: Nguyễn ≈ 38 %, Trần ≈ 11 %, Lê ≈ 9.5 %,
 * Phạm ≈ 7 %, Hoàng/Huỳnh ≈ 5 %, Phan ≈ 4.5 %, Vũ/Võ ≈ 3.9 %, Đặng, Bùi, Đỗ, Hồ, Ngô, Dương, Lý … (weights in
 * percent). Southern provinces say Huỳnh and Võ where northern ones say Hoàng and Vũ.
 */

export type Region = 'south' | 'north';

const SHARED: [string, number][] = [
  ['Nguyễn', 38.4], ['Trần', 11], ['Lê', 9.5], ['Phạm', 7], ['Phan', 4.5], ['Đặng', 2.1], ['Bùi', 2], ['Đỗ', 1.4],
  ['Hồ', 1.3], ['Ngô', 1.3], ['Dương', 1], ['Lý', 0.5], ['Đinh', 0.6], ['Trương', 0.8], ['Lâm', 0.5], ['Mai', 0.5],
  ['Đoàn', 0.5], ['Lương', 0.5], ['Đào', 0.5], ['Trịnh', 0.5], ['Hà', 0.5], ['Cao', 0.4], ['Tô', 0.4], ['Châu', 0.3],
  ['Thái', 0.3], ['Tạ', 0.3], ['Quách', 0.2], ['Lưu', 0.3], ['Triệu', 0.2], ['Kiều', 0.2], ['La', 0.2], ['Từ', 0.1],
  ['Văn', 0.1], ['Mạc', 0.1], ['Diệp', 0.1], ['Nông', 0.1],
];

/** Family names and weights for a region. */
export function kinhFamilyNames(region: Region): [string, number][] {
  return region === 'south'
    ? [...SHARED, ['Huỳnh', 4.3], ['Hoàng', 0.8], ['Võ', 3.2], ['Vũ', 0.7], ['Tăng', 0.2], ['Khưu', 0.1]]
    : [...SHARED, ['Hoàng', 4.6], ['Huỳnh', 0.5], ['Vũ', 3.4], ['Võ', 0.5], ['Lò', 0.1]];
}

export const KINH_MIDDLE_MALE: [string, number][] = [
  ['Văn', 40], ['Minh', 8], ['Thanh', 7], ['Quốc', 6], ['Hoàng', 4], ['Hữu', 5], ['Đức', 5], ['Công', 4], ['Ngọc', 3],
  ['Chí', 3], ['Thành', 3], ['Tấn', 3], ['Trung', 2], ['Xuân', 2], ['Duy', 2], ['Quang', 3], ['Trọng', 2], ['Phước', 2],
  ['Anh', 2], ['Hồng', 1], ['Kim', 1], ['Việt', 2], ['Thế', 2], ['Bá', 1],
];

export const KINH_MIDDLE_FEMALE: [string, number][] = [
  ['Thị', 45], ['Ngọc', 8], ['Thanh', 6], ['Thu', 5], ['Kim', 4], ['Bích', 3], ['Mỹ', 4], ['Hồng', 4], ['Minh', 3],
  ['Phương', 3], ['Thùy', 3], ['Hoài', 2], ['Diễm', 1], ['Tuyết', 1], ['Cẩm', 2], ['Khánh', 2], ['Hải', 2], ['Quỳnh', 2],
];

/** A second middle name some people carry ("Nguyễn Thị Ngọc Hân", "Trần Hoàng Minh Tuấn"). */
export const KINH_SECOND_MIDDLE = ['Ngọc', 'Minh', 'Hoàng', 'Thanh', 'Kim', 'Bảo', 'Thiên', 'Gia', 'Nhật', 'Phương', 'Thảo', 'Huỳnh'];

export const KINH_GIVEN_MALE = [
  'An', 'Anh', 'Bảo', 'Bình', 'Cường', 'Công', 'Danh', 'Dũng', 'Duy', 'Đạt', 'Đông', 'Đức', 'Giang', 'Hải', 'Hào',
  'Hậu', 'Hiếu', 'Hòa', 'Hoàng', 'Hùng', 'Huy', 'Khang', 'Khánh', 'Khoa', 'Kiên', 'Lâm', 'Lộc', 'Long', 'Luân', 'Minh',
  'Nam', 'Nghĩa', 'Nguyên', 'Nguyện', 'Nhân', 'Phát', 'Phong', 'Phúc', 'Phước', 'Quang', 'Quân', 'Quý', 'Sang', 'Sơn',
  'Tài', 'Tâm', 'Tân', 'Thắng', 'Thành', 'Thanh', 'Thịnh', 'Thông', 'Thuận', 'Tiến', 'Tín', 'Toàn', 'Trí', 'Triều',
  'Trung', 'Trường', 'Tuấn', 'Tùng', 'Việt', 'Vinh', 'Vũ', 'Bình', 'Thuỵ', 'Khải', 'Lợi', 'Nhựt', 'Hưng', 'Đăng',
];

export const KINH_GIVEN_FEMALE = [
  'An', 'Anh', 'Ánh', 'Châu', 'Chi', 'Diễm', 'Dung', 'Duyên', 'Giang', 'Hà', 'Hân', 'Hạnh', 'Hằng', 'Hiền', 'Hoa',
  'Hòa', 'Hồng', 'Hương', 'Huyền', 'Khánh', 'Lan', 'Liên', 'Linh', 'Loan', 'Mai', 'My', 'Nga', 'Ngân', 'Ngọc', 'Nhi',
  'Nhung', 'Oanh', 'Phương', 'Quyên', 'Quỳnh', 'Tâm', 'Thảo', 'Thanh', 'Thoa', 'Thư', 'Thủy', 'Thúy', 'Tiên', 'Trang',
  'Trâm', 'Trinh', 'Tuyết', 'Uyên', 'Vân', 'Vy', 'Xuân', 'Yến', 'Hoà', 'Thuý', 'Kiều', 'Nương', 'Ly', 'Diệu',
];
