// GET /order/certificate (list) and GET /report/order/expiring (docs/certcentral-api.md).
// Filters: filters[status] (comma list), filters[product_name_id], filters[user_id] (who placed the
// order), filters[valid_till], filters[date_created] (compared by day) and, as a sandbox convenience,
// filters[days_remaining]; the last three take `<X`, `<=X`, `>X`, `>=X`, `A...B` or `X`.
// Rows carry no `user`: DigiCert's documented list row has none (docs/certcentral-api.md "Who placed
// an order"); who placed an order is in its details (views.ts orderDetails).
// sort: a field name, `-` prefix for descending; offset/limit with limit at most 1000.
import type { ApiContext } from './api';
import { apiError, json, listReply, type Reply } from './http-util';
import { daysUntil, type StoredOrder } from './state';
import { orderRow } from './views';

type Cmp = (v: string | number) => boolean;

function rangeMatcher(spec: string, parse: (s: string) => string | number | undefined): Cmp | undefined {
  const range = /^(.+)\.\.\.(.+)$/.exec(spec);
  if (range) {
    const lo = parse(range[1] ?? '');
    const hi = parse(range[2] ?? '');
    return lo === undefined || hi === undefined ? undefined : (v) => v >= lo && v <= hi;
  }
  const m = /^(<=|>=|<|>)?(.+)$/.exec(spec);
  const x = parse(m?.[2] ?? '');
  if (x === undefined) return undefined;
  switch (m?.[1]) {
    case '<':
      return (v) => v < x;
    case '<=':
      return (v) => v <= x;
    case '>':
      return (v) => v > x;
    case '>=':
      return (v) => v >= x;
    default:
      return (v) => v === x;
  }
}

const parseDay = (s: string) => (/^\d{4}-\d{2}-\d{2}$/.test(s) ? s : undefined);
const parseNum = (s: string) => (/^-?\d+$/.test(s) ? Number(s) : undefined);

const SORT_FIELDS: Record<string, (o: StoredOrder) => string | number> = {
  id: (o) => o.id,
  date_created: (o) => o.date_created,
  valid_till: (o) => o.cert_valid_till ?? '9999-12-31',
  common_name: (o) => o.common_name,
  status: (o) => o.status,
  product_name_id: (o) => o.product_name_id,
};

export function listOrders(ctx: ApiContext): Reply {
  const q = ctx.query;
  let orders = [...ctx.state.orders];
  const status = q.get('filters[status]');
  if (status) orders = orders.filter((o) => status.split(',').includes(o.status));
  const product = q.get('filters[product_name_id]');
  if (product) orders = orders.filter((o) => product.split(',').includes(o.product_name_id));
  const user = q.get('filters[user_id]');
  if (user) orders = orders.filter((o) => user.split(',').includes(String(o.user_id)));
  for (const [param, parse, value] of [
    ['valid_till', parseDay, (o: StoredOrder) => o.cert_valid_till],
    ['date_created', parseDay, (o: StoredOrder) => o.date_created.slice(0, 10)],
    [
      'days_remaining',
      parseNum,
      (o: StoredOrder) => (o.cert_valid_till ? daysUntil(ctx.now, o.cert_valid_till) : undefined),
    ],
  ] as const) {
    const spec = q.get(`filters[${param}]`);
    if (spec === null) continue;
    const match = rangeMatcher(spec, parse);
    if (!match)
      return apiError(400, `invalid_value:filters[${param}]`, `Cannot read filters[${param}]=${spec}.`);
    orders = orders.filter((o) => {
      const v = value(o);
      return v !== undefined && match(v);
    });
  }
  const sort = q.get('sort') ?? 'id';
  const key = SORT_FIELDS[sort.replace(/^-/, '')];
  if (!key) return apiError(400, 'invalid_value:sort', `Cannot sort by ${sort}.`);
  const dir = sort.startsWith('-') ? -1 : 1;
  orders.sort((a, b) => (key(a) < key(b) ? -dir : key(a) > key(b) ? dir : a.id - b.id));
  const offset = Number(q.get('offset') ?? 0);
  const limit = Number(q.get('limit') ?? 1000);
  if (!Number.isInteger(offset) || offset < 0)
    return apiError(400, 'invalid_value:offset', 'offset must be 0 or more.');
  if (!Number.isInteger(limit) || limit < 1 || limit > 1000) {
    return apiError(400, 'invalid_value:limit', 'limit must be from 1 to 1000.');
  }
  // Nothing on this page (no match, or offset past the end): `{"page":{...}}` without `orders`, as a
  // real answer with no matching orders was recorded.
  const rows = orders.slice(offset, offset + limit).map((o) => orderRow(o, ctx.now));
  return listReply('orders', rows, { total: orders.length, limit, offset });
}

/**
 * The recorded expiring-orders answer (docs/certcentral-api.md): counts for 0-30, 31-60, 61-90 days
 * and the last 7 days expired.
 * Assumption: issued orders only, and orders already renewed are not counted.
 */
export function expiringReport(ctx: ApiContext): Reply {
  const days = ctx.state.orders
    .filter((o) => o.status === 'issued' && !o.is_renewed && o.cert_valid_till)
    .map((o) => daysUntil(ctx.now, o.cert_valid_till ?? ''));
  const count = (lo: number, hi: number) => days.filter((d) => d >= lo && d <= hi).length;
  return json(200, {
    expiring_orders: [
      { days_expiring: 90, order_count: count(61, 90) },
      { days_expiring: 60, order_count: count(31, 60) },
      { days_expiring: 30, order_count: count(0, 30) },
      { days_expiring: -7, order_count: count(-7, -1) },
    ],
  });
}
