import { z } from 'zod/mini';
import { t } from '../i18n';
import { formatNumber } from '../i18n/format';
import { lazySchema } from '../lazy-schema';
import { parseIsoDay } from './dates';
import { type Finding, hostNameFinding } from './host-name';
import { quote } from './problem';

/**
 * Field formats for the request schema. Each check reports our own code and an actionable sentence
 * (as a zod "custom" issue, params.code), so the popup needs no zod locale and messages stay ours.
 * Checks only look at one value; rules that relate fields live in rules/*.ts.
 */
function finding<T>(test: (value: T) => Finding | undefined): z.core.CheckFn<T> {
  return (payload) => {
    const f = test(payload.value);
    if (f)
      payload.issues.push({
        code: 'custom',
        input: payload.value,
        message: f.text,
        params: { code: f.code },
        // A bad value must not stop checks further up (dns_names still looks for duplicates).
        continue: true,
      });
  };
}

const regexFinding =
  (re: RegExp, code: Finding['code'], text: (v: string) => string) =>
  (v: string): Finding | undefined =>
    re.test(v) ? undefined : { code, text: text(v) };

export const NonEmpty = lazySchema(() => z.string().check(z.minLength(1)));
export const Id = lazySchema(() => z.int().check(z.positive()));
/** Several integer switches are documented as 0 or 1 ("Allowed values" on DigiCert's order page). */
export const ZeroOrOne = lazySchema(() => z.literal([0, 1]));

export const HostName = lazySchema(() => z.string().check(finding(hostNameFinding)));

/** Duplicates in dns_names are refused, compared without regard to case (DNS is case-insensitive). */
export const DnsNames = lazySchema(() =>
  z.array(HostName).check((payload) => {
    const seen = new Map<string, number>();
    payload.value.forEach((name, i) => {
      const key = name.toLowerCase();
      const first = seen.get(key);
      if (first === undefined) seen.set(key, i);
      else
        payload.issues.push({
          code: 'custom',
          input: name,
          path: [i],
          message: t('common_check_duplicate_name', [quote(name), String(first)]),
          params: { code: 'duplicate' },
        });
    });
  }),
);

// Practical check only: DigiCert validates addresses itself; this catches typos such as a missing "@".
const EMAIL = /^[^\s@]+@(?:[a-z0-9-]+\.)+[a-z]{2,}$/i;
export const Email = lazySchema(() =>
  z
    .string()
    .check(finding(regexFinding(EMAIL, 'invalid_email', (v) => t('common_check_invalid_email', quote(v))))),
);

export const IsoDate = lazySchema(() =>
  z.string().check(
    finding((v) =>
      parseIsoDay(v)
        ? undefined
        : {
            code: 'invalid_date',
            text: t('common_check_invalid_date', quote(v)),
          },
    ),
  ),
);

/** SHA-1 thumbprint of the previous certificate: exactly 40 hex digits (DigiCert's order page, renewed_thumbprint). */
export const Thumbprint = lazySchema(() =>
  z.string().check(
    finding((v) => {
      if (/^[0-9a-f]{40}$/i.test(v)) return undefined;
      const text = /[:\s]/.test(v)
        ? t('common_check_thumbprint_colons')
        : v.length === 64
          ? t('common_check_thumbprint_sha256')
          : t('common_check_thumbprint');
      return { code: 'invalid_thumbprint', text };
    }),
  ),
);

/** No real parsing here (that is @peculiar/x509's job, loaded lazily): just the PEM armour. */
const CSR_BEGIN = /-----BEGIN (?:NEW )?CERTIFICATE REQUEST-----/;
const CSR_END = /-----END (?:NEW )?CERTIFICATE REQUEST-----/;

/**
 * A BEGIN line, then at least one character, then an END line. Searched in two steps from the first
 * BEGIN: one regex `BEGIN[\s\S]+END` rescans the rest of the text after every BEGIN it tries, which is
 * quadratic in a text of many BEGIN lines (half a second for 64 KB of them).
 */
function hasCsrArmour(v: string): boolean {
  const begin = CSR_BEGIN.exec(v);
  return begin !== null && CSR_END.test(v.slice(begin.index + begin[0].length + 1));
}

export const Csr = lazySchema(() =>
  z.string().check(
    finding((v) =>
      hasCsrArmour(v)
        ? undefined
        : {
            code: 'invalid_csr',
            text: t('common_check_invalid_csr'),
          },
    ),
  ),
);

/** Seed page: "A custom alphanumeric ID", "Maximum length: 64 characters"; we also allow - and _ (UUIDs). */
export const AlternativeOrderId = lazySchema(() =>
  z.string().check(
    finding((v) => {
      if (v.length === 0) return { code: 'empty', text: t('common_check_order_id_empty') };
      if (v.length > 64)
        return { code: 'too_long', text: t('common_check_order_id_too_long', formatNumber(v.length)) };
      if (!/^[A-Za-z0-9_-]+$/.test(v))
        return { code: 'invalid_character', text: t('common_check_order_id_characters', quote(v)) };
      return undefined;
    }),
  ),
);

/** CertCentral stores countries as ISO 3166-1 alpha-2 codes ("us" in recorded organizations). */
export const Country = lazySchema(() =>
  z
    .string()
    .check(
      finding(
        regexFinding(/^[a-z]{2}$/i, 'invalid_country', (v) => t('common_check_invalid_country', quote(v))),
      ),
    ),
);

/** Digits only, 12-19 of them, passing the Luhn check. The number is never repeated in a message. */
export const CardNumber = lazySchema(() =>
  z.string().check(
    finding((v) =>
      /^\d{12,19}$/.test(v) && luhn(v)
        ? undefined
        : {
            code: 'invalid_card_number',
            text: t('common_check_invalid_card'),
          },
    ),
  ),
);

function luhn(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
    sum += d;
  }
  return sum % 10 === 0;
}

/** Glossary locale codes look like "en" or "zh_CN". */
export const Locale = lazySchema(() =>
  z
    .string()
    .check(
      finding(
        regexFinding(/^[a-z]{2,3}(?:[_-][A-Za-z]{2,4})?$/, 'invalid_format', (v) =>
          t('common_check_invalid_locale', quote(v)),
        ),
      ),
    ),
);
