/**
 * The mailbox registry of the synthetic province (SPEC §3.2) as it stands when the first exported night begins:
 * organisational mailboxes from the profile's templates, personal mailboxes allocated in creation order by the
 * address rules (so the first "Dương Chí Nguyện" keeps dcnguyen and the next gets dcnguyen1), and per-mailbox
 * facts that make disciplined agencies look disciplined and others not. Pure.
 */
import { createPersonalAllocator, orgAddress } from '../rules/address.ts';
import type { Policy } from '../rules/policy/schema.ts';
import type { AgencyTree, Unit } from './agencies.ts';
import { drawInitialState, type Protocol, type StateContext, type Usage } from './mailboxState.ts';
import type { Person } from './people.ts';
import { Rng } from './prng.ts';
import { DAY_MS, dayStart, localDate } from './time.ts';
import { workingInstant } from './people.ts';

export type MailboxKind = 'ca-nhan' | 'co-quan';
export type MailboxStatus = 'active' | 'locked' | 'closed';

export interface Mailbox {
  index: number;
  address: string;
  kind: MailboxKind;
  displayName: string;
  unit: Unit;
  /** The agency the mailbox belongs to: the unit itself for an organisational mailbox, the person's home otherwise. */
  agencyCode: string;
  department: string;
  title: string;
  person: Person | null;
  status: MailboxStatus;
  createdAt: number;
  /** As the registry shows it: Zimbra's zimbraLastLogonTimestamp, refreshed at most once every 7 days. */
  lastLoginAt: number | null;
  /** The real last login (logins.csv has every one). */
  trueLastLogin: number | null;
  passwordChangedAt: number;
  mustChange: boolean;
  /** The password age (days) at which its owner changes it unprompted; null for owners who never do. */
  renewPasswordDays: number | null;
  quotaMb: number;
  usedMb: number;
  forwardTo: string[];
  usage: Usage;
  protocol: Protocol;
  /** Per-mailbox draws for the Zimbra dump. */
  zimbra: { id: string; passwordHash: string; notes: string | null; base64Name: boolean };
  /** Display name written in NFD (decomposed) in the CSV registry, as some Mac-typed rows are. */
  nfdName: boolean;
}

export interface RegistryOptions {
  policy: Policy;
  firstNightStart: number;
}

function orgMailboxes(tree: AgencyTree, opts: RegistryOptions, taken: Set<string>, rng: Rng): Mailbox[] {
  const out: Mailbox[] = [];
  for (const unit of tree.units) {
    if (!unit.mailboxTemplate) continue;
    const r = rng.fork(unit.code);
    // Some phòng and units of careless agencies never asked for a mailbox (002 Điều 12 khoản 3 finding).
    if ((unit.role === 'department' || unit.role === 'unit') && r.chance((1 - unit.discipline) * 0.2)) continue;
    const wanted = orgAddress(opts.policy, unit.mailboxTemplate.template, unit.mailboxTemplate.parts);
    // Two units with the same abbreviation (the operator settles it, 003 Điều 3 khoản 1 điểm b): number the unit's own
    // part, so the parent's suffix stays (xatp2.huyenmx, not xatp.huyenmx2).
    let address = wanted;
    for (let n = 2; taken.has(address); n++) address = wanted.replace(/^([^.@]+)/, `$1${n}`);
    taken.add(address);
    // Phòng and units: half with their agency, most others within a year or so, a few only recently.
    const late = unit.role === 'department' || unit.role === 'unit';
    const x = r.next();
    const base = !late || x < 0.5 ? dayStart(unit.onboarding) : x < 0.9 ? dayStart(unit.onboarding) + r.int(1, 400) * DAY_MS : opts.firstNightStart - r.int(2, 700) * DAY_MS;
    const created = Math.min(workingInstant(r, localDate(base)), opts.firstNightStart - DAY_MS);
    out.push(newMailbox(out.length, address, 'co-quan', unit, null, created, r));
  }
  const spam = opts.policy.spamMailbox.value;
  if (spam && !taken.has(spam)) {
    const unit = tree.units.find((u) => u.shortName === 'Trung tâm Công nghệ số') ?? tree.units.find((u) => spam.includes(`.${u.abbr}@`));
    if (unit) {
      taken.add(spam);
      const r = rng.fork('spam');
      out.push(newMailbox(out.length, spam, 'co-quan', unit, null, workingInstant(r, unit.onboarding), r));
    }
  }
  return out;
}

function newMailbox(index: number, address: string, kind: MailboxKind, unit: Unit, person: Person | null, createdAt: number, rng: Rng): Mailbox {
  return {
    index, address, kind, unit, person, createdAt,
    displayName: person ? person.name.fullName : unit.name,
    agencyCode: unit.code,
    department: person ? person.department : unit.role === 'department' ? unit.shortName : '',
    title: person ? person.title : '',
    status: 'active', lastLoginAt: null, trueLastLogin: null, passwordChangedAt: createdAt, mustChange: true, renewPasswordDays: null,
    quotaMb: 0, usedMb: 0, forwardTo: [], usage: 'daily', protocol: 'http',
    zimbra: { id: '', passwordHash: '', notes: null, base64Name: false },
    nfdName: rng.chance(0.01),
  };
}

/** The first (own) organisational mailbox of each unit, by code; the spam mailbox comes after its unit's own. */
function firstByUnit(mailboxes: readonly Mailbox[]): Map<string, Mailbox> {
  const map = new Map<string, Mailbox>();
  for (const m of mailboxes) if (!map.has(m.unit.code)) map.set(m.unit.code, m);
  return map;
}

/** The agency abbreviation a person's address is formed with: the merged body they came from, else their home. */
function addressAgency(p: Person): string {
  return (p.cameFrom ?? p.home).abbr;
}

/**
 * Builds the whole registry: organisational mailboxes first (they exist before their staff), then personal
 * mailboxes in creation order, then the initial state of every mailbox. Deterministic for `rng`.
 */
export function buildRegistry(tree: AgencyTree, people: readonly Person[], opts: RegistryOptions, rng: Rng): Mailbox[] {
  const taken = new Set<string>();
  const mailboxes = orgMailboxes(tree, opts, taken, rng.fork('org'));
  const order = people.map((p, i) => ({ p, i })).sort((a, b) => a.p.createdAt - b.p.createdAt || a.p.rank - b.p.rank || a.i - b.i);
  const allocator = createPersonalAllocator(opts.policy, taken);
  const personal: Mailbox[] = [];
  for (const { p, i } of order) {
    const address = allocator.allocate(p.name.addressName, { agencyAbbr: addressAgency(p) });
    personal.push(newMailbox(0, address, 'ca-nhan', p.home, p, p.createdAt, rng.fork(`p${i}`)));
  }
  const all = [...mailboxes, ...personal];
  const ctx: StateContext = {
    policy: opts.policy,
    firstNightStart: opts.firstNightStart,
    orgMailbox: firstByUnit(mailboxes),
    headMailbox: new Map(personal.filter((m) => m.person?.rank === 0).map((m) => [m.unit.code, m])),
    mergedWithMove: new Set(tree.units.flatMap((u) => (u.moved ? [u.moved.formerParent.code] : []))),
  };
  all.forEach((m, index) => {
    m.index = index;
    drawInitialState(m, ctx, rng.fork(`state-${index}`));
  });
  return all;
}
