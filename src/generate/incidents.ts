/**
 * Incidents (sự cố, SPEC §3.5): a few a year on the provincial mail system, most reported within the profile's
 * deadline (`incidentReportHours`, 001 Điều 11 khoản 2 điểm i: 8 hours), some hours or days late. Pure.
 */
import type { Policy } from '../rules/policy/schema.ts';
import { Rng } from './prng.ts';
import { DAY_MS, HOUR_MS, localDate } from './time.ts';

/** The severities the generator writes (labels: src/text/labels.ts INCIDENT_SEVERITY_LABELS). */
export const INCIDENT_SEVERITIES = ['thap', 'trung-binh', 'cao', 'nghiem-trong'] as const;

export interface IncidentRecord {
  id: string;
  occurredAt: number;
  reportedAt: number;
  kind: string;
  severity: (typeof INCIDENT_SEVERITIES)[number];
  summary: string;
}

interface Template {
  kind: string;
  severity: IncidentRecord['severity'];
  summary: (host: string, rng: Rng) => string;
}

const TEMPLATES: Template[] = [
  { kind: 'mat-ket-noi', severity: 'cao', summary: (h) => `Mất kết nối đến máy chủ ${h} do sự cố đường truyền tại Trung tâm tích hợp dữ liệu; người dùng không truy cập được hộp thư` },
  { kind: 'thu-rac', severity: 'trung-binh', summary: (_h, r) => `Một hộp thư bị lợi dụng phát tán khoảng ${r.int(2, 40) * 100} thư rác; đã tạm khóa, đổi mật khẩu và gỡ khỏi danh sách đen` },
  { kind: 'ma-doc', severity: 'cao', summary: () => 'Thư giả mạo có tệp đính kèm chứa mã độc gửi đến nhiều hộp thư; bộ lọc đã chặn, đã cảnh báo người dùng' },
  { kind: 'het-dung-luong', severity: 'trung-binh', summary: (_h, r) => `Phân vùng lưu trữ thư đầy ${r.int(92, 99)}%, thư đến bị trễ; đã mở rộng dung lượng lưu trữ` },
  { kind: 'chung-thu-so', severity: 'thap', summary: (h) => `Chứng thư số SSL của ${h} hết hạn, trình duyệt cảnh báo khi vào webmail; đã gia hạn` },
  { kind: 'tan-cong-do-mat-khau', severity: 'cao', summary: (_h, r) => `Dò mật khẩu từ ${r.int(3, 60)} địa chỉ IP nước ngoài vào cổng đăng nhập webmail; đã chặn theo địa chỉ` },
  { kind: 'mat-dien', severity: 'nghiem-trong', summary: () => 'Mất điện kéo dài tại phòng máy chủ, hệ thống thư điện tử ngừng hoạt động; đã chuyển sang nguồn dự phòng' },
];

/** Every incident kind the generator writes: the templates, and a leaked password (nightPlan.ts). Each has a label
 * in src/text/labels.ts (INCIDENT_KIND_LABELS). */
export const GENERATED_INCIDENT_KINDS: readonly string[] = [...TEMPLATES.map((t) => t.kind), 'lo-mat-khau'];

/** Hours between an incident and its report: mostly within the deadline, about a third late (any delay up to two
 * days when the profile sets no deadline). */
export function reportDelayHours(rng: Rng, deadlineHours: number | null): number {
  if (deadlineHours === null) return rng.real(0.3, 48);
  return rng.chance(0.68) ? rng.real(0.3, deadlineHours * 0.95) : rng.real(deadlineHours * 1.1, deadlineHours * 9);
}

/** Routine incidents over [from, to): about four a year, at least two. */
export function routineIncidents(policy: Policy, from: number, to: number, rng: Rng): IncidentRecord[] {
  const host = `mail.${policy.domain.value ?? ''}`;
  const count = Math.max(2, rng.poisson((4 * (to - from)) / (365 * DAY_MS)));
  const out: IncidentRecord[] = [];
  for (let i = 0; i < count; i++) {
    const t = rng.pick(TEMPLATES);
    const occurredAt = Math.floor(from + rng.next() * (to - from - 2 * DAY_MS));
    const reportedAt = Math.floor(occurredAt + reportDelayHours(rng, policy.incidentReportHours.value) * HOUR_MS);
    out.push({ id: '', occurredAt, reportedAt, kind: t.kind, severity: t.severity, summary: t.summary(host, rng) });
  }
  return out;
}

/** Sorts by occurrence and numbers per year: SC-2025-001 … */
export function numberIncidents(incidents: IncidentRecord[]): IncidentRecord[] {
  incidents.sort((a, b) => a.occurredAt - b.occurredAt);
  const seq = new Map<string, number>();
  for (const r of incidents) {
    const year = localDate(r.occurredAt).slice(0, 4);
    const n = (seq.get(year) ?? 0) + 1;
    seq.set(year, n);
    r.id = `SC-${year}-${String(n).padStart(3, '0')}`;
  }
  return incidents;
}
