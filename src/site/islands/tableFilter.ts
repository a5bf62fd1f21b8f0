// The ranking's and the agency list's search box and group filter (issue 18), added over plain HTML tables that work
// without JavaScript. Browser-only; the matching is the directory's (src/directory/search.ts), not a second one.
import { agencySearchText, filterList } from '../../directory/search.ts';
import { formatNumber } from '../../text/format.ts';
import { fill, vi } from '../i18n/vi.ts';

const t = vi.tableFilter;

/** One filterable row: a `<tr>` of a group's table, its group, and its search text (folded on the first search). */
interface Row {
  tr: HTMLTableRowElement;
  section: HTMLElement;
  name: string;
  abbr: string;
}

/**
 * Wires every `[data-table-filter]` box of the page to the `section[data-group]` tables of its `main`: typing filters
 * rows by agency name or abbreviation, a group link shows that group alone; both are kept in the URL (?q=, ?nhom=),
 * so a filtered view can be shared, and carried over to the other periods' links.
 */
export function enhanceTableFilters(doc: Document): void {
  for (const box of doc.querySelectorAll<HTMLElement>('[data-table-filter]')) enhance(doc, box);
}

function enhance(doc: Document, box: HTMLElement): void {
  const form = box.querySelector('form');
  const input = box.querySelector<HTMLInputElement>('input[type="search"]');
  const status = box.querySelector<HTMLElement>('[data-filter-status]');
  if (!form || !input || !status) return;
  const links = [...box.querySelectorAll<HTMLAnchorElement>('a[data-group]')];
  const sections = [...doc.querySelectorAll<HTMLElement>('section[data-group]')];
  const rows: Row[] = sections.flatMap((section) =>
    [...section.querySelectorAll<HTMLTableRowElement>('tbody tr')].map((tr) => ({
      tr,
      section,
      name: tr.querySelector('[data-name]')?.textContent ?? '',
      abbr: tr.dataset.abbr ?? '',
    })),
  );
  let hays: string[] | null = null;
  const params = new URLSearchParams(window.location.search);
  let query = params.get('q') ?? '';
  let group = sections.some((s) => s.dataset.group === params.get('nhom')) ? params.get('nhom')! : '';

  const apply = (): void => {
    if (query.trim() !== '' && hays === null) hays = rows.map((r) => agencySearchText(r.name, r.abbr));
    const matched = hays === null ? null : filterList(hays, query);
    const keep = matched === null ? null : new Set(matched);
    const visible = new Map<HTMLElement, number>();
    let shown = 0;
    rows.forEach((r, i) => {
      const on = (group === '' || r.section.dataset.group === group) && (keep === null || keep.has(i));
      r.tr.hidden = !on;
      if (on) {
        shown += 1;
        visible.set(r.section, (visible.get(r.section) ?? 0) + 1);
      }
    });
    for (const s of sections) s.hidden = !visible.has(s);
    for (const a of links) {
      if (a.dataset.group === group) a.setAttribute('aria-current', 'true');
      else a.removeAttribute('aria-current');
    }
    const filtered = query.trim() !== '' || group !== '';
    status.textContent = !filtered
      ? ''
      : shown === 0
        ? fill(t.none, { q: query.trim() })
        : fill(t.shown, { n: formatNumber(shown), total: formatNumber(rows.length) });
    keepInUrl(doc, query, group);
  };

  form.addEventListener('submit', (e) => e.preventDefault());
  input.addEventListener('input', () => {
    query = input.value;
    apply();
  });
  for (const a of links) {
    a.addEventListener('click', (e) => {
      e.preventDefault();
      group = a.dataset.group ?? '';
      apply();
    });
  }
  if (query !== '' || group !== '') {
    input.value = query;
    apply();
  }
}

/** Keeps the filter in the page URL (replaceState: no history entry per keystroke) and in the other periods' links. */
function keepInUrl(doc: Document, query: string, group: string): void {
  const set = (url: URL) => {
    if (query.trim() !== '') url.searchParams.set('q', query);
    else url.searchParams.delete('q');
    if (group !== '') url.searchParams.set('nhom', group);
    else url.searchParams.delete('nhom');
  };
  const here = new URL(window.location.href);
  set(here);
  window.history.replaceState(null, '', here);
  for (const a of doc.querySelectorAll<HTMLAnchorElement>('.period-links a')) {
    const url = new URL(a.href);
    set(url);
    a.href = url.pathname + url.search;
  }
}
