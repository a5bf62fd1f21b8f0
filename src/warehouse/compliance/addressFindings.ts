import type { DuckDBConnection } from '@duckdb/node-api';
import { checkAddressConformance, checkOrgMailbox } from '../../rules/address.ts';
import { makeFinding, type Finding } from '../../rules/compliance/findings.ts';
import { formatCitation, type Policy } from '../../rules/policy/schema.ts';
import { sqlParams } from './prepare.ts';
import { queryComplianceSql } from './sql.ts';

interface PersonalRow {
  address: string;
  display_name: string;
  agency_code: string | null;
  agency_name: string | null;
  agency_abbr: string | null;
  created_day: string | null;
}

interface OrgRow {
  address: string;
  display_name: string | null;
  agency_code: string;
  agency_name: string;
  agency_kind: string;
  agency_abbr: string | null;
  parent_kind: string | null;
  parent_abbr: string | null;
  parent_name: string | null;
  created_day: string | null;
}

/**
 * "Không đúng định dạng" (SPEC §4.2, §4.4; informational): active personal mailboxes on `asOf` whose address does not
 * follow the profile's personal format and duplicate rule for the holder's name (`checkAddressConformance`), and
 * active agency mailboxes whose address does not follow the organisational template of their place in the agency
 * list (`checkOrgMailbox`; each finding cites that template's clause). A step of `computeFindings`, run on the state it
 * prepared for `asOf`.
 */
export async function addressFindings(conn: DuckDBConnection, policy: Policy, asOf: string): Promise<Finding[]> {
  return [...(await personalFindings(conn, policy, asOf)), ...(await orgFindings(conn, policy, asOf))];
}

async function orgFindings(conn: DuckDBConnection, policy: Policy, asOf: string): Promise<Finding[]> {
  const rows = await queryComplianceSql<OrgRow>(conn, 'orgAddresses', { ...sqlParams(policy), asOf });
  const out: Finding[] = [];
  for (const r of rows) {
    const result = checkOrgMailbox(policy, r.address, {
      unit: { kind: r.agency_kind, abbr: r.agency_abbr, name: r.agency_name },
      parent: r.parent_kind === null ? null : { kind: r.parent_kind, abbr: r.parent_abbr, name: r.parent_name ?? '' },
    });
    if (result.conforms) continue;
    const finding = makeFinding(policy, asOf, 'org-address-format', {
      subject: r.address,
      subjectName: r.display_name,
      agencyCode: r.agency_code,
      agencyName: r.agency_name,
      since: r.created_day ?? asOf,
      detail: result.reason ?? 'không đúng định dạng',
    });
    out.push({ ...finding, citation: formatCitation(policy.addresses[result.template].cite) });
  }
  return out;
}

async function personalFindings(conn: DuckDBConnection, policy: Policy, asOf: string): Promise<Finding[]> {
  const rows = await queryComplianceSql<PersonalRow>(conn, 'personalAddresses', { ...sqlParams(policy), asOf });
  const out: Finding[] = [];
  for (const r of rows) {
    const result = checkAddressConformance(policy, r.address, {
      kind: 'personal',
      fullName: r.display_name,
      agencyAbbr: r.agency_abbr ?? undefined,
    });
    if (result.conforms) continue;
    out.push(
      makeFinding(policy, asOf, 'address-format', {
        subject: r.address,
        subjectName: r.display_name,
        agencyCode: r.agency_code,
        agencyName: r.agency_name,
        since: r.created_day ?? asOf,
        detail: result.reason ?? 'không đúng định dạng',
      }),
    );
  }
  return out;
}
