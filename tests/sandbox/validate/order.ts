// POST /order/certificate/{product_name_id} body checks, written from DigiCert's public order page
// (POST /order/certificate/ssl_ev_securesite_pro) and docs/certcentral-api.md only. Every problem
// found is reported, as `{code, message}` in the documented code styles: `missing_param:<field>`,
// `invalid_value:<field>`, `csr_invalid_cannot_parse`, `cert_validity_exceeds_order_validity`.
import '../reflect-shim';
import { Pkcs10CertificateRequest } from '@peculiar/x509';
import { hostnameProblem, isWildcard } from '../hostnames';
import { type ApiError, isRecord } from '../http-util';
import { findProduct, isEvProduct, productPlatformIds } from '../products';
import type { SandboxState } from '../state';
import { checkValidity } from '../validity';
import { checkCustomFields, checkOptionalFields } from './extras';
import { checkContacts, checkOrganization, checkPayment } from './parties';

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
  // signature_hash: required, one of the product's allowed_hash_types (docs/certcentral-api.md).
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
