// Host name syntax for certificate.common_name and certificate.dns_names ("Domain to be secured",
// DigiCert's order page). Public TLS names are DNS names (RFC 1035 / RFC 5280 preferred name syntax):
// labels of 1-63 letters, digits and hyphens, not starting or ending with a hyphen, at most 253
// characters, a wildcard only as the whole left-most label. IDNs must be sent as A-labels (xn--).
// Single-label (internal) names and IP addresses are not domains a public certificate secures here.

const LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/i;

/** Returns why `name` is not an acceptable host name, or undefined if it is. */
export function hostnameProblem(name: unknown): string | undefined {
  if (typeof name !== 'string' || name === '') return 'must be a non-empty string';
  if (name.length > 253) return 'is longer than 253 characters';
  const wildcard = name.startsWith('*.');
  const rest = wildcard ? name.slice(2) : name;
  if (rest.includes('*')) return 'may contain a wildcard only as the whole left-most label (*.example.com)';
  const labels = rest.split('.');
  if (labels.length < 2) return 'must be a fully qualified domain name';
  for (const label of labels) {
    if (!LABEL.test(label)) return `has an invalid label "${label}"`;
  }
  const tld = labels[labels.length - 1] ?? '';
  if (/^[0-9]+$/.test(tld)) return 'must be a domain name, not an IP address';
  return undefined;
}

export function isWildcard(name: unknown): boolean {
  return typeof name === 'string' && name.startsWith('*.');
}
