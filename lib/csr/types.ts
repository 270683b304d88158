// Shapes shared by the CSR modules. Type-only, so the cheap modules (pem.ts, compare.ts) and the UI
// can use them without pulling in @peculiar/x509.

/** Why pasted or dropped input is not a usable CSR at all. `message` is a sentence for the user. */
export type CsrErrorCode =
  | 'empty'
  | 'too_large'
  | 'private_key' // the caller must clear the input and keep it out of drafts and logs
  | 'certificate'
  | 'public_key'
  | 'other_pem'
  | 'no_csr'
  | 'multiple'
  | 'truncated'
  | 'trailing_data'
  | 'bad_base64'
  | 'binary'
  | 'not_csr'
  | 'load_failed';

export interface CsrError {
  ok: false;
  code: CsrErrorCode;
  message: string;
}

/** A refusal (in `problems`) or something worth showing (in `warnings`) about a CSR that did parse. */
export type CsrProblemCode =
  | 'weak_key'
  | 'rsa_modulus_size'
  | 'rsa_exponent'
  | 'curve_not_accepted'
  | 'explicit_curve'
  | 'key_type_not_accepted'
  | 'bad_signature'
  | 'signature_unverifiable'
  | 'no_names'
  // warnings only
  | 'large_rsa_key'
  | 'small_rsa_exponent'
  | 'sha1_signature'
  | 'several_common_names'
  | 'not_a_host_name'
  | 'ip_address'
  | 'other_san'
  | 'unreadable_san';

export interface CsrProblem {
  code: CsrProblemCode;
  message: string;
}

export type KeyType = 'RSA' | 'EC' | 'Ed25519' | 'Ed448' | 'DSA' | 'other';

/** What the key in a CSR is, and what is wrong with it, decided from its SubjectPublicKeyInfo alone. */
export interface KeyFacts {
  keyType: KeyType;
  /** RSA: exact modulus length in bits. EC: the curve's size. */
  keySize?: number;
  /** EC: 'P-256', 'P-384', 'P-521', 'secp256k1', 'brainpoolP256r1' or the curve's OID. */
  curve?: string;
  /** For people: 'RSA 2048-bit', 'ECDSA P-256', 'DSA'. */
  keyDescription: string;
  problems: CsrProblem[];
  warnings: CsrProblem[];
}

export interface CsrFacts extends KeyFacts {
  ok: true;
  /** The CSR as PEM with the standard header, 64-character lines and LF line ends (no final newline). */
  pem: string;
  commonName?: string;
  /** The subject's other parts as text, most significant first: 'C=US, ST=Utah, L=Lehi, O=Example Inc.'. */
  subject: string;
  /** The same parts, one entry each: [{ name: 'O', value: 'Example Inc.' }]. */
  subjectParts: { name: string; value: string }[];
  /** DNS names from the subjectAltName extension, in CSR order, without case-insensitive repeats. */
  sans: string[];
  /** IP address SANs, shown but never taken as DNS names. */
  ipAddresses: string[];
  /** For people: 'RSA with SHA-256', 'ECDSA with SHA-384'; an OID when unknown. */
  signatureAlgorithm: string;
  signatureValid: boolean;
}

/** The names of an order, in the shape of the request body's certificate.common_name / dns_names. */
export interface OrderNames {
  commonName: string;
  dnsNames: string[];
}
