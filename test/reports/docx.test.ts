// The report as a Word document: unzipped, its document.xml carries the NĐ 30/2020 header block, the Vietnamese
// headings, every paragraph and summary-table figure of the HTML print view, A4 with the decree's margins, Times New
// Roman 13 pt in Vietnamese (w:lang vi-VN), page numbers from page 2, the signature block, its document properties,
// and each annex as its own landscape section numbered from 1. (How Writer lays it out: test/reports/libreoffice.test.ts.)
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reportAnnexes } from '../../src/reports/annexes.ts';
import { A4, MARGINS, toDocx } from '../../src/reports/docx.ts';
import { renderReportHtml } from '../../src/reports/html.ts';
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
beforeAll(async () => {
  f = await reportYearFixture(':memory:', { mailLog: true });
});
afterAll(() => f.close());

async function model(periodText: string): Promise<ReportModel> {
  const figures = await reportFigures(new ComplianceSession().on(f.conn, policy), parsePeriod(periodText));
  return buildReportModel(policy, figures, '2026-01-05', { file: null, generated: (m) => generatedRecommendations(policy, m) });
}

const unescapeXml = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
const unescapeHtml = (s: string) => s.replace(/&nbsp;/g, '\u00a0').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');

/** The text of each w:p of a WordprocessingML part, runs joined. */
function paragraphs(xml: string): string[] {
  return [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((p) => [...p[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => unescapeXml(t[1]!)).join(''));
}

async function unpack(m: ReportModel): Promise<Record<string, string>> {
  const files = unzipSync(await toDocx(m, reportAnnexes(m)));
  return Object.fromEntries(Object.entries(files).filter(([n]) => n.endsWith('.xml')).map(([n, b]) => [n, strFromU8(b)]));
}

describe.each(['2025', '2025-H1', '2025-02-01..2025-03-31'])('report %s as .docx', (periodText) => {
  it('holds the header block, the headings and every paragraph and summary figure of the HTML', async () => {
    const m = await model(periodText);
    const files = await unpack(m);
    const doc = files['word/document.xml']!;
    const text = paragraphs(doc);
    for (const s of ['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc', 'Sóc Trăng, ngày 05 tháng 01 năm 2026', 'BÁO CÁO',
      'I. Tình hình cấp, thay đổi, thu hồi hộp thư', 'II. Tình hình sử dụng', 'III. Công tác bảo đảm an toàn thông tin',
      'IV. Tiếp nhận, xử lý phiếu yêu cầu', 'V. Kết quả đánh giá, xếp hạng', 'VI. Kiến nghị, đề xuất', 'Nơi nhận:', 'KT. GIÁM ĐỐC', 'PHÓ GIÁM ĐỐC',
      'Phụ lục I', 'HỘP THƯ THEO CƠ QUAN, ĐƠN VỊ', 'Phụ lục VI', 'LƯU LƯỢNG THƯ ĐIỆN TỬ THEO CƠ QUAN, ĐƠN VỊ']) {
      expect(text, s).toContain(s);
    }
    // The sender on 05/01/2026: Sở TT&TT merged into Sở KH&CN on 01/03/2025 (the agency list in force that day).
    expect(text).toContain('SỞ KHOA HỌC');
    expect(text).toContain('VÀ CÔNG NGHỆ');
    expect(text).toContain(`Số:\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0/BC-SKHCN`);
    expect(text).toContain(`(Kèm theo Báo cáo số\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0/BC-SKHCN ngày 05 tháng 01 năm 2026 của Sở Khoa học và Công nghệ)`);
    expect(text.join('\n')).not.toMatch(/THÔNG TIN VÀ TRUYỀN|STTTT/);
    // The document's body paragraphs in the HTML print view (before the annexes), word for word.
    const html = renderReportHtml(m, reportAnnexes(m), '');
    const doc1 = html.slice(html.indexOf('<div class="to-giay">'), html.indexOf('<div class="to-giay ngang">'));
    const htmlParas = [...doc1.matchAll(/<(p|li)>([\s\S]*?)<\/\1>/g)].map((x) => unescapeHtml(x[2]!.replace(/<\/?strong>/g, '')));
    expect(htmlParas.length).toBeGreaterThan(10);
    for (const p of htmlParas) expect(text.some((t) => t === p || t === `- ${p}`), p).toBe(true);
    // The summary tables: each row's label followed by the same figure.
    const rows = [...doc1.matchAll(/<tr><td>([^<]*)<\/td><td class="so">([^<]*)<\/td><\/tr>/g)].map((x) => [unescapeHtml(x[1]!), unescapeHtml(x[2]!)]);
    expect(rows.map((r) => r[0])).toEqual(expect.arrayContaining(['Thư gửi đi', 'Thư nhận', 'Lượt gửi thư bị máy chủ từ chối']));
    for (const [label, value] of rows) {
      const i = text.indexOf(label!);
      expect(i, label).toBeGreaterThanOrEqual(0);
      expect(text[i + 1], label).toBe(value);
    }
  });
});

describe('page setup', () => {
  it('A4 portrait with top/bottom 20 mm, left 30 mm, right 15 mm; each annex its own A4 landscape section, same margins, numbered from 1', async () => {
    const doc = (await unpack(await model('2025')))['word/document.xml']!;
    const sections = [...doc.matchAll(/<w:sectPr[\s\S]*?<\/w:sectPr>/g)].map((s) => s[0]);
    expect(sections).toHaveLength(7);
    expect(sections[0]).toContain('<w:pgSz w:w="11906" w:h="16838"');
    expect([A4.width, A4.height]).toEqual([11906, 16838]);
    const margins = (sec: string) => {
      const mar = /<w:pgMar ([^>]*)\/>/.exec(sec)![1]!;
      const attr = (n: string) => Number(new RegExp(`w:${n}="(\\d+)"`).exec(mar)![1]);
      return [attr('top'), attr('bottom'), attr('left'), attr('right')];
    };
    expect(margins(sections[0]!)).toEqual([1134, 1134, 1701, 850]);
    expect(MARGINS).toEqual({ top: 1134, bottom: 1134, left: 1701, right: 850 });
    for (const sec of sections.slice(1)) {
      expect(sec).toMatch(/<w:pgSz w:w="16838" w:h="11906" w:orient="landscape"/);
      expect(margins(sec)).toEqual([1134, 1134, 1701, 850]);
      expect(sec).toMatch(/<w:pgNumType w:start="1"/);
    }
  });

  it('Times New Roman 13 pt in Vietnamese by default, and a page number in the header from page 2 (no number on the first page)', async () => {
    const files = await unpack(await model('2025'));
    expect(files['word/styles.xml']).toMatch(/<w:rFonts w:ascii="Times New Roman"[^>]*\/>/);
    expect(files['word/styles.xml']).toMatch(/<w:docDefaults>[\s\S]*<w:sz w:val="26"\/>/);
    expect(files['word/styles.xml']).toMatch(/<w:docDefaults>[\s\S]*<w:lang w:val="vi-VN"\/>/);
    const doc = files['word/document.xml']!;
    // Every run says it is Vietnamese, so Word does not spell-check the text as English.
    const runs = [...doc.matchAll(/<w:r>[\s\S]*?<\/w:r>/g)].map((r) => r[0]).filter((r) => r.includes('<w:t'));
    expect(runs.length).toBeGreaterThan(100);
    expect(runs.filter((r) => !r.includes('<w:lang w:val="vi-VN"/>'))).toEqual([]);
    expect(doc).toContain('<w:titlePg');
    const headers = Object.entries(files).filter(([n]) => /^word\/header\d+\.xml$/.test(n));
    const withPage = headers.filter(([, x]) => /PAGE/.test(x));
    expect(withPage.length).toBeGreaterThan(0);
    expect(headers.some(([, x]) => !/PAGE/.test(x))).toBe(true); // the first page's empty header
  });

  it('has its document properties: title, subject, author and last editor (not "Un-named")', async () => {
    const core = (await unpack(await model('2025')))['docProps/core.xml']!;
    expect(core).toContain('<dc:title>Báo cáo năm về hoạt động và tình hình sử dụng Hệ thống thư điện tử tỉnh — năm 2025</dc:title>');
    expect(core).toContain('<dc:subject>Về hoạt động và tình hình sử dụng Hệ thống thư điện tử tỉnh năm 2025</dc:subject>');
    expect(core).toContain('<dc:creator>Sở Khoa học và Công nghệ</dc:creator>');
    expect(core).toContain('<cp:lastModifiedBy>Sở Khoa học và Công nghệ</cp:lastModifiedBy>');
    expect(core).not.toContain('Un-named');
  });
});
