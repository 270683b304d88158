// docs/certcentral-api.md "expiring soon": `GET /report/order/expiring` → counts of orders per days-to-expiry bucket.
import { type ExpiringOrdersBucket, ExpiringOrdersSchema } from './order-schemas';
import type { Transport } from './transport';

export async function getExpiringOrdersReport(t: Transport): Promise<ExpiringOrdersBucket[]> {
  return (await t.get('/report/order/expiring', ExpiringOrdersSchema)).expiring_orders.items;
}
