// Order routes of the emulated API (docs/certcentral-api.md "POST /order/certificate", "Duplicate
// orders", "Other endpoints").

import {
  changeMethod,
  checkDcv,
  domainRoutes,
  prevalidated,
  randomValue,
  resendApproval,
  resendEmails,
  startDcv,
  validationStatus,
} from '../dcv';
import { fakeCertificatePem, fakeChain } from '../fake-pem';
import { apiError, apiErrorObject, apiErrors, isRecord, json, listReply, type Reply } from '../http-util';
import { expiringReport, listOrders } from '../order-list';
import { findProduct } from '../products';
import { KEY_PROFILES, ORGANIZATIONS, SEED_IDS } from '../seed';
import { findOrder, issue, type StoredOrder } from '../state';
import { validateOrder } from '../validate/order';
import { orderDetails } from '../views';
import type { ApiContext } from './index';
import { reissueOrder } from './reissue';

const notFound = () => apiError(404, 'not_found|order', 'Order not found.');

/**
 * Errors answered in the older object form `{"errors":{"code","message"}}` (see apiErrorObject): an
 * unknown product in the POST path, and an organization.id that is no organization of the account,
 * answered alone as soon as it is seen (the older answers carry one error, not every problem found).
 * The code and status of the latter are the list form's; only the form differs.
 */
function objectFormError(productId: string, body: unknown): Reply | undefined {
  if (!findProduct(productId))
    return apiErrorObject(404, 'not_found|product', `Unknown product ${productId}.`);
  const org = isRecord(body) && isRecord(body.organization) ? body.organization.id : undefined;
  if (typeof org === 'number' && Number.isInteger(org) && !ORGANIZATIONS.some((o) => o.id === org)) {
    return apiErrorObject(
      400,
      'invalid_value:organization.id',
      `organization.id ${org} is not an organization of this account.`,
    );
  }
  return undefined;
}

function placeOrder(ctx: ApiContext, productId: string): Reply {
  const body = ctx.body.kind === 'json' ? ctx.body.value : undefined;
  const early = objectFormError(productId, body);
  if (early) return early;
  const result = validateOrder(body, productId, ctx.state, ctx.now);
  const errors = result.ok ? [] : result.errors;
  const alt = isRecord(body) ? body.alternative_order_id : undefined;
  // DigiCert's order page, alternative_order_id: with "Require unique alternative order IDs" enabled,
  // a value already assigned to an order is refused. The code is an assumption (the page names none).
  if (ctx.state.settings.requireUniqueAlternativeOrderId && typeof alt === 'string') {
    if (ctx.state.orders.some((o) => o.alternative_order_id === alt)) {
      errors.push({
        code: 'duplicate_alternative_order_id',
        message: `The alternative order ID "${alt}" is already assigned to an order in this account.`,
      });
    }
  }
  if (!result.ok || errors.length > 0) return apiErrors(400, errors);
  const f = result.facts;
  const state = ctx.state;
  const skipApproval = isRecord(body) && body.skip_approval === true;
  const order: StoredOrder = {
    id: state.nextOrderId++,
    // Assumption: an administrator's request needs no approval; an Orders-role user's does, unless
    // skip_approval is set.
    status: ctx.key === 'orders' && !skipApproval ? 'needs_approval' : 'pending',
    product_name_id: productId,
    common_name: f.commonName,
    dns_names: f.dnsNames.length > 0 ? f.dnsNames : [f.commonName],
    signature_hash: f.signatureHash,
    server_platform_id: f.serverPlatformId,
    organization_id: f.organizationId,
    container_id: f.containerId ?? SEED_IDS.containers.parent,
    user_id: KEY_PROFILES[ctx.key].userId,
    request_id: state.nextRequestId++,
    certificate_id: state.nextCertificateId++,
    date_created: ctx.now.toISOString().replace(/\.\d{3}Z$/, '+00:00'),
    validity_years: f.orderYears,
    order_valid_till: f.orderValidTill,
    cert_days: f.certDays,
    is_renewal: f.renewalOfOrderId !== undefined,
    is_renewed: false,
    renewed_order_id: null,
    ...(f.renewalOfOrderId !== undefined ? { renewal_of_order_id: f.renewalOfOrderId } : {}),
    ...(f.alternativeOrderId !== undefined ? { alternative_order_id: f.alternativeOrderId } : {}),
    csr: f.csr,
    ...(f.comments !== undefined ? { comments: f.comments } : {}),
    payment_method: f.paymentMethod,
    placed_with: ctx.key,
    body,
    status_notes: [],
  };
  order.dcv = startDcv(state, order, body, ctx.now);
  state.orders.push(order);
  if (state.settings.immediateIssuance) {
    prevalidated(order.dcv, ctx.now);
    issue(order, ctx.now);
    return json(201, {
      id: order.id,
      requests: [{ id: order.request_id, status: 'approved' }],
      certificate_id: order.certificate_id,
      certificate_chain: fakeChain(order),
    });
  }
  return json(201, { id: order.id, requests: [{ id: order.request_id, status: 'pending' }] });
}

/** PUT /order/certificate/{id}/status with `{"status":"canceled","note"}` → 204; pending orders only. */
function cancelOrder(ctx: ApiContext, order: StoredOrder | undefined): Reply {
  if (!order) return notFound();
  const body = ctx.body.kind === 'json' ? ctx.body.value : undefined;
  if (!isRecord(body)) return apiError(400, 'bad_request_format', 'The body must be a JSON object.');
  const errors = [];
  if (body.status !== 'canceled')
    errors.push({ code: 'invalid_value:status', message: 'status must be "canceled".' });
  if (typeof body.note !== 'string' || body.note.trim() === '') {
    errors.push({ code: 'missing_param:note', message: 'note is required.' });
  }
  if (errors.length > 0) return apiErrors(400, errors);
  if (order.status !== 'pending' && order.status !== 'needs_approval') {
    // Assumption: the code; the rule (only pending orders can be canceled) is docs/certcentral-api.md's.
    return apiError(
      400,
      'order_cannot_be_canceled',
      `Order ${order.id} is ${order.status} and cannot be canceled.`,
    );
  }
  order.status = 'canceled';
  order.status_notes.push({ status: 'canceled', note: String(body.note), at: ctx.now.toISOString() });
  return json(204, null);
}

const FORMATS = ['pem_all', 'pem_noroot', 'pem', 'p7b'];

function download(ctx: ApiContext, certificateId: number, format: string): Reply {
  const order = ctx.state.orders.find((o) => o.certificate_id === certificateId && o.cert_valid_till);
  if (!order) return apiError(404, 'not_found|certificate', 'Certificate not found.');
  if (!FORMATS.includes(format))
    return apiError(400, 'invalid_value:format', `Unsupported format ${format}.`);
  return {
    status: 200,
    headers: { 'content-type': 'application/x-pem-file' },
    body: fakeCertificatePem(order, format),
  };
}

/**
 * `is_renewed` / `renewed_order_id` of a renewed order. DigiCert's "Order info" page lists both fields
 * but not when they change; the harsher reading is kept: only once a renewal is issued (a pending
 * renewal is not visible here, so a client must find it another way). Never unset: a renewal issued
 * and later revoked still renewed the order. Run before every order route, so the answer and the
 * list agree whatever issued the renewal (check-dcv, the control API, immediate issuance).
 */
export function markRenewedOrders(state: ApiContext['state']): void {
  for (const order of state.orders) {
    if (order.renewal_of_order_id === undefined || order.status !== 'issued') continue;
    const previous = findOrder(state, order.renewal_of_order_id);
    if (previous && !previous.is_renewed) {
      previous.is_renewed = true;
      previous.renewed_order_id = order.id;
    }
  }
}

export function handleOrders(ctx: ApiContext): Reply | undefined {
  markRenewedOrders(ctx.state);
  const { method, path } = ctx;
  if (method === 'GET' && path === '/order/certificate') return listOrders(ctx);
  if (method === 'GET' && path === '/report/order/expiring') return expiringReport(ctx);
  let m = /^\/order\/certificate\/([^/]+)$/.exec(path);
  if (m && method === 'GET') {
    const order = /^\d+$/.test(m[1] ?? '') ? findOrder(ctx.state, Number(m[1])) : undefined;
    // Unknown order: the recorded older form, `{"errors":{"code":"not_found|order",...}}` (an object).
    return order
      ? json(200, orderDetails(order, ctx.now))
      : apiErrorObject(404, 'not_found|order', 'Order not found.');
  }
  if (m && method === 'POST') return placeOrder(ctx, m[1] ?? '');
  m = /^\/order\/certificate\/(\d+)\/reissue$/.exec(path);
  if (m && method === 'POST') return reissueOrder(ctx, findOrder(ctx.state, Number(m[1])));
  m = /^\/order\/certificate\/(\d+)\/status$/.exec(path);
  if (m && method === 'PUT') return cancelOrder(ctx, findOrder(ctx.state, Number(m[1])));
  const dcv = dcvRoutes(ctx);
  if (dcv) return dcv;
  m = /^\/order\/alternate\/([^/]+)$/.exec(path);
  if (m && method === 'GET') {
    const alt = decodeURIComponent(m[1] ?? '');
    // DigiCert documents only the 200 answer `{orders, page}` here; nothing documents a 404. So no match
    // is 200 with `{"page":{"total":0,...}}` and no `orders` key, as the order list answers when empty.
    const orders = ctx.state.orders
      .filter((o) => o.alternative_order_id === alt)
      .map((o) => ({ order_id: o.id, certificate_id: o.certificate_id, status: o.status }));
    return listReply('orders', orders, { total: orders.length, limit: 1000, offset: 0 });
  }
  m = /^\/certificate\/(\d+)\/download\/format\/([a-z0-9_]+)$/.exec(path);
  if (m && method === 'GET') return download(ctx, Number(m[1]), m[2] ?? '');
  return undefined;
}

/** Validation follow-through routes (dcv.ts; docs/certcentral-api.md "Validation follow-through"). */
function dcvRoutes(ctx: ApiContext): Reply | undefined {
  const { method, path } = ctx;
  const body = ctx.body.kind === 'json' ? ctx.body.value : undefined;
  const domain = domainRoutes(method, path, body, ctx.state, ctx.now);
  if (domain) return domain;
  const m =
    /^\/order\/certificate\/(\d+)\/(validation|check-dcv|dcv-random-value|dcv-method|resend-emails|order-approval\/resend-emails)$/.exec(
      path,
    );
  if (!m) return undefined;
  const action = m[2];
  if ((action === 'validation') !== (method === 'GET') || (method !== 'GET' && method !== 'PUT'))
    return undefined;
  const order = findOrder(ctx.state, Number(m[1]));
  if (!order) return notFound();
  switch (action) {
    case 'validation':
      return validationStatus(order, ctx.now);
    case 'check-dcv':
      return checkDcv(order, body, ctx.now);
    case 'dcv-random-value':
      return randomValue(order, ctx.state, ctx.now);
    case 'dcv-method':
      return changeMethod(order, body, ctx.state, ctx.now);
    case 'resend-emails':
      return resendEmails(order, body, ctx.now);
    default:
      return resendApproval(order, body, ctx.now);
  }
}
