// Node-only: read by page frontmatter at build time, never imported by islands (it would ship the whole data set).
import { readFileSync } from 'node:fs';
import type { SiteData } from '../build/collect/index.ts';

/** Environment variable naming the JSON file `buildSite` wrote for this Astro build. */
export const SITE_DATA_ENV = 'THU_CONG_VU_SITE_DATA';

let cached: { file: string; data: SiteData } | null = null;

/** The collected site data of the current build (parsed once per build). Throws when run outside `buildSite`. */
export function siteData(): SiteData {
  const file = process.env[SITE_DATA_ENV];
  if (!file) throw new Error(`${SITE_DATA_ENV} chưa được đặt: trang chỉ được dựng qua lệnh build (buildSite).`);
  if (cached?.file !== file) cached = { file, data: JSON.parse(readFileSync(file, 'utf8')) as SiteData };
  return cached.data;
}
