// Orders: read, list, look up by alternative_order_id. Placing and cancelling live in
// order-actions.ts (re-exported below), so everything order-related can be imported from here.
import { CertCentralError } from './errors';
import {
  type AlternateOrderList,
  AlternateOrderListSchema,
  type OrderDetails,
  OrderDetailsSchema,
  type OrderList,
  OrderListSchema,
  type OrderSummary,
} from './order-schemas';
import type { ReadList } from './schemas';
import type { Query, Transport } from './transport';
import { segment } from './transport-util';

export { type CertificateFormat, downloadCertificate } from './certificates';
export { cancelOrder, placeOrder } from './order-actions';
export * from './order-schemas';
export { getExpiringOrdersReport } from './reports';

/** `filters[...]` of `GET /order/certificate` (docs/certcentral-api.md "list orders"); other DigiCert filters pass through. */
export interface ListOrdersFilters {
  status?: string;
  valid_till?: string;
  product_name_id?: string;
  [filter: string]: string | number | undefined;
}

export interface ListOrdersOptions {
  filters?: ListOrdersFilters;
  sort?: string;
  offset?: number;
  limit?: number;
}

export function getOrder(t: Transport, id: number): Promise<OrderDetails> {
  return t.get(`/order/certificate/${segment(id)}`, OrderDetailsSchema);
}

export async function listOrders(t: Transport, options: ListOrdersOptions = {}): Promise<OrderList> {
  const query: Record<string, string | number | undefined> = {};
  for (const [name, value] of Object.entries(options.filters ?? {})) query[`filters[${name}]`] = value;
  query.sort = options.sort;
  query.offset = options.offset;
  query.limit = options.limit;
  const { orders, page } = await t.get('/order/certificate', OrderListSchema, query satisfies Query);
  return { orders: orders.items, unreadable: orders.unreadable, page };
}

export interface ListAllOrdersOptions extends Omit<ListOrdersOptions, 'offset' | 'limit'> {
  /** Rows per request; 1000 is the largest page seen (recorded orders.json). */
  pageSize?: number;
  /** Stop after this many pages even if `page.total` says there is more (a guard, not a limit). */
  maxPages?: number;
}

/**
 * Every order matching the filters, page by page. Stops on an empty page, once `offset` reaches
 * `page.total`, or (when the answer gives no total) after a short page. The offset advances by the
 * rows actually received, readable or not, so a server that caps the page size below `pageSize` is
 * still walked completely and an unreadable row is reported once, not skipped silently.
 */
export async function listAllOrders(
  t: Transport,
  options: ListAllOrdersOptions = {},
): Promise<ReadList<OrderSummary>> {
  const { pageSize = 1000, maxPages = 100, ...rest } = options;
  const all: ReadList<OrderSummary> = { items: [], unreadable: [] };
  let offset = 0;
  for (let n = 0; n < maxPages; n++) {
    const { orders, unreadable, page } = await listOrders(t, { ...rest, offset, limit: pageSize });
    all.items.push(...orders);
    all.unreadable.push(...unreadable.map((u) => ({ ...u, index: u.index + offset })));
    const received = orders.length + unreadable.length;
    offset += received;
    const total = page?.total;
    if (received === 0 || (total !== undefined ? offset >= total : received < pageSize)) break;
  }
  return all;
}

/**
 * Orders placed with this `alternative_order_id` (docs "Duplicate orders"). An answer without an
 * `orders` array (the way real list answers say "none") and a 404 `not_found...` both mean "no such
 * order"; `not_found|route` (the endpoint itself is missing, dev.digicert.com/errors) is still
 * thrown, since treating it as "none" could lead a caller to order twice. For the same reason an
 * order in the answer that cannot be read makes the whole answer unusable: it may be the order.
 */
export async function findOrdersByAlternativeId(
  t: Transport,
  alternativeOrderId: string,
): Promise<AlternateOrderList> {
  const path = `/order/alternate/${segment(alternativeOrderId)}`;
  try {
    const { orders } = await t.get(path, AlternateOrderListSchema);
    const first = orders.unreadable[0];
    if (first) {
      throw new CertCentralError({
        kind: 'invalid-response',
        status: 200,
        message: `GET ${path} answered in an unexpected shape: orders[${first.index}]: ${first.reason}`,
      });
    }
    return { orders: orders.items };
  } catch (err) {
    if (
      err instanceof CertCentralError &&
      err.status === 404 &&
      err.hasCode('not_found') &&
      !err.errors.some((e) => e.code === 'not_found|route')
    ) {
      return { orders: [] };
    }
    throw err;
  }
}
