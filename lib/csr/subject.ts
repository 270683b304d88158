// The names in a parsed CSR: the subject's common name and other parts, and the subjectAltName entries.
// Only DNS names are offered to the order; IP addresses and other kinds are shown as warnings.
import type { Pkcs10CertificateRequest } from '@peculiar/x509';
import { t } from '../i18n';
import { looksLikeHostName, looksLikeIpAddress } from './host';
import type { X509 } from './load';
import type { CsrFacts, CsrProblem } from './types';

const SAN_OID = '2.5.29.17';
/**
 * A DNS name has at most 253 characters (RFC 1035), an IP address far fewer. Longer names are neither,
 * and are not handed to the name patterns at all: the CSR is anyone's, and the IP address pattern takes
 * time quadratic in the length of a long run of colons.
 */
const MAX_NAME_LENGTH = 253;
const isIp = (name: string) => name.length <= MAX_NAME_LENGTH && looksLikeIpAddress(name);
const isHostName = (name: string) => name.length <= MAX_NAME_LENGTH && looksLikeHostName(name);
/** A name as a message shows it: the start of a long one is enough to recognise it. */
const shown = (name: string) => (name.length > 80 ? `${name.slice(0, 77)}...` : name);

type Names = Pick<CsrFacts, 'commonName' | 'subject' | 'subjectParts' | 'sans' | 'ipAddresses'> & {
  problems: CsrProblem[];
  warnings: CsrProblem[];
};

export function readNames(x509: X509, req: Pkcs10CertificateRequest): Names {
  const parts = req.subjectName
    .toJSON()
    .flatMap((rdn) =>
      Object.entries(rdn).flatMap(([name, values]) => values.map((value) => ({ name, value }))),
    );
  const cns = parts.filter((p) => p.name === 'CN').map((p) => p.value.trim());
  const subjectParts = parts.filter((p) => p.name !== 'CN');
  const out: Names = {
    commonName: cns[0] || undefined,
    subject: subjectParts.map((p) => `${p.name}=${p.value}`).join(', '),
    subjectParts,
    sans: [],
    ipAddresses: [],
    problems: [],
    warnings: [],
  };
  const warn = (code: CsrProblem['code'], message: string) => out.warnings.push({ code, message });
  if (cns.length > 1)
    warn(
      'several_common_names',
      t('popup_csr_several_cns', [String(cns.length), cns.map(shown).join(', '), shown(cns[0] ?? '')]),
    );

  const others: string[] = [];
  try {
    const ext = req.getExtension(SAN_OID);
    const items = ext instanceof x509.SubjectAlternativeNameExtension ? ext.names.items : [];
    const seen = new Set<string>();
    for (const { type, value } of items) {
      if (type === 'dns') {
        if (!seen.has(value.toLowerCase())) out.sans.push(value);
        seen.add(value.toLowerCase());
      } else if (type === 'ip') out.ipAddresses.push(value);
      else others.push(`${type}:${value}`);
    }
  } catch {
    warn('unreadable_san', t('popup_csr_unreadable_san'));
  }

  if (!out.commonName && out.sans.length === 0)
    out.problems.push({
      code: 'no_names',
      message: t('popup_csr_no_names'),
    });
  const cnIsIp = out.commonName !== undefined && isIp(out.commonName);
  const ips = cnIsIp && out.commonName ? [out.commonName, ...out.ipAddresses] : out.ipAddresses;
  if (ips.length > 0)
    warn('ip_address', t(ips.length > 1 ? 'popup_csr_ip_several' : 'popup_csr_ip_single', ips.join(', ')));
  if (others.length > 0) warn('other_san', t('popup_csr_other_san', others.map(shown).join(', ')));
  const odd = [cnIsIp ? undefined : out.commonName, ...out.sans].filter(
    (n): n is string => n !== undefined && !isHostName(n),
  );
  if (odd.length > 0)
    warn(
      'not_a_host_name',
      t(
        odd.length > 1 ? 'popup_csr_not_host_several' : 'popup_csr_not_host_single',
        odd.map((n) => JSON.stringify(shown(n))).join(', '),
      ),
    );
  return out;
}
