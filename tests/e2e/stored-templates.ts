/** Templates written straight into storage for tests that are not about the template editor. */
import type { Page } from 'playwright-core';

export const RENEWAL_TEMPLATE_ID = '2b7e151b-8f4a-4c1d-9e36-0d4f5a6b7c8d';

/** An OV renewal template: names, organization and container from the renewed order. */
export function renewalTemplate() {
  const now = new Date().toISOString();
  return {
    id: RENEWAL_TEMPLATE_ID,
    name: 'OV renewal (sandbox)',
    product: 'ssl_securesite_pro',
    createdAt: now,
    updatedAt: now,
    useCount: 0,
    fields: {
      'certificate.common_name': { source: 'renewal' },
      'certificate.dns_names': { source: 'renewal' },
      'certificate.csr': { source: 'csr' },
      'certificate.signature_hash': { source: 'renewal' },
      'certificate.server_platform.id': { source: 'renewal' },
      'order_validity.years': { source: 'asked', default: 1, label: 'Years of coverage' },
      'organization.id': { source: 'renewal' },
      'container.id': { source: 'renewal' },
      renewal_of_order_id: { source: 'renewal' },
      custom_fields: { source: 'fixed', value: [{ metadata_id: 70001, value: 'CC-1234' }] },
      dcv_method: { source: 'fixed', value: 'dns-txt-token' },
      payment_method: { source: 'fixed', value: 'balance' },
    },
  };
}

/** Writes the templates list into storage.local from an extension page. */
export async function storeTemplates(page: Page, templates: object[]): Promise<void> {
  await page.evaluate(
    (list) =>
      (
        globalThis as unknown as { chrome: { storage: { local: { set(v: object): Promise<void> } } } }
      ).chrome.storage.local.set({
        templates: list,
      }),
    templates,
  );
}
