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

/** The body the review shows for evTemplate(60001), that CSR and one year of coverage. */
export function evTemplateBody(csrPem: string): Record<string, unknown> {
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
    custom_fields: [{ metadata_id: 70001, value: 'CC-1234' }],
    dcv_method: 'dns-txt-token',
    payment_method: 'balance',
  };
}
