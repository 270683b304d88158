import { describe, expect, it } from 'vitest';
import { readErrorBody } from './error-body';
import { parseErrorBody } from './errors';
import { manyErrors, NGINX_502, WRONG_KEY } from './testing/error-bodies';

// Regressions are kept in errors.test.ts.

describe('parseErrorBody: every shape', () => {
  it('reads the documented list, keeping every error', () => {
    const body = JSON.stringify({
      errors: [
        { code: 'invalid_value:validity_years', message: 'Validity too long' },
        { code: 'csr_invalid_cannot_parse', message: 'Bad CSR' },
      ],
    });
    expect(parseErrorBody(body)).toEqual([
      { code: 'invalid_value:validity_years', message: 'Validity too long' },
      { code: 'csr_invalid_cannot_parse', message: 'Bad CSR' },
    ]);
  });

  it('reads the real wrong-key answer', () => {
    expect(parseErrorBody(WRONG_KEY)).toEqual([
      {
        code: 'access_denied|access_denied_invalid_key',
        message: 'Access denied due to access_denied_invalid_key.',
      },
    ]);
  });

  it('keeps the message of `errors` given as one object (older recorded answers)', () => {
    const body = '{"errors":{"code":"not_found|route","message":"The specified route was not found."}}';
    expect(parseErrorBody(body)).toEqual([
      { code: 'not_found|route', message: 'The specified route was not found.' },
    ]);
  });

  it.each([
    ['{"code":"not_found|order","message":"Order not found."}', 'not_found|order', 'Order not found.'],
    ['{"error":"Unauthorized"}', '', 'Unauthorized'],
    ['{"error":"invalid_api_key"}', 'invalid_api_key', ''],
    ['{"error":"invalid_grant","error_description":"Bad key"}', 'invalid_grant', 'Bad key'],
    [
      '{"error":{"code":"request_limit_exceeded","message":"Slow down"}}',
      'request_limit_exceeded',
      'Slow down',
    ],
    ['{"message":"Service unavailable"}', '', 'Service unavailable'],
    ['{"status":404,"detail":"No such route"}', '', 'No such route'],
    ['{"errors":"Something broke"}', '', 'Something broke'],
    ['{"errors":["missing_api_key"]}', 'missing_api_key', ''],
    ['{"errors":{"validity_years":["too long","at most 1"]}}', 'validity_years', 'too long; at most 1'],
    ['{"errors":[{"code":403,"message":"Denied"}]}', '403', 'Denied'],
    ['"Temporarily down"', '', 'Temporarily down'],
    ['Service Unavailable\n\nRetry later', '', 'Service Unavailable Retry later'],
  ])('reads %s', (body, code, message) => {
    expect(parseErrorBody(body)).toEqual([{ code, message }]);
  });

  it('takes the title of an HTML page (a proxy answering 502)', () => {
    expect(parseErrorBody(NGINX_502)).toEqual([{ code: '', message: '502 Bad Gateway' }]);
  });

  it('takes the first real text of an HTML page without a title, dropping scripts, styles and comments', () => {
    const page =
      '<!DOCTYPE html><html><head><style>h1{color:red}</style><script>var a = "<b>x</b>";</script></head>' +
      '<body><!-- <p>hidden</p> --><h1>&lt;Down&gt; for maintenance &amp; more&#33;</h1><p>Later</p></body></html>';
    expect(parseErrorBody(page)).toEqual([{ code: '', message: '<Down> for maintenance & more!' }]);
  });

  it.each([
    [''],
    ['   \n'],
    ['null'],
    ['500'],
    ['{}'],
    ['[]'],
    ['{"errors":[]}'],
    ['<html></html>'],
    ['<<<<'],
  ])('finds nothing in %j', (text) => {
    expect(parseErrorBody(text)).toEqual([]);
  });

  it('skips malformed items and fills a missing message', () => {
    expect(parseErrorBody('{"errors":[1,null,{"code":"not_found|order"},{},[],{"code":{}}]}')).toEqual([
      { code: 'not_found|order', message: '' },
    ]);
  });

  it('strips control, zero-width and bidi characters and collapses whitespace', () => {
    const body = JSON.stringify({
      errors: [{ code: 'bad\u0000_code', message: 'a\u0007b\u202ec\u200b\r\n\td' }],
    });
    expect(parseErrorBody(body)).toEqual([{ code: 'bad _code', message: 'a b c d' }]);
  });

  it('caps codes at 100 and messages at 300 characters', () => {
    const [item] = parseErrorBody(
      JSON.stringify({ errors: [{ code: 'c'.repeat(500), message: 'm'.repeat(5000) }] }),
    );
    expect(item?.code).toBe(`${'c'.repeat(99)}…`);
    expect(item?.message).toBe(`${'m'.repeat(299)}…`);
  });

  it('keeps 5 of 20,000 errors and counts the rest', () => {
    const body = readErrorBody(manyErrors(20_000));
    expect(body.items.map((e) => e.code)).toEqual(['code_0', 'code_1', 'code_2', 'code_3', 'code_4']);
    expect(body.more).toBe(19_995);
  });

  it('reads 10 MB bodies of every kind quickly', () => {
    const bodies = [
      'x'.repeat(10_000_000),
      '<'.repeat(10_000_000),
      '['.repeat(10_000_000),
      `<title>${'a'.repeat(10_000_000)}`,
      JSON.stringify({ errors: [{ code: 'x_y', message: 'm'.repeat(10_000_000) }] }),
      `${'['.repeat(200_000)}${']'.repeat(200_000)}`,
    ];
    for (const text of bodies) {
      const started = performance.now();
      const items = parseErrorBody(text);
      expect(performance.now() - started).toBeLessThan(500);
      expect(items.length).toBeLessThanOrEqual(1);
      expect(items[0]?.message.length ?? 0).toBeLessThanOrEqual(300);
    }
  });
});
