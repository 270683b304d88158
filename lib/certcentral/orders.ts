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
import type { Query, Transport } from './transport';
import { segment } from './transport-util';

export { type CertificateFormat, downloadCertificate } from './certificates';
export { cancelOrder, placeOrder } from './order-actions';
export * from './order-schemas';
export { getExpiringOrdersReport } from './reports';

/** `filters[...]` of `GET /order/certificate` (md "list orders"); other DigiCert filters pass through. */
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

export function listOrders(t: Transport, options: ListOrdersOptions = {}): Promise<OrderList> {
  const query: Record<string, string | number | undefined> = {};
  for (const [name, value] of Object.entries(options.filters ?? {})) query[`filters[${name}]`] = value;
  query.sort = options.sort;
  query.offset = options.offset;
  query.limit = options.limit;
  return t.get('/order/certificate', OrderListSchema, query satisfies Query);
}

export interface ListAllOrdersOptions extends Omit<ListOrdersOptions, 'offset' | 'limit'> {
  /** Rows per request; 1000 is the largest page seen (recorded orders.json). */
  pageSize?: number;
  /** Stop after this many pages even if `page.total` says there is more (a guard, not a limit). */
  maxPages?: number;
}

/**
 * Every order matching the filters, page by page. Stops on an empty page or once `offset` reaches
 * `page.total`; the offset advances by the rows actually received, so a server that caps the page
 * size below `pageSize` is still walked completely.
 */
export async function listAllOrders(
  t: Transport,
  options: ListAllOrdersOptions = {},
): Promise<OrderSummary[]> {
  const { pageSize = 1000, maxPages = 100, ...rest } = options;
  const all: OrderSummary[] = [];
  let offset = 0;
  for (let n = 0; n < maxPages; n++) {
    const { orders, page } = await listOrders(t, { ...rest, offset, limit: pageSize });
    all.push(...orders);
    offset += orders.length;
    if (orders.length === 0 || offset >= page.total) break;
  }
  return all;
}

/**
 * Orders placed with this `alternative_order_id` (md "Duplicate orders"). A 404 `not_found...`
 * is taken to mean "no such order" and gives an empty list; `not_found|route` (the endpoint
 * itself is missing, dev.digicert.com/errors) is still thrown, since treating it as "none" could
 * lead a caller to order twice.
 */
export async function findOrdersByAlternativeId(
  t: Transport,
  alternativeOrderId: string,
): Promise<AlternateOrderList> {
  try {
    return await t.get(`/order/alternate/${segment(alternativeOrderId)}`, AlternateOrderListSchema);
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
