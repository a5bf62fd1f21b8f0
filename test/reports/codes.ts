// What "a machine code shown to a reader" means in the tests (SPEC §6, STYLE §17): the codes the profiles, the rules,
// the input schemas, the generator and the warehouse define, and how to find them in an output's cells and text.
import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { strFromU8, unzipSync } from 'fflate';
import { GENERATED_INCIDENT_KINDS, INCIDENT_SEVERITIES } from '../../src/generate/incidents.ts';
import { AGENCY_KINDS } from '../../src/inputs/agencies.ts';
import { MAILBOX_KINDS, MAILBOX_STATUSES } from '../../src/inputs/mailboxes.ts';
import { REQUEST_CHANNELS, REQUEST_TYPES } from '../../src/inputs/requests.ts';
import { RULE_IDS } from '../../src/rules/compliance/rules.ts';
import { methodVersion, SCORING_METHOD_REVISION } from '../../src/rules/compliance/scoring.ts';
import { loadPolicy } from '../../src/rules/policy/load.ts';
import { criterionIdSchema, duplicateRuleSchema, personalFormatSchema, POLICY_IDS } from '../../src/rules/policy/schema.ts';
import {
  INCIDENT_KIND_LABELS, INCIDENT_SEVERITY_LABELS, RANKING_GROUP_LABELS, REJECT_CLASS_LABELS, SEVERITY_LABELS, TABLE_LABELS,
} from '../../src/text/labels.ts';

/** Every code defined in the profiles, the rules, the input schemas, the generator and the warehouse. */
export function definedCodes(): string[] {
  const codes = new Set<string>([
    ...AGENCY_KINDS, ...Object.keys(RANKING_GROUP_LABELS), ...MAILBOX_KINDS, ...MAILBOX_STATUSES, ...Object.keys(SEVERITY_LABELS),
    ...RULE_IDS, ...criterionIdSchema.options, ...GENERATED_INCIDENT_KINDS, ...Object.keys(INCIDENT_KIND_LABELS), ...INCIDENT_SEVERITIES,
    ...Object.keys(INCIDENT_SEVERITY_LABELS), ...REQUEST_TYPES, ...REQUEST_CHANNELS, ...Object.keys(REJECT_CLASS_LABELS), ...POLICY_IDS,
    ...personalFormatSchema.options, ...duplicateRuleSchema.options, ...Object.keys(TABLE_LABELS), SCORING_METHOD_REVISION,
  ]);
  for (const id of POLICY_IDS) {
    const p = loadPolicy(id);
    codes.add(p.ranking.methodVersion);
    codes.add(methodVersion(p));
    for (const r of p.reports) codes.add(r.id);
  }
  return [...codes];
}

/**
 * The codes that cannot be a word of a Vietnamese sentence (they hold '-', '_', '+', '.' or a digit, or are known
 * abbreviations): searched for inside text. Every code is also looked for as a whole cell value.
 */
function unmistakable(codes: readonly string[]): string[] {
  return codes.filter((c) => /[-_+.\d]/.test(c) || ['dvsn', 'qlvbdh'].includes(c));
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export interface CodeHit {
  where: string;
  code: string;
  context: string;
}

/** A finder for the codes: `cell(value)` (a whole value is a code) and `text(prose)` (a code inside a sentence). */
export function codeFinder(codes: readonly string[] = definedCodes()) {
  const all = new Set(codes);
  // Longest first, so "tcv-2024.1+pp1" is one hit and not "tcv-2024.1" then "pp1".
  const alternatives = unmistakable(codes).sort((a, b) => b.length - a.length).map(escape);
  const inText = new RegExp(`(?<![\\p{L}\\p{N}_-])(${alternatives.join('|')})(?![\\p{L}\\p{N}_-])`, 'gu');
  // A shorthand citation by our seed file id ("001 Điều 11 khoản 2"), where a document's name is due.
  const shorthand = /(?<!\d)00[0-4] Điều \d+/gu;
  const text = (where: string, prose: string): CodeHit[] => {
    const hits: CodeHit[] = [];
    for (const re of [inText, shorthand]) {
      for (const m of prose.matchAll(re)) hits.push({ where, code: m[0], context: prose.slice(Math.max(0, m.index! - 40), m.index! + m[0].length + 40) });
    }
    return hits;
  };
  const cell = (where: string, value: unknown): CodeHit[] => {
    if (typeof value !== 'string') return [];
    const v = value.trim();
    return all.has(v) ? [{ where, code: v, context: v }] : text(where, v);
  };
  return { cell, text };
}

/** The text a reader sees in an HTML page: element text and the labels read aloud (aria-label, title, alt). */
export function visibleHtmlText(html: string): string {
  const labels = [...html.matchAll(/\s(?:aria-label|title|alt)="([^"]*)"/g)].map((m) => m[1]);
  const text = html
    .replace(/<script[\s\S]*?<\/script>/gi, ' ')
    .replace(/<style[\s\S]*?<\/style>/gi, ' ')
    .replace(/<[^>]+>/g, ' ');
  return [text, ...labels]
    .join('\n')
    .replace(/&nbsp;/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
}

/** The paragraphs of a .docx (every part: body, headers), runs joined. */
export function docxText(bytes: Uint8Array): string {
  const unescape = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
  const parts = Object.entries(unzipSync(bytes)).filter(([n]) => /^word\/.*\.xml$/.test(n) || n === 'docProps/core.xml');
  return parts
    .map(([, b]) => strFromU8(b))
    .flatMap((xml) => [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>|<dc:\w+>[^<]*<\/dc:\w+>/g)].map((p) => [...p[0].matchAll(/<(?:w:t|dc:\w+)(?: [^>]*)?>([^<]*)</g)].map((t) => unescape(t[1]!)).join('')))
    .join('\n');
}

/** Every cell of a CSV file. */
export function csvCells(file: string): string[] {
  const rows = Papa.parse<string[]>(readFileSync(file, 'utf8').replace(/^\uFEFF/, ''), { skipEmptyLines: true }).data;
  return rows.flat();
}

/** Every cell value of every sheet of an XLSX file, with the sheet names and the printed header/footer. */
export async function xlsxCells(file: string): Promise<unknown[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const out: unknown[] = [];
  for (const ws of wb.worksheets) {
    out.push(ws.name, ws.headerFooter?.oddHeader ?? '');
    ws.eachRow((row) => row.eachCell((c) => out.push(c.value)));
  }
  return out;
}
