import { vi } from './i18n/vi.ts';

/** One entry of the main navigation; `internalOnly` entries appear only in the internal build. */
export interface NavItem {
  /** Path relative to the site base, ending with "/" ("" is the home page). */
  path: string;
  label: string;
  internalOnly?: boolean;
}

/**
 * The main navigation in SPEC §5 route order. An area that adds its pages adds its entry here
 * (directory: `danh-ba/`, reports: `bao-cao/`, explore: `kham-pha/` with internalOnly).
 */
export const NAV: NavItem[] = [
  { path: '', label: vi.nav.home },
  { path: 'xep-hang/', label: vi.nav.ranking },
  { path: 'danh-ba/', label: vi.nav.directory },
  { path: 'bao-cao/', label: vi.nav.reports },
  { path: 'kham-pha/', label: vi.nav.explore, internalOnly: true },
  { path: 'du-lieu/', label: vi.nav.data },
];

/** Joins the site base ("/" or "/sub/path/") and a relative path. */
export function withBase(base: string, path: string): string {
  const b = base.endsWith('/') ? base : `${base}/`;
  return `${b}${path.replace(/^\/+/, '')}`;
}
