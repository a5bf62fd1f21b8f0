/**
 * The report to UBND as plain data (pure): one row per agency of the period carrying every per-agency figure, the
 * totals (always the sums of those rows, so the report and its annexes reconcile by construction), incidents, the
 * ranking, the due dates and the "Kiến nghị, đề xuất" text. Rendering (HTML, annex tables) reads only this.
 */
import { viDate, type Period } from '../rules/period.ts';
import type { Policy } from '../rules/policy/schema.ts';
import { citeDocument } from '../text/labels.ts';
import { mainReport, reportsDue, type ReportDue } from './due.ts';
import { agencyOnDate, resolveSender, type Sender } from './sender.ts';
import type { IncidentRow, InputGapRow, MailLogFigures, RankingRow, ReportFigures } from '../warehouse/reports/figureTypes.ts';

/** Per-agency figures; the numeric keys are the ones totalled. */
export interface AgencyFigures {
  issued: number;
  changed: number;
  locked: number;
  revoked: number;
  activePersonal: number;
  activeAgency: number;
  lockedNow: number;
  usedInPeriod: number;
  usedMb: number;
  reqReceived: number;
  reqDone: number;
  reqOnTime: number;
  reqLate: number;
  reqOpenNotDue: number;
  reqNoDeadline: number;
  passwordDefault: number;
  passwordStale: number;
  forwardExternal: number;
  /** Mail traffic (mail-log aggregates; each day under the agency of that day). */
  mailSent: number;
  mailSentRcptInternal: number;
  mailSentRcptExternal: number;
  mailReceived: number;
  mailReceivedInternal: number;
  mailReceivedExternal: number;
  mailSentMb: number;
  mailReceivedMb: number;
  mailActiveSenders: number;
  mailRejectedInbound: number;
}

/** Figures in MB with one decimal (the others are counts). */
export const MB_KEYS = ['usedMb', 'mailSentMb', 'mailReceivedMb'] as const satisfies readonly (keyof AgencyFigures)[];

export const FIGURE_KEYS = [
  'issued', 'changed', 'locked', 'revoked', 'activePersonal', 'activeAgency', 'lockedNow', 'usedInPeriod', 'usedMb',
  'reqReceived', 'reqDone', 'reqOnTime', 'reqLate', 'reqOpenNotDue', 'reqNoDeadline', 'passwordDefault',
  'passwordStale', 'forwardExternal', 'mailSent', 'mailSentRcptInternal', 'mailSentRcptExternal', 'mailReceived',
  'mailReceivedInternal', 'mailReceivedExternal', 'mailSentMb', 'mailReceivedMb', 'mailActiveSenders', 'mailRejectedInbound',
] as const satisfies readonly (keyof AgencyFigures)[];

export interface AgencyReportRow extends AgencyFigures {
  code: string;
  name: string;
  group: string;
  /** Agency kind (SPEC §3.1); '' for codes missing from the agency list. */
  kind: string;
  /** The agency this one belongs to (as of its last day in the period), or null. */
  parent: string | null;
  /** Days the agency existed in the period (YYYY-MM-DD, inclusive); null for codes missing from the agency list. */
  existedFrom: string | null;
  existedTo: string | null;
  /** Days the agency existed in the period (dd/mm/yyyy – dd/mm/yyyy); null for codes missing from the agency list. */
  existed: string | null;
  /** "Sáp nhập vào X từ dd/mm/yyyy", "Giải thể từ …", "Thành lập từ …", or null. */
  note: string | null;
}

/**
 * How much of the period the warehouse holds (SPEC §3: a warehouse starts on its first night). `registry`: 'full' when
 * the mailbox list was seen from the period's first day, 'partial' when its first night falls inside the period (the
 * changes before it are unknown), 'none' when it starts after the period (or is empty). A period with neither the
 * registry nor a day of mail log is not covered: the report says so instead of printing zeros.
 */
export interface Coverage {
  registry: 'full' | 'partial' | 'none';
  /** The first night of registry data, or null when the warehouse has none. */
  registryFrom: string | null;
  /** Days of the period with mail-log data. */
  mailDays: number;
  covered: boolean;
}

export interface IncidentSummary {
  total: number;
  withinDeadline: number;
  late: number;
  /** Not judged: the regulation sets no hours, or the deadline has not passed yet. */
  notJudged: number;
  hours: number | null;
}

export interface ReportModel {
  profile: string;
  province: string;
  period: Period;
  coverage: Coverage;
  evaluatedTo: string;
  data: { from: string; to: string } | null;
  /** Whether the registry was observed on `evaluatedTo` (the warehouse's first night is on or before it). */
  registryObserved: boolean;
  today: string;
  /** The report this document is, and every report of the profile that covers the period. */
  report: ReportDue | null;
  dues: ReportDue[];
  title: string;
  /** Who sends and signs it: the agency list in force on `today`, overridable per profile (`sender.ts`). */
  sender: Sender;
  recipient: string;
  /** The rule the report is made under, as the document cites it ("khoản 3 Điều 10 Quy chế …"), or null. */
  basis: string | null;
  rows: AgencyReportRow[];
  totals: AgencyFigures;
  incidents: IncidentRow[];
  incidentSummary: IncidentSummary;
  /** The mail log of the period (coverage, server counters, reject classes); null when the warehouse has none. */
  mailLog: Omit<MailLogFigures, 'traffic'> | null;
  ranking: RankingRow[];
  methodVersion: string;
  /** Nights of the period loaded without some of their files (--partial): the report says so. */
  inputGaps: InputGapRow[];
  /** Markdown of "Kiến nghị, đề xuất" (from the editable file, or generated). */
  recommendations: string;
  recommendationsSource: 'file' | 'generated';
}

const zero = (): AgencyFigures => Object.fromEntries(FIGURE_KEYS.map((k) => [k, 0])) as unknown as AgencyFigures;

/** Sums the figures of `rows` key by key (storage rounded to 0.1 MB). */
export function sumFigures(rows: readonly AgencyFigures[]): AgencyFigures {
  const t = zero();
  for (const r of rows) for (const k of FIGURE_KEYS) t[k] += r[k];
  for (const k of MB_KEYS) t[k] = Math.round(t[k] * 10) / 10;
  return t;
}

export { agencyAbbr } from './sender.ts';

/** The coverage of `period` by the warehouse's data (see `Coverage`). */
export function periodCoverage(period: Period, data: { from: string; to: string } | null, mailDays: number): Coverage {
  const registry = data === null || data.from > period.to ? 'none' : data.from > period.from ? 'partial' : 'full';
  return { registry, registryFrom: data?.from ?? null, mailDays, covered: registry !== 'none' || mailDays > 0 };
}

/**
 * The name of a code the registry used that is not in the agency list of the period: its last name when the list
 * once held it ("Sở Thông tin và Truyền thông (mã ST.28, đã sáp nhập vào … từ 01/03/2025)"), else the bare code.
 */
function missingAgencyName(code: string, versions: ReportFigures['agencyVersions']): string {
  const last = versions.filter((v) => v.code === code).sort((a, b) => a.valid_from.localeCompare(b.valid_from)).at(-1);
  if (!last) return `Mã ${code} (không có trong danh mục cơ quan của kỳ)`;
  const successor = last.successor_code ? versions.filter((v) => v.code === last.successor_code).at(-1)?.name : undefined;
  const ended = last.valid_to ? (successor ? `đã sáp nhập vào ${successor} từ ${viDate(last.valid_to)}` : `thôi hoạt động từ ${viDate(last.valid_to)}`) : 'chưa hoạt động trong kỳ';
  return `${last.name} (mã ${code}, ${ended}; hộp thư vẫn mang mã này)`;
}

function noteFor(a: ReportFigures['agencies'][number], period: Period, names: Map<string, string>): string | null {
  if (a.ended_on && a.ended_on <= period.to) {
    const succ = a.successor_code ? names.get(a.successor_code) ?? a.successor_code : null;
    return succ ? `Sáp nhập vào ${succ} từ ${viDate(a.ended_on)}` : `Thôi hoạt động từ ${viDate(a.ended_on)}`;
  }
  if (a.exists_from > period.from) return `Thành lập từ ${viDate(a.exists_from)}`;
  return null;
}

/**
 * Builds the report model from the warehouse figures (pure). Rows: every agency that existed in the period (a
 * merged agency and its successor each with their own days), plus any code the registry used that the agency list
 * lacks, so no event is dropped. Totals are the sums of the rows. `today` (YYYY-MM-DD) dates the document and the
 * days left; `recommendations` is the edited markdown, or null to use `generated`.
 */
export function buildReportModel(
  policy: Policy,
  figures: ReportFigures,
  today: string,
  recommendations: { file: string | null; generated: (m: Omit<ReportModel, 'recommendations' | 'recommendationsSource'>) => string },
): ReportModel {
  const { period } = figures;
  const names = new Map(figures.agencies.map((a) => [a.code, a.name]));
  const rows = new Map<string, AgencyReportRow>();
  const row = (code: string): AgencyReportRow => {
    let r = rows.get(code);
    if (!r) {
      const name = code === '' ? 'Chưa gắn cơ quan' : missingAgencyName(code, figures.agencyVersions);
      r = { code, name, group: '', kind: '', parent: null, existedFrom: null, existedTo: null, existed: null, note: null, ...zero() };
      rows.set(code, r);
    }
    return r;
  };
  for (const a of figures.agencies) {
    rows.set(a.code, {
      code: a.code,
      name: a.name,
      group: a.grp,
      kind: a.kind,
      parent: a.parent_code,
      existedFrom: a.exists_from,
      existedTo: a.exists_to,
      existed: `${viDate(a.exists_from)} – ${viDate(a.exists_to)}`,
      note: noteFor(a, period, names),
      ...zero(),
    });
  }
  for (const e of figures.events) Object.assign(row(e.code), { issued: e.issued, changed: e.changed, locked: e.locked, revoked: e.revoked });
  for (const e of figures.atEnd) {
    Object.assign(row(e.code), {
      activePersonal: e.active_personal,
      activeAgency: e.active_agency,
      lockedNow: e.locked_now,
      usedInPeriod: e.used_in_period,
      usedMb: e.used_mb,
    });
  }
  for (const q of figures.requests) {
    Object.assign(row(q.code), {
      reqReceived: q.received,
      reqDone: q.done,
      reqOnTime: q.on_time,
      reqLate: q.late,
      reqOpenNotDue: q.open_not_due,
      reqNoDeadline: q.no_deadline,
    });
  }
  for (const s of figures.security) {
    Object.assign(row(s.code), { passwordDefault: s.passwordDefault, passwordStale: s.passwordStale, forwardExternal: s.forwardExternal });
  }
  for (const x of figures.mailLog?.traffic ?? []) {
    Object.assign(row(x.code), {
      mailSent: x.sent,
      mailSentRcptInternal: x.sent_rcpt_internal,
      mailSentRcptExternal: x.sent_rcpt_external,
      mailReceived: x.received,
      mailReceivedInternal: x.received_internal,
      mailReceivedExternal: x.received_external,
      mailSentMb: x.sent_mb,
      mailReceivedMb: x.received_mb,
      mailActiveSenders: x.active_senders,
      mailRejectedInbound: x.rejected_inbound,
    });
  }
  const ordered = [...rows.values()].sort((a, b) => (a.existed === null ? 1 : 0) - (b.existed === null ? 1 : 0) || a.code.localeCompare(b.code));
  const profileDues = reportsDue(policy, period, today);
  const report = mainReport(profileDues);
  const from = report?.from ?? policy.operatorAgency.value ?? 'Cơ quan quản lý hệ thống thư điện tử';
  // Who sends to whom, as the agency list names them on the report date (Sở TT&TT became Sở KH&CN in 2025).
  const current = (name: string) => agencyOnDate(figures.agencyVersions, name, today)?.name ?? name;
  const dues = profileDues.map((d) => ({ ...d, from: current(d.from), to: current(d.to) }));
  const hours = policy.incidentReportHours.value;
  const base = {
    profile: policy.id,
    province: policy.province,
    period,
    coverage: periodCoverage(period, figures.data, figures.mailLog?.daysCovered ?? 0),
    evaluatedTo: figures.evaluatedTo,
    data: figures.data,
    registryObserved: figures.data !== null && figures.data.from <= figures.evaluatedTo,
    today,
    report,
    dues,
    title: report ? report.title : 'Báo cáo về hoạt động và tình hình sử dụng Hệ thống thư điện tử tỉnh',
    sender: resolveSender(policy, from, figures.agencyVersions, today),
    recipient: report?.to ?? 'Ủy ban nhân dân tỉnh',
    basis: report ? citeDocument(report.cite, { full: true }) : null,
    rows: ordered,
    totals: sumFigures(ordered),
    incidents: figures.incidents,
    incidentSummary: {
      total: figures.incidents.length,
      withinDeadline: figures.incidents.filter((i) => i.within_deadline === true).length,
      late: figures.incidents.filter((i) => i.within_deadline === false).length,
      notJudged: figures.incidents.filter((i) => i.within_deadline === null).length,
      hours,
    },
    mailLog: figures.mailLog ? (({ traffic: _t, ...rest }) => rest)(figures.mailLog) : null,
    ranking: figures.ranking,
    methodVersion: figures.methodVersion,
    inputGaps: figures.inputGaps ?? [],
  };
  return recommendations.file !== null
    ? { ...base, recommendations: recommendations.file, recommendationsSource: 'file' }
    : { ...base, recommendations: recommendations.generated(base), recommendationsSource: 'generated' };
}
