// More issued orders for bulk tests (a 200-order renewal run): the shape of the seed's one-year
// orders, each with its own CSR-bearing certificate, appended to a running sandbox's state.

import { addDays, fakeHex, isoDate, type SandboxState, type StoredOrder } from '../state';
import { SEED_CSRS } from './csrs';
import { SEED_IDS } from './ids';

export interface ExtraOrders {
  count: number;
  firstId: number;
  daysLeft: number;
  organizationId?: number;
  product?: string;
}

export function addIssuedOrders(state: SandboxState, now: Date, extra: ExtraOrders): StoredOrder[] {
  const csr = SEED_CSRS['api.example.com'];
  const added = Array.from({ length: extra.count }, (_, i): StoredOrder => {
    const id = extra.firstId + i;
    const created = addDays(now, extra.daysLeft - 199);
    const till = isoDate(addDays(now, extra.daysLeft));
    const cn = `bulk${i + 1}.example.com`;
    return {
      id,
      status: 'issued',
      product_name_id: extra.product ?? 'ssl_securesite_pro',
      common_name: cn,
      dns_names: [cn],
      signature_hash: 'sha256',
      server_platform_id: 45,
      organization_id: extra.organizationId ?? SEED_IDS.organizations.ov,
      container_id: SEED_IDS.containers.parent,
      user_id: SEED_IDS.users.admin,
      request_id: 21000000 + i,
      certificate_id: 31000000 + i,
      date_created: created.toISOString().replace('.000Z', '+00:00'),
      validity_years: 1,
      order_valid_till: till,
      cert_days: 199,
      cert_valid_from: isoDate(created),
      cert_valid_till: till,
      thumbprint: fakeHex(31000000 + i, 40),
      serial_number: fakeHex((31000000 + i) * 7, 32),
      is_renewal: false,
      is_renewed: false,
      renewed_order_id: null,
      payment_method: 'balance',
      status_notes: [],
      ...(csr ? { csr } : {}),
    };
  });
  state.orders.push(...added);
  return added;
}
