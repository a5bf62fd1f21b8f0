/**
 * Zimbra accounts → mailbox registry rows (SPEC §3.2): the attributes of `zmprov -l gaa -v` mapped onto the columns
 * of `mailboxes.csv`, then validated by the same schema. `company` holds the agency's full name (resolved to its
 * code by the caller), `ou` the department, `description: Hộp thư cơ quan` marks an agency mailbox. Pure: no I/O.
 */
import type { CellRecord } from './fields.ts';
import { mailboxRowSchema, type MailboxRow } from './mailboxes.ts';
import type { AcceptedRow, RejectedRow } from './validateTable.ts';
import { foldVietnamese } from '../text/fold.ts';
import { attrValue, attrValues, generalizedTimeToIso, readZimbraDump, type ZimbraAccount } from './zimbraDump.ts';

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

/** Every attribute the mapping reads (lowercased), for `parseZimbraDump(text, keep)`. */
export const ZIMBRA_KEPT_ATTRIBUTES: ReadonlySet<string> = new Set(
  [...Object.values(ZIMBRA_ATTRIBUTES), 'cn', 'zimbraMailForwardingAddress'].map((a) => a.toLowerCase()),
);

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

/**
 * Reads a dump (text of `zimbra-accounts.txt`) account by account, maps and validates each; `resolveAgency` turns
 * `company` into an agency code. Rejected accounts carry their mapped attributes as raw text (no password, no
 * personal phone).
 */
export function zimbraMailboxes(file: string, text: string, resolveAgency: AgencyResolver): ZimbraMailboxes {
  const rows: AcceptedRow<MailboxRow>[] = [];
  const rejected: RejectedRow[] = [];
  const addresses = new Set<string>();
  const seen = new Map<string, number>();
  readZimbraDump(text, {
    keep: ZIMBRA_KEPT_ATTRIBUTES,
    onStray: (s) => void rejected.push({ file, line: s.line, column: null, raw: null, reason: s.reason }),
    onAccount: (account) => {
      const cells = accountCells(account);
      const reject = (line: number, column: string | null, reason: string) =>
        void rejected.push({ file, line, column, raw: accountRaw(account, cells), reason });
      const lineOf = (attr: string) => account.attrLines.get(attr.toLowerCase()) ?? account.line;
      const address = (cells.address ?? account.name).toLowerCase();
      addresses.add(address);
      const first = seen.get(address);
      if (first !== undefined) return reject(account.line, null, `tài khoản "${address}" đã có ở dòng ${first}`);
      seen.set(address, account.line);
      const issue = account.issues[0];
      if (issue) return reject(issue.line, issue.attribute, issue.reason);
      if (cells.agency_code !== undefined) {
        const resolved = resolveAgency(cells.agency_code);
        if ('reason' in resolved) return reject(lineOf(ZIMBRA_ATTRIBUTES.agency_code), ZIMBRA_ATTRIBUTES.agency_code, resolved.reason);
        cells.agency_code = resolved.code;
      }
      const parsed = mailboxRowSchema.safeParse(cells);
      if (!parsed.success) {
        const column = String(parsed.error.issues[0]?.path[0] ?? '');
        const attr = ZIMBRA_ATTRIBUTES[column as keyof typeof ZIMBRA_ATTRIBUTES] ?? null;
        return reject(attr ? lineOf(attr) : account.line, attr, parsed.error.issues.map((i) => i.message).join('; '));
      }
      rows.push({ line: account.line, fields: [], row: parsed.data });
    },
  });
  rejected.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
  return { rows, rejected, addresses };
}
