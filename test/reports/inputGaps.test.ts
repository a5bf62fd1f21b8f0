/**
 * Nights loaded without some of their files (`--partial`, SPEC §3.6) are named in the report's data-quality note:
 * the night and the file, from the last run of each night of the period (a night loaded again whole has no gap).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reportBody } from '../../src/reports/document.ts';
import { buildReportModel, type ReportModel } from '../../src/reports/model.ts';
import { generatedRecommendations } from '../../src/reports/recommendations.ts';
import { parsePeriod } from '../../src/rules/period.ts';
import { loadPolicy } from '../../src/rules/policy/load.ts';
import { reportFigures } from '../../src/warehouse/reports/figures.ts';
import type { Fixture } from '../compliance/fixture.ts';
import { reportYearFixture } from './fixture.ts';
import { ComplianceSession } from '../../src/warehouse/compliance/session.ts';

const policy = loadPolicy('soctrang-2024');
let f: Fixture;

const gap = (file: string, reason: string) => JSON.stringify([{ file, reason }]);

beforeAll(async () => {
  f = await reportYearFixture();
  await f.ingestRun('2025-03-10');
  await f.ingestRun('2025-08-04');
  await f.ingestRun('2025-08-04'); // the same night loaded again, whole
  await f.ingestRun('2025-11-21');
  await f.conn.run(`UPDATE ingest_runs SET gaps = $g WHERE export_date = '2025-03-10'`, { g: gap('maillog', 'đêm này không có nhật ký thư') } as never);
  await f.conn.run(
    `UPDATE ingest_runs SET gaps = $g WHERE run_id = (SELECT min(run_id) FROM ingest_runs WHERE export_date = '2025-08-04')`,
    { g: gap('mailboxes.csv', 'tệp không phải Unicode') } as never,
  );
  await f.conn.run(`UPDATE ingest_runs SET gaps = $g WHERE export_date = '2025-11-21'`, { g: gap('maillog-20251121.gz', 'tệp nén bị cắt cụt') } as never);
});
afterAll(() => f.close());

async function model(periodText: string): Promise<ReportModel> {
  const figures = await reportFigures(new ComplianceSession().on(f.conn, policy), parsePeriod(periodText));
  return buildReportModel(policy, figures, '2026-01-05', { file: null, generated: (m) => generatedRecommendations(policy, m) });
}

const note = (m: ReportModel) => reportBody(m).find((b) => b.kind === 'paragraph' && b.text.startsWith('Lưu ý về số liệu'));

describe('the data-quality note on nights loaded without some files', () => {
  it('names each night of the period still lacking a file, and the file', async () => {
    const m = await model('2025');
    expect(m.inputGaps).toEqual([
      { night: '2025-03-10', file: 'maillog', reason: 'đêm này không có nhật ký thư' },
      { night: '2025-11-21', file: 'maillog-20251121.gz', reason: 'tệp nén bị cắt cụt' },
    ]);
    expect(note(m)).toEqual({
      kind: 'paragraph',
      text:
        'Lưu ý về số liệu: dữ liệu xuất của 2 đêm trong kỳ được nạp không đầy đủ (đêm 10/03/2025 thiếu maillog; ' +
        'đêm 21/11/2025 thiếu maillog-20251121.gz); các số liệu lấy từ những tệp này chưa tính phần của các đêm đó ' +
        '(chi tiết tại trang Dữ liệu).',
    });
  });

  it('only the nights of the period; none, no note', async () => {
    expect((await model('2025-H1')).inputGaps.map((g) => g.night)).toEqual(['2025-03-10']);
    expect(note(await model('2025-04-01..2025-10-31'))).toBeUndefined();
  });
});
