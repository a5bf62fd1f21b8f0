/**
 * Draws realistic personal names for a synthetic province: Kinh names at realistic family-name frequencies, Khmer,
 * Thái, H'Mông and Mường names in the shares an agency's `EthnicMix` asks for, now and then the old tone placement
 * ("Hoà", "Thuý") that SPEC §5 search must treat as equal to the new one. Pure.
 */
import { GIVEN_NAME_MARKER } from '../../rules/address.ts';
import { Rng, Weighted } from '../prng.ts';
import { KINH_GIVEN_FEMALE, KINH_GIVEN_MALE, KINH_MIDDLE_FEMALE, KINH_MIDDLE_MALE, KINH_SECOND_MIDDLE, kinhFamilyNames, type Region } from './kinh.ts';
import {
  HIGHLAND_APOSTROPHE_NAMES, HMONG_FAMILY, HMONG_GIVEN_FEMALE, HMONG_GIVEN_MALE, KHMER_FAMILY, KHMER_GIVEN_MULTI_FEMALE,
  KHMER_GIVEN_MULTI_MALE, KHMER_GIVEN_SINGLE_FEMALE, KHMER_GIVEN_SINGLE_MALE, KHMER_MIDDLE_MALE, MUONG_FAMILY,
  THAI_FAMILY, THAI_GIVEN_FEMALE, THAI_GIVEN_MALE,
} from './minority.ts';

export type Ethnicity = 'kinh' | 'khmer' | 'thai' | 'hmong' | 'muong' | 'highland';
export type Gender = 'nam' | 'nu';

/** Share of each ethnicity among an agency's staff (weights, need not sum to 1). */
export type EthnicMix = Partial<Record<Ethnicity, number>>;

export interface PersonName {
  /** As written in the registry (NFC): "Thạch Thị Sa Rươne". */
  fullName: string;
  /** As given to the address rules: the given-name marker before a multi-syllable given name ("Thạch Thị|Sa Rươne"). */
  addressName: string;
  family: string;
  given: string;
  gender: Gender;
  ethnicity: Ethnicity;
}

const NEW_TO_OLD_TONE: [RegExp, string][] = [
  [/òa/g, 'oà'], [/óa/g, 'oá'], [/ỏa/g, 'oả'], [/õa/g, 'oã'], [/ọa/g, 'oạ'],
  [/ùy/g, 'uỳ'], [/úy/g, 'uý'], [/ủy/g, 'uỷ'], [/ũy/g, 'uỹ'], [/ụy/g, 'uỵ'],
];

/** Rewrites a word in the old tone placement ("Hòa" → "Hoà", "Thủy" → "Thuỷ"); words without such a pair are unchanged. */
export function oldTonePlacement(word: string): string {
  return NEW_TO_OLD_TONE.reduce((w, [re, old]) => w.replace(re, old), word);
}

/** A name drawer for one region; tables are built once. */
export class NameDrawer {
  private readonly kinhFamily: Weighted<string>;
  private readonly middleMale = new Weighted(KINH_MIDDLE_MALE);
  private readonly middleFemale = new Weighted(KINH_MIDDLE_FEMALE);
  private readonly khmerFamily = new Weighted(KHMER_FAMILY);
  private readonly thaiFamily = new Weighted(THAI_FAMILY);
  private readonly hmongFamily = new Weighted(HMONG_FAMILY);
  private readonly muongFamily = new Weighted(MUONG_FAMILY);

  constructor(region: Region) {
    this.kinhFamily = new Weighted(kinhFamilyNames(region));
  }

  /** One name, its ethnicity drawn from `mix` (Kinh when the mix is empty). */
  draw(rng: Rng, mix: EthnicMix): PersonName {
    const entries = Object.entries(mix).filter(([, w]) => (w ?? 0) > 0) as [Ethnicity, number][];
    const ethnicity = entries.length === 0 ? 'kinh' : new Weighted(entries).sample(rng);
    const gender: Gender = rng.chance(0.52) ? 'nu' : 'nam';
    switch (ethnicity) {
      case 'kinh':
        return this.kinh(rng, gender);
      case 'khmer':
        return this.khmer(rng, gender);
      case 'thai':
        return assemble(this.thaiFamily.sample(rng), [gender === 'nam' ? 'Văn' : 'Thị'], rng.pick(gender === 'nam' ? THAI_GIVEN_MALE : THAI_GIVEN_FEMALE), gender, 'thai');
      case 'hmong':
        return assemble(this.hmongFamily.sample(rng), [gender === 'nam' ? 'A' : 'Thị'], rng.pick(gender === 'nam' ? HMONG_GIVEN_MALE : HMONG_GIVEN_FEMALE), gender, 'hmong');
      case 'muong':
        return assemble(this.muongFamily.sample(rng), [gender === 'nam' ? 'Văn' : 'Thị'], rng.pick(gender === 'nam' ? KINH_GIVEN_MALE : KINH_GIVEN_FEMALE), gender, 'muong');
      case 'highland': {
        const fullName = rng.pick(gender === 'nam' ? HIGHLAND_APOSTROPHE_NAMES.male : HIGHLAND_APOSTROPHE_NAMES.female);
        const words = fullName.split(' ');
        return { fullName, addressName: fullName, family: words[0]!, given: words[words.length - 1]!, gender, ethnicity };
      }
    }
  }

  private kinh(rng: Rng, gender: Gender): PersonName {
    const family = this.kinhFamily.sample(rng);
    const middle = [(gender === 'nam' ? this.middleMale : this.middleFemale).sample(rng)];
    if (rng.chance(0.12)) middle.push(rng.pick(KINH_SECOND_MIDDLE));
    const given = rng.pick(gender === 'nam' ? KINH_GIVEN_MALE : KINH_GIVEN_FEMALE);
    const name = assemble(family, middle, given, gender, 'kinh');
    if (!rng.chance(0.2)) return name;
    const old = (w: string) => oldTonePlacement(w);
    return { ...name, fullName: name.fullName.split(' ').map(old).join(' '), addressName: name.addressName.split(' ').map(old).join(' '), given: old(name.given) };
  }

  private khmer(rng: Rng, gender: Gender): PersonName {
    const family = this.khmerFamily.sample(rng);
    const multi = rng.chance(0.6);
    const given = multi
      ? rng.pick(gender === 'nam' ? KHMER_GIVEN_MULTI_MALE : KHMER_GIVEN_MULTI_FEMALE)
      : rng.pick(gender === 'nam' ? KHMER_GIVEN_SINGLE_MALE : KHMER_GIVEN_SINGLE_FEMALE);
    let middle: string[] = [];
    if (gender === 'nu' && rng.chance(0.55)) middle = ['Thị'];
    else if (gender === 'nam' && (!multi || rng.chance(0.2))) middle = [rng.pick(KHMER_MIDDLE_MALE)];
    return assemble(family, middle, given, gender, 'khmer');
  }
}

function assemble(family: string, middle: string[], given: string, gender: Gender, ethnicity: Ethnicity): PersonName {
  const head = [family, ...middle].join(' ');
  const fullName = `${head} ${given}`;
  const addressName = given.includes(' ') ? `${head}${GIVEN_NAME_MARKER}${given}` : fullName;
  return { fullName, addressName, family, given, gender, ethnicity };
}
