// The order body's optional fields and custom fields (POST /order/certificate/{product_name_id}),
// split from validate/order.ts; same sources: DigiCert's public order page and docs/certcentral-api.md.

import { isWildcard } from '../hostnames';
import { type ApiError, isRecord } from '../http-util';
import { CONTAINERS, METADATA } from '../seed';
import type { SandboxState } from '../state';

const isInt = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v);
const missing = (field: string, message?: string): ApiError => ({
  code: `missing_param:${field}`,
  message: message ?? `${field} is required.`,
});
const invalid = (field: string, message: string): ApiError => ({ code: `invalid_value:${field}`, message });

/** `dcv_method` values, and the http-* ones that cannot validate wildcards (docs/certcentral-api.md). */
const DCV_METHODS = ['email', 'dns-txt-token', 'dns-cname-token', 'http-token', 'http-token-dynamic'];

export function checkOptionalFields(
  body: Record<string, unknown>,
  state: SandboxState,
  errors: ApiError[],
): void {
  const cert = isRecord(body.certificate) ? body.certificate : {};
  const names = [cert.common_name, ...(Array.isArray(cert.dns_names) ? cert.dns_names : [])];
  if (body.dcv_method !== undefined) {
    if (typeof body.dcv_method !== 'string' || !DCV_METHODS.includes(body.dcv_method)) {
      errors.push(invalid('dcv_method', `dcv_method must be one of: ${DCV_METHODS.join(', ')}.`));
    } else if (body.dcv_method.startsWith('http-') && names.some(isWildcard)) {
      errors.push(invalid('dcv_method', 'The http-token methods cannot validate wildcard domains.'));
    }
  }
  if (
    body.certificate_dcv_scope !== undefined &&
    !['base_domain', 'fqdn'].includes(String(body.certificate_dcv_scope))
  ) {
    errors.push(invalid('certificate_dcv_scope', 'certificate_dcv_scope must be base_domain or fqdn.'));
  }
  // renewal_of_order_id: "enter the previous order's ID"; it must be an order of this account.
  if (body.renewal_of_order_id !== undefined) {
    if (!isInt(body.renewal_of_order_id) || !state.orders.some((o) => o.id === body.renewal_of_order_id)) {
      errors.push(invalid('renewal_of_order_id', 'renewal_of_order_id is not an order of this account.'));
    }
  }
  // renewed_thumbprint: SHA-1 thumbprint of the previous order's certificate.
  if (body.renewed_thumbprint !== undefined) {
    const tp =
      typeof body.renewed_thumbprint === 'string'
        ? body.renewed_thumbprint.replace(/:/g, '').toUpperCase()
        : '';
    if (!state.orders.some((o) => o.thumbprint === tp)) {
      errors.push(
        invalid('renewed_thumbprint', 'renewed_thumbprint matches no certificate of this account.'),
      );
    }
  }
  // alternative_order_id: optional string, "Maximum length: 64 characters".
  const alt = body.alternative_order_id;
  if (
    alt !== undefined &&
    (typeof alt !== 'string' || alt.length === 0 || alt.length > 64 || !/^[A-Za-z0-9_-]+$/.test(alt))
  ) {
    errors.push(
      invalid('alternative_order_id', 'alternative_order_id must be 1-64 letters, digits, "-" or "_".'),
    );
  }
  // auto_renew: 0, 1 or a count of renewals; auto_reissue: 0 or 1 (docs/certcentral-api.md).
  if (body.auto_renew !== undefined && (!isInt(body.auto_renew) || body.auto_renew < 0)) {
    errors.push(invalid('auto_renew', 'auto_renew must be a non-negative integer.'));
  }
  if (body.auto_reissue !== undefined && body.auto_reissue !== 0 && body.auto_reissue !== 1) {
    errors.push(invalid('auto_reissue', 'auto_reissue must be 0 or 1.'));
  }
  for (const flag of ['skip_approval', 'disable_ct', 'disable_renewal_notifications', 'apply_cr_discount']) {
    if (body[flag] !== undefined && typeof body[flag] !== 'boolean')
      errors.push(invalid(flag, `${flag} must be a boolean.`));
  }
  for (const s of ['comments', 'locale', 'custom_renewal_message']) {
    if (body[s] !== undefined && typeof body[s] !== 'string')
      errors.push(invalid(s, `${s} must be a string.`));
  }
  // container: optional object, id required and an existing container (division).
  if (body.container !== undefined) {
    const c = body.container;
    if (!isRecord(c) || c.id === undefined) errors.push(missing('container.id'));
    else if (!CONTAINERS.some((x) => x.id === c.id))
      errors.push(invalid('container.id', 'container.id is not a container of this account.'));
  }
}

/** custom_fields: `[{metadata_id, value}]`; required active fields of GET /account/metadata must be present. */
export function checkCustomFields(body: Record<string, unknown>, errors: ApiError[]): void {
  const given = body.custom_fields;
  if (given !== undefined && !Array.isArray(given)) {
    errors.push(invalid('custom_fields', 'custom_fields must be an array.'));
    return;
  }
  const entries = (given ?? []) as unknown[];
  for (const entry of entries) {
    const field = isRecord(entry) ? METADATA.find((m) => m.id === entry.metadata_id) : undefined;
    if (!isRecord(entry) || !field) {
      errors.push(invalid('custom_fields.metadata_id', 'custom_fields entry has an unknown metadata_id.'));
    } else if (
      typeof entry.value !== 'string' ||
      (field.data_type === 'int' && !/^-?\d+$/.test(entry.value))
    ) {
      errors.push(
        invalid(
          'custom_fields.value',
          `"${field.label}" needs a ${field.data_type === 'int' ? 'whole number' : 'text'} value as a string.`,
        ),
      );
    }
  }
  for (const field of METADATA.filter((m) => m.is_required && m.is_active)) {
    const entry = entries.find((e) => isRecord(e) && e.metadata_id === field.id);
    if (!isRecord(entry) || typeof entry.value !== 'string' || entry.value.trim() === '') {
      errors.push(
        missing('custom_fields', `Custom field "${field.label}" (metadata_id ${field.id}) is required.`),
      );
    }
  }
}
