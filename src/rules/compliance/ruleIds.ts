/**
 * The compliance rules' ids, in the order pages list them; their titles, severities and parameters are in rules.ts.
 * No imports, so the policy schema can validate the rule ids a profile's duties name.
 */
export const RULE_IDS = [
  'password-default',
  'password-stale',
  'inactive-revoke',
  'inactive-lock',
  'locked-revoke',
  'forward-external',
  'quota-over',
  'quota-near',
  'quota-below-regulation',
  'agency-mailbox-missing',
  'agency-mailbox-unread',
  'address-format',
  'org-address-format',
  'request-late',
  'incident-late',
  'text-not-unicode',
] as const;
export type RuleId = (typeof RULE_IDS)[number];
