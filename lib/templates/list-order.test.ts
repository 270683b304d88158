import { describe, expect, it } from 'vitest';
import { byLastUse } from './list-order';

const names = (list: { name: string; lastUsedAt?: string }[]) => [...list].sort(byLastUse).map((t) => t.name);

describe('the order of the template lists', () => {
  it('puts the most recently used first, then the never used by name', () => {
    expect(
      names([
        { name: 'B never' },
        { name: 'Old', lastUsedAt: '2026-11-01T10:00:00.000Z' },
        { name: 'A never' },
        { name: 'New', lastUsedAt: '2026-12-01T10:00:00.000Z' },
      ]),
    ).toEqual(['New', 'Old', 'A never', 'B never']);
  });

  it('reads numbers in names by their value, and ignores case', () => {
    expect(names([{ name: 'Shop 10' }, { name: 'shop 2' }, { name: 'Shop 1' }])).toEqual([
      'Shop 1',
      'shop 2',
      'Shop 10',
    ]);
  });

  it('orders two uses at the same moment by name', () => {
    const at = '2026-12-01T10:00:00.000Z';
    expect(
      names([
        { name: 'Shop 10', lastUsedAt: at },
        { name: 'Shop 9', lastUsedAt: at },
      ]),
    ).toEqual(['Shop 9', 'Shop 10']);
  });
});
