import { useEffect, useRef, useState } from 'react';
import { BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, Tooltip } from 'chart.js';
import { fill, vi } from '../../i18n/vi.ts';
import { openExploreDb, type ExploreDb, type ExploreSources } from './db.ts';
import { chartSpec, displayCell, resultCsv, type ChartSpec, type QueryResult } from './result.ts';
import type { SavedQuestion } from './questions.ts';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Legend, Tooltip);
Chart.defaults.font.family = "'Be Vietnam Pro', system-ui, sans-serif";

const t = vi.explore;
/** Rows shown in the page's table; the CSV holds every row. */
const SHOWN_ROWS = 500;
const COLORS = ['#1f5f8b', '#c0392b', '#2e7d32'];

export interface ExploreProps extends ExploreSources {
  questions: SavedQuestion[];
}

type Outcome =
  | { kind: 'none' }
  | { kind: 'error'; detail: string }
  | { kind: 'result'; result: QueryResult; ms: number; csvUrl: string };

function ResultChart({ spec }: { spec: ChartSpec }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    if (!canvas.current) return;
    const chart = new Chart(canvas.current, {
      type: 'bar',
      data: {
        labels: spec.labels,
        datasets: spec.series.map((s, i) => ({ label: s.label, data: s.values, backgroundColor: COLORS[i % COLORS.length] })),
      },
      options: { responsive: true, maintainAspectRatio: false, animation: false },
    });
    return () => chart.destroy();
  }, [spec]);
  return (
    <figure className="explore-chart">
      <div style={{ position: 'relative', height: '320px' }}>
        <canvas ref={canvas} role="img" aria-label={t.chart} />
      </div>
      <figcaption>{t.chart}</figcaption>
    </figure>
  );
}

/** The explore page's client: duckdb-wasm in a worker, saved questions, an SQL editor, table, chart and CSV. */
export default function Explore(props: ExploreProps) {
  const db = useRef<ExploreDb | null>(null);
  const [status, setStatus] = useState<string>(t.loading);
  const [ready, setReady] = useState(false);
  const [busy, setBusy] = useState(false);
  const [sql, setSql] = useState(props.questions[0]?.sql ?? '');
  const [outcome, setOutcome] = useState<Outcome>({ kind: 'none' });

  useEffect(() => {
    let live = true;
    openExploreDb(props)
      .then((d) => {
        if (!live) return;
        db.current = d;
        setReady(true);
        setStatus(t.ready);
      })
      .catch((e: unknown) => live && setStatus(fill(t.loadError, { message: e instanceof Error ? e.message : String(e) })));
    return () => {
      live = false;
    };
  }, []);

  useEffect(() => () => {
    if (outcome.kind === 'result') URL.revokeObjectURL(outcome.csvUrl);
  }, [outcome]);

  async function run(text: string) {
    if (!db.current || busy) return;
    setBusy(true);
    setStatus(t.running);
    const started = performance.now();
    try {
      const result = await db.current.run(text);
      const csvUrl = URL.createObjectURL(new Blob([resultCsv(result)], { type: 'text/csv;charset=utf-8' }));
      setOutcome({ kind: 'result', result, ms: Math.round(performance.now() - started), csvUrl });
      setStatus(t.ready);
    } catch (e) {
      setOutcome({ kind: 'error', detail: e instanceof Error ? e.message : String(e) });
      setStatus(t.ready);
    } finally {
      setBusy(false);
    }
  }

  const result = outcome.kind === 'result' ? outcome.result : null;
  const spec = result ? chartSpec(result, t.yes, t.no) : null;
  return (
    <div className="explore" data-ready={ready ? 'true' : 'false'}>
      <p className="explore-status" role="status" aria-live="polite">{status}</p>
      <section aria-labelledby="cau-hoi">
        <h2 id="cau-hoi">{t.saved}</h2>
        <ul className="explore-questions">
          {props.questions.map((q) => (
            <li key={q.id}>
              <button type="button" data-question={q.id} disabled={!ready || busy} onClick={() => { setSql(q.sql); void run(q.sql); }}>
                {q.title}
              </button>
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="soan-sql">
        <h2 id="soan-sql">{t.editor}</h2>
        <form onSubmit={(e) => { e.preventDefault(); void run(sql); }}>
          <label htmlFor="sql">{t.editor}</label>
          <p id="sql-hint" className="lead">{t.editorHint}</p>
          <textarea
            id="sql" name="sql" rows={10} spellCheck={false} aria-describedby="sql-hint" value={sql}
            onChange={(e) => setSql(e.target.value)}
            onKeyDown={(e) => { if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) { e.preventDefault(); void run(sql); } }}
          />
          <button type="submit" disabled={!ready || busy}>{t.run}</button>
        </form>
      </section>
      <section aria-labelledby="ket-qua">
        <h2 id="ket-qua">{t.result}</h2>
        {outcome.kind === 'error' && (
          <div className="explore-error" role="alert">
            <p>{t.queryError}</p>
            <p>{t.errorDetail}:</p>
            <pre>{outcome.detail}</pre>
          </div>
        )}
        {outcome.kind === 'result' && result && (
          <>
            <p className="explore-count">
              {result.rows.length > SHOWN_ROWS
                ? fill(t.resultShown, { n: result.rows.length, shown: SHOWN_ROWS, ms: outcome.ms })
                : fill(t.resultCount, { n: result.rows.length, ms: outcome.ms })}
              {' '}
              <a href={outcome.csvUrl} download="ket-qua.csv">{t.download}</a>
            </p>
            {result.rows.length === 0 ? <p>{t.empty}</p> : (
              <div className="table-wrap" tabIndex={0} role="region" aria-label={fill(vi.site.tableRegion, { name: t.result })}>
                <table>
                  <thead>
                    <tr>{result.columns.map((c, i) => <th key={i} scope="col" className={c.kind === 'number' ? 'num' : undefined}>{c.name}</th>)}</tr>
                  </thead>
                  <tbody>
                    {result.rows.slice(0, SHOWN_ROWS).map((r, n) => (
                      <tr key={n}>
                        {r.map((v, i) => (
                          <td key={i} className={result.columns[i]!.kind === 'number' ? 'num' : undefined}>
                            {displayCell(v, result.columns[i]!.kind, t.yes, t.no)}
                          </td>
                        ))}
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
            {spec && <ResultChart spec={spec} />}
          </>
        )}
      </section>
    </div>
  );
}
