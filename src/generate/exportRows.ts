/**
 * The CSV files of one export night, in SPEC §3 column order exactly: agencies.csv (§3.1), mailboxes.csv (§3.2),
 * logins.csv (§3.2), requests.csv (§3.4), incidents.csv (§3.5). Times ISO 8601 with +07:00, dates ISO. Pure:
 * each function turns records into CSV lines; the caller writes them.
 */
import type { Unit } from './agencies.ts';
import { csvLine } from './csv.ts';
import type { IncidentRecord } from './incidents.ts';
import type { Mailbox } from './mailboxes.ts';
import type { Login } from './night.ts';
import type { RequestRecord } from './requests.ts';
import { localIso } from './time.ts';

export const AGENCY_COLUMNS = ['code', 'name', 'abbr', 'parent_code', 'kind', 'group', 'headcount', 'phone', 'address', 'valid_from', 'valid_to', 'successor_code'] as const;
export const MAILBOX_COLUMNS = [
  'address', 'kind', 'display_name', 'agency_code', 'department', 'title', 'status', 'created_at', 'last_login_at',
  'password_changed_at', 'must_change_password', 'quota_mb', 'used_mb', 'forward_to', 'phone', 'id_number', 'birth_date',
] as const;
export const LOGIN_COLUMNS = ['time', 'address', 'protocol', 'client_ip'] as const;
export const REQUEST_COLUMNS = ['id', 'type', 'agency_code', 'channel', 'received_at', 'completed_at', 'result', 'note'] as const;
export const INCIDENT_COLUMNS = ['id', 'occurred_at', 'reported_at', 'kind', 'severity', 'summary'] as const;

/** The ranking group of an agency kind (SPEC §3.1). */
function groupOf(unit: Unit): string {
  return unit.kind;
}

/**
 * agencies.csv lines for one unit: one row, or two when a department moved to a merger's successor (the old row
 * ends the day of the move; the new one starts then, same code, new parent and name).
 */
export function agencyLines(unit: Unit): string[] {
  const row = (name: string, parent: Unit | null, from: string, to: string | null, successor: Unit | null) =>
    csvLine([unit.code, name, unit.abbr, parent?.code, unit.kind, groupOf(unit), unit.headcount, unit.phone, unit.officeAddress, from, to, successor?.code]);
  if (!unit.moved) return [row(unit.name, unit.parent, unit.validFrom, unit.validTo, unit.successor)];
  const { formerParent, movedOn } = unit.moved;
  const oldName = unit.role === 'department' ? `${unit.shortName} - ${formerParent.name}` : unit.name;
  return [row(oldName, formerParent, unit.validFrom, movedOn, null), row(unit.name, unit.parent, movedOn, unit.validTo, unit.successor)];
}

const time = (ms: number | null) => (ms === null ? '' : localIso(ms));

/** One mailboxes.csv line. Personal rows carry the Mẫu 01 details (phone, CCCD, birth date) ingest must drop. */
export function mailboxLine(m: Mailbox): string {
  const name = m.nfdName ? m.displayName.normalize('NFD') : m.displayName;
  const phone = m.person ? m.person.phone : m.unit.phone;
  return csvLine([
    m.address, m.kind, name, m.agencyCode, m.department, m.title, m.status, time(m.createdAt), time(m.lastLoginAt),
    time(m.passwordChangedAt), m.mustChange ? 'true' : 'false', m.quotaMb, m.usedMb, m.forwardTo.join(';'), phone,
    m.person?.idNumber ?? '', m.person?.birthDate ?? '',
  ]);
}

/** One logins.csv line: the exact time (+07:00), address, protocol and client IP of a login. */
export function loginLine(l: Login): string {
  return csvLine([localIso(l.time), l.address, l.protocol, l.clientIp]);
}

/** A request as known at `nightEnd`: completion and result stay empty while it is still open. */
export function requestLine(r: RequestRecord, nightEnd: number): string {
  const done = r.completedAt < nightEnd;
  return csvLine([r.id, r.type, r.agencyCode, r.channel, localIso(r.receivedAt), done ? localIso(r.completedAt) : '', done ? r.result : '', r.note]);
}

/** An incident as known at `nightEnd`: reported_at empty until the report was made. */
export function incidentLine(i: IncidentRecord, nightEnd: number): string {
  return csvLine([i.id, localIso(i.occurredAt), i.reportedAt < nightEnd ? localIso(i.reportedAt) : '', i.kind, i.severity, i.summary]);
}

/** The header line of a file from its column list. */
export const header = (columns: readonly string[]) => csvLine(columns);
