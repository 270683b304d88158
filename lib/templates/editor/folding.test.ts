import { describe, expect, it } from 'vitest';
import { countFold, startsOpen } from './folding';
import { EDITOR_GROUPS, groupPaths } from './groups';

const billing = ['billing_address.address', 'billing_address.city', 'billing_address.zip'];
const none = () => [];

describe('countFold', () => {
  it('counts the fields, the ones set and the ones with a problem', () => {
    const count = countFold(
      billing,
      {
        'billing_address.city': { source: 'asked' },
        'billing_address.zip': { source: 'fixed', value: '' },
        comments: { source: 'fixed', value: 'elsewhere' },
      },
      (path) => (path === 'billing_address.zip' ? [{ message: 'Fill in a value' }] : []),
    );
    expect(count).toEqual({ fields: 3, set: 2, problems: 1 });
  });

  it('finds nothing set in an empty draft', () => {
    expect(countFold(billing, {}, none)).toEqual({ fields: 3, set: 0, problems: 0 });
  });
});

describe('startsOpen', () => {
  it('folds what holds nothing and opens what holds a value or a problem', () => {
    expect(startsOpen({ fields: 6, set: 0, problems: 0 })).toBe(false);
    expect(startsOpen({ fields: 6, set: 1, problems: 0 })).toBe(true);
    // A field left out that every order needs: nothing set, but its problem must be seen.
    expect(startsOpen({ fields: 6, set: 0, problems: 1 })).toBe(true);
  });

  it('opens the groups a new EV template uses and folds the others', () => {
    const fields = {
      'order_validity.years': { source: 'fixed', value: 1 },
      'certificate.common_name': { source: 'csr' },
      'organization.id': { source: 'fixed', value: '' },
    } as const;
    const open = EDITOR_GROUPS.filter((g) => startsOpen(countFold(groupPaths(g), fields, none))).map(
      (g) => g.id,
    );
    expect(open).toEqual(['product', 'names', 'organization']);
  });
});
