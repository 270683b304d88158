// The fake must behave as documented, or the engine's tests prove nothing.
import { describe, expect, it } from 'vitest';
import { CertCentralError } from '../../certcentral/errors';
import { cancelOrder, findOrdersByAlternativeId, getOrder, placeOrder } from '../../certcentral/orders';
import { createFakeCertCentral } from './fake-certcentral';

const body = { certificate: { common_name: 'example.com' }, alternative_order_id: 'alt-1' };

describe('fake CertCentral', () => {
  it('places, finds by alternative_order_id, reads and cancels an order', async () => {
    const fake = createFakeCertCentral();
    const t = fake.transport;
    expect(await findOrdersByAlternativeId(t, 'alt-1')).toMatchObject({ orders: [] });
    const placed = await placeOrder(t, 'ssl_ev_securesite_pro', body);
    expect(placed).toMatchObject({ id: 1001, requests: { items: [{ id: 10001 }] }, certificate_id: 6001 });
    expect((await findOrdersByAlternativeId(t, 'alt-1')).orders).toEqual([
      { order_id: 1001, certificate_id: 6001, status: 'pending' },
    ]);
    expect(await getOrder(t, 1001)).toMatchObject({
      status: 'pending',
      certificate: { common_name: 'example.com' },
    });
    await cancelOrder(t, 1001, 'no longer needed');
    await expect(cancelOrder(t, 1001, 'again')).rejects.toMatchObject({ status: 400 });
  });

  it('marks a lost answer to a POST as outcome unknown, after storing the order', async () => {
    const fake = createFakeCertCentral();
    fake.faults.post.push({ kind: 'lose-response' });
    const err = await placeOrder(fake.transport, 'p', body).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CertCentralError);
    expect((err as CertCentralError).outcomeUnknown).toBe(true);
    expect(fake.orders).toHaveLength(1);
  });

  it('enforces unique alternative order ids when the account says so', async () => {
    const fake = createFakeCertCentral({ uniqueAlternativeIds: true });
    await placeOrder(fake.transport, 'p', body);
    await expect(placeOrder(fake.transport, 'p', body)).rejects.toMatchObject({
      status: 400,
      errors: [{ code: 'duplicate_alternative_order_id' }],
    });
    expect(fake.orders).toHaveLength(1);
  });

  it('a silent resend stores two orders and answers with the second', async () => {
    const fake = createFakeCertCentral();
    fake.faults.post.push({ kind: 'silent-resend' });
    expect((await placeOrder(fake.transport, 'p', body)).id).toBe(1002);
    expect(fake.orders.map((o) => o.id)).toEqual([1001, 1002]);
  });
});
