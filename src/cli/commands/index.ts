// The CLI's commands (SPEC §2), in the order `--help` lists them. Each command's module is imported only when that
// command runs: `summary` should not pay for loading Astro, exceljs and the report renderer.
import type { Command } from '../command.ts';

export interface CommandEntry {
  name: string;
  /** One Vietnamese line for the command list. */
  summary: string;
  load(): Promise<Command>;
}

export const COMMANDS: readonly CommandEntry[] = [
  { name: 'generate', summary: 'sinh bộ dữ liệu xuất mẫu của một tỉnh (giả lập, có tính quyết định)', load: async () => (await import('./generate.ts')).generateCommand },
  { name: 'ingest', summary: 'kiểm tra và nạp một đêm xuất dữ liệu vào kho (an toàn khi chạy lại)', load: async () => (await import('./ingest.ts')).ingestCommand },
  { name: 'summary', summary: 'tổng hợp nhật ký thư (như "Grand Totals" của pflogsumm)', load: async () => (await import('./summary.ts')).summaryCommand },
  { name: 'address', summary: 'in địa chỉ hộp thư cá nhân mà mỗi người sẽ được cấp theo hồ sơ quy định', load: async () => (await import('./address.ts')).addressCommand },
  { name: 'score', summary: 'điểm tuân thủ và xếp hạng cơ quan theo kỳ', load: async () => (await import('./score.ts')).scoreCommand },
  { name: 'report', summary: 'báo cáo 6 tháng, năm, đột xuất gửi UBND tỉnh (HTML, PDF, CSV, XLSX)', load: async () => (await import('./report.ts')).reportCommand },
  { name: 'build', summary: 'dựng trang web tĩnh từ kho dữ liệu (bản công khai hoặc nội bộ)', load: async () => (await import('./build.ts')).buildCommand },
  { name: 'nightly', summary: 'công việc hằng đêm: nạp dữ liệu rồi dựng cả bản công khai và nội bộ, thay trang cũ một cách nguyên tử', load: async () => (await import('./nightly.ts')).nightlyCommand },
  { name: 'rollback', summary: 'quay lui trang về bản phát hành hoàn tất trước đó (hoặc một bản chọn), nói bản đó chứa dữ liệu đêm nào', load: async () => (await import('./rollback.ts')).rollbackCommand },
];
