// What key a CSR carries and whether a public CA will certify it, read from the SubjectPublicKeyInfo
// with der.ts (exact RSA bit length and exponent, the EC curve's OID even for curves x509 cannot name).
// The rules are the CA/Browser Forum Baseline Requirements (BR) 6.1.5/6.1.6 and the Mozilla Root
// Store Policy 5.1, which every publicly trusted TLS certificate (so every DigiCert order) must meet.
import { t } from '../i18n';
import { bitLength, children, decodeOid, integerValue, readTlv } from './der';
import type { CsrProblem, KeyFacts } from './types';

const RSA_OIDS = new Set(['1.2.840.113549.1.1.1', '1.2.840.113549.1.1.10']); // rsaEncryption, RSASSA-PSS
const EC_PUBLIC_KEY = '1.2.840.10045.2.1';
const CURVES: Record<string, { name: string; bits: number }> = {
  '1.2.840.10045.3.1.7': { name: 'P-256', bits: 256 },
  '1.3.132.0.34': { name: 'P-384', bits: 384 },
  '1.3.132.0.35': { name: 'P-521', bits: 521 },
  '1.3.132.0.10': { name: 'secp256k1', bits: 256 },
  '1.2.840.10045.3.1.1': { name: 'P-192', bits: 192 },
  '1.3.132.0.33': { name: 'P-224', bits: 224 },
  '1.3.36.3.3.2.8.1.1.7': { name: 'brainpoolP256r1', bits: 256 },
  '1.3.36.3.3.2.8.1.1.11': { name: 'brainpoolP384r1', bits: 384 },
  '1.3.36.3.3.2.8.1.1.13': { name: 'brainpoolP512r1', bits: 512 },
};
/**
 * BR 6.1.5 also lists P-521, but the Mozilla Root Store Policy (5.1) allows only P-256 and P-384 for
 * certificates chaining to its roots, and DigiCert issues public TLS certificates for those two only.
 */
export const ACCEPTED_CURVES: readonly string[] = ['P-256', 'P-384'];
const OTHER_KEYS: Record<string, { type: KeyFacts['keyType']; name: string }> = {
  '1.3.101.112': { type: 'Ed25519', name: 'Ed25519' },
  '1.3.101.113': { type: 'Ed448', name: 'Ed448' },
  '1.2.840.10040.4.1': { type: 'DSA', name: 'DSA' },
  '1.3.101.110': { type: 'other', name: 'X25519' },
  '1.3.101.111': { type: 'other', name: 'X448' },
};

const problem = (code: CsrProblem['code'], message: string): CsrProblem => ({ code, message });

export function analyseSpki(spki: Uint8Array): KeyFacts {
  const outer = readTlv(spki, 0);
  const [alg, key] = outer ? children(spki, outer) : [];
  const [oidTlv, params] = alg ? children(spki, alg) : [];
  const oid = oidTlv?.tag === 0x06 ? decodeOid(spki, oidTlv) : '';
  if (RSA_OIDS.has(oid) && key) return rsa(spki.subarray(key.body + 1, key.end)); // skip the unused-bits byte
  if (oid === EC_PUBLIC_KEY) {
    if (params?.tag !== 0x06)
      return refused('EC', 'ECDSA (explicit curve)', 'explicit_curve', t('popup_csr_explicit_curve'));
    const curveOid = decodeOid(spki, params);
    const curve = CURVES[curveOid] ?? { name: curveOid, bits: undefined };
    const facts: KeyFacts = {
      keyType: 'EC',
      keySize: curve.bits,
      curve: curve.name,
      keyDescription: `ECDSA ${curve.name}`,
      problems: [],
      warnings: [],
    };
    if (!ACCEPTED_CURVES.includes(curve.name))
      facts.problems.push(problem('curve_not_accepted', curveMessage(curve.name)));
    return facts;
  }
  const other = OTHER_KEYS[oid] ?? { type: 'other' as const, name: oid ? `key type ${oid}` : 'unknown key' };
  return refused(other.type, other.name, 'key_type_not_accepted', otherKeyMessage(other.name));
}

function rsa(bitString: Uint8Array): KeyFacts {
  const seq = readTlv(bitString, 0);
  const [n, e] = seq ? children(bitString, seq) : [];
  if (!n || !e) return refused('RSA', 'RSA (unreadable)', 'key_type_not_accepted', otherKeyMessage('RSA'));
  const bits = bitLength(integerValue(bitString, n));
  const exponent = integerValue(bitString, e);
  const facts: KeyFacts = {
    keyType: 'RSA',
    keySize: bits,
    keyDescription: `RSA ${bits}-bit`,
    problems: [],
    warnings: [],
  };
  const p = facts.problems;
  if (bits < 2048) p.push(problem('weak_key', t('popup_csr_weak_key', String(bits))));
  else if (bits % 8 !== 0) p.push(problem('rsa_modulus_size', t('popup_csr_rsa_size', String(bits))));
  if (exponent < 3n || exponent % 2n === 0n)
    p.push(problem('rsa_exponent', t('popup_csr_rsa_exponent', String(exponent))));
  else if (exponent < 65537n)
    facts.warnings.push(problem('small_rsa_exponent', t('popup_csr_small_exponent', String(exponent))));
  if (bits > 4096) facts.warnings.push(problem('large_rsa_key', t('popup_csr_large_key', String(bits))));
  return facts;
}

function refused(
  keyType: KeyFacts['keyType'],
  name: string,
  code: CsrProblem['code'],
  message: string,
): KeyFacts {
  return { keyType, keyDescription: name, problems: [problem(code, message)], warnings: [] };
}

function curveMessage(curve: string): string {
  return curve === 'P-521' ? t('popup_csr_p521') : t('popup_csr_curve', curve);
}

function otherKeyMessage(name: string): string {
  return t('popup_csr_other_key', name);
}
