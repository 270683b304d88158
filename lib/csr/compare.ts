// Compares a CSR's names with an order's, and turns a CSR's names into an order's. Pure and small: no
// x509, so the form can use it on facts it already has. DigiCert does not read names from the CSR
// ("The Services API does not extract information from the CSR", order page): the certificate names
// what the order says, so a mismatch is worth showing before submitting.
import { t } from '../i18n';
import { looksLikeHostName, normaliseName } from './host';
import type { CsrFacts, OrderNames } from './types';

export type NameDifference =
  | { kind: 'order_has_no_names'; message: string }
  | { kind: 'common_name_differs'; csr: string | undefined; order: string | undefined; message: string }
  | { kind: 'only_in_csr'; name: string; message: string }
  | { kind: 'only_in_order'; name: string; message: string };

export interface NameComparison {
  /** True when both name the same set of domains with the same common name (ignoring case). */
  same: boolean;
  differences: NameDifference[];
}

type CsrNames = Pick<CsrFacts, 'commonName' | 'sans'>;

/** What to tell the user next to the differences. */
export const namesComeFromOrder = (): string => t('popup_csr_names_from_order');

export function compareCsrWithOrder(facts: CsrNames, order: OrderNames): NameComparison {
  const orderCn = order.commonName.trim() ? normaliseName(order.commonName) : undefined;
  const orderNames = unique([orderCn, ...order.dnsNames.map(normaliseName)]);
  const csrCn = facts.commonName ? normaliseName(facts.commonName) : undefined;
  const csrNames = unique([csrCn, ...facts.sans.map(normaliseName)]);
  if (orderNames.length === 0) {
    const message = t('popup_csr_order_no_names');
    return { same: false, differences: [{ kind: 'order_has_no_names', message }] };
  }
  const differences: NameDifference[] = [];
  if (csrCn !== orderCn)
    differences.push({
      kind: 'common_name_differs',
      csr: csrCn,
      order: orderCn,
      message: cnMessage(csrCn, orderCn),
    });
  for (const name of csrNames.filter((n) => !orderNames.includes(n)))
    differences.push({ kind: 'only_in_csr', name, message: t('popup_csr_only_in_csr', name) });
  for (const name of orderNames.filter((n) => !csrNames.includes(n)))
    differences.push({ kind: 'only_in_order', name, message: t('popup_csr_only_in_order', name) });
  return { same: differences.length === 0, differences };
}

function cnMessage(csr: string | undefined, order: string | undefined): string {
  if (csr === undefined) return t('popup_csr_cn_missing', String(order));
  if (order === undefined) return t('popup_csr_order_cn_missing', csr);
  return t('popup_csr_cn_differs', [csr, order]);
}

/**
 * The CSR's names in the order's shape, for "take the names from the CSR": lower case, no repeats.
 * The common name is the CSR's CN, or its first DNS name when the CN is missing or not a host name
 * (say "My web server"). `dnsNames` leaves the common name out by default: the order page calls them
 * "Additional domains to be secured" and the certificate includes the common name anyway; pass
 * `includeCommonName` for a product or habit that wants it repeated (DigiCert accepts either).
 */
export function namesFromCsr(facts: CsrNames, options: { includeCommonName?: boolean } = {}): OrderNames {
  const sans = unique(facts.sans.map(normaliseName));
  const cn = facts.commonName ? normaliseName(facts.commonName) : undefined;
  const commonName = (cn && (looksLikeHostName(cn) || sans.length === 0) ? cn : sans[0]) ?? '';
  const others = sans.filter((n) => n !== commonName);
  return { commonName, dnsNames: options.includeCommonName && commonName ? [commonName, ...others] : others };
}

function unique(names: (string | undefined)[]): string[] {
  return [...new Set(names.filter((n): n is string => !!n))];
}
