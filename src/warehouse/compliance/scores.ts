import type { DuckDBConnection } from '@duckdb/node-api';
import { ruleParams } from '../../rules/compliance/params.ts';
import { sampleDates } from '../../rules/compliance/samples.ts';
import { methodVersion, scoreAgencies, type AgencyCounts, type AgencyScore } from '../../rules/compliance/scoring.ts';
import { parsePeriod, previousPeriod, type Period } from '../../rules/period.ts';
import type { CriterionId, Policy } from '../../rules/policy/schema.ts';
import { appendTempTable, dataSpan, prepareState, sqlParams } from './prepare.ts';
import { prepareRequestDeadlines } from './requests.ts';
import { queryComplianceSql } from './sql.ts';

export interface ScoreResult {
  profile: string;
  methodVersion: string;
  period: Period;
  previousPeriod: Period;
  /** First and last night of data in the warehouse; null when it is empty. */
  data: { from: string; to: string } | null;
  agencies: AgencyScore[];
}

type CountRow = { code: string } & Record<`${CriterionId}_${'num' | 'den'}`, number>;

const STATE_CRITERIA: CriterionId[] = [
  'coverage',
  'regular_use',
  'agency_mailbox_read',
  'password_hygiene',
  'no_external_forwarding',
  'unused_cleanup',
];

interface PeriodSamples {
  period: Period;
  spans: { code: string; eval_from: string; eval_to: string; dates: string[] }[];
}

/** The agencies that existed in `period` (within the data's span) and their observation days. */
async function periodSamples(conn: DuckDBConnection, policy: Policy, period: Period, span: { from: string; to: string }): Promise<PeriodSamples> {
  const params = { ...sqlParams(policy), from: period.from, to: period.to, dataFrom: span.from, dataTo: span.to };
  const spans = await queryComplianceSql<{ code: string; eval_from: string; eval_to: string }>(conn, 'agencySpans', params);
  return { period, spans: spans.map((s) => ({ ...s, dates: sampleDates(s.eval_from, s.eval_to) })) };
}

/** Per-agency counts for one period (no scores yet), from the state prepared for its observation days. */
async function periodCounts(conn: DuckDBConnection, policy: Policy, samples: PeriodSamples, dataTo: string): Promise<AgencyCounts[]> {
  const { period } = samples;
  if (samples.spans.length === 0) return [];
  const params = { ...sqlParams(policy), periodId: period.id, from: period.from, to: period.to };
  const labels = new Map(
    (await queryComplianceSql<{ code: string; name: string; grp: string; kind: string }>(conn, 'agencyLabels', params)).map((r) => [r.code, r]),
  );
  const counts = new Map((await queryComplianceSql<CountRow>(conn, 'agencyCriteria', params)).map((r) => [r.code, r]));
  const evalTo = period.to < dataTo ? period.to : dataTo;
  await prepareRequestDeadlines(conn, policy, period.from, evalTo);
  const requests = new Map(
    (await queryComplianceSql<{ code: string; on_time: number; decided: number }>(conn, 'requestCounts', { ...params, evalTo })).map(
      (r) => [r.code, r],
    ),
  );
  const unmeasurable: AgencyCounts['unmeasurable'] = {};
  if (ruleParams(policy).windowDays === null) {
    unmeasurable.regular_use = unmeasurable.agency_mailbox_read = 'quy chế không quy định khoảng thời gian sử dụng thường xuyên';
  }
  if (!ruleParams(policy).forwardForbidden) {
    unmeasurable.no_external_forwarding = 'quy chế không cấm chuyển thư tự động ra ngoài';
  }
  return samples.spans.flatMap((s) => {
    const label = labels.get(s.code);
    if (!label) return [];
    const row = counts.get(s.code);
    const byCriterion: AgencyCounts['counts'] = {};
    for (const id of STATE_CRITERIA) {
      if (row) byCriterion[id] = { numerator: row[`${id}_num`], denominator: row[`${id}_den`] };
    }
    const req = requests.get(s.code);
    if (req) byCriterion.requests_on_time = { numerator: req.on_time, denominator: req.decided };
    return [
      {
        code: s.code,
        name: label.name,
        group: label.grp,
        kind: label.kind,
        evaluatedFrom: s.eval_from,
        evaluatedTo: s.eval_to,
        sampleDates: s.dates,
        counts: byCriterion,
        unmeasurable,
      },
    ];
  });
}

/**
 * Per-agency counts for each of `periods` (their observation days' mailbox state prepared once, the expensive part).
 * Empty lists on an empty warehouse.
 */
async function countPeriods(conn: DuckDBConnection, policy: Policy, periods: readonly Period[], span: { from: string; to: string } | null): Promise<AgencyCounts[][]> {
  if (!span) return periods.map(() => []);
  const samples: PeriodSamples[] = [];
  for (const period of periods) samples.push(await periodSamples(conn, policy, period, span));
  const rows = samples.flatMap((p) => p.spans.flatMap((s) => s.dates.map((d) => [p.period.id, s.code, d])));
  await appendTempTable(conn, 'cmp_samples', ['period', 'code', 'd'], rows);
  if (rows.length === 0) return periods.map(() => []);
  await prepareState(conn, policy, rows.map((r) => r[2]!));
  const out: AgencyCounts[][] = [];
  for (const s of samples) out.push(await periodCounts(conn, policy, s, span.to));
  return out;
}

/**
 * Scores 0–100 and ranks per agency for `period` under `policy` (SPEC §4.5; method in `rules/compliance/scoring.ts`):
 * every agency that existed at any time in the period, under its name at the end of its span there (a merged agency
 * appears in the years it existed), each criterion with numerator, denominator, value, weight and citation,
 * competition ranks within the group, the previous period's score and the change, and the method version.
 * The same warehouse, profile and period always give the same result.
 */
export async function computeScores(conn: DuckDBConnection, policy: Policy, period: Period): Promise<ScoreResult> {
  const prevPeriod = previousPeriod(period);
  const span = await dataSpan(conn);
  const result = { profile: policy.id, methodVersion: methodVersion(policy), period, previousPeriod: prevPeriod, data: span };
  const [before, current] = await countPeriods(conn, policy, [prevPeriod, period], span);
  const previous = scoreAgencies(policy, before!);
  return { ...result, agencies: scoreAgencies(policy, current!, new Map(previous.map((a) => [a.code, a.score]))) };
}

/**
 * The ranking's counts on single days (SPEC §4.5): for each of `days`, every agency in force that day with the counts
 * a one-day period `d..d` gives it (coverage, regular use and the other state criteria, each numerator and
 * denominator), so a figure the dashboard or an agency page shows for a day is the ranking's by construction.
 * Agencies outside the data's span have no counts (empty list for that day).
 */
export async function countsOnDays(conn: DuckDBConnection, policy: Policy, days: readonly string[]): Promise<Map<string, AgencyCounts[]>> {
  const unique = [...new Set(days)].sort();
  const counts = await countPeriods(conn, policy, unique.map((d) => parsePeriod(`${d}..${d}`)), await dataSpan(conn));
  return new Map(unique.map((d, i) => [d, counts[i]!]));
}
