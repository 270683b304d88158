import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it } from 'vitest';
import { closePrivateStoreForTests, readPrivate } from '../storage/private-store';
import { askedFields } from '../templates/build';
import { makeTemplate } from '../templates/testing';
import { curlCommand } from './curl';
import { discardDraft, draftV1ToV2, loadDraft, migrateDraft, saveDraft } from './draft';
import { maskCard } from './mask';
import { fieldOf, prepareOrder } from './prepare';

const TODAY = new Date('2026-11-29T10:00:00Z');
const CSR =
  '-----BEGIN CERTIFICATE REQUEST-----\nMIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA\n-----END CERTIFICATE REQUEST-----';
const CARD = {
  number: '4111 1111 1111 1111',
  cvv: 7319,
  expiration_month: 12,
  expiration_year: 2031,
  cardholder_name: 'J D',
};

beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
  closePrivateStoreForTests();
});

describe('prepareOrder', () => {
  const template = makeTemplate();
  const asked = askedFields(template);
  const csr = { pem: CSR, commonName: 'www.example.com', dnsNames: ['example.com'] };

  it('builds a ready body from the template, the answers and the CSR', () => {
    const prepared = prepareOrder(template, asked, { 'order_validity.years': '1' }, { csr, today: TODAY });
    expect(prepared.missing).toEqual([]);
    expect(prepared.elsewhere).toEqual([]);
    expect(prepared.ready).toBe(true);
    expect(prepared.body).toMatchObject({
      certificate: {
        common_name: 'www.example.com',
        dns_names: ['example.com'],
        csr: CSR,
        signature_hash: 'sha256',
      },
      order_validity: { years: 1 },
      organization: { id: 123456 },
    });
  });

  it('says what is still missing, and is not ready without the CSR', () => {
    const prepared = prepareOrder(template, asked, {}, { today: TODAY });
    expect(prepared.ready).toBe(false);
    expect(prepared.missing.map((m) => m.path)).toEqual([
      'certificate.common_name',
      'certificate.dns_names',
      'certificate.csr',
    ]);
  });

  it('puts a problem at the asked field it belongs to', () => {
    const prepared = prepareOrder(template, asked, { 'order_validity.years': '9' }, { csr, today: TODAY });
    expect(prepared.ready).toBe(false);
    expect(Object.keys(prepared.atField)).toEqual(['order_validity.years']);
  });

  it('reports a problem with what the CSR gave as not belonging to a field', () => {
    const bad = { ...csr, dnsNames: ['bad..name'] };
    const prepared = prepareOrder(
      template,
      asked,
      { 'order_validity.years': '1' },
      { csr: bad, today: TODAY },
    );
    expect(prepared.elsewhere.map((p) => p.path)).toEqual(['certificate.dns_names[0]']);
  });
});

describe('prepareOrder for a renewal', () => {
  it('names the renewed order and takes the fields whose source is the renewed order', () => {
    const template = makeTemplate({
      fields: {
        ...makeTemplate().fields,
        'organization.id': { source: 'renewal' },
        'container.id': { source: 'renewal' },
      },
    });
    const csr = { pem: CSR, commonName: 'www.example.com' };
    const prepared = prepareOrder(
      template,
      askedFields(template),
      { 'order_validity.years': '1' },
      {
        csr,
        renewal: {
          orderId: 10000001,
          values: { 'organization.id': 60001, 'container.id': 50001, renewal_of_order_id: 10000001 },
        },
        today: TODAY,
      },
    );
    expect(prepared.ready).toBe(true);
    expect(prepared.body).toMatchObject({
      renewal_of_order_id: 10000001,
      organization: { id: 60001 },
      container: { id: 50001 },
    });
  });

  it('reports a renewal source that the renewed order does not give as missing', () => {
    const template = makeTemplate({
      fields: { ...makeTemplate().fields, 'container.id': { source: 'renewal' } },
    });
    const prepared = prepareOrder(
      template,
      askedFields(template),
      { 'order_validity.years': '1' },
      {
        renewal: { orderId: 5, values: {} },
        today: TODAY,
      },
    );
    expect(prepared.missing).toContainEqual(
      expect.objectContaining({ path: 'container.id', source: 'renewal' }),
    );
  });
});

describe('fieldOf', () => {
  it.each([
    ['certificate.dns_names[2]', 'certificate.dns_names'],
    ['organization.contacts[0].email', 'organization.contacts'],
    ['order_validity.years', 'order_validity.years'],
    ['order_validity', undefined],
    ['certificate.common_name', undefined],
  ])('%s → %s', (path, field) => {
    expect(fieldOf(path, ['certificate.dns_names', 'organization.contacts', 'order_validity.years'])).toBe(
      field,
    );
  });
});

describe('draft', () => {
  it('keeps the answers and the CSR, never the card', async () => {
    await saveDraft({
      id: 'draft-1',
      templateId: 't1',
      answers: {
        'order_validity.years': '2',
        'credit_card.number': '4111111111111111',
        'credit_card.cvv': '7319',
      },
      csrText: CSR,
      step: 'fill',
    });
    const stored = JSON.stringify(await readPrivate('order-draft'));
    expect(stored).not.toContain('4111111111111111');
    expect(stored).not.toContain('7319');
    const loaded = await loadDraft();
    expect(loaded && 'draft' in loaded && loaded.draft).toMatchObject({
      version: 2,
      id: 'draft-1',
      templateId: 't1',
      answers: { 'order_validity.years': '2' },
      csrText: CSR,
      step: 'fill',
    });
    await discardDraft();
    expect(await loadDraft()).toBeNull();
  });

  it('gives a version 1 draft an id from what it holds, the same however often it is read', () => {
    const v1 = {
      version: 1,
      templateId: 't1',
      answers: { 'order_validity.years': '1', 'credit_card.number': '4111111111111111' },
      step: 'review',
      updatedAt: '2026-11-30T10:00:00.000Z',
    };
    const first = migrateDraft(v1);
    expect(first).toEqual({
      draft: {
        version: 2,
        id: 'v1-2026-11-30T10:00:00.000Z',
        templateId: 't1',
        answers: { 'order_validity.years': '1' },
        step: 'review',
        updatedAt: '2026-11-30T10:00:00.000Z',
      },
    });
    expect(migrateDraft(structuredClone(v1))).toEqual(first);
  });

  it('steps a version 1 draft to version 2 by adding an id from its time', () => {
    const v1 = {
      version: 1,
      templateId: 't1',
      answers: {},
      step: 'fill',
      updatedAt: '2026-11-30T10:00:00.000Z',
    };
    expect(draftV1ToV2(v1)).toEqual({ ...v1, version: 2, id: 'v1-2026-11-30T10:00:00.000Z' });
  });

  it('drops a draft it cannot read, saying so', () => {
    expect(migrateDraft({ version: 2, templateId: 'x' })).toEqual({
      problem: expect.stringMatching(/could not be restored/),
    });
    expect(
      migrateDraft({ version: 3, id: 'd', templateId: 'x', answers: {}, step: 'fill', updatedAt: 'x' }),
    ).toEqual({
      problem: expect.stringMatching(/could not be restored/),
    });
    expect(migrateDraft('junk')).toEqual({ problem: expect.stringMatching(/could not be restored/) });
  });
});

describe('card masking and curl', () => {
  const body = {
    certificate: { common_name: "o'brien.example.com" },
    payment_method: 'card',
    credit_card: CARD,
  };

  it('hides the card number but its last four digits, and the CVV', () => {
    expect(maskCard(body).credit_card).toEqual({ ...CARD, number: '•••• •••• •••• 1111', cvv: '•••' });
    expect(maskCard({ a: 1 })).toEqual({ a: 1 });
  });

  it('copies as curl with placeholders for the key and the card, quoting safely', () => {
    const curl = curlCommand('eu', 'ssl_ev_securesite_pro', body);
    expect(curl).toContain(
      "curl -X POST 'https://certcentral.digicert.eu/services/v2/order/certificate/ssl_ev_securesite_pro'",
    );
    expect(curl).toContain('-H "X-DC-DEVKEY: $DIGICERT_API_KEY"');
    expect(curl).toContain(`o'\\''brien.example.com`);
    expect(curl).toContain('"number": "$CARD_NUMBER"');
    expect(curl).not.toContain('4111');
    expect(curl).not.toContain('7319');
  });
});
