// Property tests: no error body, however odd, makes the error reader throw, hang or say too much.
// Fixed seeds keep the runs reproducible; any case that ever fails is kept as a named regression
// test in errors.test.ts.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ERROR_LIMITS } from './error-body';
import {
  type ApiErrorItem,
  CertCentralError,
  type CertCentralErrorKind,
  certCentralErrorTitle,
  describeCertCentralError,
  errorFromBody,
  parseErrorBody,
} from './errors';

const RUNS = { seed: 8, numRuns: 2000 };
// biome-ignore lint/suspicious/noControlCharactersInRegex: asserting that none are left.
const UNSHOWABLE = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/;

function checkItems(items: ApiErrorItem[]): void {
  expect(items.length).toBeLessThanOrEqual(ERROR_LIMITS.items);
  for (const { code, message } of items) {
    expect(code.length).toBeLessThanOrEqual(ERROR_LIMITS.code);
    expect(message.length).toBeLessThanOrEqual(ERROR_LIMITS.message);
    expect(code.length + message.length).toBeGreaterThan(0);
    expect(UNSHOWABLE.test(code) || UNSHOWABLE.test(message)).toBe(false);
  }
}

function checkSentence(text: string): void {
  expect(typeof text).toBe('string');
  expect(text.length).toBeGreaterThan(0);
  expect(text.length).toBeLessThanOrEqual(ERROR_LIMITS.sentence);
}

/** Every way the transport or a caller can build an error from a body, each described and titled. */
function checkBody(text: string, status: number, unsafe: boolean): void {
  const items = parseErrorBody(text);
  checkItems(items);
  const fromTransport = errorFromBody(
    unsafe ? 'POST /order/certificate/x' : 'GET /user',
    status,
    text,
    unsafe,
  );
  checkItems(fromTransport.errors);
  expect(fromTransport.message.length).toBeLessThan(ERROR_LIMITS.sentence);
  checkSentence(describeCertCentralError(fromTransport));
  checkSentence(certCentralErrorTitle(fromTransport));
  const built = new CertCentralError({ kind: 'http', status, errors: items, message: text.slice(0, 50) });
  checkSentence(describeCertCentralError(built));
}

const status = fc.integer({ min: 100, max: 599 });
/** Fragments that exercise the JSON, HTML and entity paths and the character cleaning. */
const fragment = fc.constantFrom(
  '{',
  '}',
  '[',
  ']',
  '"',
  '\\',
  ':',
  ',',
  'errors',
  'code',
  'message',
  'error',
  '<',
  '>',
  '<title>',
  '</title>',
  '<script>',
  '</script',
  '<style>',
  '<!--',
  '-->',
  '&amp;',
  '&#x1F600;',
  '&#0;',
  '&#xD800;',
  '&bogus;',
  '\u0000',
  '\u202e',
  '\u200b',
  '\ud83d',
  '\n',
  ' ',
  'a',
  '|',
  '_',
  'access_denied_invalid_key',
);
const soup = fc.array(fragment, { maxLength: 80 }).map((parts) => parts.join(''));
/** Any JSON value serialised; `undefined` (from fc.anything) becomes the empty body. */
const serialised = (value: unknown) => JSON.stringify(value) ?? '';
const itemLike = fc.oneof(
  fc.record(
    { code: fc.oneof(fc.string(), fc.integer(), fc.json()), message: fc.oneof(fc.string(), fc.json()) },
    {
      requiredKeys: [],
    },
  ),
  fc.string({ unit: 'binary', maxLength: 400 }),
  fc.anything(),
);
const shaped = fc.oneof(
  fc.array(itemLike, { maxLength: 30 }).map((errors) => ({ errors })),
  itemLike.map((errors) => ({ errors })),
  itemLike.map((error) => ({ error })),
  itemLike,
  fc.dictionary(fc.string(), itemLike).map((errors) => ({ errors })),
);

describe('parseErrorBody and describeCertCentralError never throw and stay capped', {
  timeout: 60_000,
}, () => {
  it('for any string', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'binary', maxLength: 2000, size: 'large' }),
        status,
        fc.boolean(),
        checkBody,
      ),
      RUNS,
    );
  });

  it('for JSON/HTML fragment soup', () => {
    fc.assert(fc.property(soup, status, fc.boolean(), checkBody), RUNS);
  });

  it('for any JSON value (fc.json)', () => {
    fc.assert(fc.property(fc.json({ maxDepth: 6 }), status, fc.boolean(), checkBody), RUNS);
  });

  it('for anything serialised (fc.anything)', () => {
    fc.assert(
      fc.property(
        fc.anything({ maxDepth: 5, withNullPrototype: true }),
        status,
        fc.boolean(),
        (value, s, u) => checkBody(serialised(value), s, u),
      ),
      RUNS,
    );
  });

  it('for error bodies of every documented and undocumented shape', () => {
    fc.assert(
      fc.property(shaped, status, fc.boolean(), (value, s, u) => checkBody(serialised(value), s, u)),
      RUNS,
    );
  });

  it('for deep nesting', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 3000 }),
        fc.constantFrom('[', '{"errors":', '{"error":'),
        status,
        (depth, open, s) => {
          const close = open === '[' ? ']' : '}';
          checkBody(`${open.repeat(depth)}"deep_code"${close.repeat(depth)}`, s, false);
        },
      ),
      { seed: 8, numRuns: 200 },
    );
  });

  it('for huge lists, counting what it does not keep', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 25_000 }),
        fc.string({ maxLength: 40 }),
        status,
        (n, message, s) => {
          const text = JSON.stringify({
            errors: Array.from({ length: n }, (_, i) => ({ code: `c_${i}`, message })),
          });
          const err = errorFromBody('POST /order/certificate/x', s, text, true);
          expect(err.errors.length + err.moreErrors).toBe(n);
          checkItems(err.errors);
          expect(err.message.length).toBeLessThan(ERROR_LIMITS.sentence);
          checkSentence(describeCertCentralError(err));
        },
      ),
      { seed: 8, numRuns: 25 },
    );
  });

  it('for errors of every kind built by hand, with any message and items', () => {
    const kind = fc.constantFrom<CertCentralErrorKind>('http', 'timeout', 'network', 'invalid-response');
    const long = fc.noShrink(fc.string({ maxLength: 300, size: 'max' })); // shrinking these took minutes
    const item = fc.record({ code: long, message: long });
    fc.assert(
      fc.property(
        kind,
        fc.option(status, { nil: undefined }),
        fc.array(item, { maxLength: 8 }),
        fc.string({ maxLength: 3000, size: 'max' }),
        fc.boolean(),
        fc.nat(1_000_000),
        (k, s, errors, message, unsafeMethod, moreErrors) => {
          const err = new CertCentralError({ kind: k, status: s, errors, message, unsafeMethod, moreErrors });
          checkSentence(describeCertCentralError(err));
          checkSentence(certCentralErrorTitle(err));
        },
      ),
      RUNS,
    );
  });
});
