import { useCallback, useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { unpackIndex, type IndexedEntry, type PackedIndex } from '../../directory/indexFile.ts';
import { narrows, prepareEntries, searchDirectory, type PreparedEntry, type SearchResult } from '../../directory/search.ts';
import { formatNumber } from '../../text/format.ts';
import { fill, vi } from '../i18n/vi.ts';

export interface DirectorySearchProps {
  /** URL of the search index (already prefixed with the site base). */
  indexUrl: string;
  /** URL of the directory root (base + "danh-ba/"), for links to agency pages. */
  directoryUrl: string;
}

type Status = 'idle' | 'loading' | 'ready' | 'error';
const LIMIT = 50;
const t = vi.directory;

/** Reads the shared query from the page URL (?q=…). */
function urlQuery(): string {
  return new URLSearchParams(window.location.search).get('q') ?? '';
}

/** Keeps the query in the URL (replaceState: typing does not flood the history) so a result can be shared. */
function keepInUrl(query: string): void {
  const url = new URL(window.location.href);
  if (query.trim()) url.searchParams.set('q', query);
  else url.searchParams.delete('q');
  window.history.replaceState(null, '', url);
}

/**
 * Instant directory search (SPEC §5 Danh bạ): the index is fetched on first focus or typing (or at once when the
 * URL carries a query), folded once, then each keystroke searches in memory. Results are links; ArrowDown/ArrowUp
 * move between the box and the results.
 */
export default function DirectorySearch({ indexUrl, directoryUrl }: DirectorySearchProps) {
  const [query, setQuery] = useState('');
  const [status, setStatus] = useState<Status>('idle');
  const [result, setResult] = useState<{ query: string; hits: IndexedEntry[]; total: number }>({ query: '', hits: [], total: 0 });
  const entries = useRef<PreparedEntry[] | null>(null);
  const loading = useRef<Promise<void> | null>(null);
  const latest = useRef('');
  const list = useRef<HTMLUListElement>(null);
  const input = useRef<HTMLInputElement>(null);
  const previous = useRef<{ query: string; result: SearchResult } | null>(null);

  // Typing on narrows the previous matches instead of scanning the whole directory again.
  const run = useCallback((q: string) => {
    if (!entries.current) return;
    const prev = previous.current;
    const within = prev && narrows(prev.query, q) ? prev.result.matches : undefined;
    const found = searchDirectory(entries.current, q, LIMIT, within);
    previous.current = { query: q, result: found };
    setResult({ query: q, hits: found.hits, total: found.total });
  }, []);

  const load = useCallback(() => {
    if (!loading.current) {
      setStatus('loading');
      loading.current = fetch(indexUrl)
        .then((r) => {
          if (!r.ok) throw new Error(`HTTP ${r.status}`);
          return r.json() as Promise<PackedIndex>;
        })
        .then((packed) => {
          entries.current = prepareEntries(unpackIndex(packed));
          setStatus('ready');
          run(latest.current);
        })
        .catch(() => setStatus('error'));
    }
    return loading.current;
  }, [indexUrl, run]);

  useEffect(() => {
    const q = urlQuery();
    if (q) {
      latest.current = q;
      setQuery(q);
      void load();
    }
  }, [load]);

  const onInput = (q: string) => {
    latest.current = q;
    setQuery(q);
    keepInUrl(q);
    if (entries.current) run(q);
    else void load();
  };

  const onKeyDown = (e: KeyboardEvent<HTMLElement>) => {
    if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return;
    const links = [...(list.current?.querySelectorAll<HTMLAnchorElement>('a.ten') ?? [])];
    if (links.length === 0) return;
    const at = links.indexOf(document.activeElement as HTMLAnchorElement);
    e.preventDefault();
    if (e.key === 'ArrowDown') links[Math.min(at + 1, links.length - 1)]!.focus();
    else if (at <= 0) input.current?.focus();
    else links[at - 1]!.focus();
  };

  const shown = result.query.trim() !== '' && status === 'ready';
  const summary = !shown
    ? ''
    : result.total === 0
      ? fill(t.noResults, { q: result.query })
      : result.total > result.hits.length
        ? fill(t.resultsShown, { n: formatNumber(result.total), shown: formatNumber(result.hits.length) })
        : `${fill(t.results, { n: formatNumber(result.total) })}.`;

  return (
    <div className="directory-search" onKeyDown={onKeyDown}>
      <form role="search" onSubmit={(e) => e.preventDefault()}>
        <label htmlFor="tim-danh-ba">{t.searchLabel}</label>
        <input
          ref={input}
          id="tim-danh-ba"
          type="search"
          name="q"
          autoComplete="off"
          spellCheck={false}
          value={query}
          aria-describedby="tim-danh-ba-goi-y"
          aria-controls="ket-qua-danh-ba"
          onFocus={() => void load()}
          onChange={(e) => onInput(e.currentTarget.value)}
        />
        <p id="tim-danh-ba-goi-y" className="muted">{t.searchHint}</p>
      </form>
      <p className="search-status" role="status" aria-live="polite">
        {status === 'loading' && query.trim() ? t.searchLoading : status === 'error' ? t.searchError : summary}
      </p>
      <ul id="ket-qua-danh-ba" ref={list} className="results" data-query={shown ? result.query : ''}>
        {shown &&
          result.hits.map((h) => (
            <li key={h.address}>
              <a className="ten" href={`${directoryUrl}${encodeURIComponent(h.agencyCode)}/`}>{h.name || h.address}</a>{' '}
              <a href={`mailto:${h.address}`}>{h.address}</a>
              <span className="muted"> — {[h.title, h.department, h.agencyName].filter(Boolean).join(', ')}</span>
            </li>
          ))}
      </ul>
    </div>
  );
}
