// Saved questions of the explore page (issue 8): Vietnamese titles over the Parquet views the page registers
// (agencies, mail_daily_agency, mailboxes, findings — see src/site/build/parquet.ts). Pure, safe in the browser.
// "{n}" is the profile's regular-use window in days (policy ranking.regularUseDays) and "{share}" / "{p}" its quota
// warning share (policy quotaWarningShare) as a fraction / a percentage: never a number in code.

/** One saved question: a stable id, its Vietnamese title and the SQL it runs (placeholders filled by `savedQuestions`). */
export interface SavedQuestion {
  id: string;
  title: string;
  sql: string;
}

export const SAVED_QUESTIONS: readonly SavedQuestion[] = [
  {
    id: 'ty-le-su-dung-thap',
    title: 'Cơ quan có tỷ lệ hộp thư cá nhân được sử dụng trong {n} ngày thấp nhất',
    sql: `SELECT a.name AS co_quan,
       count(*) AS hop_thu_ca_nhan,
       count(*) FILTER (WHERE m.used_recent) AS su_dung_{n}_ngay,
       round(100.0 * count(*) FILTER (WHERE m.used_recent) / count(*), 1) AS ty_le_phan_tram
FROM mailboxes m JOIN agencies a ON a.code = m.agency_code
WHERE m.kind = 'ca-nhan' AND m.status = 'active'
GROUP BY a.name
ORDER BY ty_le_phan_tram, co_quan
LIMIT 20`,
  },
  {
    id: 'thu-ra-ngoai-tinh-theo-thang',
    title: 'Thư gửi ra ngoài tỉnh theo tháng',
    sql: `SELECT strftime(day, '%Y-%m') AS thang,
       sum(sent_rcpt_external) AS luot_gui_ra_ngoai_tinh,
       sum(sent_rcpt_internal) AS luot_gui_trong_tinh
FROM mail_daily_agency
GROUP BY thang
ORDER BY thang`,
  },
  {
    id: 'phat-hien-theo-quy-tac',
    title: 'Số phát hiện theo quy tắc và mức độ',
    sql: `SELECT title AS quy_tac, severity AS muc_do, count(*) AS so_phat_hien
FROM findings
GROUP BY ALL
ORDER BY so_phat_hien DESC, quy_tac`,
  },
  {
    id: 'co-quan-gui-nhieu-thu',
    title: 'Cơ quan gửi nhiều thư nhất trong {n} ngày gần nhất',
    sql: `SELECT a.name AS co_quan, sum(d.sent_messages) AS thu_gui, sum(d.received_messages) AS thu_nhan
FROM mail_daily_agency d JOIN agencies a ON a.code = d.agency_code
WHERE d.day > (SELECT max(day) FROM mail_daily_agency) - {n}
GROUP BY a.name
ORDER BY thu_gui DESC, co_quan
LIMIT 20`,
  },
  {
    id: 'hop-thu-gan-day-dung-luong',
    title: 'Hộp thư đã dùng từ {p}% dung lượng trở lên',
    sql: `SELECT address AS dia_chi, display_name AS ten, agency_code AS ma_co_quan,
       used_mb AS da_dung_mb, quota_mb AS dung_luong_mb,
       round(100.0 * used_mb / quota_mb, 1) AS phan_tram
FROM mailboxes
WHERE status = 'active' AND quota_mb > 0 AND used_mb >= {share} * quota_mb
ORDER BY phan_tram DESC, dia_chi`,
  },
];

/**
 * The saved questions with the profile's figures filled in: "{n}" the regular-use window (`recentDays`, a positive
 * integer), "{share}" / "{p}" the quota warning share (`quotaShare`, 0–1, as the quota findings use it). A question
 * on the warning share is left out when the profile sets none.
 */
export function savedQuestions(recentDays: number, quotaShare: number | null): SavedQuestion[] {
  if (!Number.isInteger(recentDays) || recentDays <= 0) throw new Error(`số ngày không hợp lệ: ${recentDays}`);
  if (quotaShare !== null && !(quotaShare > 0 && quotaShare <= 1)) throw new Error(`ngưỡng dung lượng không hợp lệ: ${quotaShare}`);
  const n = String(recentDays);
  const share = quotaShare === null ? null : String(quotaShare);
  const percent = quotaShare === null ? null : String(Math.round(quotaShare * 1000) / 10).replace('.', ',');
  return SAVED_QUESTIONS.filter((q) => share !== null || !q.sql.includes('{share}')).map((q) => ({
    ...q,
    title: q.title.replaceAll('{n}', n).replaceAll('{p}', percent ?? ''),
    sql: q.sql.replaceAll('{n}', n).replaceAll('{share}', share ?? ''),
  }));
}
