// Deterministic seed account. Every id is fixed; dates are relative to the sandbox's now() so that
// "expires within 30 days" stays true whatever day the tests run.

import { startDcv } from '../dcv';
import {
  addDays,
  addYears,
  DEFAULT_SETTINGS,
  fakeHex,
  isoDate,
  type OrderStatus,
  type SandboxState,
  type StoredOrder,
} from '../state';
import { SEED_CSRS } from './csrs';
import { SEED_IDS } from './ids';

export { CONTAINERS, KEY_PROFILES, METADATA, USERS } from './account';
export { SANDBOX_KEYS, SEED_IDS } from './ids';
export { ORGANIZATIONS } from './orgs';

const U = SEED_IDS.users;
const C = SEED_IDS.containers;
const O = SEED_IDS.organizations;

type SeedRow = [
  id: number,
  product: string,
  cn: string,
  status: OrderStatus,
  days: number,
  org: number,
  extra?: Partial<StoredOrder>,
];
const ROWS: SeedRow[] = [
  [10000001, 'ssl_ev_securesite_pro', 'shop.example.com', 'issued', 5, O.ev],
  // Not renewed, sent as renewed_order_id 0 (the other unrenewed orders send null: both were recorded).
  [10000002, 'ssl_securesite_pro', 'api.example.com', 'issued', 12, O.ov, { renewed_order_id: 0 }],
  [10000003, 'ssl_basic', '*.static.example.net', 'issued', 21, O.ov, { container_id: C.child }],
  [10000004, 'ssl_ev_basic', 'www.example.org', 'issued', 29, O.ev, { validity_years: 3 }],
  [10000005, 'ssl_securesite_flex', 'mail.example.com', 'issued', 45, O.ov, { container_id: C.child }],
  [10000006, 'ssl_ev_securesite_flex', 'portal.example.com', 'issued', 75, O.ev],
  // A single-year order whose order_valid_till DigiCert sends as null.
  [10000007, 'ssl_securesite_pro', 'vpn.example.com', 'issued', 160, O.ov, { order_valid_till: null }],
  [10000008, 'ssl_ev_securesite_pro', 'login.example.com', 'pending', 0, O.ev],
  [
    10000009,
    'ssl_ev_securesite_pro',
    'old.example.com',
    'issued',
    10,
    O.ev,
    { is_renewed: true, renewed_order_id: 10000010 },
  ],
  [
    10000010,
    'ssl_ev_securesite_pro',
    'old.example.com',
    'issued',
    190,
    O.ev,
    { is_renewal: true, renewal_of_order_id: 10000009 },
  ],
  [10000011, 'ssl_basic', 'legacy.example.com', 'issued', -3, O.ov],
];

export function seedOrders(now: Date): StoredOrder[] {
  return ROWS.map(([id, product, cn, status, days, org, extra], i) => {
    const years = extra?.validity_years ?? 1;
    const created = addDays(now, status === 'issued' ? days - 199 : -1);
    const order: StoredOrder = {
      id,
      status,
      product_name_id: product,
      common_name: cn,
      dns_names: cn.startsWith('*.') ? [cn, cn.slice(2)] : [cn],
      signature_hash: 'sha256',
      server_platform_id: 45,
      organization_id: org,
      container_id: C.parent,
      user_id: U.admin,
      request_id: 20000001 + i,
      certificate_id: 30000001 + i,
      date_created: created.toISOString().replace('.000Z', '+00:00'),
      validity_years: years,
      order_valid_till: isoDate(addYears(created, years)),
      cert_days: 199,
      is_renewal: false,
      is_renewed: false,
      renewed_order_id: null,
      payment_method: 'balance',
      status_notes: [],
      ...extra,
    };
    if (status === 'issued') {
      order.cert_valid_from = isoDate(created);
      order.cert_valid_till = isoDate(addDays(now, days));
      // A one-year plan's last certificate ends with the plan; 10000004's three-year plan outlasts its
      // certificate by years, so the "reissue instead" guard has something to find.
      if (years === 1 && extra?.order_valid_till !== null) order.order_valid_till = order.cert_valid_till;
      // DigiCert gives back the order's CSR (docs/certcentral-api.md "one order": certificate.csr), so
      // a renewal may reuse it.
      order.csr = SEED_CSRS[cn];
      order.thumbprint = fakeHex(order.certificate_id, 40);
      order.serial_number = fakeHex(order.certificate_id * 7, 32);
    }
    return order;
  });
}

export function seedState(now: Date): SandboxState {
  const state: SandboxState = {
    orders: seedOrders(now),
    settings: { ...DEFAULT_SETTINGS },
    nextOrderId: 10001001,
    nextRequestId: 20001001,
    nextCertificateId: 30001001,
    nextDomainId: 40001001,
    nextTokenSeed: 1,
  };
  // The pending seed order waits on DNS TXT validation of its domain and on its EV approver.
  for (const order of state.orders) {
    if (order.status === 'pending') order.dcv = startDcv(state, order, { dcv_method: 'dns-txt-token' }, now);
  }
  return state;
}
