import { describe, expect, it } from 'vitest';
import { daysLeft, templatesFor } from './present';

describe('daysLeft', () => {
  it.each([
    [undefined, ''],
    [-3, 'expired 3 days ago'],
    [-1, 'expired 1 day ago'],
    [0, 'expires today'],
    [1, '1 day left'],
    [29, '29 days left'],
  ])('%s → %j', (days, text) => {
    expect(daysLeft(days)).toBe(text);
  });
});

describe('templatesFor', () => {
  const t = (id: string, product: string, organizationName?: string) => ({
    id,
    name: id,
    product,
    ...(organizationName ? { organizationName } : {}),
  });
  it('offers the same product and organization first, keeping the rest in their order', () => {
    const list = [
      t('other', 'ssl_basic'),
      t('product', 'ssl_ev_basic'),
      t('both', 'ssl_ev_basic', 'Acme'),
      t('org', 'ssl_basic', 'Acme'),
    ];
    const order = { product: { nameId: 'ssl_ev_basic', name: 'Basic EV' }, organization: { name: 'Acme' } };
    expect(templatesFor(order, list).map((x) => x.id)).toEqual(['both', 'product', 'org', 'other']);
  });
});
