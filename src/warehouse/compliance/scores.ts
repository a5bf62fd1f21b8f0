import type { DuckDBConnection } from '@duckdb/node-api';
import { ruleParams } from '../../rules/compliance/params.ts';
import { sampleDates } from '../../rules/compliance/samples.ts';
import { methodVersion, scoreAgencies, type AgencyCounts, type AgencyScore } from '../../rules/compliance/scoring.ts';
import { previousPeriod, type Period } from '../../rules/period.ts';
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

/** Per-agency counts for one period (no scores yet); empty when the period has no data. */
async function periodCounts(conn: DuckDBConnection, policy: Policy, period: Period): Promise<AgencyCounts[]> {
  const span = await dataSpan(conn);
  if (!span) return [];
  const params = { ...sqlParams(policy), from: period.from, to: period.to, dataFrom: span.from, dataTo: span.to };
  const spans = await queryComplianceSql<{ code: string; eval_from: string; eval_to: string }>(conn, 'agencySpans', params);
  const samples = spans.map((s) => ({ ...s, dates: sampleDates(s.eval_from, s.eval_to) }));
  await appendTempTable(conn, 'cmp_samples', ['code', 'd'], samples.flatMap((s) => s.dates.map((d) => [s.code, d])));
  await prepareState(conn, policy, samples.flatMap((s) => s.dates));
  const labels = new Map(
    (await queryComplianceSql<{ code: string; name: string; grp: string; kind: string }>(conn, 'agencyLabels', params)).map((r) => [r.code, r]),
  );
  const counts = new Map((await queryComplianceSql<CountRow>(conn, 'agencyCriteria', params)).map((r) => [r.code, r]));
  const evalTo = period.to < span.to ? period.to : span.to;
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
  return samples.flatMap((s) => {
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
 * Scores 0–100 and ranks per agency for `period` under `policy` (SPEC §4.5; method in `rules/compliance/scoring.ts`):
 * every agency that existed at any time in the period, under its name at the end of its span there (a merged agency
 * appears in the years it existed), each criterion with numerator, denominator, value, weight and citation,
 * competition ranks within the group, the previous period's score and the change, and the method version.
 * The same warehouse, profile and period always give the same result.
 */
export async function computeScores(conn: DuckDBConnection, policy: Policy, period: Period): Promise<ScoreResult> {
  const prevPeriod = previousPeriod(period);
  const previous = scoreAgencies(policy, await periodCounts(conn, policy, prevPeriod));
  const current = await periodCounts(conn, policy, period);
  const agencies = scoreAgencies(policy, current, new Map(previous.map((a) => [a.code, a.score])));
  return {
    profile: policy.id,
    methodVersion: methodVersion(policy),
    period,
    previousPeriod: prevPeriod,
    data: await dataSpan(conn),
    agencies,
  };
}
