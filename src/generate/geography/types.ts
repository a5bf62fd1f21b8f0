/**
 * The shape of a province's organisation chart as the generator's static data describes it. Names are real
 * (Sóc Trăng before 2025 with 11 district-level units; Sơn La after 1/7/2025 with 75 communes and wards); staff
 * sizes and office addresses are drawn by the generator.
 */

/** Titles of a unit's head and deputies, e.g. "Giám đốc" / "Phó Giám đốc". */
export interface Leadership {
  head: string;
  deputy: string;
}

/** A provincial body (sở, ban, ngành; party/mass organisation; central agency in the province). */
export interface ProvincialBodySpec {
  name: string;
  /** Abbreviation the registry already uses when it is not the plain initials of the name (e.g. "vpubnd"). */
  abbr?: string;
  kind: 'so-nganh' | 'dang-doan-the' | 'trung-uong';
  /** Set when the body was created by a merger (its row starts then); otherwise the province's base date. */
  since?: string;
  leaders: Leadership;
  /** Typical staff size before scaling, [min, max]. */
  staff: [number, number];
  /** Phòng (short names, e.g. "Phòng Chuyển đổi số"). */
  departments: string[];
  /** Đơn vị sự nghiệp trực thuộc. */
  units?: UnitSpec[];
}

/** An đơn vị sự nghiệp (centre, school, project board) under a body or district. */
export interface UnitSpec {
  name: string;
  leaders: Leadership;
  staff: [number, number];
}

export type CommuneType = 'xã' | 'phường' | 'thị trấn';

export interface CommuneSpec {
  type: CommuneType;
  name: string;
}

export type DistrictType = 'huyện' | 'thị xã' | 'thành phố';

export interface DistrictSpec {
  type: DistrictType;
  name: string;
  /** Abbreviation the registry uses when it differs from the rule's proposal (e.g. "tpsoctrang"). */
  abbr?: string;
  /** Share of Khmer staff (Sóc Trăng: 10–30 % in Trần Đề, Vĩnh Châu, Mỹ Xuyên). */
  khmerShare: number;
  communes: CommuneSpec[];
}

/** A body that stopped existing: merged into `successor` on `date` (its departments move when `departmentsMove`). */
export interface MergerSpec {
  predecessor: ProvincialBodySpec;
  successorName: string;
  date: string;
  departmentsMove: boolean;
}
