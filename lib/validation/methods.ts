/**
 * The DCV methods and where each one's value is published: pure facts shared by the background's
 * calls (lib/certcentral/validation.ts, validation-reading.ts) and the history panel (components/validation), which may not
 * import API code. Sources: docs/certcentral-api.md "Validation follow-through".
 */

/** DCV methods of the order page ("Domain control validation (DCV) methods"). */
export const KNOWN_DCV_METHODS = [
  'email',
  'dns-txt-token',
  'dns-cname-token',
  'http-token',
  'http-token-dynamic',
] as const;
export type KnownDcvMethod = (typeof KNOWN_DCV_METHODS)[number];
// `string & {}` keeps completion for the known names while a method DigiCert adds later is kept as sent.
export type DcvMethod = KnownDcvMethod | (string & {});

/** A known method, or `unknown` for a name the extension has no instructions for (kept as sent). */
export function dcvMethodKind(method: string | undefined): KnownDcvMethod | 'unknown' {
  return (KNOWN_DCV_METHODS as readonly string[]).includes(method ?? '')
    ? (method as KnownDcvMethod)
    : 'unknown';
}

/** The methods with a random value to publish (check-dcv and dcv-random-value are for these). */
export function isTokenMethod(method: string | undefined): boolean {
  const kind = dcvMethodKind(method);
  return kind !== 'email' && kind !== 'unknown';
}

/** Where a token method's value goes. */
export type DcvInstruction =
  | { kind: 'dns-txt'; host: string; alternativeHost: string; value: string }
  | { kind: 'dns-cname'; host: string; target: string }
  | { kind: 'http'; url: string; content: string }
  | { kind: 'email' }
  | { kind: 'unknown'; method: string };

/**
 * Where to publish `value` for `domain`:
 * - dns-txt-token: a TXT record with the value at the domain itself (DigiCert "DNS TXT record": host
 *   blank / `@` for the base domain, the subdomain's name for a subdomain); `_dnsauth.<domain>` is the
 *   alternative host a reseller's page names (unconfirmed by DigiCert's own pages).
 * - dns-cname-token: `<value>.<domain>` CNAME `dcv.digicert.com` (the target is the
 *   `verification_value` DigiCert sends; the record name form is unconfirmed).
 * - http-token: the value in `http://<domain>/.well-known/pki-validation/fileauth.txt` (DigiCert
 *   "HTTP Practical Demonstration"). http-token-dynamic uses a unique file name DigiCert gives, so it
 *   is reported as unknown here.
 */
export function dcvInstruction(method: string | undefined, domain: string, value: string): DcvInstruction {
  const bare = domain.startsWith('*.') ? domain.slice(2) : domain;
  switch (dcvMethodKind(method)) {
    case 'dns-txt-token':
      return { kind: 'dns-txt', host: bare, alternativeHost: `_dnsauth.${bare}`, value };
    case 'dns-cname-token':
      return { kind: 'dns-cname', host: `${value}.${bare}`, target: 'dcv.digicert.com' };
    case 'http-token':
      return { kind: 'http', url: `http://${bare}/.well-known/pki-validation/fileauth.txt`, content: value };
    case 'email':
      return { kind: 'email' };
    default:
      return { kind: 'unknown', method: method ?? '' };
  }
}
