/**
 * The shared figure macros (src/warehouse/schema/003_figures.sql, issue 16): "in force on d", the registry and the
 * agency list on a day, a login's local day, a mailbox's last use with Zimbra's margin, and their fallback as temporary
 * macros for a warehouse written before they existed. That the compliance state and the single-date macro give every
 * mailbox the same last use on a generated warehouse is in test/cli/sample.test.ts.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UTC_OFFSET_MINUTES as VIETNAM_OFFSET_MINUTES } from '../../src/text/time.ts';
import { LAST_LOGON_PRECISION_DAYS } from '../../src/rules/compliance/params.ts';
import { queryRows, withReadOnlyWarehouse } from '../../src/warehouse/open.ts';
import { Fixture } from '../compliance/fixture.ts';

let f: Fixture;
beforeAll(async () => {
  f = await Fixture.create();
  await f.agency({ code: 'SO', name: 'Sở A', validFrom: '2024-01-01', validTo: '2025-07-01', successor: 'SN' });
  await f.agency({ code: 'SN', name: 'Sở B', validFrom: '2025-07-01' });
  await f.mailbox({ address: 'cu@soctrang.gov.vn', agency: 'SO', seenFrom: '2025-01-01', seenTo: '2025-03-01' });
  await f.mailbox({ address: 'cu@soctrang.gov.vn', agency: 'SN', seenFrom: '2025-03-01' });
  await f.mailbox({ address: 'stamp@soctrang.gov.vn', agency: 'SN', seenFrom: '2025-01-01' });
  await f.mailbox({ address: 'exact@soctrang.gov.vn', agency: 'SN', seenFrom: '2025-01-01' });
  // Zimbra's stamp on the night 2025-03-10 (and an older night that must not count)
  await f.activity('2025-03-01', 'stamp@soctrang.gov.vn', '2025-02-27 09:00:00+07');
  await f.activity('2025-03-10', 'stamp@soctrang.gov.vn', '2025-03-06 09:00:00+07');
  await f.activity('2025-03-10', 'exact@soctrang.gov.vn', null);
  // an exact login at 23:30 local on 03/03 is 16:30 UTC: the local day is the 3rd, not the 4th or the 2nd
  await f.login('2025-03-03 23:30:00+07', 'exact@soctrang.gov.vn');
  await f.login('2025-03-20 08:00:00+07', 'exact@soctrang.gov.vn'); // after the dates asked below
  await f.sentMail('2025-03-05', 'cu@soctrang.gov.vn');
});
afterAll(() => f.close());

describe('003_figures.sql', () => {
  it("keeps Zimbra's weekly-logon margin equal to the one the texts state (LAST_LOGON_PRECISION_DAYS)", async () => {
    const [row] = await queryRows<{ m: number }>(f.conn, 'SELECT last_logon_margin_days() AS m');
    expect(row!.m).toBe(LAST_LOGON_PRECISION_DAYS);
  });

  it.each([
    ['the first day', '2025-03-01', true],
    ['the day before', '2025-02-28', false],
    ['the last day', '2025-06-30', true],
    ['the end day (exclusive)', '2025-07-01', false],
  ])('in_force_on: %s', async (_what, d, expected) => {
    const [row] = await queryRows<{ v: boolean }>(f.conn, "SELECT in_force_on(DATE '2025-03-01', DATE '2025-07-01', $d::DATE) AS v", { d });
    expect(row!.v).toBe(expected);
  });

  it('mailboxes_on and agencies_on: the versions in force at the end of the day', async () => {
    const on = async (sql: string, d: string) => (await queryRows<{ k: string }>(f.conn, sql, { d })).map((r) => r.k).sort();
    expect(await on("SELECT address || ' ' || agency_code AS k FROM mailboxes_on($d::DATE)", '2025-02-28')).toEqual([
      'cu@soctrang.gov.vn SO', 'exact@soctrang.gov.vn SN', 'stamp@soctrang.gov.vn SN',
    ]);
    expect(await on("SELECT address || ' ' || agency_code AS k FROM mailboxes_on($d::DATE)", '2025-03-01')).toContain('cu@soctrang.gov.vn SN');
    expect(await on('SELECT code AS k FROM agencies_on($d::DATE)', '2025-06-30')).toEqual(['SO']);
    expect(await on('SELECT code AS k FROM agencies_on($d::DATE)', '2025-07-01')).toEqual(['SN']);
  });

  it('local_day: the calendar day at +07:00', async () => {
    const [row] = await queryRows<{ d: string }>(
      f.conn,
      "SELECT CAST(local_day(TIMESTAMPTZ '2025-03-03 16:30:00+00', $o) AS VARCHAR) AS d",
      { o: VIETNAM_OFFSET_MINUTES },
    );
    expect(row!.d).toBe('2025-03-03');
  });

  it.each([
    // date, address, use_day: the stamp of the latest night on or before the date plus 7 days, never after the date
    ['2025-03-09', 'stamp@soctrang.gov.vn', '2025-03-06'], // the night of 01/03: stamp 27/02 + 7
    ['2025-03-10', 'stamp@soctrang.gov.vn', '2025-03-10'], // stamp 06/03 + 7 = 13/03, capped at the date
    ['2025-03-31', 'stamp@soctrang.gov.vn', '2025-03-13'],
    ['2025-03-10', 'exact@soctrang.gov.vn', '2025-03-03'], // exact login, its local day, no margin
    ['2025-03-31', 'exact@soctrang.gov.vn', '2025-03-20'],
    ['2025-03-31', 'cu@soctrang.gov.vn', '2025-03-05'], // mail sent
    ['2025-03-04', 'cu@soctrang.gov.vn', null], // nothing yet
  ])('mailbox_use_on(%s): %s last used %s', async (d, address, expected) => {
    const rows = await queryRows<{ use_day: string | null }>(
      f.conn,
      'SELECT CAST(use_day AS VARCHAR) AS use_day FROM mailbox_use_on($d::DATE, $o) WHERE address = $a',
      { d, a: address, o: VIETNAM_OFFSET_MINUTES },
    );
    expect(rows[0]?.use_day ?? null).toBe(expected);
  });

  it('used_within: a use on one of the last N days, the date included', async () => {
    const [row] = await queryRows<{ a: boolean; b: boolean; c: boolean }>(
      f.conn,
      `SELECT used_within(DATE '2025-03-02', DATE '2025-03-31', 30) AS a, used_within(DATE '2025-03-01', DATE '2025-03-31', 30) AS b,
              used_within(NULL, DATE '2025-03-31', 30) AS c`,
    );
    expect(row).toEqual({ a: true, b: false, c: false });
  });
});

describe('a warehouse written before the macros existed', () => {
  let work: string;
  beforeAll(() => {
    work = mkdtempSync(join(tmpdir(), 'tcv-figures-'));
  });
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('gets them as temporary macros when opened read-only', async () => {
    const db = join(work, 'old.duckdb');
    const schema = fileURLToPath(new URL('../../src/warehouse/schema/', import.meta.url));
    const older = readdirSync(schema).filter((n) => n.endsWith('.sql') && n < '003').sort();
    const instance = await DuckDBInstance.create(db);
    const conn = await instance.connect();
    for (const name of older) await conn.run(readFileSync(join(schema, name), 'utf8'));
    await conn.run("INSERT INTO agencies (code, valid_from, name, kind, grp, first_seen, last_seen) VALUES ('X', DATE '2025-01-01', 'X', 'so-nganh', 'so-nganh', DATE '2025-01-01', DATE '2025-01-01')");
    conn.closeSync();
    instance.closeSync();
    const rows = await withReadOnlyWarehouse(db, (c) => queryRows<{ code: string }>(c, "SELECT code FROM agencies_on(DATE '2025-06-01')"));
    expect(rows).toEqual([{ code: 'X' }]);
  });
});
