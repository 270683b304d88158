import { describe, expect, it } from 'vitest';
import { DEPRECATED_FIELDS, ORDER_FIELDS } from '../../order';
import { alwaysRequired, EDITABLE_FIELDS, fieldLabel, sourcesFor } from './fields';
import { EDITOR_GROUPS, groupPaths } from './groups';

describe('editor groups', () => {
  const grouped = EDITOR_GROUPS.flatMap(groupPaths);

  it('offers every editable field exactly once', () => {
    expect([...grouped].sort()).toEqual(EDITABLE_FIELDS.map((f) => f.path).sort());
    expect(new Set(grouped).size).toBe(grouped.length);
  });

  it('offers every value field of the body except deprecated and per-order ones', () => {
    const values = ORDER_FIELDS.filter((f) => f.type !== 'object' && !f.path.includes('[]')).map(
      (f) => f.path,
    );
    const left = values.filter((p) => !grouped.includes(p)).sort();
    expect(left).toEqual([...DEPRECATED_FIELDS.map((d) => d.path), 'alternative_order_id'].sort());
  });

  it('names each field in words, not as a JSON path', () => {
    for (const path of grouped) expect(fieldLabel(path)).not.toMatch(/[._]/);
    expect(fieldLabel('technical_contact.first_name')).toBe('Technical contact: first name');
    expect(fieldLabel('credit_card.cvv')).toBe('Card: CVV');
  });

  it('offers only sources that make sense', () => {
    expect(sourcesFor('credit_card.number')).toEqual(['asked']);
    expect(sourcesFor('certificate.common_name')).toEqual(['fixed', 'asked', 'renewal', 'csr']);
    expect(sourcesFor('comments')).toEqual(['fixed', 'asked']);
    expect(sourcesFor('renewal_of_order_id')).toEqual(['asked', 'renewal']);
  });

  it('knows which fields every order needs', () => {
    expect(alwaysRequired('certificate.common_name')).toBe(true);
    expect(alwaysRequired('container.id')).toBe(false);
    expect(alwaysRequired('order_validity.years')).toBe(false);
  });
});
