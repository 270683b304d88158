import { t } from '../i18n';
import { formatNumber } from '../i18n/format';
import { type ProblemCode, quote } from './problem';

/** What is wrong with a value, as a code and a sentence without the path (the caller adds it). */
export interface Finding {
  code: ProblemCode;
  text: string;
}

const LABEL = /^[a-z0-9-]+$/i;

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
  if (name.trim() === '') return { code: 'empty', text: t('common_check_name_empty') };
  if (name.endsWith('.')) return { code: 'trailing_dot', text: t('common_check_name_trailing_dot', q) };
  if (name.length > 253)
    return { code: 'name_too_long', text: t('common_check_name_too_long', [q, formatNumber(name.length)]) };
  const labels = name.split('.');
  if (labels.length < 2) return { code: 'single_label', text: t('common_check_name_single_label', q) };
  // Wildcards first: "*.a.*.com" is best explained by where its wildcard sits.
  for (const [i, label] of labels.entries()) {
    if (!label.includes('*') || (i === 0 && label === '*')) continue;
    return i === 0
      ? { code: 'partial_wildcard', text: t('common_check_name_partial_wildcard', q) }
      : { code: 'wildcard_not_leftmost', text: t('common_check_name_wildcard_not_leftmost', q) };
  }
  for (const label of labels) {
    if (label === '*') continue;
    if (label === '') return { code: 'empty_label', text: t('common_check_name_empty_label', q) };
    if (label.length > 63) return { code: 'label_too_long', text: t('common_check_name_label_too_long', q) };
    if (!LABEL.test(label)) return { code: 'invalid_character', text: t('common_check_name_characters', q) };
    if (label.startsWith('-') || label.endsWith('-'))
      return { code: 'hyphen_at_label_edge', text: t('common_check_name_hyphen', q) };
  }
  if (/^\d+$/.test(labels[labels.length - 1] ?? ''))
    return { code: 'numeric_tld', text: t('common_check_name_numeric', q) };
  return undefined;
}

export function isWildcard(name: string): boolean {
  return name.startsWith('*.');
}
