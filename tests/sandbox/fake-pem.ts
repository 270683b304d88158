// Deterministic PEM-looking certificates for downloads and immediate issuance. Not real DER: clients
// store and show them, and the sandbox never claims they verify.
import { fakeHex, type StoredOrder } from './state';

function block(label: string, seed: number): string {
  let b64 = Buffer.from(`MII-sandbox-${fakeHex(seed, 400)}`).toString('base64');
  b64 = b64.replace(/=+$/, '');
  const lines = b64.match(/.{1,64}/g) ?? [];
  return `-----BEGIN ${label}-----\r\n${lines.join('\r\n')}\r\n-----END ${label}-----\r\n`;
}

export function fakeChain(order: StoredOrder) {
  return [
    { subject_common_name: order.common_name, pem: block('CERTIFICATE', order.certificate_id) },
    { subject_common_name: 'DigiCert Global G2 TLS RSA SHA256 2020 CA1', pem: block('CERTIFICATE', 2) },
    { subject_common_name: 'DigiCert Global Root G2', pem: block('CERTIFICATE', 1) },
  ];
}

export function fakeCertificatePem(order: StoredOrder, format: string): string {
  const chain = fakeChain(order).map((c) => c.pem);
  if (format === 'p7b') return block('PKCS7', order.certificate_id);
  if (format === 'pem') return chain[0] ?? '';
  return (format === 'pem_noroot' ? chain.slice(0, 2) : chain).join('');
}
