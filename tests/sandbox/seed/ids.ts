// Fixed ids and API keys of the seed account (see seed.ts for the orders).
import type { SandboxKeyName } from '../state';

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
  /**
   * ev: OV and EV active, EV approver 100002. ov: OV only. inactive: deactivated. evExpired: OV active,
   * EV `expired` (validated_until 20 days before now()), still lists 100002 as EV approver. evPending:
   * OV active, EV `pending` (no dates), no EV approver yet.
   */
  organizations: { ev: 60001, ov: 60002, inactive: 60003, evExpired: 60004, evPending: 60005 },
  metadata: { requiredText: 70001, optionalInt: 70002, inactive: 70003 },
  /** Issued, not renewed, certificate valid_till within 30 days of now(). */
  expiringWithin30: [10000001, 10000002, 10000003, 10000004],
  /** Issued and renewed already (is_renewed: true, renewed by 10000010), expires in 10 days. */
  renewed: 10000009,
  pending: 10000008,
  multiYear: 10000004,
  /** Not renewed, sent as `renewed_order_id: 0`; every other unrenewed order sends null. */
  renewedOrderIdZero: 10000002,
  /** An issued single-year order whose `order_valid_till` is sent as null. */
  orderValidTillNull: 10000007,
} as const;
