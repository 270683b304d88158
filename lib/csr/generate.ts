// Makes a new key pair and CSR in the browser for the order's names: WebCrypto makes the key,
// @peculiar/x509 (loaded on first use) writes and signs the request. The private key is exported once
// as PKCS#8 PEM for the caller to offer as a download; nothing here keeps or stores it, and the
// CryptoKey objects go out of scope when this returns. (WebCrypto can only export an extractable key,
// and cannot make it unextractable afterwards, so the key is extractable but never leaves this function
// except as that one PEM string.)
import { t } from '../i18n';
import { toPem } from './der';
import { normaliseName } from './host';
import { KEY_CHOICES, type KeyChoice } from './key-choices';
import { loadX509 } from './load';

export interface GenerateRequest {
  commonName: string;
  /** Further names; the common name is always a SAN too, and repeats are dropped. */
  dnsNames?: string[];
  keyType: KeyChoice;
  /** Organization, locality, state or province, two-letter country. Empty values are left out. */
  subject?: { O?: string; L?: string; ST?: string; C?: string };
}

export interface GeneratedKeyAndCsr {
  csrPem: string;
  /** PKCS#8 PEM ("BEGIN PRIVATE KEY"). Offer it as a download once, then drop every reference to it. */
  privateKeyPem: string;
  keyDescription: string;
}

/** Throws an Error whose message is a sentence for the user when the names or subject are unusable. */
export async function generateKeyAndCsr(request: GenerateRequest): Promise<GeneratedKeyAndCsr> {
  const spec = KEY_CHOICES[request.keyType];
  if (!spec) throw new Error(t('popup_csr_unknown_key_type', JSON.stringify(request.keyType)));
  const commonName = normaliseName(request.commonName);
  if (!commonName) throw new Error(t('popup_csr_enter_cn'));
  if (commonName.length > 64) throw new Error(t('popup_csr_cn_too_long', commonName));
  const names = [...new Set([commonName, ...(request.dnsNames ?? []).map(normaliseName)])].filter(Boolean);
  const name = subjectName(commonName, request.subject); // checked before the slow part
  const x509 = await loadX509();
  const keys = (await crypto.subtle.generateKey(spec.generate, true, ['sign', 'verify'])) as CryptoKeyPair;
  const csr = await x509.Pkcs10CertificateRequestGenerator.create({
    name,
    keys,
    signingAlgorithm: spec.sign,
    extensions: [
      new x509.SubjectAlternativeNameExtension(names.map((value) => ({ type: 'dns' as const, value }))),
    ],
  });
  const pkcs8 = new Uint8Array(await crypto.subtle.exportKey('pkcs8', keys.privateKey));
  return {
    csrPem: csr.toString('pem'),
    privateKeyPem: toPem(pkcs8, 'PRIVATE KEY'),
    keyDescription: spec.description,
  };
}

/** Most significant part first, as OpenSSL writes it: C, ST, L, O, CN. */
function subjectName(
  commonName: string,
  subject: GenerateRequest['subject'] = {},
): Record<string, string[]>[] {
  const country = subject.C?.trim().toUpperCase();
  if (country && !/^[A-Z]{2}$/.test(country))
    throw new Error(t('popup_csr_country', JSON.stringify(subject.C)));
  const parts: [string, string | undefined][] = [
    ['C', country],
    ['ST', subject.ST?.trim()],
    ['L', subject.L?.trim()],
    ['O', subject.O?.trim()],
    ['CN', commonName],
  ];
  return parts.filter((p): p is [string, string] => !!p[1]).map(([k, v]) => ({ [k]: [v] }));
}
