import { describe, expect, it } from 'vitest';
import { generateKeyAndCsr } from './generate';
import { type KeyChoice, suggestedFileNames } from './key-choices';
import { parseCsr } from './parse';

/** Signs with the downloaded private key and verifies with the CSR's public key: they are a pair. */
async function keyMatchesCsr(privateKeyPem: string, csrPem: string, keyType: KeyChoice): Promise<boolean> {
  const { loadX509 } = await import('./load');
  const x509 = await loadX509();
  const der = x509.PemConverter.decodeFirst(privateKeyPem);
  const alg = keyType.startsWith('RSA')
    ? { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' }
    : { name: 'ECDSA', namedCurve: keyType === 'ECDSA-P256' ? 'P-256' : 'P-384' };
  const sign = keyType.startsWith('RSA') ? alg : { name: 'ECDSA', hash: 'SHA-256' };
  const priv = await crypto.subtle.importKey('pkcs8', der, alg, false, ['sign']);
  const pub = await new x509.Pkcs10CertificateRequest(csrPem).publicKey.export(alg, ['verify']);
  const data = new TextEncoder().encode('proof');
  return crypto.subtle.verify(sign, pub, await crypto.subtle.sign(sign, priv, data), data);
}

describe('generateKeyAndCsr', () => {
  // RSA-4096 is left out: it works the same way and takes seconds to generate.
  it.each([
    ['ECDSA-P256', 'ECDSA P-256', 'ECDSA with SHA-256'],
    ['ECDSA-P384', 'ECDSA P-384', 'ECDSA with SHA-384'],
    ['RSA-2048', 'RSA 2048-bit', 'RSA with SHA-256'],
    ['RSA-3072', 'RSA 3072-bit', 'RSA with SHA-256'],
  ] as const)(
    '%s: a CSR that parses back clean, and its PKCS#8 private key',
    async (keyType, description, signature) => {
      const out = await generateKeyAndCsr({
        commonName: 'www.example.com',
        dnsNames: ['example.com'],
        keyType,
      });
      expect(out.keyDescription).toBe(description);
      expect(out.privateKeyPem).toMatch(
        /^-----BEGIN PRIVATE KEY-----\n[A-Za-z0-9+/=\n]+\n-----END PRIVATE KEY-----$/,
      );
      const facts = await parseCsr(out.csrPem);
      if (!facts.ok) throw new Error(facts.message);
      expect(facts).toMatchObject({
        pem: out.csrPem,
        commonName: 'www.example.com',
        sans: ['www.example.com', 'example.com'],
        keyDescription: description,
        signatureAlgorithm: signature,
        signatureValid: true,
        problems: [],
        warnings: [],
      });
      expect(await keyMatchesCsr(out.privateKeyPem, out.csrPem, keyType)).toBe(true);
    },
  );

  it('a wildcard, a subject, names tidied: the CN is always a SAN, repeats dropped', async () => {
    const out = await generateKeyAndCsr({
      commonName: ' *.Example.com ',
      dnsNames: ['example.com', '*.example.com', 'EXAMPLE.com.'],
      keyType: 'ECDSA-P256',
      subject: { O: 'Example Inc.', L: 'Lehi', ST: 'Utah', C: 'us' },
    });
    const facts = await parseCsr(out.csrPem);
    expect(facts).toMatchObject({
      commonName: '*.example.com',
      sans: ['*.example.com', 'example.com'],
      subject: 'C=US, ST=Utah, L=Lehi, O=Example Inc.',
    });
  });

  it('unusable input is an Error with a sentence', async () => {
    await expect(generateKeyAndCsr({ commonName: ' ', keyType: 'ECDSA-P256' })).rejects.toThrow(
      /Enter the common name/,
    );
    await expect(
      generateKeyAndCsr({ commonName: `${'a'.repeat(60)}.example.com`, keyType: 'ECDSA-P256' }),
    ).rejects.toThrow(/longer than 64/);
    await expect(
      generateKeyAndCsr({ commonName: 'www.example.com', keyType: 'ECDSA-P256', subject: { C: 'USA' } }),
    ).rejects.toThrow(/two-letter code/);
  });
});

describe('suggestedFileNames', () => {
  it.each([
    ['www.example.com', 'www.example.com.key'],
    ['*.example.com', 'star.example.com.key'],
    ['', 'request.key'],
  ])('%s', (cn, key) => {
    expect(suggestedFileNames(cn).key).toBe(key);
  });
});
