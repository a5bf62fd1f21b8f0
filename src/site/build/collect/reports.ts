import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { ReportDue } from '../../../reports/due.ts';
import { embeddedFontCss } from '../../../reports/fonts.ts';
import { toDocx } from '../../../reports/docx.ts';
import { renderReportFragment, renderReportHtml } from '../../../reports/html.ts';
import { notCoveredText } from '../../../reports/document.ts';
import { sitePeriods } from '../../../reports/periods.ts';
import { prepareReport } from '../../../reports/writeReport.ts';
import type { Period } from '../../../rules/period.ts';
import type { CollectContext, DownloadRef } from '../types.ts';

export interface PublishedReport {
  period: Period;
  title: string;
  evaluatedTo: string;
  dues: ReportDue[];
  /** Why the warehouse cannot report this period (it holds no data of it), or null: then nothing else is published. */
  missing: string | null;
  /** The document and annexes as HTML (escaped at render time in src/reports/html.ts); '' when `missing`. */
  fragment: string;
  /** Self-contained print view, relative to the site root; null when `missing`. */
  printView: string | null;
  /** The document as .docx for editing in Word (internal build only), relative to the site root; null otherwise. */
  docx: string | null;
  downloads: DownloadRef[];
}

export interface ReportsSlice {
  today: string;
  reports: PublishedReport[];
}

/**
 * Báo cáo (SPEC §5, issue 7): the reports to UBND for the periods `sitePeriods` picks from the data date, each with
 * its due dates and days left (from the build date `ctx.today`), the document as HTML, a self-contained print view and its
 * annexes as CSV/XLSX downloads; the internal build adds the document as .docx. The public build gets the annexes'
 * public variant (no incident free text, `reportAnnexes`): aggregates per agency only, nothing per person. A period
 * the warehouse holds no data of is listed with the reason, without a document or tables of zeros.
 */
export async function collectReports(ctx: CollectContext): Promise<ReportsSlice> {
  const today = ctx.today;
  if (!ctx.asOf) return { today, reports: [] };
  const fonts = embeddedFontCss();
  const reports: PublishedReport[] = [];
  for (const period of sitePeriods(ctx.asOf)) {
    const { model, annexes } = await prepareReport(ctx.compliance, period, today, undefined, ctx.audience);
    const missing = notCoveredText(model);
    if (missing !== null) {
      // A period before the warehouse's first night: say so, publish no tables of zeros.
      reports.push({ period, title: model.title, evaluatedTo: model.evaluatedTo, dues: model.dues, missing, fragment: '', printView: null, docx: null, downloads: [] });
      continue;
    }
    const folder = `bao-cao/${period.id}`;
    const downloads = annexes.map((a) => ctx.addDownload(`${folder}/${a.slug}`, a.title, a.table));
    const html = renderReportHtml(model, annexes, fonts);
    const printView = ctx.emitFile(`${folder}/ban-in.html`, async (file) => {
      await mkdir(dirname(file), { recursive: true });
      await writeFile(file, html);
    });
    const docx =
      ctx.audience === 'internal'
        ? ctx.emitFile(`${folder}/bao-cao-${period.id}.docx`, async (file) => {
            await mkdir(dirname(file), { recursive: true });
            await writeFile(file, await toDocx(model, annexes));
          })
        : null;
    reports.push({
      period,
      title: model.title,
      evaluatedTo: model.evaluatedTo,
      dues: model.dues,
      missing: null,
      fragment: renderReportFragment(model, annexes),
      printView,
      docx,
      downloads,
    });
  }
  return { today, reports };
}
