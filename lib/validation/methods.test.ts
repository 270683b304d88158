import { describe, expect, it } from 'vitest';
import { dcvInstruction, dcvMethodKind } from './methods';

describe('instructions and methods', () => {
  it('knows the documented methods and keeps others as unknown', () => {
    expect(dcvMethodKind('dns-txt-token')).toBe('dns-txt-token');
    expect(dcvMethodKind('dns-caa-token')).toBe('unknown');
    expect(dcvMethodKind(undefined)).toBe('unknown');
  });

  it('says where each method’s value goes', () => {
    expect(dcvInstruction('dns-txt-token', '*.example.com', 'v')).toEqual({
      kind: 'dns-txt',
      host: 'example.com',
      alternativeHost: '_dnsauth.example.com',
      value: 'v',
    });
    expect(dcvInstruction('dns-cname-token', 'example.com', 'v')).toEqual({
      kind: 'dns-cname',
      host: 'v.example.com',
      target: 'dcv.digicert.com',
    });
    expect(dcvInstruction('http-token', 'example.com', 'v')).toEqual({
      kind: 'http',
      url: 'http://example.com/.well-known/pki-validation/fileauth.txt',
      content: 'v',
    });
    expect(dcvInstruction('carrier-pigeon', 'example.com', 'v')).toEqual({
      kind: 'unknown',
      method: 'carrier-pigeon',
    });
  });
});
