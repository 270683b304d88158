import { describe, expect, it } from 'vitest';
import { consolePattern, isRegion, regionHostPattern, regionOfHost, regionOrigin } from './region';

describe('regions', () => {
  it('names each instance once, in every form the code needs', () => {
    expect(regionOrigin('us')).toBe('https://www.digicert.com');
    expect(regionHostPattern('eu')).toBe('https://certcentral.digicert.eu/*');
    expect(consolePattern('eu')).toBe('https://certcentral.digicert.eu/secure/*');
  });

  it('knows a host only when it is exactly one of them', () => {
    expect(regionOfHost('certcentral.digicert.eu')).toBe('eu');
    expect(regionOfHost('digicert.com')).toBeUndefined();
    expect(regionOfHost('www.digicert.com.evil.example')).toBeUndefined();
    expect(isRegion('us')).toBe(true);
    expect(isRegion('US')).toBe(false);
  });
});
