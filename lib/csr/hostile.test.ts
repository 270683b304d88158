import { beforeAll, describe, expect, it } from 'vitest';
import { parseCsr } from './parse';
import { findCsrPem, MAX_INPUT_BYTES, normaliseText } from './pem';
import { makeCsr } from './testing/make-csr';
import type { CsrError } from './types';

/**
 * Pasted text is anyone's: long runs of the characters the clean-up looks for used to take seconds
 * (quadratic patterns, run before the size check). Each case here ends in a clear answer; how fast is
 * not asserted (timings vary by machine), but every one of them took seconds before.
 */
let pem: string;

beforeAll(async () => {
  pem = await makeCsr({ key: 'P-256', dns: ['www.example.com'] });
});

function codeOf(result: ReturnType<typeof findCsrPem>): CsrError['code'] | 'ok' {
  return result.ok ? 'ok' : result.code;
}

describe('findCsrPem: long runs of what the clean-up looks for', () => {
  it.each([
    ['a 60,000-character run of "-"', '-'.repeat(60_000), 'no_csr'],
    ['a 60,000-character run of "," not at the end', `${','.repeat(60_000)}x`, 'no_csr'],
    ['a 60,000-character run of "," at the end', `x${','.repeat(60_000)}`, 'no_csr'],
    ['a BEGIN line whose dashes run on for 60,000 characters', `-----BEGIN${'-'.repeat(60_000)}`, 'no_csr'],
    ['60,000 em dashes', '\u2014'.repeat(60_000), 'no_csr'],
    [
      'a run of "=" inside the body',
      `-----BEGIN CERTIFICATE REQUEST-----\n${'='.repeat(60_000)}A\n-----END CERTIFICATE REQUEST-----`,
      'bad_base64',
    ],
  ])('refuses %s', (_, text, code) => {
    expect(codeOf(findCsrPem(text))).toBe(code);
  });

  it('measures the size before cleaning up: 70,000 dashes or spaces are "too large"', () => {
    expect(codeOf(findCsrPem('-'.repeat(70_000)))).toBe('too_large');
    expect(codeOf(findCsrPem(' '.repeat(MAX_INPUT_BYTES + 1)))).toBe('too_large');
  });

  it('still finds a CSR after a long run of dashes or before a long run of separators', () => {
    for (const text of [`${'-'.repeat(50_000)}${pem}`, `"${pem}"${',;'.repeat(20_000)}`]) {
      const found = findCsrPem(text);
      expect(found.ok && found.pem).toBe(pem);
    }
  });

  it('still mends armour whose dashes became en dashes, and strips quotes and separators', () => {
    expect(normaliseText('\u2013\u2013\u2013BEGIN X\u2014\u2014\u2014')).toBe('-----BEGIN X-----');
    expect(normaliseText(`"'\`a,;"`)).toBe('a');
    expect(normaliseText(',,,')).toBe('');
  });
});

describe('parseCsr: names from a hostile CSR', () => {
  it('reads a CSR whose common name is a long run of colons, and shows only its start', async () => {
    const csr = await makeCsr({ key: 'P-256', subject: `CN=${':'.repeat(20_000)}x` });
    const facts = await parseCsr(csr);
    expect(facts.ok).toBe(true);
    if (!facts.ok) return;
    const warning = facts.warnings.find((w) => w.code === 'not_a_host_name');
    expect(warning?.message).toMatch(/^":{77}\.\.\." is not a host name/);
  });
});
