/**
 * Templates and clocks shared by this folder's tests (not used by the extension itself).
 */
import type { Template, TemplateDraft } from '../model';

export const NOW = new Date('2025-06-01T10:00:00.000Z');
export const LATER = new Date('2025-06-02T10:00:00.000Z');

/** Predictable UUIDs (v4 shape) so tests can name what they expect. */
export function idMaker(prefix = '0000'): () => string {
  let n = 0;
  return () => `${prefix.padEnd(8, '0')}-0000-4000-8000-${String(++n).padStart(12, '0')}`;
}

/** An EV order as the seed describes it: names from the CSR, organization and approver fixed. */
export function evDraft(name = 'EV www.example.com'): TemplateDraft {
  return {
    name,
    product: 'ssl_ev_securesite_pro',
    organizationName: 'Example Corp',
    fields: {
      'certificate.common_name': { source: 'csr' },
      'certificate.dns_names': { source: 'csr' },
      'certificate.csr': { source: 'csr' },
      'certificate.signature_hash': { source: 'fixed', value: 'sha256' },
      'order_validity.years': { source: 'asked', default: 1, label: 'Years' },
      'organization.id': { source: 'fixed', value: 123456 },
      'organization.contacts': { source: 'fixed', value: [{ contact_type: 'ev_approver', user_id: 42 }] },
      dcv_method: { source: 'fixed', value: 'dns-txt-token' },
      payment_method: { source: 'fixed', value: 'balance' },
      comments: { source: 'asked', optional: true },
    },
  };
}

export function makeTemplate(
  overrides: Partial<Template> = {},
  id = '00000000-0000-4000-8000-000000000001',
): Template {
  return {
    ...evDraft(),
    id,
    createdAt: NOW.toISOString(),
    updatedAt: NOW.toISOString(),
    useCount: 0,
    ...overrides,
  };
}
