// Reads a CSR completely: the cheap checks of pem.ts first, then @peculiar/x509 (loaded on first use)
// for the subject, the SANs and the signature, and keys.ts for the key. Nothing here throws for bad
// input: every outcome is a CsrError or CsrFacts whose problems (refusals) and warnings are sentences.
import type { Pkcs10CertificateRequest } from '@peculiar/x509';
import { t } from '../i18n';
import { analyseSpki } from './keys';
import { loadX509, type X509 } from './load';
import { fail, MESSAGES } from './messages';
import { findCsrPem, readCsrBytes } from './pem';
import { readNames } from './subject';
import type { CsrError, CsrFacts, CsrProblem, KeyFacts } from './types';

/** Pasted text, or the bytes of a dropped file (PEM or DER). */
export async function parseCsr(input: string | Uint8Array | ArrayBuffer): Promise<CsrFacts | CsrError> {
  const block = typeof input === 'string' ? findCsrPem(input) : readCsrBytes(new Uint8Array(input));
  if (!block.ok) return block;
  let x509: X509;
  try {
    x509 = await loadX509();
  } catch {
    return fail('load_failed', MESSAGES.loadFailed);
  }
  let req: Pkcs10CertificateRequest;
  let key: KeyFacts;
  let names: ReturnType<typeof readNames>;
  try {
    // x509 decodes parts lazily, so reading them can throw too: all of it counts as "not a CSR".
    req = new x509.Pkcs10CertificateRequest(block.der);
    key = analyseSpki(new Uint8Array(req.publicKey.rawData));
    names = readNames(x509, req);
  } catch {
    return fail('not_csr', MESSAGES.notCsr);
  }
  const signature = await checkSignature(req, key);
  const { warnings: nameWarnings, problems: nameProblems, ...nameFacts } = names;
  return {
    ok: true,
    pem: block.pem,
    ...nameFacts,
    keyType: key.keyType,
    keySize: key.keySize,
    curve: key.curve,
    keyDescription: key.keyDescription,
    signatureAlgorithm: signature.description,
    signatureValid: signature.valid,
    problems: [...key.problems, ...signature.problems, ...nameProblems],
    warnings: [...key.warnings, ...signature.warnings, ...nameWarnings],
  };
}

const SIGNERS: Record<string, string> = { 'RSASSA-PKCS1-v1_5': 'RSA', 'RSA-PSS': 'RSA-PSS', ECDSA: 'ECDSA' };
const HASHES = ['SHA-1', 'SHA-256', 'SHA-384', 'SHA-512'];
/** Signature algorithms x509 cannot name, so the message says more than an OID. */
const KNOWN_OIDS: Record<string, string> = {
  '1.2.840.113549.1.1.4': 'RSA with MD5',
  '1.2.840.113549.1.1.2': 'RSA with MD2',
  '1.2.840.10040.4.3': 'DSA with SHA-1',
  '2.16.840.1.101.3.4.3.2': 'DSA with SHA-256',
};

/** Own entries only: the name comes from the CSR, and `constructor` must not find Object's. */
const lookUp = (table: Record<string, string>, name: string): string | undefined =>
  Object.hasOwn(table, name) ? table[name] : undefined;

interface SignatureCheck {
  description: string;
  valid: boolean;
  problems: CsrProblem[];
  warnings: CsrProblem[];
}

/**
 * The signature proves the CSR was made by the holder of the private key and not changed since.
 * Refused: a signature that does not verify, and, for an otherwise acceptable key, one whose algorithm
 * cannot be checked (MD5): the CA cannot check it either. When the key is refused and WebCrypto cannot
 * even use it (secp256k1, DSA), the key's refusal already says what to do, so nothing is added.
 */
async function checkSignature(req: Pkcs10CertificateRequest, key: KeyFacts): Promise<SignatureCheck> {
  const out: SignatureCheck = { description: 'unknown', valid: false, problems: [], warnings: [] };
  let signer: string | undefined;
  let hash: string | undefined;
  try {
    const alg = req.signatureAlgorithm as { name: string; hash?: string | { name: string } };
    hash = typeof alg.hash === 'string' ? alg.hash : alg.hash?.name;
    signer = lookUp(SIGNERS, alg.name);
    out.description = signer && hash ? `${signer} with ${hash}` : (lookUp(KNOWN_OIDS, alg.name) ?? alg.name);
  } catch {
    // an algorithm x509 cannot even describe: left as 'unknown'
  }
  let checked = true;
  try {
    out.valid = await req.verify();
  } catch {
    checked = false; // WebCrypto cannot use this key or algorithm, or the signature is damaged beyond decoding
  }
  const checkable = signer !== undefined && hash !== undefined && HASHES.includes(hash);
  const keyUsable = key.problems.length === 0 || checked;
  if (!out.valid && keyUsable && checkable) {
    out.problems.push({
      code: 'bad_signature',
      message: t('popup_csr_bad_signature'),
    });
  } else if (!out.valid && key.problems.length === 0) {
    out.problems.push({
      code: 'signature_unverifiable',
      message: t('popup_csr_unverifiable', out.description),
    });
  } else if (out.valid && hash === 'SHA-1') {
    out.warnings.push({
      code: 'sha1_signature',
      message: t('popup_csr_sha1'),
    });
  }
  return out;
}
