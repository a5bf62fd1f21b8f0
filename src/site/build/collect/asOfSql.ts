/**
 * SQL fragments for "the warehouse as it stood on date $d" (SPEC §3: agencies with history, mailboxes as versions).
 * Each expects a DATE parameter bound by the caller; values are never pasted in.
 */

/** Mailbox versions in force on `dateExpr`: seen on or before it and not replaced by then (seen_to is exclusive). */
export const mailboxesAsOf = (dateExpr: string) =>
  `(SELECT * FROM mailboxes WHERE seen_from <= ${dateExpr} AND (seen_to IS NULL OR seen_to > ${dateExpr}))`;

/** Agency versions in force on `dateExpr` (valid_to is exclusive). */
export const agenciesAsOf = (dateExpr: string) =>
  `(SELECT * FROM agencies WHERE valid_from <= ${dateExpr} AND (valid_to IS NULL OR valid_to > ${dateExpr}))`;

/**
 * Last known login per mailbox as of `dateExpr`: the later of the registry's last_login_at (latest nightly row on or
 * before the date; Zimbra updates it at most weekly, SPEC §3.2) and the exact audit-log logins up to that day.
 */
export const lastLoginAsOf = (dateExpr: string) => `(
  SELECT address, max(t) AS last_login FROM (
    SELECT address, arg_max(last_login_at, export_date) AS t FROM mailbox_activity
     WHERE export_date <= ${dateExpr} GROUP BY address
    UNION ALL
    SELECT address, max(time) AS t FROM logins WHERE time::DATE <= ${dateExpr} GROUP BY address
  ) GROUP BY address)`;
