/**
 * What a bulk renewal sends for one order: the template's fixed values, asked fields answered by
 * their defaults, the values from the renewed order, and the renewed order's own CSR (in a bulk
 * run nobody is there to answer questions or paste a CSR per order). Pure.
 */
import type { OrderDetails } from '../certcentral/order-schemas';
import { t } from '../i18n';
import { formatAnd } from '../i18n/format';
import { askedFields, buildOrderBody } from '../templates/build';
import type { Template } from '../templates/model';
import { renewalValues } from './values';

/** Supplied by the bulk run for every order, whatever the template says about them. */
const SUPPLIED = new Set([
  'certificate.csr',
  'certificate.common_name',
  'certificate.dns_names',
  'renewal_of_order_id',
  'renewed_thumbprint',
]);
const NAME_PATHS = ['certificate.common_name', 'certificate.dns_names'];

/** Why the template cannot serve a bulk renewal, or undefined. Checked before anything is ordered. */
export function bulkTemplateProblem(template: Template): string | undefined {
  const fixedNames = NAME_PATHS.filter((path) => {
    const source = template.fields[path]?.source;
    return source === 'fixed' || source === 'asked';
  });
  if (fixedNames.length > 0) {
    return t('renewal_bulk_fixed_names', [template.name, formatAnd(fixedNames)]);
  }
  const unanswered = askedFields(template).filter(
    (f) => !SUPPLIED.has(f.path) && !f.optional && f.default === undefined,
  );
  if (unanswered.length > 0) {
    const fields = unanswered.map((f) => `"${f.label}"`).join(', ');
    return t(
      unanswered.some((f) => f.sensitive) ? 'renewal_bulk_unanswered_card' : 'renewal_bulk_unanswered',
      [template.name, fields],
    );
  }
  return undefined;
}

export type Plan = { ok: true; body: Record<string, unknown> } | { ok: false; message: string };

export function planRenewal(template: Template, order: OrderDetails, csrPem: string): Plan {
  const commonName = order.certificate?.common_name;
  if (!commonName) {
    return {
      ok: false,
      message: t('renewal_plan_no_common_name', String(order.id)),
    };
  }
  const names = { commonName, dnsNames: order.certificate?.dns_names ?? [] };
  const answers: Record<string, unknown> = {
    'certificate.csr': csrPem,
    'certificate.common_name': names.commonName,
    'certificate.dns_names': names.dnsNames,
  };
  const built = buildOrderBody(template, answers, {
    renewal: renewalValues(order),
    // The CSR is the renewed order's own: its names are the order's names (the order is what counts).
    csr: { pem: csrPem, ...names },
  });
  const missing = built.missing.filter((m) => !SUPPLIED.has(m.path));
  if (missing.length > 0) {
    return {
      ok: false,
      message: t('renewal_plan_missing', [String(order.id), missing.map((m) => `"${m.label}"`).join(', ')]),
    };
  }
  const body = built.body;
  const certificate = (body.certificate ?? {}) as Record<string, unknown>;
  // The names always follow the renewed order, and its CSR is reused ("each becomes its own
  // outbox entry"): a template without these fields must not drop SANs or send no CSR.
  certificate.common_name = names.commonName;
  if (names.dnsNames.length > 0) certificate.dns_names = [...names.dnsNames];
  certificate.csr = csrPem;
  body.certificate = certificate;
  // DigiCert's order page: a renewal names the previous order. Always set: without it this would be a new order.
  body.renewal_of_order_id = order.id;
  delete body.renewed_thumbprint;
  return { ok: true, body };
}
