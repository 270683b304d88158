// CertCentral-like console pages for the content script (docs/certcentral-api.md "console pages": the
// orders list at /secure/orders/ with an "Order #" column linking to /secure/orders/<id>). Plain,
// deterministic HTML; every value goes through esc(); nothing is loaded from anywhere else.
import { esc, html, type Reply } from './http-util';
import { findProduct } from './products';
import { CONTAINERS, ORGANIZATIONS } from './seed';
import type { SandboxState, StoredOrder } from './state';

const STYLE = `body{font:14px system-ui,sans-serif;margin:0;color:#222}header{background:#0174c3;color:#fff;padding:10px 16px}
main{padding:16px}table{border-collapse:collapse}th,td{border-bottom:1px solid #ddd;padding:4px 8px;text-align:left}
dt{font-weight:600;margin-top:6px}`;

function page(title: string, main: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${esc(title)} | CertCentral Sandbox</title><style>${STYLE}</style></head>
<body><header>DigiCert CertCentral <small>(local sandbox)</small></header>
<main>${main}</main></body></html>`;
}

interface Row {
  id: number;
  cn: string;
  product: string;
  status: string;
  expires: string;
}

function rowOf(o: StoredOrder): Row {
  const product = findProduct(o.product_name_id)?.name ?? o.product_name_id;
  return { id: o.id, cn: o.common_name, product, status: o.status, expires: o.cert_valid_till ?? '' };
}

/** `?rows=N` renders N synthetic rows (ids from 90000001) for the content-script benchmark. */
function syntheticRows(n: number): Row[] {
  return Array.from({ length: n }, (_, i) => ({
    id: 90000001 + i,
    cn: `host-${i + 1}.example.com`,
    product: 'Secure Site Pro SSL',
    status: 'issued',
    expires: `2027-${String((i % 12) + 1).padStart(2, '0')}-15`,
  }));
}

export function ordersListPage(state: SandboxState, query: URLSearchParams): Reply {
  const n = query.get('rows');
  const rows =
    n !== null && /^\d+$/.test(n) ? syntheticRows(Math.min(Number(n), 20_000)) : state.orders.map(rowOf);
  const body = rows
    .map(
      (r) =>
        `<tr><td><a href="/secure/orders/${r.id}">${r.id}</a></td><td>${esc(r.cn)}</td><td>${esc(r.product)}</td>` +
        `<td>${esc(r.status)}</td><td>${esc(r.expires)}</td></tr>`,
    )
    .join('\n');
  return html(
    200,
    page(
      'Orders',
      `<h1>Orders</h1>
<table class="orders"><thead><tr><th>Order #</th><th>Common name</th><th>Product</th><th>Status</th><th>Expires</th></tr></thead>
<tbody>
${body}
</tbody></table>`,
    ),
  );
}

export function orderDetailsPage(state: SandboxState, id: string): Reply {
  const order = /^\d+$/.test(id) ? state.orders.find((o) => o.id === Number(id)) : undefined;
  if (!order) {
    return html(
      404,
      page('Order not found', `<h1>Order not found</h1><p>No order #${esc(id)} in this account.</p>`),
    );
  }
  const facts: [string, unknown][] = [
    ['Status', order.status],
    ['Common name', order.common_name],
    ['Other names', order.dns_names.join(', ')],
    ['Product', findProduct(order.product_name_id)?.name ?? order.product_name_id],
    ['Organization', ORGANIZATIONS.find((o) => o.id === order.organization_id)?.name ?? ''],
    ['Division', CONTAINERS.find((c) => c.id === order.container_id)?.name ?? ''],
    ['Certificate valid from', order.cert_valid_from ?? ''],
    ['Certificate valid till', order.cert_valid_till ?? ''],
    ['Order valid till', order.order_valid_till],
    ['Signature hash', order.signature_hash],
    ['Renewed', order.is_renewed ? `yes, by order #${order.renewed_order_id}` : 'no'],
    ['Alternative order ID', order.alternative_order_id ?? ''],
    ['Comments', order.comments ?? ''],
  ];
  const dl = facts.map(([k, v]) => `<dt>${esc(k)}</dt><dd>${esc(v)}</dd>`).join('\n');
  return html(
    200,
    page(
      `Order #${order.id}`,
      `<p><a href="/secure/orders/">Orders</a></p><h1>Order #${order.id}</h1>\n<dl>\n${dl}\n</dl>`,
    ),
  );
}

export function homePage(): Reply {
  return html(
    200,
    page(
      'Home',
      '<h1>CertCentral sandbox</h1><p><a href="/secure/orders/">Orders</a> · <a href="/__sandbox/">Sandbox control</a></p>',
    ),
  );
}
