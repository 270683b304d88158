import { type ProblemCode, quote } from './problem';

/** What is wrong with a value, as a code and a sentence without the path (the caller adds it). */
export interface Finding {
  code: ProblemCode;
  text: string;
}

const LABEL = /^[a-z0-9-]+$/i;
const EXAMPLE = 'use a name like www.example.com';

/**
 * Checks a name for `certificate.common_name` / `certificate.dns_names[]` (RFC 1035 / 1123 host
 * names as the CA/B Forum Baseline Requirements allow them in certificates):
 * - at most 253 characters, at least two labels, each label 1-63 letters, digits or hyphens,
 *   not starting or ending with a hyphen; letters in any case (DNS is case-insensitive);
 * - a wildcard only as the whole leftmost label (`*.example.com`, BR 7.1.2 "Wildcard Domain Name");
 * - an all-digit last label is an IP address, not a host name.
 * International names must be given in their ASCII (punycode, `xn--`) form.
 */
export function hostNameFinding(name: string): Finding | undefined {
  const q = quote(name);
  if (name.trim() === '') return { code: 'empty', text: `is empty; ${EXAMPLE}.` };
  if (name.endsWith('.'))
    return { code: 'trailing_dot', text: `${q} ends with a dot; remove the final "." (${EXAMPLE}).` };
  if (name.length > 253)
    return { code: 'name_too_long', text: `${q} has ${name.length} characters; a name has at most 253.` };
  const labels = name.split('.');
  if (labels.length < 2)
    return { code: 'single_label', text: `${q} is a single label; give a full domain name (${EXAMPLE}).` };
  // Wildcards first: "*.a.*.com" is best explained by where its wildcard sits.
  for (const [i, label] of labels.entries()) {
    if (!label.includes('*') || (i === 0 && label === '*')) continue;
    return i === 0
      ? {
          code: 'partial_wildcard',
          text: `${q} has a wildcard that is only part of a label; the wildcard must be the whole leftmost label, as in *.example.com.`,
        }
      : {
          code: 'wildcard_not_leftmost',
          text: `${q} has a wildcard that is not the leftmost label; use a name like *.example.com.`,
        };
  }
  for (const label of labels) {
    if (label === '*') continue;
    if (label === '')
      return { code: 'empty_label', text: `${q} has an empty label (two dots in a row?); ${EXAMPLE}.` };
    if (label.length > 63)
      return { code: 'label_too_long', text: `${q} has a label longer than 63 characters; shorten it.` };
    if (!LABEL.test(label))
      return {
        code: 'invalid_character',
        text: `${q} contains characters other than letters, digits, hyphens and dots; write international names in punycode (xn--...) and leave out spaces and underscores.`,
      };
    if (label.startsWith('-') || label.endsWith('-'))
      return {
        code: 'hyphen_at_label_edge',
        text: `${q} has a label that starts or ends with a hyphen; remove it.`,
      };
  }
  if (/^\d+$/.test(labels[labels.length - 1] ?? ''))
    return {
      code: 'numeric_tld',
      text: `${q} looks like an IP address; these products secure domain names only.`,
    };
  return undefined;
}

export function isWildcard(name: string): boolean {
  return name.startsWith('*.');
}
