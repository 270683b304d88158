/**
 * The order most popup tests place, in Chromium and Firefox alike: an EV certificate for
 * shop.example.com (and www.) from evTemplate, with a key and CSR made in the test.
 */
import { generateKeyAndCsr } from '../../lib/csr/index';

/** A fresh ECDSA P-256 CSR for shop.example.com and www.shop.example.com. */
export async function makeShopCsr(): Promise<string> {
  const { csrPem } = await generateKeyAndCsr({
    commonName: 'shop.example.com',
    dnsNames: ['www.shop.example.com'],
    keyType: 'ECDSA-P256',
  });
  return csrPem;
}

/** What differs between the templates the tests build: the custom field's value and the payment method. */
export interface EvTemplateBodyOptions {
  /** The value of the custom field (metadata 70001); evTemplate sets 'CC-1234'. */
  customFieldValue?: string;
  /** The payment method; evTemplate pays from the balance, `null` leaves it out as a new template does. */
  paymentMethod?: string | null;
}

/**
 * The body the review shows for evTemplate(60001), that CSR and one year of coverage, or for a
 * template built like it in the options page (other custom field value, no payment method).
 */
export function evTemplateBody(
  csrPem: string,
  { customFieldValue = 'CC-1234', paymentMethod = 'balance' }: EvTemplateBodyOptions = {},
): Record<string, unknown> {
  return {
    certificate: {
      common_name: 'shop.example.com',
      dns_names: ['www.shop.example.com'],
      csr: csrPem,
      signature_hash: 'sha256',
    },
    order_validity: { years: 1 },
    organization: { id: 60001, contacts: [{ contact_type: 'ev_approver', user_id: 100002 }] },
    container: { id: 50001 },
    custom_fields: [{ metadata_id: 70001, value: customFieldValue }],
    dcv_method: 'dns-txt-token',
    ...(paymentMethod === null ? {} : { payment_method: paymentMethod }),
  };
}
