import { describe, expect, it } from 'vitest';
import { CertCentralError } from './errors';
import { json } from './testing/fake-fetch';
import { setup } from './testing/transport-harness';
import {
  DOC_CHECK_DCV,
  DOC_CHECK_DCV_HTTP_NOT_FOUND,
  DOC_CHECK_DCV_OLDER,
  DOC_CHECK_DCV_TXT_NOT_FOUND,
  DOC_DOMAIN_CHECK,
  DOC_ORDER_VALIDATION,
  DOC_ORDER_VALIDATION_OLDER,
  DOC_RANDOM_VALUE,
  HARSH_ORDER_VALIDATION,
} from './testing/validation-bodies';
import {
  changeDcvMethod,
  checkDomainDcv,
  checkOrderDcv,
  getDcvRandomValue,
  getOrderValidation,
  resendDcvEmails,
  resendDomainDcvEmails,
  resendOrderApprovalEmails,
} from './validation';

const BASE = 'https://www.digicert.com/services/v2';
const noBody = () => new Response(null, { status: 204 });

describe('GET /order/certificate/{id}/validation', () => {
  it('reads the documented example: string ids, org validation pending, a validated domain', async () => {
    const { t, fetch } = setup([json(200, DOC_ORDER_VALIDATION)]);
    const v = await getOrderValidation(t, 112211);
    expect(fetch.calls[0]).toMatchObject({
      url: `${BASE}/order/certificate/112211/validation`,
      method: 'GET',
    });
    expect(v.order_id).toBe('112211');
    expect(v.order_dcv_method).toBe('email');
    expect(v.dns_name_validations.items[0]).toMatchObject({ domain_id: '1234', status: 'approved' });
  });

  it('reads the older example: an empty name_scope beside the names', async () => {
    const { t } = setup([json(200, DOC_ORDER_VALIDATION_OLDER)]);
    const v = await getOrderValidation(t, 112211);
    expect(v.dns_name_validations.items[0]?.name_scope).toBe('');
    expect(v.dns_name_validations.items[0]?.dns_names).toEqual(['sub.example.com']);
  });

  it('harsh: nulls, an unknown method kept as unknown, one bad entry set aside, the rest kept', async () => {
    const { t } = setup([json(200, HARSH_ORDER_VALIDATION)]);
    const v = await getOrderValidation(t, 10001001);
    expect(v.order_name_scope).toBeUndefined();
    expect(v.order_dcv_method).toBe('dns-caa-token');
    expect(v.dns_name_validations.items.map((d) => d.domain_id)).toEqual([40001001, '40001003', 40001004]);
    expect(v.dns_name_validations.unreadable).toEqual([
      // schemas.ts names an item by id, order_id or name_id; a domain entry carries domain_id.
      { index: 1, reason: expect.stringContaining('status') },
    ]);
    expect(v.organization_validations.items).toHaveLength(1);
    expect(v.organization_validations.items[0]).toMatchObject({ a_field_added_later: { nested: true } });
  });

  it('an answer of {} (nothing listed) reads as empty lists', async () => {
    const { t } = setup([json(200, {})]);
    const v = await getOrderValidation(t, 1);
    expect(v.dns_name_validations).toEqual({ items: [], unreadable: [] });
    expect(v.organization_validations).toEqual({ items: [], unreadable: [] });
  });
});

describe('PUT …/check-dcv', () => {
  it('sends no body for the whole order and reads the documented answer', async () => {
    const { t, fetch } = setup([json(200, DOC_CHECK_DCV)]);
    const out = await checkOrderDcv(t, 42);
    expect(fetch.calls[0]).toMatchObject({
      url: `${BASE}/order/certificate/42/check-dcv`,
      method: 'PUT',
      body: undefined,
    });
    expect(out).toMatchObject({ kind: 'checked', answer: { order_status: 'issued', dcv_status: 'valid' } });
    if (out.kind === 'checked') expect(out.answer.dns_name_validations.items).toHaveLength(2);
  });

  it('names a subset as dns_name_validations [{dns_name}]', async () => {
    const { t, fetch } = setup([json(200, DOC_CHECK_DCV)]);
    await checkOrderDcv(t, 42, ['example.org']);
    expect(JSON.parse(fetch.calls[0]?.body ?? '')).toEqual({
      dns_name_validations: [{ dns_name: 'example.org' }],
    });
  });

  it('reads the older answer without a list', async () => {
    const { t } = setup([json(200, DOC_CHECK_DCV_OLDER)]);
    const out = await checkOrderDcv(t, 42);
    expect(out).toMatchObject({
      kind: 'checked',
      answer: { dns_name_validations: { items: [], unreadable: [] } },
    });
  });

  it.each([
    ['http-token', DOC_CHECK_DCV_HTTP_NOT_FOUND, 'file_random_value_not_found'],
    ['dns-txt-token (older page)', DOC_CHECK_DCV_TXT_NOT_FOUND, 'invalid_dns_txt'],
  ])('%s: a value not found is an outcome, not an error', async (_m, body, code) => {
    const { t } = setup([json(400, body)]);
    expect(await checkOrderDcv(t, 42)).toEqual({
      kind: 'value-not-found',
      code,
      message: expect.any(String),
    });
  });

  it('any other failure is thrown', async () => {
    const { t } = setup([json(404, { errors: [{ code: 'not_found|order', message: 'Order not found.' }] })]);
    await expect(checkOrderDcv(t, 42)).rejects.toBeInstanceOf(CertCentralError);
  });
});

describe('random value, method change, resends', () => {
  it('dcv-random-value: PUT without a body, reads value and expiry', async () => {
    const { t, fetch } = setup([json(200, { ...DOC_RANDOM_VALUE, extra: 1 })]);
    const v = await getDcvRandomValue(t, 7);
    expect(fetch.calls[0]).toMatchObject({
      url: `${BASE}/order/certificate/7/dcv-random-value`,
      method: 'PUT',
    });
    expect(v).toMatchObject({ ...DOC_RANDOM_VALUE, extra: 1 });
  });

  it('dcv-random-value without the value is an unexpected shape', async () => {
    const { t } = setup([json(200, { expiration_date: null })]);
    await expect(getDcvRandomValue(t, 7)).rejects.toMatchObject({ kind: 'invalid-response' });
  });

  it('dcv-method: 204 for email, the new value for a token method', async () => {
    const { t, fetch } = setup([noBody(), json(200, DOC_RANDOM_VALUE)]);
    expect(await changeDcvMethod(t, 7, 'email')).toBeUndefined();
    expect(JSON.parse(fetch.calls[0]?.body ?? '')).toEqual({ dcv_method: 'email' });
    expect(await changeDcvMethod(t, 7, 'dns-cname-token')).toMatchObject(DOC_RANDOM_VALUE);
  });

  it('resend calls send the documented bodies', async () => {
    const { t, fetch } = setup([noBody(), noBody(), noBody(), noBody(), json(200, DOC_DOMAIN_CHECK)]);
    await resendDcvEmails(t, 7);
    await resendDcvEmails(t, 7, {
      domainApprovalEmails: [
        { domain: 'sub.example2.com', email: 'someone@example2.com', emailDomain: 'example2.com' },
      ],
      locale: 'en',
    });
    await resendOrderApprovalEmails(t, 7, ['john.doe@example.com']);
    await resendDomainDcvEmails(t, '1234', { nameScope: 'sub.example.com', emails: ['admin@example.com'] });
    expect(await checkDomainDcv(t, 1234)).toEqual(DOC_DOMAIN_CHECK);
    expect(fetch.calls.map((c) => [c.method, c.url.replace(BASE, ''), c.body && JSON.parse(c.body)])).toEqual(
      [
        ['PUT', '/order/certificate/7/resend-emails', {}],
        [
          'PUT',
          '/order/certificate/7/resend-emails',
          {
            domain_approval_emails: [
              { domain: 'sub.example2.com', email: 'someone@example2.com', email_domain: 'example2.com' },
            ],
            locale: 'en',
          },
        ],
        ['PUT', '/order/certificate/7/order-approval/resend-emails', { emails: ['john.doe@example.com'] }],
        [
          'PUT',
          '/domain/1234/dcv/emails',
          { name_scope: 'sub.example.com', email_array: ['admin@example.com'] },
        ],
        ['PUT', '/domain/1234/dcv/validate-token', undefined],
      ],
    );
  });
});
