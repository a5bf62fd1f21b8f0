// Node-only: reads the editable recommendations and writes the report's files.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Period } from '../rules/period.ts';
import type { Policy } from '../rules/policy/schema.ts';
import type { Compliance } from '../warehouse/compliance/session.ts';
import { reportFigures } from '../warehouse/reports/figures.ts';
import { reportAnnexes, type Annex, type AnnexVariant } from './annexes.ts';
import { toCsv } from './csv.ts';
import { toDocx } from './docx.ts';
import { embeddedFontCss } from './fonts.ts';
import { renderReportHtml } from './html.ts';
import { buildReportModel, type ReportModel } from './model.ts';
import { chromiumPath, htmlToPdf } from './pdf.ts';
import { generatedRecommendations } from './recommendations.ts';
import { toXlsx } from './xlsx.ts';

/** Where officials keep the edited "Kiến nghị, đề xuất": `<period id>.md` (e.g. 2025-H1.md, 2025.md). */
export const RECOMMENDATIONS_DIR = new URL('../../data/report-recommendations/', import.meta.url);

/** The edited recommendations for `period` (`<dir>/<period id>.md`, then `<dir>/<profile>.md`), or null. */
export function readRecommendations(period: Period, policy: Policy, dir: URL | string = RECOMMENDATIONS_DIR): string | null {
  for (const name of [`${period.id}.md`, `${policy.id}.md`]) {
    const file = typeof dir === 'string' ? join(dir, name) : new URL(name, dir);
    if (existsSync(file)) {
      const text = readFileSync(file, 'utf8').replace(/^\uFEFF/, '').trim();
      if (text !== '') return text;
    }
  }
  return null;
}

/**
 * Reads the figures (scores and findings from the compliance session) and builds the report model and annexes for
 * `period` (today = the date the report is dated); `variant` 'public' is the portal's (see `reportAnnexes`).
 */
export async function prepareReport(
  compliance: Compliance,
  period: Period,
  today: string,
  recommendationsDir: URL | string = RECOMMENDATIONS_DIR,
  variant: AnnexVariant = 'internal',
): Promise<{ model: ReportModel; annexes: Annex[] }> {
  const { policy } = compliance;
  const figures = await reportFigures(compliance, period);
  const model = buildReportModel(policy, figures, today, {
    file: readRecommendations(period, policy, recommendationsDir),
    generated: (m) => generatedRecommendations(policy, m),
  });
  return { model, annexes: reportAnnexes(model, variant) };
}

/** The annexes' per-unit detail as one workbook for people: a sheet per annex, titled with the report's period. */
export function annexWorkbook(model: ReportModel, annexes: readonly Annex[]): Promise<Uint8Array> {
  return toXlsx(
    annexes.map((a) => ({ ...a.table, name: a.sheet, title: `${a.title} — ${model.period.label}` })),
    { title: `Phụ lục kèm theo ${model.title.charAt(0).toLowerCase()}${model.title.slice(1)} — ${model.period.label}`, subject: model.sender.agency },
  );
}

export interface WrittenReport {
  files: string[];
  pdf: 'written' | 'no-chromium' | 'skipped';
}

/**
 * Writes report.html (self-contained print view), report.docx (the same document for editing in Word), one CSV per
 * annex (UTF-8 with BOM, formula-safe), phu-luc.xlsx (one sheet per annex) and, when Chromium is available and `pdf`
 * is true, report.pdf.
 */
export async function writeReportFiles(out: string, model: ReportModel, annexes: Annex[], pdf: boolean): Promise<WrittenReport> {
  mkdirSync(out, { recursive: true });
  const files: string[] = [];
  const html = renderReportHtml(model, annexes, embeddedFontCss());
  const write = (name: string, data: string | Uint8Array) => {
    writeFileSync(join(out, name), data);
    files.push(name);
  };
  write('report.html', html);
  write('report.docx', await toDocx(model, annexes));
  for (const a of annexes) write(`${a.slug}.csv`, toCsv(a.table));
  write('phu-luc.xlsx', await annexWorkbook(model, annexes));
  if (!pdf) return { files, pdf: 'skipped' };
  const chromium = chromiumPath();
  if (!chromium) return { files, pdf: 'no-chromium' };
  write('report.pdf', await htmlToPdf(html, chromium));
  return { files, pdf: 'written' };
}
