/**
 * Which province and era each policy profile describes, and how that era's registry abbreviates names
 * (the options handed to `abbreviateOrgName` of the address rules, each taken from the profile's own examples).
 */
import type { AbbreviateOptions } from '../rules/address.ts';
import type { PolicyId } from '../rules/policy/schema.ts';
import { SOCTRANG_BODIES, SOCTRANG_DISTRICTS, SOCTRANG_HAMLETS, SOCTRANG_STREETS, SOCTRANG_TTTT, SOCTRANG_TTTT_MERGER } from './geography/soctrang.ts';
import { SONLA_BODIES, SONLA_COMMUNES, SONLA_HAMLETS, SONLA_MERGERS, SONLA_STREETS } from './geography/sonla.ts';
import type { CommuneSpec, DistrictSpec, MergerSpec, ProvincialBodySpec } from './geography/types.ts';
import type { Region } from './names/kinh.ts';

export interface NamingConvention {
  /** District (locality) abbreviation. */
  district: AbbreviateOptions;
  /** Commune (sub-locality) abbreviation. */
  commune: AbbreviateOptions;
  /** Phòng and units of a district or commune. */
  localDepartment: AbbreviateOptions;
  /** Phòng and units of a provincial body. */
  department: AbbreviateOptions;
}

export interface ProvinceSpec {
  province: string;
  /** Prefix of agency codes ("ST", "SL"). */
  codePrefix: string;
  region: Region;
  bodies: ProvincialBodySpec[];
  mergers: MergerSpec[];
  /** Three-level provinces: districts with their communes. */
  districts: DistrictSpec[];
  /** Two-level provinces: communes directly under the province. */
  communes: CommuneSpec[];
  naming: NamingConvention;
  /** Area code of office phones. */
  areaCode: string;
  /** CCCD province-of-birth code of locals (Thông tư 07/2016/TT-BCA). */
  cccdProvince: string;
  /** Neighbouring provinces' CCCD codes (officials born elsewhere). */
  cccdOthers: string[];
  streets: string[];
  hamlets: string[];
  /** When agency rows of the base organisation chart start. */
  establishedFrom: string;
  /** When the commune rows start (Sơn La: the two-level communes of 1/7/2025). */
  communesFrom: string;
}

const SOCTRANG_COMMON = {
  province: 'Sóc Trăng',
  codePrefix: 'ST',
  region: 'south' as const,
  districts: SOCTRANG_DISTRICTS,
  communes: [],
  areaCode: '0299',
  cccdProvince: '094',
  cccdOthers: ['092', '093', '095', '086', '079', '089'],
  streets: SOCTRANG_STREETS,
  hamlets: SOCTRANG_HAMLETS,
  establishedFrom: '2008-01-01',
  communesFrom: '2008-01-01',
};

/** The province behind each profile. soctrang-2024 includes the 2025-03-01 merger of Sở TT&TT into Sở KH&CN. */
export function provinceFor(id: PolicyId): ProvinceSpec {
  switch (id) {
    case 'soctrang-2024':
      return {
        ...SOCTRANG_COMMON,
        bodies: SOCTRANG_BODIES,
        mergers: [SOCTRANG_TTTT_MERGER],
        // 002 Điều 3 khoản 2: myxuyen, xathanhphu.myxuyen, pvhtt.myxuyen; khoản 1 phongcds.sotttt; Điều 11 khoản 4
        // ttcns.sotttt (Trung tâm Công nghệ số).
        naming: {
          district: { typeWord: 'omit', rest: 'whole' },
          commune: { rest: 'whole' },
          localDepartment: { typeWord: 'initials' },
          department: { typeWord: 'short' },
        },
      };
    case 'soctrang-2014':
      return {
        ...SOCTRANG_COMMON,
        // Before 2025 Sở TT&TT is a body of its own (QĐ 17/2014 names it the operator).
        bodies: [...SOCTRANG_BODIES.slice(0, 13), SOCTRANG_TTTT, ...SOCTRANG_BODIES.slice(13)],
        mergers: [],
        // 003 Điều 3 khoản 1 điểm a–b: huyenmx, xatp.huyenmx, phongvhtt.huyenmx.
        naming: { district: {}, commune: {}, localDepartment: {}, department: {} },
      };
    case 'sonla-2025':
      return {
        province: 'Sơn La',
        codePrefix: 'SL',
        region: 'north',
        bodies: SONLA_BODIES,
        mergers: SONLA_MERGERS,
        districts: [],
        communes: SONLA_COMMUNES,
        // 004 Điều 5 khoản 1 điểm b–c: <tên xã, phường> in full; phòng abbreviated.
        naming: { district: {}, commune: { typeWord: 'omit', rest: 'whole' }, localDepartment: {}, department: {} },
        areaCode: '0212',
        cccdProvince: '014',
        cccdOthers: ['011', '012', '015', '017', '025', '001', '036'],
        streets: SONLA_STREETS,
        hamlets: SONLA_HAMLETS,
        establishedFrom: '2008-01-01',
        communesFrom: '2025-07-01',
      };
  }
}
