import { describe, expect, it } from 'vitest';
import { looksLikeIpAddress } from './host';

describe('looksLikeIpAddress', () => {
  it.each([
    ['192.0.2.1', true],
    ['::1', true],
    ['2001:db8::8a2e:370:7334', true],
    ['::ffff:192.0.2.1', true],
    ['example.com', false],
    ['192.0.2', false],
    ['cafe', false],
  ])('%s → %s', (name, expected) => expect(looksLikeIpAddress(name)).toBe(expected));

  it('answers a long run of colons followed by a letter (once quadratic)', () => {
    expect(looksLikeIpAddress(`${':'.repeat(100_000)}x`)).toBe(false);
  });
});
