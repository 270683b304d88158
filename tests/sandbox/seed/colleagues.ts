// Recent orders placed by colleagues (other users of the seed account), for the history's "Team's
// recent orders": appended to a running sandbox's state by the tests that need them, like bulk.ts.
// Each order's `user_id` is who placed it; `GET /order/certificate/{id}` answers it as `user`
// (views.ts orderDetails) and the list rows carry no user (docs/certcentral-api.md "Who placed an
// order"). One order was placed by a user since removed from the account: its details carry no
// `user` at all, the harsher reading of what the docs leave open.

import { addDays, fakeHex, isoDate, type SandboxState, type StoredOrder } from '../state';
import { SEED_IDS } from './ids';

/** A user id that is no longer in the account (not in USERS): orders keep it, the answer names nobody. */
export const REMOVED_USER_ID = 100099;

export const COLLEAGUE_ORDERS = {
  /** Pending, placed 2 days ago by Tess Tech. */
  byTess: { id: 10000101, commonName: 'docs.example.com', userId: SEED_IDS.users.tech },
  /** Issued, placed 6 days ago by Olivia Orders. */
  byOlivia: { id: 10000102, commonName: 'status.example.com', userId: SEED_IDS.users.orders },
  /** Pending, placed 10 days ago by a user since removed. */
  byRemovedUser: { id: 10000103, commonName: 'intranet.example.com', userId: REMOVED_USER_ID },
  /** Issued, placed 45 days ago by Evan Approver: older than a month. */
  older: { id: 10000104, commonName: 'archive.example.com', userId: SEED_IDS.users.evApprover },
} as const;

const PLACED_DAYS_AGO: Record<keyof typeof COLLEAGUE_ORDERS, number> = {
  byTess: 2,
  byOlivia: 6,
  byRemovedUser: 10,
  older: 45,
};
const ISSUED = new Set<keyof typeof COLLEAGUE_ORDERS>(['byOlivia', 'older']);

export function addColleagueOrders(state: SandboxState, now: Date): StoredOrder[] {
  const added = (Object.keys(COLLEAGUE_ORDERS) as (keyof typeof COLLEAGUE_ORDERS)[]).map((key, i) => {
    const { id, commonName, userId } = COLLEAGUE_ORDERS[key];
    const created = addDays(now, -PLACED_DAYS_AGO[key]);
    const issued = ISSUED.has(key);
    const till = isoDate(addDays(created, 199));
    const order: StoredOrder = {
      id,
      status: issued ? 'issued' : 'pending',
      product_name_id: 'ssl_securesite_pro',
      common_name: commonName,
      dns_names: [commonName],
      signature_hash: 'sha256',
      server_platform_id: 45,
      organization_id: SEED_IDS.organizations.ov,
      container_id: SEED_IDS.containers.parent,
      user_id: userId,
      request_id: 22000000 + i,
      certificate_id: 32000000 + i,
      date_created: created.toISOString().replace(/\.\d{3}Z$/, '+00:00'),
      validity_years: 1,
      order_valid_till: till,
      cert_days: 199,
      is_renewal: false,
      is_renewed: false,
      renewed_order_id: null,
      payment_method: 'balance',
      status_notes: [],
      ...(issued
        ? {
            cert_valid_from: isoDate(created),
            cert_valid_till: till,
            thumbprint: fakeHex(32000000 + i, 40),
            serial_number: fakeHex((32000000 + i) * 7, 32),
          }
        : {}),
    };
    return order;
  });
  state.orders.push(...added);
  return added;
}
