import { describe, expect, it } from 'vitest';
import { OrderDetailsSchema, OrderListSchema } from '../certcentral/order-schemas';
import { fixture } from '../certcentral/testing/fake-fetch';
import { renewalValues } from './values';

const details = (name: string) => OrderDetailsSchema.parse(JSON.parse(fixture(name)));

describe('renewalValues', () => {
  it('reads the recorded order.json', () => {
    expect(renewalValues(details('order.json'))).toEqual({
      'certificate.common_name': 'digicert.com',
      'certificate.dns_names': ['digicert.com'],
      'organization.id': 117483,
      'container.id': 5,
      'certificate.server_platform.id': 45,
      'certificate.signature_hash': 'sha256',
      renewal_of_order_id: 123456789,
      renewed_thumbprint: '7D236B54D19D5EACF0881FAF24D51DFE5D23E945',
    });
  });

  it('reads the recorded ssl_ev_order.json, SANs included', () => {
    expect(renewalValues(details('ssl_ev_order.json'))).toMatchObject({
      'certificate.dns_names': ['digicert.com', 'www.digicert.com'],
      'organization.id': 117483,
      renewal_of_order_id: 123456789,
    });
  });

  it('prefers the order organization id and lower-cases the hash of a list row', () => {
    const orders = OrderListSchema.parse(JSON.parse(fixture('orders.json'))).orders.items;
    const row = { ...orders[0], certificate: { ...orders[0]?.certificate, signature_hash: 'SHA384' } };
    const values = renewalValues(row as (typeof orders)[number]);
    expect(values['certificate.signature_hash']).toBe('sha384');
    expect(values['organization.id']).toBe(117483);
    // A list row has no server platform: left out, never guessed.
    expect(values).not.toHaveProperty(['certificate.server_platform.id']);
  });

  it('leaves out what the order does not say', () => {
    const bare = OrderDetailsSchema.parse({
      id: 7,
      status: 'issued',
      certificate: { id: 1, common_name: 'a.example.com' },
      product: { name_id: 'ssl_basic' },
    });
    expect(renewalValues(bare)).toEqual({
      'certificate.common_name': 'a.example.com',
      renewal_of_order_id: 7,
    });
  });
});
