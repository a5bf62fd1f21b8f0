// The shipped policy profiles' ids, apart from their zod schema (schema.ts) so that a command can name and check
// them without loading zod (the ingest starts reading the mail log before anything heavy is loaded).

export type PolicyId = 'soctrang-2024' | 'soctrang-2014' | 'sonla-2025';
export const POLICY_IDS: readonly PolicyId[] = ['soctrang-2024', 'soctrang-2014', 'sonla-2025'];
export const DEFAULT_POLICY: PolicyId = 'soctrang-2024';

/** True when `id` names one of the shipped profiles. */
export function isPolicyId(id: string): id is PolicyId {
  return (POLICY_IDS as readonly string[]).includes(id);
}
