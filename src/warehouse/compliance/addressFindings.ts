import type { DuckDBConnection } from '@duckdb/node-api';
import { checkAddressConformance } from '../../rules/address.ts';
import { makeFinding, type Finding } from '../../rules/compliance/findings.ts';
import type { Policy } from '../../rules/policy/schema.ts';
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

/**
 * "Không đúng định dạng" (SPEC §4.2, §4.4; informational): active personal mailboxes on `asOf` whose address does not
 * follow the profile's personal format and duplicate rule for the holder's name (`checkAddressConformance`).
 * Organisational mailboxes are not judged: their templates need the department's registered abbreviation, which
 * the exports do not carry. Needs `prepareState` for `asOf` first.
 */
export async function addressFindings(conn: DuckDBConnection, policy: Policy, asOf: string): Promise<Finding[]> {
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
