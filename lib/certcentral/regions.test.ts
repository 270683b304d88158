import { describe, expect, it } from 'vitest';
import { isRegion } from '../region';
import { API_BASE_URLS, CONSOLE_BASE_URLS, consoleOrderUrl } from './regions';

describe('regions', () => {
  it('has the documented API and console bases', () => {
    expect(API_BASE_URLS).toEqual({
      us: 'https://www.digicert.com/services/v2',
      eu: 'https://certcentral.digicert.eu/services/v2',
    });
    expect(CONSOLE_BASE_URLS).toEqual({
      us: 'https://www.digicert.com/secure/',
      eu: 'https://certcentral.digicert.eu/secure/',
    });
  });

  it('links an order in the console of its region', () => {
    expect(consoleOrderUrl('us', 123456789)).toBe('https://www.digicert.com/secure/orders/#123456789');
    expect(consoleOrderUrl('eu', 42)).toBe('https://certcentral.digicert.eu/secure/orders/#42');
  });

  it.each([0, -1, 1.5, Number.NaN])('refuses order id %s', (id) => {
    expect(() => consoleOrderUrl('us', id)).toThrow(RangeError);
  });

  it('recognises regions', () => {
    expect(isRegion('us')).toBe(true);
    expect(isRegion('eu')).toBe(true);
    expect(isRegion('EU')).toBe(false);
  });
});
