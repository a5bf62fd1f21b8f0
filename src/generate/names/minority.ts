/**
 * Names of the minorities whose officials the generator must represent (SPEC §4.2: names are not only Kinh):
 * Khmer in Sóc Trăng (family names Thạch, Sơn, Kim, Lâm, Danh, Lý, Trà, Chau …, given names often of several
 * syllables), Thái, H'Mông and Mường in Sơn La (Lò, Cầm, Quàng, Lường, Tòng, Hà; Giàng, Mùa, Vừ, Lầu, Sùng with the
 * H'Mông middle names "A" for men and "Thị" for women).
 */

export const KHMER_FAMILY: [string, number][] = [
  ['Thạch', 30], ['Sơn', 20], ['Kim', 12], ['Lâm', 10], ['Danh', 7], ['Lý', 8], ['Trà', 6], ['Chau', 3], ['Châu', 2], ['Kiên', 2],
];

/** Multi-syllable Khmer given names as Vietnamese records write them. */
export const KHMER_GIVEN_MULTI_MALE = [
  'Sô Phal', 'Sóc Kha', 'Sà Phonl', 'Chanh Thi', 'Đa Ra', 'Sa Rết', 'Bô Ra', 'Pha Rắt', 'Sóc Thươl', 'Kim Sang',
  'Chăn Đa', 'Vi Sal', 'Ra Đy', 'Sô Khonl', 'Thi Rắc', 'Sa Vanl',
];
export const KHMER_GIVEN_MULTI_FEMALE = [
  'Sô Phia', 'Sa Rươne', 'Ra Ni', 'Sa Ry', 'Mon Ni Ka', 'Sa Vy', 'Ly Na', 'Kha Na', 'Sa Mây', 'Đa Vy', 'Som Nang',
  'Sô Phênh', 'Thi Đa', 'Pha Ly', 'Sa Rinh', 'Chanh Na',
];
export const KHMER_GIVEN_SINGLE_MALE = ['Phol', 'Sóc', 'Thươl', 'Khênh', 'Sươl', 'Rết', 'Sến', 'Dũng', 'Thành', 'Hùng', 'Sang', 'Ngọc'];
export const KHMER_GIVEN_SINGLE_FEMALE = ['Sa', 'Phươl', 'Ny', 'Hoa', 'Thu', 'Mai', 'Lan', 'Đa', 'Ry', 'Sêl'];
/** Some Khmer officials carry a Vietnamese middle name ("Sơn Ngọc Thành", "Thạch Thị Sa Rươne"). */
export const KHMER_MIDDLE_MALE = ['Văn', 'Ngọc', 'Minh', 'Thanh'];

export const THAI_FAMILY: [string, number][] = [
  ['Lò', 20], ['Cầm', 10], ['Quàng', 8], ['Lường', 10], ['Tòng', 7], ['Hà', 8], ['Lù', 5], ['Điêu', 4], ['Vì', 4], ['Bạc', 3], ['Mè', 2], ['Sa', 2],
];
export const THAI_GIVEN_MALE = [
  'Ún', 'Panh', 'Hặc', 'Pọm', 'Khằm', 'Chiến', 'Xuân', 'Thanh', 'Phóng', 'Hoan', 'Inh', 'Biên', 'Nọi', 'Tiến', 'Dũng',
  'Hùng', 'Thoan', 'Lả', 'Ẻ', 'Xôm', 'Minh', 'Quân', 'Thương', 'Tuấn', 'Hải',
];
export const THAI_GIVEN_FEMALE = [
  'Eng', 'Hom', 'Xiêng', 'Chăm', 'Ọn', 'Phương', 'Hoa', 'Lan', 'Thoa', 'Ngân', 'Bun', 'Pâng', 'Ín', 'Hiên', 'Mai',
  'Tươi', 'Phanh', 'Hương', 'Thủy', 'Yến',
];

export const HMONG_FAMILY: [string, number][] = [
  ['Giàng', 20], ['Mùa', 12], ['Vừ', 12], ['Lầu', 8], ['Sùng', 10], ['Thào', 12], ['Hờ', 5], ['Lý', 6], ['Cứ', 4], ['Tráng', 4], ['Hạng', 4],
];
export const HMONG_GIVEN_MALE = [
  'Páo', 'Sính', 'Chá', 'Dình', 'Lử', 'Tủa', 'Sềnh', 'Pó', 'Chở', 'Pàng', 'Dua', 'Khua', 'Nhè', 'Súa', 'Xá', 'Của',
  'Dếnh', 'Lềnh', 'Chứ', 'Vàng',
];
export const HMONG_GIVEN_FEMALE = ['Mỷ', 'Dợ', 'Mai', 'Sua', 'Pà', 'Chu', 'Ly', 'Dở', 'Mò', 'Say', 'Lia', 'Xí'];

export const MUONG_FAMILY: [string, number][] = [['Đinh', 30], ['Quách', 15], ['Bạch', 10], ['Hà', 15], ['Xa', 10], ['Bùi', 20]];

/** Ê Đê / Gia Rai names with an apostrophe, for the odd official who moved in from the Central Highlands. */
export const HIGHLAND_APOSTROPHE_NAMES = {
  male: ['Y\'Sao Mlô', 'Y\'Bhin Niê', 'Ksor Y\'Bên', 'Rơ Châm Y\'Mun'],
  female: ['H\'Hen Niê', 'Ksor H\'Lim', 'H\'Yim Kđoh', 'Rơ Mah H\'Bla'],
};
