// Builds CSRs in tests, including kinds generate.ts will not make (RSA 1024, SHA-1, P-521, Ed25519,
// no names). Key pairs are cached per kind: RSA generation is the slow part of the suite.
import { loadX509 } from '../load';

export type TestKey = 'RSA-1024' | 'RSA-2048' | 'RSA-2048-SHA1' | 'P-256' | 'P-384' | 'P-521' | 'Ed25519';

const rsa = (bits: number, hash: string) => ({
  gen: { name: 'RSASSA-PKCS1-v1_5', modulusLength: bits, publicExponent: new Uint8Array([1, 0, 1]), hash },
  sign: { name: 'RSASSA-PKCS1-v1_5' },
});
const SPECS: Record<TestKey, { gen: Algorithm; sign: Algorithm }> = {
  'RSA-1024': rsa(1024, 'SHA-256'),
  'RSA-2048': rsa(2048, 'SHA-256'),
  'RSA-2048-SHA1': rsa(2048, 'SHA-1'),
  'P-256': {
    gen: { name: 'ECDSA', namedCurve: 'P-256' } as EcKeyGenParams,
    sign: { name: 'ECDSA', hash: 'SHA-256' } as EcdsaParams,
  },
  'P-384': {
    gen: { name: 'ECDSA', namedCurve: 'P-384' } as EcKeyGenParams,
    sign: { name: 'ECDSA', hash: 'SHA-384' } as EcdsaParams,
  },
  'P-521': {
    gen: { name: 'ECDSA', namedCurve: 'P-521' } as EcKeyGenParams,
    sign: { name: 'ECDSA', hash: 'SHA-512' } as EcdsaParams,
  },
  Ed25519: { gen: { name: 'Ed25519' }, sign: { name: 'Ed25519' } },
};

const keyCache = new Map<TestKey, Promise<CryptoKeyPair>>();

export interface TestCsr {
  key: TestKey;
  /** Subject as x509 text, e.g. 'CN=www.example.com, O=Example'; '' for an empty subject. */
  subject?: string;
  dns?: string[];
  ips?: string[];
}

export async function makeCsr({
  key,
  subject = 'CN=www.example.com',
  dns = [],
  ips = [],
}: TestCsr): Promise<string> {
  const x509 = await loadX509();
  const spec = SPECS[key];
  let keys = keyCache.get(key);
  if (!keys) {
    keys = crypto.subtle.generateKey(spec.gen, false, ['sign', 'verify']) as Promise<CryptoKeyPair>;
    keyCache.set(key, keys);
  }
  const names = [
    ...dns.map((value) => ({ type: 'dns' as const, value })),
    ...ips.map((value) => ({ type: 'ip' as const, value })),
  ];
  const csr = await x509.Pkcs10CertificateRequestGenerator.create({
    name: subject || [],
    keys: await keys,
    signingAlgorithm: spec.sign,
    extensions: names.length ? [new x509.SubjectAlternativeNameExtension(names)] : [],
  });
  return csr.toString('pem');
}

/** Flips one bit near the end of the DER, inside the signature, and returns the PEM. */
export function tamperSignature(pem: string): string {
  const body = pem.replace(/-----[^-]+-----|\s/g, '');
  const der = Uint8Array.from(atob(body), (c) => c.charCodeAt(0));
  der[der.length - 4] = (der[der.length - 4] ?? 0) ^ 0x01;
  const b64 = btoa(String.fromCharCode(...der));
  return `-----BEGIN CERTIFICATE REQUEST-----\n${b64.match(/.{1,64}/g)?.join('\n')}\n-----END CERTIFICATE REQUEST-----`;
}
