// docs/certcentral-api.md "download": `GET /certificate/{certificate_id}/download/format/{format}` → the certificate as text.
import type { Transport } from './transport';
import { segment } from './transport-util';

/** The formats the extension offers; DigiCert has more (docs/certcentral-api.md lists `...`). */
export const CERTIFICATE_FORMATS = ['pem_all', 'pem_noroot', 'p7b'] as const;
export type CertificateFormat = (typeof CERTIFICATE_FORMATS)[number];

export function downloadCertificate(
  t: Transport,
  certificateId: number,
  format: CertificateFormat,
): Promise<string> {
  return t.getText(`/certificate/${segment(certificateId)}/download/format/${segment(format)}`);
}
