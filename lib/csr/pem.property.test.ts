import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { compareCsrWithOrder, namesFromCsr } from './compare';
import { type CsrBlock, findCsrPem, readCsrBytes } from './pem';
import { makeCsr } from './testing/make-csr';
import type { CsrError } from './types';

/**
 * The CSR box's cheap checks on any text or file: never an exception, always a parsed PEM in the
 * standard form or a refusal with a code and a sentence. Long runs of the characters the clean-up
 * looks for are generated on purpose (they used to take seconds).
 */
const RUNS = { seed: 42, numRuns: 1000 };
const CODES = [
  'empty',
  'too_large',
  'private_key',
  'certificate',
  'public_key',
  'other_pem',
  'no_csr',
  'multiple',
  'truncated',
  'trailing_data',
  'bad_base64',
  'binary',
  'not_csr',
];
const STANDARD_PEM =
  /^-----BEGIN CERTIFICATE REQUEST-----\n(?:[A-Za-z0-9+/=]{1,64}\n)+-----END CERTIFICATE REQUEST-----$/;

let pem: string;
beforeAll(async () => {
  pem = await makeCsr({ key: 'P-256', dns: ['www.example.com'] });
});

function expectAnswer(result: CsrBlock | CsrError): void {
  if (result.ok) {
    expect(result.pem).toMatch(STANDARD_PEM);
    expect(result.der.length).toBeGreaterThan(0);
  } else {
    expect(CODES).toContain(result.code);
    expect(result.message.length).toBeGreaterThan(20);
    expect(result.message.length).toBeLessThan(600);
  }
}

const RUN_OF = ['-', ',', ' ', '\n', '=', 'A', '\u2014', ',x', '- ', '-,', ':'];
const run = fc
  .tuple(fc.constantFrom(...RUN_OF), fc.nat(70_000))
  .map(([unit, n]) => unit.repeat(Math.ceil(n / unit.length)).slice(0, n));
const piece = fc.oneof(
  fc.constantFrom(
    '<PEM>',
    '-----BEGIN CERTIFICATE REQUEST-----',
    '-----END CERTIFICATE REQUEST-----',
    '-----BEGIN NEW CERTIFICATE REQUEST-----',
    '-----BEGIN PRIVATE KEY-----',
    '\u2013\u2013\u2013BEGIN CERTIFICATE REQUEST\u2014\u2014\u2014',
    '\\n',
    '\r\n',
    '\uFEFF',
    '\u200b',
    '"',
    ';',
  ),
  fc.base64String({ maxLength: 300 }),
  fc.string({ maxLength: 30 }),
  run,
);
/** Pieces joined; `<PEM>` becomes a real CSR, so texts that hold one are generated too. */
const text = fc.array(piece, { maxLength: 6 }).map((pieces) => pieces.join(''));

describe('findCsrPem and readCsrBytes on any input', () => {
  it('answers any pasted text with a PEM or a refusal', () => {
    fc.assert(
      fc.property(text, (t) => expectAnswer(findCsrPem(t.replaceAll('<PEM>', pem)))),
      RUNS,
    );
  });

  it('answers any dropped file with a PEM or a refusal', () => {
    const der = fc.uint8Array({ maxLength: 2000 }).map((b) => (b.length > 0 ? b.with(0, 0x30) : b));
    const bytes = fc.oneof(fc.uint8Array({ maxLength: 2000 }), der);
    fc.assert(
      fc.property(bytes, (b) => expectAnswer(readCsrBytes(b))),
      RUNS,
    );
  });

  it('compares and copies any names without throwing', () => {
    const name = fc.oneof(fc.string(), run, fc.domain());
    const csr = fc.record({
      commonName: fc.option(name, { nil: undefined }),
      sans: fc.array(name, { maxLength: 4 }),
    });
    const order = fc.record({ commonName: name, dnsNames: fc.array(name, { maxLength: 4 }) });
    fc.assert(
      fc.property(csr, order, (facts, names) => {
        const comparison = compareCsrWithOrder(facts, names);
        expect(comparison.same).toBe(comparison.differences.length === 0);
        expect(typeof namesFromCsr(facts).commonName).toBe('string');
      }),
      RUNS,
    );
  });
});
