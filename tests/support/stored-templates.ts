/**
 * Templates written straight into the extension's private store for tests that are not about the
 * template editor, and read back from it. Both run in an extension page: the store is the extension
 * origin's IndexedDB (lib/templates/storage.ts), which only the extension's own pages can open.
 */
import type { Page } from 'playwright-core';
import { PRIVATE_DATABASE } from '../../lib/storage/private-store';
import { TEMPLATE_VERSION } from '../../lib/templates/model';
import { TEMPLATES_RECORD } from '../../lib/templates/summaries';

export const RENEWAL_TEMPLATE_ID = '2b7e151b-8f4a-4c1d-9e36-0d4f5a6b7c8d';

/** A stored template as the extension writes it (version 1 shape): identity, dates, and the fields. */
function stored(id: string, name: string, product: string, extra: object, fields: Record<string, object>) {
  const now = new Date().toISOString();
  return { id, name, product, ...extra, createdAt: now, updatedAt: now, useCount: 0, fields };
}

/** An OV renewal template: names, organization and container from the renewed order. */
export function renewalTemplate() {
  return stored(
    RENEWAL_TEMPLATE_ID,
    'OV renewal (sandbox)',
    'ssl_securesite_pro',
    {},
    {
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
  );
}

/** An EV renewal template: names, organization and container from the renewed order; approver fixed. */
export function evRenewalTemplate() {
  return stored(
    '7a1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b',
    'EV renewal (names from the order)',
    'ssl_ev_securesite_pro',
    {},
    {
      'certificate.common_name': { source: 'renewal' },
      'certificate.dns_names': { source: 'renewal' },
      'certificate.csr': { source: 'csr' },
      'certificate.signature_hash': { source: 'renewal' },
      'order_validity.years': { source: 'fixed', value: 1 },
      'organization.id': { source: 'renewal' },
      'organization.contacts': { source: 'fixed', value: [{ contact_type: 'ev_approver', user_id: 100002 }] },
      'container.id': { source: 'renewal' },
      custom_fields: { source: 'fixed', value: [{ metadata_id: 70001, value: 'CC-1234' }] },
      dcv_method: { source: 'fixed', value: 'dns-txt-token' },
    },
  );
}

/** An EV template for new orders: names from the CSR, the rest fixed, years and a comment asked. */
export function evTemplate(organizationId: number) {
  return stored(
    '6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b',
    'Web EV (sandbox)',
    'ssl_ev_securesite_pro',
    { organizationName: 'Sandbox Corp' },
    {
      'certificate.common_name': { source: 'csr' },
      'certificate.dns_names': { source: 'csr' },
      'certificate.csr': { source: 'csr' },
      'certificate.signature_hash': { source: 'fixed', value: 'sha256' },
      'order_validity.years': { source: 'asked', default: 1, label: 'Years of coverage' },
      'organization.id': { source: 'fixed', value: organizationId },
      'organization.contacts': { source: 'fixed', value: [{ contact_type: 'ev_approver', user_id: 100002 }] },
      'container.id': { source: 'fixed', value: 50001 },
      custom_fields: { source: 'fixed', value: [{ metadata_id: 70001, value: 'CC-1234' }] },
      dcv_method: { source: 'fixed', value: 'dns-txt-token' },
      payment_method: { source: 'fixed', value: 'balance' },
      comments: { source: 'asked', optional: true, label: 'Comment for the approver' },
    },
  );
}

type Access = { database: string; key: string; record?: unknown };

/** One read or write of a record of the private store, run in an extension page. */
function inPrivateStore(page: Page, access: Access): Promise<unknown> {
  return page.evaluate(
    ({ database, key, record }) =>
      new Promise((resolve, reject) => {
        const open = indexedDB.open(database);
        // A profile where no extension page opened it yet: version 1, as private-store.ts makes it.
        open.onupgradeneeded = () => open.result.createObjectStore('private');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const tx = db.transaction('private', record === undefined ? 'readonly' : 'readwrite');
          const objects = tx.objectStore('private');
          const request = record === undefined ? objects.get(key) : objects.put(record, key);
          tx.oncomplete = () => {
            db.close();
            resolve(record === undefined ? request.result : null);
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
    access,
  );
}

/** Replaces the stored templates (the whole record, as the extension writes it), from an extension page. */
export async function storeTemplates(page: Page, templates: object[]): Promise<void> {
  await storeTemplatesRecord(page, { version: TEMPLATE_VERSION, templates, keptAside: [] });
}

/** Replaces the templates record with `record` as it is (another version's, say), from an extension page. */
export async function storeTemplatesRecord(page: Page, record: object): Promise<void> {
  await inPrivateStore(page, { database: PRIVATE_DATABASE, key: TEMPLATES_RECORD, record });
}

/** One record of the private store as the extension keeps it (undefined when absent), from an extension page. */
export function readPrivateRecord(page: Page, key: string): Promise<unknown> {
  return inPrivateStore(page, { database: PRIVATE_DATABASE, key });
}

/** The stored templates as the extension keeps them, read from an extension page. */
export async function readStoredTemplates(
  page: Page,
): Promise<{ id: string; name: string; product: string; fields: Record<string, unknown> }[]> {
  const record = await readPrivateRecord(page, TEMPLATES_RECORD);
  return ((record as { templates?: [] } | undefined)?.templates ?? []) as never;
}
