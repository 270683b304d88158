// The key types the form offers for "make a key and CSR here", with labels, and the file names to
// offer for the downloads. Cheap (no x509), so the form can show the menu before anything is loaded.
import type { MessageKey } from '../i18n';
import { normaliseName } from './host';

export type KeyChoice = 'ECDSA-P256' | 'ECDSA-P384' | 'RSA-2048' | 'RSA-3072' | 'RSA-4096';

export interface KeySpec {
  /** For the menu: its message in the catalogue (lib/i18n). */
  label: MessageKey;
  /** As parseCsr describes the key: 'ECDSA P-256', 'RSA 2048-bit'. */
  description: string;
  generate: RsaHashedKeyGenParams | EcKeyGenParams;
  sign: Algorithm | EcdsaParams;
}

// RSA: PKCS#1 v1.5 signatures with SHA-256 and the standard exponent 65537, which every CA and client accepts.
const rsa = (bits: number, label: MessageKey): KeySpec => ({
  label,
  description: `RSA ${bits}-bit`,
  generate: {
    name: 'RSASSA-PKCS1-v1_5',
    modulusLength: bits,
    publicExponent: new Uint8Array([1, 0, 1]),
    hash: 'SHA-256',
  },
  sign: { name: 'RSASSA-PKCS1-v1_5' },
});
// ECDSA: each curve with the hash of matching strength, as the Baseline Requirements pair them.
const ec = (curve: 'P-256' | 'P-384', hash: string, label: MessageKey): KeySpec => ({
  label,
  description: `ECDSA ${curve}`,
  generate: { name: 'ECDSA', namedCurve: curve },
  sign: { name: 'ECDSA', hash } as EcdsaParams,
});

/** Every choice, in the order a menu should offer them. */
export const KEY_CHOICES: Record<KeyChoice, KeySpec> = {
  'ECDSA-P256': ec('P-256', 'SHA-256', 'popup_key_ecdsa_p256'),
  'ECDSA-P384': ec('P-384', 'SHA-384', 'popup_key_ecdsa_p384'),
  'RSA-2048': rsa(2048, 'popup_key_rsa_2048'),
  'RSA-3072': rsa(3072, 'popup_key_rsa_3072'),
  'RSA-4096': rsa(4096, 'popup_key_rsa_4096'),
};

/** File names to offer: "www.example.com.key" and ".csr"; a wildcard's "*" becomes "star". */
export function suggestedFileNames(commonName: string): { key: string; csr: string } {
  const base =
    normaliseName(commonName)
      .replace(/^\*/, 'star')
      .replace(/[^a-z0-9._-]/g, '_') || 'request';
  return { key: `${base}.key`, csr: `${base}.csr` };
}
