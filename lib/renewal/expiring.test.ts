import { describe, expect, it } from 'vitest';
import { DETAILS_LIMIT, listExpiring } from './expiring';
import { detailsBody, httpError, tableTransport } from './testing';

const NOW = new Date('2026-06-01T09:00:00Z');
const facts = { now: NOW, renewals: new Map() };
const day = (offset: number) => new Date(NOW.getTime() + offset * 86_400_000).toISOString().slice(0, 10);

function row(id: number, daysLeft: number, patch: Record<string, unknown> = {}) {
  const { certificate, ...rest } = detailsBody(id, patch, { valid_till: day(daysLeft) });
  const { csr: _csr, server_platform: _sp, ...cert } = certificate;
  return { ...rest, certificate: cert };
}

const ROWS = [
  row(1, 5),
  row(2, 40),
  row(3, 12, { product: { name_id: 'ssl_basic', name: 'Basic OV' } }),
  row(4, -3),
  row(5, -10),
  row(6, 29, { organization: { id: 60001, name: 'EV Corp' }, container: { id: 50002, name: 'Child' } }),
  { id: 7, status: 'issued', certificate: { common_name: 'no-date.example.com' } },
];

function api(rows: unknown[], failing: number[] = []) {
  return tableTransport((path, query) => {
    if (path === '/order/certificate') {
      expect(query?.['filters[status]']).toBe('issued');
      const offset = Number(query?.offset ?? 0);
      return { orders: rows.slice(offset), page: { total: rows.length, limit: 1000, offset } };
    }
    const id = Number(path.split('/').pop());
    if (failing.includes(id)) return httpError(500, 'internal_error');
    const found = rows.find((r) => (r as { id: number }).id === id) as ReturnType<typeof row>;
    return detailsBody(id, {}, { valid_till: found.certificate.valid_till });
  });
}

describe('listExpiring', () => {
  it('keeps issued orders ending within N days (and those ended this week), nearest first', async () => {
    const { transport } = api(ROWS);
    const { orders } = await listExpiring(transport, { withinDays: 30 }, facts);
    expect(orders.map((o) => [o.orderId, o.daysRemaining])).toEqual([
      [4, -3],
      [1, 5],
      [3, 12],
      [6, 29],
    ]);
    // Read through the details call: the CSR and the server platform are known.
    expect(orders[0]).toMatchObject({
      csrAvailable: true,
      renewalValues: { 'certificate.server_platform.id': 45 },
    });
  });

  it.each([
    [{ productNameId: 'ssl_basic' }, [3]],
    [{ organizationId: 60001 }, [6]],
    [{ containerId: 50002 }, [6]],
    [{ withinDays: 0 }, [4]],
  ])('filters by %o', async (filter, ids) => {
    const { transport } = api(ROWS);
    const { orders } = await listExpiring(transport, { withinDays: 30, ...filter }, facts);
    expect(orders.map((o) => o.orderId)).toEqual(ids);
  });

  it(`reads details for the nearest ${DETAILS_LIMIT} only; a failed details call keeps the row`, async () => {
    const many = Array.from({ length: DETAILS_LIMIT + 5 }, (_, i) => row(100 + i, 1 + (i % 20)));
    const { transport, calls } = api(many, [100]);
    const { orders } = await listExpiring(transport, { withinDays: 30 }, facts);
    expect(orders).toHaveLength(DETAILS_LIMIT + 5);
    expect(calls.filter((c) => c !== '/order/certificate')).toHaveLength(DETAILS_LIMIT);
    expect(orders.find((o) => o.orderId === 100)?.csrAvailable).toBe(false);
    expect(orders.filter((o) => !o.csrAvailable)).toHaveLength(6);
  });

  it('names a row it cannot read and lists the others', async () => {
    const { transport } = api([...ROWS, { id: 99, certificate: { valid_till: '2026-12-01' } }]);
    const { orders, unreadable } = await listExpiring(transport, { withinDays: 30 }, facts);
    expect(orders.map((o) => o.orderId)).toEqual([4, 1, 3, 6]);
    expect(unreadable).toEqual([
      { label: 'Order 99', reason: expect.stringMatching(/cannot read \(status: /) },
    ]);
  });
});
