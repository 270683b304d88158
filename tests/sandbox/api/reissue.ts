// POST /order/certificate/{order_id}/reissue: DigiCert documents it for Multi-year Plans (a reissue
// serves the order's remaining coverage at no cost). Body `{certificate: {common_name, dns_names, csr,
// signature_hash, server_platform}}` → 201 `{id, requests: [{id, status}]}`. Checked here on their own
// (nothing from lib/): a parseable CSR, valid host names, the product's hashes and platforms.
// Assumed codes (the docs here name none): `order_not_issued`, `reissue_pending`, `order_expired`.

import { hostnameProblem, isWildcard } from '../hostnames';
import { type ApiError, apiError, apiErrors, isRecord, json, type Reply } from '../http-util';
import { findProduct, isEvProduct, productPlatformIds } from '../products';
import { coverageEnd, daysUntil, type StoredOrder } from '../state';
import { csrProblem } from '../validate/order';
import type { ApiContext } from './index';

function certificateProblems(cert: Record<string, unknown>, order: StoredOrder): ApiError[] {
  const errors: ApiError[] = [];
  const invalid = (field: string, message: string) =>
    errors.push({ code: `invalid_value:${field}`, message });
  if (cert.common_name === undefined || cert.common_name === '')
    errors.push({ code: 'missing_param:certificate.common_name', message: 'common_name is required.' });
  else {
    const problem = hostnameProblem(cert.common_name);
    if (problem) invalid('certificate.common_name', `common_name ${problem}.`);
  }
  if (cert.dns_names !== undefined && !Array.isArray(cert.dns_names))
    invalid('certificate.dns_names', 'dns_names must be an array.');
  const sans = Array.isArray(cert.dns_names) ? (cert.dns_names as unknown[]) : [];
  for (const name of sans) {
    const problem = hostnameProblem(name);
    if (problem) invalid('certificate.dns_names', `dns_names entry "${String(name)}" ${problem}.`);
  }
  if (isEvProduct(order.product_name_id) && [cert.common_name, ...sans].some(isWildcard))
    invalid('certificate.common_name', 'EV certificates cannot secure wildcard domains.');
  const csr = csrProblem(cert.csr);
  if (csr) errors.push(csr);
  const hashes = findProduct(order.product_name_id)?.hashes ?? [];
  if (cert.signature_hash !== undefined && !hashes.includes(String(cert.signature_hash)))
    invalid('certificate.signature_hash', `signature_hash must be one of: ${hashes.join(', ')}.`);
  const sp = cert.server_platform;
  if (sp !== undefined && (!isRecord(sp) || !productPlatformIds().includes(Number(sp.id))))
    invalid('certificate.server_platform.id', 'server_platform.id is not a platform of this product.');
  return errors;
}

export function reissueOrder(ctx: ApiContext, order: StoredOrder | undefined): Reply {
  if (!order) return apiError(404, 'not_found|order', 'Order not found.');
  if (order.status === 'reissue_pending')
    return apiError(400, 'reissue_pending', `Order ${order.id} already has a reissue waiting.`);
  if (order.status !== 'issued')
    return apiError(
      400,
      'order_not_issued',
      `Order ${order.id} is ${order.status}; only issued orders can be reissued.`,
    );
  const end = coverageEnd(order);
  if (end === undefined || daysUntil(ctx.now, end) <= 0)
    return apiError(
      400,
      'order_expired',
      `Order ${order.id}'s coverage ended on ${end ?? 'an unknown day'}.`,
    );
  const body = ctx.body.kind === 'json' ? ctx.body.value : undefined;
  if (!isRecord(body) || !isRecord(body.certificate))
    return apiError(400, 'missing_param:certificate', 'certificate is required.');
  const cert = body.certificate;
  const errors = certificateProblems(cert, order);
  if (errors.length > 0) return apiErrors(400, errors);
  const requestId = ctx.state.nextRequestId++;
  order.status = 'reissue_pending';
  order.common_name = String(cert.common_name);
  order.dns_names = Array.isArray(cert.dns_names) ? cert.dns_names.map(String) : [order.common_name];
  order.csr = String(cert.csr);
  if (typeof cert.signature_hash === 'string') order.signature_hash = cert.signature_hash;
  if (isRecord(cert.server_platform)) order.server_platform_id = Number(cert.server_platform.id);
  order.reissues = [...(order.reissues ?? []), { request_id: requestId, at: ctx.now.toISOString(), body }];
  return json(201, { id: order.id, requests: [{ id: requestId, status: 'pending' }] });
}
