/**
 * Zimbra accounts → mailbox registry rows (SPEC §3.2): the attributes of `zmprov -l gaa -v` mapped onto the columns
 * of `mailboxes.csv`, then validated by the same schema. `company` holds the agency's full name (resolved to its
 * code by the caller), `ou` the department, `description: Hộp thư cơ quan` marks an agency mailbox. Pure: no I/O.
 */
import type { CellRecord } from './fields.ts';
import { mailboxRowSchema, type MailboxRow } from './mailboxes.ts';
import type { AcceptedRow, RejectedRow, RowPosition } from './validateTable.ts';
import { foldVietnamese } from '../text/fold.ts';
import { attrValue, attrValues, generalizedTimeToIso, type ZimbraAccount, type ZimbraDump } from './zimbraDump.ts';

/** Canonical column → the Zimbra attribute it comes from (reported as the column in messages). */
export const ZIMBRA_ATTRIBUTES = {
  address: 'zimbraMailDeliveryAddress',
  kind: 'description',
  display_name: 'displayName',
  agency_code: 'company',
  department: 'ou',
  title: 'title',
  status: 'zimbraAccountStatus',
  created_at: 'zimbraCreateTimestamp',
  last_login_at: 'zimbraLastLogonTimestamp',
  password_changed_at: 'zimbraPasswordModifiedTime',
  must_change_password: 'zimbraPasswordMustChange',
  quota_mb: 'zimbraMailQuota',
  forward_to: 'zimbraPrefMailForwardingAddress',
  phone: 'telephoneNumber',
} as const;

/** Marker in `description` of an agency (co-quan) mailbox. */
const AGENCY_MAILBOX_MARK = 'hop thu co quan';

/** Zimbra account statuses → ours: a maintenance account still works; pending and lockout cannot log in. */
const STATUS: Readonly<Record<string, string>> = {
  active: 'active',
  maintenance: 'active',
  locked: 'locked',
  lockout: 'locked',
  pending: 'locked',
  closed: 'closed',
};

/** Resolves an agency's full name to its code, or explains why it cannot. */
export type AgencyResolver = (name: string) => { code: string } | { reason: string };

export interface ZimbraMailboxes {
  rows: AcceptedRow<MailboxRow>[];
  rejected: RejectedRow[];
  /** Rejects an accepted row after a later check (raw is already redacted). */
  reject(row: RowPosition, column: string | null, reason: string): RejectedRow;
  /** Addresses of every account in the dump, good or bad. */
  addresses: Set<string>;
}

const BYTES_PER_MB = 1024 * 1024;

function time(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  return generalizedTimeToIso(value) ?? value;
}

function accountCells(account: ZimbraAccount): CellRecord {
  const get = (attr: string) => {
    const v = attrValue(account, attr)?.trim();
    return v === undefined || v === '' ? undefined : v.normalize('NFC');
  };
  const description = attrValues(account, 'description').join(' ');
  const status = get(ZIMBRA_ATTRIBUTES.status);
  const quotaBytes = get(ZIMBRA_ATTRIBUTES.quota_mb);
  const quota = quotaBytes !== undefined && /^\d+$/.test(quotaBytes) ? Number(quotaBytes) : undefined;
  const forwards = [...attrValues(account, ZIMBRA_ATTRIBUTES.forward_to), ...attrValues(account, 'zimbraMailForwardingAddress')];
  return {
    address: get(ZIMBRA_ATTRIBUTES.address) ?? account.name,
    kind: foldVietnamese(description).includes(AGENCY_MAILBOX_MARK) ? 'co-quan' : 'ca-nhan',
    display_name: get(ZIMBRA_ATTRIBUTES.display_name) ?? get('cn'),
    agency_code: get(ZIMBRA_ATTRIBUTES.agency_code),
    department: get(ZIMBRA_ATTRIBUTES.department),
    title: get(ZIMBRA_ATTRIBUTES.title),
    status: status === undefined ? undefined : (STATUS[status.toLowerCase()] ?? status),
    created_at: time(get(ZIMBRA_ATTRIBUTES.created_at)),
    last_login_at: time(get(ZIMBRA_ATTRIBUTES.last_login_at)),
    password_changed_at: time(get(ZIMBRA_ATTRIBUTES.password_changed_at)),
    must_change_password: get(ZIMBRA_ATTRIBUTES.must_change_password),
    // zimbraMailQuota is in bytes; 0 means no limit.
    quota_mb: quota === undefined ? quotaBytes : quota === 0 ? undefined : String(quota / BYTES_PER_MB),
    forward_to: forwards.length > 0 ? forwards.join(';') : undefined,
    phone: get(ZIMBRA_ATTRIBUTES.phone),
  };
}

/** The mapped attributes as `attr: value` lines, a personal phone left out: the quarantine's raw text. */
function accountRaw(account: ZimbraAccount, cells: CellRecord): string {
  const lines = [`# name ${account.name}`];
  for (const [column, attr] of Object.entries(ZIMBRA_ATTRIBUTES)) {
    if (column === 'phone' && cells.kind !== 'co-quan') continue;
    for (const v of attrValues(account, attr)) lines.push(`${attr}: ${v}`);
  }
  return lines.join('\n');
}

/** Maps and validates every account of a dump; `resolveAgency` turns `company` into an agency code. */
export function zimbraMailboxes(file: string, dump: ZimbraDump, resolveAgency: AgencyResolver): ZimbraMailboxes {
  const rows: AcceptedRow<MailboxRow>[] = [];
  const rejected: RejectedRow[] = dump.stray.map((s) => ({ file, line: s.line, column: null, raw: null, reason: s.reason }));
  const addresses = new Set<string>();
  const seen = new Map<string, number>();
  const reject = (row: RowPosition, column: string | null, reason: string): RejectedRow => ({
    file,
    line: row.line,
    column,
    raw: row.fields[0] ?? null,
    reason,
  });
  for (const account of dump.accounts) {
    const cells = accountCells(account);
    const position: RowPosition = { line: account.line, fields: [accountRaw(account, cells)] };
    const address = (cells.address ?? account.name).toLowerCase();
    addresses.add(address);
    const lineOf = (attr: string) => account.attrLines.get(attr.toLowerCase()) ?? account.line;
    const first = seen.get(address);
    if (first !== undefined) {
      rejected.push(reject(position, null, `tài khoản "${address}" đã có ở dòng ${first}`));
      continue;
    }
    seen.set(address, account.line);
    const issue = account.issues[0];
    if (issue) {
      rejected.push(reject({ ...position, line: issue.line }, issue.attribute, issue.reason));
      continue;
    }
    if (cells.agency_code !== undefined) {
      const resolved = resolveAgency(cells.agency_code);
      if ('reason' in resolved) {
        rejected.push(reject({ ...position, line: lineOf(ZIMBRA_ATTRIBUTES.agency_code) }, ZIMBRA_ATTRIBUTES.agency_code, resolved.reason));
        continue;
      }
      cells.agency_code = resolved.code;
    }
    const parsed = mailboxRowSchema.safeParse(cells);
    if (!parsed.success) {
      const column = String(parsed.error.issues[0]?.path[0] ?? '');
      const attr = ZIMBRA_ATTRIBUTES[column as keyof typeof ZIMBRA_ATTRIBUTES] ?? null;
      const reason = parsed.error.issues.map((i) => i.message).join('; ');
      rejected.push(reject({ ...position, line: attr ? lineOf(attr) : account.line }, attr, reason));
      continue;
    }
    rows.push({ ...position, row: parsed.data });
  }
  return { rows, rejected, reject, addresses };
}
