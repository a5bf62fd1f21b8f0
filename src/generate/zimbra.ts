/**
 * The mailbox registry as Zimbra exports it (SPEC §3.2 alternative): `zmprov -l gaa -v <domain>` and
 * `zmprov gqu <server>`. Pure: each function returns the text of one account or quota line.
 *
 * Format of `zimbra-accounts.txt`, as written here (what ingest parses):
 * - An account starts with `# name <address>`; accounts are separated by one blank line.
 * - Then `attribute: value` lines, attributes in alphabetical order as zmprov prints them. Multi-valued attributes
 *   repeat the line (`objectClass`, `zimbraPrefMailForwardingAddress`).
 * - `displayName:: <base64 of the UTF-8 name>` instead of `displayName: <name>` for some accounts.
 * - `zimbraNotes` may hold a line break: its second line follows unprefixed (no `attribute:`).
 * - Attributes: cn, company (the agency's full name, as `name` in agencies.csv — unique), description
 *   (`Hộp thư cơ quan` marks an organisational mailbox, kind co-quan; absent for personal mailboxes), displayName,
 *   givenName, mail, objectClass, ou (department), sn, title, uid, userPassword ({SSHA512}…, to be dropped),
 *   zimbraAccountStatus (active|locked|closed), zimbraCreateTimestamp, zimbraId, zimbraLastLogonTimestamp (absent
 *   when never logged in), zimbraMailDeliveryAddress, zimbraMailHost, zimbraMailQuota (bytes), zimbraMailStatus,
 *   zimbraNotes, zimbraPasswordModifiedTime, zimbraPasswordMustChange (TRUE|FALSE), zimbraPrefMailForwardingAddress.
 * - Times are LDAP generalized time in UTC: `20241105093000Z`; accounts created from 2025 on carry milliseconds in
 *   zimbraCreateTimestamp (`20260728064034.819Z`), as newer Zimbra releases write.
 * - There is no agency code: ingest maps `company` to agencies.csv `name`. Personal phone, CCCD and birth date are
 *   not in Zimbra.
 *
 * `quota.txt` (zmprov gqu): one line per account, `address limit_bytes used_bytes`, space-separated.
 */
import type { Mailbox } from './mailboxes.ts';
import { generalizedTime } from './time.ts';

/** The marker of an organisational mailbox in the dump. */
export const ORG_MAILBOX_DESCRIPTION = 'Hộp thư cơ quan';

const MB = 1024 * 1024;
const MILLIS_FROM = Date.parse('2025-01-01T00:00:00+07:00');

/** Family name and given name(s) for sn/givenName. */
function nameParts(m: Mailbox): { sn: string; givenName: string } {
  if (!m.person) return { sn: m.displayName, givenName: '' };
  return { sn: m.person.name.family, givenName: m.person.name.given };
}

/** The lines of one account (ending with the blank separator line). */
export function zimbraAccount(m: Mailbox, mailHost: string): string {
  const lines: string[] = [`# name ${m.address}`];
  const add = (attr: string, value: string | null | undefined) => {
    if (value !== null && value !== undefined && value !== '') lines.push(`${attr}: ${value}`);
  };
  const { sn, givenName } = nameParts(m);
  const uid = m.address.split('@')[0]!;
  add('cn', m.displayName);
  add('company', m.unit.name);
  if (m.kind === 'co-quan') add('description', ORG_MAILBOX_DESCRIPTION);
  if (m.zimbra.base64Name) lines.push(`displayName:: ${Buffer.from(m.displayName, 'utf8').toString('base64')}`);
  else add('displayName', m.displayName);
  add('givenName', givenName);
  add('mail', m.address);
  for (const oc of ['inetOrgPerson', 'zimbraAccount', 'amavisAccount']) add('objectClass', oc);
  add('ou', m.department);
  add('sn', sn);
  add('title', m.title);
  add('uid', uid);
  add('userPassword', m.zimbra.passwordHash);
  add('zimbraAccountStatus', m.status);
  add('zimbraCreateTimestamp', generalizedTime(m.createdAt, m.createdAt >= MILLIS_FROM));
  add('zimbraId', m.zimbra.id);
  if (m.lastLoginAt !== null) add('zimbraLastLogonTimestamp', generalizedTime(m.lastLoginAt, false));
  add('zimbraMailDeliveryAddress', m.address);
  add('zimbraMailHost', mailHost);
  add('zimbraMailQuota', String(Math.round(m.quotaMb * MB)));
  add('zimbraMailStatus', m.status === 'closed' ? 'disabled' : 'enabled');
  add('zimbraNotes', m.zimbra.notes);
  add('zimbraPasswordModifiedTime', generalizedTime(m.passwordChangedAt, false));
  add('zimbraPasswordMustChange', m.mustChange ? 'TRUE' : 'FALSE');
  for (const f of m.forwardTo) add('zimbraPrefMailForwardingAddress', f);
  return lines.join('\n') + '\n\n';
}

/** One `zmprov gqu` line: address, quota limit in bytes, bytes used. */
export function quotaLine(m: Mailbox): string {
  return `${m.address} ${Math.round(m.quotaMb * MB)} ${Math.round(m.usedMb * MB)}\n`;
}
