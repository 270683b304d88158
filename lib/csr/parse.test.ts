import { describe, expect, it } from 'vitest';
import { base64ToBytes } from './der';
import { parseCsr } from './parse';
import { makeCsr, tamperSignature } from './testing/make-csr';
import * as openssl from './testing/openssl-csrs';
import type { CsrFacts } from './types';

async function facts(input: string | Uint8Array | ArrayBuffer): Promise<CsrFacts> {
  const result = await parseCsr(input);
  if (!result.ok) throw new Error(`expected facts, got ${result.code}: ${result.message}`);
  return result;
}
const codes = (list: { code: string }[]) => list.map((p) => p.code);

describe('parseCsr: acceptable CSRs', () => {
  it('RSA 2048 with SANs and a full subject', async () => {
    const pem = await makeCsr({
      key: 'RSA-2048',
      subject: 'CN=www.example.com, O=Example Inc., L=Lehi, ST=Utah, C=US',
      dns: ['www.example.com', 'example.com', 'WWW.example.com'],
    });
    const f = await facts(pem);
    expect(f).toMatchObject({
      pem,
      commonName: 'www.example.com',
      subject: 'O=Example Inc., L=Lehi, ST=Utah, C=US',
      sans: ['www.example.com', 'example.com'], // the repeat in another case is dropped
      keyType: 'RSA',
      keySize: 2048,
      keyDescription: 'RSA 2048-bit',
      signatureAlgorithm: 'RSA with SHA-256',
      signatureValid: true,
      problems: [],
      warnings: [],
    });
    expect(f.subjectParts).toContainEqual({ name: 'O', value: 'Example Inc.' });
  });

  it('EC P-256 without SANs', async () => {
    const f = await facts(await makeCsr({ key: 'P-256', subject: 'CN=shop.example.org' }));
    expect(f).toMatchObject({
      commonName: 'shop.example.org',
      sans: [],
      keyType: 'EC',
      curve: 'P-256',
      keySize: 256,
    });
    expect(f).toMatchObject({ signatureAlgorithm: 'ECDSA with SHA-256', signatureValid: true, problems: [] });
  });

  it('EC P-384, a wildcard, names only in the SANs', async () => {
    const f = await facts(
      await makeCsr({ key: 'P-384', subject: '', dns: ['*.example.com', 'example.com'] }),
    );
    expect(f).toMatchObject({
      commonName: undefined,
      sans: ['*.example.com', 'example.com'],
      curve: 'P-384',
    });
    expect(f.problems).toEqual([]);
  });

  it('RSA-PSS signatures and SHA-1 signatures are checked; SHA-1 is a warning', async () => {
    expect(await facts(openssl.pss)).toMatchObject({
      signatureAlgorithm: 'RSA-PSS with SHA-256',
      signatureValid: true,
      problems: [],
    });
    const sha1 = await facts(await makeCsr({ key: 'RSA-2048-SHA1' }));
    expect([sha1.signatureValid, codes(sha1.problems), codes(sha1.warnings)]).toEqual([
      true,
      [],
      ['sha1_signature'],
    ]);
  });

  it('input from a dropped file (DER bytes or an ArrayBuffer) and pasted text with CRLF', async () => {
    const pem = await makeCsr({ key: 'P-256', dns: ['a.example.com'] });
    const der = base64ToBytes(pem.split('\n').slice(1, -1).join(''));
    expect((await facts(der)).pem).toBe(pem);
    expect((await facts(der.buffer)).sans).toEqual(['a.example.com']);
    expect((await facts(`  ${pem.replace(/\n/g, '\r\n')}\r\n`)).pem).toBe(pem);
  });
});

describe('parseCsr: refusals, each a sentence that says what to do', () => {
  it('RSA 1024 is refused as weak', async () => {
    const f = await facts(await makeCsr({ key: 'RSA-1024' }));
    expect([f.keySize, f.signatureValid, codes(f.problems)]).toEqual([1024, true, ['weak_key']]);
    expect(f.problems[0]?.message).toMatch(/1024 bits.*at least 2048.*new key/);
  });

  it('a 2047-bit RSA key, which x509 alone would call 2048', async () => {
    const f = await facts(openssl.odd);
    expect([f.keySize, codes(f.problems)]).toEqual([2047, ['weak_key']]);
  });

  it('an RSA exponent of 3 is a warning', async () => {
    const f = await facts(openssl.e3);
    expect([codes(f.problems), codes(f.warnings)]).toEqual([[], ['small_rsa_exponent']]);
  });

  it.each([
    ['P-521', 'curve_not_accepted', /P-521.*only P-256 and P-384/],
    ['Ed25519', 'key_type_not_accepted', /Ed25519.*only RSA keys/],
  ] as const)('%s keys made with WebCrypto', async (key, code, message) => {
    const f = await facts(await makeCsr({ key }));
    expect(codes(f.problems)).toEqual([code]);
    expect(f.problems[0]?.message).toMatch(message);
  });

  it.each([
    ['k1', openssl.k1, 'EC', 'curve_not_accepted', /secp256k1/],
    ['bp', openssl.bp, 'EC', 'curve_not_accepted', /brainpoolP256r1/],
    ['explicit', openssl.explicit, 'EC', 'explicit_curve', /spells out its curve/],
    ['dsa', openssl.dsa, 'DSA', 'key_type_not_accepted', /key is DSA/],
    ['ed448', openssl.ed448, 'Ed448', 'key_type_not_accepted', /Ed448/],
  ] as const)('OpenSSL CSR %s', async (_, pem, keyType, code, message) => {
    const f = await facts(pem);
    expect([f.keyType, codes(f.problems)]).toEqual([keyType, [code]]);
    expect(f.problems[0]?.message).toMatch(message);
  });

  it('an MD5 signature cannot be checked and is refused', async () => {
    const f = await facts(openssl.md5);
    expect([f.signatureAlgorithm, f.signatureValid, codes(f.problems)]).toEqual([
      'RSA with MD5',
      false,
      ['signature_unverifiable'],
    ]);
  });

  it.each(['RSA-2048', 'P-256'] as const)(
    'one changed bit in a %s signature: signatureValid false and a problem',
    async (key) => {
      const f = await facts(tamperSignature(await makeCsr({ key, dns: ['www.example.com'] })));
      expect([f.signatureValid, codes(f.problems)]).toEqual([false, ['bad_signature']]);
      expect(f.problems[0]?.message).toMatch(/changed or damaged/);
    },
  );

  it('a CSR that names no domain', async () => {
    const f = await facts(await makeCsr({ key: 'P-256', subject: 'O=Example' }));
    expect(codes(f.problems)).toEqual(['no_names']);
  });
});

describe('parseCsr: warnings about names', () => {
  it('a CN that is not a host name, IP and email SANs', async () => {
    const f = await facts(openssl.oddNames);
    expect(f).toMatchObject({
      commonName: 'My Web Server',
      sans: ['www.example.com'],
      ipAddresses: ['192.0.2.1'],
      problems: [],
    });
    expect(codes(f.warnings).sort()).toEqual(['ip_address', 'not_a_host_name', 'other_san']);
    expect(f.warnings.find((w) => w.code === 'other_san')?.message).toMatch(/email:admin@example.com/);
  });

  it('several CNs: the first is used', async () => {
    const f = await facts(await makeCsr({ key: 'P-256', subject: 'CN=a.example.com, CN=b.example.com' }));
    expect([f.commonName, codes(f.warnings)]).toEqual(['a.example.com', ['several_common_names']]);
  });
});

describe('parseCsr: input errors come straight from the cheap checks', () => {
  it('a private key is refused without loading anything', async () => {
    const r = await parseCsr('-----BEGIN PRIVATE KEY-----\nMIIEvQ==\n-----END PRIVATE KEY-----');
    expect(r.ok || r.code).toBe('private_key');
  });

  it('a certificate', async () => {
    const r = await parseCsr(openssl.certificate);
    expect(r.ok || r.code).toBe('certificate');
  });

  it('a well-formed DER structure that x509 cannot read as a CSR', async () => {
    // SEQUENCE { SEQUENCE { INTEGER 0, SEQUENCE {} } }: shaped like a CSR, but nothing more.
    const r = await parseCsr(new Uint8Array([0x30, 0x07, 0x30, 0x05, 0x02, 0x01, 0x00, 0x30, 0x00]));
    expect(r.ok || r.code).toBe('not_csr');
  });
});
