/** A directory entry: one active mailbox as the public directory shows it (no personal phone, CCCD, birth date). */
export interface DirectoryEntry {
  address: string;
  /** Display name: a person's full name, or the name of the agency, department or locality box. */
  name: string | null;
  /** `ca-nhan` (personal) or `co-quan` (agency, department, locality). */
  kind: string;
  title: string | null;
  department: string | null;
  agencyCode: string;
}

/** An agency as the directory shows it: the public office phone and address from the agency list. */
export interface DirectoryAgencyInfo {
  code: string;
  name: string;
  abbr: string | null;
  parentCode: string | null;
  phone: string | null;
  address: string | null;
}

const collator = new Intl.Collator('vi', { sensitivity: 'base', numeric: true });

/** Vietnamese comparison (Intl.Collator('vi')), e.g. "Đặng" after "Dương", "Ân" after "An". */
export function compareVi(a: string | null | undefined, b: string | null | undefined): number {
  return collator.compare(a ?? '', b ?? '');
}

/**
 * Sorts entries the Vietnamese way: by name, then by address. A personal name is compared by given name first
 * (the last word), then the full name, as Vietnamese lists are read ("Trần Văn An" before "Lê Thị Bình").
 */
export function sortEntries<T extends DirectoryEntry>(entries: readonly T[]): T[] {
  const given = (e: DirectoryEntry) => (e.kind === 'ca-nhan' && e.name ? e.name.trim().split(/\s+/).at(-1) ?? '' : e.name ?? '');
  return [...entries].sort(
    (a, b) => compareVi(given(a), given(b)) || compareVi(a.name, b.name) || compareVi(a.address, b.address),
  );
}
