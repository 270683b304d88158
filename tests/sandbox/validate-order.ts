// POST /order/certificate/{product_name_id} body checks, written from the vendor page
// (order-ssl-ev-securesite-pro.txt) and certcentral-api.md only. Every problem found is reported,
// as `{code, message}` in the documented code styles: `missing_param:<field>`, `invalid_value:<field>`,
// `csr_invalid_cannot_parse`, `cert_validity_exceeds_order_validity`.
import './reflect-shim';
import { Pkcs10CertificateRequest } from '@peculiar/x509';
import { hostnameProblem, isWildcard } from './hostnames';
import { type ApiError, isRecord } from './http-util';
import { findProduct, isEvProduct, productPlatformIds } from './products';
import { CONTAINERS, METADATA } from './seed';
import type { SandboxState } from './state';
import { checkContacts, checkOrganization, checkPayment } from './validate-parties';
import { checkValidity } from './validity';

export interface OrderFacts {
  commonName: string;
  dnsNames: string[];
  signatureHash: string;
  serverPlatformId: number;
  organizationId: number;
  containerId: number | undefined;
  orderYears: number;
  orderValidTill: string;
  certDays: number;
  renewalOfOrderId: number | undefined;
  alternativeOrderId: string | undefined;
  csr: string;
  comments: string | undefined;
  paymentMethod: string;
}

export type ValidationResult = { ok: true; facts: OrderFacts } | { ok: false; errors: ApiError[] };

const isInt = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v);
const missing = (field: string, message?: string): ApiError => ({
  code: `missing_param:${field}`,
  message: message ?? `${field} is required.`,
});
const invalid = (field: string, message: string): ApiError => ({ code: `invalid_value:${field}`, message });

/** `dcv_method` values, and the http-* ones that cannot validate wildcards (certcentral-api.md). */
const DCV_METHODS = ['email', 'dns-txt-token', 'dns-cname-token', 'http-token', 'http-token-dynamic'];
const CSR_ARMOUR =
  /^\s*-----BEGIN (NEW )?CERTIFICATE REQUEST-----[\s\S]+-----END (NEW )?CERTIFICATE REQUEST-----\s*$/;

/** certificate.csr is required; the CA has to parse it as a PKCS#10 request. */
export function csrProblem(csr: unknown): ApiError | undefined {
  if (csr === undefined || csr === '') return missing('certificate.csr');
  if (typeof csr !== 'string' || !CSR_ARMOUR.test(csr)) {
    return { code: 'csr_invalid_cannot_parse', message: 'The CSR is not a PEM certificate request.' };
  }
  try {
    new Pkcs10CertificateRequest(csr.replace(/-----(BEGIN|END) NEW /g, '-----$1 '));
    return undefined;
  } catch {
    return { code: 'csr_invalid_cannot_parse', message: 'The CSR could not be parsed.' };
  }
}

function checkCertificate(cert: Record<string, unknown>, productId: string, errors: ApiError[]): void {
  const ev = isEvProduct(productId);
  // common_name: required, "Domain to be secured".
  if (cert.common_name === undefined || cert.common_name === '')
    errors.push(missing('certificate.common_name'));
  else {
    const problem = hostnameProblem(cert.common_name);
    if (problem) errors.push(invalid('certificate.common_name', `common_name ${problem}.`));
  }
  // dns_names: optional array of additional domains.
  if (cert.dns_names !== undefined) {
    if (!Array.isArray(cert.dns_names))
      errors.push(invalid('certificate.dns_names', 'dns_names must be an array.'));
    else {
      for (const name of cert.dns_names) {
        const problem = hostnameProblem(name);
        if (problem)
          errors.push(invalid('certificate.dns_names', `dns_names entry "${String(name)}" ${problem}.`));
      }
    }
  }
  // CA/B Forum EV Guidelines: EV certificates cannot contain wildcard names.
  const names = [cert.common_name, ...(Array.isArray(cert.dns_names) ? cert.dns_names : [])];
  if (ev && names.some(isWildcard)) {
    errors.push(invalid('certificate.common_name', 'EV certificates cannot secure wildcard domains.'));
  }
  const csr = csrProblem(cert.csr);
  if (csr) errors.push(csr);
  // signature_hash: required, one of the product's allowed_hash_types (certcentral-api.md).
  const allowed = findProduct(productId)?.hashes ?? [];
  if (cert.signature_hash === undefined) errors.push(missing('certificate.signature_hash'));
  else if (typeof cert.signature_hash !== 'string' || !allowed.includes(cert.signature_hash)) {
    errors.push(
      invalid('certificate.signature_hash', `signature_hash must be one of: ${allowed.join(', ')}.`),
    );
  }
  // server_platform: optional object whose id is one of the product's server_platforms (or -1, other).
  const sp = cert.server_platform;
  if (sp !== undefined && (!isRecord(sp) || !isInt(sp.id) || !productPlatformIds().includes(sp.id))) {
    errors.push(
      invalid('certificate.server_platform.id', 'server_platform.id is not a platform of this product.'),
    );
  }
}

function checkOptionalFields(body: Record<string, unknown>, state: SandboxState, errors: ApiError[]): void {
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
  // auto_renew: 0, 1 or a count of renewals; auto_reissue: 0 or 1 (certcentral-api.md).
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
function checkCustomFields(body: Record<string, unknown>, errors: ApiError[]): void {
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

export function validateOrder(
  body: unknown,
  productId: string,
  state: SandboxState,
  now: Date,
): ValidationResult {
  if (!isRecord(body))
    return {
      ok: false,
      errors: [{ code: 'bad_request_format', message: 'The body must be a JSON object.' }],
    };
  const errors: ApiError[] = [];
  const cert = isRecord(body.certificate) ? body.certificate : undefined;
  if (body.certificate === undefined) errors.push(missing('certificate'));
  else if (!cert) errors.push(invalid('certificate', 'certificate must be an object.'));
  else checkCertificate(cert, productId, errors);
  const validity = checkValidity(body, cert, now, errors);
  const organizationId = checkOrganization(body, productId, errors);
  checkContacts(body, productId, organizationId, errors);
  checkPayment(body, errors);
  checkCustomFields(body, errors);
  checkOptionalFields(body, state, errors);
  if (errors.length > 0 || !cert || !validity || organizationId === undefined) return { ok: false, errors };
  const sp = isRecord(cert.server_platform) && isInt(cert.server_platform.id) ? cert.server_platform.id : -1;
  return {
    ok: true,
    facts: {
      commonName: String(cert.common_name),
      dnsNames: Array.isArray(cert.dns_names) ? cert.dns_names.map(String) : [],
      signatureHash: String(cert.signature_hash),
      serverPlatformId: sp,
      organizationId,
      containerId: isRecord(body.container) && isInt(body.container.id) ? body.container.id : undefined,
      ...validity,
      renewalOfOrderId: isInt(body.renewal_of_order_id) ? body.renewal_of_order_id : undefined,
      alternativeOrderId:
        typeof body.alternative_order_id === 'string' ? body.alternative_order_id : undefined,
      csr: String(cert.csr),
      comments: typeof body.comments === 'string' ? body.comments : undefined,
      paymentMethod: typeof body.payment_method === 'string' ? body.payment_method : 'balance',
    },
  };
}
