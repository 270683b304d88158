// Self-signed TLS certificate for the sandbox. Chromium runs with --ignore-certificate-errors and the
// test helpers pass rejectUnauthorized: false, so the certificate only has to be well-formed; it names
// both CertCentral hosts (US and EU, docs/certcentral-api.md "Transport") plus loopback.
import './reflect-shim';
import { webcrypto } from 'node:crypto';
import * as x509 from '@peculiar/x509';

export interface TlsMaterial {
  cert: string;
  key: string;
}

let cached: Promise<TlsMaterial> | undefined;

/** Generated once per process and kept in memory: key generation is the slowest step of startup. */
export function sandboxTls(): Promise<TlsMaterial> {
  cached ??= generate();
  return cached;
}

async function generate(): Promise<TlsMaterial> {
  const crypto = webcrypto as unknown as Crypto;
  x509.cryptoProvider.set(crypto);
  const alg = { name: 'ECDSA', namedCurve: 'P-256', hash: 'SHA-256' };
  const keys = (await crypto.subtle.generateKey(alg, true, ['sign', 'verify'])) as CryptoKeyPair;
  const now = Date.now();
  const cert = await x509.X509CertificateGenerator.createSelfSigned(
    {
      serialNumber: '01',
      name: 'CN=www.digicert.com, O=CertCentral Sandbox',
      notBefore: new Date(now - 24 * 3600 * 1000),
      notAfter: new Date(now + 365 * 24 * 3600 * 1000),
      signingAlgorithm: alg,
      keys,
      extensions: [
        new x509.SubjectAlternativeNameExtension([
          { type: 'dns', value: 'www.digicert.com' },
          { type: 'dns', value: 'certcentral.digicert.eu' },
          { type: 'dns', value: 'localhost' },
          { type: 'ip', value: '127.0.0.1' },
        ]),
        new x509.BasicConstraintsExtension(false, undefined, true),
      ],
    },
    crypto,
  );
  const pkcs8 = await crypto.subtle.exportKey('pkcs8', keys.privateKey);
  const key = x509.PemConverter.encode(pkcs8, 'PRIVATE KEY');
  return { cert: cert.toString('pem'), key };
}
