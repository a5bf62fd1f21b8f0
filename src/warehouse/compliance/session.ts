import type { DuckDBConnection } from '@duckdb/node-api';
import type { AgencyCounts } from '../../rules/compliance/scoring.ts';
import type { Period } from '../../rules/period.ts';
import type { Policy } from '../../rules/policy/schema.ts';
import { computeFindings, type FindingScope, type FindingsResult } from './findings.ts';
import { computeScores, countsOnDays, type ScoreResult } from './scores.ts';

/**
 * The compliance results of one warehouse state, read through one connection under one profile: what the site's
 * collectors and the report take instead of computing scores or findings themselves.
 */
export interface Compliance {
  readonly conn: DuckDBConnection;
  readonly policy: Policy;
  /** Scores and ranks of `period` (and the previous period's scores for the change), `computeScores`. */
  scores(period: Period): Promise<ScoreResult>;
  /** Findings on `scope.asOf` with the events from `scope.eventsFrom`, `computeFindings`. */
  findings(scope: FindingScope): Promise<FindingsResult>;
  /**
   * The ranking's counts of each agency in force on each of `days` (coverage, regular use, …), as a one-day period
   * counts them (`countsOnDays`; the days not yet known computed together): the dashboard and the agency pages show
   * these, so they equal the ranking's.
   */
  countsOn(days: readonly string[]): Promise<Map<string, AgencyCounts[]>>;
}

/**
 * Owns the compliance results (findings per scope, scores per period, counts per day) of one warehouse state: each is
 * computed once, the first time it is asked for, and then shared by every reader — `nightly` makes one session after
 * the ingest and hands it to both builds (public, internal), whose report pages read it too. The warehouse must not
 * change while a session is in use. Computations run one at a time: each builds the temporary tables it needs on its
 * connection itself (`prepareState`), so no caller has to prepare anything or mind the order of calls.
 */
export class ComplianceSession {
  private readonly results = new Map<string, Promise<unknown>>();
  private queue: Promise<unknown> = Promise.resolve();

  /** The keys of the results asked for so far ("<profile>:scores:<period>", …), in the order first asked. */
  keys(): string[] {
    return [...this.results.keys()];
  }

  /** The session's results under `policy`, computing what is missing through `conn`. */
  on(conn: DuckDBConnection, policy: Policy): Compliance {
    const run = <T>(compute: () => Promise<T>): Promise<T> => {
      const done = this.queue.then(compute);
      this.queue = done.catch(() => {});
      return done;
    };
    const get = <T>(key: string, compute: () => Promise<T>): Promise<T> => {
      const fullKey = `${policy.id}:${key}`;
      let hit = this.results.get(fullKey) as Promise<T> | undefined;
      if (!hit) {
        hit = run(compute);
        this.results.set(fullKey, hit);
      }
      return hit;
    };
    const dayKey = (d: string) => `${policy.id}:counts:${d}`;
    return {
      conn,
      policy,
      scores: (period) => get(`scores:${period.id}`, () => computeScores(conn, policy, period)),
      findings: (scope) =>
        get(`findings:${scope.asOf}:${scope.eventsFrom ?? scope.asOf}`, () => computeFindings(conn, policy, scope)),
      countsOn: async (days) => {
        const missing = [...new Set(days)].filter((d) => !this.results.has(dayKey(d)));
        if (missing.length > 0) {
          const together = run(() => countsOnDays(conn, policy, missing));
          for (const d of missing) {
            const counts = together.then((m) => m.get(d) ?? []);
            counts.catch(() => {}); // the failure reaches whoever awaits this day, once
            this.results.set(dayKey(d), counts);
          }
        }
        const out = new Map<string, AgencyCounts[]>();
        for (const d of days) out.set(d, await (this.results.get(dayKey(d)) as Promise<AgencyCounts[]>));
        return out;
      },
    };
  }
}
