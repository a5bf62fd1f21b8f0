import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

import type { PolicyId } from './ids.ts';
import { policySchema, type Policy } from './schema.ts';

export { isPolicyId } from './ids.ts';

const POLICY_DIR = fileURLToPath(new URL('../../../data/policies/', import.meta.url));

/** Parses and validates a profile; throws an Error whose message lists every problem in Vietnamese. */
export function parsePolicy(json: unknown, source: string): Policy {
  const result = policySchema.safeParse(json);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  - ${i.path.join('.') || '(gốc)'}: ${i.message}`);
    throw new Error(`Hồ sơ chính sách ${source} không hợp lệ:\n${lines.join('\n')}`);
  }
  return result.data;
}

const cache = new Map<PolicyId, Policy>();

/** Loads a shipped profile from data/policies/<id>.json (Node only). */
export function loadPolicy(id: PolicyId): Policy {
  const hit = cache.get(id);
  if (hit) return hit;
  const file = `${POLICY_DIR}${id}.json`;
  const policy = parsePolicy(JSON.parse(readFileSync(file, 'utf8')), file);
  if (policy.id !== id) throw new Error(`Hồ sơ ${file} khai báo id "${policy.id}", khác tên tệp.`);
  cache.set(id, policy);
  return policy;
}

