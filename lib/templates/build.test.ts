import { describe, expect, it } from 'vitest';
import { validateOrderRequest } from '../order';
import { askedFields, buildOrderBody } from './build';
import { evDraft, makeTemplate } from './testing';

const CSR =
  '-----BEGIN CERTIFICATE REQUEST-----\nMIICvDCCAaQCAQAwdzELMAkGA1UEBhMCVVM=\n-----END CERTIFICATE REQUEST-----\n';
const csr = { pem: CSR, commonName: 'example.com', dnsNames: ['example.com', 'www.example.com'] };

describe('buildOrderBody', () => {
  it('nests fixed, asked, CSR values by path into a body the order model accepts', () => {
    const built = buildOrderBody(makeTemplate(), { 'order_validity.years': '2' }, { csr });
    expect(built.missing).toEqual([]);
    expect(built.body).toEqual({
      certificate: {
        common_name: 'example.com',
        dns_names: ['example.com', 'www.example.com'],
        csr: CSR,
        signature_hash: 'sha256',
      },
      order_validity: { years: 2 },
      dcv_method: 'dns-txt-token',
      payment_method: 'balance',
      organization: { id: 123456, contacts: [{ contact_type: 'ev_approver', user_id: 42 }] },
    });
    const result = validateOrderRequest(built.body, {
      product: 'ssl_ev_securesite_pro',
      today: new Date('2026-06-01T12:00:00Z'),
    });
    expect(result.ok ? [] : result.problems).toEqual([]);
  });

  it('uses the default when an asked field is left empty, and leaves out an empty optional one', () => {
    const built = buildOrderBody(makeTemplate(), { 'order_validity.years': ' ', comments: '' }, { csr });
    expect(built.body.order_validity).toEqual({ years: 1 });
    expect(built.body).not.toHaveProperty('comments');
  });

  it('lists what is still missing: asked without default, renewal and CSR values not given', () => {
    const template = makeTemplate({
      fields: {
        ...evDraft().fields,
        'order_validity.years': { source: 'asked' },
        'organization.id': { source: 'asked', label: 'Organization' },
        renewal_of_order_id: { source: 'renewal' },
      },
    });
    expect(buildOrderBody(template, {}).missing).toEqual([
      { path: 'certificate.common_name', label: 'Common name', source: 'csr' },
      { path: 'certificate.dns_names', label: 'Other names (SANs)', source: 'csr' },
      { path: 'certificate.csr', label: 'CSR', source: 'csr' },
      { path: 'order_validity.years', label: 'Order validity (years)', source: 'asked' },
      { path: 'renewal_of_order_id', label: 'Renewed order number', source: 'renewal' },
      { path: 'organization.id', label: 'Organization', source: 'asked' },
    ]);
  });

  it('takes renewal values by path and does not report SANs missing when the CSR has none', () => {
    const template = makeTemplate({
      fields: { ...evDraft().fields, renewal_of_order_id: { source: 'renewal' } },
    });
    const built = buildOrderBody(
      template,
      {},
      { renewal: { renewal_of_order_id: 9087 }, csr: { pem: CSR, commonName: 'example.com' } },
    );
    expect(built.missing).toEqual([]);
    expect(built.body.renewal_of_order_id).toBe(9087);
    expect(built.body.certificate).not.toHaveProperty('dns_names');
  });

  it('turns typed text into the field type, and leaves what is not clear for validation to report', () => {
    const template = makeTemplate({
      fields: {
        ...evDraft().fields,
        additional_emails: { source: 'asked' },
        skip_approval: { source: 'asked' },
        'container.id': { source: 'asked' },
      },
    });
    const built = buildOrderBody(
      template,
      {
        additional_emails: 'a@example.com, b@example.com\nc@example.com',
        skip_approval: 'true',
        'container.id': 'x12',
      },
      { csr },
    );
    expect(built.body.additional_emails).toEqual(['a@example.com', 'b@example.com', 'c@example.com']);
    expect(built.body.skip_approval).toBe(true);
    expect(built.body.container).toEqual({ id: 'x12' });
  });

  it('ignores answers for fields the template fixes, and copies values (the template stays as it was)', () => {
    const template = makeTemplate();
    const built = buildOrderBody(template, { 'organization.id': 1 }, { csr });
    expect(built.body.organization).toMatchObject({ id: 123456 });
    (built.body.organization as { contacts: unknown[] }).contacts.push('changed');
    expect(template.fields['organization.contacts']).toEqual(evDraft().fields['organization.contacts']);
  });
});

describe('askedFields', () => {
  it('lists asked fields in the order of the API docs, with labels, help and defaults', () => {
    const template = makeTemplate({
      fields: { ...evDraft().fields, 'credit_card.number': { source: 'asked' } },
    });
    const asked = askedFields(template).map(({ field: _, ...rest }) => rest);
    expect(asked).toEqual([
      {
        path: 'order_validity.years',
        label: 'Years',
        help: expect.stringContaining('Years the order'),
        ownLabel: true,
        ownHelp: false,
        default: 1,
        optional: false,
        sensitive: false,
      },
      {
        path: 'comments',
        label: 'Comments for the approver',
        help: 'Comments for the approver.',
        ownLabel: false,
        ownHelp: false,
        optional: true,
        sensitive: false,
      },
      {
        path: 'credit_card.number',
        label: 'Card: number',
        help: 'Card number.',
        ownLabel: false,
        ownHelp: false,
        optional: false,
        sensitive: true,
      },
    ]);
  });
});
