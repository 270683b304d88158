// Fixed ids and API keys of the seed account (see seed.ts for the orders).
import type { SandboxKeyName } from './state';

/** API keys (X-DC-DEVKEY). Not secrets: they only open this sandbox. */
export const SANDBOX_KEYS = {
  admin: 'sandbox-admin-key',
  orders: 'sandbox-orders-key',
  viewOnly: 'sandbox-viewonly-key',
} as const satisfies Record<SandboxKeyName, string>;

export const SEED_IDS = {
  accountId: 5550001,
  containers: { parent: 50001, child: 50002 },
  users: { admin: 100001, evApprover: 100002, tech: 100003, orders: 100004, viewer: 100005 },
  organizations: { ev: 60001, ov: 60002, inactive: 60003 },
  metadata: { requiredText: 70001, optionalInt: 70002, inactive: 70003 },
  /** Issued, not renewed, certificate valid_till within 30 days of now(). */
  expiringWithin30: [10000001, 10000002, 10000003, 10000004],
  /** Issued and renewed already (is_renewed: true, renewed by 10000010), expires in 10 days. */
  renewed: 10000009,
  pending: 10000008,
  multiYear: 10000004,
} as const;
