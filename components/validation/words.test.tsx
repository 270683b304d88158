import { describe, expect, it } from 'vitest';
import { methodChoices } from './words';

describe('methodChoices', () => {
  it('leaves out the current method, http-token-dynamic, and http for wildcard names', () => {
    expect(methodChoices('dns-txt-token', ['example.com'])).toEqual([
      'email',
      'dns-cname-token',
      'http-token',
    ]);
    expect(methodChoices('email', ['*.example.com'])).toEqual(['dns-txt-token', 'dns-cname-token']);
  });
});
